/**
 * `npm run bench [-- --quick] [--repeat <rounds>] [--timeout <minutes>]`:
 * throughput and memory of the whole pipeline, as ratios of numbers measured
 * in this one run, so that a noisy shared machine affects both sides alike.
 * Every measurement runs in a fresh child process (child.ts). Prints a table,
 * writes reports/bench.json, and asserts nothing: a missed target is printed
 * as "missed".
 *
 * MB is 2^20 bytes of the corpus as written (HTML pages at their full size);
 * the parse floor and textlint read the plain text of the same articles.
 */
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { runner } from "./children.ts"
import { benchRoot, build, type Corpus, singleLine } from "./corpus.ts"
import { figures } from "./figures.ts"
import { isFailed, type Run } from "./protocol.ts"
import { multiply } from "./rules10x.ts"
import { loadSources } from "./sources.ts"
import { render } from "./table.ts"

const quick = process.argv.includes("--quick")
const MiB = 2 ** 20
const size = quick
  ? { corpus: { minArticles: 500, minBytes: 2 * MiB }, small: 100, large: 1000, singleLine: 2 * MiB, textlint: MiB / 2 }
  : { corpus: { minArticles: 5000, minBytes: 20 * MiB }, small: 1000, large: 10000, singleLine: 20 * MiB, textlint: 2 * MiB }
/** textlint over the whole corpus only when its subset says that takes at most this long. */
const textlintBudgetMs = 120_000
/** Rounds of the throughput runs, each figure the fastest of its rounds: `--repeat <n>`, default 2. */
const repeatFlag = process.argv.indexOf("--repeat")
const repeat = repeatFlag < 0 ? 2 : Math.max(1, Number(process.argv[repeatFlag + 1]))
/** A child that takes longer is stopped and its measurement reported as n/a: `--timeout <minutes>`, default 60. */
const timeoutFlag = process.argv.indexOf("--timeout")
const childTimeoutMs = (timeoutFlag < 0 ? 60 : Number(process.argv[timeoutFlag + 1])) * 60_000

const root = new URL("../../", import.meta.url).pathname
const rulesDir = join(root, "rules")
const work = join(benchRoot, `run-${process.pid}`)
const started = performance.now()
const log = (line: string) => process.stderr.write(`bench: ${line}\n`)

const measure = runner({ root, work, timeoutMs: childTimeoutMs, log })
let outs = 0

/** A pipeline run over `input` into a fresh output directory (unless `out` is given). */
const pipeline = async (label: string, input: { readonly paths: ReadonlyArray<string>; readonly bytes: number }, options: {
  readonly jobs: number
  readonly rules?: string
  readonly cache?: boolean
  readonly cacheDir?: string
  readonly out?: string
}): Promise<Run> => {
  const out = options.out ?? join(work, `out-${++outs}`)
  const run = await measure(label, {
    mode: "pipeline",
    bytes: input.bytes,
    paths: input.paths,
    rules: options.rules ?? rulesDir,
    out,
    jobs: options.jobs,
    cache: options.cache ?? false,
    cacheDir: options.cacheDir ?? join(work, `cache-${outs}`)
  })
  if (options.out === undefined) rmSync(out, { recursive: true, force: true })
  return run
}

/** The fastest of repeated runs, or the first failure when none succeeded. */
const fastest = (runs: ReadonlyArray<Run>): Run =>
  runs.reduce((best, run) => (isFailed(run) ? best : isFailed(best) || run.ms < best.ms ? run : best))

/** The files under a directory, at any depth: a warm run that adds some missed the cache. */
const filesUnder = (dir: string): ReadonlyArray<string> =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".json")) : []

/** A hash of factgate's source and rules: if it changes during the bench, runs measured different builds. */
const treeHash = () => {
  const hash = createHash("sha256")
  for (const dir of ["pipeline", "rules"]) {
    for (const name of readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }).sort()) {
      if (/\.(?:ts|js|ya?ml)$/.test(name)) hash.update(name).update(readFileSync(join(root, dir, name)))
    }
  }
  return hash.digest("hex")
}
const treeAtStart = treeHash()

const directory = (corpus: Corpus) => ({ paths: [corpus.articles], bytes: corpus.bytes })

rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })

// The corpora, built once and reused by later runs while their inputs are unchanged.
const sources = loadSources()
const corpus = build(size.corpus, sources)
const small = build({ articles: size.small }, sources)
const large = build({ articles: size.large }, sources)
const line = singleLine(size.singleLine)
log(`corpus: ${corpus.entries.length} articles, ${(corpus.bytes / MiB).toFixed(1)} MB, ${corpus.reused ? "reused" : "built"} in ${corpus.dir}`)

// The 10× rule pack, checked by factgate itself before it is timed.
const grown = multiply(rulesDir, join(work, "rules10x"), join(root, "schemas/rule.schema.json"))
let grownProblem: string | undefined
try {
  execFileSync(process.execPath, [join(root, "pipeline/factgate.js"), "rules", "--rules", grown.dir], { cwd: root, stdio: "pipe" })
} catch (error) {
  grownProblem = String((error as { stderr?: unknown }).stderr ?? error)
  log(`the 10× rule pack is not valid, ruleScaling is skipped:\n${grownProblem}`)
}

