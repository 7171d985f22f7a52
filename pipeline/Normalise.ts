/**
 * Normalise: the original article text → the text every analysis reads.
 *
 * A pure stage, in three steps:
 * 1. characters: typographic quotes, odd spaces, CRLF and NFC are rewritten,
 *    invisible characters dropped, all through a source map;
 * 2. lines: page furniture is removed (Boilerplate), each removal audited;
 * 3. structure: title, standfirst, headings, byline, date, declared sources.
 *
 * Offsets stay mappable to the original, so every finding points into the
 * article as it arrived.
 */
import { classify } from "./Boilerplate.ts"
import type { BoilerplateRules, StructureRules } from "./Rules.ts"
import type { Removal, SourceMap, Span } from "./SourceMap.ts"
import { compose, identity, rewrite, toOriginal } from "./SourceMap.ts"
import { datelineOf, headlineLike, introducesNext, type Metadata, metadataLine, type MetadataRole } from "./Structure.ts"

/** What a block of the normalised text is. */
export type Role = "title" | "standfirst" | "heading" | "body" | MetadataRole | "boilerplate"

/** One block (a line or paragraph) of the normalised text, with its role. */
export interface Block extends Span {
  readonly role: Role
  /** Why a boilerplate block was removed: its pattern kind or heuristic. */
  readonly reason?: string
}

/** The analysable form of one article. */
export interface Normalised {
  readonly map: SourceMap
  /** Pieces of the original that normalisation dropped, with the reason, in order. */
  readonly removed: ReadonlyArray<Removal>
  /** Every block, in order, with its role. */
  readonly blocks: ReadonlyArray<Block>
  /** The blocks to analyse for claims: standfirst and body paragraphs. */
  readonly paragraphs: ReadonlyArray<Span>
  /** The article text without title, byline, date, sources or boilerplate. */
  readonly body: string
  readonly metadata: Metadata
}

/** The rules normalisation uses; without them only characters are normalised. */
export interface Options {
  readonly boilerplate?: BoilerplateRules
  readonly structure?: StructureRules
  /**
   * Judge lines by heuristics (position in the page, fragments, link lists,
   * repeats): for scraped plain text, not for HTML whose extractor has
   * already chosen the article.
   */
  readonly heuristics?: boolean
}

// One alternation, so the whole text is rewritten in a single pass; sticky,
// because `units` tries it only where a unit can start. The last branches
// catch any non-ASCII character, or an ASCII letter followed by combining
// marks, so NFC can be applied per unit and each composed character still
// maps to its source.
const pattern =
  /\uFEFF|\r\n?|[\u200B-\u200D\u2060]|[\u00A0\u2007\u202F\u2009\u200A]|[\u2018\u2019\u201B\u2032]|[\u201C\u201D\u201E\u201F\u2033]|[\u2010\u2011]|[^\x00-\x7F]\p{M}*|[\x00-\x7F]\p{M}+/uy

// Where a unit can be: at a carriage return or a non-ASCII character, or one
// character before it (an ASCII letter and its combining marks).
const unitFollows = /[^\x00-\x0C\x0E-\x7F]/gu

/**
 * The units `pattern` finds in `text`, left to right, as a global search would
 * find them. A global search tries every branch at every character, and
 * nearly all of an article is plain ASCII where none can match: this looks
 * for the few characters where one can, and matches only there.
 */
function* units(text: string): Generator<RegExpExecArray> {
  // Where the last unit ended: no unit starts before it.
  let from = 0
  unitFollows.lastIndex = 0
  for (let found = unitFollows.exec(text); found !== null; found = unitFollows.exec(text)) {
    let match: RegExpExecArray | null = null
    if (found.index > from) {
      // An ASCII character and the combining marks after it.
      pattern.lastIndex = found.index - 1
      match = pattern.exec(text)
    }
    if (match === null) {
      pattern.lastIndex = found.index
      match = pattern.exec(text)!
    }
    yield match
    from = unitFollows.lastIndex = pattern.lastIndex
  }
}

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
    case "\u2010":
    case "\u2011":
      return { replacement: "-" }
    default:
      return { replacement: match.normalize("NFC") }
  }
}

