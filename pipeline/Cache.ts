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
 * article, and beside them `entries.ndjson` (one line per key with what the
 * batch needs without reading the article back: its claims, and the last
 * report written from it; later lines win), `indexes.json` (what the batch
 * index last written into each output directory was) and `rules.json` (the
 * rule files' checked values).
 */
import { Context, Effect, Layer } from "effect"
import { createHash } from "node:crypto"
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import * as Atomic from "./Atomic.ts"
import { build } from "./Build.js"
import { isPacked, type Packed } from "./BatchClaims.ts"
import type { Article } from "./Ingest.ts"
import type * as Rules from "./Rules.ts"

/** The last report written from one analysed article. */
export interface Written {
  /** Hash of everything the report depends on beyond the article itself. */
  readonly digest: string
  /** The report files as written (`Atomic.stamp`): files another run wrote since are not this report. */
  readonly stamp?: string
  /** The article's entry in the batch index. */
  readonly entry: unknown
  /**
   * What the terminal showed of the report, by key (`Terminal.keyOf`): each
   * way of showing it that runs used, so that a CI job printing SARIF and
   * then annotations shows both from the cache.
   */
  readonly shown?: Readonly<Record<string, unknown>>
}


/** What the cache remembers of one analysed article. */
export interface Entry {
  readonly claims: ReadonlyArray<Packed>
  readonly written?: Written
}

/** One line of the entries file: the claims when an article is analysed, the report when it is written. */
export type Remembered = { readonly claims: Entry["claims"] } | { readonly written: Written }

/** The store of analysed articles. */
export class Cache extends Context.Service<Cache, {
  /** Where an article's analysis is stored. */
  readonly file: (key: string) => string
  /**
   * What an earlier run left for this key, when the cache is on and has it.
   * Each entry is handed out once: the batch keeps what it needs, and the
   * cache does not hold a second copy of every claim until the run ends (an
   * article twice in one batch is analysed twice).
   */
  readonly take: (key: string) => Entry | undefined
  /** Remember what the batch needs of a key. */
  readonly remember: (key: string, entry: Remembered) => Effect.Effect<void>
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
/** What the last index written into each output directory was, by its path. */
const indexes = "indexes.json"

/** Whether claims read back from the entries file have the shape the batch needs. */
const wellFormed = (claims: unknown): claims is Entry["claims"] => Array.isArray(claims) && claims.every(isPacked)

/** The start of a line as the cache writes it: the key's 64 hex digits follow, then a quote. */
const keyPrefix = Buffer.from('{"key":"')
const keyEnd = keyPrefix.length + 64

/** The entries file as read: each key's lines, as byte ranges of the file. */
interface Lines {
  readonly file: Buffer
  /** Per key, the start and end of each of its lines, in file order. */
  readonly ranges: Map<string, Array<number>>
}

/** Whether the bytes from `start` to `end` are lower-case hex digits. */
const hex = (file: Buffer, start: number, end: number) => {
  for (let i = start; i < end; i++) {
    const byte = file[i]!
    if (!((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66))) return false
  }
  return true
}

/**
 * The key a line is for: read in place when the line starts as the cache
 * writes it (64 hex digits, then the closing quote), else parsed, so that a
 * line written by hand is read as JSON reads it.
 */
const keyOf = (file: Buffer, start: number, end: number): string | undefined => {
  if (
    end > start + keyEnd &&
    file.compare(keyPrefix, 0, keyPrefix.length, start, start + keyPrefix.length) === 0 &&
    file[start + keyEnd] === 0x22 &&
    hex(file, start + keyPrefix.length, start + keyEnd)
  ) {
    return file.toString("latin1", start + keyPrefix.length, start + keyEnd)
  }
  try {
    const { key } = JSON.parse(file.toString("utf8", start, end)) as { key?: unknown }
    return typeof key === "string" ? key : undefined
  } catch {
    return undefined
  }
}

/**
 * Read the entries file: where each key's lines are. A line in the cache's
 * own form is decoded and parsed only when its key is taken (or the file is
 * compacted), and its claims then go to the batch at once. Decoded and
 * parsed together up front, the 41 MB of claims of 5,000 articles became an
 * 82 MB string (one character outside Latin-1 makes a string two bytes a
 * character) and objects that all lived long enough to be copied by the
 * collector: a third of a run served from the cache.
 */
const readEntries = (path: string): { readonly lines: Lines; readonly count: number; readonly torn: boolean } => {
  const ranges = new Map<string, Array<number>>()
  if (!existsSync(path)) return { lines: { file: Buffer.alloc(0), ranges }, count: 0, torn: false }
  const file = readFileSync(path)
  let count = 0
  for (let start = 0; start < file.length;) {
    const newline = file.indexOf(0x0a, start)
    const end = newline === -1 ? file.length : newline
    if (end > start) {
      count++
      const key = keyOf(file, start, end)
      // Not a line of the cache's: its article is analysed again.
      if (key !== undefined) {
        const earlier = ranges.get(key)
        if (earlier) earlier.push(start, end)
        else ranges.set(key, [start, end])
      }
    }
    start = end + 1
  }
  return { lines: { file, ranges }, count, torn: file.length > 0 && file[file.length - 1] !== 0x0a }
}

/**
 * A key's entry from its lines: later lines add to earlier ones (most keys
 * have a claims line, then a written line). A line that cannot be used (torn
 * by a run killed mid-write, or edited by hand) is skipped, and an entry
 * without good claims is of no use: its article is analysed again.
 */
const entryOf = (file: Buffer, ranges: ReadonlyArray<number>): Entry | undefined => {
  let entry: Partial<Entry> = {}
  for (let i = 0; i < ranges.length; i += 2) {
    try {
      const { key: _key, ...remembered } = JSON.parse(file.toString("utf8", ranges[i], ranges[i + 1])) as { key: string } & Partial<Entry>
      entry = { ...entry, ...remembered, ...(remembered.written ? { written: laterWritten(entry.written, remembered.written) } : {}) }
    } catch {
      // Not JSON: skipped.
    }
  }
  if (!wellFormed(entry.claims)) return undefined
  return entry.written === undefined ? { claims: entry.claims } : { claims: entry.claims, written: entry.written }
}

/**
 * A later line about a key's report: the same report (digest and stamp) shown
 * another way adds that way to the ones kept; another report replaces them.
 * A piece that is not what the cache writes (null, not an object of pieces)
 * is left out, and the report is shown again from its file.
 */
const laterWritten = (earlier: Written | undefined, later: Written): Written => {
  const { shown, ...report } = later
  const pieces = shown !== null && typeof shown === "object" && !Array.isArray(shown)
    ? Object.fromEntries(Object.entries(shown).filter(([, piece]) => piece !== null && piece !== undefined))
    : {}
  const same = earlier !== undefined && earlier.digest === report.digest && earlier.stamp === report.stamp
  const all = same ? { ...earlier.shown, ...pieces } : pieces
  return Object.keys(all).length > 0 ? { ...report, shown: all } : report
}

/**
 * Put `data` in `file` whole, through a temporary name, or leave the file as
 * it was: what the cache writes whole is only ever an aid, and a cache that
 * cannot be written (read-only) is used as it is.
 */
const replace = (file: string, data: string) => {
  try {
    mkdirSync(dirname(file), { recursive: true })
    Atomic.write(file, data)
  } catch {
    // Left as it was.
  }
}

/**
 * The entries file only grows: when it holds more than twice as many lines
 * as keys, it is written anew, with one line for each key still of use.
 */
const compact = (path: string, { file, ranges }: Lines, count: number) => {
  if (count <= 2 * ranges.size + 100) return
  const kept: Array<string> = []
  for (const [key, lines] of ranges) {
    const entry = entryOf(file, lines)
    if (entry) kept.push(`${JSON.stringify({ key, ...entry })}\n`)
  }
  replace(path, kept.join(""))
}

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
    replace(join(rootOf(dir, digest), "rules.json"), `${createHash("sha256").update(json).digest("hex")}\n${json}`)
  }
})

