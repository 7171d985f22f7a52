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
import type { BatchClaims, Member } from "./BatchClaims.ts"
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

/** The batch's clusters, and the cluster of each claim. */
export interface Corroborated {
  readonly clusters: ReadonlyArray<Cluster>
  /** Claim i's cluster, by index into `clusters`, or -1. */
  readonly clusterOf: Int32Array
  /** How many distinct articles each cluster's claims come from. */
  readonly articleCount: ReadonlyArray<number>
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

/** How near its cluster's leader every member stays, as a share of `similarity`. */
const reach = 0.4

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

/**
 * Whether two claims point the same way: same frame, and the same agent when
 * both name one. Frames and agents are word ids, -1 for none.
 */
const sameDirection = (claims: BatchClaims, a: number, b: number) => {
  const [frameA, frameB, agentA, agentB] = [claims.frameOf(a), claims.frameOf(b), claims.agentOf(a), claims.agentOf(b)]
  return (frameA < 0 || frameB < 0 || frameA === frameB) && (agentA < 0 || agentB < 0 || frameA !== frameB || agentA === agentB)
}

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

/**
 * A conflict's message names at most this many of its values, and this many
 * articles for each; the rest are counted. Every member's report carries its
 * cluster's conflicts, so a list of all of them would grow each report with
 * the batch.
 */
const shown = 5

/** Items joined, past `shown` of them counted: "a, b, c, d, e and 3 more". */
const some = (items: ReadonlyArray<string>, separator = ", ") =>
  items.length <= shown ? items.join(separator) : `${items.slice(0, shown).join(separator)}${separator}and ${items.length - shown} more`

/** Each value with the articles that give it: "3000 (a, b); 5000 (c)". */
const byValue = (values: ReadonlyMap<string | number, ReadonlySet<string>>) =>
  some([...values].map(([value, articles]) => `${value} (${some([...articles])})`), "; ")

/** Where the articles of one cluster disagree: speakers, figures, dates. */
const conflictsOf = (members: ReadonlyArray<Member>): Array<Conflict> => {
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
      message: `credited to different speakers: ${some(credited.map(([article, names]) => `${list([...names])} (${article})`), "; ")}`
    })
  }
  const figures = new Map<string, Map<number, Set<string>>>()
  for (const member of members) {
    for (const { value, unit } of member.numbers) {
      const values = figures.get(unit) ?? new Map<number, Set<string>>()
      values.set(value, (values.get(value) ?? new Set()).add(member.article))
      figures.set(unit, values)
    }
  }
  for (const [unit, values] of figures) {
    if (values.size > 1) {
      conflicts.push({
        kind: "number",
        message: `different figures for ${unit}…: ${byValue(values)}`
      })
    }
  }
  const years = new Map<string, Set<string>>()
  for (const member of members) {
    for (const date of member.dates) {
      if (!/^\d{4}$/.test(date)) continue
      years.set(date, (years.get(date) ?? new Set()).add(member.article))
    }
  }
  const dated = members.filter((m) => m.dates.some((d) => /^\d{4}$/.test(d)))
  const articlesWithYears = new Set(dated.map((m) => m.article))
  if (years.size > 1 && articlesWithYears.size > 1) {
    conflicts.push({
      kind: "date",
      message: `different years: ${byValue(years)}`
    })
  }
  return conflicts
}

