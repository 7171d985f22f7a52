/**
 * SourceSpan: the words that name the source of a cue.
 *
 * The source is the noun phrase on the cue's side, with fallbacks for the
 * shapes news prose takes: inverted (`"…," said Caddell`), appositive (`Ott
 * Pruitt, the attorney general, said`), participial (`…, saying`), behind a
 * relative pronoun (`the department, which reported`). This module chooses
 * the shape; NounPhrase walks it, Plausible judges what it finds, and Grammar
 * holds the English word classes they share.
 */
import type { SentenceContent } from "nlcst"
import type { Cue } from "../Rules.ts"
import type { Classifier, SourceKind } from "../Sources.ts"
import type { Match } from "./Match.ts"
import { auxiliaries, clauseWords, degreeWords, determiners, emptySubjects, floating, introWords, gerundPrepositions, inflected, maxSourceWords, modals, numberWords, passiveOrModal, possessives, pronouns, tailPrepositions, timeLinks, timeWords, verbalWords, weekdays } from "./Grammar.ts"
import { agent, antecedentOf, closesAppositive, infinitiveSpeaker, introduced, leadingPhrase, mainSubject, namePart, phrase, predicateAfterWho, relativeAntecedent, subject, trailingAppositive } from "./NounPhrase.ts"
import { plausibility } from "./Plausible.ts"
import { isCapitalised, isWord, lower, skipSpace, text } from "./Tokens.ts"

/**
 * Whether the "by" at `by` after a cue tells how, not who: "Carson concluded
 * by admonishing journalists". A gerund follows it and no auxiliary makes the
 * cue a passive; "Sanders was supported by overwhelming majorities" is one.
 */
const isMeans = (children: ReadonlyArray<SentenceContent>, match: Match, by: number) => {
  const gerund = children[skipSpace(children, by + 1, 1)]
  const auxiliary = children[skipSpace(children, match.index - 1, -1)]
  return isWord(gerund) && /^[a-z]+ing$/.test(text(gerund)) && !(isWord(auxiliary) && passiveOrModal.has(lower(auxiliary)))
}

/** Whether the words from `from` run to the end of their clause with no verb or clause word: a prepositional tail. */
const endsClause = (children: ReadonlyArray<SentenceContent>, from: number) => {
  for (let i = from; i < children.length; i++) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (!isWord(node)) return /^[.!?,]$/.test(text(node))
    const word = lower(node)
    if (clauseWords.has(word) || verbalWords.has(word) || /(ed|ing)$/.test(word)) return false
  }
  return true
}

/** Kinds of source that are people, named or not: "his spokesman", "their aides". */
const people: ReadonlySet<SourceKind> = new Set(["named-person", "described-official", "vague-collective", "anonymous"])

/** Kinds of source a phrase of anonymity can qualify: "John Smith, who is close to the president" is still named. */
const isUnnamed = (kind: SourceKind) => kind === "described-official" || kind === "vague-collective"

/**
 * The whole of a coordination that opens its clause, where each side could
 * speak: "Democrats and some Republicans said", "Independent economists and
 * the central bank contested". `found` is its last side, which the walk back
 * from the cue at `i` stopped at. After a verb the first side is that verb's
 * object ("He met the president and the senator said"), so the sides must
 * reach back to the sentence's start, a mark or a word that opens a clause.
 */
const coordination = (
  children: ReadonlyArray<SentenceContent>,
  i: number,
  found: ReadonlyArray<SentenceContent>,
  plausible: (words: Array<SentenceContent>) => Array<SentenceContent>,
  isHead: Classifier["isHead"]
): Array<SentenceContent> | undefined => {
  const whole = phrase(children, i, -1, true)
  const and = whole.findLastIndex((word) => lower(word) === "and")
  if (and <= 0 || whole.at(-1) !== found.at(-1) || whole.length - and - 1 !== found.length) return undefined
  const before = children[skipSpace(children, children.indexOf(whole[0]!) - 1, -1)]
  if (isWord(before) && !clauseWords.has(lower(before))) return undefined
  const first = whole.slice(0, and)
  // A short side, a name, or one whose last word the lexicon knows for
  // people ("A few other prominent Republicans and national security
  // leaders"): in "The storm hit Houston and officials said" the first side
  // is a clause.
  const named = first.every((word) => isCapitalised(word) || determiners.has(lower(word)))
  if (first.length > 3 && !named && !isHead(lower(first.at(-1)!))) return undefined
  return leadingPhrase(first, isHead, true).length === first.length && plausible(whole).length === whole.length ? whole : undefined
}

