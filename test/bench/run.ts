/**
 * Benchmarks: throughput and memory, as ratios measured in one run so that a
 * noisy shared machine affects both sides alike. Prints a table; asserts nothing.
 */
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { performance } from "node:perf_hooks"
import retextEnglish from "retext-english"
import { unified } from "unified"
import * as Analyse from "../../pipeline/Analyse.ts"
import { normalise } from "../../pipeline/Normalise.ts"
import * as Rules from "../../pipeline/Rules.ts"

const root = new URL("../../", import.meta.url).pathname
const rules = await Effect.runPromise(Rules.load(`${root}rules`).pipe(Effect.provide(NodeServices.layer)))
const seeds = readdirSync(`${root}seeds`).sort().map((name) => readFileSync(`${root}seeds/${name}`, "utf8"))
const corpus = seeds.join("\n")

/** Median milliseconds of `runs` calls of `f`, after one warm-up. */
const time = (f: () => void, runs = 7) => {
  f()
  const samples: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    f()
    samples.push(performance.now() - start)
  }
  return samples.sort((a, b) => a - b)[runs >> 1]!
}

const rows: Array<[string, string]> = []

// 1. Throughput of the whole analysis on the seeds.
const analyse = Analyse.make(rules)
const seedMs = time(() => seeds.forEach((text) => analyse(normalise(text))), 11)
rows.push(["analyse: seeds per second", (seeds.length / (seedMs / 1000)).toFixed(0)])
rows.push(["analyse: characters per ms", (corpus.length / seedMs).toFixed(0)])

// 2. One pass over tokens: ten times the phrases should cost about the same.
const padded: Rules.RuleSet = {
  ...rules,
  phrase: rules.phrase.map((rule) => ({
    ...rule,
    phrases: [...rule.phrases, ...Array.from({ length: rule.phrases.length * 9 }, (_, i) => `zzfiller${i} word`)]
  }))
}
const analysePadded = Analyse.make(padded)
const paddedMs = time(() => seeds.forEach((text) => analysePadded(normalise(text))), 11)
rows.push(["10× phrases / 1× phrases (time)", (paddedMs / seedMs).toFixed(2)])

// 3. Why paragraphs are parsed one by one: the whole corpus as one string.
const parser = unified().use(retextEnglish)
const big = Array.from({ length: 8 }, () => corpus).join("\n")
const perParagraph = time(() => big.split("\n").forEach((line) => parser.parse(line)), 3)
const whole = time(() => parser.parse(big), 3)
rows.push(["parse whole text / parse per paragraph (time)", (whole / perParagraph).toFixed(2)])

// 4. A 20 MB single-line file through normalisation and analysis: time and
// memory must stay bounded, because paragraphs are cut to a bounded size.
const line = seeds.join(" ").replace(/\s+/g, " ")
const huge = line.repeat(Math.ceil((20 * 1024 * 1024) / line.length))
globalThis.gc?.()
const rssBefore = process.memoryUsage().rss
let peak = rssBefore
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
const start = performance.now()
const normalised = normalise(huge, { boilerplate: rules.boilerplate, structure: rules.structure, heuristics: true })
const normaliseMs = performance.now() - start
const analysis = analyse(normalised)
const totalMs = performance.now() - start
peak = Math.max(peak, process.memoryUsage().rss)
clearInterval(sampler)
const mb = huge.length / 1024 / 1024
rows.push(["20 MB single line: normalise MB per second", (mb / (normaliseMs / 1000)).toFixed(1)])
rows.push(["20 MB single line: normalise + analyse seconds", (totalMs / 1000).toFixed(1)])
rows.push(["20 MB single line: seeds-rate / 20 MB-rate (chars per ms)", ((corpus.length / seedMs) / (huge.length / (totalMs - normaliseMs))).toFixed(2)])
rows.push(["20 MB single line: peak RSS growth / input size (UTF-16)", ((peak - rssBefore) / (huge.length * 2)).toFixed(2)])
if (analysis.sentences.length === 0) throw new Error("unexpected empty analysis")

const width = Math.max(...rows.map(([name]) => name.length))
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`)
