/**
 * Content: what an attribution relation says was said or thought.
 *
 * It is what the source and cue leave over of their sentence: the quoted side
 * if there is one; before them when they trail ("…, officials said on
 * Monday"); after them when they lead, even behind an opening phrase ("On
 * Tuesday, Smith said the figures …") or before a that-clause.
 *
 * A thought or stance inside the content of another relation ("He said he
 * wants …") is part of that content, not a relation of its own.
 */
import type { SentenceContent } from "nlcst"
import { introWords } from "./Grammar.ts"
import { spanOf } from "./Message.ts"
import { trimmed } from "./NounPhrase.ts"
import { isQuoted, type Quote } from "./Quotes.ts"
import { text } from "./Tokens.ts"

/** A span in paragraph offsets. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** A text up to its first whitespace, without splitting all of it. */
const firstWord = (value: string) => {
  const space = value.search(/\s/)
  return space === -1 ? value : value.slice(0, space)
}

/**
 * The content of one relation whose source words and cue together run from
 * child `head` to child `tail` of the sentence.
 */
export const contentOf = (
  children: ReadonlyArray<SentenceContent>,
  paragraph: string,
  quotes: ReadonlyArray<Quote>,
  relation: {
    readonly head: number
    readonly tail: number
    readonly source: Span
    readonly words: ReadonlyArray<SentenceContent>
    /** The cue is in a relative clause set off by commas: "Hassan, who is challenging Ayotte, supported …". */
    readonly inRelativeClause?: boolean
  }
): Span | undefined => {
  const { head, tail, source, words } = relation
  const before = head > 0 ? trimmed(children, 0, head - 1) : undefined
  // What the clause says ends at its closing comma; the main clause goes on
  // after it. Not a comma inside a quote, unless the quote closes right after
  // it, as American style puts it: `who said "We will, of course, win," also`.
  const comma = relation.inRelativeClause
    ? children.findIndex((node, i) =>
      i > tail && text(node) === "," && (!isQuoted(quotes, spanOf(node).start, spanOf(node).end) || text(children[i + 1] ?? node) === "\""))
    : -1
  // The quote it closes is part of what was said.
  const last = comma === -1 ? children.length - 1 : text(children[comma + 1] ?? children[comma]!) === "\"" ? comma + 1 : comma - 1
  const after = trimmed(children, tail + 1, last)
  const quoted = (span?: Span) => span !== undefined && isQuoted(quotes, span.start, span.end)
  const opening = before !== undefined && introWords.has(firstWord(paragraph.slice(before.start, before.end)).toLowerCase())
  const clause = after !== undefined && /^(that\b|")/i.test(paragraph.slice(after.start, after.end))
  // "Democrats want X, and Republicans want Y", "an architect who said Y":
  // what stands before a source joined on by a conjunction or a relative
  // pronoun is a clause of its own, not what was said.
  const joined = before !== undefined && after !== undefined && head === children.indexOf(words[0]!) &&
    (/\b(and|but|while|whereas|yet)\s*$/i.test(paragraph.slice(before.start, source.start)) ||
      (words.length === 1 && /^(who|which|that)$/i.test(text(words[0]!))))
  return quoted(before) ? before : quoted(after) ? after : before && !opening && !clause && !joined ? before : after ?? before
}

/** What `nested` needs of a relation. */
interface Nestable {
  readonly cue: Span
  readonly content?: Span
  readonly reports: string
}

/**
 * The thoughts and stances inside what another relation says: "He said he
 * wants …", "he said the company plans to …". Content runs to the end of the
 * sentence, so "He claimed …, although he refused to …" keeps its own
 * relation: a contrast, a semicolon or ", and" between the two cues ends
 * what was said.
 */
export const nested = <R extends Nestable>(relations: ReadonlyArray<R>, paragraph: string): Set<R> => {
  const apart = (a: R, b: R) =>
    /\b(although|though|but|while|whereas|yet|because)\b|;|,\s*and\b/i.test(
      paragraph.slice(Math.min(a.cue.end, b.cue.end), Math.max(a.cue.start, b.cue.start))
    )
  const inContent = (r: R) =>
    relations.some((o) => o !== r && o.reports !== "stance" && o.content && o.content.start <= r.cue.start && r.cue.end <= o.content.end && !apart(o, r))
  return new Set(relations.filter((r) => r.reports !== "speech" && inContent(r)))
}