/**
 * Who did what a gerund after "for" at `preposition` says, where the verb
 * before it has an object: what one is blamed or praised for is one's own
 * doing ("Priebus scolded Romney for suggesting", "Pence praised Cruz for
 * showing"). `[]` after an object pronoun ("Khan criticized him for saying":
 * the pronoun is not Khan, whom a resolution would find, nor is the gerund
 * hers); `undefined` where there is no such object, and the subject did it
 * ("Trump has paid no price for attacking them").
 */
const blamedFor = (
  children: ReadonlyArray<SentenceContent>,
  preposition: number,
  plausible: (words: Array<SentenceContent>) => Array<SentenceContent>,
  classifier: Classifier
): Array<SentenceContent> | undefined => {
  const { isHead } = classifier
  const object: Array<SentenceContent> = []
  let at = skipSpace(children, preposition - 1, -1)
  // "apologized Tuesday for saying": a time between is no object.
  while (isWord(children[at]) && (weekdays.has(lower(children[at]!)) || timeWords.has(lower(children[at]!)))) at = skipSpace(children, at - 1, -1)
  for (; isWord(children[at]) && object.length < 4; at = skipSpace(children, at - 1, -1)) {
    const word = children[at]!
    if (!isCapitalised(word) && !determiners.has(lower(word)) && !isHead(lower(word))) break
    object.unshift(word)
  }
  if (object.length === 1 && /^(him|her|them|us|me)$/.test(lower(object[0]!))) return []
  const verb = children[at]
  if (object.length === 0 || !isWord(verb) || !/[a-z](ed|s)$/.test(text(verb)) || isHead(lower(verb))) return undefined
  const named = plausible(object)
  return named.length === object.length && classifier.classify(named.map(text)).kind !== "document" ? named : undefined
}

/**
 * Who a quotation is of, before "as saying": the object of "quoted"
 * ("Interfax quoted a Kremlin spokesman as saying"), or the subject of its
 * passive ("Peskov was quoted as saying"). `undefined` where no "quoted"
 * comes first.
 */
const quotedSpeaker = (children: ReadonlyArray<SentenceContent>, match: Match): Array<SentenceContent> | undefined => {
  const as = skipSpace(children, match.index - 1, -1)
  if (!/ing$/.test(match.phrase) || !isWord(children[as]) || lower(children[as]!) !== "as") return undefined
  for (let at = skipSpace(children, as - 1, -1), words = 0; isWord(children[at]) && words < 8; at = skipSpace(children, at - 1, -1), words++) {
    if (!/^(quoted|quotes|quote|quoting)$/.test(lower(children[at]!))) continue
    // The object runs up to "as", a clause word where a phrase stops; after
    // "by" it is the passive's agent ("was quoted by Interfax as saying").
    const object = children[skipSpace(children, at + 1, 1)]
    if (words > 0 && !(isWord(object) && lower(object) === "by")) return phrase(children, skipSpace(children, at + 1, 1), 1)
    // The passive: back over its auxiliaries and adverbs to the subject.
    const verbStart = skipSpace(children, at - 1, -1)
    let subjectEnd = verbStart
    while (isWord(children[subjectEnd]) && (auxiliaries.has(lower(children[subjectEnd]!)) || /^[a-z]+ly$/.test(text(children[subjectEnd]!)))) {
      subjectEnd = skipSpace(children, subjectEnd - 1, -1)
    }
    if (subjectEnd === verbStart || !isWord(children[subjectEnd])) return undefined
    // "Peskov, who was quoted as saying": the relative pronoun stands for him.
    return lower(children[subjectEnd]!) === "who" ? [children[subjectEnd]!] : phrase(children, subjectEnd, -1)
  }
  return undefined
}

/**
 * An inverted source with the tail that says why it goes unnamed: `said a
 * senior official familiar with the matter`, `said one person briefed on the
 * call`. The noun phrase alone ("a senior official") would be typed as a
 * described official, and the anonymity the standards ask about lost; other
 * tails ("said Smith on Monday") are not part of the source.
 */
const withAnonymity = (run: ReadonlyArray<SentenceContent>, words: Array<SentenceContent>, { classify }: Classifier) => {
  if (words.length === 0 || words.length === run.length || !isUnnamed(classify(words.map(text)).kind)) return words
  const longer = run.slice(run.indexOf(words[0]!))
  return classify(longer.map(text)).kind === "anonymous" ? longer : words
}

