/**
 * A source map from a rewritten text back to the text it was made from.
 *
 * Every later stage works on the rewritten (normalised) text, but every
 * offset a user sees points into the original, so each character of the
 * rewritten text remembers the span of the original that produced it.
 */

/** A half-open span `[start, end)` of UTF-16 offsets. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** A rewritten text and, per character, the original span that produced it. */
export interface SourceMap {
  readonly original: string
  readonly text: string
  /** Set when text and original are the same, so the arrays are never read. */
  readonly identity?: true
  /** `starts[i]` is where the original unit behind `text[i]` starts. */
  readonly starts: Uint32Array
  /** `ends[i]` is where the original unit behind `text[i]` ends. */
  readonly ends: Uint32Array
}

/** What one matched piece of the original becomes, and why. */
export interface Rewrite {
  readonly replacement: string
  /** Set when the piece is dropped or changed for a reason worth auditing. */
  readonly reason?: string
}

/** A piece of the original that a rewrite dropped. */
export interface Removal extends Span {
  readonly text: string
  readonly reason: string
}

/**
 * Rewrite `original` in one left-to-right pass: every one of `matches` (in
 * order, not overlapping: `original.matchAll(pattern)` for a global pattern)
 * becomes `rewrite(match).replacement`, everything else is copied. Each output
 * character maps to the whole matched unit, so a span of the output always
 * maps to whole units of the original.
 */
export const rewrite = (
  original: string,
  matches: Iterable<RegExpExecArray>,
  rewrite: (match: string) => Rewrite
): { readonly map: SourceMap; readonly removed: ReadonlyArray<Removal> } => {
  const parts: Array<string> = []
  // Upper bound: a rewrite may lengthen a unit, so grow on demand.
  let starts = new Uint32Array(original.length + 16)
  let ends = new Uint32Array(original.length + 16)
  let length = 0
  const removed: Array<Removal> = []

  const push = (piece: string, start: number, end: number, unit: boolean) => {
    if (length + piece.length > starts.length) {
      const size = Math.max(starts.length * 2, length + piece.length)
      const grownStarts = new Uint32Array(size)
      const grownEnds = new Uint32Array(size)
      grownStarts.set(starts)
      grownEnds.set(ends)
      starts = grownStarts
      ends = grownEnds
    }
    parts.push(piece)
    for (let i = 0; i < piece.length; i++) {
      // A copied run maps character by character; a rewritten unit maps as a whole.
      starts[length + i] = unit ? start : start + i
      ends[length + i] = unit ? end : start + i + 1
    }
    length += piece.length
  }

  let last = 0
  for (const match of matches) {
    const start = match.index
    const end = start + match[0].length
    if (start > last) push(original.slice(last, start), last, start, false)
    const result = rewrite(match[0])
    if (result.replacement === "" && result.reason !== undefined) {
      removed.push({ start, end, text: match[0], reason: result.reason })
    }
    push(result.replacement, start, end, true)
    last = end
  }
  if (last < original.length) push(original.slice(last), last, original.length, false)

  const text = parts.join("")
  return {
    map: { original, text, starts: starts.subarray(0, length), ends: ends.subarray(0, length) },
    removed
  }
}

const none = new Uint32Array(0)

/** The map of a text onto itself. */
export const identity = (text: string): SourceMap => ({ original: text, text, starts: none, ends: none, identity: true })

/**
 * Chain two maps: `outer` rewrites the text that `inner` produced from the
 * original. A character of `outer` that stands for nothing in `inner` (a
 * separator between extracted blocks) maps to an empty span.
 */
export const compose = (outer: SourceMap, inner: SourceMap): SourceMap => {
  if (inner.identity) return { ...outer, original: inner.original }
  if (outer.identity) return { ...inner, text: outer.text }
  const starts = new Uint32Array(outer.text.length)
  const ends = new Uint32Array(outer.text.length)
  for (let i = 0; i < outer.text.length; i++) {
    const span = toOriginal(inner, { start: outer.starts[i]!, end: outer.ends[i]! })
    starts[i] = span.start
    ends[i] = span.end
  }
  return { original: inner.original, text: outer.text, starts, ends }
}

