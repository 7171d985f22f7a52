/**
 * Pool: the tasks spread over worker threads.
 *
 * `jobs` workers with capped heaps take the articles; one more worker, with
 * no cap, takes the big ones. Each loads the rules itself and answers every
 * job with plain data. Threads start with their first job, so a batch served
 * wholly from the cache never pays for them, and a batch's first articles
 * are analysed in this thread (`inlineFirst`), so a short batch never does.
 */
import { Effect, Layer } from "effect"
import { statSync } from "node:fs"
import { availableParallelism } from "node:os"
import Tinypool from "tinypool"
import { workerEntry } from "./Build.js"
import * as Heap from "./Heap.ts"
import type { Gates, RuleSet } from "./Rules.ts"
import { type CheckDone, type CheckJob, inThisThread, type Reply, type ReportDone, type ReportJob, StageFailed, Tasks } from "./Tasks.ts"

/** The number of worker threads to use by default: one per core. */
export const defaultJobs = (): number => availableParallelism()

/**
 * The old-generation heap of each worker, in MB. Left to itself, V8 lets a
 * long-running worker's heap fill with garbage before collecting it (over
 * 300 MB each, measured at 10,000 articles, against about 65 MB live after a
 * full collection, which stays flat over 10,000 articles), so a batch's
 * memory grew with its length. A worker's heap fills to its cap on a long
 * run and not on a short one, so the cap is what a long batch adds: 192 MB
 * ran 5,000 articles as fast as 256 MB did (within 2%, in paired runs) with
 * two times 64 MB less to fill. Below that, the headroom over an article near
 * `bigAbove` (about 35 MB while it is analysed) gets thin.
 */
export const workerHeapMb = 192

/**
 * Articles longer than this many characters go to a worker of their own,
 * without the cap. Analysis holds about 135 bytes per character of input (a
 * 20 MB article peaked at 2.7 GB), so this keeps the capped workers' live
 * heaps far under the cap: a worker that reaches it can take the whole
 * process down (V8 aborts when a collection cannot free enough), not only its
 * own job. Once the workers have taken over (`inlineFirst`), the big
 * articles' worker keeps them off this thread, whose event loop hands the
 * other workers their jobs.
 */
export const bigAbove = 256 * 1024

/**
 * How many of a batch's articles are analysed in this thread before the
 * workers take over: about as long as a worker takes to load its modules and
 * its rules (1.5 to 2 s). Measured on the benchmark's articles, two workers
 * took 3.9 s for 100 articles where this thread alone took 1.7 s, and 5.7 s
 * for 300 against 3.2 s; a CI gate's batch is often that short. A batch no
 * longer than this starts no worker. Starting them earlier, to load while
 * this thread works, cost a batch that then ended before they were used
 * about 1.5 s: they took the second core from this thread's reports.
 */
export const inlineFirst = 200

/** Whether a job failed because its worker ran out of memory and was stopped. */
const outOfMemory = (error: unknown) => error instanceof Error && (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY"

/** Worker threads started with their first job, and stopped with the batch. */
const threads = (options: { readonly size: number; readonly entry: () => string; readonly workerData: unknown; readonly heapMb?: number }) => {
  let started: Tinypool | undefined
  // Until some worker has answered a job, a failure means the workers cannot
  // start (the entry point cannot load, say): the pool is broken, and the
  // batch goes on in this thread. After that, a worker that dies while idle
  // is replaced by tinypool.
  let answered = false
  let broken: Error | undefined
  /** Whether a failure means the workers cannot start; then the pool is broken from here on. */
  const cannotStart = (error: unknown): boolean => {
    if (answered) return false
    broken ??= new Error(`a worker thread could not start: ${error instanceof Error ? error.message : String(error)}`)
    return true
  }
  return {
    get: (): Tinypool => {
      if (broken) throw broken
      if (started) return started
      const pool = new Tinypool({
        filename: options.entry(),
        minThreads: options.size,
        maxThreads: options.size,
        workerData: options.workerData,
        ...(options.heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } })
      })
      pool.on("error", (error: Error) => {
        if (!cannotStart(error)) process.stderr.write(`factgate: a worker thread stopped while idle and is replaced: ${error.message}\n`)
      })
      return (started = pool)
    },
    answered: () => {
      answered = true
    },
    cannotStart,
    broken: () => broken,
    // A broken pool is left alone: tinypool removed its workers as they
    // failed, and it does not start new ones after a failed start. Stopping
    // it while one was still starting crashed the process (tinypool waits for
    // each worker's exit through a wrapper that cannot remove the listener an
    // error then fires).
    stop: () => (broken ? Promise.resolve() : started?.destroy() ?? Promise.resolve())
  }
}

