/**
 * Shared evaluation plumbing: where the labelled data lives, and running the
 * real CLI over inputs to get its JSON reports.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Report } from "../../pipeline/Report.ts"

/** The repository root. */
export const root = fileURLToPath(new URL("../../", import.meta.url))

/** The evaluation data, read in place and never copied into the repository. */
export const evalDir = process.env["FACTGATE_EVAL"] ?? join(root, "..", "shared", "eval")

/** Run `factgate check` on inputs and return the reports it prints, by id. */
export const check = (inputs: ReadonlyArray<string>): Map<string, Report> => {
  // The reports come from stdout; the files written beside them are not kept (about 270 MB for PolNeAR train).
  const out = mkdtempSync(join(tmpdir(), "factgate-eval-"))
  const result = spawnSync(process.execPath, [join(root, "pipeline/factgate.js"), "check", ...inputs, "--format", "json", "--out", out, "--exit-zero"], {
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024
  })
  rmSync(out, { recursive: true, force: true })
  if (result.status !== 0) throw new Error(`factgate check exited ${result.status}:\n${result.stderr}`)
  const reports = new Map<string, Report>()
  for (const line of result.stdout.split("\n")) {
    if (line.trim() === "") continue
    const report = JSON.parse(line) as Report
    reports.set(report.article.id, report)
  }
  return reports
}

/** Precision, recall and F1 from counts. */
export const prf = (tp: number, predicted: number, gold: number) => {
  const precision = predicted === 0 ? 0 : tp / predicted
  const recall = gold === 0 ? 0 : tp / gold
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

/** Format a number with three decimals. */
export const n3 = (value: number) => value.toFixed(3)
