/**
 * RuleFile: one rule file, from its YAML to a rule of its kind. Each problem
 * points at the line and column of the node it is about; the patterns of
 * boilerplate and structure files are compiled, and one that is not a valid
 * regular expression is a problem too.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml"
import type {
  AttributionConfig,
  BoilerplateRules,
  ClaimRules,
  Gates,
  Outlets,
  PhraseRule,
  RelativeTimeRule,
  RuleProblem,
  Scoring,
  SourceCheck,
  StructureRules,
  TextCheck
} from "./Rules.ts"
import type { Problem } from "./Schemas.ts"
import { checkRule } from "./Schemas.ts"

export type Parsed =
  | { readonly kind: "phrase"; readonly rule: PhraseRule }
  | { readonly kind: "attribution"; readonly rule: AttributionConfig }
  | { readonly kind: "outlets"; readonly rule: Outlets }
  | { readonly kind: "source-check"; readonly rule: SourceCheck }
  | { readonly kind: "text-check"; readonly rule: TextCheck }
  | { readonly kind: "relative-time"; readonly rule: RelativeTimeRule }
  | { readonly kind: "claims"; readonly rule: ClaimRules }
  | { readonly kind: "boilerplate"; readonly rule: BoilerplateRules }
  | { readonly kind: "structure"; readonly rule: StructureRules }
  | { readonly kind: "scoring"; readonly rule: Scoring }
  | { readonly kind: "gates"; readonly rule: Gates }

/** Point a schema problem at the YAML node it is about. */
const locate = (doc: Document, counter: LineCounter, problem: Problem): { line: number; col: number } => {
  const path = [...problem.path]
  // An unknown key is best shown at the key itself, not at its value.
  const last = path.at(-1)
  const parent = doc.getIn(path.slice(0, -1), true)
  if (problem.atKey && typeof last === "string" && isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last)
    if (pair && isScalar(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0])
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined
    if (node?.range) return counter.linePos(node.range[0])
  }
  return { line: 1, col: 1 }
}

/** A rule file's checked value as a rule of its kind, with its patterns compiled; `undefined` when one is invalid. */
export const ruleOf = (file: string, value: unknown, problem: (path: ReadonlyArray<string | number>, message: string) => void): Parsed | undefined => {
  const data = value as { kind: Parsed["kind"] }
  const id = file.replace(/^.*[\\/]/, "").replace(/\.ya?ml$/, "")
  let invalid = false
  const compiled = compile(data, (path, message) => {
    invalid = true
    problem(path, message)
  })
  return invalid ? undefined : ({ kind: data.kind, rule: { ...data, ...compiled, id } } as Parsed)
}

/** Parse and check one rule file's source. Pure, so tests can feed it strings. */
export const parseRuleFile = (file: string, source: string): { parsed?: Parsed; value?: unknown; problems: ReadonlyArray<RuleProblem> } => {
  const counter = new LineCounter()
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const at = counter.linePos(error.pos[0])
        return { file, line: at.line, column: at.col, message: `invalid YAML: ${error.message.split("\n")[0]}` }
      })
    }
  }
  const value: unknown = doc.toJS()
  const problems = checkRule(value)
  if (problems.length > 0) {
    return {
      problems: problems.map((problem) => {
        const at = locate(doc, counter, problem)
        return { file, line: at.line, column: at.col, message: problem.message }
      })
    }
  }
  const invalid: Array<RuleProblem> = []
  const parsed = ruleOf(file, value, (path, message) => {
    const at = locate(doc, counter, { path, message })
    invalid.push({ file, line: at.line, column: at.col, message })
  })
  return parsed === undefined ? { problems: invalid } : { parsed, value, problems: [] }
}

/** Compile a line pattern: anchored to the whole line unless it is a prefix pattern. */
const pattern = (source: string, flags: string, whole: boolean) => new RegExp(whole ? `^(?:${source})$` : `^(?:${source})`, flags)

/** Compile the regular expressions of boilerplate and structure files, naming any that are invalid. */
const compile = (
  data: { kind: string } & Record<string, unknown>,
  problem: (path: ReadonlyArray<string | number>, message: string) => void
): Record<string, unknown> => {
  const list = (key: string, sources: ReadonlyArray<string>, flags: string, whole: boolean, path: ReadonlyArray<string | number>) =>
    sources.flatMap((source, i) => {
      try {
        return [pattern(source, flags, whole)]
      } catch (error) {
        problem([...path, i], `invalid pattern in \`${key}\`: ${(error as Error).message}`)
        return []
      }
    })
  if (data.kind === "boilerplate") {
    const given = data as unknown as { patterns: Record<string, Array<string>>; heuristics?: Partial<BoilerplateRules["heuristics"]> }
    return {
      patterns: Object.entries(given.patterns).flatMap(([kind, sources]) =>
        list(kind, sources, "iu", true, ["patterns", kind]).map((compiled) => ({ kind, pattern: compiled }))
      ),
      heuristics: { patternWords: 60, bodyWords: 10, shortWords: 12, linkRun: 3, maxGap: 8, ...given.heuristics }
    }
  }
  if (data.kind === "structure") {
    const given = data as unknown as Record<"byline" | "date" | "sources" | "dateline", Array<string> | undefined>
    return {
      // Names are capitalised: byline patterns keep case, or "By then …" would be a byline.
      byline: list("byline", given.byline ?? [], "u", true, ["byline"]),
      date: list("date", given.date ?? [], "iu", true, ["date"]),
      sources: list("sources", given.sources ?? [], "iu", true, ["sources"]),
      // Datelines are capitals at the start of a paragraph: case matters.
      dateline: list("dateline", given.dateline ?? [], "u", false, ["dateline"])
    }
  }
  return {}
}
