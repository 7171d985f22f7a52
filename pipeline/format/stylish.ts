/**
 * The `stylish` format: vfile-reporter's terminal output, one block per file,
 * with gate failures and unreadable inputs reported as fatal messages.
 *
 * Each block is printed as its article's report is written, so the files
 * come in input order (vfile-reporter sorts the files it is given by path),
 * the columns line up within a block rather than across the batch, and the
 * closing tally is counted here: vfile-reporter makes one only over the files
 * it is given.
 */
import { styleText } from "node:util"
import { VFile } from "vfile"
import { reporter } from "vfile-reporter"
import type { Outcome } from "../Outcome.ts"
import { visible } from "../Visible.ts"
import type { Format } from "./terminal.ts"

/** One file's block, and what it adds to the tally. */
export interface Piece {
  readonly text: string
  readonly errors: number
  readonly warnings: number
  readonly messages: number
}

const fileOf = (quiet: boolean) => (outcome: Outcome): VFile => {
  if (outcome._tag !== "Reported") {
    const file = new VFile({ path: visible(outcome.line === undefined ? outcome.path : `${outcome.path}:${outcome.line}`) })
    const message = file.message(visible(outcome._tag === "InputProblem" ? outcome.problem : `${outcome.stage} failed: ${outcome.problem}`), {
      ruleId: outcome._tag === "InputProblem" ? "input" : outcome.stage,
      source: "factgate"
    })
    message.fatal = true
    return file
  }
  const { report } = outcome
  const { article } = report
  const file = new VFile({ path: visible(article.line === undefined ? article.path : `${article.path}:${article.line} (${article.id})`) })
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

/** One outcome's block, without the tally vfile-reporter closes a block with. */
const piece = (outcome: Outcome, options: { readonly color: boolean; readonly quiet: boolean }): Piece => {
  const file = fileOf(options.quiet)(outcome)
  const errors = file.messages.filter((m) => m.fatal === true).length
  const warnings = file.messages.filter((m) => m.fatal === false).length
  const text = reporter([file], { color: options.color })
  // The tally is the block's last line, after a blank one, when it has errors or warnings.
  return { text: errors + warnings > 0 ? text.slice(0, text.lastIndexOf("\n\n")) : text, errors, warnings, messages: file.messages.length }
}

/** The batch's tally, worded as vfile-reporter words one. */
const tally = (count: Omit<Piece, "text">, color: boolean) => {
  // Whether to colour is the view's to say, as it is for vfile-reporter's blocks, not the stream's.
  const paint = (colour: "red" | "yellow", text: string) => (color ? styleText(colour, text, { validateStream: false }) : text)
  const parts = [
    ...(count.errors ? [`${paint("red", "✖")} ${count.errors} error${count.errors === 1 ? "" : "s"}`] : []),
    ...(count.warnings ? [`${paint("yellow", "⚠")} ${count.warnings} warning${count.warnings === 1 ? "" : "s"}`] : [])
  ]
  const line = parts.join(", ")
  return count.messages !== count.errors && count.messages !== count.warnings ? `${count.messages} messages (${line})` : line
}

/** Printed as each report is written: a block per file, then the batch's tally. */
export const format: Format<Piece, "color" | "quiet"> = {
  reads: ["color", "quiet"],
  isPiece: (kept): kept is Piece => {
    const p = kept as Partial<Piece> | null
    return typeof p?.text === "string" && [p.errors, p.warnings, p.messages].every((n) => Number.isInteger(n))
  },
  piece,
  printer: ({ color }) => {
    const count = { errors: 0, warnings: 0, messages: 0 }
    let lastHadMessages = false
    return {
      add: (block) => {
        count.errors += block.errors
        count.warnings += block.warnings
        count.messages += block.messages
        // A blank line between a block with messages and the next one, as within one report.
        const text = `${lastHadMessages ? "\n" : ""}${block.text}\n`
        lastHadMessages = block.messages > 0
        return text
      },
      end: () => (count.errors + count.warnings > 0 ? `\n${tally(count, color)}\n` : "")
    }
  }
}
