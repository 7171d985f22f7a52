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

/** The batch's clusters, and each claim's corroboration keyed by `article#claim`. */
export interface Corroborated {
  readonly clusters: ReadonlyArray<Cluster>
  readonly byClaim: ReadonlyMap<string, Corroboration>
}

/** Concepts shared by more than this share of claims do not propose candidates. */
const commonShare = 0.2

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
  // Inverse document frequency of each concept over the batch's claims; the
  // concepts the rule file names weigh `conceptWeight` times more.
  const frequency = new Map<string, number>()
  const known = new Set<string>()
  for (const claim of claims) {
    for (const concept of claim.signature.concepts) frequency.set(concept, (frequency.get(concept) ?? 0) + 1)
    for (const concept of claim.signature.known) known.add(concept)
  }
  const idf = (concept: string) =>
    Math.log(1 + claims.length / (frequency.get(concept) ?? 1)) * (known.has(concept) ? options.conceptWeight : 1)
  const weights = claims.map((claim) => claim.signature.concepts.reduce((sum, concept) => sum + idf(concept), 0))

  const postings = new Map<string, Array<number>>()
  const common = Math.max(2, commonShare * claims.length)
  claims.forEach((claim, i) => {
    for (const concept of claim.signature.concepts) {
      if ((frequency.get(concept) ?? 0) > common) continue
      const list = postings.get(concept) ?? []
      list.push(i)
      postings.set(concept, list)
    }
  })

  const sets = unionFind(claims.length)
  claims.forEach((claim, i) => {
    const seen = new Set<number>()
    const mine = new Set(claim.signature.concepts)
    for (const concept of claim.signature.concepts) {
      for (const j of postings.get(concept) ?? []) {
        if (j <= i || seen.has(j)) continue
        seen.add(j)
        const other = claims[j]!
        if (other.article === claim.article || !sameDirection(claim.signature, other.signature)) continue
        let shared = 0
        for (const c of other.signature.concepts) if (mine.has(c)) shared += idf(c)
        // Weighted Jaccard: what they share, over all either says.
        if (shared / (weights[i]! + weights[j]! - shared) >= options.similarity) sets.union(i, j)
      }
    }
  })

  const groups = new Map<number, Array<number>>()
  claims.forEach((_, i) => {
    const root = sets.find(i)
    const group = groups.get(root)
    if (group) group.push(i)
    else groups.set(root, [i])
  })

  const clusters: Array<Cluster> = []
  const byClaim = new Map<string, Corroboration>()
  for (const indices of groups.values()) {
    const members = indices.map((i) => claims[i]!)
    if (new Set(members.map((m) => m.article)).size < 2) continue
    const id = `k${clusters.length + 1}`
    const conflicts = conflictsOf(members)
    // The cluster reads as its most check-worthy member.
    const lead = members.reduce((best, m) => (m.checkworthiness > best.checkworthiness ? m : best))
    clusters.push({
      id,
      text: lead.text,
      articles: members.map((m) => ({ article: m.article, claim: m.claim, speakers: m.speakers })),
      conflicts
    })
    for (const member of members) {
      byClaim.set(key(member), {
        cluster: id,
        alsoIn: members.filter((m) => m.article !== member.article).map((m) => ({ article: m.article, claim: m.claim, speakers: m.speakers })),
        conflicts
      })
    }
  }
  return { clusters, byClaim }
}

/** A claim no other article carries. */
export const uncorroborated: Corroboration = { alsoIn: [], conflicts: [] }

/** The corroboration of one claim of one article. */
export const lookup = (corroborated: Corroborated, article: string, claim: string): Corroboration =>
  corroborated.byClaim.get(key({ article, claim })) ?? uncorroborated
