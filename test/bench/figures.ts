/**
 * figures: the runs' measurements → the ratios of reports/bench.json, the
 * table's rows, and notes on anything the runs disagree on.
 */
import { availableParallelism } from "node:os"
import { isFailed, type Run } from "./protocol.ts"
import type { Corpus } from "./corpus.ts"
import type { Row } from "./table.ts"


/** Every run of one bench. */
export interface Runs {
  readonly parse: Run
  readonly one: Run
  readonly two: Run
  readonly tenfold: Run
  readonly cold: Run
  readonly warm: Run
  readonly textlint: Run
  readonly small: Run
  readonly large: Run
  readonly single: Run
  readonly whole: Run
}

/** What the runs ran on. */
export interface Setup {
  readonly quick: boolean
  /** Whether factgate's source or rules changed while the bench ran. */
  readonly treeChanged: boolean
  /** Rounds of the throughput runs; `runs` holds the fastest, `samples` all of them. */
  readonly repeat: number
  readonly samples: Readonly<Record<"one" | "two" | "tenfold", ReadonlyArray<Run>>>
  readonly corpus: Corpus
  readonly sizes: { readonly small: number; readonly large: number }
  readonly singleLineBytes: number
  readonly rules10x: { readonly entriesBefore: number; readonly entriesAfter: number }
  readonly textlint: { readonly wholeCorpus: boolean; readonly articles: number; readonly bytes: number }
}

const MiB = 2 ** 20
const ok = (run: Run) => (isFailed(run) ? undefined : run)
const mbps = (run: Run) => {
  const m = ok(run)
  return m && m.mb / (m.ms / 1000)
}
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a / b)
const seconds = (run: Run) => ok(run) && ok(run)!.ms / 1000
const cpu = (run: Run) => ok(run)?.cpuMs
/** MB per second of CPU time: what the run costs, whatever else shares the cores. */
const cpuMBps = (run: Run) => {
  const m = ok(run)
  return m?.cpuMs && m.mb / (m.cpuMs / 1000)
}
const peak = (run: Run) => ok(run)?.peakRssMB
const count = (n: number) => n.toLocaleString("en-US")
const verdicts = (run: Run) => {
  const m = ok(run)
  return m && JSON.stringify({ articles: m["articles"], passed: m["passed"], failed: m["failed"], errors: m["errors"] })
}
/** Why a figure is missing, for the table. */
const why = (...runs: ReadonlyArray<Run>) => {
  const failed = runs.flatMap((run) => (isFailed(run) ? [run.failed.split("\n")[0]!] : []))
  return failed.length === 0 ? {} : { note: `failed: ${failed.join("; ")}` }
}

