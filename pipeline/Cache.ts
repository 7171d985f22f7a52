/**
 * Cache: a content-hash store for analysed articles.
 *
 * An article's key hashes its text and declared metadata, the rules and the
 * factgate version, so an unchanged article skips analysis on the next run.
 * The store also holds each analysed article between the batch's two passes
 * (analysis, then reports once corroboration is known), which keeps memory
 * flat however large the batch: with `--no-cache` it lives in a temporary
 * directory removed at the end, and nothing is read back from earlier runs.
 *
 * Layout: `<dir>/<build>/<rules digest>/<key>.json` for each analysed
 * article, and beside them `entries.ndjson` (what the batch needs of each
 * key without reading the article back: its claims, and the last report
 * written from it; `Entries.ts`), `claims.bin` (the last batch's claims
 * table, to copy unchanged articles' claims from: `Snapshot.ts`),
 * `indexes.json` (what the batch index last written into each output
 * directory was) and `rules.json` (the rule files' checked values).
 */
import { Context, Effect, Layer } from "effect"
import { createHash } from "node:crypto"
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs"
import { threadId } from "node:worker_threads"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Atomic from "./Atomic.ts"
import { build } from "./Build.js"
import type { BatchClaims, Incoming } from "./BatchClaims.ts"
import { encode, Snapshot } from "./Snapshot.ts"
import { compact, entryOf, readEntries, type Remembered, type Written, writtenOf } from "./Entries.ts"
import type { Article } from "./Ingest.ts"
import type * as Rules from "./Rules.ts"
import { fsError } from "./SystemErrors.ts"

export type { Remembered, Written } from "./Entries.ts"

/**
 * What the cache hands out for a key it has: the article's claims (packed,
 * from the entries file, or where they are in the last batch's snapshot) and
 * the last report written from it.
 */
export interface Hit {
  readonly claims: Incoming
  readonly written?: Written
}

/** The store of analysed articles. */
export class Cache extends Context.Service<Cache, {
  /** Where an article's analysis is stored. */
  readonly file: (key: string) => string
  /**
   * What an earlier run left for this key, when the cache is on and has it.
   * What the entries file holds is handed out once: the batch keeps what it
   * needs, and the cache does not hold a second copy of every claim until the
   * run ends. Claims in the last batch's table are there anyway, and are
   * handed out again for an article twice in one batch.
   */
  readonly take: (key: string) => Hit | undefined
  /** Remember what the batch needs of a key. */
  readonly remember: (key: string, entry: Remembered) => Effect.Effect<void>
  /**
   * Remember the batch's claims table, with each article's range by key,
   * once every article is in it. Pass 1 is then over: what the cache read
   * for it (the entries file, the last batch's table) is let go, and `take`
   * finds nothing more.
   */
  readonly rememberBatch: (claims: BatchClaims, articles: ReadonlyArray<readonly [key: string, from: number, to: number]>) => Effect.Effect<void>
  /** What the batch index last written into the directory `out` was, as remembered (a digest and the files' stamps). */
  readonly index: (out: string) => string | undefined
  /** Remember what the batch index just written into `out` is. */
  readonly rememberIndex: (out: string, stamp: string) => Effect.Effect<void>
}>()("factgate/Cache") {}

/** The key of one article under one rule set. */
export const key = (article: Article, rulesDigest: string): string =>
  createHash("sha256")
    .update(JSON.stringify([build, rulesDigest, article.format, article.title, article.url, article.outlet, article.byline, article.published]))
    .update("\0")
    .update(article.text)
    .digest("hex")

/** A hash of anything JSON can hold. */
export const digest = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex")

const ndjson = "entries.ndjson"
/** The last batch's claims table. */
const snapshotFile = "claims.bin"
/** What the last index written into each output directory was, by its path. */
const indexes = "indexes.json"

/** Where a rule set's entries live under the cache directory `dir`. */
const rootOf = (dir: string, rulesDigest: string) => join(dir, build, rulesDigest.slice(0, 16))

/**
 * The rule files a run found valid, kept beside the rule set's entries: the
 * next run with the same files and build compiles them from their values
 * instead of parsing their YAML again. What cannot be read or written is
 * parsed again.
 */
