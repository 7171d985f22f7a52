/**
 * Test support: the real rule loader and analyser, and the CLI as a user runs it.
 */
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { spawnSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import * as Analyse from "../pipeline/Analyse.ts"
import { normalise } from "../pipeline/Normalise.ts"
import * as Rules from "../pipeline/Rules.ts"

/** A fresh directory under the test run's scratch directory (globalSetup.ts), which is removed when the run ends. */
export const scratch = (name: string): string =>
  mkdtempSync(join(process.env["FACTGATE_TEST_SCRATCH"] ?? tmpdir(), `${name}-`))

/** The repository root. */
export const root = fileURLToPath(new URL("..", import.meta.url))

/** The default rules, loaded through the real YAML loader. */
export const defaultRules = (): Promise<Rules.RuleSet> =>
  Effect.runPromise(Rules.load(`${root}rules`).pipe(Effect.provide(NodeServices.layer)))

/**
 * The default rules narrowed to the finding rules named, as a user would by
 * deleting the rest; the attribution lexicon and outlet registry always stay.
 */
export const rulesNamed = async (...ids: ReadonlyArray<string>): Promise<Rules.RuleSet> => {
  const all = await defaultRules()
  return {
    ...all,
    phrase: all.phrase.filter((rule) => ids.includes(rule.id)),
    checks: all.checks.filter((rule) => ids.includes(rule.id))
  }
}

/** Findings on `text` as a user sees them: `line:col-line:col: message [rule]`. */
export const messages = (rules: Rules.RuleSet, text: string): ReadonlyArray<string> =>
  Analyse.make(rules)(normalise(text)).findings.map(
    (f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}: ${f.message} [${f.ruleId}]`
  )

/** One cache for the CLI runs of a test file (`cli`), made when first used. */
let cache: string | undefined
const testCache = () => (cache ??= scratch("cache"))

/** Run the real CLI; returns its exit code and output. */
export const cli = (args: ReadonlyArray<string>, options: { readonly input?: string | Uint8Array; readonly cwd?: string } = {}) => {
  // A check keeps its cache under the run's scratch directory unless the test
  // names one: what an earlier run left in the repository's must decide no test.
  const cached = args[0] === "check" && !args.includes("--cache-dir") && !args.includes("--no-cache")
  const result = spawnSync(process.execPath, [`${root}pipeline/factgate.js`, ...args, ...(cached ? ["--cache-dir", testCache()] : [])], {
    cwd: options.cwd ?? root,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
