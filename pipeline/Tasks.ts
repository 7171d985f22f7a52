/**
 * Tasks: the two pieces of per-article work, and where they run.
 *
 *   check:  article → analysis, stored by key; returns the claims the batch needs
 *   report: stored analysis + corroboration → score, gate, report files
 *
 * Both take and return plain data, so they run the same in this thread or in
 * a worker thread. `inline` runs them here; `pool` spreads them over worker
 * threads, each with its own copy of the rules.
 */
import { Context, Data, Effect, Layer } from "effect"
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs"
import { availableParallelism } from "node:os"
import Tinypool from "tinypool"
import * as Analyse from "./Analyse.ts"
import * as Batch from "./Batch.ts"
import { workerEntry } from "./Build.ts"
import * as Claims from "./Claims.ts"
import type { Corroboration } from "./Claims.ts"
import { type BatchClaim, uncorroborated } from "./Corroborate.ts"
import { gate } from "./Gate.ts"
import type { Article } from "./Ingest.ts"
import { relativeTime } from "./kinds/RelativeTime.ts"
import { extract } from "./Extract.ts"
import { normalise, type Normalised } from "./Normalise.ts"
import { assemble, type Checked, facts, type Report, validate } from "./Report.ts"
import { Reports } from "./Reports.ts"
import type { Gates, RuleSet } from "./Rules.ts"
import { score } from "./Score.ts"

/** One stage of one article's work failed. */
export class StageFailed extends Data.TaggedError("StageFailed")<{
  readonly stage: string
  readonly problem: string
}> {}

/** Analyse one article and store the result in `file`. */
export interface CheckJob {
  readonly article: Article
  readonly file: string
}

/** What the batch keeps of one analysed article: its claims, for corroboration. */
export type CheckDone = ReadonlyArray<Omit<BatchClaim, "article">>

/** Report one stored article, now that the batch is known. */
export interface ReportJob {
  readonly file: string
  /** Who the article is in this run: a cached analysis may come from a file with another name. */
  readonly identity: Pick<Article, "id" | "path" | "line">
  /** Corroboration by claim id; claims not listed are carried by no other article. */
  readonly corroboration: Readonly<Record<string, Corroboration>>
  readonly articles: number
  readonly out: string
  /** Send the whole report back, for the terminal's formats. */
  readonly keep: boolean
}

/** One written report: its index entry, and the report itself when asked for. */
export interface ReportDone {
  readonly entry: Batch.Entry
  readonly report?: Report
}

/** Runs the tasks. */
export class Tasks extends Context.Service<Tasks, {
  readonly check: (job: CheckJob) => Effect.Effect<CheckDone, StageFailed>
  readonly report: (job: ReportJob) => Effect.Effect<ReportDone, StageFailed>
}>()("factgate/Tasks") {}

/** Run one stage, naming it in the failure. */
const stage = <A>(name: string, f: () => A): A => {
  try {
    return f()
  } catch (error) {
    throw new StageFailed({ stage: name, problem: error instanceof Error ? error.message : String(error) })
  }
}

const asFailure = (error: unknown) =>
  error instanceof StageFailed ? error : new StageFailed({ stage: "check", problem: error instanceof Error ? error.message : String(error) })

/** Write a file whole or not at all. */
const atomically = (file: string, data: string) => {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(temp, data)
  renameSync(temp, file)
}

/** Extract and normalise one article's text, as its format needs. */
export const normaliseArticle = (rules: RuleSet, article: Article): Normalised => {
  const { source, ...hints } = extract(article.format, article.text)
  // Line heuristics judge scraped text; for HTML the extractor already chose the article.
  const options = { boilerplate: rules.boilerplate, structure: rules.structure, heuristics: article.format !== "html" }
  return normalise(article.text, options, source, hints)
}

const words = (text: string) => text.match(/\S+/g)?.length ?? 0

