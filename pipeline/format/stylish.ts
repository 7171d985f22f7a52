/**
 * The `stylish` format: vfile-reporter's terminal output, one block per file,
 * with gate failures and unreadable inputs reported as fatal messages.
 */
import { VFile } from "vfile"
import { reporter } from "vfile-reporter"
import type { Outcome } from "../Pipeline.ts"

const fileOf = (quiet: boolean) => (outcome: Outcome): VFile => {
  if (outcome._tag !== "Reported") {
    const file = new VFile({ path: outcome.line === undefined ? outcome.path : `${outcome.path}:${outcome.line}` })
    const message = file.message(outcome._tag === "InputProblem" ? outcome.problem : `${outcome.stage} failed: ${outcome.problem}`, {
      ruleId: outcome._tag === "InputProblem" ? "input" : outcome.stage,
      source: "factgate"
    })
    message.fatal = true
    return file
  }
  const { report } = outcome
  const { article } = report
  const file = new VFile({ path: article.line === undefined ? article.path : `${article.path}:${article.line} (${article.id})` })
  for (const finding of report.findings) {
    if (quiet && finding.severity === "info") continue
    const message = file.message(finding.message, {
      place: { start: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } },
      ruleId: finding.ruleId,
      source: "factgate"
    })
    message.fatal = finding.severity === "error" ? true : finding.severity === "warning" ? false : undefined
  }
  for (const failure of report.gate.failures) {
    const message = file.message(`Gate failed: ${failure.message}`, { ruleId: `gate/${failure.gate}`, source: "factgate" })
    message.fatal = true
  }
  return file
}

/** Render every outcome for a terminal; `quiet` leaves out findings for information. */
export const stylish = (outcomes: ReadonlyArray<Outcome>, options: { readonly color?: boolean; readonly quiet?: boolean } = {}): string =>
  reporter(outcomes.map(fileOf(options.quiet ?? false)), { color: options.color ?? false })
