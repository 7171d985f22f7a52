/**
 * BatchClaims: every claim of a batch, held from analysis until the reports
 * are written.
 *
 * Corroboration needs all of them at once, so they are what a batch's memory
 * grows with. As objects, a claim with its signature took about 950 bytes;
 * here its numbers live in typed arrays, its concepts are ids into one
 * dictionary (whether a concept is one the rule file names is a property of
 * the concept, kept once), and words, speaker lists and figures that recur
 * are stored once. A claim is made into an object again only when a cluster
 * shows it, and then only with what the cluster shows.
 */
import type { BatchClaim } from "./Corroborate.ts"

type Claim = Omit<BatchClaim, "article">
type Numbers = BatchClaim["signature"]["numbers"]

/** A claim as a cluster shows it, and what tells where its articles disagree. */
export interface Member {
  readonly article: string
  readonly claim: string
  readonly text: string
  readonly checkworthiness: number
  readonly speakers: ReadonlyArray<string>
  readonly numbers: Numbers
  readonly dates: ReadonlyArray<string>
}

/** A typed array that grows as values are pushed. */
class Growing<T extends Int32Array | Float64Array> {
  length = 0
  constructor(public values: T, private readonly make: (size: number) => T) {}
  push(value: number) {
    if (this.length === this.values.length) {
      const bigger = this.make(this.values.length * 2)
      bigger.set(this.values)
      this.values = bigger
    }
    this.values[this.length++] = value
  }
}

const int32 = () => new Growing(new Int32Array(1024), (size) => new Int32Array(size))

/** Values that recur, stored once; `undefined` is id -1. */
class Dictionary<A> {
  private readonly ids = new Map<string, number>()
  readonly values: Array<A> = []
  constructor(private readonly keyOf: (value: A) => string) {}
  id(value: A | undefined): number {
    if (value === undefined) return -1
    const key = this.keyOf(value)
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(key, id)
      this.values.push(value)
    }
    return id
  }
  get(id: number): A | undefined {
    return id < 0 ? undefined : this.values[id]
  }
}

const byItself = (value: string) => value
// Most lists are empty: their key needs no JSON. A list's items joined by a
// character no name holds, after their count, is a key as unique as its JSON
// and quicker made.
const byList = (list: ReadonlyArray<string>) => (list.length === 0 ? "" : `${list.length}\u0000${list.join("\u0000")}`)
const byNumbers = (list: Numbers) => (list.length === 0 ? "" : JSON.stringify(list.map(({ value, unit }) => [value, unit])))

/** The claims of one batch, in the order they were added. */
export class BatchClaims {
  private readonly articles: Array<string> = []
  private readonly articleIndices = new Map<string, number>()
  private readonly articleOf = int32()
  private readonly claimIds = new Dictionary<string>(byItself)
  private readonly claimId = int32()
  private readonly texts: Array<string> = []
  private readonly worth = new Growing(new Float64Array(1024), (size) => new Float64Array(size))
  private readonly speakerLists = new Dictionary<ReadonlyArray<string>>(byList)
  private readonly speakers = int32()
  private readonly words = new Dictionary<string>(byItself)
  private readonly frame = int32()
  private readonly agent = int32()
  private readonly dateLists = new Dictionary<ReadonlyArray<string>>(byList)
  private readonly dates = int32()
  private readonly numberLists = new Dictionary<Numbers>(byNumbers)
  private readonly numbers = int32()
  /** Concept ids of claim i: `conceptIds[conceptStart[i] .. conceptStart[i + 1]]`, sorted. */
  private readonly conceptStart = int32()
  private readonly conceptIds = int32()
  private readonly concepts = new Dictionary<string>(byItself)
  /** Whether the rule file names concept id: it then weighs more. */
  private readonly knownConcept: Array<boolean> = []

  constructor() {
    this.conceptStart.push(0)
  }

  /**
   * Add one article's claims; returns where they are: claims `from` to `to`
   * (exclusive). Claims added under one id are one article's, which never
   * corroborate each other.
   */
  add(article: string, claims: ReadonlyArray<Claim>): { readonly from: number; readonly to: number } {
    const from = this.size
    let index = this.articleIndices.get(article)
    if (index === undefined) {
      index = this.articles.push(article) - 1
      this.articleIndices.set(article, index)
    }
    for (const claim of claims) {
      const { signature } = claim
      this.articleOf.push(index)
      this.claimId.push(this.claimIds.id(claim.claim))
      this.texts.push(claim.text)
      this.worth.push(claim.checkworthiness)
      this.speakers.push(this.speakerLists.id(claim.speakers))
      this.frame.push(this.words.id(signature.frame))
      this.agent.push(this.words.id(signature.agent))
      this.dates.push(this.dateLists.id(signature.dates))
      this.numbers.push(this.numberLists.id(signature.numbers))
      const { concepts, known } = signature
      const ids = new Int32Array(concepts.length)
      for (let k = 0; k < concepts.length; k++) {
        const id = (ids[k] = this.concepts.id(concepts[k]!))
        if (known.length > 0 && known.includes(concepts[k]!)) this.knownConcept[id] = true
      }
      for (const id of ids.sort()) this.conceptIds.push(id)
      this.conceptStart.push(this.conceptIds.length)
    }
    return { from, to: this.size }
  }

  /** How many claims there are. */
  get size(): number {
    return this.articleOf.length
  }

  /** How many distinct concepts the claims use. */
  get conceptCount(): number {
    return this.concepts.values.length
  }

  /** Claim i's concept ids, sorted: a view, not a copy. */
  conceptsOf(i: number): Int32Array {
    return this.conceptIds.values.subarray(this.conceptStart.values[i]!, this.conceptStart.values[i + 1]!)
  }

  /** Whether the rule file names the concept. */
  isKnown(concept: number): boolean {
    return this.knownConcept[concept] === true
  }

  /** The article claim i belongs to, by index. */
  articleIndex(i: number): number {
    return this.articleOf.values[i]!
  }

  /** An article's id. */
  articleId(index: number): string {
    return this.articles[index]!
  }

  /** Claim i's id within its article: "c3". */
  claimIdOf(i: number): string {
    return this.claimIds.get(this.claimId.values[i]!)!
  }

  /** The direction words of claim i, as ids that are equal when the words are. */
  frameOf(i: number): number {
    return this.frame.values[i]!
  }

  agentOf(i: number): number {
    return this.agent.values[i]!
  }

  speakersOf(i: number): ReadonlyArray<string> {
    return this.speakerLists.get(this.speakers.values[i]!)!
  }

  checkworthinessOf(i: number): number {
    return this.worth.values[i]!
  }

  /** Claim i as a cluster shows it. */
  member(i: number): Member {
    return {
      article: this.articleId(this.articleIndex(i)),
      claim: this.claimIdOf(i),
      text: this.texts[i]!,
      checkworthiness: this.checkworthinessOf(i),
      speakers: this.speakersOf(i),
      numbers: this.numberLists.get(this.numbers.values[i]!)!,
      dates: this.dateLists.get(this.dates.values[i]!)!
    }
  }
}