/** The tasks over one rule set, as plain functions. */
export const make = (rules: RuleSet) => {
  const analyse = Analyse.make(rules)
  const claims = Claims.compile(rules.claims)

  const check = (job: CheckJob): CheckDone => {
    const { article } = job
    const normalised = stage("normalise", () => normaliseArticle(rules, article))
    const analysis = stage("analyse", () => analyse(normalised))
    const checked = stage("claims", (): Checked => {
      const { article: described, text } = facts(article, normalised)
      const undated = relativeTime(rules.relativeTime, described.published, article.text, analysis.sentences)
      const found = Claims.extract(claims, rules.claims.threshold, article.text, analysis.sentences, analysis.attributions)
      return {
        article: described,
        text,
        findings: [...analysis.findings, ...undated].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId)),
        sentences: analysis.sentences,
        attributions: analysis.attributions,
        claims: found.claims,
        signatures: found.signatures,
        original: article.text,
        length: article.text.length,
        words: words(text.body)
      }
    })
    stage("store", () => atomically(job.file, JSON.stringify(checked)))
    return checked.claims.map((claim, i) => ({
      claim: claim.id,
      text: claim.text,
      checkworthiness: claim.checkworthiness,
      speakers: claim.speakers,
      signature: checked.signatures[i]!
    }))
  }

  /** Score, gate and assemble one report; the files are written by the caller. */
  const assembleReport = (job: ReportJob, gates: Gates): { readonly report: Report; readonly original: string } => {
    const stored = stage("store", () => JSON.parse(readFileSync(job.file, "utf8")) as Checked)
    const { line: _line, ...article } = stored.article
    const checked: Checked = { ...stored, article: { ...article, ...job.identity } }
    const report = stage("score", () => {
      const withCorroboration = checked.claims.map((claim) => ({
        ...claim,
        corroboration: job.corroboration[claim.id] ?? uncorroborated
      }))
      const value = score(rules.scoring, { checked, claims: withCorroboration, articles: job.articles })
      const verdict = gate(gates, { checked, claims: withCorroboration, score: value, checkableSources: rules.scoring.checkableSources })
      return assemble(checked, withCorroboration, value, verdict)
    })
    const problem = validate(report)
    if (problem !== undefined) throw new StageFailed({ stage: "validate", problem: `the report does not match its schema: ${problem}` })
    return { report, original: checked.original }
  }

  return { check, assembleReport }
}

/** The report task as an Effect: assemble, then write through the Reports service. */
const reportWith = (tasks: ReturnType<typeof make>, gates: Gates) => (job: ReportJob) =>
  Effect.gen(function*() {
    const { report, original } = yield* Effect.try({ try: () => tasks.assembleReport(job, gates), catch: asFailure })
    const files = yield* Reports.use((reports) => reports.write(job.out, report, original)).pipe(
      Effect.mapError((error) => new StageFailed({ stage: "write", problem: error.message }))
    )
    return { entry: Batch.entry(report, files), ...(job.keep ? { report } : {}) }
  })

/** Run a report job in a worker thread: the worker's own entry point calls this. */
export const reportInWorker = reportWith

/** The tasks in this thread. */
export const inline = (rules: RuleSet, gates: Gates) =>
  Layer.effect(
    Tasks,
    Effect.gen(function*() {
      const tasks = make(rules)
      const context = yield* Effect.context<Reports>()
      const report = reportWith(tasks, gates)
      return {
        check: (job: CheckJob) => Effect.try({ try: () => tasks.check(job), catch: asFailure }),
        report: (job: ReportJob) => report(job).pipe(Effect.provideContext(context))
      }
    })
  )

/** What a worker thread sends back: the result, or why its stage failed. */
export type Reply<A> = { readonly ok: A } | { readonly failed: { readonly stage: string; readonly problem: string } }

/** The number of worker threads to use by default: one per core. */
export const defaultJobs = (): number => availableParallelism()

/**
 * The old-generation heap of each worker, in MB. Left to itself, V8 lets a
 * long-running worker's heap fill with garbage before collecting it (over
 * 300 MB each, measured at 10,000 articles, against about 100 MB live), so a
 * batch's memory grew with its length. With this cap the workers collect
 * sooner; peak RSS at 10,000 articles went from about 1,000 MB to 690 MB.
 */