export const checkedRules = (dir: string): Rules.Checked => ({
  get: (digest) => {
    try {
      // The file's first line is a hash of its second: a file spoilt or
      // edited since is not served, so values the schema passed are the only
      // ones that are.
      const [hash, json] = readFileSync(join(rootOf(dir, digest), "rules.json"), "utf8").split("\n")
      if (json === undefined || createHash("sha256").update(json).digest("hex") !== hash) return undefined
      const values: unknown = JSON.parse(json)
      return values !== null && typeof values === "object" ? (values as Record<string, unknown>) : undefined
    } catch {
      return undefined
    }
  },
  set: (digest, values) => {
    const json = JSON.stringify(values)
    Atomic.writeIfCan(join(rootOf(dir, digest), "rules.json"), `${createHash("sha256").update(json).digest("hex")}\n${json}`)
  }
})

const dayMs = 24 * 60 * 60 * 1000
const weekMs = 7 * dayMs
const digestName = /^[0-9a-f]{16}$/

/**
 * Remove the directories under `parent` named as the cache names a build's or
 * a rule set's (16 hex digits), other than `keep`, once no run has used them
 * for `ageMs`: a run of another build, or with other rules, may be using
 * theirs right now (several checkouts can share one cache). Only directories
 * that hold nothing but such directories, or a rule set's files, are
 * touched: a directory of the same name that is not the cache's is left.
 */
const removeStale = (parent: string, keep: string, ageMs: number) => {
  const before = Date.now() - ageMs
  for (const name of readdirSync(parent)) {
    if (!digestName.test(name) || name === keep) continue
    const path = join(parent, name)
    try {
      const stat = statSync(path)
      if (!stat.isDirectory() || stat.mtimeMs >= before || !laidOut(path)) continue
      rmSync(path, { recursive: true, force: true })
    } catch {
      // Gone already, or another run's at work in it: left for the next.
    }
  }
}

/** What a rule set's directory holds: analyses and the files beside them. */
const isCacheFile = (name: string) =>
  /^[0-9a-f]{64}\.json$/.test(name) || [ndjson, snapshotFile, indexes, "rules.json"].includes(name) || Atomic.temporaryName.test(name)

/** Whether a directory holds only what the cache puts there, at any depth: a build's rule sets, or a rule set's files. */
const laidOut = (path: string): boolean =>
  readdirSync(path, { withFileTypes: true }).every((entry) =>
    entry.isDirectory() ? digestName.test(entry.name) && laidOut(join(path, entry.name)) : isCacheFile(entry.name)
  )

/** Why the cache's directory cannot be written to, in words, or undefined when it can. */
const unwritableReason = (root: string): string | undefined => {
  try {
    mkdirSync(root, { recursive: true })
    const probe = join(root, `.probe-${process.pid}-${threadId}`)
    writeFileSync(probe, "")
    rmSync(probe, { force: true })
    return undefined
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === undefined ? String(error) : fsError(error)
  }
}

/** A directory for this run's analyses, removed when it ends. */
const scratchStore = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "factgate-store-"))),
  (root) => Effect.sync(() => rmSync(root, { recursive: true, force: true }))
)

/**
 * A persistent cache under `dir`, for one rule set. Where it cannot be
 * written (a read-only cache shared from a CI image), what it holds is still
 * served, and the articles it lacks are analysed into a scratch store for
 * this run, with one warning.
 */
