/**
 * Attribution: the relations of "who said what, through whom".
 *
 * For each cue (Cues) the source words are found (SourceSpan) and typed
 * (Sources); the content is what the sentence leaves over (Content); chains
 * follow the outlets and documents the words came through (Chains).
 *
 * Pronouns and anaphoric documents ("the report") resolve to the nearest
 * earlier named source (Anaphora) through `file.data.history`, which the
 * analyser shares across the paragraphs of one article.
 *
 * Each relation carries what its cue reports (`Cue.reports`): speech, a
 * thought, or a stance. A thought or stance inside other attributed content
 * ("he said he wants …") is part of that content, not a relation of its own;
 * the content of a stance ("plans to", "refused to") is a position, not a
 * claim, so the certainty analysis leaves it in the reporter's voice.
 */
import type { Root, Sentence, SentenceContent } from "nlcst"
import type { Plugin } from "unified"
import type { VFile } from "vfile"
import type { CueReport, Outlet } from "../Rules.ts"
import type { Classifier, SourceKind } from "../Sources.ts"
import { isCueOwner, longestFirst, notACue } from "./Cues.ts"
import { introducesColon, isTurnLabel, type Structure, structuralCues } from "./StructuralCues.ts"
import { type Match, owned } from "./Match.ts"
import { spanOf } from "./Message.ts"
import { isQuoted } from "./Quotes.ts"
import { citedThrough, documentOutlet, heardThrough, quotedThrough, toldOutlet } from "./Chains.ts"
import { contentOf, nested } from "./Content.ts"
import { antecedentOf } from "./NounPhrase.ts"
import { fullOutlet, genderOfPerson, learnSurnames, type Mention, nameRuns, personMentions, resolve, type Surnames } from "./Anaphora.ts"
import { hasObject, isShare, partitive, postModifier } from "./Plausible.ts"
import { sourceFor } from "./SourceSpan.ts"
import { auxiliaries, maxSourceWords, possessives, sentenceOpeners, verbalWords, verbOnly } from "./Grammar.ts"
import { isBoundary, isWord, lower, sentences as sentencesOf, skipSpace, text } from "./Tokens.ts"

export { cueEntries } from "./Cues.ts"
export type { Mention, Surnames } from "./Anaphora.ts"

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
  /** What the cue reports: hedges in the content of a `stance` stay the reporter's. */
  readonly reports: CueReport
}

declare module "vfile" {
  interface DataMap {
    attributions: Array<Relation>
    history: Array<Mention>
    surnames: Surnames
  }
}

/** Find attribution relations for every cue match. */
export const attributionKind: Plugin<[Classifier, AttributionOptions], Root> = (classifier, options) => {
  const labels = new Set((options.labels ?? []).map((label) => label.toLowerCase()))
  const surveys = new Set((options.surveys ?? []).map((survey) => survey.toLowerCase()))
  return (tree, file) => attribute(tree, file, classifier, options, labels, surveys)
}

/** What the attribution kind is told: its rule id, the cue shapes and the editors' labels. */
export interface AttributionOptions {
  readonly id: string
  readonly structures: ReadonlyArray<Structure>
  /** Words before a colon that label the article's furniture, not a speaker: Correction. */
  readonly labels?: ReadonlyArray<string>
  /** Heads of a survey that an opening "In a … poll," cites: poll, survey. */
  readonly surveys?: ReadonlyArray<string>
}

/**
 * The first words of the clause that starts at `from`, up to its closing
 * punctuation: as many as a reason for anonymity takes, so a long sentence
 * with no commas costs no more.
 */
const clauseFrom = (children: ReadonlyArray<SentenceContent>, from: number): Array<string> => {
  const words: Array<string> = []
  for (let i = from; i < children.length && !isBoundary(children[i]!) && words.length < maxSourceWords; i++) if (isWord(children[i])) words.push(text(children[i]!))
  return words
}

/**
 * Whether words name people together ("Schumer and McConnell", "Sanders and
 * his aides"): "they" can mean them, and never "he". Not an "and" inside a
 * title ("Health and Human Services Secretary Alex Azar") or a name ("Procter
 * and Gamble"): the side after it must not go on to a name of its own, and
 * the side before must be someone.
 */
