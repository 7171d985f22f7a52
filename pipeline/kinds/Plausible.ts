/**
 * Plausible: whether words found beside a cue can be its source. The head
 * (the last word before any prepositional tail) must be a name, a pronoun or
 * a word the lexicon knows; a share of a group ("eight of 10 voters") is
 * judged by the group.
 */
import type { SentenceContent } from "nlcst"
import type { Classifier } from "../Sources.ts"
import { adjectival, determiners, fractions, irregularParticiples, numberWords, possessives, pronouns, quantityNouns, tailPrepositions, timeLinks, timeWords, verbalWords } from "./Grammar.ts"
import type { Match } from "./Match.ts"
import { isCapitalised, isWord, lower, skipSpace, text } from "./Tokens.ts"

// What names a part of a group before its "of".
// "85% of Democrats", "the share of Republicans saying", "a handful of senators" name a part too.
const parts = new RegExp(`^(?:\\d+|${numberWords.join("|")}|some|many|most|all|none|few|several|each|both|half|thirds?|quarters?|${fractions}|%|percent|${quantityNouns.join("|")})$`)

/**
 * Where a part of a group is named, the index of its "of": "Nearly eight of
 * 10 voters", "most of the experts", "at least four of them". The group's
 * head types the source; -1 when there is none. A part inside another
 * phrase's tail is not what the words name: "a reference to thousands of
 * emails", "attack by dozens of women".
 */
export const partitive = (words: ReadonlyArray<SentenceContent>): number =>
  words.findIndex((w, i) =>
    i > 0 && i < words.length - 1 && lower(w) === "of" && parts.test(lower(words[i - 1]!)) &&
    !words.slice(0, i - 1).some((v, k) => tailPrepositions.has(lower(v)) && !(/^(at|about)$/.test(lower(v)) && k === 0))
  )

// The words of a share of a group: "42%", "about one in five",
// "three-quarters", "most"; one of them must make it a share (`shares`), since a bare
// number ("20 points", "one that believes") counts things as often as people.
const shareMarks = `%|percent|in|out|half|thirds?|quarters?|${fractions}|several|few|most`
const shares = new RegExp(`^(?:${shareMarks})$`)
const shareWords = new RegExp(`^(?:${shareMarks}|\\d+(?:[.,]\\d+)?|of|about|nearly|almost|roughly|just|over|under|some|fewer|${numberWords.join("|")})$`)

/**
 * Whether words are a share of a group standing for the group: "42% say",
 * "Nearly three in five said", "Several said". No head names the people, but
 * before a cue they are the ones who spoke.
 */
export const isShare = (words: ReadonlyArray<SentenceContent>) =>
  words.every((w) => shareWords.test(lower(w))) && words.some((w) => shares.test(lower(w)))

// Participles of putting a paper out, which modify whatever they follow: "a
// Quinnipiac University poll released in late August", "a poll out today".
const publishing = /^(released|published|conducted|taken|issued|out)$/
/**
 * Whether a cue goes on to an object of its own: "Trump's Twitter account
 * posted a video", against "a report issued this month" and "A statement
 * posted on the website said", where the cue is the paper's participle.
 */
export const hasObject = (children: ReadonlyArray<SentenceContent>, match: Match) => {
  const next = children[skipSpace(children, match.index + match.nodes.length, 1)]
  // A time is no object: "a report issued this month", "A statement posted Monday".
  if (!isWord(next) || timeLinks.has(lower(next)) || timeWords.has(lower(next))) return false
  return determiners.has(lower(next)) || possessives.includes(lower(next)) || isCapitalised(next) || /^\d/.test(text(next))
}

/**
 * Where a noun phrase's post-modifier starts: a participle, as in "a poll
 * released in late August", "people briefed on the move", "a union
 * representing flight attendants". The source is the whole phrase; the words
 * before the participle name and type it. -1 when there is none.
 */
