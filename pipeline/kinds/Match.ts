/**
 * Match: the one pass over tokens that every phrase-driven rule kind shares.
 *
 * All phrases of all rules go into one trie of normalised words, walked once
 * per word of each sentence, so adding words to a list adds no passes. Kinds
 * then read the matches they own from `file.data.matches`.
 *
 * This replaces nlcst-search on the hot path: measured on the seeds, its
 * per-word phrase loop and repeated normalisation took a quarter of the
 * analysis time. Matching follows its conventions: case-insensitive, with
 * apostrophes and hyphens ignored, `*` for any one word, and words used as
 * literals ("the word `reportedly`") skipped.
 */
import type { Root, Sentence, SentenceContent } from "nlcst"
import { isLiteral } from "nlcst-is-literal"
import type { Plugin } from "unified"
import { sentences, skipSpace, text } from "./Tokens.ts"

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

interface Node {
  readonly next: Map<string, Node>
  wildcard?: Node
  /** Phrases that end here, with their owners. */
  readonly ends: Array<{ readonly phrase: string; readonly owners: Array<unknown> }>
}

const node = (): Node => ({ next: new Map(), ends: [] })

const apostropheOrHyphen = /['’-]/

/** A word as matching sees it: lower case, no apostrophes or hyphens. */
export const normalWord = (word: string): string => {
  const lower = word.toLowerCase()
  // Every word of every sentence comes through here, and most have neither.
  return apostropheOrHyphen.test(lower) ? lower.replace(/['’-]/g, "") : lower
}

/** Build the trie of every entry's phrase. */
const trieOf = (entries: ReadonlyArray<Entry<unknown>>): Node => {
  const root = node()
  for (const { phrase, owner } of entries) {
    let at = root
    for (const word of phrase.split(" ")) {
      if (word === "*") at = at.wildcard ??= node()
      else {
        const key = normalWord(word)
        let next = at.next.get(key)
        if (!next) at.next.set(key, (next = node()))
        at = next
      }
    }
    const end = at.ends.find((e) => e.phrase === phrase)
    if (end) end.owners.push(owner)
    else at.ends.push({ phrase, owners: [owner] })
  }
  return root
}

/**
 * Whether the word at `index` is used as a literal: quoted, bracketed or
 * dashed off ("the word `reportedly`"). nlcst-is-literal also counts a pair of
 * commas, but in news prose a word between commas is in use: `Clinton, at a
 * later press gaggle, said, "…"`, `the company, reportedly, lost money`.
 */
const literal = (sentence: Sentence, index: number) => {
  const before = sentence.children[skipSpace(sentence.children, index - 1, -1)]
  return !(before?.type === "PunctuationNode" && text(before) === ",") && isLiteral(sentence, index)
}

/** Find every phrase of every entry in one pass, recording matches on the file. */
export const matchPhrases: Plugin<[ReadonlyArray<Entry<unknown>>], Root> = (entries) => {
  const root = trieOf(entries)
  return (tree, file) => {
    const matches: Array<Match> = []
    for (const sentence of sentences(tree)) {
      const children = sentence.children
      // Word positions, each word normalised once; whitespace joins words,
      // anything else breaks a phrase.
      const positions: Array<number> = []
      const words: Array<string | undefined> = []
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!
        if (child.type === "WordNode") {
          positions.push(index)
          words.push(normalWord(text(child)))
        } else if (child.type !== "WhiteSpaceNode") {
          positions.push(index)
          words.push(undefined)
        }
      }
      // Walk the trie from `at`, the words from `k` up to `next` matched so
      // far: depth first, the wildcard branch before the word's own, which is
      // the order the kinds have always seen matches in.
      const walk = (at: Node, k: number, next: number) => {
        for (const end of at.ends) {
          const first = positions[k]!
          const last = positions[next - 1]!
          matches.push({
            phrase: end.phrase,
            owners: end.owners,
            sentence,
            index: first,
            nodes: children.slice(first, last + 1),
            start: children[first]!.position?.start.offset ?? 0,
            end: children[last]!.position?.end.offset ?? 0
          })
        }
        const word = words[next]
        if (word === undefined) return
        if (at.wildcard) walk(at.wildcard, k, next + 1)
        const child = at.next.get(word)
        if (child) walk(child, k, next + 1)
      }
      for (let k = 0; k < words.length; k++) {
        const head = words[k]
        // Most words start no phrase: ask the trie before anything costlier.
        if (head === undefined || (!root.wildcard && !root.next.has(head))) continue
        const found = matches.length
        walk(root, k, k)
        // A word used as a literal starts no phrase. Asked only where a phrase
        // was found, since the common words that start a walk rarely end one.
        if (matches.length > found && literal(sentence, positions[k]!)) matches.length = found
      }
    }
    file.data.matches = matches
  }
}

/** The matches owned by one kind, picked out by a type guard on the owner. */
export const owned = <Owner>(
  matches: ReadonlyArray<Match> | undefined,
  isOwner: (owner: unknown) => owner is Owner
): Array<{ readonly match: Match; readonly owner: Owner }> => {
  const found: Array<{ readonly match: Match; readonly owner: Owner }> = []
  for (const match of matches ?? []) {
    for (const owner of match.owners) if (isOwner(owner)) found.push({ match, owner })
  }
  return found
}
