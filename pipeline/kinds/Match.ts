/**
 * Match: the one pass over tokens that every phrase-driven rule kind shares.
 *
 * All phrases of all rules go into a single nlcst-search call per paragraph,
 * so adding words to a list adds no passes. Kinds then read the matches they
 * own from `file.data.matches` instead of searching again.
 */
import type { Root, Sentence, SentenceContent } from "nlcst"
import { search } from "nlcst-search"
import type { Plugin } from "unified"

/** A phrase in the shared index, and who asked for it. */
export interface Entry<Owner> {
  readonly phrase: string
  readonly owner: Owner
}

/** One phrase found in one sentence. */
export interface Match<Owner = unknown> {
  readonly phrase: string
  readonly owners: ReadonlyArray<Owner>
  readonly sentence: Sentence
  /** Index of the first matched node in `sentence.children`. */
  readonly index: number
  readonly nodes: ReadonlyArray<SentenceContent>
  /** Offsets into the parsed paragraph. */
  readonly start: number
  readonly end: number
}

declare module "vfile" {
  interface DataMap {
    matches: Array<Match>
  }
}

/** Find every phrase of every entry in one pass, recording matches on the file. */
export const matchPhrases: Plugin<[ReadonlyArray<Entry<unknown>>], Root> = (entries) => {
  const owners = new Map<string, Array<unknown>>()
  for (const { phrase, owner } of entries) {
    const list = owners.get(phrase)
    if (list) list.push(owner)
    else owners.set(phrase, [owner])
  }
  const phrases = [...owners.keys()]
  return (tree, file) => {
    const matches: Array<Match> = []
    search(tree, phrases, (nodes, index, parent, phrase) => {
      // Inside a paragraph the parent of a word is always a sentence.
      if (parent.type !== "SentenceNode") return
      const first = nodes[0]!.position
      const last = nodes.at(-1)!.position
      if (!first || !last) return
      matches.push({
        phrase,
        owners: owners.get(phrase) ?? [],
        sentence: parent,
        index,
        nodes,
        start: first.start.offset ?? 0,
        end: last.end.offset ?? 0
      })
    })
    file.data.matches = matches
  }
}

/** The matches owned by one kind, picked out by a type guard on the owner. */
export const owned = <Owner>(
  matches: ReadonlyArray<Match> | undefined,
  isOwner: (owner: unknown) => owner is Owner
): Array<{ readonly match: Match; readonly owner: Owner }> =>
  (matches ?? []).flatMap((match) => match.owners.filter(isOwner).map((owner) => ({ match, owner })))
