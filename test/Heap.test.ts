import { getHeapStatistics } from "node:v8"
import { describe, expect, it } from "vitest"
import * as Heap from "../pipeline/Heap.ts"

const used = () => getHeapStatistics().used_heap_size / 2 ** 20

describe("heap keeper", () => {
  it("collects once the heap has grown past its headroom, looking every 50 calls", () => {
    const keep = Heap.keeper(8)
    // 40 MB of arrays in the old generation, dropped once made: garbage only a full collection frees.
    const made = Array.from({ length: 40 }, () => new Array(128 * 1024).fill(1.5)).length
    const grown = used()
    expect(made).toBe(40)
    for (let i = 0; i < 49; i++) keep()
    // Not yet looked: the garbage is still there.
    expect(used()).toBeGreaterThan(grown - 5)
    keep()
    expect(used()).toBeLessThan(grown - 20)
  })
})
