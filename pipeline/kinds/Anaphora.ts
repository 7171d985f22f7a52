/**
 * Anaphora: what a pronoun or an anaphoric document stands for.
 *
 * "He said", "the report says": the source is the nearest earlier named
 * source of a kind the word can mean. "he", "she" and "I" mean a person;
 * "it" an organisation, an outlet, a state, a paper or a one-word name
 * that may be a company's; "they" people named together ("Schumer and
 * McConnell"), for a body or a country is "it"; "we" an organisation, an
 * outlet, a state or a person speaking for others; "the report" an outlet
 * or an organisation.
 */
import type { Outlet } from "../Rules.ts"
import type { Classifier, Gender, SourceKind } from "../Sources.ts"
import { sentenceOpeners, subordinators, titleAbbreviations } from "./Grammar.ts"

/** A named source seen earlier in the article, for resolving pronouns. */
export interface Mention {
  readonly kind: SourceKind
  readonly name: string
  readonly outlet?: Outlet
  /** An outlet that carried someone's words ("told The New York Times"): a short name can mean it, a pronoun cannot. */
  readonly carrier?: boolean
  /** What the person's name or title, or the article's names with the same surname, say: "he" never means Nancy Pelosi. */
  readonly gender?: Gender
  /** A person named who has not spoken ("Keir Starmer spoke to reporters"): only "he" or "she" can mean them. */
  readonly mentioned?: true
  /** People named together ("Schumer and McConnell"): "they" can mean them, "he" and "she" cannot. */
  readonly several?: true
}

/** Each surname's gender as the article's names say it ("Pelosi" from "House Speaker Nancy Pelosi"); null where two of them disagree. */
export type Surnames = Map<string, Gender | null>

// A capitalised word, or a short title with its stop, and the capitalised
// words after it: "Mrs. Clinton", "George H.W. Bush". Past the first, a word
// keeps a stop only as an initial or a title before another capital ("Then
// Rep. Ilhan Omar"): "Brafman. Either" and "Ted Cruz. Mary" are two sentences. One
// space between words: a headline and the line after it are two names.
const nameRun = new RegExp(
  `(?:\\p{Lu}\\p{Ll}{0,3}\\.|\\p{Lu}[\\p{L}’'-]*)(?: (?:\\p{Lu}\\.)+(?= \\p{Lu})| (?:${titleAbbreviations.join("|")})\\.(?= \\p{Lu})| \\p{Lu}[\\p{L}’'-]*)+`,
  "gu"
)

/** A paragraph's runs of capitalised words, where it names people (and much else): read once, by `learnSurnames` and `personMentions`. */
export const nameRuns = (paragraph: string): Array<RegExpExecArray> => [...paragraph.matchAll(nameRun)]