const namedTogether = (words: ReadonlyArray<string>, classify: Classifier["classify"]) => {
  const and = words.indexOf("and")
  if (and < 1 || and === words.length - 1) return false
  const [first, second] = [classify(words.slice(0, and)), classify(words.slice(and + 1))]
  const titled = second.kind === "named-person" && second.name !== words.slice(and + 1).join(" ")
  return !first.guessed && !second.guessed && !titled && (first.kind === "named-person" || second.kind === "named-person")
}

/**
 * Whether what a cue introduces is a clause whose subject is the speaker's
 * own "its": "Pfizer said (that) its vaccine works", "said its rockets would
 * fly". A verb must follow within a few words: in "explained its purpose"
 * the "its" is the cue's object's, whoever explains.
 */
const saysIts = (children: ReadonlyArray<SentenceContent>, match: Match) => {
  let at = skipSpace(children, match.index + match.nodes.length, 1)
  if (isWord(children[at]) && lower(children[at]!) === "that") at = skipSpace(children, at + 1, 1)
  if (!isWord(children[at]) || lower(children[at]!) !== "its") return false
  for (let i = skipSpace(children, at + 1, 1), words = 0; isWord(children[i]) && words < 4; i = skipSpace(children, i + 1, 1), words++) {
    const word = lower(children[i]!)
    // Right after "its" an -s word is its noun ("its rockets"); later, a verb ("its vaccine works").
    if (auxiliaries.has(word) || verbalWords.has(word) || (words > 0 && /[a-z](s|ed)$/.test(word))) return true
  }
  return false
}

/** The words title case leaves in lower case. */
const titleSmallWords = new Set(["a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at", "by", "with", "as", "but", "nor", "from", "into", "vs"])

/**
 * Where a sentence's subject can start: its first word (with any opening
 * conjunction: "But Ayotte isn't interested"), or the first after a comma
 * among its first words, which ends an opening phrase ("On Monday,
 * Jane Doe said") or opens a name in apposition ("Her colleague, Dr. Mark
 * Owens, disagreed"); never inside a quotation.
 */
const subjectStarts = (tree: Root, quotes: ReadonlyArray<{ readonly start: number; readonly end: number }>) => {
  const starts = new Map<number, "subject" | "apposition">()
  for (const sentence of sentencesOf(tree)) {
    const words = sentence.children.filter(isWord)
    const first = words[0]
    // A headline in title case runs its name into its verbs ("Donald Trump
    // Sounds Weirdly Sophisticated"): a sentence with no lowercase word but
    // the short ones title case leaves small is one. (Stricter than
    // `isTitleCase`, which lets every short word pass, as headlines' "is"
    // and "up" do, and so takes "But Angela Merkel met Emmanuel Macron in
    // Berlin" for a headline.)
    if (first === undefined || !words.some((word) => /^\p{Ll}/u.test(text(word)) && !titleSmallWords.has(lower(word)))) continue
    // An opening conjunction is capitalised too, so a name after it starts the run ("But Mary Barra").
    starts.set(spanOf(first).start, "subject")
    // Only after a short opening phrase or description: "On Monday,", "Her
    // colleague,"; not after a clause's object ("Police arrested a man, John Brown,").
    const comma = sentence.children.findIndex((node) => text(node) === ",")
    const afterComma = comma > 0 ? sentence.children.slice(comma + 1).find(isWord) : undefined
    const opener = sentenceOpeners.has(lower(first)) || possessives.includes(lower(first))
    if (afterComma && opener && sentence.children.slice(0, comma).filter(isWord).length <= 4 && !starts.has(spanOf(afterComma).start)) starts.set(spanOf(afterComma).start, "apposition")
  }
  return (offset: number) => (isQuoted(quotes, offset, offset + 1) ? undefined : starts.get(offset))
}

