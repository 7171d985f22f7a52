/**
 * Cues: which tokens of a sentence are cues of attribution.
 *
 * Phrase cues come from the attribution rule file through the shared phrase
 * index (structural cues, found from a sentence's shape, are in
 * StructuralCues.ts). Noun uses ("the report", "his plans") are not cues, and
 * where two cues overlap the longest wins.
 */
import type { SentenceContent } from "nlcst"
import type { Cue } from "../Rules.ts"
import type { SourceKind } from "../Sources.ts"
import type { Match } from "./Match.ts"
import { auxiliaries, clauseWords, copulas, degreeWords, determiners, gerundPrepositions, ingAdjectives, namingParticiples, nounMarkers, numberWords, pluralVerbs, possessives, pronouns, quantifiers, verbalWords } from "./Grammar.ts"
import { infinitiveSpeaker } from "./NounPhrase.ts"
import { isCapitalised, isTitleCase, isWord, lower, skipSpace, text } from "./Tokens.ts"

/** An owner in the shared phrase index: one cue group. */
export interface CueOwner {
  readonly cue: Cue
  /** A further check a cue of this shape needs once its source is typed. */
  readonly accepts?: (children: ReadonlyArray<SentenceContent>, match: Match, kind: SourceKind, words: ReadonlyArray<string>) => boolean
}

/** Whether an index owner is a cue group. */
export const isCueOwner = (owner: unknown): owner is CueOwner => (owner as CueOwner | null)?.cue?.phrases !== undefined

/** The phrase-index entries for the cue groups. */
export const cueEntries = (cues: ReadonlyArray<Cue>) =>
  cues.flatMap((cue) => cue.phrases.map((phrase) => ({ phrase, owner: { cue } satisfies CueOwner })))

// Words whose "'s" is "is" or "has": "he's", "that's", "here's".
const contracted = new Set([...pronouns, "that", "this", "there", "here", "what", "who"])

/**
 * Whether a participle names a thing rather than reporting speech: "a group
 * called Black Votes Matter", "a company called Harmony Enterprises". The noun
 * before it opens with "a" or "an" and a name or a title follows; "one
 * lawmaker called Trump a …" and "the senator called on …" still speak.
 */
