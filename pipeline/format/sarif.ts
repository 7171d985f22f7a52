/**
 * The `sarif` format: one SARIF 2.1.0 log for the batch, for code-scanning
 * dashboards and CI annotations.
 *
 * Regions are 1-based line:column in the input file. For an NDJSON article
 * the region is the article's line, since its offsets point into the line's
 * `text` field rather than into the file.
 */
import { isAbsolute, sep } from "node:path"
import { pathToFileURL } from "node:url"
import type { Outcome } from "../Outcome.ts"
import type { Format } from "./terminal.ts"

const levels = { error: "error", warning: "warning", info: "note" } as const

interface Rule {
  readonly id: string
  readonly helpUri?: string
  readonly shortDescription: { readonly text: string }
}

/**
 * A path as SARIF's `uri` wants it, a URI reference: an absolute path as a
 * `file:` URL, a relative one with each segment percent-encoded ("a b#1.txt"
 * is "a%20b%231.txt"; "c:report.txt" would read as a scheme).
 */
export const uriOf = (path: string): string =>
  isAbsolute(path) ? pathToFileURL(path).href : path.split(sep === "\\" ? /[\\/]/ : "/").map(encodeURIComponent).join("/")

/** The rules of results that are no finding: an input that could not be read, a stage that failed, a gate. */
const otherRule = (id: string): Rule => ({
  id,
  shortDescription: {
    text: id === "input" ? "An input could not be read as an article" : id.startsWith("gate/") ? "An article failed a quality gate" : "An article could not be checked"
  }
})

/** One outcome's results, and the rules they name. */
export interface Piece {
  readonly results: ReadonlyArray<object>
  readonly rules: ReadonlyArray<Rule>
}

const piece = (outcome: Outcome): Piece => {
  if (outcome._tag !== "Reported") {
    return {
      results: [{
        ruleId: outcome._tag === "InputProblem" ? "input" : outcome.stage,
        level: "error",
        message: { text: outcome.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(outcome.path) }, ...(outcome.line ? { region: { startLine: outcome.line } } : {}) } }]
      }],
      rules: [otherRule(outcome._tag === "InputProblem" ? "input" : outcome.stage)]
    }
  }
  const { article, findings, gate } = outcome.report
  const region = (f: (typeof findings)[number]) =>
    article.line === undefined
      ? { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
      : { startLine: article.line }
  const location = (f?: (typeof findings)[number]) => [{
    physicalLocation: {
      artifactLocation: { uri: uriOf(article.path) },
      ...(f ? { region: region(f) } : article.line ? { region: { startLine: article.line } } : {})
    }
  }]
  return {
    results: [
      ...findings.map((f) => ({
        ruleId: f.ruleId,
        level: levels[f.severity],
        message: { text: f.expected ? `${f.message}. ${f.expected}` : f.message },
        locations: location(f)
      })),
      ...gate.failures.map((failure) => ({
        ruleId: `gate/${failure.gate}`,
        level: "error",
        message: { text: `Gate failed for ${article.id}: ${failure.message}` },
        locations: location()
      }))
    ],
    rules: [
      ...new Map(findings.map((f) => [f.ruleId, { id: f.ruleId, helpUri: f.url, shortDescription: { text: f.category } }])).values(),
      ...gate.failures.map((failure) => otherRule(`gate/${failure.gate}`))
    ]
  }
}

/** One log for the batch, made once every piece is in. */
export const format: Format<Piece> = {
  reads: [],
  isPiece: (kept): kept is Piece => {
    const p = kept as Partial<Piece> | null
    return Array.isArray(p?.results) && Array.isArray(p.rules)
  },
  piece,
  printer: ({ version }) => {
    const rules = new Map<string, Rule>()
    const results: Array<object> = []
    return {
      add: (piece) => {
        for (const rule of piece.rules) rules.set(rule.id, rule)
        // One by one: spread, a long article's findings would pass the arguments' limit.
        for (const result of piece.results) results.push(result)
        return ""
      },
      end: () =>
        `${
          JSON.stringify({
            $schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: [{
              tool: { driver: { name: "factgate", version, informationUri: "https://factgate.dev", rules: [...rules.values()] } },
              // Columns count UTF-16 code units, as JavaScript strings do; without this a reader counts code points.
              columnKind: "utf16CodeUnits",
              results
            }]
          }, null, 2)
        }\n`
    }
  }
}