/** A persistent cache under `dir`, for one rule set. */
export const layer = (dir: string, rulesDigest: string) =>
  Layer.sync(
    Cache,
    () => {
      const root = rootOf(dir, rulesDigest)
      mkdirSync(root, { recursive: true })
      // Analyses made by other builds can never be served again.
      for (const name of readdirSync(dir)) {
        if (/^[0-9a-f]{16}$/.test(name) && name !== build) rmSync(join(dir, name), { recursive: true, force: true })
      }
      const { lines, count, torn } = readEntries(join(root, ndjson))
      compact(join(root, ndjson), lines, count)
      // The stored analyses, listed once: a look per article cost more.
      const stored = new Set(readdirSync(root))
      const entriesFile = join(root, ndjson)
      // Appended by name each time, not through a descriptor held for the
      // run: another run that compacts the file meanwhile renames a new one
      // into place, and appends to the old one would be lost. A run killed
      // mid-line left a torn last line: this run's first line starts on a
      // line of its own. Where the cache cannot be written (a read-only
      // cache), the run goes on, warned once, and keeps nothing.
      let pending = torn ? "\n" : ""
      let unwritable = false
      const append = (line: string) => {
        if (unwritable) return
        try {
          appendFileSync(entriesFile, pending + line)
          pending = ""
        } catch (error) {
          unwritable = true
          process.stderr.write(`factgate: ${entriesFile}: cannot be written (${(error as NodeJS.ErrnoException).code ?? error}); this run's analyses are not kept in the cache\n`)
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
      return {
        index: (out) => (typeof indexStamps[out] === "string" ? indexStamps[out] : undefined),
        rememberIndex: (out, stamp) =>
          Effect.sync(() => {
            // Directories that are gone are forgotten, so the file does not grow with every one ever used.
            indexStamps = Object.fromEntries([...Object.entries(indexStamps).filter(([dir]) => dir !== out && existsSync(dir)), [out, stamp]])
            replace(indexesFile, JSON.stringify(indexStamps))
          }),
        file: (key) => join(root, `${key}.json`),
        take: (key) => {
          const ranges = lines.ranges.get(key)
          lines.ranges.delete(key)
          // The entry is only good while its stored analysis is still there.
          return ranges && stored.has(`${key}.json`) ? entryOf(lines.file, ranges) : undefined
        },
        remember: (key, entry) => Effect.sync(() => append(`${JSON.stringify({ key, ...entry })}\n`))
      }
    }
  )

/** No cache: a temporary store for this run only, removed when it ends. */
export const temporary = Layer.effect(
  Cache,
  Effect.acquireRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "factgate-store-"))),
    (root) => Effect.sync(() => rmSync(root, { recursive: true, force: true }))
  ).pipe(Effect.map((root) => ({
    file: (key: string) => join(root, `${key}.json`),
    take: () => undefined,
    remember: () => Effect.void,
    index: () => undefined,
    rememberIndex: () => Effect.void
  })))
)
