/**
 * Batch: the outcomes of one run → the index, the summary line and the exit
 * code a CI job acts on.
 *
 * The index is built as articles complete: each written report leaves a small
 * entry, and nothing else of it is kept.
 */
import type { Cluster } from "./Corroborate.ts"
import type { InputProblem } from "./Ingest.ts"
import type { ArticleFailed } from "./Outcome.ts"
import type { Report } from "./Report.ts"
import type { Written } from "./Reports.ts"
import { checkIndex, formatProblems, indexSchemaId } from "./Schemas.ts"

/** An article's entry in `index.json`. */
export interface Entry {
  readonly id: string
  readonly path: string
  readonly line?: number
  readonly title?: string
  readonly score: number
  readonly passed: boolean
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number }
  readonly claims: number
  readonly corroborated: number
  readonly report: string
  readonly markdown: string
  readonly html: string
}

/** Counts over one batch. */
export interface Summary {
  readonly articles: number
  readonly passed: number
  readonly failed: number
  readonly errors: number
}

/** The batch index, `index.json`. */
export interface Index {
  readonly schema: string
  readonly summary: Summary
  readonly articles: ReadonlyArray<Entry>
  readonly claims: ReadonlyArray<Cluster>
  readonly errors: ReadonlyArray<{ readonly path: string; readonly line?: number; readonly id?: string; readonly stage: string; readonly message: string }>
}

const fileName = (path: string) => path.replace(/^.*[\\/]/, "")

/** The index entry of one written report. */
export const entry = (report: Report, files: Written): Entry => {
  const { article, score, gate, findings, claims } = report
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length
  return {
    id: article.id,
    path: article.path,
    ...(article.line === undefined ? {} : { line: article.line }),
    ...(article.title === undefined ? {} : { title: article.title }),
    score: score.value,
    passed: gate.passed,
    findings: { error: count("error"), warning: count("warning"), info: count("info") },
    claims: claims.length,
    corroborated: claims.filter((c) => c.corroboration.alsoIn.length > 0).length,
    report: fileName(files.json),
    markdown: fileName(files.markdown),
    html: fileName(files.html)
  }
}

/** Count what happened to each input. */
export const summarise = (entries: ReadonlyArray<Entry>, errors: number): Summary => {
  const passed = entries.filter((e) => e.passed).length
  return { articles: entries.length, passed, failed: entries.length - passed, errors }
}

/** The batch index. Throws if it would not match its schema. */
export const index = (
  entries: ReadonlyArray<Entry>,
  failures: ReadonlyArray<InputProblem | ArticleFailed>,
  claims: ReadonlyArray<Cluster>
): Index => {
  const value: Index = {
    schema: indexSchemaId,
    summary: summarise(entries, failures.length),
    articles: entries,
    claims,
    errors: failures.map((o) => ({
      path: o.path,
      ...(o.line === undefined ? {} : { line: o.line }),
      ...(o._tag === "ArticleFailed" ? { id: o.id } : {}),
      stage: o._tag === "ArticleFailed" ? o.stage : "ingest",
      message: o.message
    }))
  }
  const problems = checkIndex(value)
  if (problems.length > 0) throw new Error(`the batch index does not match its schema: ${formatProblems(problems)}`)
  return value
}

/** The exit code: 2 if anything could not be done, else 1 if a gate failed, else 0. */
export const exitCode = (summary: Summary, options: { readonly exitZero: boolean }): 0 | 1 | 2 =>
  summary.errors > 0 ? 2 : summary.failed > 0 && !options.exitZero ? 1 : 0

/** One closing line for people. */
export const summaryLine = (summary: Summary, out: string): string => {
  const parts = [
    `${summary.articles} article${summary.articles === 1 ? "" : "s"} checked`,
    `${summary.passed} passed`,
    `${summary.failed} failed a gate`
  ]
  if (summary.errors > 0) parts.push(`${summary.errors} could not be checked`)
  return `${parts.join(", ")}. Reports are in ${out.replace(/\/+$/, "")}/`
}
