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

// 4. Normalisation cost and memory on a large single-line input.
const huge = "He said \u201Cno\u201D.\u00A0".repeat(Math.ceil((20 * 1024 * 1024) / 16))
globalThis.gc?.()
const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
const start = performance.now()
const normalised = normalise(huge)
const normaliseMs = performance.now() - start
const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
rows.push(["normalise 20 MB single line: MB per second", ((huge.length / 1024 / 1024) / (normaliseMs / 1000)).toFixed(1)])
rows.push(["normalise 20 MB: memory / input size", ((after - before) / (huge.length * 2)).toFixed(2)])
if (normalised.map.text.length === 0) throw new Error("unexpected empty output")

const width = Math.max(...rows.map(([name]) => name.length))
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`)
