import { defineConfig } from "vitest/config"

// Vitest 5's reporter calls Map.groupBy, which Node 20 lacks (it arrived in
// Node 21). The config loads in the reporter's process, so fill it in here.
const maps = Map as unknown as { groupBy?: unknown }
maps.groupBy ??= <K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, Array<V>> => {
  const groups = new Map<K, Array<V>>()
  let index = 0
  for (const item of items) {
    const k = key(item, index++)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