// parse-english slows down sharply on long inputs: a paragraph longer than
// this is split at a sentence end (or, failing that, a space) for analysis.
const maxParagraph = 8_000

/** Split normalised text into lines: one per non-blank line, trimmed, none too long. */
const linesOf = (text: string): ReadonlyArray<Span> => {
  const lines: Array<Span> = []
  for (const line of text.matchAll(/[^\n]+/g)) {
    const lead = line[0].length - line[0].trimStart().length
    const trimmed = line[0].trim()
    if (trimmed.length === 0) continue
    let start = line.index + lead
    const end = start + trimmed.length
    while (end - start > maxParagraph) {
      const window = text.slice(start, start + maxParagraph)
      const cut = Math.max(window.lastIndexOf(". "), window.lastIndexOf("? "), window.lastIndexOf("! "))
      const at = cut > maxParagraph / 2 ? cut + 1 : Math.max(window.lastIndexOf(" "), maxParagraph / 2)
      lines.push({ start, end: start + at })
      start += at
      while (start < end && text[start] === " ") start++
    }
    lines.push({ start, end })
  }
  return lines
}

// Blocks and removals are built field by field, not as `{ ...span, role }`:
// Node 20's V8 builds a spread followed by more keys about fifteen times
// slower, and a scraped page has thousands of lines.
const block = (span: Span, role: Role, reason?: string): Block =>
  reason === undefined ? { start: span.start, end: span.end, role } : { start: span.start, end: span.end, role, reason }

/** What was dropped at `at` of the original, and why. */
const removal = (original: string, at: Span, reason: string): Removal =>
  ({ start: at.start, end: at.end, text: original.slice(at.start, at.end), reason })

/** Give each line its role: metadata, boilerplate, heading or body, then title and standfirst. */
const roles = (text: string, lines: ReadonlyArray<Span>, options: Options): Array<Block> => {
  const texts = lines.map((line) => text.slice(line.start, line.end))
  // Metadata lines are short; a paragraph is never one, whatever it starts with.
  const meta = texts.map((t) => (options.structure && t.length <= 300 ? metadataLine(options.structure, t) : undefined))
  const verdicts = options.boilerplate
    ? classify(texts.map((t, i) => ({ text: t, metadata: meta[i] !== undefined })), options.boilerplate, { heuristics: options.heuristics ?? false })
    : texts.map(() => ({ keep: true as const, body: true, heading: false }))

  const blocks: Array<Block> = lines.map((line, i) => {
    const verdict = verdicts[i]!
    if (meta[i]) return block(line, meta[i]!.role)
    if (!verdict.keep) return block(line, "boilerplate", verdict.reason)
    return block(line, verdict.heading && !introducesNext(texts[i]!) ? "heading" : "body")
  })
  if (!options.structure) return blocks

  // The title: the first headline-like line above the body that no pattern removed.
  const firstBody = blocks.findIndex((b) => b.role === "body")
  const patternKinds = new Set(options.boilerplate?.patterns.map((p) => p.kind) ?? [])
  // A short first line that ends in a full stop can still be the headline,
  // when furniture, not prose, follows it.
  const standsAlone = (i: number) => texts[i]!.split(/\s+/).length <= 15 && blocks[i + 1]?.role === "boilerplate"
  const title = blocks.findIndex((b, i) =>
    (firstBody === -1 || i < firstBody || (i === firstBody && standsAlone(i))) &&
    (b.role === "heading" || b.role === "body" || (b.role === "boilerplate" && !patternKinds.has(b.reason ?? ""))) &&
    headlineLike(texts[i]!)
  )
  // A headline heads something: a lone line is the article, not its title.
  if (title !== -1 && blocks.some((b, i) => i > title && b.role === "body")) {
    blocks[title] = block(lines[title]!, "title")
    // What stands above the headline, other than the page's metadata, is furniture.
    for (let i = 0; i < title; i++) {
      if (blocks[i]!.role === "heading" || blocks[i]!.role === "body") blocks[i] = block(lines[i]!, "boilerplate", "above-title")
    }
    // The standfirst: the first paragraph under the title, with only metadata or furniture between.
    const next = blocks.findIndex((b, i) => i > title && (b.role === "body" || b.role === "heading"))
    if (next !== -1 && blocks[next]!.role === "body") blocks[next] = block(lines[next]!, "standfirst")
  }
  return blocks
}

