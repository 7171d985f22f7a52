/**
 * SourceSpan: the words that name the source of a cue.
 *
 * The source is the noun phrase on the cue's side, with fallbacks for the
 * shapes news prose takes: inverted (`"…," said Caddell`), appositive (`Ott
 * Pruitt, the attorney general, said`), participial (`…, saying`), behind a
 * relative pronoun (`the department, which reported`). The word sets below
 * are English grammar (closed classes), not house style, so they live in code.
 */
import type { SentenceContent } from "nlcst"
import type { Cue } from "../Rules.ts"
import type { Classifier } from "../Sources.ts"
import type { Match } from "./Match.ts"
import { spanOf } from "./Message.ts"
import { isBoundary, isCapitalised, isWord, lower, skipSpace, text } from "./Tokens.ts"

// Words that open a clause: a source never runs across one.
const clauseWords = new Set(["that", "which", "who", "whom", "whose", "and", "but", "because", "as", "when", "while", "if", "after", "before", "since", "although", "though", "so", "than", "where", "what", "how", "why", "whether", "even", "yet", "then"])
// Words between a source and its cue that belong to neither: "has long said".
export const verbalWords = new Set(["has", "have", "had", "was", "were", "is", "are", "be", "been", "also", "not", "never", "once", "later", "then", "again", "would", "will", "could", "can", "may", "might", "should", "did", "does", "do", "long", "repeatedly", "already", "still", "now", "often", "previously", "recently", "first", "publicly", "privately", "reportedly", "separately", "just", "isn't", "wasn't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "isn’t", "wasn’t", "didn’t", "doesn’t", "don’t", "hasn’t", "haven’t", "hadn’t", "won’t", "wouldn’t", "can’t", "couldn’t"])
// Words that make the cue a noun, not a verb of saying: "the report", "his plans".
export const nounMarkers = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "to", "of", "for", "in", "on", "with", "by"])
// Words that start an introductory phrase rather than a subject.
export const introWords = new Set(["as", "in", "on", "at", "during", "after", "before", "since", "addressing", "speaking", "asked", "when", "while", "for", "with", "despite", "following", "according", "however", "but", "and", "yet", "still", "meanwhile", "last", "earlier", "later"])
// Prepositions before a gerund cue ("by saying"): the speaker is the sentence's subject.
export const gerundPrepositions = new Set(["by", "for", "from", "after", "before", "in", "on", "with", "without", "while", "when", "since"])
// Times that may stand between a subject and its verb, and the words that lead into them.
const timeWords = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "earlier", "later"])
const timeLinks = new Set(["on", "in", "at", "this", "last", "next", "early", "late", "that", "every"])
// Conjunctions and sentence adverbs that may open a sentence before its subject.
const conjunctions = new Set(["but", "and", "yet", "so", "even", "however", "still", "meanwhile", "now", "also"])
// Cue forms that agree with a subject, so a "that" before them is a relative
// pronoun: "a video that accuses", "polls that showed"; not "that plan".
const inflected = /(s|ed|said|told|wrote|sought|thought|knew|made it clear|made clear|put it|laid out)$/i
// Quantifiers and adverbs that float between a subject and its verb: "Merkley,
// Brown and Menendez all suggested", "have since denounced".
const floating = new Set(["all", "both", "each", "even", "since", "together", "too", "further", "themselves", "himself", "herself", "itself"])
// Determiners and quantifiers that open a noun phrase.
export const determiners = new Set(["the", "a", "an", "this", "that", "these", "those", "another", "several", "some", "many", "other"])
// Subject pronouns that can stand for a speaker.
export const pronouns = new Set(["he", "she", "they", "it", "we", "i"])
const modals = new Set(["would", "could", "might", "may", "should"])
const auxiliaries = new Set(["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "can", "did", "does", "do", ...modals])
const passiveOrModal = new Set(["is", "are", "was", "were", "be", "been", "being", ...modals])
// Endings of words that describe rather than name: "diplomatic", "binding".
const adjectival = /(ing|ed|ic|al|ive|ous|ful|less|able|ible|ary)$/
const maxSourceWords = 10
// Prepositions that open the tail of a long source: "the Roper Center for …".
const tailPrepositions = new Set(["of", "for", "at", "in", "from", "by", "on", "with", "to", "about", "under"])

/** Collect a noun phrase walking from `from` in direction `step`, up to a boundary. */
export const phrase = (children: ReadonlyArray<SentenceContent>, from: number, step: 1 | -1, coordinated = false): Array<SentenceContent> => {
  const words: Array<SentenceContent> = []
  for (let i = from; i >= 0 && i < children.length; i += step) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    const joinsNames = lower(node) === "and" && words.length > 0 && (coordinated || isCapitalised(words.at(-1)!)) &&
      isWord(children[skipSpace(children, i + step, step)]) && (coordinated || isCapitalised(children[skipSpace(children, i + step, step)]!))
    if (isBoundary(node) || (isWord(node) && clauseWords.has(lower(node)) && !joinsNames)) break
    // No noun phrase runs across an auxiliary: "The decision is politically risky for Cruz, who".
    if (step === -1 && isWord(node) && auxiliaries.has(lower(node))) break
    words.push(node)
    // A pronoun next to its cue is the whole source: "though she acknowledged".
    if (step === -1 && words.length === 1 && pronouns.has(lower(node).replace(/['’]s$/, ""))) break
    if (words.length > maxSourceWords) {
      // Too long to be one name: walking back, a noun phrase starts at its
      // determiner ("… with the editorial board of the Washington Post Trump
      // said"); with none in reach there is no source.
      const start = step === -1 ? words.findIndex((w) => determiners.has(lower(w))) : -1
      return start > 0 ? words.slice(0, start + 1).reverse() : []
    }
  }
  return step === -1 ? words.reverse() : words
}

/**
 * The noun phrase a cue such as "according to" introduces. A long one is cut
 * before its first prepositional tail, or else after `maxSourceWords` words.
 */
const introduced = (children: ReadonlyArray<SentenceContent>, from: number): Array<SentenceContent> => {
  const words: Array<SentenceContent> = []
  for (let i = from; i < children.length && words.length < 3 * maxSourceWords; i++) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (isBoundary(node) && text(node) !== "\"" && text(node) !== "'") break
    if (isWord(node) && clauseWords.has(lower(node))) break
    words.push(node)
  }
  if (words.every((w) => !isWord(w) || determiners.has(lower(w)))) return []
  if (words.length <= maxSourceWords) return words
  const tail = words.findIndex((w, i) => i > 1 && tailPrepositions.has(lower(w)))
  return words.slice(0, tail > 0 && tail <= maxSourceWords ? tail : maxSourceWords)
}

/** The agent of a passive cue: the phrase after a "by" within a few words. */
const agent = (children: ReadonlyArray<SentenceContent>, from: number): Array<SentenceContent> => {
  let words = 0
  for (let i = from; i < children.length && words <= 3; i++) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (!isWord(node)) return []
    if (lower(node) === "by") return phrase(children, i + 1, 1)
    words++
  }
  return []
}

/** The subject at the start of a run of words: "Trump" in "Trump attacked Clinton". */
const leadingPhrase = (words: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"]): Array<SentenceContent> => {
  const np: Array<SentenceContent> = []
  for (const [i, word] of words.entries()) {
    const w = lower(word)
    if (np.length === 0) {
      if (clauseWords.has(w)) return []
      if (isCapitalised(word) || determiners.has(w) || pronouns.has(w) || isHead(w) || /^(one|two|three|four|five|\d+)$/.test(w)) np.push(word)
      else return []
    // An auxiliary ends the subject: "McKinley is bearish" (the lexicon,
    // stripping a plural "s", would take "is" for the pronoun "I").
    } else if ((clauseWords.has(w) || auxiliaries.has(w)) && !isCapitalised(word)) break
    else if (isCapitalised(word) && !pronouns.has(w)) np.push(word)
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
  // Chunks between commas, outside quotes: a quote is what was said, not who said it.
  const chunks: Array<Array<SentenceContent>> = [[]]
  let quoted = false
  for (let i = 0; i < before; i++) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (text(node) === "\"") {
      quoted = !quoted
      if (chunks.at(-1)!.length > 0) chunks.push([])
      continue
    }
    if (quoted) continue
    if (isBoundary(node)) {
      if (text(node) === "," && chunks.at(-1)!.length > 0) chunks.push([])
      continue
    }
    chunks.at(-1)!.push(node)
  }
  // For a participle with no chunk that holds a verb, the subject set off by
  // commas: "Tracy Martin, Trayvon's father, issued a statement, saying".
  let appositive: Array<SentenceContent> = []
  for (const chunk of chunks) {
    // "But Megan Hester", "Even China": a leading conjunction is not part of the subject.
    const words = chunk.length > 0 && conjunctions.has(lower(chunk[0]!)) ? chunk.slice(1) : chunk
    if (words.length === 0 || introWords.has(lower(words[0]!))) continue
    const np = leadingPhrase(words, isHead)
    if (np.length > 0 && participle && np.length === words.length) {
      if (appositive.length === 0) appositive = np
      continue
    }
    if (np.length === 0) continue
    return np
  }
  return appositive
}

/**
 * The subject of the main clause after a participle that opens the sentence:
 * "Trump" in `Bemoaning the "phony system," Trump accused Holt`. It follows a
 * comma; one inside a quote is tried too, since American style puts the
 * comma there.
 */
const mainSubject = (children: ReadonlyArray<SentenceContent>, last: number, isHead: Classifier["isHead"]): Array<SentenceContent> => {
  for (let j = last + 1; j < children.length; j++) {
    if (text(children[j]!) !== ",") continue
    let from = skipSpace(children, j + 1, 1)
    if (children[from] && text(children[from]!) === "\"") from = skipSpace(children, from + 1, 1)
    const np = leadingPhrase(phrase(children, from, 1), isHead)
    if (np.length > 0) return np
  }
  return []
}

/**
 * Where a part of a group is named, the index of its "of": "Nearly eight of
 * 10 voters", "most of the experts". The group's head types the source; -1
 * when there is none.
 */
export const partitive = (words: ReadonlyArray<SentenceContent>): number =>
  words.findIndex((w, i) => i > 0 && i < words.length - 1 && lower(w) === "of" &&
    /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|some|many|most|all|none|few|several|each|both|half|third|thirds|quarter)$/.test(lower(words[i - 1]!)))

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
  // "The", "Another", "Additional": a determiner or modifier alone names no one.
  // "Some believe", "many say" stand for people: vague, but a source.
  const standsAlone = words.length === 1 && /^(some|many)$/.test(lower(words[0]!))
  if (!standsAlone && words.every((w) => determiners.has(lower(w)) || /^(another|additional|each|every|any|such|no|more|most)$/.test(lower(w)))) return []
  const typed = classifier.classify(words.map(text))
  const of = partitive(words)
  if (typed.guessed && of > 0) return plausibility(children, classifier)(words.slice(of + 1)).length > 0 ? words : []
  // "Environmentalists", "historians": a head formed as a noun of a person
  // is someone, though no lexicon lists it.
  if (typed.guessed && /\p{Ll}{3}(ist|ian)s?$/u.test(text(words.at(-1)!))) return words
  if (typed.guessed) {
    // "A Quinnipiac University poll released in late August found", "a union
    // representing flight attendants endorsed": a participle and what follows
    // it modify the source.
    const participle = words.findIndex((w, i) => i > 0 && !isCapitalised(w) && (/^(released|published|conducted|taken|issued|out)$/.test(lower(w)) || /ing$/.test(lower(w))))
    return participle > 0 ? plausibility(children, classifier)(words.slice(0, participle)) : []
  }
  // A capital at the start of a sentence is no sign of a name: "Binding Promises".
  const first = words[0]!
  const soleCapital = first === children.find(isWord) && adjectival.test(lower(first)) && words.slice(1).every((w) => !isCapitalised(w))
  return soleCapital && (typed.kind === "named-person" || typed.kind === "named-organisation") ? [] : words
}

/** The source words for a cue, trying the shapes news prose takes. */
export const sourceFor = (
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
    // "citing sources familiar with …" names a source; "citing strategic
    // mistakes" does not; nor does every dash after a quote (a shape, no phrase).
    if (cue.phrases.length === 0) return plausible(phrase(children, last + 1, 1))
    if (cue.relay) {
      // "…, citing a threat to public health": what is cited is no source, so
      // the participle's subject is the one speaking, as with "…, saying".
      const cited = plausible(phrase(children, last + 1, 1))
      if (cited.length > 0) return cited
      return plausible(match.index === children.findIndex(isWord) ? mainSubject(children, last, isHead) : subject(children, match.index, isHead, true))
    }
    // "According to", "reported by" introduce nothing but a source, whatever
    // its head: "according to early returns", "according to the Roper Center
    // for Public Opinion Research at Cornell University".
    return introduced(children, last + 1)
  }

  // "Bemoaning the …, Trump accused": a participle that opens the sentence
  // belongs to the main clause's subject.
  if (/ing$/.test(match.phrase) && match.index === children.findIndex(isWord)) return plausible(mainSubject(children, last, isHead))
  // "a draft plan supported by the United States": a participle before "by"
  // is a passive, and its agent the source.
  const by = children[skipSpace(children, last + 1, 1)]
  if (/ed$/.test(match.phrase) && isWord(by) && lower(by) === "by") return plausible(agent(children, last + 1))
  let i = skipSpace(children, match.index - 1, -1)
  if (isWord(children[i]) && gerundPrepositions.has(lower(children[i]!)) && /ing$/.test(match.phrase)) {
    return plausible(subject(children, i, isHead, true))
  }
  // Skip what stands between a subject and its verb: auxiliaries, adverbs and
  // times ("has long said", "just this month announced", "on Monday said").
  let afterTime = false
  while (isWord(children[i])) {
    const word = lower(children[i]!)
    const time: boolean = timeWords.has(word) || /^\d{4}$/.test(word) || (afterTime && timeLinks.has(word))
    if (!time && !verbalWords.has(word) && !floating.has(word) && !/^[a-z]+ly$/.test(text(children[i]!))) break
    // "are expected to", "was told": in the passive the subject is not the
    // source. "would view": a modal makes it the reporter's speculation.
    // "is demanding" is progressive, not passive: only participles make a passive.
    if (passiveOrModal.has(word) && !(/ing$/.test(match.phrase) && !modals.has(word))) {
      // "has been endorsed by dozens of papers": the agent of a passive is the source.
      return modals.has(word) ? [] : plausible(agent(children, last + 1))
    }
    afterTime = time
    i = skipSpace(children, i - 1, -1)
  }
  // A second verb of the same subject: "Obama changed course and decided",
  // "Eggleston expressed concern and said".
  if (isWord(children[i]) && /^(and|but|yet)$/.test(lower(children[i]!))) return plausible(subject(children, i, isHead, true))
  // Skip a parenthesis between source and cue: "Mike Pence (R-IN) said".
  if (children[i] && text(children[i]!) === ")") {
    while (i >= 0 && text(children[i]!) !== "(") i--
    i = skipSpace(children, i - 1, -1)
  }
  // "the Chicago Police Department, which reported", "a Web video that
  // accuses": the source stands before the relative pronoun.
  const relative = isWord(children[i]) && (/^(who|which)$/.test(lower(children[i]!)) || (lower(children[i]!) === "that" && inflected.test(match.phrase)))
  if (relative) {
    const pronoun = children[i]!
    i = skipSpace(children, i - 1, -1)
    if (children[i] && text(children[i]!) === ",") i = skipSpace(children, i - 1, -1)
    // The antecedent starts at its determiner ("Paul released a video that"),
    // or after its last preposition ("politically risky for Cruz, who").
    const words = phrase(children, i, -1)
    const start = words.findLastIndex((w) => determiners.has(lower(w)))
    const preposition = words.findLastIndex((w, at) => at < words.length - 1 && tailPrepositions.has(lower(w)))
    const antecedent = start > 0 ? words.slice(start) : words
    const found = plausible(antecedent)
    const named = found.length > 0 || preposition < 0 ? found : plausible(words.slice(preposition + 1))
    // "an architect who said": "who" stands for a person even where the
    // lexicon knows no head for its antecedent, so it is the source itself.
    if (named.length === 0 && lower(pronoun) === "who") return [pronoun]
    if (isWord(children[i])) return named
  }
  if (isWord(children[i])) {
    const found = plausible(phrase(children, i, -1))
    // "Experts on North Korea and nuclear nonproliferation said", "RT and
    // its defenders say": when the words after an "and" name no one, the
    // source is the whole coordination, typed by its first head.
    return found.length > 0 ? found : plausible(phrase(children, i, -1, true))
  }
  // Inverted, after a quote or at the start: `"…," said Caddell`; after a
  // clause only when the source ends the sentence or a clause: `…, noted
  // NBC's Dante Chinni.`; not `Ott Pruitt, the attorney general, said the rule …`.
  let back = skipSpace(children, match.index - 1, -1)
  const comma = children[back] !== undefined && text(children[back]!) === ","
  if (comma) back = skipSpace(children, back - 1, -1)
  const afterQuote = back < 0 || text(children[back]!) === "\""
  const next = children[skipSpace(children, last + 1, 1)]
  // After a quote any words can follow: `"…," said one Democratic source`.
  if ((afterQuote || comma) && isWord(next) && (afterQuote || isCapitalised(next) || determiners.has(lower(next)) || pronouns.has(lower(next)) || isHead(lower(next)))) {
    const words = plausible(leadingPhrase(phrase(children, last + 1, 1), isHead))
    const after = words.length > 0 ? children[skipSpace(children, children.indexOf(words.at(-1)!) + 1, 1)] : undefined
    if (words.length > 0 && (afterQuote || after === undefined || /^[.!?,]$/.test(text(after)))) return words
  }
  // Appositive or participle: the subject of the main clause.
  // "Deans, the party's chairwoman, is supporting": progressive, not a participle.
  const progressive = skipSpace(children, match.index - 1, -1) !== i
  return plausible(subject(children, match.index, isHead, /ing$/.test(match.phrase) && !progressive))
}

/** The trimmed span of children `[from, to]`, skipping space and punctuation at the ends. */
export const trimmed = (children: ReadonlyArray<SentenceContent>, from: number, to: number) => {
  let first = from
  let last = to
  while (first <= last && (children[first]!.type === "WhiteSpaceNode" || (isBoundary(children[first]!) && text(children[first]!) !== "\""))) first++
  while (last >= first && (children[last]!.type === "WhiteSpaceNode" || (isBoundary(children[last]!) && text(children[last]!) !== "\""))) last--
  if (first > last) return undefined
  return { start: spanOf(children[first]!).start, end: spanOf(children[last]!).end }
}
