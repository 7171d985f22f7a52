/**
 * children: start each measurement in a fresh child process (child.ts), with
 * a time limit, and read back its one JSON line. Other work may be editing the
 * tree while the bench runs, so a failed run is tried once more.
 */
import { spawn } from "node:child_process"
import { rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { isFailed, type Measurement, progressTag, type Run, type Spec } from "./protocol.ts"

/** A pipeline run in which more of the articles than this could not be checked is a failed run. */
const maxErrorShare = 0.01

/** How children are run. */
export interface Options {
  readonly root: string
  /** Where spec files go. */
  readonly work: string
  readonly timeoutMs: number
  readonly log: (line: string) => void
}

/** Run one child; its measurement, or why it failed. */
const spawnChild = (options: Options, file: string) =>
  new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", join(options.root, "test/bench/child.ts"), file], {
      cwd: options.root,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => (stderr += chunk))
    child.on("close", (code, signal) => {
      const line = stdout.trim().split("\n").at(-1) ?? ""
      if (code === 0 && line.startsWith("{")) {
        const m = JSON.parse(line) as Measurement
        const errors = Number(m["errors"] ?? 0)
        // A run that could not check its articles measured something else.
        if (errors > maxErrorShare * (m.articles + errors)) {
          return resolve({ failed: `${errors} of ${m.articles + errors} articles could not be checked: ${m["firstError"]}` })
        }
        return resolve(m)
      }
      const progress = stderr.split("\n").filter((l) => l.startsWith(progressTag))
      const last = progress.at(-1)
      const peak = last === undefined ? "" : ` (peak RSS by then ${(JSON.parse(last.slice(progressTag.length)) as { peakRssMB: number }).peakRssMB.toFixed(0)} MB)`
      const problems = stderr.split("\n").filter((l) => !l.startsWith(progressTag) && l.trim() !== "")
      resolve({
        failed: signal === "SIGTERM"
          ? `timed out after ${options.timeoutMs / 60_000} min${peak}`
          : `exit ${code}\n${problems.slice(-8).join("\n")}`
      })
    })
  })

/** A function that runs one measurement in a fresh child, tried twice but for cache runs. */
export const runner = (options: Options) => {
  let specs = 0
  return async (label: string, spec: Spec): Promise<Run> => {
    const file = join(options.work, `spec-${++specs}.json`)
    writeFileSync(file, JSON.stringify(spec))
    let run: Run = { failed: "not run" }
    for (const attempt of [1, 2]) {
      options.log(`${label}${attempt === 1 ? "" : ", again"}…`)
      run = await spawnChild(options, file)
      if (!isFailed(run)) {
        options.log(`${label}: ${(run.ms / 1000).toFixed(1)} s, ${run.articles} articles, peak RSS ${run.peakRssMB.toFixed(0)} MB`)
        return run
      }
      options.log(`${label} failed: ${run.failed}`)
      // A cache run cannot be repeated as it was: the first attempt filled the cache.
      if (run.failed.startsWith("timed out") || (spec.mode === "pipeline" && spec.cache)) break
      if (spec.mode === "pipeline") rmSync(spec.out, { recursive: true, force: true })
    }
    return run
  }
}
