/**
 * Corroborate: the claims of a whole batch → clusters of claims that say the
 * same thing in different articles, and where those articles disagree.
 *
 * Two claims match when the concepts they share carry enough weight (rarer
 * concepts weigh more, by inverse document frequency over the batch) and they
 * do not point in opposite directions: "Russia offers guarantees to NATO" is
 * not "Russia seeks guarantees from NATO", nor "NATO offers guarantees to
 * Russia". Candidates come from an inverted index over the rarer concepts, so
 * the cost grows with the claims that share them, not with the batch squared.
 */
import type { Conflict, Corroboration, Signature } from "./Claims.ts"

/** One claim of one article, as the batch sees it. */
export interface BatchClaim {
  readonly article: string
  readonly claim: string
  readonly text: string
  readonly checkworthiness: number
  readonly speakers: ReadonlyArray<string>
  readonly signature: Signature
}

/** A claim carried by more than one article: an entry of `index.json`'s `claims`. */
export interface Cluster {
  readonly id: string
  readonly text: string
  readonly articles: ReadonlyArray<{ readonly article: string; readonly claim: string; readonly speakers: ReadonlyArray<string> }>
  readonly conflicts: ReadonlyArray<Conflict>
}

/** The batch's clusters, and each claim's cluster keyed by `article#claim`. */
export interface Corroborated {
  readonly clusters: ReadonlyArray<Cluster>
  readonly byClaim: ReadonlyMap<string, Cluster>
  /** How many distinct articles each cluster's claims come from. */
  readonly articleCount: ReadonlyMap<Cluster, number>
}

/**
 * Which of a claim's concepts propose candidates: every concept at most
 * `rareCount` claims share (in a small batch, all of them), and at least its
 * `proposers` rarest.
 */
const proposers = 4
const rareCount = 64

/**
 * At most this many claims are proposed by one concept: past it, a batch is
 * full of copies of one text, and the first copies already join the cluster.
 */
const maxPostings = 500

/** The summed weight of the concepts two sorted lists share. */
const sharedWeight = (a: Int32Array, b: Int32Array, weight: Float64Array) => {
  let sum = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      sum += weight[a[i]!]!
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return sum
}

const key = (claim: { readonly article: string; readonly claim: string }) => `${claim.article}#${claim.claim}`

/** Whether two claims point the same way: same frame, and the same agent when both name one. */
const sameDirection = (a: Signature, b: Signature) =>
  (a.frame === undefined || b.frame === undefined || a.frame === b.frame) &&
  (a.agent === undefined || b.agent === undefined || a.frame !== b.frame || a.agent === b.agent)