export const layer = (dir: string, rulesDigest: string) =>
  Layer.effect(
    Cache,
    Effect.gen(function*() {
      const root = rootOf(dir, rulesDigest)
      const unwritable = unwritableReason(root)
      if (unwritable !== undefined) {
        process.stderr.write(`factgate: ${dir}: the cache cannot be written (${unwritable}); what it holds is used, and this run's analyses are not kept\n`)
      }
      const scratch = unwritable === undefined ? undefined : yield* scratchStore
      if (unwritable === undefined) {
        // This build's and this rule set's directories are in use: their times say so to other runs.
        // Only a directory's owner may set its times: a cache shared between users leaves them to the owner's runs.
        const now = new Date()
        for (const used of [join(dir, build), root]) {
          try {
            utimesSync(used, now, now)
          } catch {
            // Not ours to touch.
          }
        }
        // Analyses made by other builds can never be served again, and those
        // of rule sets long unused are unlikely to be.
        removeStale(dir, build, dayMs)
        removeStale(join(dir, build), rulesDigest.slice(0, 16), weekMs)
      }
      const entriesFile = join(root, ndjson)
      const read = readEntries(entriesFile)
      if (unwritable === undefined) compact(entriesFile, read.lines, read.count)
      let lines = read.lines
      // The stored analyses, listed once: a look per article cost more.
      const stored = new Set(existsSync(root) ? readdirSync(root) : [])
      if (unwritable === undefined) Atomic.removeLeftBehind(root, stored)
      // Appended by name each time, not through a descriptor held for the
      // run: another run that compacts the file meanwhile renames a new one
      // into place, and appends to the old one would be lost. A run killed
      // mid-line left a torn last line: this run's first line starts on a
      // line of its own. Where the cache cannot be written (a read-only
      // cache), the run goes on, warned once, and keeps nothing.
      let pending = read.torn ? "\n" : ""
      let unwritten = unwritable !== undefined
      const append = (line: string) => {
        if (unwritten) return
        try {
          appendFileSync(entriesFile, pending + line)
          pending = ""
        } catch (error) {
          unwritten = true
          process.stderr.write(`factgate: ${entriesFile}: cannot be written (${(error as NodeJS.ErrnoException).code === undefined ? error : fsError(error)}); this run's analyses are not kept in the cache\n`)
        }
      }
      // A batch's index is written again only when what it says changed or
      // its files are not the ones written last: it holds every cluster of
      // the batch, tens of megabytes for thousands of articles, which took a
      // sixth of a run served from the cache.
      const indexesFile = join(root, indexes)
      let indexStamps: Record<string, string> = {}
      try {
        indexStamps = JSON.parse(readFileSync(indexesFile, "utf8")) as Record<string, string>
      } catch {
        // None yet, or unreadable: every index is written.
      }
      // The last batch's claims, when there is a snapshot of them that can be
      // used: it is only an aid, and without it claims are parsed from the
      // entries file.
      const snapshotPath = join(root, snapshotFile)
      let snapshot: Snapshot | undefined
      try {
        snapshot = Snapshot.read(readFileSync(snapshotPath))
      } catch {
        // None yet.
      }
      // How many articles of this batch had their claims from the table.
      let copied = 0
      // Keys served from a cache that cannot be written: their analyses are
      // read where it keeps them, and every other key's go to the scratch store.
      const served = new Set<string>()
      const serve = (key: string) => scratch !== undefined && served.add(key)
      return {
        index: (out) => (typeof indexStamps[out] === "string" ? indexStamps[out] : undefined),
        rememberIndex: (out, stamp) =>
          Effect.sync(() => {
            // Directories that are gone are forgotten, so the file does not grow with every one ever used.
            indexStamps = Object.fromEntries([...Object.entries(indexStamps).filter(([dir]) => dir !== out && existsSync(dir)), [out, stamp]])
            Atomic.writeIfCan(indexesFile, JSON.stringify(indexStamps))
          }),
        // Analyses the cache lacks go to the scratch store when it cannot be written.
        file: (key) => (scratch === undefined || served.has(key) ? join(root, `${key}.json`) : join(scratch, `${key}.json`)),
        take: (key) => {
          const ranges = lines.ranges.get(key)
          lines.ranges.delete(key)
          // The entry is only good while its stored analysis is still there.
          if (!stored.has(`${key}.json`)) return undefined
          const slice = snapshot?.slice(key)
          if (slice) {
            copied++
            serve(key)
            const written = ranges && writtenOf(lines.file, ranges)
            return written ? { claims: slice, written } : { claims: slice }
          }
          const entry = ranges ? entryOf(lines.file, ranges) : undefined
          if (entry) serve(key)
          return entry
        },
        remember: (key, entry) => Effect.sync(() => append(`${JSON.stringify({ key, ...entry })}\n`)),
        rememberBatch: (claims, articles) =>
          Effect.sync(() => {
            // Pass 1 is over: what it read is let go before the reports.
            snapshot = undefined
            lines = { file: Buffer.alloc(0), ranges: new Map() }
            // Every article's claims came from the table: it holds them
            // already (and perhaps others, which a later run may want).
            // Otherwise this batch's replace it: the table is the last
            // batch's, not every batch's, so that reading it costs what
            // the batch does.
            if (copied === articles.length) return
            let bytes: Buffer
            try {
              bytes = encode(claims.table(articles))
            } catch {
              // Only an aid: without it the next run parses the claims.
              return
            }
            Atomic.writeIfCan(snapshotPath, bytes)
          })
      }
    })
  )

/** No cache: a temporary store for this run only, removed when it ends. */
export const temporary = Layer.effect(
  Cache,
  scratchStore.pipe(Effect.map((root) => ({
    file: (key: string) => join(root, `${key}.json`),
    take: () => undefined,
    remember: () => Effect.void,
    rememberBatch: () => Effect.void,
    index: () => undefined,
    rememberIndex: () => Effect.void
  })))
)
