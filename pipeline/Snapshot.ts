/**
 * Snapshot: a batch's claims table as the cache keeps it at the end of a run
 * (`claims.bin`), with where each article's claims are by its cache key. The
 * next run copies an unchanged article's claims from it (`BatchClaims.addFrom`)
 * instead of parsing them from the entries file and looking up each of their
 * words: that took a third of a run served from the cache.
 *
 * Layout: one line of JSON (the keys, the dictionaries, the columns' lengths),
 * then the columns as raw bytes, each starting on a multiple of 8 (the
 * claims' texts as UTF-8 and where each ends, then the table's typed arrays),
 * then a digest of everything before it. Read as one JSON file, the 26 MB of
 * 5,000 articles took 130 ms to decode and parse; this way the JSON is a few
 * hundred KB and each text is decoded on its own. The digest (20 ms for those
 * 23 MB) keeps a file damaged since it was written from giving other claims:
 * a table whose shape is right is not thereby right.
 */
import { createHash } from "node:crypto"
import { endianness } from "node:os"
import { figures, type Packed, strings } from "./BatchClaims.ts"

/** A claims table's parts, as `BatchClaims` holds them: columns per claim and the dictionaries their ids point into. */
export interface Table {
  /** Each article's cache key and the range of its claims. */
  readonly keys: ReadonlyArray<readonly [key: string, from: number, to: number]>
  readonly texts: ReadonlyArray<string>
  readonly worth: Float64Array
  readonly claimId: Int32Array
  readonly speakers: Int32Array
  readonly frame: Int32Array
  readonly agent: Int32Array
  readonly dates: Int32Array
  readonly numbers: Int32Array
  /** Claim i's concepts are `conceptIds[conceptStart[i] .. conceptStart[i + 1]]`. */
  readonly conceptStart: Int32Array
  readonly conceptIds: Int32Array
  /** Beside each of `conceptIds`, 1 where that claim's concept was the rule file's. */
  readonly conceptKnown: Uint8Array
  readonly claimIds: ReadonlyArray<string>
  readonly speakerLists: ReadonlyArray<ReadonlyArray<string>>
  readonly words: ReadonlyArray<string>
  readonly dateLists: ReadonlyArray<ReadonlyArray<string>>
  readonly numberLists: ReadonlyArray<Packed[7]>
  readonly concepts: ReadonlyArray<string>
}

/** The Int32 columns, in file order: after the texts, their ends and `worth`, and before `conceptKnown`. */
const int32Columns = ["claimId", "speakers", "frame", "agent", "dates", "numbers", "conceptStart", "conceptIds"] as const

const padded = (length: number) => Math.ceil(length / 8) * 8

/** `String.prototype.isWellFormed` (Node 20), which the ES2023 typings lack. */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed()

/** The file ends with a digest of all before it, in hex. */
const digestOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")
const digestLength = 64

/** The file's bytes for `table`. */
export const encode = (table: Table): Buffer => {
  // UTF-8 cannot hold half a surrogate pair (a scraper's cut can leave one);
  // such a text goes in the JSON, which escapes it, so it reads back as it was.
  const unpaired: Record<number, string> = {}
  const textEnds = new Int32Array(table.texts.length)
  let textBytes = 0
  table.texts.forEach((text, i) => {
    if (isWellFormed(text)) textBytes += Buffer.byteLength(text, "utf8")
    else unpaired[i] = text
    textEnds[i] = textBytes
  })
  const columns: Array<Uint8Array> = [textEnds, table.worth, ...int32Columns.map((name) => table[name]), table.conceptKnown]
    .map((column) => new Uint8Array(column.buffer, column.byteOffset, column.byteLength))
  const lengths = [textBytes, ...columns.map((column) => column.byteLength)]
  const { keys, claimIds, speakerLists, words, dateLists, numberLists, concepts } = table
  const header = `${JSON.stringify({
    keys, claimIds, speakerLists, words, dateLists, numberLists, concepts, unpaired,
    // The columns are the machine's own numbers: another byte order reads other values.
    byteOrder: endianness(),
    lengths
  })}\n`
  // One buffer, filled in place: the texts of 5,000 articles are 13 MB.
  const headerBytes = Buffer.byteLength(header, "utf8")
  const file = Buffer.alloc(padded(headerBytes) + lengths.reduce((size, length) => size + padded(length), 0) + digestLength)
  file.write(header, 0, "utf8")
  let at = padded(headerBytes)
  table.texts.forEach((text, i) => {
    if (!(i in unpaired)) at += file.write(text, at, "utf8")
  })
  at = padded(at)
  for (const column of columns) {
    file.set(column, at)
    at += padded(column.byteLength)
  }
  file.write(digestOf(file.subarray(0, at)), at, "latin1")
  return file
}

const stringLists = (value: unknown): value is Array<Array<string>> => Array.isArray(value) && value.every(strings)
const figureLists = (value: unknown): value is Array<Packed[7]> => Array.isArray(value) && value.every(figures)
const keyRanges = (value: unknown, size: number): value is Table["keys"] =>
  Array.isArray(value) &&
  value.every((range) =>
    Array.isArray(range) && typeof range[0] === "string" && Number.isInteger(range[1]) && Number.isInteger(range[2]) &&
    range[1] >= 0 && range[1] <= range[2] && range[2] <= size
  )

/** Whether every id is an index into `size` values, or -1 (none) where that is allowed. */
const idsWithin = (ids: Int32Array, size: number, none = false) => ids.every((id) => (id >= 0 && id < size) || (none && id === -1))