/** A union–find over claim indices. */
const unionFind = (size: number) => {
  const parent = Array.from({ length: size }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  return { find, union: (a: number, b: number) => void (parent[find(a)] = find(b)) }
}

const list = (items: ReadonlyArray<string>) => items.join(", ")

/** Where the articles of one cluster disagree: speakers, figures, dates. */
const conflictsOf = (members: ReadonlyArray<BatchClaim>): Array<Conflict> => {
  const conflicts: Array<Conflict> = []
  const speakers = new Map<string, Set<string>>()
  for (const member of members) {
    for (const speaker of member.speakers) {
      const name = speaker.replace(/^(?:the|a|an)\s+/i, "")
      const articles = speakers.get(name.toLowerCase()) ?? new Set()
      articles.add(member.article)
      speakers.set(name.toLowerCase(), articles)
    }
  }
  const byArticle = new Map<string, Set<string>>()
  for (const member of members) {
    const names = byArticle.get(member.article) ?? new Set()
    for (const speaker of member.speakers) names.add(speaker.replace(/^(?:the|a|an)\s+/i, ""))
    byArticle.set(member.article, names)
  }
  const credited = [...byArticle].filter(([, names]) => names.size > 0)
  if (speakers.size > 1 && credited.length > 1) {
    conflicts.push({
      kind: "speaker",
      message: `credited to different speakers: ${credited.map(([article, names]) => `${list([...names])} (${article})`).join("; ")}`
    })
  }
  const figures = new Map<string, Map<number, Set<string>>>()
  for (const member of members) {
    for (const { value, unit } of member.signature.numbers) {
      const values = figures.get(unit) ?? new Map<number, Set<string>>()
      values.set(value, (values.get(value) ?? new Set()).add(member.article))
      figures.set(unit, values)
    }
  }
  for (const [unit, values] of figures) {
    if (values.size > 1) {
      conflicts.push({
        kind: "number",
        message: `different figures for ${unit}…: ${[...values].map(([value, articles]) => `${value} (${list([...articles])})`).join("; ")}`
      })
    }
  }
  const years = new Map<string, Set<string>>()
  for (const member of members) {
    for (const date of member.signature.dates) {
      if (!/^\d{4}$/.test(date)) continue
      years.set(date, (years.get(date) ?? new Set()).add(member.article))
    }
  }
  const dated = members.filter((m) => m.signature.dates.some((d) => /^\d{4}$/.test(d)))
  const articlesWithYears = new Set(dated.map((m) => m.article))
  if (years.size > 1 && articlesWithYears.size > 1) {
    conflicts.push({
      kind: "date",
      message: `different years: ${[...years].map(([year, articles]) => `${year} (${list([...articles])})`).join("; ")}`
    })
  }
  return conflicts
}

/** Cluster the claims of one batch. Claims of the same article never corroborate each other. */
export const corroborate = (
  claims: ReadonlyArray<BatchClaim>,
  options: { readonly similarity: number; readonly conceptWeight: number }
): Corroborated => {
  // Claims with the same signature say the same thing (a wire story run by
  // several outlets, a sentence repeated): they join at once, and only the
  // first of each is compared with the others.
  const sets = unionFind(claims.length)
  const firstOf = new Map<string, number>()
  const distinct: Array<number> = []
  claims.forEach((claim, i) => {
    const { concepts, frame = "", agent = "" } = claim.signature
    const key = `${frame}\u0000${agent}\u0000${concepts.join("\u0000")}`
    const first = firstOf.get(key)
    if (first === undefined) {
      firstOf.set(key, i)
      distinct.push(i)
    } else sets.union(i, first)
  })

  // Concepts as numbers from here on: the comparisons below run over sorted
  // integer arrays, not strings.
  const ids = new Map<string, number>()
  const idOf = (concept: string) => {
    let id = ids.get(concept)
    if (id === undefined) ids.set(concept, (id = ids.size))
    return id
  }
  const conceptsOf = new Array<Int32Array>(claims.length)
  for (const i of distinct) conceptsOf[i] = Int32Array.from(claims[i]!.signature.concepts, idOf).sort()

  // Inverse document frequency of each concept over the distinct claims; the
  // concepts the rule file names weigh `conceptWeight` times more.
  const frequency = new Int32Array(ids.size)
  for (const i of distinct) for (const id of conceptsOf[i]!) frequency[id]!++
  const known = new Set(distinct.flatMap((i) => claims[i]!.signature.known.map((concept) => ids.get(concept)!)))
  const idf = Float64Array.from(frequency, (count, id) => Math.log(1 + distinct.length / count) * (known.has(id) ? options.conceptWeight : 1))
  const weights = new Float64Array(claims.length)
  for (const i of distinct) for (const id of conceptsOf[i]!) weights[i]! += idf[id]!

  // Candidates come from each claim's rarest concepts: two claims that say
  // the same thing share what is specific to it, and a concept most claims
  // share would propose every pair. The similarity itself is computed on all
  // concepts.
  const postings = Array.from({ length: ids.size }, (): Array<number> => [])
  for (const i of distinct) for (const id of conceptsOf[i]!) postings[id]!.push(i)
  const rarest = (concepts: Int32Array) =>
    [...concepts]
      .sort((a, b) => frequency[a]! - frequency[b]! || a - b)
      .filter((id, rank) => rank < proposers || frequency[id]! <= rareCount)

  const seenBy = new Int32Array(claims.length).fill(-1)
  for (const i of distinct) {
    const claim = claims[i]!
    for (const id of rarest(conceptsOf[i]!)) {
      const proposed = postings[id]!
      for (let p = 0; p < proposed.length && p < maxPostings; p++) {
        const j = proposed[p]!
        if (j === i || seenBy[j] === i) continue
        seenBy[j] = i
        const other = claims[j]!
        if (other.article === claim.article || !sameDirection(claim.signature, other.signature)) continue
        const both = sharedWeight(conceptsOf[i]!, conceptsOf[j]!, idf)
        // Weighted Jaccard: what they share, over all either says.
        if (both / (weights[i]! + weights[j]! - both) >= options.similarity) sets.union(i, j)
      }
    }
  }

  const groups = new Map<number, Array<number>>()
  claims.forEach((_, i) => {
    const root = sets.find(i)
    const group = groups.get(root)
    if (group) group.push(i)
    else groups.set(root, [i])
  })

  const clusters: Array<Cluster> = []
  const byClaim = new Map<string, Cluster>()
  const articleCount = new Map<Cluster, number>()
  for (const indices of groups.values()) {
    const members = indices.map((i) => claims[i]!)
    const articles = new Set(members.map((m) => m.article)).size
    if (articles < 2) continue
    const conflicts = conflictsOf(members)
    // The cluster reads as its most check-worthy member.
    const lead = members.reduce((best, m) => (m.checkworthiness > best.checkworthiness ? m : best))
    const cluster: Cluster = {
      id: `k${clusters.length + 1}`,
      text: lead.text,
      articles: members.map((m) => ({ article: m.article, claim: m.claim, speakers: m.speakers })),
      conflicts
    }
    clusters.push(cluster)
    articleCount.set(cluster, articles)
    for (const member of members) byClaim.set(key(member), cluster)
  }
  return { clusters, byClaim, articleCount }
}

/** At most this many other articles are listed per claim; `otherArticles` counts them all. */
const maxAlsoIn = 20

/** A claim no other article carries. */
export const uncorroborated: Corroboration = { otherArticles: 0, alsoIn: [], conflicts: [] }

/**
 * The corroboration of one claim of one article, made when asked for: a claim
 * copied across a thousand articles would otherwise hold a thousand entries
 * in each of them.
 */
export const lookup = (corroborated: Corroborated, article: string, claim: string): Corroboration => {
  const cluster = corroborated.byClaim.get(key({ article, claim }))
  if (cluster === undefined) return uncorroborated
  // Only as far as the list shows: a cluster can hold a claim copied across
  // thousands of articles, and every one of them asks.
  const alsoIn: Array<Cluster["articles"][number]> = []
  for (const mention of cluster.articles) {
    if (alsoIn.length === maxAlsoIn) break
    if (mention.article !== article) alsoIn.push(mention)
  }
  return {
    cluster: cluster.id,
    otherArticles: corroborated.articleCount.get(cluster)! - 1,
    alsoIn,
    conflicts: cluster.conflicts
  }
}
