/**
 * api: factgate as a library. `check` does what `factgate check` does, without
 * printing: it writes the reports and the index, and resolves to the summary.
 * As the command does, a batch on worker threads collects this thread's heap
 * as it goes (`Heap.ts`): in a host process, that is the host's heap too.
 * And as the command does, a batch's first 200 analyses (`Pool.inlineFirst`),
 * and all its reports when there are no more, run in this thread: in a host,
 * they hold its event loop for seconds. `jobs: 1` runs everything here.
 */
import { Effect } from "effect"
import * as Pool from "./Pool.ts"
import * as Rules from "./Rules.ts"
import { checkBatch, MainLayer } from "./main.ts"

/** What `check` can be told; everything but paths and out has the command line's default. */
export interface CheckOptions {
  readonly paths: ReadonlyArray<string>
  /** Rules directory; default `rules` in the working directory if there is one, else factgate's own (`Rules.defaultDir`). */
  readonly rules?: string
  /** Reports directory. */
  readonly out: string
  /** Worker threads; default one per core. */
  readonly jobs?: number
  /** Use the content-hash cache; default true. */
  readonly cache?: boolean
  /** Default ".factgate-cache". */
  readonly cacheDir?: string
  /** Gate overrides, as `--fail-on` takes them. */
  readonly failOn?: ReadonlyArray<string>
}

/** Check a batch; rejects with the tool's error when the rules or options cannot be used. */
export const check = (options: CheckOptions) =>
  Effect.runPromise(
    checkBatch({
      paths: options.paths,
      rules: options.rules ?? Rules.defaultDir(),
      out: options.out,
      jobs: options.jobs ?? Pool.defaultJobs(),
      cache: options.cache ?? true,
      cacheDir: options.cacheDir ?? ".factgate-cache",
      failOn: options.failOn ?? []
    }).pipe(Effect.map(({ summary }) => summary), Effect.provide(MainLayer))
  )
