/**
 * main: the `factgate` commands, and the one place where Layers are composed.
 */
import { NodeServices } from "@effect/platform-node"
import { Console, Data, Effect, Layer, Runtime, Stream } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import packageJson from "../package.json" with { type: "json" }
import * as Batch from "./Batch.ts"
import { jsonLine } from "./format/json.ts"
import { sarif } from "./format/sarif.ts"
import { stylish } from "./format/stylish.ts"
import * as Pipeline from "./Pipeline.ts"
import * as Reports from "./Reports.ts"
import * as Rules from "./Rules.ts"

/** Ends the process with a given exit code, after its output was printed. */
export class ExitCode extends Data.TaggedError("ExitCode")<{ readonly code: 1 | 2 }> {
  override readonly [Runtime.errorExitCode] = this.code
  override readonly [Runtime.errorReported] = false
}

const rulesFlag = Flag.String("rules").pipe(
  Flag.withDefault("rules"),
  Flag.withDescription("Directory of YAML rule files")
)

/** Load the rules, or print every problem with file:line:col and exit 2. */
const loadRules = (dir: string) =>
  Rules.load(dir).pipe(
    Effect.catchTag("RulesInvalid", (error) =>
      Console.error(`factgate: the rules in ${dir} cannot be used:\n${error.message}`).pipe(
        Effect.andThen(Effect.fail(new ExitCode({ code: 2 })))
      ))
  )

const check = Command.make("check", {
  paths: Argument.String("paths").pipe(
    Argument.withDescription("Files, directories (read recursively) or - for stdin"),
    Argument.variadic({ min: 1 })
  ),
  rules: rulesFlag,
  out: Flag.String("out").pipe(Flag.withDefault("reports"), Flag.withDescription("Directory to write reports into")),
  format: Flag.Literals("format", ["stylish", "json", "sarif"]).pipe(
    Flag.withDefault("stylish"),
    Flag.withDescription("stylish: for a terminal; json: one report per line on stdout; sarif: one SARIF 2.1.0 log on stdout")
  ),
  quiet: Flag.Boolean("quiet").pipe(
    Flag.withDefault(false),
    Flag.withDescription("On the terminal, show warnings and errors only (the reports keep everything)")
  ),
  exitZero: Flag.Boolean("exit-zero").pipe(
    Flag.withDefault(false),
    Flag.withDescription("Exit 0 even when an article fails a gate (input and rule errors still exit 2)")
  )
}, (options) =>
  Effect.gen(function*() {
    const rules = yield* loadRules(options.rules)
    const outcomes = yield* Stream.runCollect(Pipeline.run(options.paths, rules, options.out))
    // Each input's problem is printed before anything else can fail.
    for (const outcome of outcomes) {
      if (outcome._tag !== "Reported") yield* Console.error(`factgate: ${outcome.message}`)
    }
    const reports = yield* Reports.Reports
    yield* reports.writeIndex(options.out, Batch.index(outcomes))

    const summary = Batch.summarise(outcomes)
    if (options.format === "json") {
      for (const outcome of outcomes) if (outcome._tag === "Reported") yield* Console.log(jsonLine(outcome.report))
      yield* Console.error(Batch.summaryLine(summary, options.out))
    } else if (options.format === "sarif") {
      yield* Console.log(sarif(outcomes, packageJson.version))
      yield* Console.error(Batch.summaryLine(summary, options.out))
    } else {
      yield* Console.log(stylish(outcomes, { color: process.stdout.isTTY === true, quiet: options.quiet }))
      yield* Console.log(Batch.summaryLine(summary, options.out))
    }
    const code = Batch.exitCode(summary, { exitZero: options.exitZero })
    if (code !== 0) return yield* new ExitCode({ code })
  })).pipe(Command.withDescription("Check articles and write a report for each"))

const rules = Command.make("rules", { rules: rulesFlag }, (options) =>
  Effect.gen(function*() {
    const set = yield* loadRules(options.rules)
    const ids = [...set.phrase, ...set.checks].map((rule) => `${rule.id} (${rule.kind}, ${rule.level})`)
    yield* Console.log(`${options.rules}: every rule file is valid\n${ids.map((id) => `  ${id}`).join("\n")}`)
  })).pipe(Command.withDescription("Check the rule files and list the rules they define"))

/** The `factgate` command line. */
export const cli = Command.make("factgate").pipe(
  Command.withDescription("Fact-check pipeline with quality gates for news articles"),
  Command.withSubcommands([check, rules])
)

/** Everything the commands need, composed once. */
export const MainLayer = Reports.layer.pipe(Layer.provideMerge(NodeServices.layer))

/** Print an unexpected failure once, then exit 2: exit 1 is kept for gate failures. */
const toolFailure = (error: unknown) =>
  Console.error(`factgate: ${error instanceof Error ? error.message : String(error)}`).pipe(
    Effect.andThen(Effect.fail(new ExitCode({ code: 2 })))
  )

/** Run the CLI with the process arguments. */
export const main = Command.run(cli, { version: packageJson.version }).pipe(
  Effect.catch((error) =>
    error instanceof ExitCode
      ? Effect.fail(error)
      : CliError.isCliError(error) // already shown with the usage by the CLI
      ? Effect.fail(new ExitCode({ code: 2 }))
      : toolFailure(error)
  ),
  Effect.catchDefect(toolFailure),
  Effect.provide(MainLayer)
)
