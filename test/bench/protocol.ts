/**
 * protocol: what run.ts hands a child (a spec, as a JSON file) and what the
 * child prints back (one JSON line), shared by both sides.
 */

import type { CheckOptions } from "../../pipeline/api.ts"

/** What a child measures. `bytes` is the size the MB/s figures divide by. */
export type Spec =
  | { readonly mode: "pipeline"; readonly bytes: number } & Required<Omit<CheckOptions, "failOn">>
  | { readonly mode: "parse" | "textlint" | "whole"; readonly bytes: number; readonly files: ReadonlyArray<string> }

/** What a child prints. */
export interface Measurement {
  /** Wall time of the run. */
  readonly ms: number
  /** CPU time of the run, all threads. */
  readonly cpuMs?: number
  readonly mb: number
  readonly articles: number
  readonly peakRssMB: number
  readonly [extra: string]: unknown
}

/** Prefix of the progress lines a child writes to stderr. */
export const progressTag = "bench-progress "

/** Why a run has no measurement. */
export interface Failed {
  readonly failed: string
}

/** A measurement, or why there is none. */
export type Run = Measurement | Failed

/** Whether a run failed. */
export const isFailed = (run: Run): run is Failed => typeof run["failed"] === "string"
