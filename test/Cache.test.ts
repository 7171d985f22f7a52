import { describe, expect, it, vi } from "@effect/vitest"
import { Effect } from "effect"
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { BatchClaims, pack } from "../pipeline/BatchClaims.ts"
import { build } from "../pipeline/Build.js"
import * as Cache from "../pipeline/Cache.ts"
import { scratch } from "./support.ts"

const claim = (text: string) =>
  pack({ claim: "c1", text, checkworthiness: 0.5, speakers: [], signature: { concepts: ["bridge"], known: [], numbers: [], dates: [] } })

/** A cache directory of its own. */
const fresh = () => scratch("cache")

/** One run's use of the cache in `dir`: `f` gets the service, and the layer is closed after. */
const withCache = <A>(dir: string, f: (cache: Cache.Cache["Service"]) => Effect.Effect<A>) =>
  Effect.gen(function*() {
    const cache = yield* Cache.Cache
    return yield* f(cache)
  }).pipe(Effect.provide(Cache.layer(dir, "rules-digest")))

/** Store an analysis and remember its claims, as pass 1 does. */
const analysed = (cache: Cache.Cache["Service"], key: string, text: string) =>
  Effect.sync(() => writeFileSync(cache.file(key), "{}")).pipe(Effect.andThen(cache.remember(key, { claims: [claim(text)] })))

/** The text of the first claim of what the cache handed out, when it came packed from the entries file. */
const firstText = (entry: Cache.Hit | undefined) => (entry === undefined || "snapshot" in entry.claims ? undefined : entry.claims[0]?.[1])

const entriesFile = (dir: string) => {
  const [build] = readdirSync(dir)
  const [rules] = readdirSync(join(dir, build!))
  return join(dir, build!, rules!, "entries.ndjson")
}

