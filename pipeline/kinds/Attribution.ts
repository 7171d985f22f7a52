/**
 * Attribution: the relations of "who said what, through whom".
 *
 * A cue from the attribution rule file ("said", "according to", "citing")
 * says which side its source usually stands on. The source is the noun phrase
 * found there, with fallbacks for the shapes news prose takes: inverted
 * (`"…," said Caddell`), appositive (`Ott Pruitt, the attorney general, said`)
 * and participial (`…, saying`). The content is what the sentence leaves over.
 *
 * Pronouns and anaphoric documents ("the report") resolve to the nearest
 * earlier named source through `file.data.history`, which the analyser shares
 * across the paragraphs of one article.
 */
import type { Root, Sentence, SentenceContent } from "nlcst"
import { toString } from "nlcst-to-string"
import type { Plugin } from "unified"
import type { Cue, Outlet } from "../Rules.ts"
import type { Classifier, SourceKind } from "../Sources.ts"
import { SKIP, visit } from "unist-util-visit"
import { owned, type Match } from "./Match.ts"
import { isQuoted } from "./Quotes.ts"
import { spanOf } from "./Message.ts"

/** A source, typed, in paragraph offsets. */
export interface Source {
  readonly start: number
  readonly end: number
  readonly kind: SourceKind
  readonly outlet?: Outlet
  /** For pronouns and anaphoric documents: the earlier source meant. */
  readonly resolvesTo?: string
}

/** One attribution relation, in paragraph offsets. */
export interface Relation {
  readonly sentence: Sentence
  readonly source: Source
  readonly cue: { readonly start: number; readonly end: number; readonly phrase: string }
  readonly content?: { readonly start: number; readonly end: number }
  /** Intermediaries, in order from the source towards the reader: Ryabkov via RIA Novosti. */
  readonly via: Array<Source>
}

/** A named source seen earlier in the article, for resolving pronouns. */
export interface Mention {
  readonly kind: SourceKind
  readonly name: string
}

declare module "vfile" {
  interface DataMap {
    attributions: Array<Relation>
    history: Array<Mention>
  }
}

/** An owner in the shared phrase index: one cue group. */
interface CueOwner {
  readonly cue: Cue
}

const isCueOwner = (owner: unknown): owner is CueOwner => (owner as CueOwner | null)?.cue?.phrases !== undefined

/** The phrase-index entries for the cue groups. */
export const cueEntries = (cues: ReadonlyArray<Cue>) =>
  cues.flatMap((cue) => cue.phrases.map((phrase) => ({ phrase, owner: { cue } satisfies CueOwner })))

// Words that open a clause: a source never runs across one.
const clauseWords = new Set(["that", "which", "who", "whom", "whose", "and", "but", "because", "as", "when", "while", "if", "after", "before", "since", "although", "though", "so", "than", "where", "what", "how", "why", "even", "yet", "then"])
// Words between a source and its cue that belong to neither: "has long said".
const verbalWords = new Set(["has", "have", "had", "was", "were", "is", "are", "be", "been", "also", "not", "never", "once", "later", "then", "again", "would", "will", "could", "can", "may", "might", "should", "did", "does", "do", "long", "repeatedly", "already", "still", "now", "often", "previously", "recently", "first", "publicly", "privately", "reportedly", "separately", "just", "isn't", "wasn't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "isn’t", "wasn’t", "didn’t", "doesn’t", "don’t", "hasn’t", "haven’t", "hadn’t", "won’t", "wouldn’t", "can’t", "couldn’t"])
// Words that make the cue a noun, not a verb of saying: "the report", "his plans".
const nounMarkers = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "to", "of", "for", "in", "on", "with", "by"])
// Words that start an introductory phrase rather than a subject.
const introWords = new Set(["as", "in", "on", "at", "during", "after", "before", "since", "addressing", "speaking", "asked", "when", "while", "for", "with", "despite", "following", "according", "however", "but", "and", "yet", "still", "meanwhile", "last", "earlier", "later"])
const determiners = new Set(["the", "a", "an", "this", "that", "these", "those", "another", "several", "some", "many", "other"])
const pronouns = new Set(["he", "she", "they", "it", "we", "i"])
const modals = new Set(["would", "could", "might", "may", "should"])
const passiveOrModal = new Set(["is", "are", "was", "were", "be", "been", "being", ...modals])
// Endings of words that describe rather than name: "diplomatic", "binding".
const adjectival = /(ing|ed|ic|al|ive|ous|ful|less|able|ible|ary)$/
const maxSourceWords = 10

