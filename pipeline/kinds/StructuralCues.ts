/**
 * StructuralCues: cues of attribution that no phrase list names, found from
 * a sentence's shape: a that-clause after a speaker, a colon after one, a
 * dash after a closing quote, a survey opening a sentence.
 */
import type { Root, Sentence, SentenceContent } from "nlcst"
import type { SourceKind } from "../Sources.ts"
import type { CueOwner } from "./Cues.ts"
import type { Match } from "./Match.ts"
import { spanOf } from "./Message.ts"
import { clauseWords, copulas, demonym, determiners, nameParticles, numberWords, possessives, pronouns, verbalWords } from "./Grammar.ts"
import { inCapitals, isCapitalised, isWord, lower, sentences, skipSpace, text } from "./Tokens.ts"

/** Cue shapes that no phrase list names, found from the sentence's structure. */
export type Structure = "that-clause" | "colon" | "quote-dash" | "survey-opening"

const before: CueOwner = { cue: { phrases: [], source: "before" } }
const after: CueOwner = { cue: { phrases: [], source: "after" } }
// The opening "In" introduces nothing but its survey, as "according to" does.
const survey: CueOwner = { cue: { phrases: ["in"], source: "after" } }

/**
 * Whether a colon follows a speaker's name in capitals that opens a quoted
 * transcript turn: `"PENCE: Well, look, …`. The quote mark opens the turn, so
 * the name is the transcript's, not part of the quoted words.
 */
export const isTurnLabel = (children: ReadonlyArray<SentenceContent>, match: Match) => {
  if (match.phrase !== ":") return false
  const name = skipSpace(children, match.index - 1, -1)
  return isWord(children[name]) && inCapitals(text(children[name]!)) &&
    skipSpace(children, name - 1, -1) === 0 && text(children[0]!) === "\""
}

/**
 * Whether the `count` words before a colon at `colon` complete a "be": in
 * "The only one to do it was, coincidentally, another Virginian: Harry Byrd"
 * the colon says who that is; nobody speaks.
 */
const complementOfBe = (children: ReadonlyArray<SentenceContent>, colon: number, count: number) => {
  let i = colon
  for (let words = 0; words < count && i >= 0; ) if (isWord(children[--i])) words++
  for (i = skipSpace(children, i - 1, -1); i >= 0 && (text(children[i]!) === "," || /^[a-z]+ly$/.test(text(children[i]!))); i = skipSpace(children, i - 1, -1));
  return isWord(children[i]) && copulas.has(lower(children[i]!))
}

/**
 * Where "be" and how someone spoke start before a colon that a quote
 * follows: "was blunt", "were more direct" in `The minister was blunt: "…"`;
 * undefined for any other colon. One or two lowercase words after the "be",
 * none of them a noun's determiner: "The reason was simple" has its source
 * rejected by the source check, which knows no head "reason".
 */
const mannerBefore = (children: ReadonlyArray<SentenceContent>, colon: number): number | undefined => {
  const next = children[skipSpace(children, colon + 1, 1)]
  if (next === undefined || text(next) !== "\"") return undefined
  let at = skipSpace(children, colon - 1, -1)
  for (let words = 0; words < 2 && isWord(children[at]) && /^\p{Ll}+$/u.test(text(children[at]!)) && !copulas.has(lower(children[at]!)) && !determiners.has(lower(children[at]!)); words++) {
    at = skipSpace(children, at - 1, -1)
  }
  return at < skipSpace(children, colon - 1, -1) && isWord(children[at]) && copulas.has(lower(children[at]!)) ? at : undefined
}

const opensSpeaker = new Set([...determiners, ...possessives, ...numberWords, ...nameParticles])

/**
 * A colon introduces speech only after a speaker ("WALLACE:", "The senator
 * said:") or before a quote; "The Latest:" and the editors' `labels`
 * ("Correction:") are not speakers.
 */
