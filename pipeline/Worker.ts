/**
 * Worker: the tasks as a worker thread serves them.
 *
 * Each worker loads the rules once from the directory the pool names, and
 * answers every job with plain data: the result, or the stage that failed and
 * why. The worker's Layers are composed here because a worker is an entry
 * point of its own.
 */
import { NodeServices } from "@effect/platform-node"
import { Effect, Layer, ManagedRuntime } from "effect"
import Tinypool from "tinypool"
import * as Reports from "./Reports.ts"
import * as Rules from "./Rules.ts"
import type { Gates } from "./Rules.ts"
import * as Tasks from "./Tasks.ts"

const { rulesDir, gates } = Tinypool.workerData as { readonly rulesDir: string; readonly gates: Gates }

// Built once per worker: providing the layers per job would rebuild them for every report.
const runtime = ManagedRuntime.make(Reports.layer.pipe(Layer.provideMerge(NodeServices.layer)))
const rules = await Effect.runPromise(Rules.load(rulesDir).pipe(Effect.provide(NodeServices.layer)))
const tasks = Tasks.make(rules)
const reportTask = Tasks.reportInWorker(tasks, gates)

const failed = (error: unknown): Tasks.Reply<never> =>
  error instanceof Tasks.StageFailed
    ? { failed: { stage: error.stage, problem: error.problem } }
    : { failed: { stage: "check", problem: error instanceof Error ? error.message : String(error) } }

/** Analyse one article and store it. */
export const check = (job: Tasks.CheckJob): Tasks.Reply<Tasks.CheckDone> => {
  try {
    return { ok: tasks.check(job) }
  } catch (error) {
    return failed(error)
  }
}

/** Report one stored article. */
export const report = (job: Tasks.ReportJob): Promise<Tasks.Reply<Tasks.ReportDone>> =>
  runtime.runPromise(
    reportTask(job).pipe(
      Effect.map((ok): Tasks.Reply<Tasks.ReportDone> => ({ ok })),
      Effect.catch((error) => Effect.succeed(failed(error)))
    )
  )
