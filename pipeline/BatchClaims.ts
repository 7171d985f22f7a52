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
 *
 * Claims come in packed (`pack`): an array per claim, as a worker sends them
 * and the cache keeps them. Read back from the cache as objects, the claims
 * of 5,000 articles took three times as long to parse. They also come from
 * the last batch's table as the cache kept it (`Snapshot.ts`), copied
 * column by column.
 */
import type { BatchClaim } from "./Corroborate.ts"
import type { Slice, Snapshot, Table } from "./Snapshot.ts"

type Claim = Omit<BatchClaim, "article">
type Numbers = BatchClaim["signature"]["numbers"]

/** One claim as an array: its id, text, check-worthiness and speakers, then its signature's parts. */
export type Packed = readonly [
  claim: string,
  text: string,
  checkworthiness: number,
  speakers: ReadonlyArray<string>,
  frame: string | null,
  agent: string | null,
  dates: ReadonlyArray<string>,
  numbers: ReadonlyArray<readonly [value: number, unit: string]>,
  concepts: ReadonlyArray<string>,
  known: ReadonlyArray<string>
]

/** A claim, packed. */
export const pack = ({ claim, text, checkworthiness, speakers, signature }: Claim): Packed => [
  claim,
  text,
  checkworthiness,
  speakers,
  signature.frame ?? null,
  signature.agent ?? null,
  signature.dates,
  signature.numbers.map(({ value, unit }) => [value, unit] as const),
  signature.concepts,
  signature.known
]

/** Whether `value` is a list of strings: a packed claim's speakers, dates or concepts. */
export const strings = (value: unknown): value is Array<string> => Array.isArray(value) && value.every((item) => typeof item === "string")
/** Whether `value` is a packed claim's figures: value and unit pairs. */
export const figures = (value: unknown): value is Packed[7] =>
  Array.isArray(value) && value.every((figure: unknown) => Array.isArray(figure) && typeof figure[0] === "number" && typeof figure[1] === "string")
const word = (value: unknown): boolean => value === null || typeof value === "string"

/** Whether `value` is a packed claim: what was read back from a file is checked before use. */
export const isPacked = (value: unknown): value is Packed =>
  Array.isArray(value) &&
  value.length === 10 &&
  typeof value[0] === "string" &&
  typeof value[1] === "string" &&
  typeof value[2] === "number" &&
  strings(value[3]) &&
  word(value[4]) &&
  word(value[5]) &&
  strings(value[6]) &&
  figures(value[7]) &&
  strings(value[8]) &&
  strings(value[9])

/** One article's claims as they come: packed (from analysis or the entries file), or where they are in the last batch's table. */
export type Incoming = ReadonlyArray<Packed> | Slice

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
class Growing<T extends Int32Array | Float64Array | Uint8Array> {
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
const uint8 = () => new Growing(new Uint8Array(1024), (size) => new Uint8Array(size))

/** Values that recur, stored once; `null` is id -1. */
class Dictionary<A, Given = A> {
  private readonly ids = new Map<string, number>()
  readonly values: Array<A> = []
  constructor(private readonly keyOf: (value: Given) => string, private readonly made: (value: Given) => A = (value) => value as unknown as A) {}
  id(value: Given | null): number {
    if (value === null) return -1
    const key = this.keyOf(value)
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(key, id)
      this.values.push(this.made(value))
    }
    return id
  }
  get(id: number): A | undefined {
    return id < 0 ? undefined : this.values[id]
  }
}

const byItself = (value: string) => value
// Most lists are empty: their key needs no JSON. A list's items joined by
// NUL, after their count, is a key as unique as its JSON and quicker made,
// while no item holds NUL; one that does (a scraped name can) is keyed by its
// JSON, which starts with "[" where a joined key starts with a digit.
const byList = (list: ReadonlyArray<string>) =>
  list.length === 0 ? "" : list.some((item) => item.includes("\u0000")) ? JSON.stringify(list) : `${list.length}\u0000${list.join("\u0000")}`
