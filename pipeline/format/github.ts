/**
 * The `github` format: GitHub Actions workflow commands, one line per
 * finding, which the runner shows as annotations on the files.
 *
 * Positions are 1-based line:column in the input file. For an NDJSON article
 * only the article's line is given, as in the SARIF format, since its offsets
 * point into the line's `text` field rather than into the file.
 */
import type { Outcome } from "../Outcome.ts"
import type { Format } from "./terminal.ts"

const commands = { error: "error", warning: "warning", info: "notice" } as const

// Escaping as GitHub's own toolkit does (@actions/core, command.ts): a newline
// ends the command, and in a property `,` separates properties and `::` ends them.
const data = (text: string) => text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A")
const property = (text: string) => data(text).replaceAll(":", "%3A").replaceAll(",", "%2C")

/** One workflow command: `::error file=…,line=…::message`. */
const command = (
  level: "error" | "warning" | "notice",
  properties: Record<string, string | number | undefined>,
  message: string
) => {
  const given = Object.entries(properties).flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${property(String(value))}`]))
  return `::${level} ${given.join(",")}::${data(message)}`
}

/** One outcome's workflow commands, one per line. */
const commandsOf = (outcome: Outcome): Array<string> => {
  if (outcome._tag === "InputProblem") {
    return [command("error", { file: outcome.path, line: outcome.line, title: "input" }, outcome.problem)]
  }
  if (outcome._tag === "ArticleFailed") {
    const message = `${outcome.stage} failed for article \`${outcome.id}\`: ${outcome.problem}`
    return [command("error", { file: outcome.path, line: outcome.line, title: outcome.stage }, message)]
  }
  const { article, findings, gate } = outcome.report
  const lines = findings.map((f) => {
    const place = article.line === undefined
      ? { line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn }
      : { line: article.line }
    return command(commands[f.severity], { file: article.path, ...place, title: f.ruleId }, f.expected ? `${f.message}. ${f.expected}` : f.message)
  })
  if (!gate.passed) {
    const message = `Gate failed for ${article.id}: ${gate.failures.map((f) => f.message).join("; ")}`
    lines.push(command("error", { file: article.path, line: article.line, title: "gate" }, message))
  }
  return lines
}

/** Printed as each report is written: the runner reads the commands line by line. */
export const format: Format<string> = {
  reads: [],
  isPiece: (kept): kept is string => typeof kept === "string",
  piece: (outcome) => commandsOf(outcome).join("\n"),
  printer: () => ({ add: (lines) => (lines ? `${lines}\n` : ""), end: () => "" })
}