const names = (children: ReadonlyArray<SentenceContent>, match: Match) => {
  if (match.nodes.length !== 1 || !namingParticiples.has(lower(children[match.index]!))) return false
  const next = children[skipSpace(children, match.index + 1, 1)]
  if (next === undefined || !(isWord(next) ? isCapitalised(next) : /^["#]$/.test(text(next)))) return false
  let at = skipSpace(children, match.index - 1, -1)
  const noun = children[at]
  if (!isWord(noun) || isCapitalised(noun) || pronouns.has(lower(noun)) || verbalWords.has(lower(noun)) || clauseWords.has(lower(noun)) || /ly$/.test(text(noun))) return false
  // Back over the noun's modifiers to its article: "a civil rights advocacy group".
  for (let words = 0; words < 5 && isWord(children[at]); words++, at = skipSpace(children, at - 1, -1)) {
    const word = lower(children[at]!)
    if (word === "a" || word === "an") return true
    if (clauseWords.has(word) || verbalWords.has(word)) return false
  }
  return false
}

/**
 * Whether what opens at `at` goes on to what was said, so that the cue keeps
 * its sense of saying: a "that" soon after ("Reuters reported from Moscow
 * that"), or, after a determiner, an auxiliary that makes the object a
 * clause's subject ("maintained the election was stolen", "maintains its
 * troops are not there", against "maintained his double-digit lead").
 */
const clauseAfter = (children: ReadonlyArray<SentenceContent>, at: number) => {
  const first = lower(children[at]!)
  const determined = determiners.has(first) || possessives.includes(first)
  for (let i = skipSpace(children, at + 1, 1), words = 0; isWord(children[i]) && words < 5; i = skipSpace(children, i + 1, 1), words++) {
    const word = lower(children[i]!)
    // After an object, "that" opens its relative clause: "maintains a lead that is narrowing".
    if (/^(that|which|who)$/.test(word)) return !determined && word === "that" && words < 3
    if (determined && auxiliaries.has(word)) return true
  }
  return false
}

/** Why a match of a cue phrase is not a cue here. */
export const notACue = (children: ReadonlyArray<SentenceContent>, match: Match, cue: Cue) => {
  // "Sanders showed up", "Clinton maintains a lead", "his view of the stage":
  // a particle or an object the cue's rule lists gives the word another sense.
  const nextAt = skipSpace(children, match.index + match.nodes.length, 1)
  const next = children[nextAt]
  if (isWord(next) && cue.otherSenseBefore?.includes(lower(next)) && !clauseAfter(children, nextAt)) return true
  if (cue.source === "possessor") return false
  if (names(children, match)) return true
  const first = children[match.index]!
  const firstWord = children.findIndex(isWord)
  // "United States", "The Report": a capital mid-sentence makes it a name,
  // unless every longer word has one: "Lindsey Graham Says Trump Could Win".
  if (match.index !== firstWord && isCapitalised(first) && !isTitleCase(children)) return true
  const previousAt = skipSpace(children, match.index - 1, -1)
  const previous = children[previousAt]
  // "the report", "his plans", "Trump's claims": a noun, not a verb.
  // "He's claiming", "That's according to" follow a contraction, not a possessive.
  const contraction = isWord(previous) && contracted.has(lower(previous).replace(/['’]s$/, ""))
  // "The results were promising.", "a very promising start": some -ing forms
  // are adjectives after a word of degree, or after "be" with nothing after
  // them; "Trump was promising to build" and "he was joking" are verbs.
  if (ingAdjectives.has(match.phrase) && isWord(previous)) {
    if (degreeWords.has(lower(previous))) return true
    // Not a comma: "Trump was promising, as he often did, to build".
    const ends = next === undefined || (!isWord(next) && /^[.;:!?)]$/.test(text(next)))
    if (ends && (copulas.has(lower(previous)) || /^(seems?|seemed|looks?|looked)$/.test(lower(previous)))) return true
  }
  // "All told, the storm destroyed 300 homes": a sum, not a telling.
  if (isWord(previous) && previousAt === firstWord && lower(previous) === "all" && match.phrase === "told" && next !== undefined && text(next) === ",") return true
  // "by saying", "after saying": a gerund after a preposition is still a verb.
  if (isWord(previous) && gerundPrepositions.has(lower(previous)) && /ing$/.test(match.phrase)) return false
  // "some calls into the hotline", "many questions": after a quantifier an -s form is a plural noun.
  if (isWord(previous) && quantifiers.has(lower(previous)) && /s$/.test(match.phrase)) return true
  // "The Apprentice TV show": a noun compound, as the cue's rule lists them;
  // a past form or a participle is no noun ("the TV showed").
  if (isWord(previous) && cue.nounAfter?.includes(lower(previous)) && !/(ed|ing)$/.test(match.phrase)) return true
  // "Binding promises were made", "the reports are wrong": an -s form that
  // a plural verb follows is that verb's subject, a noun.
  if (/s$/.test(match.phrase) && isWord(next) && pluralVerbs.has(lower(next))) return true
  // "Two questions:", "three claims": after a number word above one an -s
  // form is a plural noun; "One says" is a verb agreeing with its subject.
  if (isWord(previous) && numberWords.includes(lower(previous)) && lower(previous) !== "one" && /s$/.test(match.phrase) && match.nodes.length === 1) return true
  // "by 20 points", "384 pledged delegates", "185,000 views": after a figure a
  // cue is a noun or its modifier; not after a year or the end of a share
  // ("in 2013 alleging", "six in 10 said").
  if (isWord(previous) && /^[\d,.]*\d$/.test(text(previous)) && !/^\d{4}$/.test(text(previous))) {
    const before = children[skipSpace(children, previousAt - 1, -1)]
    if (!(isWord(before) && /^(in|of)$/.test(lower(before)))) return true
  }
  // "the candidates' plans": a plural's possessive apostrophe stands alone,
  // right after its "s"; not a single quote's closing mark ("Iran 'is
  // complying with its obligations' says IAEA").
  if (previous !== undefined && previous.type === "PunctuationNode" && /^['’]$/.test(text(previous))) {
    const owner = children[previousAt - 1]
    const opened = children.some((node, i) => i < previousAt && /^['‘]$/.test(text(node)) && (i === 0 || children[i - 1]!.type === "WhiteSpaceNode"))
    if (isWord(owner) && /s$/.test(text(owner)) && !opened) return true
  }
  // "seemed to blame", "led Priebus to declare": an infinitive someone says.
  const infinitive = isWord(previous) && lower(previous) === "to" && infinitiveSpeaker(children, previousAt) !== undefined
  return isWord(previous) && !contraction && !infinitive && (nounMarkers.has(lower(previous)) || /['’]s$/.test(text(previous)))
}

/** Choose the longest cue at each place: "reported by" over "reported". */
export const longestFirst = <A extends { readonly match: Match }>(found: ReadonlyArray<A>) => {
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