const byNumbers = (list: Packed[7]) => (list.length === 0 ? "" : JSON.stringify(list))
const unpacked = (list: Packed[7]): Numbers => list.map(([value, unit]) => ({ value, unit }))

/** Where each of a snapshot's ids is in this table, once met: -2 until then. */
class Remap {
  readonly claimIds: Int32Array
  readonly speakerLists: Int32Array
  readonly words: Int32Array
  readonly dateLists: Int32Array
  readonly numberLists: Int32Array
  readonly concepts: Int32Array
  constructor(table: Table) {
    const unmet = (size: number) => new Int32Array(size).fill(-2)
    this.claimIds = unmet(table.claimIds.length)
    this.speakerLists = unmet(table.speakerLists.length)
    this.words = unmet(table.words.length)
    this.dateLists = unmet(table.dateLists.length)
    this.numberLists = unmet(table.numberLists.length)
    this.concepts = unmet(table.concepts.length)
  }
}

/** The id in `dictionary` of a snapshot's value `id`, found once and then remembered. */
const remapped = <A, Given>(map: Int32Array, id: number, dictionary: Dictionary<A, Given>, values: ReadonlyArray<Given>): number => {
  if (id < 0) return -1
  let mine = map[id]!
  if (mine === -2) mine = map[id] = dictionary.id(values[id]!)
  return mine
}

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
  private readonly numberLists = new Dictionary<Numbers, Packed[7]>(byNumbers, unpacked)
  private readonly numbers = int32()
  /** Concept ids of claim i: `conceptIds[conceptStart[i] .. conceptStart[i + 1]]`, sorted. */
  private readonly conceptStart = int32()
  private readonly conceptIds = int32()
  private readonly concepts = new Dictionary<string>(byItself)
  /** Whether the rule file names concept id: it then weighs more. */
  private readonly knownConcept: Array<boolean> = []
  /**
   * Beside each of `conceptIds`, 1 where that claim's concept was the rule
   * file's. A word's stem can be spelt like a concept the rule file names,
   * so this is a property of the claim; a snapshot keeps it, so that a
   * concept weighs what it would had the claims been added packed.
   */
  private readonly conceptKnown = uint8()

  private readonly remaps = new WeakMap<Snapshot, Remap>()

  constructor() {
    this.conceptStart.push(0)
  }

  /**
   * Add one article's claims; returns where they are: claims `from` to `to`
   * (exclusive). Claims added under one id are one article's, which never
   * corroborate each other. Claims in the last batch's table are copied
   * from it (`addFrom`).
   */
  add(article: string, claims: Incoming): { readonly from: number; readonly to: number } {
    if ("snapshot" in claims) return this.addFrom(article, claims)
    const from = this.size
    const index = this.indexOf(article)
    for (const [claim, text, checkworthiness, speakers, frame, agent, dates, numbers, concepts, known] of claims) {
      this.articleOf.push(index)
      this.claimId.push(this.claimIds.id(claim))
      this.texts.push(text)
      this.worth.push(checkworthiness)
      this.speakers.push(this.speakerLists.id(speakers))
      this.frame.push(this.words.id(frame))
      this.agent.push(this.words.id(agent))
      this.dates.push(this.dateLists.id(dates))
      this.numbers.push(this.numberLists.id(numbers))
      // Each concept's id and whether this claim's is the rule file's, as
      // one number: sorted by id, the two stay together.
      const marked = new Int32Array(concepts.length)
      for (let k = 0; k < concepts.length; k++) {
        marked[k] = this.concepts.id(concepts[k]!) * 2 + (known.length > 0 && known.includes(concepts[k]!) ? 1 : 0)
      }
      this.pushConcepts(marked.sort())
    }
    return { from, to: this.size }
  }

  /**
   * Add one article's claims copied from the last batch's, as `add` would have
   * added them packed: every value met for the first time gets its id in the
   * order `add` meets it, so that clusters do not depend on where the claims
   * came from.
   */
  addFrom(article: string, { snapshot, from: start, to: end }: Slice): { readonly from: number; readonly to: number } {
    const from = this.size
    const index = this.indexOf(article)
    const { table } = snapshot
    let remap = this.remaps.get(snapshot)
    if (!remap) this.remaps.set(snapshot, (remap = new Remap(table)))
    const unmet: Array<number> = []
    for (let i = start; i < end; i++) {
      this.articleOf.push(index)
      this.claimId.push(remapped(remap.claimIds, table.claimId[i]!, this.claimIds, table.claimIds))
      this.texts.push(table.texts[i]!)
      this.worth.push(table.worth[i]!)
      this.speakers.push(remapped(remap.speakerLists, table.speakers[i]!, this.speakerLists, table.speakerLists))
      this.frame.push(remapped(remap.words, table.frame[i]!, this.words, table.words))
      this.agent.push(remapped(remap.words, table.agent[i]!, this.words, table.words))
      this.dates.push(remapped(remap.dateLists, table.dates[i]!, this.dateLists, table.dateLists))
      this.numbers.push(remapped(remap.numberLists, table.numbers[i]!, this.numberLists, table.numberLists))
      const at = table.conceptStart[i]!
      const ids = table.conceptIds.subarray(at, table.conceptStart[i + 1]!)
      // `add` meets a claim's concepts in the order `Claims` lists them,
      // sorted by name: those new to this table get their ids in that order.
      unmet.length = 0
      for (const id of ids) if (remap.concepts[id] === -2) unmet.push(id)
      if (unmet.length > 1) unmet.sort((a, b) => (table.concepts[a]! < table.concepts[b]! ? -1 : 1))
      for (const id of unmet) remap.concepts[id] = this.concepts.id(table.concepts[id]!)
      const marked = new Int32Array(ids.length)
      for (let k = 0; k < ids.length; k++) marked[k] = remap.concepts[ids[k]!]! * 2 + table.conceptKnown[at + k]!
      this.pushConcepts(marked.sort())
    }
    return { from, to: this.size }
  }

  /** These claims as a snapshot holds them, each article's found by the cache key given with its range. */
  table(keys: Table["keys"]): Table {
    const claims = this.size
    return {
      keys,
      texts: this.texts,
      worth: this.worth.values.subarray(0, claims),
      claimId: this.claimId.values.subarray(0, claims),
      speakers: this.speakers.values.subarray(0, claims),
      frame: this.frame.values.subarray(0, claims),
      agent: this.agent.values.subarray(0, claims),
      dates: this.dates.values.subarray(0, claims),
      numbers: this.numbers.values.subarray(0, claims),
      conceptStart: this.conceptStart.values.subarray(0, claims + 1),
      conceptIds: this.conceptIds.values.subarray(0, this.conceptIds.length),
      conceptKnown: this.conceptKnown.values.subarray(0, this.conceptKnown.length),
      claimIds: this.claimIds.values,
      speakerLists: this.speakerLists.values,
      words: this.words.values,
      dateLists: this.dateLists.values,
      numberLists: this.numberLists.values.map((list) => list.map(({ value, unit }) => [value, unit] as const)),
      concepts: this.concepts.values
    }
  }

  /** One claim's concepts, given as id * 2 + 1 where the claim's is the rule file's, sorted. */
  private pushConcepts(marked: Int32Array) {
    for (const value of marked) {
      const id = value >> 1
      this.conceptIds.push(id)
      this.conceptKnown.push(value & 1)
      if (value & 1) this.knownConcept[id] = true
    }
    this.conceptStart.push(this.conceptIds.length)
  }

  private indexOf(article: string): number {
    let index = this.articleIndices.get(article)
    if (index === undefined) {
      index = this.articles.push(article) - 1
      this.articleIndices.set(article, index)
    }
    return index
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
