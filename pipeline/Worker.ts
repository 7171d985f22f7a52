/**
 * Worker: the tasks as a worker thread serves them.
 *
 * Each worker builds the rules once from the values the pool's thread
 * checked (not from the files, which may have changed since), and answers
 * every job with plain data: the result, or the stage that failed and
 * why. The worker's Layers are composed here because a worker is an entry
 * point of its own.
 */
import { NodeServices } from "@effect/platform-node"
import { Effect, Layer, ManagedRuntime } from "effect"
import Tinypool from "tinypool"
import * as Heap from "./Heap.ts"
import * as Reports from "./Reports.ts"
import * as Rules from "./Rules.ts"
import type { Gates } from "./Rules.ts"
import * as Tasks from "./Tasks.ts"

const { rulesDir, digest, values, gates, big } = Tinypool.workerData as {
  readonly rulesDir: string
  /** The rule set the pool's thread loaded, and its files' checked values. */
  readonly digest: string
  readonly values: Readonly<Record<string, unknown>>
  readonly gates: Gates
  readonly big?: boolean
}

/**
 * The big articles' worker gives back the heap each job grew. V8 only
 * shrinks a heap when it collects, and a worker waiting for its next job
 * never does: after a page of a few hundred KB, hundreds of MB of garbage
 * stayed until the next big article came, so a long batch's memory grew with
 * the largest page it met. A full collection after each of its jobs returns
 * it, for a few hundred ms per big article. Stopping the worker when idle did
 * the same for memory, but starting it again for each big article made a
 * 5,000-article batch 14% slower (45.1 s against 39.4 s).
 */
const collect = big ? Heap.collector() : undefined
const shrunk = <A>(reply: A): A => {
  collect?.()
  return reply
}

// Built once per worker: providing the layers per job would rebuild them for every report.
const runtime = ManagedRuntime.make(Reports.layer.pipe(Layer.provideMerge(NodeServices.layer)))
const rules = await Effect.runPromise(Rules.fromChecked(rulesDir, digest, values).pipe(Effect.provide(NodeServices.layer)))
const tasks = Tasks.make(rules)
const reportTask = Tasks.reportInWorker(tasks, gates)

const failed = (error: unknown): Tasks.Reply<never> =>
  error instanceof Tasks.StageFailed
    ? { failed: { stage: error.stage, problem: error.problem } }
    : { failed: { stage: "check", problem: error instanceof Error ? error.message : String(error) } }

/** Analyse one article and store it. */
export const check = (job: Tasks.CheckJob): Tasks.Reply<Tasks.CheckDone> => {
  try {
    return shrunk({ ok: tasks.check(job) })
  } catch (error) {
    return shrunk(failed(error))
  }
}

/** Report one stored article. */
export const report = (job: Tasks.ReportJob): Promise<Tasks.Reply<Tasks.ReportDone>> =>
  runtime.runPromise(
    reportTask(job).pipe(
      Effect.map((ok): Tasks.Reply<Tasks.ReportDone> => shrunk({ ok })),
      Effect.catch((error) => Effect.succeed(shrunk(failed(error))))
    )
  )
