/**
 * The `junit` format: JUnit XML, which most CI systems show as a test report.
 *
 * One testsuite per input file and one testcase per article (classname = the
 * path, name = the article id). An article that failed a gate is a failure
 * whose body lists its errors and warnings; an input or article that could not
 * be checked is an error.
 */
import type { Outcome } from "../Outcome.ts"
import type { Format } from "./terminal.ts"

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;" }

// XML 1.0 cannot carry most control characters or lone surrogates, not even
// as references, and scraped text sometimes has them.
const invalid = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Escape text content. */
const text = (value: string) => value.replace(invalid, "\uFFFD").replace(/[&<>"']/g, (c) => entities[c]!)

/** Escape an attribute value; whitespace as references, or a parser would turn it into spaces. */
const attribute = (value: string) => text(value).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)

/** One testcase, and whether it counts as a failure or an error. */
export interface Case {
  readonly path: string
  readonly name: string
  readonly outcome?: { readonly element: "failure" | "error"; readonly type: string; readonly message: string; readonly body?: string }
}

const caseOf = (outcome: Outcome): Case => {
  if (outcome._tag === "InputProblem") {
    const name = outcome.line === undefined ? "input" : `line ${outcome.line}`
    return { path: outcome.path, name, outcome: { element: "error", type: "input", message: outcome.problem } }
  }
  if (outcome._tag === "ArticleFailed") {
    return { path: outcome.path, name: outcome.id, outcome: { element: "error", type: outcome.stage, message: `${outcome.stage} failed: ${outcome.problem}` } }
  }
  const { article, gate, findings } = outcome.report
  if (gate.passed) return { path: article.path, name: article.id }
  const body = findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.message} [${f.ruleId}]`)
    .join("\n")
  return { path: article.path, name: article.id, outcome: { element: "failure", type: "gate", message: gate.failures.map((f) => f.message).join("; "), body } }
}

const render = ({ path, name, outcome }: Case) => {
  const open = `<testcase classname="${attribute(path)}" name="${attribute(name)}"`
  if (outcome === undefined) return `    ${open}/>`
  const result = `<${outcome.element} type="${attribute(outcome.type)}" message="${attribute(outcome.message)}"`
  return `    ${open}>\n      ${result}${outcome.body ? `>${text(outcome.body)}</${outcome.element}>` : "/>"}\n    </testcase>`
}

const count = (cases: ReadonlyArray<Case>) => {
  const failures = cases.filter((c) => c.outcome?.element === "failure").length
  const errors = cases.filter((c) => c.outcome?.element === "error").length
  return `tests="${cases.length}" failures="${failures}" errors="${errors}"`
}

/** The document over every testcase. */
const document = (cases: ReadonlyArray<Case>): string => {
  // By input file, in the order they came (Map.groupBy is not in Node 20).
  const suites = new Map<string, Array<Case>>()
  for (const c of cases) {
    const suite = suites.get(c.path)
    if (suite) suite.push(c)
    else suites.set(c.path, [c])
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="factgate" ${count(cases)}>`,
    ...[...suites].flatMap(([path, members]) => [
      `  <testsuite name="${attribute(path)}" ${count(members)}>`,
      ...members.map(render),
      "  </testsuite>"
    ]),
    "</testsuites>",
    ""
  ].join("\n")
}

/** One document for the batch: its counts come first, so it is made once every testcase is in. */
export const format: Format<Case> = {
  reads: [],
  isPiece: (kept): kept is Case => {
    const c = kept as Partial<Case> | null
    return typeof c?.path === "string" && typeof c.name === "string" && (c.outcome === undefined || typeof c.outcome.message === "string")
  },
  piece: caseOf,
  printer: () => {
    const cases: Array<Case> = []
    return { add: (c) => (cases.push(c), ""), end: () => `${document(cases)}\n` }
  }
}
