/**
 * Anaphora: what a pronoun or an anaphoric document stands for.
 *
 * "He said", "the report says": the source is the nearest earlier named
 * source of a kind the word can mean. "he", "she" and "I" mean a person;
 * "it", "they" or "we" an organisation, an outlet, a state or a person; "the
 * report" an outlet or an organisation.
 */
import type { Outlet } from "../Rules.ts"
import type { Classifier, Gender, SourceKind } from "../Sources.ts"

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
}

/** Each surname's gender as the article's names say it ("Pelosi" from "House Speaker Nancy Pelosi"); null where two of them disagree. */
export type Surnames = Map<string, Gender | null>

// A capitalised word, or a short title with its stop, and the capitalised
// words after it: "Mrs. Clinton", "George H.W. Bush". Past the first, a word
// keeps a stop only as an initial: "Brafman. Either" is two sentences.
const nameRun = /(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}’'-]*)(?:[ \t]+(?:\p{Lu}\.)+(?=[ \t]+\p{Lu})|[ \t]+\p{Lu}[\p{L}’'-]*)+/gu

/**
 * Learn what a paragraph's names say of their surnames. Every name counts,
 * not only sources': "Nancy Pelosi met Trump. Pelosi said …" makes Pelosi
 * "she" though her first name came with no cue.
 */
export const learnSurnames = (paragraph: string, genderOf: (name: string) => Gender | undefined, surnames: Surnames): void => {
  for (const [run] of paragraph.matchAll(nameRun)) {
    const name = run.replace(/['’]s?$/, "").replace(/\.$/, "")
    const gender = genderOf(name)
    if (!gender) continue
    const surname = name.split(/[ \t]+/).at(-1)!
    const known = surnames.get(surname)
    surnames.set(surname, known === undefined || known === gender ? gender : null)
  }
}

// Titles that make the capitals after them a person's name: "Prime Minister Keir Starmer", "Sen. Jane Doe".
const personTitle = /^(Mr|Mrs|Ms|Dr|Sen|Senator|Rep|Gov|Governor|President|Minister|Chancellor|Secretary|Mayor|Judge|Justice|Gen|General|Col|Lt|Rev|Pope|Prof|Professor)\.?$/

/**
 * Where a paragraph names a person as a sentence's subject, as far as a
 * first name or a title says it is one ("Prime Minister Keir Starmer spoke
 * to reporters"): "he" or "she" after it can mean them, though they have not
 * spoken. Only subjects (`opens` says where a sentence's subject can start):
 * a person named in an object or a quotation ("… showed Mr. Trump's support
 * holding") is seldom whom the next "he" means.
 */
export const personMentions = (
  paragraph: string,
  { classify, genderOf }: Pick<Classifier, "classify" | "genderOf">,
  surnames: Surnames,
  opens: (offset: number) => boolean
): Array<{ readonly start: number; readonly mention: Mention }> => {
  const found: Array<{ readonly start: number; readonly mention: Mention }> = []
  for (const match of paragraph.matchAll(nameRun)) {
    if (!opens(match.index)) continue
    // A possessive ends the name: "Mrs. Clinton's Iraq war vote".
    const run = match[0].split(/['’]s?(?=[ \t])/)[0]!
    // An opening conjunction is no part of it: "But Mary Barra addressed investors".
    const words = run.replace(/['’]s?$/, "").replace(/\.$/, "").split(/[ \t]+/).filter((word, i) => i > 0 || !/^(But|And|So|Yet|Then|Still|Meanwhile)$/.test(word))
    if (words.length < 2 || !(genderOf(words.join(" ")) || words.slice(0, -1).some((word) => personTitle.test(word)))) continue
    const typed = classify(words)
    if (typed.kind !== "named-person") continue
    const gender = genderOfPerson(words.join(" "), genderOf, surnames)
    found.push({ start: match.index, mention: { kind: "named-person", name: typed.name, mentioned: true, ...(gender ? { gender } : {}) } })
  }
  return found
}

/** A person's gender: their name's or title's, else their surname's in this article ("Clinton" after "Hillary Clinton"). */
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
  const other: Gender | undefined = /^(he|his|him)$/.test(first) ? "female" : /^(she|her)$/.test(first) ? "male" : undefined
  const wanted: ReadonlyArray<SourceKind> | undefined =
    kind === "pronoun"
      ? /^(he|she|i|his|her|him|my)$/.test(first)
        ? ["named-person"]
        : ["named-organisation", "media-outlet", "state", "named-person"]
      : kind === "document" && (first === "the" || first === "this" || first === "that")
      ? ["media-outlet", "named-organisation"]
      : undefined
  if (!wanted) return undefined
  for (let i = history.length - 1; i >= 0; i--) {
    const mention = history[i]!
    if (mention.mentioned && other === undefined) continue
    if (wanted.includes(mention.kind) && !mention.carrier && (other === undefined || mention.gender !== other)) return mention.name
  }
  return undefined
}
