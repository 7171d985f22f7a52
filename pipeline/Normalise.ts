/**
 * Normalise: the original article text → the text every analysis reads.
 *
 * A pure stage. It rewrites characters that would make phrase matching
 * brittle (typographic quotes, odd spaces, CRLF), drops invisible ones with an
 * audit entry, and splits the result into paragraphs. Offsets stay mappable to
 * the original through the source map.
 */
import type { Removal, SourceMap, Span } from "./SourceMap.ts"
import { rewrite } from "./SourceMap.ts"

/** The analysable form of one article. */
export interface Normalised {
  readonly map: SourceMap
  /** Pieces of the original that normalisation dropped, with the reason. */
  readonly removed: ReadonlyArray<Removal>
  /** Paragraph spans in the normalised text, in order. */
  readonly paragraphs: ReadonlyArray<Span>
}

// One alternation so the whole text is rewritten in a single pass. The last
// branch catches any non-ASCII character with its combining marks, so NFC can
// be applied per unit and each composed character still maps to its source.
const pattern =
  /\uFEFF|\r\n?|[\u200B-\u200D\u2060]|[\u00A0\u2007\u202F\u2009\u200A]|[\u2018\u2019\u201B\u2032]|[\u201C\u201D\u201E\u201F\u2033]|[^\x00-\x7F]\p{M}*/gu

const unit = (match: string) => {
  switch (match) {
    case "\uFEFF":
      return { replacement: "", reason: "byte-order-mark" }
    case "\r\n":
    case "\r":
      return { replacement: "\n" }
    case "\u200B":
    case "\u200C":
    case "\u200D":
    case "\u2060":
      return { replacement: "", reason: "zero-width-space" }
    case "\u00A0":
    case "\u2007":
    case "\u202F":
    case "\u2009":
    case "\u200A":
      return { replacement: " " }
    case "\u2018":
    case "\u2019":
    case "\u201B":
    case "\u2032":
      return { replacement: "'" }
    case "\u201C":
    case "\u201D":
    case "\u201E":
    case "\u201F":
    case "\u2033":
      return { replacement: "\"" }
    default:
      return { replacement: match.normalize("NFC") }
  }
}

/** Split normalised text into paragraphs: one per non-blank line, trimmed. */
const paragraphsOf = (text: string): ReadonlyArray<Span> => {
  const paragraphs: Array<Span> = []
  for (const line of text.matchAll(/[^\n]+/g)) {
    const lead = line[0].length - line[0].trimStart().length
    const trimmed = line[0].trim()
    if (trimmed.length === 0) continue
    const start = line.index + lead
    paragraphs.push({ start, end: start + trimmed.length })
  }
  return paragraphs
}

/** Normalise one article's original text. */
export const normalise = (original: string): Normalised => {
  const { map, removed } = rewrite(original, pattern, unit)
  return { map, removed, paragraphs: paragraphsOf(map.text) }
}