const speaksBeforeColon = (labels: ReadonlySet<string>) => (children: ReadonlyArray<SentenceContent>, match: Match, kind: SourceKind, words: ReadonlyArray<string>) => {
  // The editors' own labels are no speakers, in any case: "Correction: An
  // earlier version …", "UPDATE: 5/12 — The website …", `"VIDEO: Hillary …`.
  if (words.length === 1 && labels.has(words[0]!.toLowerCase())) return false
  // "…, interrupted the candidate:", "what her husband did:": words that open
  // with a verb or an adjective end a clause, and the colon goes on with it.
  // A determiner, a count or a name's particle opens a speaker: "his
  // spokesman:", "one official:", "de Blasio:".
  if (/^\p{Ll}/u.test(words[0]!) && !opensSpeaker.has(words[0]!)) return false
  // "what her husband did:": a verb's auxiliary ends its clause right before
  // the colon; "Rep. Billy Long:", "WILL:" are names.
  const last = children[skipSpace(children, match.index - 1, -1)]
  if (isWord(last) && verbalWords.has(text(last))) return false
  const next = children[skipSpace(children, match.index + 1, 1)]
  if ((next && text(next) === "\"") || isTurnLabel(children, match)) return true
  if (words.length > 4) return false
  if (kind === "described-official") return !complementOfBe(children, match.index, words.length)
  // "She:" opens a turn; "Imagine that she:" introduces a list.
  if (kind === "pronoun") return words[0]!.toLowerCase() !== "it" && skipSpace(children, 0, 1) === match.index - 1
  // A name, not a title-case label: "WALLACE", "Pat Caddell"; not "The Latest",
  // "Correction" or "Little Relief for Refugees".
  const functionWord = words.some((w) => determiners.has(w.toLowerCase()) || /^(of|for|on|in|over|to|and|with|at|by)$/i.test(w))
  const name = words.length >= 2 || /^\p{Lu}{2,}$/u.test(words[0]!)
  // "Sanders: Clinton needs to …", "Poll: Trump leads", "NY Post: Megyn
  // Kelly …": a headline's speaker, one name or an outlet, opens the
  // sentence, and what follows the colon runs on as a clause.
  const headline = skipSpace(children, 0, 1) === children.findIndex(isWord) &&
    children.slice(0, match.index).filter(isWord).length === words.length &&
    children.slice(match.index).filter(isWord).length >= 4 &&
    (kind === "media-outlet" || (words.length === 1 && (kind === "named-person" || kind === "document")))
  return (kind === "named-person" && name && !functionWord) || headline
}

/**
 * Whether a phrase cue shortly before a colon already introduces what follows
 * it: `Schilling told WEEI: "…"`, `telling CNBC: "…"`. The colon is that
 * cue's punctuation, not a second relation.
 */
export const introducesColon = (phrase: Match, colon: Match) => {
  if (colon.phrase !== ":" || phrase.sentence !== colon.sentence || phrase.index >= colon.index) return false
  const children = colon.sentence.children
  let words = 0
  for (let i = phrase.index + phrase.nodes.length; i < colon.index; i++) {
    const node = children[i]!
    if (node.type === "WordNode") {
      if (++words > 3) return false
    } else if (node.type !== "WhiteSpaceNode") return false
  }
  return true
}

const dashes = new Set(["-", "--", "\u2013", "\u2014", "\u2015"])
// Asked of every word of every sentence: a length check and a
// case-insensitive test, not a lower-cased copy of each word.
const that = /^that$/i
const isThat = (word: string) => word.length === 4 && that.test(word)

/**
 * Whether a sentence that opens with a dash is a sign-off, nothing but the
 * speaker of the quote before it: `― Adriana Rodarte.`, `― Jo Lee, Ohio.`;
 * not `- Democrats in Iowa who watched the debate said …`.
 */
const signOff = (children: ReadonlyArray<SentenceContent>, dash: number) => {
  let words = 0
  for (let i = dash + 1; i < children.length; i++) {
    const node = children[i]!
    if (isWord(node)) words++
    else if (text(node) === ",") break
  }
  return words > 0 && words <= 5
}

/**
 * The "In" of a sentence that opens with a survey: "In an early-October CBS
 * News poll, she led …", "In exit polls, voters …"; -1 if it does not. The
 * survey's head (`surveys`) ends the phrase, or a participle's tail follows it
 * ("released Monday"), before the comma; "In a memo released as polls closed,"
 * has a clause in between, and its memo is no survey.
 */
const surveyIn = (children: ReadonlyArray<SentenceContent>, surveys: ReadonlySet<string>) => {
  const first = skipSpace(children, 0, 1)
  if (!isWord(children[first]) || lower(children[first]!) !== "in") return -1
  let head = false
  for (let i = first + 1, words = 0; i < children.length && words < 12; i++) {
    const node = children[i]!
    if (isWord(node)) {
      const word = lower(node)
      if (clauseWords.has(word) || (!head && word === "of")) return -1
      if (surveys.has(word)) head = true
      words++
    } else if (text(node) === ",") return head ? first : -1
  }
  return -1
}