/** What the metadata blocks say. */
const metadataOf = (text: string, blocks: ReadonlyArray<Block>, options: Options): Metadata => {
  const of = (role: Role) => blocks.filter((b) => b.role === role).map((b) => text.slice(b.start, b.end))
  const structure = options.structure
  const values = (role: "byline" | "date" | "sources") =>
    structure ? of(role).map((t) => metadataLine(structure, t)?.value) : []
  const [title] = of("title")
  const [standfirst] = of("standfirst")
  const [byline] = values("byline") as Array<string | undefined>
  const dates = values("date") as Array<string>
  const sources = (values("sources") as Array<ReadonlyArray<string>>).flat()
  const lead = blocks.find((b) => b.role === "standfirst" || b.role === "body")
  const dateline = structure && lead ? datelineOf(structure, text.slice(lead.start, lead.end)) : undefined
  // A real date wins over an empty "Date:" label elsewhere on the page.
  const published = dates.find((d) => d !== "missing") ?? dates[0]
  return {
    ...(title === undefined ? {} : { title }),
    ...(standfirst === undefined ? {} : { standfirst }),
    ...(byline === undefined ? {} : { byline }),
    ...(dateline === undefined ? {} : { dateline }),
    ...(published === undefined ? {} : { published }),
    ...(sources.length === 0 ? {} : { declaredSources: sources })
  }
}

/**
 * Normalise one article. `source` is the text to read and its map to the
 * original: the original itself for plain text, or text extracted from HTML
 * or Markdown.
 */
export const normalise = (
  original: string,
  options: Options = {},
  source: SourceMap = identity(original),
  hints: Metadata = {}
): Normalised => {
  const rewritten = rewrite(source.text, units(source.text), unit)
  // Two apostrophes or backticks stand for a double quote in some archives
  // (''Yes,'' he said). A second pass, over straightened text, so that an
  // invisible character between them changes nothing on a second run.
  const pairs = /''|``/.test(rewritten.map.text)
  const quoted = pairs ? rewrite(rewritten.map.text, rewritten.map.text.matchAll(/''|``/g), () => ({ replacement: "\"" })).map : identity(rewritten.map.text)
  const map = compose(compose(quoted, rewritten.map), source)
  // The original's own characters: "&#8203;" in HTML, not the decoded space.
  const charRemovals = rewritten.removed.map((r) => removal(original, toOriginal(source, r), r.reason))
  const blocks = roles(map.text, linesOf(map.text), options)
  const removed = [
    ...charRemovals,
    ...blocks.filter((b) => b.role === "boilerplate").map((b) => removal(original, toOriginal(map, b), b.reason ?? "boilerplate"))
  ].sort((a, b) => a.start - b.start)
  const bodyBlocks = blocks.filter((b) => b.role === "standfirst" || b.role === "heading" || b.role === "body")
  return {
    map,
    removed,
    blocks,
    paragraphs: blocks.filter((b) => b.role === "standfirst" || b.role === "body"),
    body: bodyBlocks.map((b) => map.text.slice(b.start, b.end)).join("\n\n"),
    // What the page declares about itself (an HTML <title>) wins over what the text suggests.
    metadata: { ...metadataOf(map.text, blocks, options), ...hints }
  }
}
