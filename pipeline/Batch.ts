/**
 * Batch: the outcomes of one run → the index, the summary line and the exit
 * code a CI job acts on.
 */
import type { Outcome } from "./Pipeline.ts"
import { checkIndex, formatProblems, indexSchemaId } from "./Schemas.ts"

/** Counts over one batch. */
export interface Summary {
  readonly articles: number
  readonly passed: number
  readonly failed: number
  readonly errors: number
}

/** Count what happened to each input. */
export const summarise = (outcomes: ReadonlyArray<Outcome>): Summary => {
  const reported = outcomes.flatMap((o) => (o._tag === "Reported" ? [o] : []))
  const passed = reported.filter((o) => o.report.gate.passed).length
  return { articles: reported.length, passed, failed: reported.length - passed, errors: outcomes.length - reported.length }
}

const fileName = (path: string) => path.replace(/^.*[\\/]/, "")

/** The batch index, `index.json`. Throws if it would not match its schema. */
export const index = (outcomes: ReadonlyArray<Outcome>) => {
  const value = {
    schema: indexSchemaId,
    summary: summarise(outcomes),
    articles: outcomes.flatMap((o) => {
      if (o._tag !== "Reported") return []
      const { article, score, gate, findings } = o.report
      const count = (severity: string) => findings.filter((f) => f.severity === severity).length
      return [{
        id: article.id,
        path: article.path,
        ...(article.line === undefined ? {} : { line: article.line }),
        score: score.value,
        passed: gate.passed,
        findings: { error: count("error"), warning: count("warning"), info: count("info") },
        report: fileName(o.files.json),
        markdown: fileName(o.files.markdown)
      }]
    }),
    errors: outcomes.flatMap((o) =>
      o._tag === "Reported" ? [] : [{
        path: o.path,
        ...(o.line === undefined ? {} : { line: o.line }),
        ...(o._tag === "ArticleFailed" ? { id: o.id } : {}),
        stage: o._tag === "ArticleFailed" ? o.stage : "ingest",
        message: o.message
      }]
    )
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