/**
 * Cues found by shape:
 * - that-clause: a verb form (-ed, -s) followed by "that": "Clinton has decided that …";
 * - colon: a colon introducing speech: `Trump said:`, `The statement: "…"`;
 * - survey-opening: "In" opening a sentence before a survey and a comma: "In a
 *   Des Moines Register poll last month, Mr. Cruz had …"; the survey speaks.
 * - quote-dash: a dash after a closing quote, before the speaker: `"…" — Sonya Herridge`,
 *   also when the quote ended the sentence before: `"… shame." ― Sonya Herridge`.
 * The source check that follows still has to find a name or a known head;
 * `labels` are the editors' words before a colon (lower case), never a speaker.
 */
export const structuralCues = (
  tree: Root,
  shapes: ReadonlySet<Structure>,
  isHead: (word: string) => boolean,
  labels: ReadonlySet<string>,
  surveys: ReadonlySet<string>
): Array<{ match: Match; owner: CueOwner }> => {
  // Colon cues need a speaker before them or a quote after them.
  const colon: CueOwner = { cue: { phrases: [], source: "before" }, accepts: speaksBeforeColon(labels) }
  // "Voters that", "the practices that": an -s form before a relative "that"
  // is a plural noun unless a name or a pronoun is its subject ("Trump states
  // that", "it suspects that"), and a source or document word is a noun anyway.
  // A country's adjective is no subject: "key European powers that mirror".
  const pluralNoun = (children: ReadonlyArray<SentenceContent>, at: number) => {
    const word = lower(children[at]!)
    if (/ed$/.test(word)) return false
    const before = children[skipSpace(children, at - 1, -1)]
    const subject = isWord(before) && ((isCapitalised(before) && !demonym.test(text(before))) || pronouns.has(lower(before)))
    return isHead(word) || !subject
  }
  const found: Array<{ match: Match; owner: CueOwner }> = []
  const cue = (sentence: Sentence, index: number, owner: CueOwner) => {
    const node = sentence.children[index]!
    found.push({ match: { phrase: text(node), owners: [owner], sentence, index, nodes: [node], ...spanOf(node) }, owner })
  }
  const thatClause = shapes.has("that-clause")
  const colons = shapes.has("colon")
  const quoteDash = shapes.has("quote-dash")
  const surveyOpening = shapes.has("survey-opening")
  // The quote a dash follows may end the sentence before: `"… president." ― Name`.
  let closedByQuote = false
  for (const sentence of sentences(tree)) {
    const children = sentence.children
    const endsInQuote = closedByQuote
    const lastNode = children[skipSpace(children, children.length - 1, -1)]
    closedByQuote = lastNode !== undefined && text(lastNode) === "\""
    if (surveyOpening) {
      const opening = surveyIn(children, surveys)
      if (opening !== -1) cue(sentence, opening, survey)
    }
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!
      // Only "that", a colon or a dash can be a structural cue: test the node before looking back.
      if (thatClause && isWord(node) && isThat(text(node))) {
        const previous = skipSpace(children, index - 1, -1)
        const verb = children[previous]
        if (isWord(verb) && /^[a-z]+(ed|es|s)$/.test(text(verb)) && !verbalWords.has(lower(verb)) && !pluralNoun(children, previous)) cue(sentence, previous, before)
      } else if (colons && node.type === "PunctuationNode" && text(node) === ":") {
        const previous = skipSpace(children, index - 1, -1)
        // Not a clock or a ratio: "2:45", "3:1".
        if (isWord(children[previous]) && !/\d$/.test(text(children[previous]!))) cue(sentence, index, colon)
        // `The minister was blunt: "We will not pay."`: how someone spoke,
        // before a quote, says who speaks it; the subject is the source.
        const manner = mannerBefore(children, index)
        if (manner !== undefined) {
          const nodes = children.slice(manner, previous + 1)
          found.push({
            match: { phrase: nodes.map(text).join(""), owners: [before], sentence, index: manner, nodes, start: spanOf(nodes[0]!).start, end: spanOf(nodes.at(-1)!).end },
            owner: before
          })
        }
      } else if (quoteDash && node.type === "PunctuationNode" && dashes.has(text(node))) {
        const previous = skipSpace(children, index - 1, -1)
        if (previous < 0 ? endsInQuote && signOff(children, index) : text(children[previous]!) === "\"") cue(sentence, index, after)
      }
    }
  }
  return found
}
