/**
 * Report: the per-article contract, `schemas/report.schema.json`.
 *
 * Assembled from the stages' results in a fixed key order, so the JSON is
 * deterministic, and checked against the schema before anything is written.
 */
import type { Analysis } from "./Analyse.ts"
import type { Verdict } from "./Gate.ts"
import type { Article } from "./Ingest.ts"
import type { Normalised } from "./Normalise.ts"
import { checkReport, formatProblems, reportSchemaId } from "./Schemas.ts"
import type { Score } from "./Score.ts"

/** One article's report, as written to `<id>.json`. */
export interface Report extends Analysis {
  readonly schema: string
  readonly article: {
    readonly id: string
    readonly path: string
    readonly line?: number
    readonly format: Article["format"]
    readonly title?: string
    readonly byline?: string
    readonly published?: string
    readonly outlet?: string
    readonly url?: string
  }
  readonly text: { readonly body: string; readonly removed: Normalised["removed"] }
  readonly score: Score
  readonly gate: Verdict
}

/** Drop keys whose value is undefined, so optional fields are absent, not null. */
const defined = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))

/** Put one article's results together in the report's key order. */
export const assemble = (
  article: Article,
  normalised: Normalised,
  analysis: Analysis,
  score: Score,
  verdict: Verdict
): Report => ({
  schema: reportSchemaId,
  article: defined({
    id: article.id,
    path: article.path,
    line: article.line,
    format: article.format,
    title: article.title,
    byline: article.byline,
    published: article.published,
    outlet: article.outlet,
    url: article.url
  }) as Report["article"],
  text: { body: normalised.map.text, removed: normalised.removed },
  findings: analysis.findings,
  sentences: analysis.sentences,
  attributions: analysis.attributions,
  score,
  gate: verdict
})

/** Check a report against its schema; the problems, if any, as one line. */
export const validate = (report: Report): string | undefined => {
  const problems = checkReport(report)
  return problems.length === 0 ? undefined : formatProblems(problems)
}
