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
import { auxiliaries, determiners, introWords, listenerVerbs, subordinators, tailPrepositions, timeWords, verbalWords } from "./Grammar.ts"
import { spanOf } from "./Message.ts"
import { antecedentOf, trimmed } from "./NounPhrase.ts"
import { isQuoted, type Quote } from "./Quotes.ts"
import { isCapitalised, isWord, lower, skipSpace, text } from "./Tokens.ts"

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

const isQuote = (node: SentenceContent | undefined) => node !== undefined && text(node) === "\""

/**
 * Where what a cue says ends when the cue is in a relative clause set off by
 * commas ("Maggie Hassan, who is challenging Ayotte, supported the effort"):
 * at the clause's closing comma, or the quote that closes right after it as
 * American style puts it (`who said "We will, of course, win," also`); the
 * main clause's verb is a relation of its own. The cue is in the clause when
 * ", who" or ", which" stands between source and cue with no comma after it,
 * but for a parenthesis of the clause's own ("who, unlike Ayotte, has said").
 * Undefined when the cue is in no such clause, or it does not close.
 */
const relativeClauseEnd = (
  children: ReadonlyArray<SentenceContent>,
  quotes: ReadonlyArray<Quote>,
  between: ReadonlyArray<SentenceContent>,
  tail: number
): number | undefined => {
  const pronoun = between.findLastIndex((node, i) => i > 0 && /^(who|which)$/i.test(text(node)) && text(between[i - 1]!) === ",")
  if (pronoun < 0) return undefined
  const opensAside = between[pronoun + 1] !== undefined && text(between[pronoun + 1]!) === ","
  const aside = opensAside ? between.findIndex((node, i) => i > pronoun + 1 && text(node) === ",") : -1
  if (between.slice(aside > 0 ? aside + 1 : pronoun).some((node) => text(node) === ",")) return undefined
  const comma = children.findIndex((node, i) => i > tail && text(node) === "," && (isQuote(children[i + 1]) || !isQuoted(quotes, spanOf(node).start, spanOf(node).end)))
  if (comma < 0) return undefined
  return isQuote(children[comma + 1]) ? comma + 1 : comma - 1
}

/**
 * Whether only a relative pronoun, with the auxiliaries and adverbs of its
 * verb, stands `between` a source's last word and its cue: "a lawyer who said",
 * "an aide who has repeatedly said". Not a clause of the source's own:
 * "economists who study labor markets said".
 */
const relativeBefore = (between: ReadonlyArray<SentenceContent>) =>
  between.length > 0 && /^(who|which|that)$/i.test(text(between[0]!)) &&
    between.slice(1).every((node) => isWord(node) && (verbalWords.has(lower(node)) || /^[a-z]+ly$/.test(text(node))))

/**
 * What a passive's agent said: the passive's subject ("The plan was
 * announced by Qatar"), or the noun phrase its participle modifies ("Markets
 * rallied after a proposal announced by Qatar", "a plan, supported by the
 * United States,"), not the clause around them; "after" where a clause
 * follows the agent ("was asked by reporters whether"). Undefined where the
 * source at `sourceAt` is no agent after the cue at `cue`.
 */
const passiveSubject = (children: ReadonlyArray<SentenceContent>, cue: number, sourceAt: number, sourceEnd: number): Span | "after" | undefined => {
  const by = skipSpace(children, sourceAt - 1, -1)
  if (sourceAt <= cue || !isWord(children[by]) || lower(children[by]!) !== "by" || skipSpace(children, cue + 1, 1) !== by) return undefined
  // "Trump was asked by reporters whether he would run": what follows the agent is what was said.
  const next = children[skipSpace(children, sourceEnd + 1, 1)]
  if (next !== undefined && (isQuote(next) || (isWord(next) && /^(that|whether|if|to|about)$/.test(lower(next))))) return "after"
  // The passive's own auxiliaries and adverbs: "was", "has been widely".
  let before = cue
  for (let at = skipSpace(children, cue - 1, -1); isWord(children[at]) && (auxiliaries.has(lower(children[at]!)) || /^[a-z]+ly$/.test(text(children[at]!))); at = skipSpace(children, at - 1, -1)) before = at
  // "The bill, which was criticized by Democrats,": the relative pronoun's noun.
  const pronoun = skipSpace(children, before - 1, -1)
  if (isWord(children[pronoun]) && /^(which|who|that)$/.test(lower(children[pronoun]!))) before = pronoun
  const { words } = antecedentOf(children, before)
  // Without a determiner, the phrase starts after the last preposition or clause word walked over.
  const opened = words.findLastIndex((w) => tailPrepositions.has(lower(w)) || subordinators.has(lower(w)))
  const subject = words.slice(opened + 1)
  if (subject.length === 0) return undefined
  return { start: spanOf(subject[0]!).start, end: spanOf(subject.at(-1)!).end }
}

