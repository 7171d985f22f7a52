/**
 * NounPhrase: walking a sentence's words to the noun phrase a source can be:
 * the phrase on one side of a cue, the one a cue such as "according to"
 * introduces, a passive's agent, and a clause's subject behind an
 * introductory phrase or an appositive. What the walk finds is judged
 * elsewhere (Plausible); which walk to take is SourceSpan's.
 */
import type { SentenceContent } from "nlcst"
import type { Classifier } from "../Sources.ts"
import { spanOf } from "./Message.ts"
import { namesNoOne } from "./Plausible.ts"
import { adverbialOpeners, auxiliaries, catenatives, causatives, clauseWords, conjunctions, determiners, introWords, irregularParticiples, isPartWord, maxSourceWords, months, nameParticles, numberWords, possessives, pronouns, purposes, sentenceAdverbs, tailPrepositions, timeLinks, timeUnits, timeWords, verbalWords, weekdays } from "./Grammar.ts"
import { inCapitals, isBoundary, isCapitalised, isTitleCase, isWord, lower, skipSpace, text } from "./Tokens.ts"

const isApostrophe = (node: SentenceContent | undefined) => node !== undefined && node.type === "PunctuationNode" && (text(node) === "'" || text(node) === "’")

/**
 * Whether the node at `i` is the apostrophe of a plural's possessive:
 * "Gates' work"; not the close of a quote: "the so-called 'Friends of
 * Veterans' group", where an apostrophe before it opened one.
 */
const isPossessiveMark = (children: ReadonlyArray<SentenceContent>, i: number) => {
  const before = children[i - 1]
  if (!isApostrophe(children[i]) || !isWord(before) || !/s$/.test(text(before))) return false
  if (children[i + 1]?.type !== "WhiteSpaceNode" || !isWord(children[i + 2])) return false
  let open = false
  for (let j = 0; j < i; j++) if (isApostrophe(children[j]) && (j === 0 || children[j - 1]!.type === "WhiteSpaceNode")) open = !open
  return !open
}

// Auxiliaries that open a question or a condition, never a name: "Did Obama
// say …?", "Had Clinton said …". "Will" and "May" can be names.
const inverting = /^(did|does|do|had|has|have|is|was|were|are|can|could|would|should|must|might)$/

/**
 * Whether the word at `i` is inside a name, though it is also an adverb or an
 * auxiliary: "Long" in "Rep. Billy Long said", "Will" in "Will Smith said",
 * "WILL" in "GEORGE WILL:". A capital after a capital, or a word in capitals
 * after another; not in a headline in title case ("Sanders Also Says"), not
 * after a word that opens a clause or a phrase ("While Will acknowledges",
 * "In May Trump said"), and not opening a question ("Will Trump win?").
 */
export const namePart = (children: ReadonlyArray<SentenceContent>, i: number) => {
  const node = children[i]
  if (!isWord(node) || !isCapitalised(node)) return false
  const at = skipSpace(children, i - 1, -1)
  const before = children[at]
  const after = children[skipSpace(children, i + 1, 1)]
  if (at < 0 || !isWord(before)) {
    const last = children[skipSpace(children, children.length - 1, -1)]
    if (inverting.test(lower(node)) || (last !== undefined && text(last) === "?")) return false
  }
  // A word that opens a clause or a phrase is no first name ("While Will
  // acknowledges"), and a month after one is a date ("In May Trump said").
  const opens = isWord(before) && (clauseWords.has(lower(before)) || conjunctions.has(lower(before)) || introWords.has(lower(before)) ||
    tailPrepositions.has(lower(before)) || timeLinks.has(lower(before)))
  if (opens && months.has(lower(node))) return false
  const shouted = (word: SentenceContent | undefined) => isWord(word) && inCapitals(text(word))
  const inRun = (isWord(before) && isCapitalised(before) && !opens && !shouted(node)) || (isWord(after) && isCapitalised(after)) || (shouted(node) && shouted(before))
  return inRun && !isTitleCase(children)
}