/** Map a span of the rewritten text to the span of the original behind it. */
export const toOriginal = (map: SourceMap, span: Span): Span => {
  if (map.identity) return { start: span.start, end: Math.max(span.start, span.end) }
  if (map.text.length === 0) return { start: 0, end: 0 }
  const start = span.start < map.text.length ? map.starts[span.start]! : map.original.length
  if (span.end <= span.start) return { start, end: start }
  const end = Math.max(start, map.ends[Math.min(span.end, map.text.length) - 1]!)
  return { start, end }
}

/** Line starts of a text, for turning offsets into 1-based line:column. */
export const lineStarts = (text: string): ReadonlyArray<number> => {
  const starts = [0]
  // CRLF, LF and a lone CR each end a line, as normalisation reads them. A
  // plain loop over the characters: it runs over every article's whole text.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++
    if (c === 10 || c === 13) starts.push(i + 1)
  }
  return starts
}

/** A 1-based line and column. */
export interface Point {
  readonly line: number
  readonly column: number
}

/** The 1-based line:column of `offset`, by binary search over `starts`. */
export const pointAt = (starts: ReadonlyArray<number>, offset: number): Point => {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - starts[low]! + 1 }
}

// A character reference, with or without its semicolon for the legacy names.
const entity = /&(?:#\d+;?|#x[\da-f]+;?|(?:amp|lt|gt|quot|apos|nbsp|copy|reg)(?![a-z\d])(?:;)?|[a-z][a-z\d]*;)/iy

/** The character reference at `at`, when the raw "&" there is one. */
const entityAt = (raw: string, at: number) => {
  entity.lastIndex = at
  return entity.exec(raw)
}

/**
 * Builds a text from pieces of an original, keeping the map: extractors
 * (Markdown, HTML) append the original's text nodes and join them with
 * separators that stand for nothing in the original.
 */
export class Builder {
  private readonly parts: Array<string> = []
  private starts: Array<number> = []
  private ends: Array<number> = []

  constructor(private readonly original: string) {}

  /**
   * Append text found at `[start, end)` of the original, aligning it char by
   * char: a decoded entity (`&amp;`) maps to the whole entity, a space to the
   * whitespace it stands for. What cannot be aligned maps to the rest of the span.
   */
  copy(value: string, start: number, end: number): void {
    this.parts.push(value)
    const raw = this.original
    let j = start
    const same = (k: number, c: string) => raw[k] === c || (/\s/.test(c) && /\s/.test(raw[k]!))
    for (let i = 0; i < value.length; i++) {
      const c = value[i]!
      const decoded = j < end && raw[j] === "&" ? entityAt(raw, j) : null
      if (decoded && j + decoded[0].length <= end) {
        this.starts.push(j)
        j += decoded[0].length
        this.ends.push(j)
        continue
      }
      // Markup the text node leaves out ("> ", "\\", "\r") is skipped to get
      // back in step: look a little ahead for the character.
      let k = j
      while (k < end && k < j + 16 && !same(k, c)) k++
      if (k < end && same(k, c)) {
        this.starts.push(k)
        this.ends.push(k + 1)
        j = k + 1
      } else {
        this.starts.push(Math.min(j, end))
        this.ends.push(Math.min(j + 1, end))
      }
    }
  }

  /** Append text that stands for nothing in the original, at `at`. */
  separator(value: string, at: number): void {
    this.parts.push(value)
    for (let i = 0; i < value.length; i++) {
      this.starts.push(at)
      this.ends.push(at)
    }
  }

  /** How many characters have been appended so far. */
  get length(): number {
    return this.starts.length
  }

  build(): SourceMap {
    return { original: this.original, text: this.parts.join(""), starts: Uint32Array.from(this.starts), ends: Uint32Array.from(this.ends) }
  }
}