export const workerHeapMb = 256

/**
 * Articles longer than this many characters go to a worker of their own,
 * without the cap. Analysis holds about 135 bytes per character of input (a
 * 20 MB article peaked at 2.7 GB), so this keeps the capped workers' live
 * heaps far under the cap: a worker that reaches it can take the whole
 * process down (V8 aborts when a collection cannot free enough), not only its
 * own job. The big articles' worker keeps them off this thread, whose event
 * loop hands the other workers their jobs.
 */
export const bigAbove = 256 * 1024

/** Whether a job failed because its worker ran out of memory and was stopped. */
const outOfMemory = (error: unknown) => error instanceof Error && (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY"

/** Worker threads started with their first job, and stopped with the batch. */
const threads = (options: { readonly size: number; readonly workerData: unknown; readonly heapMb?: number }) => {
  let started: Tinypool | undefined
  // A worker that fails before it takes a job (its entry point cannot load,
  // say) fails the pool: every job then fails with the reason, rather than
  // waiting for workers that will never start.
  let broken: Error | undefined
  return {
    get: (): Tinypool => {
      if (broken) throw broken
      if (started) return started
      const pool = new Tinypool({
        filename: workerEntry(),
        minThreads: options.size,
        maxThreads: options.size,
        workerData: options.workerData,
        ...(options.heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } })
      })
      pool.on("error", (error: Error) => {
        broken = new Error(`a worker thread could not start: ${error.message}`)
        void pool.destroy()
      })
      return (started = pool)
    },
    /** Why the pool broke, which explains the jobs it then dropped. */
    broken: () => broken,
    stop: () => started?.destroy() ?? Promise.resolve()
  }
}

/**
 * The tasks spread over `jobs` worker threads with capped heaps, and one
 * more worker for big articles, each loading the rules from `rulesDir`. The
 * threads start with their first job: a batch served wholly from the cache
 * never pays for them.
 */
export const pool = (options: {
  readonly rulesDir: string
  readonly gates: Gates
  readonly jobs: number
  readonly heapMb?: number
  readonly bigAbove?: number
}) =>
  Layer.effect(
    Tasks,
    Effect.gen(function*() {
      const workerData = { rulesDir: options.rulesDir, gates: options.gates }
      const release = (pool: ReturnType<typeof threads>) => Effect.promise(() => pool.stop())
      const small = yield* Effect.acquireRelease(
        Effect.sync(() => threads({ size: options.jobs, workerData, heapMb: options.heapMb ?? workerHeapMb })),
        release
      )
      const big = yield* Effect.acquireRelease(Effect.sync(() => threads({ size: 1, workerData })), release)

      const run = <A>(pool: ReturnType<typeof threads>, name: string, job: unknown): Effect.Effect<A, StageFailed> =>
        Effect.tryPromise({ try: () => pool.get().run(job, { name }) as Promise<Reply<A>>, catch: (error) => error }).pipe(
          Effect.matchEffect({
            onSuccess: (reply) => ("ok" in reply ? Effect.succeed(reply.ok) : Effect.fail(new StageFailed(reply.failed))),
            onFailure: (error) =>
              // A capped worker stopped for memory: the big articles' worker tries again.
              pool === small && outOfMemory(error)
                ? run<A>(big, name, job)
                : Effect.fail(
                  new StageFailed({
                    stage: name,
                    problem: pool.broken()?.message ?? `the worker failed: ${error instanceof Error ? error.message : String(error)}`
                  })
                )
          })
        )
      // A big article's report is made where its analysis was: its stored
      // analysis runs to about four bytes per character of the article.
      const limit = options.bigAbove ?? bigAbove
      const bigStore = (file: string) => {
        try {
          return statSync(file).size > 4 * limit
        } catch {
          return false
        }
      }
      return {
        check: (job: CheckJob) => run<CheckDone>(job.article.text.length > limit ? big : small, "check", job),
        report: (job: ReportJob) => run<ReportDone>(bigStore(job.file) ? big : small, "report", job)
      }
    })
  )