// Throughput: the parse floor, then the pipeline cold with 1 and 2 workers, then 10× rules.
const plain = corpus.entries.map((e) => e.plain)
const parse = await measure("parse only", { mode: "parse", bytes: corpus.bytes, files: plain })
// Rounds interleave the three, and each keeps its fastest run: other work on
// the machine only ever adds time.
const samples: Record<"one" | "two" | "tenfold", Array<Run>> = { one: [], two: [], tenfold: [] }
for (let round = 1; round <= repeat; round++) {
  const of = repeat > 1 ? ` (round ${round} of ${repeat})` : ""
  samples.one.push(await pipeline(`pipeline, 1 worker${of}`, directory(corpus), { jobs: 1 }))
  samples.two.push(await pipeline(`pipeline, 2 workers${of}`, directory(corpus), { jobs: 2 }))
  samples.tenfold.push(
    grownProblem === undefined
      ? await pipeline(`pipeline, 2 workers, 10× rules${of}`, directory(corpus), { jobs: 2, rules: grown.dir })
      : { failed: "the 10× rule pack is not valid" }
  )
}
const [one, two, tenfold] = [fastest(samples.one), fastest(samples.two), fastest(samples.tenfold)]

// The cache: cold into a fresh cache directory, then warm with the same
// directories. The cache key hashes factgate's own source and the rules, so an
// edit in between (others work in this tree) turns the warm run into a cold
// one: then the pair is run once more.
const cachePair = async (): Promise<{ readonly cold: Run; readonly warm: Run }> => {
  const cacheDir = join(work, "cache")
  const out = join(work, "out-cache")
  rmSync(cacheDir, { recursive: true, force: true })
  rmSync(out, { recursive: true, force: true })
  const cold = await pipeline("pipeline, cache cold", directory(corpus), { jobs: 2, cache: true, cacheDir, out })
  const before = filesUnder(cacheDir)
  let warm: Run = isFailed(cold)
    ? { failed: "no cold run" }
    : await pipeline("pipeline, cache warm", directory(corpus), { jobs: 2, cache: true, cacheDir, out })
  const added = filesUnder(cacheDir).filter((file) => !before.includes(file)).length
  if (!isFailed(warm) && added > 0) {
    warm = { failed: `the warm run missed the cache (${added} new entries): factgate's source or the rules changed in between` }
    log(warm.failed)
  }
  rmSync(out, { recursive: true, force: true })
  rmSync(cacheDir, { recursive: true, force: true })
  return { cold, warm }
}
let { cold, warm } = await cachePair()
if (isFailed(warm) && warm.failed.startsWith("the warm run missed")) ({ cold, warm } = await cachePair())

// textlint: a prefix of whole hundreds of articles (so it keeps the corpus's
// share of HTML pages) of at least size.textlint bytes of text; the whole
// corpus too when the prefix says that fits in the budget.
let prefix = 0
for (let plainBytes = 0; prefix < corpus.entries.length && (plainBytes < size.textlint || prefix % 100 !== 0); prefix++) {
  plainBytes += corpus.entries[prefix]!.plainBytes
}
const subset = corpus.entries.slice(0, prefix)
const subsetBytes = subset.reduce((n, e) => n + e.bytes, 0)
const subsetPlain = subset.reduce((n, e) => n + e.plainBytes, 0)
let textlint = await measure(`textlint, first ${prefix} articles`, { mode: "textlint", bytes: subsetBytes, files: subset.map((e) => e.plain) })
let [textlintWhole, textlintArticles, textlintBytes] = [prefix === corpus.entries.length, prefix, subsetBytes]
if (!isFailed(textlint) && !textlintWhole && textlint.ms * (corpus.plainBytes / subsetPlain) <= textlintBudgetMs) {
  const all = await measure("textlint, whole corpus", { mode: "textlint", bytes: corpus.bytes, files: plain })
  if (!isFailed(all)) [textlint, textlintWhole, textlintArticles, textlintBytes] = [all, true, corpus.entries.length, corpus.bytes]
}

// Memory: peak RSS for 10× the articles, then a 20 MB single line.
const smallRun = await pipeline(`pipeline, ${size.small} articles`, directory(small), { jobs: 2 })
const largeRun = await pipeline(`pipeline, ${size.large} articles`, directory(large), { jobs: 2 })
const single = await pipeline("pipeline, single line", { paths: [line.file], bytes: line.bytes }, { jobs: 1 })

// Why paragraphs are parsed one by one: the seeds eight times over as one string.
const seedFiles = corpus.entries.filter((e) => /-seed-/.test(e.file)).slice(0, sources.text.filter((s) => s.id.startsWith("seed-")).length)
const whole = await measure("parse whole vs per paragraph", {
  mode: "whole",
  bytes: 0,
  files: Array.from({ length: 8 }, () => seedFiles.map((e) => e.file)).flat()
})

rmSync(work, { recursive: true, force: true })

const runs = { parse, one, two, tenfold, cold, warm, textlint, small: smallRun, large: largeRun, single, whole }
const { result, rows, notes } = figures(runs, {
  quick,
  treeChanged: treeHash() !== treeAtStart,
  repeat,
  samples,
  corpus,
  sizes: { small: size.small, large: size.large },
  singleLineBytes: line.bytes,
  rules10x: { entriesBefore: grown.entriesBefore, entriesAfter: grown.entriesAfter },
  textlint: { wholeCorpus: textlintWhole, articles: textlintArticles, bytes: textlintBytes }
})
mkdirSync(join(root, "reports"), { recursive: true })
writeFileSync(join(root, "reports/bench.json"), `${JSON.stringify(result, null, 2)}\n`)
console.log(render(rows))
for (const note of notes) console.log(`note: ${note}`)
console.log(`${quick ? "quick bench" : "bench"}: ${((performance.now() - started) / 1000).toFixed(0)} s; written to reports/bench.json`)
