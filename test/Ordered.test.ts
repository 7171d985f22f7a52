import { describe, expect, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { inInputOrder } from "../pipeline/Ordered.ts"

describe("work finished in any order", () => {
  it.live("comes out in input order", () =>
    Effect.gen(function*() {
      // Later items finish first.
      const slowFirst = (n: number) => Effect.sleep(`${(10 - n) * 3} millis`).pipe(Effect.as(n * n))
      const out = yield* Stream.range(0, 9).pipe(inInputOrder(slowFirst, 4), Stream.runCollect)
      expect(out).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81])
    }))

  it.live("never runs more than its window ahead of a slow item", () =>
    Effect.gen(function*() {
      let started = 0
      let aheadOfHead = 0
      let headDone = false
      const work = (n: number) =>
        Effect.suspend(() => {
          started++
          if (!headDone && n > 0) aheadOfHead = Math.max(aheadOfHead, started - 1)
          return n === 0 ? Effect.sleep("50 millis").pipe(Effect.tap(() => Effect.sync(() => (headDone = true))), Effect.as(n)) : Effect.succeed(n)
        })
      const out = yield* Stream.range(0, 99).pipe(inInputOrder(work, 4, 8), Stream.runCollect)
      expect(out).toEqual(Array.from({ length: 100 }, (_, i) => i))
      // The slow head holds one permit; the other seven go to the items after it.
      expect(aheadOfHead).toBe(7)
    }))
})
