/**
 * child: one measurement in a fresh process, so that its RSS is its own and
 * module loading is not timed. `run.ts` starts it with the path of a JSON
 * spec; it prints one JSON line: `{ ms, mb, articles, peakRssMB, ... }`.
 *
 *   pipeline  factgate's `check` over `paths`, reports written
 *   parse     bare unified().use(retextEnglish).parse() per paragraph of `files`
 *   textlint  textlint with textlint-rule-write-good over `files`
 *   whole     one parse of `files` joined, against a parse per paragraph
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { type Measurement, progressTag, type Spec } from "./protocol.ts"

const root = new URL("../../", import.meta.url).pathname

/** Peak resident set of this process, worker threads included (VmHWM, in MB). */
const peakRssMB = () => {
  const line = readFileSync("/proc/self/status", "utf8").split("\n").find((l) => l.startsWith("VmHWM:"))
  return line === undefined ? Number.NaN : Number(line.replace(/\D+/g, "")) / 1024
}

/** Paragraphs as the parse floor sees them: the non-empty lines. */
const paragraphs = (text: string) => text.split(/\n+/).filter((line) => line.trim() !== "")

// Each mode loads only its own modules: a pipeline child's RSS holds no textlint.
const parserOf = async () => {
  const [{ unified }, { default: retextEnglish }] = await Promise.all([import("unified"), import("retext-english")])
  return unified().use(retextEnglish)
}

/** Wall time, and CPU time of every thread of the process: the latter barely moves when other work shares the cores. */
const timed = async <A>(f: () => A | Promise<A>) => {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const value = await f()
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value }
}

const measure = async (spec: Spec): Promise<{ readonly ms: number; readonly articles: number; readonly [extra: string]: unknown }> => {
  switch (spec.mode) {
    case "pipeline": {
      const { check } = await import("../../pipeline/api.ts")
      const { ms, cpuMs, value } = await timed(() =>
        check({ paths: spec.paths, rules: spec.rules, out: spec.out, jobs: spec.jobs, cache: spec.cache, cacheDir: spec.cacheDir })
      )
      // Say why when some inputs could not be checked: the run then measured less work.
      const index = join(spec.out, "index.json")
      const errors = value.errors > 0 && existsSync(index)
        ? (JSON.parse(readFileSync(index, "utf8")) as { errors?: Array<{ message?: string }> }).errors ?? []
        : []
      return { ...value, ms, cpuMs, ...(errors[0]?.message === undefined ? {} : { firstError: errors[0].message }) }
    }
    case "parse": {
      const texts = spec.files.map((file) => paragraphs(readFileSync(file, "utf8")))
      const parser = await parserOf()
      let nodes = 0
      const { ms, cpuMs } = await timed(() => {
        for (const text of texts) for (const paragraph of text) nodes += parser.parse(paragraph).children.length
      })
      return { ms, cpuMs, articles: texts.length, nodes }
    }
    case "whole": {
      const text = spec.files.map((file) => readFileSync(file, "utf8")).join("\n")
      const parser = await parserOf()
      // A warm-up of each, then the median of three alternating runs.
      const perParagraph: Array<number> = []
      const whole: Array<number> = []
      for (let run = 0; run < 4; run++) {
        perParagraph.push((await timed(() => paragraphs(text).forEach((p) => parser.parse(p)))).ms)
        whole.push((await timed(() => parser.parse(text))).ms)
      }
      const median = (samples: Array<number>) => samples.slice(1).sort((x, y) => x - y)[1]!
      return { ms: median(whole), articles: spec.files.length, perParagraphMs: median(perParagraph) }
    }
    case "textlint": {
      const { createLinter, loadTextlintrc } = await import("textlint")
      const descriptor = await loadTextlintrc({
        configFilePath: new URL("textlintrc.json", import.meta.url).pathname,
        node_modulesDir: `${root}node_modules`
      })
      const linter = createLinter({ descriptor })
      const { ms, cpuMs, value } = await timed(() => linter.lintFiles([...spec.files]))
      return { ms, cpuMs, articles: value.length, messages: value.reduce((n, result) => n + result.messages.length, 0) }
    }
  }
}

const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Spec
// The peak so far, on stderr now and then: if the parent stops a run that
// takes too long, it still knows a lower bound of its peak RSS.
setInterval(() => process.stderr.write(`${progressTag}${JSON.stringify({ peakRssMB: peakRssMB() })}\n`), 10_000).unref()
const result = await measure(spec)
const measurement: Measurement = { ...result, mb: spec.bytes / 2 ** 20, peakRssMB: peakRssMB() }
process.stdout.write(`${JSON.stringify(measurement)}\n`)