/**
 * A source followed by the clause that says why it goes unnamed, right before
 * its cue: "An official who asked not to be identified said", "A diplomat,
 * speaking on condition of anonymity, said". The clause is part of the
 * source, and makes it anonymous; the noun phrase alone would not reach the
 * cue, or be typed as a described official.
 */
/**
 * Where the people a reason for anonymity is given for start, in words
 * walked back from it: at the first determiner ("A source familiar with the
 * talks"), or, where that determiner is a preposition's ("officials close to
 * the talks"), at the head the preposition describes, a word the lexicon
 * knows for people a few words before it.
 */
const describedFrom = (walked: ReadonlyArray<SentenceContent>, isHead: Classifier["isHead"]): number => {
  const first = walked.findIndex((w) => determiners.has(lower(w)))
  if (first < 1 || !tailPrepositions.has(lower(walked[first - 1]!))) return Math.max(0, first)
  for (let k = first - 2; k >= 0 && k >= first - 4; k--) {
    if (isHead(lower(walked[k]!))) return k > 0 && determiners.has(lower(walked[k - 1]!)) ? k - 1 : k
  }
  return first
}

const unnamedBefore = (children: ReadonlyArray<SentenceContent>, cue: number, { classify, anonymityIn, isHead }: Classifier): Array<SentenceContent> => {
  let end = skipSpace(children, cue - 1, -1)
  const closed = children[end] !== undefined && text(children[end]!) === ","
  if (closed) end = skipSpace(children, end - 1, -1)
  let clause: Array<SentenceContent> = []
  // At most two clauses' worth of words: a long sentence costs no more.
  for (let i = end, steps = 0; i >= 0 && clause.length <= maxSourceWords && steps <= 2 * maxSourceWords; i = skipSpace(children, i - 1, -1), steps++) {
    const node = children[i]!
    const opens = isWord(node) && /^(who|that)$/.test(lower(node))
    // Set off by commas, the clause is a participle's: ", speaking on condition of anonymity,".
    const participle = closed && text(node) === "," && clause.length > 0 && /[a-z](ing|ed)$/.test(text(clause[0]!))
    if (text(node) === "," && !participle) return []
    if (opens || participle) {
      const from = opens ? i : skipSpace(children, i + 1, 1)
      const reasonWords = [...(opens ? [node] : []), ...clause].map(text)
      const reason = anonymityIn(reasonWords)
      if (reason === undefined) return []
      // Unless commas close it, no other clause stands between the reason and
      // the cue ("to discuss the talks", "by name", "on Monday" may): in
      // "Officials who asked not to be named said the convoy was attacked",
      // "attacked" is no cue of theirs. (Across another cue without a verb
      // of its own, the cut at that cue finds the source.)
      if (!closed && reasonWords.slice(reason.last + 1).some((word) => auxiliaries.has(word.toLowerCase()))) return []
      // From the phrase's first determiner: "A source familiar with the talks,
      // who …"; or from the sentence's start, where nothing comes before the
      // subject ("People familiar with the matter, who …").
      const walked = antecedentOf(children, from).phrase
      const opening = walked.length > 0 && children.indexOf(walked[0]!) === children.findIndex(isWord)
      const antecedent = opening ? walked : walked.slice(describedFrom(walked, isHead))
      // "A person familiar with the matter, who …" is anonymous already; the reason is part of it all the same.
      const kind = antecedent.length > 0 ? classify(antecedent.map(text)).kind : undefined
      if (kind === undefined || !(isUnnamed(kind) || kind === "anonymous")) return []
      // "Jane Smith, a person familiar with the talks, who …": set off after a
      // name, the phrase describes her, and the name is the source.
      const before = children[skipSpace(children, children.indexOf(antecedent[0]!) - 1, -1)]
      if (before !== undefined && text(before) === ",") return []
      return children.slice(children.indexOf(antecedent[0]!), end + 1).filter(isWord)
    }
    if (!isWord(node)) return []
    // "because of a non-disclosure agreement" is a preposition's; "because
    // the talks are private" is a clause of its own. Inside a clause set off
    // by commas it ends the source: "The woman, who spoke on condition of
    // anonymity because she feared reprisals, said". Right before the cue,
    // the cue is that clause's: "she feared".
    if (clauseWords.has(lower(node)) && !(clause[0] !== undefined && lower(clause[0]) === "of")) {
      if (!closed) return []
      end = skipSpace(children, i - 1, -1)
      clause = []
      continue
    }
    clause.unshift(node)
  }
  return []
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
    // "in his view": a possessive pronoun stands for someone named before.
    if (isWord(owner) && possessives.includes(lower(owner))) return [owner]
    if (!isWord(owner) || !/['’]s$/.test(text(owner)) || !isCapitalised(owner)) return []
    const words = [owner]
    // Back over the name's capitals, not a sentence's opening word: "In Bolton's view".
    for (let j = skipSpace(children, at - 1, -1); isWord(children[j]) && isCapitalised(children[j]!) && !introWords.has(lower(children[j]!)); j = skipSpace(children, j - 1, -1)) {
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
      return plausible(match.index === children.findIndex(isWord) ? mainSubject(children, last, isHead) : subject(children, match.index, classifier, true))
    }
    // "According to", "reported by" introduce nothing but a source, whatever
    // its head: "according to early returns", "according to the Roper Center
    // for Public Opinion Research at Cornell University".
    return introduced(children, last + 1)
  }

  const quotedAs = quotedSpeaker(children, match)
  if (quotedAs !== undefined) return plausible(quotedAs)
  // "Bemoaning the …, Trump accused": a participle that opens the sentence
  // belongs to the main clause's subject.
  if (/ing$/.test(match.phrase) && match.index === children.findIndex(isWord)) return plausible(mainSubject(children, last, isHead))
  // So does a perfect one: "Having denied the charges for months, Mr. Lopez
  // admitted". "Having said that," is a turn of the reporter's, no one's words.
  const having = skipSpace(children, match.index - 1, -1)
  if (isWord(children[having]) && lower(children[having]!) === "having" && having === children.findIndex(isWord)) {
    const objectAt = skipSpace(children, last + 1, 1)
    const comma = children[skipSpace(children, objectAt + 1, 1)]
    if (isWord(children[objectAt]) && lower(children[objectAt]!) === "that" && comma !== undefined && text(comma) === ",") return []
    return plausible(mainSubject(children, last, isHead))
  }
  // "a draft plan supported by the United States": a participle before "by"
  // is a passive, and its agent the source.
  const at = skipSpace(children, last + 1, 1)
  if (/ed$/.test(match.phrase) && isWord(children[at]) && lower(children[at]!) === "by" && !isMeans(children, match, at)) return plausible(agent(children, last + 1))
  // "the name of Mr. Pinchuk, described as one of …": a participle set off
  // before "as" and what it is taken for is a passive that names no one; the
  // word before it is what was described. Not "Trump, asked as he left
  // whether …", where "as" opens a clause.
  const setOffBy = children[skipSpace(children, match.index - 1, -1)]
  const taken = children[skipSpace(children, at + 1, 1)]
  if (/ed$/.test(match.phrase) && isWord(children[at]) && lower(children[at]!) === "as" && setOffBy !== undefined && text(setOffBy) === "," &&
    isWord(taken) && !pronouns.has(lower(taken)) && !clauseWords.has(lower(taken))) return []
  const withReason = unnamedBefore(children, match.index, classifier)
  if (withReason.length > 0) return withReason
  let i = skipSpace(children, match.index - 1, -1)
  // "after initially saying": an adverb may stand between the preposition and its gerund.
  const preposition = isWord(children[i]) && /^[a-z]+ly$/.test(text(children[i]!)) ? skipSpace(children, i - 1, -1) : i
  if (isWord(children[preposition]) && gerundPrepositions.has(lower(children[preposition]!)) && /ing$/.test(match.phrase)) {
    // "After suggesting on Wednesday that …, Mr. Rubio": opening the
    // sentence, the gerund's subject is the main clause's.
    if (preposition === children.findIndex(isWord)) {
      // Not an empty subject ("Without knowing the outcome, it's hard to
      // say"), nor a paper or a count the gerund dangles before ("After saying
      // the virus was under control, the number of cases doubled").
      // Here a bare "it" is empty too: "After announcing the cuts, it took the company a year".
      const main = plausible(mainSubject(children, last, isHead))
      const empty = main.length > 0 && (lower(main[0]!) === "it" || emptySubjects.has(lower(main[0]!)))
      return empty || (main.length > 0 && classifier.classify(main.map(text)).kind === "document") ? [] : main
    }
    if (lower(children[preposition]!) === "for") {
      const doer = blamedFor(children, preposition, plausible, classifier)
      if (doer !== undefined) return doer
    }
    // "It's impossible to judge without knowing", "There's no way to tell
    // without seeing": an empty subject leaves the gerund no one's.
    const found = plausible(subject(children, preposition, classifier, true))
    return found.length === 1 && emptySubjects.has(lower(found[0]!)) ? [] : found
  }
  // Skip what stands between a subject and its verb: auxiliaries, adverbs and
  // times ("has long said", "just this month announced", "on Monday said").
  // A verb that takes an infinitive hands its subject on ("Cruz … seemed to
  // blame", "Clinton is trying to show"), and its form then says whether
  // an auxiliary before it makes a passive.
  let form = match.phrase
  for (;;) {
    let afterTime = false
    let afterAdverb = false
    while (isWord(children[i])) {
      const word = lower(children[i]!)
      // "Rep. Billy Long said", "USA Today reported": a capital after a capital
      // is a name's part, though it is also an adverb or a time written in lower
      // case; a day always has its capital ("Broaddrick Sunday recounted").
      const part = namePart(children, i) && !weekdays.has(word)
      const time: boolean = (timeWords.has(word) && !part) || /^\d{4}$/.test(word) || (afterTime && timeLinks.has(word))
      // An -ly word is an adverb ("publicly said"), unless it names someone ("A
      // Clinton ally suggested"); a word of degree goes with it ("most recently said").
      const adverb = /^[a-z]+ly$/.test(text(children[i]!)) && !isHead(word)
      const degree = afterAdverb && degreeWords.has(word)
      if (part || (!time && !verbalWords.has(word) && !floating.has(word) && !adverb && !degree)) break
      afterAdverb = adverb
      // "are expected to", "was told": in the passive the subject is not the
      // source. "would view": a modal makes it the reporter's speculation.
      // "is demanding" is progressive, not passive: only participles make a passive.
      if (passiveOrModal.has(word) && !(/ing$/.test(form) && !modals.has(word))) {
        // "has been endorsed by dozens of papers": the agent of a passive is the source.
        return modals.has(word) ? [] : plausible(agent(children, last + 1))
      }
      afterTime = time
      i = skipSpace(children, i - 1, -1)
    }
    if (!isWord(children[i]) || lower(children[i]!) !== "to") break
    const speaker = infinitiveSpeaker(children, i)
    if (speaker === undefined) return []
    if ("object" in speaker) return plausible(speaker.object)
    form = lower(children[speaker.verb]!)
    i = skipSpace(children, speaker.verb - 1, -1)
  }
  // A second verb of the same subject: "Obama changed course and decided",
  // "Eggleston expressed concern and said".
  if (isWord(children[i]) && /^(and|but|yet)$/.test(lower(children[i]!))) return plausible(subject(children, i, classifier, true))
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
    const before = antecedentOf(children, i)
    i = before.end
    // Or, failing that, the antecedent starts after its last preposition
    // ("politically risky for Cruz, who").
    const words = before.phrase
    const preposition = words.findLastIndex((w, at) => at < words.length - 1 && tailPrepositions.has(lower(w)))
    const found = plausible(before.words)
    const named = found.length > 0 || preposition < 0 ? found : plausible(words.slice(preposition + 1))
    // "an architect who said": "who" stands for a person even where the
    // lexicon knows no head for its antecedent, so it is the source itself.
    if (named.length === 0 && lower(pronoun) === "who") return [pronoun]
    if (isWord(children[i])) return named
  }
  // "42% say": a share ends in its percent sign.
  if (isWord(children[i]) || (children[i] !== undefined && text(children[i]!) === "%")) {
    // "One of the doctors who sent the letter called": the words are the
    // predicate of a relative clause, and the source stands before it.
    const walked = phrase(children, i, -1)
    if (!predicateAfterWho(children, walked, isHead)) {
      const found = plausible(walked)
      if (found.length > 0) return coordination(children, i, found, plausible, isHead) ?? found
      // "Experts on North Korea and nuclear nonproliferation said", "RT and
      // its defenders say": when the words after an "and" name no one, the
      // source is the whole coordination, typed by its first head.
      const coordinated = plausible(phrase(children, i, -1, true))
      if (coordinated.length > 0) return coordinated
    }
    // "Democrats in Iowa who watched the debate said they …": the subject
    // stands before its relative clause. Only where the cue goes on to its
    // content and the clause ends in a noun: in "who made a strong showing on
    // Tuesday", "who helped negotiate" or "who won the most pledged
    // delegates" the cue word is the clause's own.
    // A time after the cue is the cue's: "warned on Tuesday that", "said Wednesday, \"…\"".
    const first = skipSpace(children, last + 1, 1)
    let after = first
    while (isWord(children[after]) && (timeWords.has(lower(children[after]!)) || (timeLinks.has(lower(children[after]!)) && lower(children[after]!) !== "that"))) {
      after = skipSpace(children, after + 1, 1)
    }
    const next = children[after]
    const goesOn = (after > first && !isWord(next)) || (isWord(next) && !tailPrepositions.has(lower(next)) && (lower(next) === "that" || !clauseWords.has(lower(next))))
    const ending = lower(children[i]!)
    const nounEnds = !/(ed|ing|ly|n['’]t|^said|^says|^told)$/.test(ending) && !verbalWords.has(ending) && !modals.has(ending) && !tailPrepositions.has(ending) && !determiners.has(ending) && !/^(most|more|enough|one|to)$/.test(ending)
    return goesOn && nounEnds && !/ing$/.test(match.phrase) ? plausible(relativeAntecedent(children, i)) : []
  }
  // Inverted, after a quote or at the start: `"…," said Caddell`; after a
  // clause only when the source ends the sentence or a clause: `…, noted
  // NBC's Dante Chinni.`; not `Ott Pruitt, the attorney general, said the rule …`.
  let back = skipSpace(children, match.index - 1, -1)
  const comma = children[back] !== undefined && text(children[back]!) === ","
  if (comma) back = skipSpace(children, back - 1, -1)
  // An archive's three apostrophes close a single quote inside a double one
  // (''the word 'old-school,''' said Slayton): normalised, the single's mark
  // comes last, right after the double's.
  if (back > 0 && text(children[back]!) === "'" && text(children[back - 1]!) === "\"") back--
  const afterQuote = back < 0 || text(children[back]!) === "\""
  const next = children[skipSpace(children, last + 1, 1)]
  // After a quote any words can follow: `"…," said one Democratic source`.
  // A participle is never inverted: in "…, announcing an envoy" the envoy is announced.
  // A count opens a source as a determiner does: "…, said one GOP source in the room", "…, said two officials".
  // "Tracy Martin, Trayvon's father, issued a statement": a comma that closes
  // the subject's appositive comes before its verb, not after what was said.
  // "It" after a cue is what was said: "…, Tuesday, said it".
  const inverted = afterQuote || (comma && !closesAppositive(children, back + 1, isHead))
  if (inverted && !/ing$/.test(match.phrase) && isWord(next) && lower(next) !== "it" &&
    (afterQuote || isCapitalised(next) || determiners.has(lower(next)) || numberWords.includes(lower(next)) || pronouns.has(lower(next)) || isHead(lower(next)))) {
    const run = phrase(children, last + 1, 1)
    const found = withAnonymity(run, plausible(leadingPhrase(run, isHead, afterQuote)), classifier)
    // "…, said his spokesman" is someone's; "…, denounced her record" is an object.
    const object = possessives.includes(lower(next)) && found.length > 0 && !people.has(classifier.classify(found.map(text)).kind)
    const words = object ? [] : found
    const after = words.length > 0 ? children[skipSpace(children, children.indexOf(words.at(-1)!) + 1, 1)] : undefined
    // A pronoun ends an inverted clause ("…," said he.); one that goes on is
    // its content's subject: 3 percent of "liberals" said they would vote.
    const goesOn = words.length === 1 && pronouns.has(lower(words[0]!)) && isWord(after)
    if (words.length > 0 && ((afterQuote && !goesOn) || after === undefined || /^[.!?,]$/.test(text(after)))) return words
    // "…, said one GOP source in the room.": one person by role may go on
    // with a tail to the end of the clause; "…, said the rule in the state"
    // is no inverted source.
    if (words.length > 0 && isWord(after) && tailPrepositions.has(lower(after)) && classifier.isPerson(words.map(text)) && endsClause(children, children.indexOf(after))) {
      return words
    }
  }
  // "…, a spokeswoman, Anna White, said": named after what was said.
  if (comma) {
    const named = plausible(trailingAppositive(children, match.index, classifier))
    if (named.length > 0) return named
  }
  // Appositive or participle: the subject of the main clause.
  // "Deans, the party's chairwoman, is supporting": progressive, not a participle.
  const progressive = skipSpace(children, match.index - 1, -1) !== i
  return plausible(subject(children, match.index, classifier, /ing$/.test(match.phrase) && !progressive))
}