/** A run without a possessive or a stop at its end: "Mrs. Clinton's" is "Mrs. Clinton". */
const bareName = (run: string) => run.replace(/['’]s?$/, "").replace(/\.$/, "")

/**
 * Learn what a paragraph's names say of their surnames. Every name counts,
 * not only sources': "Nancy Pelosi met Trump. Pelosi said …" makes Pelosi
 * "she" though her first name came with no cue.
 */
export const learnSurnames = (runs: ReadonlyArray<RegExpExecArray>, { genderOf, unknownGiven }: Pick<Classifier, "genderOf" | "unknownGiven">, surnames: Surnames): void => {
  for (const [run] of runs) {
    const name = bareName(run)
    // A first name that says nothing is someone the surname may mean too:
    // "Lyndon Johnson" beside "Lady Bird Johnson". Only a name of two words
    // is read so: a title and a surname ("Sen. Sanders"), or a headline's
    // capitals ("Sanders Endorses Clinton"), are no evidence either way.
    const words = name.split(" ")
    const gender = genderOf(name) ?? (words.length === 2 && unknownGiven(words[0]!) ? null : undefined)
    if (gender === undefined) continue
    const surname = words.at(-1)!
    const known = surnames.get(surname)
    surnames.set(surname, known === undefined || known === gender ? gender : null)
  }
}

/**
 * Where a paragraph names a person as a sentence's subject, with a first
 * name or a title that says their gender ("Angela Merkel met Emmanuel Macron
 * in Berlin"): "he" or "she" after it can mean them, though they have not
 * spoken. Only subjects (`opens` says where a sentence's subject can start):
 * a person named in an object or a quotation ("… showed Mr. Trump's support
 * holding") is seldom whom the next "he" means.
 */
export const personMentions = (
  runs: ReadonlyArray<RegExpExecArray>,
  { classify, genderOf }: Pick<Classifier, "classify" | "genderOf">,
  surnames: Surnames,
  opens: (offset: number) => "subject" | "apposition" | undefined
): Array<{ readonly start: number; readonly mention: Mention }> => {
  const found: Array<{ readonly start: number; readonly mention: Mention }> = []
  for (const match of runs) {
    const place = opens(match.index)
    if (place === undefined) continue
    // A possessive ends the name: "Mrs. Clinton's Iraq war vote". After a
    // comma it names whose the description is, not who the subject is:
    // "Brett McGurk, President Obama's special envoy, tweeted".
    const parts = match[0].split(/['’]s?(?= )/)
    if (parts.length > 1 && place === "apposition") continue
    const run = parts[0]!
    // An opening word is no part of it: "But Mary Barra addressed
    // investors", "Yesterday John Doe voted"; after a subordinating
    // conjunction the name is no main clause's subject: "When President Joe
    // Biden took office".
    if (subordinators.has(run.split(" ")[0]!.toLowerCase())) continue
    const words = bareName(run).split(" ")
    while (words.length > 0 && sentenceOpeners.has(words[0]!.toLowerCase())) words.shift()
    if (words.length < 2) continue
    const typed = classify(words)
    // Only a person whose gender the name or title says: one it does not
    // would be taken for "he" and "she" alike.
    const gender = genderOfPerson(words.join(" "), genderOf, surnames)
    if (typed.kind !== "named-person" || gender === undefined) continue
    found.push({ start: match.index, mention: { kind: "named-person", name: typed.name, mentioned: true, gender } })
  }
  return found
}

/**
 * A person's gender: their name's or title's, else what the article's names
 * with their surname say ("Clinton" after "Hillary Clinton", "Chancellor
 * Merkel" after "Angela Merkel"). Where the article also names only another
 * of that surname, that is what it says: "President Trump" beside "Ivanka
 * Trump" alone is taken for her gender.
 */
export const genderOfPerson = (name: string, genderOf: (name: string) => Gender | undefined, surnames: Surnames): Gender | undefined =>
  genderOf(name) ?? surnames.get(name.split(" ").at(-1)!) ?? undefined

/**
 * The outlet a newspaper's short name stands for: the nearest earlier one
 * the registry says goes by it. "The Times" after "The New York Times
 * reported", not after "The Financial Times reported"; none when the article
 * named no such outlet.
 */
export const fullOutlet = (history: ReadonlyArray<Mention>, short: string): Outlet | undefined => {
  const word = short.replace(/^the /i, "").toLowerCase()
  for (let i = history.length - 1; i >= 0; i--) {
    const outlet = history[i]!.outlet
    if (outlet?.short?.toLowerCase() === word) return outlet
  }
  return undefined
}

/** The nearest earlier mention a pronoun or anaphoric document can mean. */
export const resolve = (history: ReadonlyArray<Mention>, kind: SourceKind, words: ReadonlyArray<string>) => {
  const first = words[0]!.toLowerCase()
  // A name that says the other gender is passed over; one that says none is not.
  // "They" is one person only where several were named together.
  const plural = /^(they|their|them)$/.test(first)
  const other: Gender | undefined = /^(he|his|him)$/.test(first) ? "female" : /^(she|her)$/.test(first) ? "male" : undefined
  const wanted: ReadonlyArray<SourceKind> | undefined =
    kind === "pronoun"
      ? /^(he|she|i|his|her|him|my)$/.test(first)
        ? ["named-person"]
        : /^(it|its)$/.test(first)
        ? ["named-organisation", "media-outlet", "state", "document", "named-person"]
        : plural
        ? ["named-person"]
        : ["named-organisation", "media-outlet", "state", "named-person"]
      : kind === "document" && (first === "the" || first === "this" || first === "that")
      ? ["media-outlet", "named-organisation"]
      : undefined
  if (!wanted) return undefined
  for (let i = history.length - 1; i >= 0; i--) {
    const mention = history[i]!
    // People unnamed who spoke since are whom "they" means, and no name
    // before them: "Officials said … They added".
    if (plural && mention.kind === "vague-collective") return undefined
    if (mention.mentioned && other === undefined) continue
    if (mention.kind === "named-person" && plural !== (mention.several === true)) continue
    // "It" means no person; a one-word name nothing says is a person of
    // may be a company the lexicon does not know ("Twitter said … It added").
    if (mention.kind === "named-person" && /^its?$/.test(first) && (mention.gender !== undefined || mention.name.includes(" "))) continue
    if (wanted.includes(mention.kind) && !mention.carrier && (other === undefined || mention.gender !== other)) return mention.name
  }
  return undefined
}
