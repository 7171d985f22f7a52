import { NodeServices } from "@effect/platform-node"
import { describe, expect, it, vi } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import * as Cache from "../pipeline/Cache.ts"
import * as Pipeline from "../pipeline/Pipeline.ts"
import * as Reports from "../pipeline/Reports.ts"
import * as Rules from "../pipeline/Rules.ts"
import * as Pool from "../pipeline/Pool.ts"
import * as Tasks from "../pipeline/Tasks.ts"
import { root, scratch } from "./support.ts"

const TestLayer = Reports.layer.pipe(Layer.provideMerge(NodeServices.layer))

/** Run a batch in this thread with a temporary store. */
const run = (dir: string, rules: Rules.RuleSet, out: string) =>
  Pipeline.run([dir], rules, { out, gates: rules.gates, concurrency: 1 }).pipe(
    Effect.provide(Layer.mergeAll(Tasks.inline(rules, rules.gates), Cache.temporary))
  )

/** Run a batch on a pool of workers into a fresh directory, and in this thread into another. */
const pooledAndInline = (dir: string, rules: Rules.RuleSet, pool: Parameters<typeof Pool.pool>[0]) =>
  Effect.gen(function*() {
    const outs = [scratch("out"), scratch("out")] as const
    const pooled = yield* Pipeline.run([dir], rules, { gates: rules.gates, concurrency: 2, out: outs[0] }).pipe(
      Effect.provide(Layer.mergeAll(Pool.pool(pool), Cache.temporary))
    )
    yield* run(dir, rules, outs[1])
    return { pooled, outs }
  })

/** Three one-sentence articles, a to c, in a directory of their own. */
const threeArticles = () => {
  const dir = scratch("pipeline")
  writeFileSync(join(dir, "a.txt"), "The minister said the bridge was closed on Monday after the storm.\n")
  writeFileSync(join(dir, "b.txt"), "Officials said the talks had failed after three weeks of meetings in Vienna.\n")
  writeFileSync(join(dir, "c.txt"), "According to Reuters, 3,000 troops crossed the border on Tuesday.\n")
  return dir
}

/** Each of the three articles' reports is the same in both directories. */
const expectSameReports = (outs: readonly [string, string]) => {
  for (const name of ["a", "b", "c"].flatMap((id) => [`${id}.json`, `${id}.md`, `${id}.html`])) {
    expect(readFileSync(join(outs[0], name), "utf8")).toBe(readFileSync(join(outs[1], name), "utf8"))
  }
}

describe("pipeline", () => {
  it.effect("turns one article's failure into an error entry and reports the rest", () =>
    Effect.gen(function*() {
      const rules = yield* Rules.load(`${root}rules`)
      const dir = scratch("pipeline")
      const out = scratch("out")
      writeFileSync(join(dir, "a.txt"), "The minister said the bridge was closed on Monday after the storm.\n")
      writeFileSync(join(dir, "b.txt"), "Officials said the talks had failed after three weeks of meetings.\n")
      // A scoring component no code computes: scoring fails for every article.
      const broken = { ...rules, scoring: { ...rules.scoring, components: [{ id: "sourcing", weight: 1 }, { id: "no-such-component", weight: 1 }] } }
      const { items } = yield* run(dir, broken, out)
      expect(items.map((o) => (o._tag === "ArticleFailed" ? o.message.replace(dir, "DIR") : o._tag))).toEqual([
        "DIR/a.txt: score failed for article `a`: unknown score component `no-such-component`",
        "DIR/b.txt: score failed for article `b`: unknown score component `no-such-component`"
      ])

      const good = yield* run(dir, rules, out)
      expect(good.items.map((o) => o._tag)).toEqual(["Indexed", "Indexed"])
      expect(readdirSync(out).sort()).toEqual(["a.html", "a.json", "a.md", "b.html", "b.json", "b.md"])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("an article over the workers' size limit, done by the big articles' worker, gets the same report", () =>
    Effect.gen(function*() {
      const rules = yield* Rules.load(`${root}rules`)
      const dir = scratch("pipeline")
      writeFileSync(join(dir, "small.txt"), "The minister said the bridge was closed on Monday after the storm.\n")
      writeFileSync(join(dir, "big.txt"), "Officials said the talks had failed after three weeks of meetings in Vienna.\n\n".repeat(20_000))
      const { pooled, outs } = yield* pooledAndInline(dir, rules, { rules, gates: rules.gates, jobs: 2, bigAbove: 100_000, inlineFirst: 0 })
      expect(pooled.items.map((o) => o._tag)).toEqual(["Indexed", "Indexed"])
      for (const name of ["big.json", "small.json"]) expect(readFileSync(join(outs[0], name), "utf8")).toBe(readFileSync(join(outs[1], name), "utf8"))
    }).pipe(Effect.provide(TestLayer)), 120_000)

  it.effect("a batch's first articles analysed in this thread and the rest on workers get the same reports", () =>
    Effect.gen(function*() {
      const rules = yield* Rules.load(`${root}rules`)
      const { pooled: mixed, outs } = yield* pooledAndInline(threeArticles(), rules, { rules, gates: rules.gates, jobs: 2, inlineFirst: 1 })
      expect(mixed.items.map((o) => o._tag)).toEqual(["Indexed", "Indexed", "Indexed"])
      expectSameReports(outs)
    }).pipe(Effect.provide(TestLayer)), 120_000)

  it.effect("workers that cannot start leave the batch to this thread, said once, with the same reports", () =>
    Effect.gen(function*() {
      const rules = yield* Rules.load(`${root}rules`)
      const dir = threeArticles()
      const entry = join(dir, "broken-worker.mjs")
      writeFileSync(entry, "throw new Error('this build cannot load')\n")
      const warnings: Array<string> = []
      const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (warnings.push(String(chunk)), true))
      const { pooled: fallen, outs } = yield* pooledAndInline(dir, rules, { rules, gates: rules.gates, jobs: 2, inlineFirst: 1, entry: pathToFileURL(entry).href }).pipe(
        Effect.ensuring(Effect.sync(() => spy.mockRestore()))
      )
      expect(fallen.items.map((o) => o._tag)).toEqual(["Indexed", "Indexed", "Indexed"])
      expect(warnings).toEqual([expect.stringMatching(/^factgate: a worker thread could not start: .*this build cannot load.*; the batch goes on in this thread\n$/)])
      expectSameReports(outs)
    }).pipe(Effect.provide(TestLayer)), 120_000)
})
