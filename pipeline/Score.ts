/**
 * Score: an article's analysis and its claims' corroboration → a credibility
 * score from 0 to 100, with the evidence behind each component.
 *
 * The component kinds are code; which ones count, and how much, is data in
 * the scoring rule file. Each component points at the spans it rests on, so
 * an editor can see why, not only how much.
 */
import type { SourceReport } from "./Analyse.ts"
import type { Claim } from "./Claims.ts"
import type { Checked } from "./Report.ts"
import type { Scoring } from "./Rules.ts"
import type { Span } from "./SourceMap.ts"

/** A piece of the article a component rests on. */
export interface Evidence extends Span {
  readonly text: string
}

/** One component's contribution. */
export interface Component {
  readonly id: string
  readonly weight: number
  readonly value: number
  readonly evidence: string
  readonly spans: ReadonlyArray<Evidence>
}

/** The score and how it was reached. */
export interface Score {
  readonly value: number
  readonly components: ReadonlyArray<Component>
}

/** What a component sees: the article, its claims with corroboration, and the batch's size. */
export interface Scored {
  readonly checked: Checked
  readonly claims: ReadonlyArray<Claim>
  readonly articles: number
}

type Part = Omit<Component, "id" | "weight" | "spans"> & { readonly spans?: ReadonlyArray<Span> }

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** At most this many spans per component: the report points at examples, not at everything. */
const maxSpans = 20

/**
 * Whether an editor can call a source back: its kind is one the scoring file
 * counts, or it is a pronoun that refers to a named source ("he" for Lavrov).
 */
export const checkable = (source: SourceReport, kinds: ReadonlyArray<string>): boolean =>
  kinds.includes(source.kind) || (source.kind === "pronoun" && source.resolvesTo !== undefined)

/** Each component kind: a value in [0, 1], the evidence for it, and where. */
const components: Record<string, (input: Scored, scoring: Scoring) => Part> = {
  sourcing: ({ checked: { attributions } }, { checkableSources, halfCreditOutlets = [] }) => {
    if (attributions.length === 0) return { value: 0, evidence: "no attributed statements" }
    const named = attributions.filter((a) => checkable(a.source, checkableSources))
    // Which outlet types count half is the rule file's; the evidence names the ones met.
    const halved = new Map<string, number>()
    for (const { source: { outletType } } of named) {
      if (outletType && halfCreditOutlets.includes(outletType)) halved.set(outletType, (halved.get(outletType) ?? 0) + 1)
    }
    const credit = named.length - [...halved.values()].reduce((sum, n) => sum + n, 0) / 2
    return {
      value: credit / attributions.length,
      evidence: `${named.length} of ${plural(attributions.length, "attribution")} name or describe a checkable source` +
        (halved.size > 0 ? `; ${[...halved].map(([type, n]) => plural(n, `${type} outlet`)).join(", ")} counted half` : ""),
      spans: attributions.filter((a) => !checkable(a.source, checkableSources)).map((a) => a.source)
    }
  },
  hedging: ({ checked: { sentences } }) => {
    const hedged = sentences.filter((s) => s.cues.some((cue) => cue.voice === "reporter"))
    return {
      value: sentences.length === 0 ? 1 : 1 - hedged.length / sentences.length,
      evidence: `${hedged.length} of ${plural(sentences.length, "sentence")} hedged in the reporter's own voice`,
      spans: hedged.flatMap((s) => s.cues.filter((cue) => cue.voice === "reporter"))
    }
  },
  transparency: ({ checked: { sentences, article } }) => {
    const disclosed = sentences.filter((s) => s.verification !== undefined)
    const declared = article.declaredSources?.length ?? 0
    const parts = [
      disclosed.length > 0 ? `${plural(disclosed.length, "sentence")} ${disclosed.length === 1 ? "states" : "state"} what was or was not verified` : "no statement of what was verified",
      declared > 0 ? `${plural(declared, "declared source")}` : "no declared sources"
    ]
    return { value: (disclosed.length > 0 ? 0.6 : 0.2) + (declared > 0 ? 0.4 : 0), evidence: parts.join("; "), spans: disclosed }
  },
  metadata: ({ checked: { article, text } }) => {
    const shown = { byline: article.byline, date: article.published === "missing" ? undefined : article.published, outlet: article.outlet ?? article.dateline }
    const present = Object.entries(shown).filter(([, value]) => value !== undefined && value !== "")
    const missing = Object.keys(shown).filter((key) => !present.some(([name]) => name === key))
    return {
      value: present.length / 3,
      evidence: missing.length === 0 ? "byline, date and outlet shown" : `no ${missing.join(", no ")}`,
      spans: text.blocks.filter((block) => block.role === "byline" || block.role === "date")
    }
  },
  hygiene: ({ checked: { text, length } }) => {
    const removed = text.removed.reduce((sum, r) => sum + (r.end - r.start), 0)
    const share = length === 0 ? 0 : removed / length
    return {
      value: 1 - share,
      evidence: `${Math.round(share * 100)}% of the input was page furniture (${plural(text.removed.length, "piece")} removed)`,
      spans: text.removed
    }
  },
  corroboration: ({ claims, articles }) => {
    if (articles < 2) return { value: 0.5, evidence: "no other article in the batch to corroborate against" }
    if (claims.length === 0) return { value: 0.5, evidence: "no check-worthy claims" }
    const carried = claims.filter((c) => c.corroboration.alsoIn.length > 0)
    const conflicted = carried.filter((c) => c.corroboration.conflicts.length > 0)
    return {
      value: carried.length / claims.length,
      evidence: `${carried.length} of ${plural(claims.length, "claim")} carried by another article` +
        (conflicted.length > 0 ? `, ${conflicted.length} with conflicting details` : ""),
      spans: carried
    }
  },
  findings: ({ checked: { findings, sentences } }) => {
    const serious = findings.filter((f) => f.severity !== "info")
    const errors = serious.filter((f) => f.severity === "error").length
    const warnings = serious.length - errors
    // An error weighs as much as three warnings, relative to the article's length.
    const penalty = (3 * errors + warnings) / Math.max(sentences.length, 1)
    return {
      value: Math.max(0, 1 - penalty),
      evidence: `${plural(errors, "error")} and ${plural(warnings, "warning")} in ${plural(sentences.length, "sentence")}`,
      spans: serious
    }
  }
}

/** The component ids a scoring rule file may name. */
export const componentIds: ReadonlyArray<string> = Object.keys(components)

/** Score one article with the configured components and weights. */
export const score = (scoring: Scoring, input: Scored): Score => {
  const original = (span: Span): Evidence => ({
    start: span.start,
    end: span.end,
    text: input.checked.original.slice(span.start, span.end)
  })
  const parts = scoring.components.map(({ id, weight }): Component => {
    const compute = components[id]
    if (compute === undefined) throw new Error(`unknown score component \`${id}\``)
    const { value, evidence, spans = [] } = compute(input, scoring)
    return { id, weight, value: Math.round(value * 1000) / 1000, evidence, spans: spans.slice(0, maxSpans).map(original) }
  })
  const total = parts.reduce((sum, part) => sum + part.weight, 0)
  const value = total === 0 ? 0 : parts.reduce((sum, part) => sum + part.weight * part.value, 0) / total
  return { value: Math.round(value * 1000) / 10, components: parts }
}