/** Cluster the claims of one batch. Claims of the same article never corroborate each other. */
export const corroborate = (
  claims: BatchClaims,
  options: { readonly similarity: number; readonly conceptWeight: number }
): Corroborated => {
  // Claims with the same signature say the same thing (a wire story run by
  // several outlets, a sentence repeated): they join at once, and only the
  // first of each is compared with the others.
  const sets = unionFind(claims.size)
  const firstOf = new Map<string, number>()
  const distinct: Array<number> = []
  for (let i = 0; i < claims.size; i++) {
    const key = `${claims.frameOf(i)},${claims.agentOf(i)},${claims.conceptsOf(i).join(",")}`
    const first = firstOf.get(key)
    if (first === undefined) {
      firstOf.set(key, i)
      distinct.push(i)
    } else sets.union(i, first)
  }
  firstOf.clear()

  // Inverse document frequency of each concept over the distinct claims; the
  // concepts the rule file names weigh `conceptWeight` times more.
  const frequency = new Int32Array(claims.conceptCount)
  for (const i of distinct) for (const id of claims.conceptsOf(i)) frequency[id]!++
  const idf = Float64Array.from(frequency, (count, id) => Math.log(1 + distinct.length / count) * (claims.isKnown(id) ? options.conceptWeight : 1))
  const weights = new Float64Array(claims.size)
  for (const i of distinct) for (const id of claims.conceptsOf(i)) weights[i]! += idf[id]!

  // Two claims alike enough (`similarity`) join their clusters when one of
  // them is a lone claim and it is near the other's leader: at least `reach`
  // of the similarity. Two clusters of several claims never merge, so every
  // member stays within the reach of its leader. Without that, a chain of
  // claims each like the one before drifted: "Revenue rose 15%" is like
  // "Revenue rose 21%", which is like "net income rose", and a batch of
  // earnings stories became one claim carried by a thousand articles. Within
  // the reach, a claim worded further from the leader still joins through
  // one worded between.
  //
  // Candidates come from each claim's rarest concepts: two claims that say
  // the same thing share what is specific to it, and a concept most claims
  // share would propose every pair. The similarity itself is computed on all
  // concepts.
  const postings = Array.from({ length: claims.conceptCount }, (): Array<number> => [])
  const rarest = (concepts: Int32Array) =>
    [...concepts]
      .sort((a, b) => frequency[a]! - frequency[b]! || a - b)
      .filter((id, rank) => rank < proposers || frequency[id]! <= rareCount)
  // Weighted Jaccard: what two claims share, over all either says.
  const similarity = (i: number, j: number) => {
    const both = sharedWeight(claims.conceptsOf(i), claims.conceptsOf(j), idf)
    return both / (weights[i]! + weights[j]! - both)
  }
  // What two claims share weighs at most the lighter one, so their
  // similarity is at most the lighter over the heavier: most candidates end
  // here, without comparing concepts. (With a margin for rounding: the bound
  // and the sum add the same weights in other orders.)
  const mayReach = (i: number, j: number, bound: number) =>
    Math.min(weights[i]!, weights[j]!) >= bound * Math.max(weights[i]!, weights[j]!) * (1 - 1e-9)

  // By union–find root: each cluster's leader, and how many distinct claims
  // it holds (copies of one claim count once).
  const leaderOf = Int32Array.from({ length: claims.size }, (_, i) => i)
  const distinctIn = new Int32Array(claims.size).fill(1)
  const bound = options.similarity * reach
  const join = (i: number, j: number) => {
    const [a, b] = [sets.find(i), sets.find(j)]
    if (a === b || (distinctIn[a]! > 1 && distinctIn[b]! > 1)) return
    const [first, second] = [leaderOf[a]!, leaderOf[b]!]
    if (!sameDirection(claims, first, second) || !mayReach(first, second, bound) || similarity(first, second) < bound) return
    // A cluster keeps its leader; two lone claims are led by the earlier.
    const leader = distinctIn[a]! > 1 ? first : distinctIn[b]! > 1 ? second : Math.min(first, second)
    const size = distinctIn[a]! + distinctIn[b]!
    sets.union(a, b)
    const root = sets.find(a)
    leaderOf[root] = leader
    distinctIn[root] = size
  }

  const seenBy = new Int32Array(claims.size).fill(-1)
  const near: Array<{ readonly j: number; readonly similarity: number }> = []
  for (const i of distinct) {
    const article = claims.articleIndex(i)
    near.length = 0
    for (const id of rarest(claims.conceptsOf(i))) {
      const proposed = postings[id]!
      for (let p = 0; p < proposed.length && p < maxPostings; p++) {
        const j = proposed[p]!
        if (seenBy[j] === i) continue
        seenBy[j] = i
        if (claims.articleIndex(j) === article || !sameDirection(claims, i, j) || !mayReach(i, j, options.similarity)) continue
        const s = similarity(i, j)
        if (s >= options.similarity) near.push({ j, similarity: s })
      }
    }
    // The likest first: a lone claim like two clusters joins the nearer, and
    // a lone claim like it then joins that cluster too.
    near.sort((a, b) => b.similarity - a.similarity || a.j - b.j)
    for (const { j } of near) join(i, j)
    for (const id of claims.conceptsOf(i)) postings[id]!.push(i)
  }

  const groups = new Map<number, Array<number>>()
  for (let i = 0; i < claims.size; i++) {
    const root = sets.find(i)
    const group = groups.get(root)
    if (group) group.push(i)
    else groups.set(root, [i])
  }

  const clusters: Array<Cluster> = []
  const clusterOf = new Int32Array(claims.size).fill(-1)
  const articleCount: Array<number> = []
  for (const indices of groups.values()) {
    const articles = new Set(indices.map((i) => claims.articleIndex(i))).size
    if (articles < 2) continue
    // Made into objects only here, one cluster at a time.
    const members = indices.map((i) => claims.member(i))
    const conflicts = conflictsOf(members)
    // The cluster reads as its most check-worthy member.
    const lead = members.reduce((best, m) => (m.checkworthiness > best.checkworthiness ? m : best))
    for (const i of indices) clusterOf[i] = clusters.length
    articleCount.push(articles)
    clusters.push({
      id: `k${clusters.length + 1}`,
      text: lead.text,
      articles: members.map((m) => ({ article: m.article, claim: m.claim, speakers: m.speakers })),
      conflicts
    })
  }
  return { clusters, clusterOf, articleCount }
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
export const lookup = (corroborated: Corroborated, claims: BatchClaims, i: number): Corroboration => {
  const at = corroborated.clusterOf[i]!
  if (at < 0) return uncorroborated
  const cluster = corroborated.clusters[at]!
  const article = claims.articleId(claims.articleIndex(i))
  // Only as far as the list shows: a cluster can hold a claim copied across
  // thousands of articles, and every one of them asks.
  const alsoIn: Array<Cluster["articles"][number]> = []
  for (const mention of cluster.articles) {
    if (alsoIn.length === maxAlsoIn) break
    if (mention.article !== article) alsoIn.push(mention)
  }
  return {
    cluster: cluster.id,
    otherArticles: corroborated.articleCount[at]! - 1,
    alsoIn,
    conflicts: cluster.conflicts
  }
}