describe("cache", () => {
  it.effect("removes another build's analyses, and a rule set's long unused, only once no run can be using them, and only what is the cache's", () =>
    Effect.gen(function*() {
      const dir = fresh()
      const day = 24 * 60 * 60 * 1000
      const key = `${"a".repeat(64)}.json`
      // A file in `dirs` under the cache, each directory last used `ageMs` ago.
      const made = (dirs: ReadonlyArray<string>, file: string, ageMs: number) => {
        const path = join(dir, ...dirs)
        mkdirSync(path, { recursive: true })
        writeFileSync(join(path, file), "{}")
        const then = new Date(Date.now() - ageMs)
        for (let depth = dirs.length; depth > 0; depth--) utimesSync(join(dir, ...dirs.slice(0, depth)), then, then)
        return join(path, file)
      }
      const running = made(["0123456789abcdef", "fedcba9876543210"], key, 60 * 60 * 1000)
      const stale = made(["1123456789abcdef", "fedcba9876543210"], key, 2 * day)
      const notOurs = made(["2123456789abcdef"], "data.txt", 2 * day)
      const notOursDeeper = made(["3123456789abcdef", "fedcba9876543210"], "thesis.docx", 2 * day)
      const unusedRules = made([build, "fedcba9876543210"], key, 8 * day)
      const recentRules = made([build, "eedcba9876543210"], key, 2 * day)
      yield* withCache(dir, () => Effect.void)
      expect([running, stale, notOurs, notOursDeeper, unusedRules, recentRules].map(existsSync)).toEqual([true, false, true, true, false, true])
    }))

  it.effect("remembers the index written into each directory; the temporary store remembers none", () =>
    Effect.gen(function*() {
      const dir = fresh()
      yield* withCache(dir, (cache) => cache.rememberIndex("/reports", "d1"))
      expect(yield* withCache(dir, (cache) => Effect.sync(() => [cache.index("/reports"), cache.index("/elsewhere")]))).toEqual(["d1", undefined])
      const temporary = yield* Effect.gen(function*() {
        const cache = yield* Cache.Cache
        yield* cache.rememberIndex("/reports", "d1")
        return cache.index("/reports")
      }).pipe(Effect.provide(Cache.temporary))
      expect(temporary).toBeUndefined()
    }))

  it.effect("hands a later run what an earlier one remembered, once", () =>
    Effect.gen(function*() {
      const dir = fresh()
      yield* withCache(dir, (cache) =>
        analysed(cache, "a", "The bridge was closed.").pipe(
          Effect.andThen(cache.remember("a", { written: { digest: "d1", entry: { id: "a" } } }))
        ))
      const later = yield* withCache(dir, (cache) => Effect.sync(() => [cache.take("a"), cache.take("a"), cache.take("b")]))
      expect(later).toEqual([
        { claims: [claim("The bridge was closed.")], written: { digest: "d1", entry: { id: "a" } } },
        undefined,
        undefined
      ])
    }))

  it.effect("serves nothing for a key whose stored analysis is gone", () =>
    Effect.gen(function*() {
      const dir = fresh()
      yield* withCache(dir, (cache) => cache.remember("a", { claims: [claim("No file was stored for this.")] }))
      expect(yield* withCache(dir, (cache) => Effect.sync(() => cache.take("a")))).toBeUndefined()
    }))

  it.effect("skips torn and malformed lines, and reads the rest", () =>
    Effect.gen(function*() {
      const dir = fresh()
      yield* withCache(dir, (cache) =>
        Effect.gen(function*() {
          yield* analysed(cache, "a", "The bridge was closed.")
          yield* analysed(cache, "b", "The road was open.")
        }))
      appendFileSync(entriesFile(dir), `{"key":"c","claims":[{"claim":"c1"}]}\n{"key":"a","claims":[{"cla`)
      const later = yield* withCache(dir, (cache) => Effect.sync(() => ["a", "b", "c"].map((key) => firstText(cache.take(key)))))
      expect(later).toEqual(["The bridge was closed.", "The road was open.", undefined])
      // What the next run remembers is not joined to the torn line.
      yield* withCache(dir, (cache) => analysed(cache, "d", "The port was busy."))
      expect(yield* withCache(dir, (cache) => Effect.sync(() => firstText(cache.take("d"))))).toBe("The port was busy.")
    }))

  it.effect("reads lines under real keys in place, whatever characters their claims hold", () =>
    Effect.gen(function*() {
      const dir = fresh()
      const [a, b, c] = ["a", "b", "c"].map((name) => name.repeat(64))
      yield* withCache(dir, (cache) =>
        Effect.gen(function*() {
          yield* analysed(cache, a!, "«Мост закрыт», — сказал министр. 🌉")
          yield* analysed(cache, b!, "The road was open.")
          yield* cache.remember(a!, { written: { digest: "d1", entry: { id: "a" } } })
          writeFileSync(cache.file(c!), "{}")
        }))
      // A key's lines need not be next to each other; a torn line is skipped.
      appendFileSync(entriesFile(dir), `{"key":"${c}","claims":[{"cla`)
      const later = yield* withCache(dir, (cache) => Effect.sync(() => [a, b, c].map((key) => cache.take(key!))))
      expect(later).toEqual([
        { claims: [claim("«Мост закрыт», — сказал министр. 🌉")], written: { digest: "d1", entry: { id: "a" } } },
        { claims: [claim("The road was open.")] },
        undefined
      ])
    }))

  it.effect("serves the last batch's claims from its table, with the report last written; a spoilt table is not used", () =>
    Effect.gen(function*() {
      const dir = fresh()
      const [a, b] = ["a", "b"].map((name) => name.repeat(64)) as [string, string]
      // A run analyses a and b, writes a's report, and keeps its claims table.
      yield* withCache(dir, (cache) =>
        Effect.gen(function*() {
          yield* analysed(cache, a, "The bridge was closed.")
          yield* analysed(cache, b, "The road was open.")
          yield* cache.remember(a, { written: { digest: "d1", entry: { id: "a" } } })
          const claims = new BatchClaims()
          claims.add("a", [claim("The bridge was closed.")])
          claims.add("b", [claim("The road was open.")])
          yield* cache.rememberBatch(claims, [[a, 0, 1], [b, 1, 2]])
        }))
      const table = join(dirname(entriesFile(dir)), "claims.bin")
      // Written anew, the file is another inode (renamed into place): times can be too coarse to tell.
      const written = statSync(table).ino
      const copied = (entry: Cache.Hit | undefined) => {
        if (entry === undefined || !("snapshot" in entry.claims)) return entry
        const claims = new BatchClaims()
        claims.addFrom("a", entry.claims)
        return { texts: [claims.member(0).text], written: entry.written }
      }
      const later = yield* withCache(dir, (cache) =>
        Effect.gen(function*() {
          // a twice in this batch: its claims are copied again, its report was handed out once.
          const taken = [copied(cache.take(a)), copied(cache.take(b)), copied(cache.take(a))]
          // Every article's claims came from the table: it is not written again.
          yield* cache.rememberBatch(new BatchClaims(), [[a, 0, 1], [b, 1, 2], [a, 2, 3]])
          return taken
        }))
      expect(later).toEqual([
        { texts: ["The bridge was closed."], written: { digest: "d1", entry: { id: "a" } } },
        { texts: ["The road was open."], written: undefined },
        { texts: ["The bridge was closed."], written: undefined }
      ])
      expect(statSync(table).ino).toBe(written)
      // Cut short, as by a full disk: the entries file serves the claims.
      writeFileSync(table, readFileSync(table).subarray(0, -10))
      expect(yield* withCache(dir, (cache) => Effect.sync(() => cache.take(a)))).toEqual({
        claims: [claim("The bridge was closed.")],
        written: { digest: "d1", entry: { id: "a" } }
      })
    }))

  it.effect("removes what a run killed mid-write left, once it is an hour old", () =>
    Effect.gen(function*() {
      const dir = fresh()
      yield* withCache(dir, (cache) => analysed(cache, "a", "The bridge was closed."))
      const root = dirname(entriesFile(dir))
      const [old, young] = ["claims.bin.101-0-ab12cd34.tmp", "claims.bin.102-0-ef56ab78.tmp"].map((name) => join(root, name)) as [string, string]
      writeFileSync(old, "cut short")
      writeFileSync(young, "still being written")
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
      utimesSync(old, twoHoursAgo, twoHoursAgo)
      yield* withCache(dir, () => Effect.void)
      expect([existsSync(old), existsSync(young)]).toEqual([false, true])
    }))

  it.effect("writes the entries file anew once most of its lines are superseded", () =>
    Effect.gen(function*() {
      const dir = fresh()
      // 300 runs' reports of one article: each adds a line the next supersedes.
      yield* withCache(dir, (cache) =>
        Effect.gen(function*() {
          yield* analysed(cache, "a", "The bridge was closed.")
          for (let run = 1; run <= 300; run++) yield* cache.remember("a", { written: { digest: `d${run}`, entry: { id: "a" } } })
        }))
      expect(readFileSync(entriesFile(dir), "utf8").split("\n").filter(Boolean)).toHaveLength(301)
      const later = yield* withCache(dir, (cache) => Effect.sync(() => cache.take("a")?.written?.digest))
      expect(later).toBe("d300")
      // The claims and the last report, on lines of their own as a run writes them.
      expect(readFileSync(entriesFile(dir), "utf8").split("\n").filter(Boolean).map((line) => Object.keys(JSON.parse(line)))).toEqual([
        ["key", "claims"],
        ["key", "written"]
      ])
    }))

  it.effect("goes on, warned once, when its entries file cannot be written", () =>
    Effect.gen(function*() {
      const dir = fresh()
      yield* withCache(dir, (cache) => analysed(cache, "a", "The bridge was closed."))
      const warnings: Array<string> = []
      const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (warnings.push(String(chunk)), true))
      try {
        yield* withCache(dir, (cache) =>
          Effect.gen(function*() {
            // Where the file was, a directory: every append fails.
            rmSync(entriesFile(dir))
            mkdirSync(entriesFile(dir))
            yield* analysed(cache, "b", "The road was open.")
            yield* analysed(cache, "c", "The port was busy.")
          }))
      } finally {
        spy.mockRestore()
      }
      expect(warnings.map((w) => w.replace(dir, "DIR").replace(/\/[0-9a-f]{16}\/[^/]+\//, "/…/"))).toEqual([
        "factgate: DIR/…/entries.ndjson: cannot be written (it is a directory); this run's analyses are not kept in the cache\n"
      ])
    }))
})
