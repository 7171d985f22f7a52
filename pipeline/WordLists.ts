/**
 * WordLists: several word lists matched over a sentence's lower-cased words,
 * all in one pass.
 *
 * An entry is a word, a `prefix*`, or a phrase of them ("more than",
 * "push* for"). The claims rules keep one list per signal and per frame;
 * read one list at a time, a claim's words were read six times, and that took
 * a third of claim extraction. Here each word is looked up once for every
 * list, and what can start at a word is worked out once per distinct word
 * (`Memo.ts`): words recur, and most start nothing.
 */
import { memoised } from "./Memo.ts"

/** One word of an entry: exact, or a prefix when it ends in `*`. */
type Part = { readonly exact: string } | { readonly prefix: string }

/** An entry of list `list`, as its words. */
interface Entry {
  readonly list: number
  readonly parts: ReadonlyArray<Part>
}

const part = (word: string): Part => (word.endsWith("*") ? { prefix: word.slice(0, -1) } : { exact: word })
const fits = (token: string | undefined, p: Part) => token !== undefined && ("exact" in p ? token === p.exact : token.startsWith(p.prefix))

const none: ReadonlyArray<Entry> = []

/**
 * A matcher for `lists`: given a sentence's words, the index of the first
 * word where an entry of each list matches, or -1, in the lists' order.
 */
export const wordLists = (lists: ReadonlyArray<ReadonlyArray<string>>): (tokens: ReadonlyArray<string>) => Int32Array => {
  const byFirst = new Map<string, Array<Entry>>()
  const byPrefix = new Map<string, Array<Entry>>()
  lists.forEach((entries, list) => {
    for (const entry of entries) {
      const parts = entry.toLowerCase().split(/\s+/).map(part)
      const first = parts[0]!
      const [index, key] = "exact" in first ? [byFirst, first.exact] : [byPrefix, first.prefix]
      const found = index.get(key)
      if (found) found.push({ list, parts })
      else index.set(key, [{ list, parts }])
    }
  })
  const prefixLengths = [...new Set([...byPrefix.keys()].map((prefix) => prefix.length))]
  /** The entries whose first word fits `token`. */
  const startingWith = memoised((token: string): ReadonlyArray<Entry> => {
    const found = [...(byFirst.get(token) ?? [])]
    for (const length of prefixLengths) if (length <= token.length) found.push(...(byPrefix.get(token.slice(0, length)) ?? []))
    return found.length === 0 ? none : found
  })
  return (tokens) => {
    const first = new Int32Array(lists.length).fill(-1)
    let open = lists.length
    for (let i = 0; i < tokens.length && open > 0; i++) {
      for (const { list, parts } of startingWith(tokens[i]!)) {
        if (first[list] !== -1) continue
        let k = 1
        while (k < parts.length && fits(tokens[i + k], parts[k]!)) k++
        if (k === parts.length) {
          first[list] = i
          open--
        }
      }
    }
    return first
  }
}
