/**
 * Anaphora: what a pronoun or an anaphoric document stands for.
 *
 * "He said", "the report says": the source is the nearest earlier named
 * source of a kind the word can mean. "he", "she" and "I" mean a person;
 * "it", "they" or "we" an organisation, an outlet, a state or a person; "the
 * report" an outlet or an organisation.
 */
import type { Outlet } from "../Rules.ts"
import type { Gender, SourceKind } from "../Sources.ts"

/** A named source seen earlier in the article, for resolving pronouns. */
export interface Mention {
  readonly kind: SourceKind
  readonly name: string
  readonly outlet?: Outlet
  /** An outlet that carried someone's words ("told The New York Times"): a short name can mean it, a pronoun cannot. */
  readonly carrier?: boolean
  /** What the person's name or title, or the article's names with the same surname, say: "he" never means Nancy Pelosi. */
  readonly gender?: Gender
}

/** Each surname's gender as the article's names say it ("Pelosi" from "House Speaker Nancy Pelosi"); null where two of them disagree. */
export type Surnames = Map<string, Gender | null>

// A capitalised word, perhaps a title with its stop, and the capitalised words after it: "Mrs. Clinton", "George H.W. Bush".
const nameRun = /\p{Lu}[\p{L}’'-]*\.?(?:[ \t]+\p{Lu}[\p{L}’'.-]*)+/gu

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
    if (wanted.includes(mention.kind) && !mention.carrier && (other === undefined || mention.gender !== other)) return mention.name
  }
  return undefined
}