const text = (node: SentenceContent) => toString(node)
const lower = (node: SentenceContent) => text(node).toLowerCase()
const isWord = (node: SentenceContent | undefined): node is SentenceContent => node?.type === "WordNode"
const isCapitalised = (node: SentenceContent) => /^\p{Lu}/u.test(text(node))
const isBoundary = (node: SentenceContent) => node.type === "PunctuationNode" || node.type === "SymbolNode"

/** Index of the nearest non-whitespace node from `i` in direction `step`. */
const skipSpace = (children: ReadonlyArray<SentenceContent>, i: number, step: 1 | -1) => {
  while (i >= 0 && i < children.length && children[i]!.type === "WhiteSpaceNode") i += step
  return i
}

/** Collect a noun phrase walking from `from` in direction `step`, up to a boundary. */
const phrase = (children: ReadonlyArray<SentenceContent>, from: number, step: 1 | -1): Array<SentenceContent> => {
  const words: Array<SentenceContent> = []
  for (let i = from; i >= 0 && i < children.length; i += step) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    const joinsNames = lower(node) === "and" && words.length > 0 && isCapitalised(words.at(-1)!) &&
      isWord(children[skipSpace(children, i + step, step)]) && isCapitalised(children[skipSpace(children, i + step, step)]!)
    if (isBoundary(node) || (isWord(node) && clauseWords.has(lower(node)) && !joinsNames)) break
    words.push(node)
    // A pronoun next to its cue is the whole source: "though she acknowledged".
    if (step === -1 && words.length === 1 && pronouns.has(lower(node).replace(/['’]s$/, ""))) break
    if (words.length > maxSourceWords) return []
  }
  return step === -1 ? words.reverse() : words
}

/** The subject at the start of a run of words: "Trump" in "Trump attacked Clinton". */
const leadingPhrase = (words: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"]): Array<SentenceContent> => {
  const np: Array<SentenceContent> = []
  for (const [i, word] of words.entries()) {
    const w = lower(word)
    if (np.length === 0) {
      if (clauseWords.has(w)) return []
      if (isCapitalised(word) || determiners.has(w) || pronouns.has(w) || isHead(w)) np.push(word)
      else return []
    } else if (isCapitalised(word) && !pronouns.has(w)) np.push(word)
    else if (isHead(w)) np.push(word)
    else if ((w === "of" || w === "and" || w === "for") && words[i + 1] && isCapitalised(words[i + 1]!)) np.push(word)
    else if (np.every((n) => !isCapitalised(n) || determiners.has(lower(n))) && np.length < 4 && !/(ed|s)$/.test(w) && !verbalWords.has(w)) np.push(word)
    else break
  }
  // A phrase ends in a name or a word the lexicon knows: "the former president".
  while (np.length > 0 && !isCapitalised(np.at(-1)!) && !isHead(lower(np.at(-1)!))) np.pop()
  return np
}

/**
 * The subject of a sentence's main clause, skipping an introductory phrase.
 * For a participle (`…, saying`) the subject's chunk also holds its verb; for
 * an appositive (`Ott Pruitt, the attorney general, said`) it is the first chunk.
 */
const subject = (
  children: ReadonlyArray<SentenceContent>,
  before: number,
  isHead: Classifier["isHead"],
  participle: boolean
): Array<SentenceContent> => {
  const chunks: Array<Array<SentenceContent>> = [[]]
  for (let i = 0; i < before; i++) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (isBoundary(node)) {
      if (text(node) === "," && chunks.at(-1)!.length > 0) chunks.push([])
      continue
    }
    chunks.at(-1)!.push(node)
  }
  for (const chunk of chunks) {
    if (chunk.length === 0 || introWords.has(lower(chunk[0]!))) continue
    const np = leadingPhrase(chunk, isHead)
    if (participle && np.length === chunk.length) continue
    return np
  }
  return []
}

/** Why a match of a cue phrase is not a cue here. */
const notACue = (children: ReadonlyArray<SentenceContent>, match: Match, cue: Cue) => {
  if (cue.source === "possessor") return false
  const first = children[match.index]!
  const firstWord = children.findIndex(isWord)
  // "United States", "The Report": a capital mid-sentence makes it a name.
  if (match.index !== firstWord && isCapitalised(first)) return true
  const previous = children[skipSpace(children, match.index - 1, -1)]
  // "the report", "his plans", "Trump's claims": a noun, not a verb.
  // "He's claiming" is a verb after a contraction, not a possessive.
  const contraction = isWord(previous) && pronouns.has(lower(previous).replace(/['’]s$/, ""))
  return isWord(previous) && !contraction && (nounMarkers.has(lower(previous)) || /['’]s$/.test(text(previous)))
}

/**
 * Whether words can be a source. Its head (the last word before any
 * prepositional tail) is a name, a pronoun or a word the lexicon knows
 * ("officials", "embassy"). "Binding promises" and "the concurrent
 * developments from Moscow" are no sources; editors teach it new heads in the
 * attribution rule file.
 */
const plausibility = (children: ReadonlyArray<SentenceContent>, classifier: Classifier) =>
(words: Array<SentenceContent>): Array<SentenceContent> => {
  if (words.length === 0) return []
  const typed = classifier.classify(words.map(text))
  if (typed.guessed) return []
  // A capital at the start of a sentence is no sign of a name: "Binding Promises".
  const first = words[0]!
  const soleCapital = first === children.find(isWord) && adjectival.test(lower(first)) && words.slice(1).every((w) => !isCapitalised(w))
  return soleCapital && (typed.kind === "named-person" || typed.kind === "named-organisation") ? [] : words
}

/** The source words for a cue, trying the shapes news prose takes. */
const sourceFor = (
  children: ReadonlyArray<SentenceContent>,
  match: Match,
  cue: Cue,
  classifier: Classifier
): Array<SentenceContent> => {
  const { isHead } = classifier
  const plausible = plausibility(children, classifier)
  const last = match.index + match.nodes.length - 1
  if (cue.source === "possessor") {
    // "Trump's claim that …": the possessor made the claim.
    const at = skipSpace(children, match.index - 1, -1)
    const owner = children[at]
    if (!isWord(owner) || !/['’]s$/.test(text(owner)) || !isCapitalised(owner)) return []
    const words = [owner]
    for (let j = skipSpace(children, at - 1, -1); isWord(children[j]) && isCapitalised(children[j]!); j = skipSpace(children, j - 1, -1)) {
      words.unshift(children[j]!)
    }
    return words
  }
  if (cue.source === "after") {
    // "citing sources familiar with …" names a source; "citing strategic mistakes" does not.
    return plausible(phrase(children, last + 1, 1))
  }

  let i = skipSpace(children, match.index - 1, -1)
  while (isWord(children[i]) && (verbalWords.has(lower(children[i]!)) || /^[a-z]+ly$/.test(text(children[i]!)))) {
    // "are expected to", "was told": in the passive the subject is not the
    // source. "would view": a modal makes it the reporter's speculation.
    // "is demanding" is progressive, not passive: only participles make a passive.
    if (passiveOrModal.has(lower(children[i]!)) && !(/ing$/.test(match.phrase) && !modals.has(lower(children[i]!)))) return []
    i = skipSpace(children, i - 1, -1)
  }
  // Skip a parenthesis between source and cue: "Mike Pence (R-IN) said".
  if (children[i] && text(children[i]!) === ")") {
    while (i >= 0 && text(children[i]!) !== "(") i--
    i = skipSpace(children, i - 1, -1)
  }
  // "the Chicago Police Department, which reported": the source stands before the relative pronoun.
  if (isWord(children[i]) && /^(who|which)$/.test(lower(children[i]!))) {
    i = skipSpace(children, i - 1, -1)
    if (children[i] && text(children[i]!) === ",") i = skipSpace(children, i - 1, -1)
  }
  if (isWord(children[i])) return plausible(phrase(children, i, -1))
  // Inverted, after a quote or at the start: `"…," said Caddell`; not
  // `Ott Pruitt, the attorney general, said the rule …`.
  let back = skipSpace(children, match.index - 1, -1)
  if (children[back] && text(children[back]!) === ",") back = skipSpace(children, back - 1, -1)
  const afterQuote = back < 0 || text(children[back]!) === "\""
  const next = children[skipSpace(children, last + 1, 1)]
  if (afterQuote && isWord(next) && (isCapitalised(next) || determiners.has(lower(next)) || pronouns.has(lower(next)))) {
    const words = leadingPhrase(phrase(children, last + 1, 1), isHead)
    if (words.length > 0) return words
  }
  // Appositive or participle: the subject of the main clause.
  return subject(children, match.index, isHead, /ing$/.test(match.phrase))
}

/** The trimmed span of children `[from, to]`, skipping space and punctuation at the ends. */
const trimmed = (children: ReadonlyArray<SentenceContent>, from: number, to: number) => {
  let first = from
  let last = to
  while (first <= last && (children[first]!.type === "WhiteSpaceNode" || (isBoundary(children[first]!) && text(children[first]!) !== "\""))) first++
  while (last >= first && (children[last]!.type === "WhiteSpaceNode" || (isBoundary(children[last]!) && text(children[last]!) !== "\""))) last--
  if (first > last) return undefined
  return { start: spanOf(children[first]!).start, end: spanOf(children[last]!).end }
}

/** Choose the longest cue at each place: "reported by" over "reported". */
const longestFirst = <A extends { readonly match: Match }>(found: ReadonlyArray<A>) => {
  const sorted = [...found].sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end)
  const kept: Array<A> = []
  for (const item of sorted) {
    const previous = kept.at(-1)
    // The same span under another owner stays as an alternative reading.
    const same = previous && previous.match.start === item.match.start && previous.match.end === item.match.end
    if (previous && !same && previous.match.sentence === item.match.sentence && item.match.start < previous.match.end) continue
    kept.push(item)
  }
  return kept
}

/** The nearest earlier mention a pronoun or anaphoric document can mean. */
const resolve = (history: ReadonlyArray<Mention>, kind: SourceKind, words: ReadonlyArray<string>) => {
  const first = words[0]!.toLowerCase()
  const wanted: ReadonlyArray<SourceKind> | undefined =
    kind === "pronoun"
      ? first === "he" || first === "she" || first === "i"
        ? ["named-person"]
        : ["named-organisation", "media-outlet", "state", "named-person"]
      : kind === "document" && (first === "the" || first === "this" || first === "that")
      ? ["media-outlet", "named-organisation"]
      : undefined
  if (!wanted) return undefined
  for (let i = history.length - 1; i >= 0; i--) {
    if (wanted.includes(history[i]!.kind)) return history[i]!.name
  }
  return undefined
}

/** Cue shapes that no phrase list names, found from the sentence's structure. */
export type Structure = "that-clause" | "colon" | "quote-dash"

const before: CueOwner = { cue: { phrases: [], source: "before" } }
const colon: CueOwner = { cue: { phrases: [], source: "before" } }
const after: CueOwner = { cue: { phrases: [], source: "after" } }

/**
 * A colon introduces speech only after a speaker ("WALLACE:", "The senator
 * said:") or before a quote; "The Latest:" and "Correction:" are labels.
 */
const speaksBeforeColon = (children: ReadonlyArray<SentenceContent>, match: Match, kind: SourceKind, words: ReadonlyArray<string>) => {
  const next = children[skipSpace(children, match.index + 1, 1)]
  if (next && text(next) === "\"") return true
  if (words.length > 4) return false
  if (kind === "described-official" || (kind === "pronoun" && words[0]!.toLowerCase() !== "it")) return true
  // A name, not a title-case label: "WALLACE", "Pat Caddell"; not "The Latest",
  // "Correction" or "Little Relief for Refugees".
  const functionWord = words.some((w) => determiners.has(w.toLowerCase()) || /^(of|for|on|in|over|to|and|with|at|by)$/i.test(w))
  const name = words.length >= 2 || /^\p{Lu}{2,}$/u.test(words[0]!)
  return kind === "named-person" && name && !functionWord
}
const dashes = new Set(["-", "--", "\u2013", "\u2014", "\u2015"])

/**
 * Cues found by shape:
 * - that-clause: a verb form (-ed, -s) followed by "that": "Clinton has decided that …";
 * - colon: a colon introducing speech: `Trump said:`, `The statement: "…"`;
 * - quote-dash: a dash after a closing quote, before the speaker: `"…" — Sonya Herridge`.
 * The source check that follows still has to find a name or a known head.
 */
const structuralCues = (tree: Root, shapes: ReadonlySet<Structure>): Array<{ match: Match; owner: CueOwner }> => {
  const found: Array<{ match: Match; owner: CueOwner }> = []
  const cue = (sentence: Sentence, index: number, owner: CueOwner) => {
    const node = sentence.children[index]!
    found.push({ match: { phrase: text(node), owners: [owner], sentence, index, nodes: [node], ...spanOf(node) }, owner })
  }
  visit(tree, "SentenceNode", (sentence: Sentence) => {
    const children = sentence.children
    for (const [index, node] of children.entries()) {
      const previous = skipSpace(children, index - 1, -1)
      if (shapes.has("that-clause") && isWord(node) && lower(node) === "that") {
        const verb = children[previous]
        if (isWord(verb) && /^[a-z]+(ed|es|s)$/.test(text(verb)) && !verbalWords.has(lower(verb))) cue(sentence, previous, before)
      } else if (shapes.has("colon") && node.type === "PunctuationNode" && text(node) === ":" && isWord(children[previous])) {
        // Not a clock or a ratio: "2:45", "3:1".
        if (!/\d$/.test(text(children[previous]!))) cue(sentence, index, colon)
      } else if (shapes.has("quote-dash") && node.type === "PunctuationNode" && dashes.has(text(node)) && children[previous] && text(children[previous]!) === "\"") {
        cue(sentence, index, after)
      }
    }
    return SKIP
  })
  return found
}

/** First- and second-person speakers inside a quote are the quoted speaker's own words. */
const quotedSelf = new Set(["i", "we", "you", "do you", "does he"])

/** Find attribution relations for every cue match. */
export const attributionKind: Plugin<[Classifier, { readonly id: string; readonly structures: ReadonlyArray<Structure> }], Root> = (classifier, options) => (tree, file) => {
  const { classify } = classifier
  const relations: Array<Relation> = (file.data.attributions ??= [])
  const history: Array<Mention> = (file.data.history ??= [])
  const bySentence = new Map<Sentence, Array<Relation>>()
  const quotes = file.data.quotes ?? []
  const cues = owned(file.data.matches, isCueOwner)
  const shapes = new Set(options.structures)
  if (shapes.size > 0) {
    cues.push(...structuralCues(tree, shapes).filter((c) => !cues.some((k) => k.match.start <= c.match.start && c.match.end <= k.match.end)))
  }

  const taken: Array<{ readonly start: number; readonly end: number }> = []
  for (const { match, owner } of longestFirst(cues)) {
    if (taken.some((t) => match.start < t.end && t.start < match.end)) continue
    const children = match.sentence.children
    if (notACue(children, match, owner.cue)) continue
    const siblings = bySentence.get(match.sentence) ?? []
    // The same speaker goes on: ", stating …" after "Putin reiterated", or a
    // second verb joined by "and" ("Trump tweeted … and encouraged …").
    const joiner = lower(children[skipSpace(children, match.index - 1, -1)] ?? children[0]!)
    const continued = owner.cue.source === "before" && siblings.length > 0 &&
      ((joiner === "," && /ing$/.test(match.phrase)) || joiner === "and" || joiner === "but")
    const words = continued
      ? children.filter((node) => node.position && spanOf(node).start >= siblings.at(-1)!.source.start && spanOf(node).end <= siblings.at(-1)!.source.end && isWord(node))
      : sourceFor(children, match, owner.cue, classifier)
    if (words.length === 0) continue
    if (isQuoted(quotes, match.start, match.end) && quotedSelf.has(words.map(lower).join(" "))) continue
    const typed = classify(words.map(text))
    if (owner === colon && !speaksBeforeColon(children, match, typed.kind, words.map(text))) continue
    taken.push(match)
    const span = { start: spanOf(words[0]!).start, end: spanOf(words.at(-1)!).end }
    const resolvesTo = resolve(history, typed.kind, words.map(text))
    const source: Source = {
      ...span,
      kind: typed.kind,
      ...(typed.outlet ? { outlet: typed.outlet } : {}),
      ...(resolvesTo === undefined ? {} : { resolvesTo })
    }
    // A possessor is mentioned, not speaking: "he" later means the speaker.
    if (typed.kind !== "pronoun" && typed.kind !== "document" && typed.kind !== "anonymous" && owner.cue.source !== "possessor") {
      history.push({ kind: typed.kind, name: typed.name })
    }

    const cueLast = match.index + match.nodes.length - 1
    const head = Math.min(children.indexOf(words[0]!), match.index)
    const tail = Math.max(children.indexOf(words.at(-1)!), cueLast)
    // Content is what the source and cue leave over: the quoted side if there
    // is one; before them when they trail ("…, officials said on Monday");
    // after them when they lead, even behind an opening phrase ("On Tuesday,
    // Smith said the figures …") or before a that-clause.
    const before = head > 0 ? trimmed(children, 0, head - 1) : undefined
    const after = trimmed(children, tail + 1, children.length - 1)
    const quoted = (span?: { start: number; end: number }) => span !== undefined && isQuoted(quotes, span.start, span.end)
    const paragraph = String(file.value)
    const opening = before !== undefined && introWords.has(paragraph.slice(before.start, before.end).split(/\s/)[0]!.toLowerCase())
    const clause = after !== undefined && /^(that\b|")/i.test(paragraph.slice(after.start, after.end))
    const content = quoted(before) ? before : quoted(after) ? after : before && !opening && !clause ? before : after ?? before

    // "told Izvestia": the outlet that carried the words is an intermediary.
    const via: Array<Source> = []
    if (owner.cue.source === "before") {
      const object = phrase(children, cueLast + 1, 1)
      const carrier = object.length > 0 ? classify(object.map(text)) : undefined
      if (carrier?.kind === "media-outlet" && children.indexOf(object[0]!) < tail + 3) {
        via.push({ start: spanOf(object[0]!).start, end: spanOf(object.at(-1)!).end, kind: "media-outlet", outlet: carrier.outlet! })
      }
    }
    const relation: Relation = {
      sentence: match.sentence,
      source,
      cue: { start: match.start, end: match.end, phrase: match.phrase },
      ...(content ? { content } : {}),
      via
    }
    // "Reuters reported, citing sources": the cited source speaks through Reuters.
    if (owner.cue.relay && siblings.length > 0) via.unshift(siblings.at(-1)!.source)
    siblings.push(relation)
    bySentence.set(match.sentence, siblings)
    relations.push(relation)
    // "Critics say", "sources said": a vague or unnamed agent is a weasel cue
    // for the sentence's certainty, whatever the verb.
    if (source.kind === "vague-collective" || source.kind === "anonymous") {
      ;(file.data.cues ??= []).push({ sentence: match.sentence, ...span, type: "weasel", voice: "reporter", ruleId: options.id })
    }
  }

  // "According to the report, Ryabkov stated": a person heard through an
  // outlet or document named in the same sentence.
  for (const siblings of bySentence.values()) {
    const carriers = siblings.filter((r) => r.source.kind === "media-outlet" || r.source.kind === "document")
    for (const relation of siblings) {
      if (carriers.includes(relation) || relation.via.length > 0) continue
      const carrier = carriers.find((c) => c.cue.start < relation.cue.start)
      if (carrier) relation.via.push(carrier.source)
    }
  }
}