/**
 * Where what follows a cue starts to say something: at a "that" a few words
 * on, past whom it was told and when or where ("told Reuters on Monday that
 * …", "said in Kyiv that …"); right after the cue otherwise. Not across a
 * verb, a comma or a quote: in "said the plan that failed was costly" the
 * "that" is the plan's.
 */
const saidFrom = (children: ReadonlyArray<SentenceContent>, from: number, told: boolean): number => {
  let phrase = false
  for (let i = from, words = 0; i < children.length && words <= 9; i++) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (!isWord(node)) return from
    const word = lower(node)
    if (word === "that") return words > 0 ? i : from
    if (verbalWords.has(word) || auxiliaries.has(word) || /^(who|which|whether|if|to)$/.test(word)) return from
    // When or where ("on Monday", "Tuesday", "in an interview"), or, after "told" (`listenerVerbs`), whom.
    // A preposition's phrase runs to a name or a time ("on Monday", "in
    // Kyiv") or, lower case, on to the "that" ("in an interview that").
    if (tailPrepositions.has(word)) phrase = true
    const closes = timeWords.has(word) || isCapitalised(node)
    const adjunct = phrase || closes ||
      (determiners.has(word) && isWord(children[skipSpace(children, i + 1, 1)]) && isCapitalised(children[skipSpace(children, i + 1, 1)]!))
    if (closes) phrase = false
    if (!adjunct && !told) return from
    words++
  }
  return from
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
    /** Where the cue starts. */
    readonly cue: number
    readonly source: Span
    readonly words: ReadonlyArray<SentenceContent>
  }
): Span | undefined => {
  const { head, tail, source, words } = relation
  const agent = passiveSubject(children, relation.cue, children.indexOf(words[0]!), children.indexOf(words.at(-1)!))
  if (agent === "after") {
    const after = trimmed(children, tail + 1, children.length - 1)
    if (after !== undefined) return after
  } else if (agent !== undefined && !isQuoted(quotes, agent.start, agent.end)) return agent
  // What stands between the source's last word and a cue after it: a relative clause may.
  const between = children.slice(children.indexOf(words.at(-1)!) + 1, relation.cue).filter((node) => node.type !== "WhiteSpaceNode")
  const before = head > 0 ? trimmed(children, 0, head - 1) : undefined
  const told = listenerVerbs.has(lower(children[relation.cue]!))
  const after = trimmed(children, saidFrom(children, tail + 1, told), relativeClauseEnd(children, quotes, between, tail) ?? children.length - 1)
  const quoted = (span?: Span) => span !== undefined && isQuoted(quotes, span.start, span.end)
  // An opening phrase or subordinate clause ("In a statement,", "Because the
  // company missed its targets,") is no part of what the main clause's source says.
  const openingWord = before === undefined ? "" : firstWord(paragraph.slice(before.start, before.end)).toLowerCase()
  const opening = before !== undefined && (introWords.has(openingWord) || subordinators.has(openingWord))
  const clause = after !== undefined && /^(that\b|")/i.test(paragraph.slice(after.start, after.end))
  // "Democrats want X, and Republicans want Y", "an architect who said Y",
  // "a lawyer who said Y": what stands before a source joined on by a
  // conjunction, or before a relative clause that holds the cue, is a clause
  // of its own, not what was said.
  const relative = (words.length === 1 && /^(who|which|that)$/i.test(text(words[0]!))) || relativeBefore(between)
  const joined = before !== undefined && after !== undefined && head === children.indexOf(words[0]!) &&
    (/\b(and|but|while|whereas|yet)\s*$/i.test(paragraph.slice(before.start, source.start)) || relative)
  // "Obama's predecessor, George W. Bush, said the war was right": a
  // description set off before the source is the source's, not what was said.
  const describing = before !== undefined && after !== undefined && head === children.indexOf(words[0]!) &&
    /^[^,]*,\s*$/.test(paragraph.slice(before.start, source.start)) && /^\s*,/.test(paragraph.slice(source.end))
  // "Tesla's shares fell after the company said deliveries slowed", "The
  // mayor said that the governor had told him the bridge was safe": a source
  // that opens a clause of its own (after "that", "after", "because"…) says
  // what follows its cue; "The bill will pass, he said" and 'The plan is
  // "dead on arrival," she said Tuesday' say what comes before.
  const lead = before === undefined ? "" : paragraph.slice(before.start, source.start)
  const leadWord = lead.trim().split(/\s+/).at(-1)!.toLowerCase()
  const subordinate = after !== undefined && head === children.indexOf(words[0]!) && (leadWord === "that" || subordinators.has(leadWord))
  if (subordinate && !quoted(before) && !quoted(after)) {
    // "Because the company said it missed its targets, investors expect …":
    // what a clause that opens the sentence says ends at its comma.
    if (/^\s*\S+\s*$/.test(lead)) {
      const comma = children.findIndex((node, i) => i > tail && text(node) === ",")
      if (comma > tail + 1) return trimmed(children, tail + 1, comma - 1) ?? after
    }
    return after
  }
  return quoted(before) ? before : quoted(after) ? after : before && !opening && !clause && !joined && !describing ? before : after ?? before
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