/** The bench's figures: the JSON it writes, the rows it prints and its notes. */
export const figures = (runs: Runs, setup: Setup) => {
  const { corpus, sizes } = setup
  const parseOnlyMBps = mbps(runs.parse)
  const pipeline1WorkerMBps = mbps(runs.one)
  const pipelineMBps = mbps(runs.two)
  const textlintMBps = mbps(runs.textlint)
  const htmlPages = corpus.entries.filter((e) => e.format === "html").length
  const whole = ok(runs.whole)
  const result = {
    pipelineMBps,
    parseOnlyMBps,
    ratioVsParse: ratio(pipelineMBps, parseOnlyMBps),
    textlintMBps,
    ratioVsTextlint: ratio(pipelineMBps, textlintMBps),
    speedup2Workers: ratio(pipelineMBps, pipeline1WorkerMBps),
    peakRssMB: { [sizes.small]: peak(runs.small), [sizes.large]: peak(runs.large) },
    cacheSpeedup: ratio(seconds(runs.cold), seconds(runs.warm)),
    ruleScaling: ratio(seconds(runs.tenfold), seconds(runs.two)),
    // Extras.
    quick: setup.quick,
    treeChanged: setup.treeChanged,
    repeat: setup.repeat,
    pipeline1WorkerMBps,
    // By CPU time rather than wall time: steadier on a shared machine.
    byCpuTime: {
      parseOnlyMBps: cpuMBps(runs.parse),
      pipeline1WorkerMBps: cpuMBps(runs.one),
      ratioVsParse1Worker: ratio(cpuMBps(runs.one), cpuMBps(runs.parse)),
      cpu2WorkersOver1: ratio(cpu(runs.two), cpu(runs.one)),
      ruleScaling: ratio(cpu(runs.tenfold), cpu(runs.two)),
      cacheSpeedup: ratio(cpu(runs.cold), cpu(runs.warm))
    },
    samples: Object.fromEntries(Object.entries(setup.samples).map(([k, v]) => [k, v.map((run) => seconds(run))])),
    peakRssRatio: ratio(peak(runs.large), peak(runs.small)),
    corpus: {
      articles: corpus.entries.length,
      mb: corpus.bytes / MiB,
      htmlPages,
      htmlMB: corpus.htmlBytes / MiB,
      plainMB: corpus.plainBytes / MiB
    },
    textlint: { articles: setup.textlint.articles, mb: setup.textlint.bytes / MiB, wholeCorpus: setup.textlint.wholeCorpus },
    rules10x: setup.rules10x,
    singleLine: {
      mb: setup.singleLineBytes / MiB,
      seconds: seconds(runs.single),
      peakRssMB: peak(runs.single),
      mbps: mbps(runs.single)
    },
    parseWholeVsPerParagraph: whole && whole.ms / Number(whole["perParagraphMs"]),
    machine: { cpus: availableParallelism(), node: process.version },
    measurements: runs
  }

  // Runs over the same articles must agree on the verdicts.
  const notes: Array<string> = []
  if (setup.treeChanged) notes.push("factgate's source or rules changed while the bench ran: the runs measured different builds")
  const agree = (a: Run, b: Run, what: string) => {
    if (ok(a) && ok(b) && verdicts(a) !== verdicts(b)) notes.push(`${what}: ${verdicts(a)} vs ${verdicts(b)}`)
  }
  agree(runs.one, runs.two, "1 and 2 workers disagree")
  agree(runs.tenfold, runs.two, "the 10× rules changed verdicts")
  agree(runs.warm, runs.cold, "the warm cache changed verdicts")

  for (const run of [runs.one, runs.two, runs.tenfold, runs.cold, runs.warm, runs.small, runs.large, runs.single]) {
    const m = ok(run)
    if (m && Number(m["errors"]) > 0) notes.push(`${m["errors"]} input(s) could not be checked in a run of ${m.articles}`)
  }

  const fastestOf = setup.repeat > 1 ? { note: `fastest of ${setup.repeat}` } : {}
  const rows: Array<Row> = [
    {
      name: "corpus",
      value: `${count(corpus.entries.length)} articles, ${(corpus.bytes / MiB).toFixed(1)} MB`,
      note: `${htmlPages} HTML pages (${(corpus.htmlBytes / MiB).toFixed(1)} MB); ${(corpus.plainBytes / MiB).toFixed(1)} MB as plain text`
    },
    { name: "parse only (retext-english, 1 thread), MB/s", value: parseOnlyMBps, ...why(runs.parse) },
    { name: "pipeline, 1 worker, MB/s", value: pipeline1WorkerMBps, ...fastestOf, ...why(runs.one) },
    { name: "pipeline, 2 workers, MB/s (pipelineMBps)", value: pipelineMBps, ...fastestOf, ...why(runs.two) },
    { name: "ratioVsParse", value: result.ratioVsParse, target: { op: "≥", bound: 0.5 } },
    { name: "  by CPU time, 1 worker", value: result.byCpuTime.ratioVsParse1Worker },
    {
      name: "textlint + write-good, MB/s",
      value: textlintMBps,
      note: setup.textlint.wholeCorpus
        ? "whole corpus"
        : `first ${count(setup.textlint.articles)} articles (${(setup.textlint.bytes / MiB).toFixed(1)} MB): the whole corpus would take over 2 min`,
      ...why(runs.textlint)
    },
    { name: "ratioVsTextlint", value: result.ratioVsTextlint, target: { op: "≥", bound: 8 } },
    { name: "speedup2Workers", value: result.speedup2Workers, target: { op: "≥", bound: 1.6 } },
    { name: "  CPU time, 2 workers / 1 worker", value: result.byCpuTime.cpu2WorkersOver1 },
    { name: `peak RSS, ${count(sizes.small)} articles`, value: peak(runs.small), digits: 0, unit: " MB", ...why(runs.small) },
    { name: `peak RSS, ${count(sizes.large)} articles`, value: peak(runs.large), digits: 0, unit: " MB", ...why(runs.large) },
    { name: `peak RSS ${count(sizes.large)} / ${count(sizes.small)}`, value: result.peakRssRatio, target: { op: "≤", bound: 1.2 } },
    {
      name: "cacheSpeedup (cold / warm)",
      value: result.cacheSpeedup,
      digits: 1,
      target: { op: "≥", bound: 20 },
      ...(ok(runs.cold) && ok(runs.warm)
        ? { note: `${seconds(runs.cold)!.toFixed(1)} s / ${seconds(runs.warm)!.toFixed(2)} s` }
        : why(runs.cold, runs.warm))
    },
    { name: "  by CPU time", value: result.byCpuTime.cacheSpeedup, digits: 1 },
    {
      name: "ruleScaling (10× rules / 1× rules)",
      value: result.ruleScaling,
      target: { op: "≤", bound: 1.2 },
      note: `${count(setup.rules10x.entriesBefore)} → ${count(setup.rules10x.entriesAfter)} list entries${fastestOf.note === undefined ? "" : `; ${fastestOf.note}`}`,
      ...why(runs.tenfold)
    },
    { name: "  by CPU time", value: result.byCpuTime.ruleScaling },
    { name: "parse whole text / per paragraph (time)", value: result.parseWholeVsPerParagraph, ...why(runs.whole) },
    {
      name: `${(setup.singleLineBytes / MiB).toFixed(0)} MB single line, 1 worker, seconds`,
      value: result.singleLine.seconds,
      digits: 1,
      ...why(runs.single)
    },
    { name: "single line MB/s / corpus MB/s (1 worker)", value: ratio(result.singleLine.mbps, pipeline1WorkerMBps) },
    { name: "single line peak RSS", value: peak(runs.single), digits: 0, unit: " MB" }
  ]
  return { result, rows, notes }
}
