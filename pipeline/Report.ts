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
import type { Metadata } from "./Structure.ts"
import { toOriginal } from "./SourceMap.ts"
import type { Score } from "./Score.ts"

/** One article's report, as written to `<id>.json`. */
export interface Report extends Analysis {
  readonly schema: string
  /** Where the article came from, and what it says about itself (see Structure). */
  readonly article: Pick<Article, "id" | "path" | "line" | "format" | "outlet" | "url"> & Metadata
  readonly text: {
    readonly body: string
    readonly removed: Normalised["removed"]
    readonly blocks: ReadonlyArray<{ readonly start: number; readonly end: number; readonly role: string; readonly reason?: string }>
  }
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
  // What the input declares wins over what normalisation recovered from the text.
  article: defined({
    id: article.id,
    path: article.path,
    line: article.line,
    format: article.format,
    title: article.title ?? normalised.metadata.title,
    standfirst: normalised.metadata.standfirst,
    byline: article.byline ?? normalised.metadata.byline,
    dateline: normalised.metadata.dateline,
    published: article.published ?? normalised.metadata.published,
    declaredSources: normalised.metadata.declaredSources,
    outlet: article.outlet,
    url: article.url
  }) as unknown as Report["article"],
  text: {
    body: normalised.body,
    removed: normalised.removed,
    blocks: normalised.blocks.map((block) => ({
      ...toOriginal(normalised.map, block),
      role: block.role,
      ...(block.reason === undefined ? {} : { reason: block.reason })
    }))
  },
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
