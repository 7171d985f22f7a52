/**
 * Timing: how long each phase of a batch took, printed to stderr when the
 * `FACTGATE_TIMING` environment variable is set (as ESLint's `TIMING` does),
 * with this thread's heap and the process's resident memory at its end, so
 * that a slow or large batch can be explained without a profiler.
 */
import { Effect } from "effect"

const enabled = (process.env["FACTGATE_TIMING"] ?? "") !== ""

/** Run `effect`, and print how long it took under `phase` when timing is on. */
export const phase = (name: string) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  enabled
    ? Effect.suspend(() => {
      const started = performance.now()
      return effect.pipe(Effect.ensuring(Effect.sync(() => {
        const ms = performance.now() - started
        const { rss, heapUsed } = process.memoryUsage()
        const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0).padStart(5)} MB`
        process.stderr.write(`factgate timing: ${name.padEnd(12)} ${ms.toFixed(0).padStart(7)} ms   heap ${mb(heapUsed)}   rss ${mb(rss)}\n`)
      })))
    })
    : effect