/** Collect a noun phrase walking from `from` in direction `step`, up to a boundary. */
export const phrase = (children: ReadonlyArray<SentenceContent>, from: number, step: 1 | -1, coordinated = false): Array<SentenceContent> => {
  const words: Array<SentenceContent> = []
  for (let i = from; i >= 0 && i < children.length; i += step) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    const joinsNames = lower(node) === "and" && words.length > 0 && (coordinated || isCapitalised(words.at(-1)!)) &&
      isWord(children[skipSpace(children, i + step, step)]) && (coordinated || isCapitalised(children[skipSpace(children, i + step, step)]!))
    // A plural's possessive apostrophe is inside the phrase: "people with
    // knowledge of Gates' work said".
    if (isPossessiveMark(children, i)) continue
    // A percent sign is part of its number: "42% say".
    if ((isBoundary(node) && text(node) !== "%") || (isWord(node) && clauseWords.has(lower(node)) && !joinsNames)) break
    // No noun phrase runs across an auxiliary: "The decision is politically risky for Cruz, who".
    if (step === -1 && isWord(node) && auxiliaries.has(lower(node)) && !namePart(children, i)) break
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
 * What a relative pronoun at `at` stands for: the noun phrase before it (and
 * before any comma), from its determiner on ("Paul released a video that").
 * `end` is the phrase's last index, `phrase` the whole walk back.
 */
export const antecedentOf = (children: ReadonlyArray<SentenceContent>, at: number) => {
  let end = skipSpace(children, at - 1, -1)
  if (children[end] && text(children[end]!) === ",") end = skipSpace(children, end - 1, -1)
  const walked = phrase(children, end, -1)
  const start = walked.findLastIndex((w) => determiners.has(lower(w)))
  return { end, phrase: walked, words: start > 0 ? walked.slice(start) : walked }
}

/**
 * Whether `walked`, the words before a cue, follow "who" as its clause's
 * predicate: a verb's form, an adverb, or a word before its object ("who sent
 * the letter", "who recently co-authored", "who control Congress"). "who
 * federal prosecutors say" has a subject of its own, an adjective before its
 * noun. After "which" or "that" the words are as often a clause's own subject
 * ("which Trump called") or what was said ("said that 78 percent said").
 */
export const predicateAfterWho = (children: ReadonlyArray<SentenceContent>, walked: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"]) => {
  const [first, second] = walked
  if (first === undefined) return false
  // "who have accused Bill Clinton of rape said", "that have sued the state
  // say": after an auxiliary, "that" and "which" open the clause too, where
  // no other verb goes on to its own object ("Records that have surfaced
  // show the senator said" and "People who have seen the records say the
  // senator said" are the senator's).
  let at = skipSpace(children, children.indexOf(first) - 1, -1)
  const auxiliary = isWord(children[at]) && auxiliaries.has(lower(children[at]!))
  if (auxiliary) {
    at = skipSpace(children, at - 1, -1)
    // The clause's own verb comes after any adverbs: "who have publicly criticized the nominee".
    const verb = walked.findIndex((w) => !/^[a-z]+ly$/.test(text(w)))
    const verbAgain = walked.some((w, i) => i > verb && i < walked.length - 1 && /^[a-z]+$/.test(text(w)) && !determiners.has(lower(w)) &&
      !possessives.includes(lower(w)) && !tailPrepositions.has(lower(w)) && (determiners.has(lower(walked[i + 1]!)) || possessives.includes(lower(walked[i + 1]!))))
    if (verbAgain) return false
  }
  const opener = children[at]
  if (!isWord(opener) || !(lower(opener) === "who" || (auxiliary && /^(that|which)$/.test(lower(opener))))) return false
  const word = text(first)
  const object = second !== undefined && (determiners.has(lower(second)) || possessives.includes(lower(second)) || isCapitalised(second))
  return (/^[a-z]+(ed|s)$/.test(word) && !isHead(word)) || irregularParticiples.has(word) || /^[a-z]+ly$/.test(word) ||
    (/^[a-z]+$/.test(word) && !determiners.has(word) && !isHead(word) && object)
}

/**
 * The antecedent of a relative clause that ends right before `from`: "Democrats
 * in Iowa" in "Democrats in Iowa who watched the debate said". The clause is
 * a few words with no punctuation, so only a subject's own clause is crossed.
 */
export const relativeAntecedent = (children: ReadonlyArray<SentenceContent>, from: number): Array<SentenceContent> => {
  let words = 0
  for (let i = from; i >= 0 && words <= maxSourceWords; i = skipSpace(children, i - 1, -1)) {
    const node = children[i]!
    if (!isWord(node)) return []
    const word = lower(node)
    // "organizations that have endorsed him say": "that" or "which" before an
    // auxiliary opens a relative clause, as "who" does; before a noun it opens
    // what was said ("show that voters believe").
    const after = children[skipSpace(children, i + 1, 1)]
    const before = children[skipSpace(children, i - 1, -1)]
    // After "of" or a verb, "that" is a pronoun of its own: "some of that is simply".
    const relative = word === "who" || ((word === "that" || word === "which") && isWord(after) && auxiliaries.has(lower(after)) &&
      isWord(before) && !tailPrepositions.has(lower(before)) && !clauseWords.has(lower(before)) && !verbalWords.has(lower(before)) && !/ed$/.test(lower(before)))
    if (relative) {
      if (words === 0) return []
      // "One of the doctors who sent the letter called": the main clause's
      // subject is the part, where the clause's own verb is the group's ("one
      // of the lawmakers who have argued").
      const { phrase: walked, words: antecedent } = antecedentOf(children, i)
      const at = walked.indexOf(antecedent[0]!)
      return at >= 2 && lower(walked[at - 1]!) === "of" && isPartWord(lower(walked[at - 2]!)) ? walked.slice(at - 2) : antecedent
    }
    if (clauseWords.has(word)) return []
    words++
  }
  return []
}

/**
 * The noun phrase a cue such as "according to" introduces. A long one is cut
 * before its first prepositional tail, or else after `maxSourceWords` words.
 */
export const introduced = (children: ReadonlyArray<SentenceContent>, from: number): Array<SentenceContent> => {
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

/**
 * A phrase without the time that ends it: "President Richard Nixon in the
 * 1970s" is Nixon, "the Senate on Tuesday" the Senate. The time is an
 * "in", "on" or "during" before a year, a decade, a month, a day or a unit of time.
 */
const untimed = (words: Array<SentenceContent>): Array<SentenceContent> => {
  const at = words.findIndex((word, i) => {
    if (i === 0 || !/^(in|on|during)$/.test(lower(word))) return false
    const [first, second] = words.slice(i + 1).map(lower).filter((w) => !/^(the|early|late|mid|last)$/.test(w))
    return first !== undefined && (/^\d{4}s?$/.test(first) || months.has(first) || weekdays.has(first) || timeWords.has(first) || timeUnits.test(second ?? first))
  })
  return at > 0 ? words.slice(0, at) : words
}

/** The agent of a passive cue: the phrase after a "by" within a few words. */
export const agent = (children: ReadonlyArray<SentenceContent>, from: number): Array<SentenceContent> => {
  let words = 0
  for (let i = from; i < children.length && words <= 3; i++) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (!isWord(node)) return []
    if (lower(node) === "by") return beforeReason(untimed(phrase(children, i + 1, 1)))
    words++
  }
  return []
}

/** An agent without the reason after it: "called a charlatan by fellow physicians for promoting" is the physicians'. */
const beforeReason = (words: Array<SentenceContent>): Array<SentenceContent> => {
  const reason = words.findIndex((word, i) => i > 0 && lower(word) === "for" && words[i + 1] !== undefined && /[a-z]ing$/.test(text(words[i + 1]!)))
  return reason > 0 ? words.slice(0, reason) : words
}

/**
 * Whether a word goes on to name someone: after an inverted cue, a past form
 * before it is an adjective ("said one unaligned Florida Republican
 * strategist"), not the speaker's verb.
 */
const namesNext = (word: SentenceContent | undefined, isHead: Classifier["isHead"]) =>
  word !== undefined && isWord(word) && !timeWords.has(lower(word)) && (isCapitalised(word) || isHead(lower(word)))

/** Whether the word at `i` is an "and" between capitals, inside a name or joining two: "the Central and East European Coalition", "Khizr and Ghazala Khan". */
const joinsCapitals = (words: ReadonlyArray<SentenceContent>, i: number) =>
  lower(words[i]!) === "and" && i > 0 && isCapitalised(words[i - 1]!) && words[i + 1] !== undefined && isCapitalised(words[i + 1]!)

const particles = new Set(nameParticles)
/** Whether the particles from `i` on lead to the rest of a name: "von der Leyen". */
const continuesName = (words: ReadonlyArray<SentenceContent>, i: number) => {
  let j = i
  while (words[j] !== undefined && particles.has(lower(words[j]!))) j++
  return words[j] !== undefined && isCapitalised(words[j]!)
}

/**
 * The subject at the start of a run of words: "Trump" in "Trump attacked
 * Clinton". `modified` lets it open with a lowercase modifier, as a speaker
 * named after an inverted cue does: `said former Gov. Jim Doyle`.
 */
export const leadingPhrase = (words: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"], modified = false): Array<SentenceContent> => {
  const np: Array<SentenceContent> = []
  for (const [i, word] of words.entries()) {
    const w = lower(word)
    if (np.length === 0) {
      if (clauseWords.has(w)) return []
      if (isCapitalised(word) || determiners.has(w) || pronouns.has(w) || isHead(w) || /^(one|two|three|four|five|\d+)$/.test(w)) np.push(word)
      // Only a modifier: not a verb, an adverb or a preposition ("said on Monday").
      else if (modified && !verbalWords.has(w) && !auxiliaries.has(w) && !tailPrepositions.has(w) && !/(ly|ing)$/.test(w)) np.push(word)
      else return []
    // An auxiliary ends the subject: "McKinley is bearish" (the lexicon,
    // stripping a plural "s", would take "is" for the pronoun "I").
    } else if ((clauseWords.has(w) || auxiliaries.has(w)) && !isCapitalised(word) && !joinsCapitals(words, i)) break
    else if (isCapitalised(word) && !pronouns.has(w)) np.push(word)
    else if (isHead(w)) np.push(word)
    else if ((w === "of" || w === "and" || w === "for") && words[i + 1] && isCapitalised(words[i + 1]!)) np.push(word)
    // "Ursula von der Leyen", "Charles de Gaulle": a name's particles, between its capitals.
    else if (particles.has(w) && (isCapitalised(np.at(-1)!) || particles.has(lower(np.at(-1)!))) && continuesName(words, i)) np.push(word)
    else if (np.every((n) => !isCapitalised(n) || determiners.has(lower(n))) && np.length < 4 && !verbalWords.has(w) &&
      (!/(ed|s)$/.test(w) || (modified && /ed$/.test(w) && !np.some((n) => isHead(lower(n))) && namesNext(words[i + 1], isHead)))) np.push(word)
    else break
  }
  // A phrase ends in a name or a word the lexicon knows: "the former president".
  while (np.length > 0 && !isCapitalised(np.at(-1)!) && !isHead(lower(np.at(-1)!))) np.pop()
  return np
}

/**
 * Whether a word after a time or an adverb goes on with an adverbial: a
 * preposition, a determiner, a time, a clause ("Just before the vote",
 * "Tuesday at the rally", "Once the video was released", "Perhaps more
 * interesting"). A capital or a noun makes them a name or an adjective:
 * "First Lady Michelle Obama", "Just Security", "Outside experts", "Today
 * show host".
 */
const leadsOn = (word: SentenceContent) => {
  if (isCapitalised(word)) return false
  const w = lower(word)
  return tailPrepositions.has(w) || introWords.has(w) || determiners.has(w) || possessives.includes(w) || pronouns.has(w) || timeWords.has(w) ||
    timeLinks.has(w) || clauseWords.has(w) || numberWords.includes(w) || /ly$/.test(w) ||
    timeUnits.test(w) || /^[a-z]+ed$/.test(w) ||
    /^(over|above|below|across|around|behind|beyond|near|past|through|off|out|up|down|into|like|far|shy|home|afterward|afterwards|enough|thing|there|more|most|again|\d+)$/.test(w)
}

/**
 * A subject found at a sentence's start, less an opener the walk took for a
 * name: "Back home, Smith spoke" gives "Back" alone, which names no one;
 * "Monday Smith spoke" is Smith. "First Lady Michelle Obama" keeps its title.
 */
const openerLeft = (np: Array<SentenceContent>): Array<SentenceContent> => {
  const first = np[0]
  if (first === undefined) return np
  const w = lower(first)
  const opener = timeWords.has(w) || adverbialOpeners.has(w) || sentenceAdverbs.has(w)
  if (opener && np.length === 1) return []
  return timeWords.has(w) && isCapitalised(np[1]!) ? np.slice(1) : np
}

/**
 * Whether a chunk of a sentence is an introductory adverbial, not a subject:
 * "In Iowa", "Tuesday at the rally", "Just before the vote", "Two weeks after
 * the ruling", "Tuesday" alone.
 */
const opensAdverbial = (words: ReadonlyArray<SentenceContent>) => {
  const first = lower(words[0]!)
  if (introWords.has(first) || sentenceAdverbs.has(first)) return true
  const second = words[1]
  if (timeWords.has(first) || adverbialOpeners.has(first)) return second === undefined || leadsOn(second)
  // "Chastened by the analyses", "Reached by phone": a participle before its
  // agent. Not a name before another preposition: "United on Monday canceled",
  // "Reed in a letter wrote".
  if (/^[a-z]+ed$/.test(first) && second !== undefined && lower(second) === "by") return true
  return (numberWords.includes(first) || /^\d+$/.test(first)) && second !== undefined && !isCapitalised(second) && timeUnits.test(lower(second))
}

// A count that stands for one more of those just named: "And a third, Daniel Traynor, said".
const counts = /^(first|second|third|fourth|fifth|last|another|one)$/

/**
 * The name a chunk of description gives way to: the chunk `name` beside it
 * (after it, or before it when `nameFirst`), when the description is of one
 * person by role, read up to any tail ("A spokeswoman for the ministry", "One
 * delegate not on the slate", "a third"). After a tail, a name of one word
 * that follows is more often a place going on with it ("a retiree in
 * Carthage, Ill.") and is not taken.
 */
const describedName = (
  chunk: ReadonlyArray<SentenceContent>,
  name: ReadonlyArray<SentenceContent>,
  heads: Heads,
  nameFirst = false
): Array<SentenceContent> => {
  const end = chunk.findIndex((word, i) => i > 0 && (tailPrepositions.has(lower(word)) || clauseWords.has(lower(word)) || verbalWords.has(lower(word))))
  const head = end === -1 ? chunk : chunk.slice(0, end)
  const person = heads.isPerson(head.map(text)) || (head.length > 1 && head.every((word) => determiners.has(lower(word)) || counts.test(lower(word))))
  const found = person ? nameIn(name, heads.isHead) : []
  // Only a name after the description can be a place going on with its tail.
  return nameFirst || end === -1 || found.length > 1 ? found : []
}

/** What the subject walks need to know of source heads. */
export type Heads = Pick<Classifier, "isHead" | "isPerson">

/**
 * The chunk when it is a name and nothing else: a run of two or more
 * capitals, with a tail ("Michael Brown of Washington"), or capitals only
 * ("Ari Fleischer"). Not "Tuesday", nor "Republican of Texas", a description.
 */
const nameIn = (chunk: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"]): Array<SentenceContent> => {
  if (chunk.length === 0 || opensAdverbial(chunk)) return []
  const np = leadingPhrase(chunk, isHead)
  const capitals = np.findIndex((word) => !isCapitalised(word))
  const run = capitals === -1 ? np.length : capitals
  return np.length === chunk.length && (run >= 2 || (run === np.length && !isHead(lower(np[0]!)))) && !isHead(lower(np[run - 1]!)) ? np : []
}

/** Whether a chunk is a noun phrase and nothing else: "Tracy Martin", "Trayvon's father"; not "In Iowa". */
const isNounPhrase = (chunk: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"]) =>
  chunk.length > 0 && !opensAdverbial(chunk) && leadingPhrase(chunk, isHead).length === chunk.length

/**
 * Whether the quote mark at `at` is the first of the sentence and closes a
 * quote opened in an earlier one (`I don't think so," Warren told
 * reporters`): it follows a word or a stop with no space. After a dash it
 * opens one (`Cohen—"the fixer," as Trump called him—told`).
 */
const closesEarlierQuote = (children: ReadonlyArray<SentenceContent>, at: number) => {
  const previous = children[at - 1]
  return previous !== undefined && (isWord(previous) || /^[.,!?]$/.test(text(previous)))
}

/**
 * The words before `before` in chunks between commas, outside quotes: a quote
 * is what was said, not who said it; the words before a quote that opened in
 * an earlier sentence are quoted too.
 */
const chunksBefore = (children: ReadonlyArray<SentenceContent>, before: number, from = 0): Array<Array<SentenceContent>> => {
  let chunks: Array<Array<SentenceContent>> = [[]]
  let quoted = false
  let firstQuote = true
  for (let i = from; i < before; i++) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (text(node) === "\"") {
      if (firstQuote && i > from && closesEarlierQuote(children, i)) chunks = [[]]
      else quoted = !quoted
      firstQuote = false
      if (chunks.at(-1)!.length > 0) chunks.push([])
      continue
    }
    if (quoted) continue
    // A parenthesis closed before the cue is an aside inside its chunk: "Roy
    // Cooper (D), the attorney general, said"; one still open holds the cue.
    if (text(node) === "(") {
      let close = i + 1
      while (close < before && text(children[close]!) !== ")") close++
      if (close < before) i = close
      continue
    }
    if (isBoundary(node)) {
      if (text(node) === "," && chunks.at(-1)!.length > 0) chunks.push([])
      continue
    }
    chunks.at(-1)!.push(node)
  }
  return chunks
}

/**
 * A speaker named and described after what they said, the cue after a comma:
 * "Facebook built the tool for a crisis, a spokeswoman, Anna White, said",
 * or "…, Anna White, a spokeswoman, said". The two chunks before the cue are
 * a name and a description, and what stands before them is a clause, not
 * the subject with its own appositive ("Ott Pruitt, the attorney general,
 * said"). The name, or nothing.
 */
export const trailingAppositive = (children: ReadonlyArray<SentenceContent>, before: number, heads: Heads): Array<SentenceContent> => {
  const chunks = chunksBefore(children, before)
  if (chunks.at(-1)!.length > 0) chunks.push([])
  const [clause, first, second] = chunks.slice(-4, -1)
  if (clause === undefined || first === undefined || second === undefined) return []
  if (isNounPhrase(clause, heads.isHead)) return []
  const named = describedName(second, first, heads, true)
  return named.length > 0 ? named : describedName(first, second, heads)
}

/**
 * Whether a chunk after the subject is set off beside it, as a description
 * or an aside ("the retired neurosurgeon", "52", "who has not endorsed",
 * "in an interview", "however", "speaking at a rally", "helped by George"),
 * not a clause's predicate ("is deeply flawed", "misjudged Iraq") or an item
 * of a list ("jobs").
 */
const setOff = (chunk: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"]) => {
  const [first, second] = chunk
  if (first === undefined) return false
  const word = lower(first)
  if (auxiliaries.has(word) || (verbalWords.has(word) && !introWords.has(word))) return false
  // A participle goes on to a preposition ("created in 2002", "helped by George"); a verb to its object.
  if (/[a-z]ed$/.test(word)) return second !== undefined && tailPrepositions.has(lower(second))
  return isCapitalised(first) || determiners.has(word) || possessives.includes(word) || /^(who|which|whose|\d+)$/.test(word) ||
    introWords.has(word) || tailPrepositions.has(word) || /[a-z]ing$/.test(word) || isHead(word)
}

/**
 * Whether the comma before `before` closes what is set off beside the
 * sentence's subject: "Tracy Martin, Trayvon's father, issued a statement",
 * "Warren, who has not endorsed, told reporters", "Tom Brown, 52, a retired
 * teacher, told the AP". The first chunk is a noun phrase and nothing else;
 * the cue is then the subject's verb, not one inverted after what was said:
 * "The rule is unfair, said the official", "The bill, which passed Monday, is
 * flawed, said Smith", "Jobs, jobs, jobs, said the candidate". Only the words
 * after a quote count: in `Clinton "drew well" in 2008, said Paul Beck` the
 * quote is what was said, and "Clinton" its subject.
 */
export const closesAppositive = (children: ReadonlyArray<SentenceContent>, before: number, isHead: Classifier["isHead"]): boolean => {
  const quote = children.findLastIndex((node, i) => i < before && text(node) === "\"")
  const [subject, ...beside] = chunksBefore(children, before, quote + 1).filter((chunk) => chunk.length > 0)
  return subject !== undefined && beside.length > 0 && isNounPhrase(subject, isHead) && beside.every((chunk) => setOff(chunk, isHead))
}

/**
 * The subject of a sentence's main clause, skipping an introductory phrase.
 * For a participle (`…, saying`) the subject's chunk also holds its verb; for
 * an appositive (`Ott Pruitt, the attorney general, said`) it is the first chunk.
 */
export const subject = (
  children: ReadonlyArray<SentenceContent>,
  before: number,
  heads: Heads,
  participle: boolean
): Array<SentenceContent> => {
  const { isHead } = heads
  const chunks = chunksBefore(children, before)
  // For a participle with no chunk that holds a verb, the subject set off by
  // commas: "Tracy Martin, Trayvon's father, issued a statement, saying".
  let appositive: Array<SentenceContent> = []
  // "Many leaders share these fears, but the Coalition, which represents
  // them, wants", "…, though the central bank, in a report, contested it":
  // after a clause, one opened by "but" or "though" and its subject has a
  // subject of its own, and that subject is the verb's. Not after the
  // subject itself: "Obama, while president, said", "Gates, yet another
  // billionaire, said".
  const clauseStart = participle ? -1 : chunks.findLastIndex((chunk, at) =>
    at > 0 && chunk[0] !== undefined && /^(but|yet|while|whereas|though|although)$/.test(lower(chunk[0])) && isNounPhrase(chunk.slice(1), isHead) &&
    !isNounPhrase(chunks[at - 1]!, isHead)
  )
  for (const [at, chunk] of chunks.entries()) {
    if (at < clauseStart) continue
    // "But Megan Hester", "Even China": a leading conjunction is not part of the subject.
    const words = chunk.length > 0 && (conjunctions.has(lower(chunk[0]!)) || at === clauseStart) ? chunk.slice(1) : chunk
    if (words.length === 0 || opensAdverbial(words)) continue
    const np = openerLeft(leadingPhrase(words, isHead))
    // A chunk that is only a noun phrase, or one with a participle of its own
    // ("a military alliance comprising former Soviet republics"), is set off
    // beside the subject, not the subject whose verb the participle follows.
    const modified = np.length < words.length && /[a-z]ing$/.test(text(words[np.length]!))
    if (np.length > 0 && participle && (np.length === words.length || modified)) {
      if (appositive.length === 0) appositive = np
      continue
    }
    // A phrase this walk cut down to its determiner names no one; the next chunk may.
    if (np.length === 0 || namesNoOne(np)) continue
    // "Another superdelegate, Michael Brown of Washington, said", "One of the
    // authors of the report, Ari Fleischer, said": a description set off
    // before a name is the name's, and the name is the more specific source.
    const part = words[1] !== undefined && lower(words[1]) === "of" && isPartWord(lower(words[0]!))
    // Only one person's description: "Trump's running mate, Indiana Gov.
    // Mike Pence"; not a place's ("voters in the key swing state, Ohio,
    // said") or a body's ("The company, Apple, said", typed by its description).
    const name = part ? nameIn(chunks[at + 1] ?? [], heads.isHead) : describedName(words, chunks[at + 1] ?? [], heads)
    if (name.length > 0) return name
    // Else the part of a group with its group, when the chunk is no more than
    // that ("One of the senators, Tuesday, said").
    if (part) {
      const group = words.slice(2)
      if (group.length > 0 && words.length <= maxSourceWords && leadingPhrase(group, isHead).length === group.length) return words
    }
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
export const mainSubject = (children: ReadonlyArray<SentenceContent>, last: number, isHead: Classifier["isHead"]): Array<SentenceContent> => {
  for (let j = last + 1; j < children.length; j++) {
    if (text(children[j]!) !== ",") continue
    let from = skipSpace(children, j + 1, 1)
    if (children[from] && text(children[from]!) === "\"") from = skipSpace(children, from + 1, 1)
    const np = leadingPhrase(phrase(children, from, 1), isHead)
    if (np.length > 0) return np
  }
  return []
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

/**
 * Who says what an infinitive after "to" at `to` says, where it is said at
 * all: the subject of a verb that hands it on ("seemed to blame") or that it
 * serves ("took to the talk shows to defend"; `verb` is that verb's index),
 * or the object of a cause ("led Priebus to declare") and who was the first
 * to do it ("one of the earliest House members to endorse"; `object` is its
 * words). `undefined` for "would like Trump to explain": what someone is
 * asked or wanted to say is not yet said.
 */
export const infinitiveSpeaker = (
  children: ReadonlyArray<SentenceContent>,
  to: number
): { readonly verb: number } | { readonly object: Array<SentenceContent> } | undefined => {
  const verb = skipSpace(children, to - 1, -1)
  if (!isWord(children[verb])) return undefined
  if (catenatives.test(lower(children[verb]!))) return { verb }
  const object = phrase(children, verb, -1)
  const cause = object.findLastIndex((word) => causatives.test(lower(word)))
  if (cause >= 0 && cause < object.length - 1) return { object: object.slice(cause + 1) }
  // "the first sitting members of Congress to endorse", "one of the earliest
  // House members to endorse": who did it first did it.
  const ordinal = object.findLastIndex((word) => /^(first|earliest|latest|only|last)$/.test(lower(word)))
  if (ordinal > 0 && /^(the|a)$/.test(lower(object[ordinal - 1]!)) && ordinal < object.length - 1) {
    const part = ordinal >= 3 && lower(object[ordinal - 2]!) === "of" && isPartWord(lower(object[ordinal - 3]!))
    return { object: object.slice(part ? ordinal - 3 : ordinal - 1) }
  }
  // "took to the talk shows to defend", "held a news conference Monday to
  // announce": an infinitive of purpose is the subject's of the verb it
  // serves, a few words back with nothing but its object or place between.
  // Not across another verb ("took a question from a reporter asking him to
  // explain", "for failing to disclose"), "for" ("a message for Trump to
  // consider") or a dummy "it" ("It took three days to announce"); nor
  // straight before "to" ("returned to claims that"), nor a participle
  // without its object ("Talks held in Geneva to discuss").
  for (let at = verb, words = 0; isWord(children[at]) && words < 8; at = skipSpace(children, at - 1, -1), words++) {
    const word = lower(children[at]!)
    if (purposes.test(word)) {
      const after = children[skipSpace(children, at + 1, 1)]
      const before = children[skipSpace(children, at - 1, -1)]
      if (at === verb || (/^(held|convened|gathered)$/.test(word) && isWord(after) && tailPrepositions.has(lower(after)))) return undefined
      if (/^(take|takes|took|taking)$/.test(word) && isWord(before) && lower(before) === "it") return undefined
      return { verb: at }
    }
    if (clauseWords.has(word) || auxiliaries.has(word) || word === "for" || (at !== verb && /[a-z]{2}(ing|ed)$/.test(word))) return undefined
  }
  return undefined
}