/** The tasks over `jobs` capped workers and one for big articles, each loading the rules from their directory. */
export const pool = (options: {
  readonly rules: RuleSet
  readonly gates: Gates
  readonly jobs: number
  readonly heapMb?: number
  readonly bigAbove?: number
  readonly inlineFirst?: number
  /** The workers' entry point, a URL: the bundled `Worker.ts` unless told otherwise. */
  readonly entry?: string
}) =>
  Layer.effect(
    Tasks,
    Effect.gen(function*() {
      const workerData = { rulesDir: options.rules.dir, digest: options.rules.digest, values: options.rules.values, gates: options.gates }
      const entry = () => options.entry ?? workerEntry()
      // With the articles on worker threads, this thread allocates little and
      // V8 collects it late: a keeper, told of each answer, holds its heap
      // near what the batch keeps. A run served from the cache sends no job,
      // and V8's own timing serves it better.
      const keepHeap = Heap.keeper(64)
      const release = (pool: ReturnType<typeof threads>) => Effect.promise(() => pool.stop())
      const small = yield* Effect.acquireRelease(
        Effect.sync(() => threads({ size: options.jobs, entry, workerData, heapMb: options.heapMb ?? workerHeapMb })),
        release
      )
      // The big articles' worker gives back the heap a big article grew (Worker.ts).
      const big = yield* Effect.acquireRelease(Effect.sync(() => threads({ size: 1, entry, workerData: { ...workerData, big: true } })), release)

      // Workers that cannot start leave the batch to this thread, said once.
      let warned = false
      const instead = <A>(pool: ReturnType<typeof threads>, inThisThread: Effect.Effect<A, StageFailed>) =>
        Effect.suspend(() => {
          if (!warned) {
            warned = true
            process.stderr.write(`factgate: ${pool.broken()?.message}; the batch goes on in this thread\n`)
          }
          return inThisThread
        })
      const run = <A>(pool: ReturnType<typeof threads>, name: string, job: unknown, here: Effect.Effect<A, StageFailed>): Effect.Effect<A, StageFailed> =>
        pool.broken()
          ? instead(pool, here)
          : Effect.tryPromise({ try: () => pool.get().run(job, { name }) as Promise<Reply<A>>, catch: (error) => error }).pipe(
            Effect.matchEffect({
              onSuccess: (reply) => {
                pool.answered()
                keepHeap()
                return "ok" in reply ? Effect.succeed(reply.ok) : Effect.fail(new StageFailed(reply.failed))
              },
              onFailure: (error) =>
                // A capped worker stopped for memory: the big articles' worker tries again.
                pool === small && outOfMemory(error)
                  ? run<A>(big, name, job, here)
                  : pool.cannotStart(error)
                  ? instead(pool, here)
                  : Effect.fail(new StageFailed({ stage: name, problem: `the worker failed: ${error instanceof Error ? error.message : String(error)}` }))
            })
          )
      // A big article's report is made where its analysis was: its stored
      // analysis runs to about four bytes per character of the article.
      const limit = options.bigAbove ?? bigAbove
      const bigStore = (file: string) => {
        try {
          return statSync(file).size > 4 * limit
        } catch {
          // No stored analysis: the worker that reads it says so, naming the file.
          return false
        }
      }
      const here = yield* inThisThread(options.rules, options.gates)
      const first = options.inlineFirst ?? inlineFirst
      // Articles analysed, not served from the cache: only those count towards `first`.
      let checks = 0
      return {
        check: (job: CheckJob) =>
          ++checks <= first
            ? here.check(job)
            : run<CheckDone>(job.article.text.length > limit ? big : small, "check", job, here.check(job)),
        // The reports come after every analysis: a batch whose analyses all
        // stayed in this thread writes its reports here too.
        report: (job: ReportJob) =>
          checks > first
            ? run<ReportDone>(bigStore(job.file) ? big : small, "report", job, here.report(job))
            : here.report(job)
      }
    })
  )