const attribute = (tree: Root, file: VFile, classifier: Classifier, options: AttributionOptions, labels: ReadonlySet<string>, surveys: ReadonlySet<string>) => {
  const { classify } = classifier
  const relations: Array<Relation> = (file.data.attributions ??= [])
  const history: Array<Mention> = (file.data.history ??= [])
  const surnames: Surnames = (file.data.surnames ??= new Map())
  const bySentence = new Map<Sentence, Array<Relation>>()
  // Relations whose source owns the cue ("Trump's claim"), and says nothing more.
  const ownersOnly = new Set<Relation>()
  // Relations whose cue cites: the cited source speaks through the sentence's other source.
  const relays = new Set<Relation>()
  const quotes = file.data.quotes ?? []
  const paragraph = String(file.value)
  const runs = nameRuns(paragraph)
  learnSurnames(runs, classifier, surnames)
  // People named who have not spoken join the history where the text names
  // them, before the relations that come after them are resolved.
  const named = personMentions(runs, classifier, surnames, subjectStarts(tree, quotes))
  let namedTo = 0
  const namedBefore = (offset: number) => {
    for (; namedTo < named.length && named[namedTo]!.start < offset; namedTo++) history.push(named[namedTo]!.mention)
  }
  const cues = owned(file.data.matches, isCueOwner)
  const shapes = new Set(options.structures)
  if (shapes.size > 0) {
    cues.push(...structuralCues(tree, shapes, classifier.isHead, labels, surveys).filter((c) =>
      !cues.some((k) => (k.match.start <= c.match.start && c.match.end <= k.match.end) || introducesColon(k.match, c.match))))
  }

  // "an analysis of campaign-finance reports shows": an -s form right before
  // another cue is the plural noun that cue's subject ends in, not a verb.
  // Not before a noun's cue ("dismisses accusations"), nor a form that is
  // only ever a verb ("Trump says praise from Putin helps").
  const nextCue = (match: Match) => {
    if (verbOnly.has(match.phrase.toLowerCase())) return false
    const next = match.sentence.children[skipSpace(match.sentence.children, match.index + match.nodes.length, 1)]
    return isWord(next) && cues.some(({ match: other, owner }) =>
      owner.cue.phrases.length > 0 && owner.cue.source !== "possessor" && other.sentence === match.sentence && other.nodes[0] === next)
  }
  // "people close to the talks, who asked not to be named": the clause gives
  // the reason for anonymity that the standards ask for; nobody speaks in it.
  // The cue must be inside the words that say so: in "An official who asked
  // not to be identified said", "said" is the official speaking.
  const givesAnonymity = (match: Match) => {
    const children = match.sentence.children
    for (let i = skipSpace(children, match.index - 1, -1), words = 0; isWord(children[i]) && words <= maxSourceWords; i = skipSpace(children, i - 1, -1), words++) {
      if (!/^(who|that)$/.test(lower(children[i]!))) continue
      // The cue is word `words + 1` of the clause, and the phrase must hold
      // it: in "who said sources close to the White House had leaked it" or
      // "who said on condition of anonymity that" it starts after "said".
      const phrase = classifier.anonymityIn(clauseFrom(children, i))
      return phrase !== undefined && phrase.first <= words + 1 && words + 1 <= phrase.last
    }
    return false
  }
  const verbs = cues.filter(({ match }) => !(match.nodes.length === 1 && /s$/i.test(match.phrase) && nextCue(match)) && !givesAnonymity(match))
  cues.splice(0, cues.length, ...verbs)

  const inCue = (word: SentenceContent, match: Match) => {
    const at = spanOf(word)
    return cues.some(({ match: other, owner }) =>
      other !== match && other.sentence === match.sentence && other.start <= at.start && at.end <= other.end &&
      !notACue(other.sentence.children, other, owner.cue))
  }

  const taken: Array<{ readonly start: number; readonly end: number }> = []
  for (const { match, owner } of longestFirst(cues)) {
    if (taken.some((t) => match.start < t.end && t.start < match.end)) continue
    const children = match.sentence.children
    if (notACue(children, match, owner.cue)) continue
    // Inside a quote, "I think" or "he said" are the quoted speaker's own
    // words: the quote is attributed as a whole, not sourced again.
    // A transcript's turn opens with its quote mark before the speaker:
    // `"PENCE: Well, look, …` is Pence speaking, not a quoted colon.
    if (isQuoted(quotes, match.start, match.end) && !isTurnLabel(children, match)) continue
    const siblings = bySentence.get(match.sentence) ?? []
    // The same speaker goes on: ", stating …" after "Putin reiterated", or a
    // second verb joined by "and" ("Trump tweeted … and encouraged …"). Not
    // a claim's owner, who is mentioned, not speaking: in "Pelosi dismissed
    // his claims, saying" Pelosi says it.
    const speakers = siblings.filter((relation) => !ownersOnly.has(relation))
    const joiner = lower(children[skipSpace(children, match.index - 1, -1)] ?? children[0]!)
    const continued = owner.cue.source === "before" && speakers.length > 0 &&
      ((joiner === "," && /ing$/.test(match.phrase)) || joiner === "and" || joiner === "but")
    const previous = () =>
      children.filter((node) => node.position && spanOf(node).start >= speakers.at(-1)!.source.start && spanOf(node).end <= speakers.at(-1)!.source.end && isWord(node))
    // "The Times cited two officials", "the Journal, which cited people
    // familiar with the matter": an outlet that cites someone relays them,
    // as "citing" does; anyone else who cites something is its source
    // ("Trump cited a study"), and the cue's other reading takes it.
    const citer = owner.cue.relay && !/ing$/.test(match.phrase) ? sourceFor(children, match, { ...owner.cue, source: "before", relay: false }, classifier) : undefined
    const citerKind = citer && citer.length > 0 ? classify(citer.map(text)) : undefined
    if (citer && citerKind?.kind !== "media-outlet") continue
    let found = continued ? previous() : sourceFor(children, match, owner.cue, classifier)
    // "Analysts said …, citing the strategic importance": a relay that cites
    // no source is the earlier speaker going on.
    if (owner.cue.relay && joiner === "," && speakers.length > 0 && found.length > 0 && spanOf(found[0]!).start < match.start) found = previous()
    // "Merrill says Machado promised": a source never runs across another
    // cue; what follows that cue is the source.
    // "according to a survey of voter lists" introduces nothing but its
    // source, so a cue's word inside it ("lists") is part of the name.
    const introduces = owner.cue.source === "after" && !owner.cue.relay && owner.cue.phrases.length > 0
    const crossed = introduces ? -1 : found.findLastIndex((word) => inCue(word, match))
    // "Lawmakers arguing for the bill said", "the man accused of the attack
    // said": a cue's participle that modifies the source's noun says who the
    // speakers are, and what follows it is not who spoke.
    const modifies = crossed > 0 && postModifier(found, classifier.isHead) === crossed
    const cut = crossed === -1 ? found : modifies ? found.slice(0, crossed) : found.slice(crossed + 1)
    // "media reports and party sources described": cut after the other cue, a side is left without its "and".
    const words = cut.length > 1 && lower(cut[0]!) === "and" ? cut.slice(1) : cut
    if (words.length === 0) continue
    // "an architect who said": the span stays the pronoun, but who speaks is
    // the noun phrase it stands for, as a pronoun resolves to a name.
    const referent = words.length === 1 && lower(words[0]!) === "who" ? antecedentOf(children, children.indexOf(words[0]!)).words : []
    const whole = classify((referent.length > 0 ? referent : words).map(text))
    const of = partitive(words)
    // "Nearly eight of 10 voters": typed as the group they are part of; "42%",
    // "Several": a share of a group no head names is a group all the same.
    // "People briefed on the move": typed by the words before their modifier.
    const modifier = whole.guessed && of < 0 ? postModifier(words, classifier.isHead) : -1
    const read = whole.guessed && of > 0 ? { ...classify(words.slice(of + 1).map(text)), name: whole.name }
      : modifier > 0 ? { ...classify(words.slice(0, modifier).map(text)), name: whole.name }
      : isShare(words) ? { ...whole, kind: "vague-collective" as const } : whole
    // "The Times said" after "The New York Times reported": the outlet named in full before.
    const named = read.kind === "media-outlet" && read.outlet === undefined ? fullOutlet(history, read.name) : undefined
    // "Pfizer said its vaccine works": a one-word name the lexicon cannot
    // type, which speaks of "its" own, is a company or a body, not a person.
    const own = read.kind === "named-person" && words.length === 1 && genderOfPerson(read.name, classifier.genderOf, surnames) === undefined && saysIts(children, match)
    const typed = named ? { ...read, outlet: named } : own ? { ...read, kind: "named-organisation" as const } : read
    if (owner.accepts && !owner.accepts(children, match, typed.kind, words.map(text))) continue
    // "a report issued this month": the paper is what was put out; but
    // "Trump's Twitter account posted a video" puts out its object.
    if (typed.kind === "document" && owner.cue.putsOut && !hasObject(children, match)) continue
    taken.push(match)
    const span = { start: spanOf(words[0]!).start, end: spanOf(words.at(-1)!).end }
    if (introduces) taken.push(span)
    namedBefore(span.start)
    const resolvesTo = referent.length > 0 ? referent.map(text).join(" ") : resolve(history, typed.kind, words.map(text))
    const source: Source = {
      start: span.start,
      end: span.end,
      kind: typed.kind,
      ...(typed.outlet ? { outlet: typed.outlet } : {}),
      ...(resolvesTo === undefined ? {} : { resolvesTo })
    }
    // A possessor is mentioned, not speaking: "he" later means the speaker.
    // A paper is remembered for "it" alone ("The report showed … It said").
    if (typed.kind !== "pronoun" && typed.kind !== "anonymous" && owner.cue.source !== "possessor") {
      const told = words.map(text)
      const several = typed.kind === "named-person" && namedTogether(told, classify)
      // Told by all its words: "President Trump" keeps the title that says a surname alone is not all there is.
      const gender = typed.kind === "named-person" && !several ? genderOfPerson(told.join(" "), classifier.genderOf, surnames) : undefined
      history.push({
        kind: typed.kind,
        name: several ? told.join(" ") : typed.name,
        ...(typed.outlet ? { outlet: typed.outlet } : {}),
        ...(gender ? { gender } : {}),
        ...(several ? { several } : {})
      })
    }

    const cueLast = match.index + match.nodes.length - 1
    const head = Math.min(children.indexOf(words[0]!), match.index)
    const tail = Math.max(children.indexOf(words.at(-1)!), cueLast)
    const content = contentOf(children, paragraph, quotes, { head, tail, cue: match.index, source: span, words })

    // "told Izvestia": the outlet that carried the words is an intermediary;
    // not when the source itself follows the cue ("was told by The Daily Caller").
    const carrier = owner.cue.source === "before" && span.start < match.start ? toldOutlet(children, cueLast, tail, classify) : undefined
    // "told the Times": by its short name, the outlet named in full before.
    const carrierOutlet = carrier && !carrier.outlet ? fullOutlet(history, paragraph.slice(carrier.start, carrier.end)) : undefined
    const told = carrier && carrierOutlet ? { ...carrier, outlet: carrierOutlet } : carrier
    if (told?.outlet) history.push({ kind: "media-outlet", name: told.outlet.name, outlet: told.outlet, carrier: true })
    const via: Array<Source> = told ? [told] : []
    const author = typed.kind === "document" ? documentOutlet(words, classify) : undefined
    if (author) via.push(author)
    const relation: Relation = {
      sentence: match.sentence,
      source,
      cue: { start: match.start, end: match.end, phrase: match.phrase },
      ...(content ? { content } : {}),
      via,
      reports: owner.cue.reports ?? "speech"
    }
    // "Reuters reported, citing sources": the cited source speaks through
    // Reuters; in "…, citing a threat" the subject speaks for itself.
    if (owner.cue.relay && siblings.length > 0 && span.start > match.start) via.unshift(siblings.at(-1)!.source)
    // "The Times cited two officials": through the outlet that cites them.
    else if (citer && citerKind && span.start > match.start) {
      via.unshift({ start: spanOf(citer[0]!).start, end: spanOf(citer.at(-1)!).end, kind: citerKind.kind, ...(citerKind.outlet ? { outlet: citerKind.outlet } : {}) })
    }
    siblings.push(relation)
    if (owner.cue.source === "possessor") ownersOnly.add(relation)
    if (owner.cue.relay) relays.add(relation)
    bySentence.set(match.sentence, siblings)
    relations.push(relation)
    // "Critics say", "sources said": a vague or unnamed agent is a weasel cue
    // for the sentence's certainty, whatever the verb of saying. A stance
    // ("critics oppose the bill") qualifies no claim, and a kind guessed for
    // a head no lexicon knows ("according to early returns") is no evidence.
    // One cue per source, however many verbs it has ("affirmed …, asserting").
    const weasels = (file.data.cues ??= [])
    if (relation.reports !== "stance" && !typed.guessed && (source.kind === "vague-collective" || source.kind === "anonymous") &&
      !weasels.some((c) => c.sentence === match.sentence && c.start === span.start && c.end === span.end && c.type === "weasel")) {
      weasels.push({ sentence: match.sentence, start: span.start, end: span.end, type: "weasel", voice: "reporter", ruleId: options.id })
    }
  }

  // A thought or stance inside what another relation says is part of it; its
  // content keeps the voice the outer relation gives it, and a weasel cue it
  // marked stays.
  const inner = nested(relations, paragraph)
  if (inner.size > 0) {
    relations.splice(0, relations.length, ...relations.filter((r) => !inner.has(r)))
    for (const [sentence, siblings] of bySentence) bySentence.set(sentence, siblings.filter((r) => !inner.has(r)))
  }
  namedBefore(Number.POSITIVE_INFINITY)
  citedThrough(bySentence, relays)
  quotedThrough(bySentence)
  heardThrough(bySentence)
}
