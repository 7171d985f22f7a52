/**
 * main: the `factgate` commands, and the one place where Layers are composed.
 */
import { NodeServices } from "@effect/platform-node"
import { Console, Data, Effect, Layer, Option, Runtime } from "effect"
import { Argument, CliError, CliOutput, Command, Flag } from "effect/cli"
import { join, resolve } from "node:path"
import packageJson from "../package.json" with { type: "json" }
import * as Atomic from "./Atomic.ts"
import * as Batch from "./Batch.ts"
import * as Cache from "./Cache.ts"
import * as Terminal from "./format/terminal.ts"
import * as Gate from "./Gate.ts"
import * as Ingest from "./Ingest.ts"
import type { Failure } from "./Outcome.ts"
import * as Pipeline from "./Pipeline.ts"
import * as Reports from "./Reports.ts"
import * as Rules from "./Rules.ts"
import * as Pool from "./Pool.ts"
import * as Tasks from "./Tasks.ts"
import { phase } from "./Timing.ts"

/** Ends the process with a given exit code, after its output was printed. */
export class ExitCode extends Data.TaggedError("ExitCode")<{ readonly code: 1 | 2 }> {
  override readonly [Runtime.errorExitCode] = this.code
  override readonly [Runtime.errorReported] = false
}

const rulesFlag = Flag.String("rules").pipe(
  Flag.optional,
  Flag.map(Option.getOrElse(Rules.defaultDir)),
  Flag.withDescription("Directory of YAML rule files (default: rules/ in this directory if there is one, else factgate's own)")
)

/** Load the rules, or print every problem with file:line:col and exit 2. */
const loadRules = (dir: string, checked?: Rules.Checked) =>
  Rules.load(dir, checked).pipe(
    Effect.catchTag("RulesInvalid", (error) =>
      Console.error(`factgate: the rules in ${dir} cannot be used:\n${error.message}`).pipe(
        Effect.andThen(Effect.fail(new ExitCode({ code: 2 })))
      ))
  )

/** Everything `check` can be told, from the command line or the API. */
export interface CheckOptions {
  readonly paths: ReadonlyArray<string>
  readonly rules: string
  readonly out: string
  readonly jobs: number
  readonly cache: boolean
  readonly cacheDir: string
  readonly failOn: ReadonlyArray<string>
  /** Show each article on the terminal as its report is written. */
  readonly show?: Pipeline.Show
  readonly progress?: (pass: "check" | "report", done: number) => void
}

/** Bad `--fail-on` values: exit 2 with the reason. */
const gatesFor = (rules: Rules.RuleSet, failOn: ReadonlyArray<string>) =>
  Effect.try({ try: () => Gate.override(rules.gates, failOn), catch: (error) => error as Gate.FailOnInvalid }).pipe(
    Effect.catchTag("FailOnInvalid", (error) =>
      Console.error(`factgate: ${error.message}`).pipe(Effect.andThen(Effect.fail(new ExitCode({ code: 2 })))))
  )

/**
 * The batch's own Layers: where the tasks run (this thread, or a pool of
 * worker threads) and where analyses are stored (the cache, or a temporary
 * store for this run only).
 */
const batchLayer = (rules: Rules.RuleSet, gates: Rules.Gates, options: CheckOptions) =>
  Layer.mergeAll(
    options.jobs > 1 ? Pool.pool({ rules, gates, jobs: options.jobs }) : Tasks.inline(rules, gates),
    options.cache ? Cache.layer(options.cacheDir, rules.digest) : Cache.temporary
  )

/** What the index files in `dir` are, for a batch index with `digest` (`Atomic.stamp`). */
const indexStamp = (dir: string, digest: string): string | undefined => {
  const files = Atomic.stamp(["index.json", "index.html"].map((name) => join(dir, name)))
  return files === undefined ? undefined : `${digest} ${files}`
}

/**
 * Write the batch index into `out`, unless the files there are the ones this
 * cache saw written for what `digest` stands for: the same entries, failures
 * and clusters.
 */
const writeIndex = (out: string, index: Batch.Index, digest: string) =>
  Effect.gen(function*() {
    const cache = yield* Cache.Cache
    const dir = resolve(out)
    const remembered = cache.index(dir)
    if (remembered !== undefined && remembered === indexStamp(dir, digest)) return
    const reports = yield* Reports.Reports
    yield* reports.writeIndex(out, index)
    const written = indexStamp(dir, digest)
    if (written !== undefined) yield* cache.rememberIndex(dir, written)
  })

/** Check a batch, write its reports and index; the summary and the index. */
export const checkBatch = Effect.fn("main.checkBatch")(function*(options: CheckOptions) {
  yield* Ingest.guardReports(options.paths, options.out).pipe(
    Effect.catchTag("ReportsClash", (error) =>
      Console.error(`factgate: ${error.message}`).pipe(Effect.andThen(Effect.fail(new ExitCode({ code: 2 })))))
  )
  const rules = yield* loadRules(options.rules, options.cache ? Cache.checkedRules(options.cacheDir) : undefined).pipe(phase("rules"))
  const gates = yield* gatesFor(rules, options.failOn)
  const index = yield* Effect.gen(function*() {
    const result = yield* Pipeline.run(options.paths, rules, {
      out: options.out,
      gates,
      // Each worker has its next articles waiting, so it never idles between jobs.
      concurrency: options.jobs > 1 ? options.jobs * 4 : 1,
      ...(options.show ? { show: options.show } : {}),
      ...(options.progress ? { progress: options.progress } : {})
    })
    const entries = result.items.flatMap((item) => (item._tag === "Indexed" ? [item.entry] : []))
    const failures = result.items.flatMap((item) => (item._tag === "Indexed" ? [] : [item]))
    const index = Batch.index(entries, failures, result.clusters)
    yield* writeIndex(options.out, index, Cache.digest([entries, failures, result.clustersDigest])).pipe(phase("index"))
    return index
  }).pipe(Effect.provide(batchLayer(rules, gates, options)))
  return { summary: index.summary, index }
})