/**
 * The table in a file's bytes, or undefined when any part is missing or does
 * not fit the rest (a file cut short, or written by hand): the file is only an
 * aid, and a spoilt one is not used.
 */
export const decode = (file: Buffer): Table | undefined => {
  const newline = file.indexOf(0x0a)
  if (newline === -1) return undefined
  let header: unknown
  try {
    header = JSON.parse(file.toString("utf8", 0, newline))
  } catch {
    return undefined
  }
  if (header === null || typeof header !== "object") return undefined
  const { keys, claimIds, speakerLists, words, dateLists, numberLists, concepts, unpaired, byteOrder, lengths } = header as Record<string, unknown>
  if (byteOrder !== endianness() || unpaired === null || typeof unpaired !== "object") return undefined
  if (!Array.isArray(lengths) || lengths.length !== int32Columns.length + 4 || !lengths.every((length) => Number.isInteger(length) && length >= 0)) return undefined
  const body = padded(newline + 1)
  const end = body + lengths.reduce((size: number, length: number) => size + padded(length), 0)
  if (end + digestLength !== file.length || file.toString("latin1", end) !== digestOf(file.subarray(0, end))) return undefined
  // Each column copied out on its own, aligned for its type.
  let at = body
  const [textBytes, ...columns] = (lengths as Array<number>).map((length) => {
    const bytes = file.buffer.slice(file.byteOffset + at, file.byteOffset + at + length)
    at += padded(length)
    return bytes
  })
  const [textEndBytes, worthBytes, ...rest] = columns
  const knownBytes = rest.pop()!
  if (textEndBytes!.byteLength % 4 !== 0 || worthBytes!.byteLength % 8 !== 0 || rest.some((bytes) => bytes.byteLength % 4 !== 0)) return undefined
  const textEnds = new Int32Array(textEndBytes!)
  const worth = new Float64Array(worthBytes!)
  const [claimId, speakers, frame, agent, dates, numbers, conceptStart, conceptIds] = rest.map((bytes) => new Int32Array(bytes))
  const conceptKnown = new Uint8Array(knownBytes)
  const size = textEnds.length
  if (
    !strings(claimIds) || !stringLists(speakerLists) || !strings(words) || !stringLists(dateLists) || !figureLists(numberLists) ||
    !strings(concepts) || !keyRanges(keys, size) ||
    [worth, claimId!, speakers!, frame!, agent!, dates!, numbers!].some((column) => column.length !== size) ||
    conceptStart!.length !== size + 1 || conceptStart![0] !== 0 || conceptStart![size] !== conceptIds!.length ||
    conceptStart!.some((start, i) => i > 0 && start < conceptStart![i - 1]!) ||
    conceptKnown.length !== conceptIds!.length || !conceptKnown.every((flag) => flag <= 1) ||
    textEnds.some((end, i) => end < (i === 0 ? 0 : textEnds[i - 1]!)) || (size > 0 && textEnds[size - 1] !== textBytes!.byteLength) ||
    !idsWithin(claimId!, claimIds.length) || !idsWithin(speakers!, speakerLists.length) ||
    !idsWithin(frame!, words.length, true) || !idsWithin(agent!, words.length, true) ||
    !idsWithin(dates!, dateLists.length) || !idsWithin(numbers!, numberLists.length) || !idsWithin(conceptIds!, concepts.length)
  ) return undefined
  const startOf = (i: number) => (i === 0 ? 0 : textEnds[i - 1]!)
  // Only a text UTF-8 cannot hold is kept in the JSON, and it has no bytes.
  const odd = new Map<number, string>()
  if (Array.isArray(unpaired)) return undefined
  for (const [at, text] of Object.entries(unpaired)) {
    const i = Number(at)
    if (!Number.isInteger(i) || i < 0 || i >= size || typeof text !== "string" || isWellFormed(text) || textEnds[i] !== startOf(i)) return undefined
    odd.set(i, text)
  }
  const text = Buffer.from(textBytes!)
  const texts = Array.from(textEnds, (end, i) => odd.get(i) ?? text.toString("utf8", startOf(i), end))
  return {
    keys, texts, worth, claimId: claimId!, speakers: speakers!, frame: frame!, agent: agent!, dates: dates!, numbers: numbers!,
    conceptStart: conceptStart!, conceptIds: conceptIds!, conceptKnown, claimIds, speakerLists, words, dateLists, numberLists, concepts
  }
}

/** An article's claims in a snapshot. */
export interface Slice {
  readonly snapshot: Snapshot
  readonly from: number
  readonly to: number
}

/** A table read back, with each article's claims found by its cache key. */
export class Snapshot {
  private readonly ranges: Map<string, readonly [from: number, to: number]>

  constructor(readonly table: Table) {
    this.ranges = new Map(table.keys.map(([key, from, to]) => [key, [from, to]]))
  }

  /** Its articles' keys, in batch order: an article twice in the batch is here twice. */
  get keys(): ReadonlyArray<string> {
    return this.table.keys.map(([key]) => key)
  }

  /** The snapshot in a file's bytes, or undefined when they are spoilt (`decode`). */
  static read(file: Buffer): Snapshot | undefined {
    const table = decode(file)
    return table && new Snapshot(table)
  }

  /**
   * Where the claims of the article with this cache key are. Unlike the
   * entries file's, they can be handed out again: an article twice in a batch
   * is copied twice, not analysed again.
   */
  slice(key: string): Slice | undefined {
    const range = this.ranges.get(key)
    return range && { snapshot: this, from: range[0], to: range[1] }
  }
}
