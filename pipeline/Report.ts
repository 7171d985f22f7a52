/**
 * Report: the per-article contract, `schemas/report.schema.json`.
 *
 * Assembled from the stages' results in a fixed key order, so the JSON is
 * deterministic, and checked against the schema before anything is written.
 */
import type { Analysis } from "./Analyse.ts"
import type { Claim, Extracted, Signature } from "./Claims.ts"
import type { Verdict } from "./Gate.ts"
import type { Article } from "./Ingest.ts"
import type { Normalised } from "./Normalise.ts"
import { checkReport, formatProblems, reportSchemaId } from "./Schemas.ts"
import type { Metadata } from "./Structure.ts"
import { toOriginal } from "./SourceMap.ts"
import type { Score } from "./Score.ts"

/** Where the article came from, and what it says about itself (see Structure). */
export type ArticleFacts = Pick<Article, "id" | "path" | "line" | "format" | "outlet" | "url"> & Metadata

/** The article's text after normalisation, and what was taken out. */
export interface TextFacts {
  readonly body: string
  readonly removed: Normalised["removed"]
  readonly blocks: ReadonlyArray<{ readonly start: number; readonly end: number; readonly role: string; readonly reason?: string }>
}

/**
 * One article after analysis, before the batch is known: everything a report
 * needs except corroboration, the score and the gate. Plain data, so it can
 * cross to a worker thread and sit in the cache.
 */
export interface Checked extends Analysis {
  readonly article: ArticleFacts
  readonly text: TextFacts
  readonly claims: ReadonlyArray<Extracted>
  /** What corroboration compares, one per claim. */
  readonly signatures: ReadonlyArray<Signature>
  /** The input as it arrived: every offset points into it. */
  readonly original: string
  /** Length of the original input, in UTF-16 code units. */
  readonly length: number
  /** Words in the body. */
  readonly words: number
}

/** One article's report, as written to `<id>.json`. */
export interface Report extends Analysis {
  readonly schema: string
  readonly article: ArticleFacts
  readonly text: TextFacts
  readonly claims: ReadonlyArray<Claim>
  readonly score: Score
  readonly gate: Verdict
}

/** Drop keys whose value is undefined, so optional fields are absent, not null. */
const defined = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))

/** The article's facts and text, from the input and what normalisation recovered. */
export const facts = (article: Article, normalised: Normalised): { readonly article: ArticleFacts; readonly text: TextFacts } => ({
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
  }) as unknown as ArticleFacts,
  text: {
    body: normalised.body,
    removed: normalised.removed,
    blocks: normalised.blocks.map((block) => ({
      ...toOriginal(normalised.map, block),
      role: block.role,
      ...(block.reason === undefined ? {} : { reason: block.reason })
    }))
  }
})

/** Put one article's results together in the report's key order. */
export const assemble = (checked: Checked, claims: ReadonlyArray<Claim>, score: Score, verdict: Verdict): Report => ({
  schema: reportSchemaId,
  article: checked.article,
  text: checked.text,
  findings: checked.findings,
  sentences: checked.sentences,
  attributions: checked.attributions,
  claims,
  score,
  gate: verdict
})

/** Check a report against its schema; the problems, if any, as one line. */
export const validate = (report: Report): string | undefined => {
  const problems = checkReport(report)
  return problems.length === 0 ? undefined : formatProblems(problems)
}