export const postModifier = (words: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"]): number =>
  words.findIndex((w, i) => {
    const before = words[i - 1]
    if (before === undefined || isCapitalised(w)) return false
    const word = lower(w)
    if (/[a-z]{2}ing$/.test(word) || publishing.test(word)) return true
    // Other past forms only after a common noun for people or papers: after a
    // name or a pronoun the same word is more often its own verb ("Clinton
    // traveled the globe").
    if (isCapitalised(before) || pronouns.has(lower(before)) || !isHead(lower(before))) return false
    if (!(/[a-z]{2}ed$/.test(word) && !verbalWords.has(word)) && !irregularParticiples.has(word)) return false
    // A past form with an object is the head's own verb ("The president
    // revisited his own promise"); a participle goes on to a preposition or a
    // time ("briefed on", "leaked last week"), or ends the phrase.
    const next = words[i + 1]
    // Not "to": "declined to" is the head's verb before an infinitive.
    return next === undefined || (tailPrepositions.has(lower(next)) && lower(next) !== "to") || timeLinks.has(lower(next)) || timeWords.has(lower(next))
  })

// Prepositions that open a phrase but never end a source's head.
const leadingPrepositions = new Set(["including", "like", "unlike", "featuring", "despite"])
// What was said, standing before who said it: "something Republicans say".
const thingsSaid = new Set(["something", "everything", "anything", "nothing"])

/**
 * Whether words are only determiners or modifiers: "The", "Another",
 * "Additional" name no one, and "Both", "Either" point back to people named
 * before, whom a pronoun's resolution does not follow. "Some believe", "many
 * say" stand for people: vague, but a source; so does a share ("Several").
 */
export const namesNoOne = (words: ReadonlyArray<SentenceContent>) =>
  !isShare(words) && !(words.length === 1 && /^(some|many)$/.test(lower(words[0]!))) &&
  words.every((w) => determiners.has(lower(w)) || /^(another|additional|each|every|any|such|no|more|most|both|either|neither)$/.test(lower(w)))

/**
 * Whether words can be a source. Its head (the last word before any
 * prepositional tail) is a name, a pronoun or a word the lexicon knows
 * ("officials", "embassy"). "Binding promises" and "the concurrent
 * developments from Moscow" are no sources; editors teach it new heads in the
 * attribution rule file.
 */
export const plausibility = (children: ReadonlyArray<SentenceContent>, classifier: Classifier) =>
(words: Array<SentenceContent>): Array<SentenceContent> => {
  if (words.length === 0) return []
  if (isShare(words)) return words
  // "with Russia backing", "from George H.W. Bush calling", "In a statement
  // issued", "including Cruz": a preposition opens the phrase the source
  // stands in, and is not part of it. Not "about" or "at least", which
  // qualify a number ("about half of voters", "at least four senators"), nor
  // "to", more often a verb's ("how to attack Sanders"). "Something
  // Republicans say", "not everything Trump says": the thing said stands
  // before its speaker, with no "that".
  const said = words.findIndex((w, i) => i <= 1 && thingsSaid.has(lower(w)))
  if (said >= 0) return plausibility(children, classifier)(words.slice(said + 1))
  const [opening, after] = words.map(lower)
  const preposition = (tailPrepositions.has(opening!) && !/^(about|to)$/.test(opening!) && !(opening === "at" && /^(least|most)$/.test(after ?? ""))) ||
    leadingPrepositions.has(opening!) || (opening === "about" && words[1] !== undefined && isCapitalised(words[1]) && !isShare(words.slice(1, 2)) && !numberWords.includes(after!))
  if (preposition) return plausibility(children, classifier)(words.slice(1))
  if (namesNoOne(words)) return []
  const typed = classifier.classify(words.map(text))
  const of = partitive(words)
  if (typed.guessed && of > 0) return plausibility(children, classifier)(words.slice(of + 1)).length > 0 ? words : []
  // "Environmentalists", "historians": a head formed as a noun of a person
  // is someone, though no lexicon lists it.
  if (typed.guessed && /\p{Ll}{3}(ist|ian)s?$/u.test(text(words.at(-1)!))) return words
  if (typed.guessed) {
    const modifier = postModifier(words, classifier.isHead)
    if (modifier <= 0 || plausibility(children, classifier)(words.slice(0, modifier)).length === 0) return []
    // A participle that ends the phrase adds nothing to it: "A report released [Tuesday] found".
    return modifier === words.length - 1 ? words.slice(0, modifier) : words
  }
  // A capital at the start of a sentence is no sign of a name: "Binding
  // Promises", "Breaking:". One word right before a verb is the verb's
  // subject, so a name: "Schilling told", "Djokovic said".
  const first = words[0]!
  const next = words.length === 1 ? children[skipSpace(children, children.indexOf(first) + 1, 1)] : undefined
  const soleCapital = first === children.find(isWord) && adjectival.test(lower(first)) && words.slice(1).every((w) => !isCapitalised(w)) && !isWord(next)
  return soleCapital && (typed.kind === "named-person" || typed.kind === "named-organisation") ? [] : words
}
