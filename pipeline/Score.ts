/**
 * Score: an article's analysis → a credibility score from 0 to 100, with the
 * evidence behind each component.
 *
 * The component kinds are code; which ones count, and how much, is data in
 * the scoring rule file.
 */
import type { Analysis } from "./Analyse.ts"
import type { Scoring } from "./Rules.ts"

/** One component's contribution. */
export interface Component {
  readonly id: string
  readonly weight: number
  readonly value: number
  readonly evidence: string
}

/** The score and how it was reached. */
export interface Score {
  readonly value: number
  readonly components: ReadonlyArray<Component>
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** Each component kind: a value in [0, 1] and the evidence for it. */
const components: Record<string, (analysis: Analysis, scoring: Scoring) => Omit<Component, "id" | "weight">> = {
  sourcing: ({ attributions }, { checkableSources }) => {
    if (attributions.length === 0) return { value: 0, evidence: "no attributed statements" }
    const named = attributions.filter((a) => checkableSources.includes(a.source.kind)).length
    return { value: named / attributions.length, evidence: `${named} of ${plural(attributions.length, "attribution")} name or describe a checkable source` }
  },
  certainty: ({ sentences }) => {
    const uncertain = sentences.filter((s) => s.certainty === "uncertain").length
    return {
      value: sentences.length === 0 ? 1 : 1 - uncertain / sentences.length,
      evidence: `${uncertain} of ${plural(sentences.length, "sentence")} hedged`
    }
  },
  transparency: ({ sentences }) => {
    const disclosed = sentences.filter((s) => s.verification !== undefined).length
    return disclosed > 0
      ? { value: 1, evidence: `${plural(disclosed, "sentence")} ${disclosed === 1 ? "states" : "state"} what was or was not verified` }
      : { value: 0.5, evidence: "no statement of what was verified" }
  },
  findings: ({ findings, sentences }) => {
    const errors = findings.filter((f) => f.severity === "error").length
    const warnings = findings.filter((f) => f.severity === "warning").length
    // An error weighs as much as three warnings, relative to the article's length.
    const penalty = (3 * errors + warnings) / Math.max(sentences.length, 1)
    return { value: Math.max(0, 1 - penalty), evidence: `${plural(errors, "error")} and ${plural(warnings, "warning")} in ${plural(sentences.length, "sentence")}` }
  }
}

/** The component ids a scoring rule file may name. */
export const componentIds: ReadonlyArray<string> = Object.keys(components)

/** Score one analysis with the configured components and weights. */
export const score = (scoring: Scoring, analysis: Analysis): Score => {
  const parts = scoring.components.map(({ id, weight }) => {
    const { value, evidence } = components[id]!(analysis, scoring)
    return { id, weight, value: Math.round(value * 1000) / 1000, evidence }
  })
  const total = parts.reduce((sum, part) => sum + part.weight, 0)
  const value = total === 0 ? 0 : parts.reduce((sum, part) => sum + part.weight * part.value, 0) / total
  return { value: Math.round(value * 1000) / 10, components: parts }
}