/** A progress line on the terminal for batches: articles checked, then reports written out of the total. */
const progressBar = () => {
  let checked = 0
  return (pass: "check" | "report", done: number) => {
    if (pass === "check") {
      checked = done
      process.stderr.write(`\r\x1b[Kchecking: ${done} article${done === 1 ? "" : "s"} analysed`)
    } else {
      const width = 30
      const filled = Math.round((done / Math.max(checked, 1)) * width)
      process.stderr.write(`\r\x1b[Kreports: [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${checked}`)
    }
  }
}

const check = Command.make("check", {
  paths: Argument.String("paths").pipe(
    Argument.withDescription("Files, directories (read recursively) or - for stdin"),
    Argument.variadic({ min: 1 })
  ),
  rules: rulesFlag,
  out: Flag.String("out").pipe(Flag.withDefault("reports"), Flag.withDescription("Directory to write reports into")),
  format: Flag.Literals("format", Terminal.names).pipe(
    Flag.withDefault("stylish"),
    Flag.withDescription(
      "stylish: for a terminal; json: one report per line; sarif: one SARIF 2.1.0 log; github: workflow commands for GitHub Actions; junit: JUnit XML; claimreview: schema.org ClaimReview JSON-LD for the claims"
    )
  ),
  failOn: Flag.String("fail-on").pipe(
    Flag.atLeast(0),
    Flag.withDescription("Override a gate: error, warning or info (fail on any finding at that level or above), or name=value, e.g. minScore=70, maxFindings.warning=3 (repeatable)")
  ),
  jobs: Flag.Int("jobs").pipe(
    Flag.filter((jobs) => jobs >= 1, (jobs) => `--jobs must be at least 1 (1 runs everything in this thread), not ${jobs}`),
    Flag.withDefault(Pool.defaultJobs()),
    Flag.withDescription(`Worker threads, started once more than ${Pool.inlineFirst} of a batch's articles need analysing (default: one per core; 1 runs everything in this thread)`)
  ),
  cache: Flag.Boolean("cache").pipe(
    Flag.withDefault(true),
    Flag.withDescription("Skip articles analysed before with the same text, rules and version (--no-cache: analyse everything again, keep nothing)")
  ),
  cacheDir: Flag.String("cache-dir").pipe(Flag.withDefault(".factgate-cache"), Flag.withDescription("Where analysed articles are cached")),
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
    const interactive = options.format === "stylish" && process.stderr.isTTY === true
    const view: Terminal.View = { format: options.format, color: process.stdout.isTTY === true, quiet: options.quiet, version: packageJson.version }
    const printer = Terminal.printer(view)
    // Each article is printed as its report is written, in input order, so
    // the batch never holds its reports; an input's problem goes to stderr too.
    const print = (piece: Terminal.Piece, failure?: Failure) => {
      const text = printer.add(piece)
      if (interactive && (text || failure)) process.stderr.write("\r\x1b[K")
      if (failure) process.stderr.write(`factgate: ${failure.message}\n`)
      if (text) process.stdout.write(text)
    }
    const { summary } = yield* checkBatch({
      paths: options.paths,
      rules: options.rules,
      out: options.out,
      jobs: options.jobs,
      cache: options.cache,
      cacheDir: options.cacheDir,
      failOn: options.failOn,
      show: { view, print },
      ...(interactive ? { progress: progressBar() } : {})
    })
    if (interactive) process.stderr.write("\r\x1b[K")
    process.stdout.write(printer.end())
    const line = Batch.summaryLine(summary, options.out)
    if (options.format === "stylish") yield* Console.log(line)
    else yield* Console.error(line)
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

/**
 * A wrong invocation is said on stderr, with where to find the usage: the
 * whole help on stdout would be read as a report by whatever reads the
 * machine formats there (`--format sarif > out.sarif`). `--help` still
 * prints it on stdout.
 */
const usageOnStderr = CliOutput.layerPresenter({
  present: (event) =>
    event._tag === "InvalidInvocation"
      ? Effect.gen(function*() {
        const formatter = yield* CliOutput.Formatter
        yield* Console.error(formatter.formatErrors(event.errors))
        yield* Console.error(`Run "${[...event.commandPath, "--help"].join(" ")}" for its flags and arguments.`)
      })
      // "factgate" with no command is a usage error too: its help goes to stderr.
      : event._tag === "Help" && event.reason === "Implicit"
      ? Effect.gen(function*() {
        const formatter = yield* CliOutput.Formatter
        yield* Console.error(formatter.formatHelpDoc(event.helpDoc))
      })
      : CliOutput.defaultPresenter.present(event)
})

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
  Effect.provide(Layer.merge(MainLayer, usageOnStderr))
)
