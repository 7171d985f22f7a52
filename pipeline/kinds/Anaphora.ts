/**
 * Anaphora: what a pronoun or an anaphoric document stands for.
 *
 * "He said", "the report says": the source is the nearest earlier named
 * source of a kind the word can mean. "he", "she" and "I" mean a person;
 * "it", "they" or "we" an organisation, an outlet, a state or a person; "the
 * report" an outlet or an organisation.
 */
import type { Outlet } from "../Rules.ts"
import type { SourceKind } from "../Sources.ts"

/** A named source seen earlier in the article, for resolving pronouns. */
export interface Mention {
  readonly kind: SourceKind
  readonly name: string
  readonly outlet?: Outlet
  /** An outlet that carried someone's words ("told The New York Times"): a short name can mean it, a pronoun cannot. */
  readonly carrier?: boolean
}

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
    if (wanted.includes(history[i]!.kind) && !history[i]!.carrier) return history[i]!.name
  }
  return undefined
}
