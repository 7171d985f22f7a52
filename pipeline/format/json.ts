/**
 * The `json` format: one report per line, for machines.
 */
import type { Report } from "../Report.ts"
import type { Format } from "./terminal.ts"

/** Render one report as a single line of JSON. */
export const jsonLine = (report: Report): string => JSON.stringify(report)

/** A report's line, or nothing for an input that was not reported (its problem goes to stderr). */
export const format: Format<string> = {
  reads: [],
  isPiece: (kept): kept is string => typeof kept === "string",
  piece: (outcome) => (outcome._tag === "Reported" ? jsonLine(outcome.report) : ""),
  printer: () => ({ add: (line) => (line ? `${line}\n` : ""), end: () => "" })
}
