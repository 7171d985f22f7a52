/**
 * Entries: the cache's entries file, `entries.ndjson`, one JSON line per
 * thing remembered of a key (an article's claims when it is analysed, its
 * report when it is written, each way the report was shown). The file only
 * grows while runs append to it; it is read as bytes, each key's lines are
 * parsed only when that key is taken, and it is written anew when most of
 * its lines are stale.
 */
import { existsSync, readFileSync } from "node:fs"
import * as Atomic from "./Atomic.ts"
import { isPacked, type Packed } from "./BatchClaims.ts"

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

/** Whether claims read back from the entries file have the shape the batch needs. */
const wellFormed = (claims: unknown): claims is Entry["claims"] => Array.isArray(claims) && claims.every(isPacked)

/** The start of a line as the cache writes it: the key's 64 hex digits follow, then a quote. */
const keyPrefix = Buffer.from('{"key":"')
const keyEnd = keyPrefix.length + 64

/** The entries file as read: each key's lines, as byte ranges of the file. */
export interface Lines {
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
export const readEntries = (path: string): { readonly lines: Lines; readonly count: number; readonly torn: boolean } => {
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

/** Whether a line in the cache's own form holds an article's claims: those lines start `{"key":"…","claims":`. */
const claimsField = Buffer.from(',"claims":')
const holdsClaims = (file: Buffer, start: number, end: number) =>
  end > start + keyEnd + 1 + claimsField.length && file.compare(claimsField, 0, claimsField.length, start + keyEnd + 1, start + keyEnd + 1 + claimsField.length) === 0

/**
 * What a key's lines remember: later lines add to earlier ones (most keys
 * have a claims line, then a written line). A line that cannot be used (torn
 * by a run killed mid-write, or edited by hand) is skipped; so are the claims
 * lines unless `claims` is asked for.
 */
const remembered = (file: Buffer, ranges: ReadonlyArray<number>, claims: boolean): Partial<Entry> => {
  let entry: Partial<Entry> = {}
  for (let i = 0; i < ranges.length; i += 2) {
    if (!claims && holdsClaims(file, ranges[i]!, ranges[i + 1]!)) continue
    try {
      const { key: _key, ...line } = JSON.parse(file.toString("utf8", ranges[i], ranges[i + 1])) as { key: string } & Partial<Entry>
      entry = { ...entry, ...line, ...(line.written ? { written: laterWritten(entry.written, line.written) } : {}) }
    } catch {
      // Not JSON: skipped.
    }
  }
  return entry
}

/** A key's entry from its lines; one without good claims is of no use: its article is analysed again. */
export const entryOf = (file: Buffer, ranges: ReadonlyArray<number>): Entry | undefined => {
  const { claims, written } = remembered(file, ranges, true)
  if (!wellFormed(claims)) return undefined
  return written === undefined ? { claims } : { claims, written }
}

/**
 * The last report written from a key, leaving its claims unparsed: for an
 * article whose claims the batch copies from the last batch's table
 * (`Snapshot.ts`).
 */
export const writtenOf = (file: Buffer, ranges: ReadonlyArray<number>): Written | undefined => remembered(file, ranges, false).written

/**
 * A later line about a key's report: the same report (digest and stamp) shown
 * another way adds that way to the ones kept; another report replaces them.
 * Each piece is checked when it is used (`Terminal.isPiece`), so here only
 * `shown` itself must be a map of them.
 */
const laterWritten = (earlier: Written | undefined, later: Written): Written => {
  const { shown, ...report } = later
  const pieces = shown !== null && typeof shown === "object" && !Array.isArray(shown) ? shown : {}
  const same = earlier !== undefined && earlier.digest === report.digest && earlier.stamp === report.stamp
  const all = same ? { ...earlier.shown, ...pieces } : pieces
  return Object.keys(all).length > 0 ? { ...report, shown: all } : report
}

/**
 * The entries file only grows: written anew, it holds up to two lines a key
 * still of use (its claims, its last report), and it is written anew again
 * once it holds more than twice that. Each time, every key's claims are
 * parsed, which is what the claims table spares a run served from the cache.
 */
export const compact = (path: string, { file, ranges }: Lines, count: number) => {
  if (count <= 4 * ranges.size + 100) return
  const kept: Array<string> = []
  for (const [key, lines] of ranges) {
    const entry = entryOf(file, lines)
    if (!entry) continue
    // Claims and report on lines of their own, as runs write them: a run
    // that copies the claims from the snapshot parses only the report's.
    kept.push(`${JSON.stringify({ key, claims: entry.claims })}\n`)
    if (entry.written) kept.push(`${JSON.stringify({ key, written: entry.written })}\n`)
  }
  Atomic.writeIfCan(path, kept.join(""))
}
