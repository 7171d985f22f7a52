import { NodeServices } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Stream } from "effect"
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Batch from "../pipeline/Batch.ts"
import * as Pipeline from "../pipeline/Pipeline.ts"
import * as Reports from "../pipeline/Reports.ts"
import * as Rules from "../pipeline/Rules.ts"
import { root } from "./support.ts"

const TestLayer = Reports.layer.pipe(Layer.provideMerge(NodeServices.layer))

describe("pipeline", () => {
  it.effect("turns one article's failure into an error entry and reports the rest", () =>
    Effect.gen(function*() {
      const rules = yield* Rules.load(`${root}rules`)
      const dir = mkdtempSync(join(tmpdir(), "factgate-pipeline-"))
      const out = mkdtempSync(join(tmpdir(), "factgate-out-"))
      writeFileSync(join(dir, "a.txt"), "The minister said the bridge was closed on Monday after the storm.\n")
      writeFileSync(join(dir, "b.txt"), "Officials said the talks had failed after three weeks of meetings.\n")
      // A scoring component no code computes: scoring fails for every article.
      const broken = { ...rules, scoring: { ...rules.scoring, components: [{ id: "sourcing", weight: 1 }, { id: "no-such-component", weight: 1 }] } }
      const outcomes = yield* Stream.runCollect(Pipeline.run([dir], broken, out))
      expect(outcomes.map((o) => (o._tag === "ArticleFailed" ? `${o.id}: ${o.stage} failed` : o._tag))).toEqual([
        "a: score failed",
        "b: score failed"
      ])
      expect(Batch.index(outcomes).errors.map((e) => `${e.path.replace(dir, "DIR")} ${e.stage}`)).toEqual(["DIR/a.txt score", "DIR/b.txt score"])
      expect(Batch.exitCode(Batch.summarise(outcomes), { exitZero: true })).toBe(2)

      const good = yield* Stream.runCollect(Pipeline.run([dir], rules, out))
      expect(good.map((o) => o._tag)).toEqual(["Reported", "Reported"])
      expect(readdirSync(out).sort()).toEqual(["a.json", "a.md", "b.json", "b.md"])
    }).pipe(Effect.provide(TestLayer)))
})
