/**
 * The Markdown report an editor reads: verdict first, then the evidence.
 */
import type { Report } from "../Report.ts"

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ")
const quote = (text: string, limit = 80) => cell(text.length > limit ? `${text.slice(0, limit - 1)}…` : text)

/** Render one report as Markdown. */
export const markdown = (report: Report): string => {
  const { article, score, gate, findings, attributions, sentences } = report
  const lines: Array<string> = [
    `# ${article.title ?? article.id}`,
    "",
    `**Credibility score: ${score.value} / 100** · Gate: ${gate.passed ? "passed" : "**failed**"}`,
    "",
    `Source file: \`${article.path}\`${article.line === undefined ? "" : ` (line ${article.line})`}`
  ]
  for (const [label, value] of [["Outlet", article.outlet], ["Byline", article.byline], ["Published", article.published], ["URL", article.url]]) {
    if (value !== undefined) lines.push(`${label}: ${value}`)
  }
  if (!gate.passed) {
    lines.push("", "## Why the gate failed", "", ...gate.failures.map((f) => `- ${f.message}`))
  }

  lines.push("", "## Score", "", "| component | weight | value | evidence |", "|---|---|---|---|")
  for (const c of score.components) lines.push(`| ${c.id} | ${c.weight} | ${c.value} | ${cell(c.evidence)} |`)

  lines.push("", `## Findings (${findings.length})`, "")
  if (findings.length === 0) lines.push("None.")
  else {
    lines.push("| where | severity | message | rule |", "|---|---|---|---|")
    for (const f of findings) {
      lines.push(`| ${f.line}:${f.column} | ${f.severity} | ${cell(f.message)}${f.expected ? `. ${cell(f.expected)}` : ""} | [${f.ruleId}](${f.url}) |`)
    }
  }

  lines.push("", `## Attributions (${attributions.length})`, "")
  if (attributions.length === 0) lines.push("None found.")
  else {
    lines.push("| source | kind | cue |", "|---|---|---|")
    for (const a of attributions) lines.push(`| ${quote(a.source.text)} | ${a.source.kind} | ${quote(a.cue.text)} |`)
  }

  const uncertain = sentences.filter((s) => s.certainty === "uncertain")
  const body = report.text.body
  lines.push("", `## Uncertain sentences (${uncertain.length} of ${sentences.length})`, "")
  if (uncertain.length === 0) lines.push("None.")
  for (const s of uncertain) {
    lines.push(`- ${s.cues.map((c) => `\`${c.text}\``).join(", ")}`)
  }
  const verified = sentences.filter((s) => s.verification !== undefined)
  if (verified.length > 0) {
    lines.push("", "## Verification statements", "", ...verified.map((s) => `- ${s.verification}`))
  }
  lines.push("", `<sub>${body.length} characters analysed; ${report.text.removed.length} spans removed in normalisation.</sub>`, "")
  return lines.join("\n")
}
