/**
 * WordPhrases: find any of many phrases in a string, as whole words.
 *
 * A regular expression joining the phrases with "|" tries every phrase at
 * every position, so its cost grows with the list an editor keeps (outlet
 * names, anonymous-source phrases, roles). Here the phrases are indexed by
 * their first word, and a text is read once: at each word start, only the
 * phrases that begin with that word are compared.
 */

const letterOrDigit = /[\p{L}\p{N}]/u

/** Whether the UTF-16 unit at `i` belongs to a letter or digit; either half of a surrogate pair answers for the pair. */
const isWordChar = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i)
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
  if (code >= 0xd800 && code <= 0xdbff) return letterOrDigit.test(text.slice(i, i + 2))
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) return letterOrDigit.test(text.slice(i - 1, i + 1))
  return letterOrDigit.test(text[i]!)
}

/**
 * Lower case, one UTF-16 unit for one: "İ" is the one letter whose lower case
 * is longer, and a case-insensitive match never took it for "i" anyway.
 */
const lower = (text: string) => (text.includes("\u0130") ? text.split("\u0130").map((part) => part.toLowerCase()).join("\u0130") : text.toLowerCase())

/** The run of letters and digits at `from`, or its one character when it starts with neither. */
const firstWord = (text: string, from: number): string => {
  let end = from
  while (end < text.length && isWordChar(text, end)) end++
  return end === from ? text.slice(from, from + 1) : text.slice(from, end)
}

/** Finds phrases of one list in texts. */
export interface WordPhrases {
  /** The leftmost phrase found, the longest at that place; undefined if none. */
  readonly find: (text: string) => string | undefined
  /** Where `find`'s phrase stands in the text: UTF-16 offsets, end exclusive. */
  readonly locate: (text: string) => { readonly phrase: string; readonly start: number; readonly end: number } | undefined
}

/**
 * A finder for `phrases`. Case-insensitive unless told otherwise; a phrase
 * matches where neither the character before nor the one after it is a letter
 * or digit.
 */
export const wordPhrases = (phrases: ReadonlyArray<string>, options: { readonly caseSensitive?: boolean } = {}): WordPhrases => {
  const fold = options.caseSensitive ? (text: string) => text : lower
  const byFirst = new Map<string, Array<{ readonly phrase: string; readonly folded: string }>>()
  for (const phrase of phrases) {
    if (phrase === "") continue
    const folded = fold(phrase)
    const key = firstWord(folded, 0)
    const list = byFirst.get(key)
    if (list) list.push({ phrase, folded })
    else byFirst.set(key, [{ phrase, folded }])
  }
  // At one place, the longest phrase wins: "The Associated Press" over "The".
  for (const list of byFirst.values()) list.sort((a, b) => b.folded.length - a.folded.length)

  const locate = (text: string) => {
    if (byFirst.size === 0) return undefined
    const haystack = fold(text)
    for (let at = 0; at < haystack.length; at++) {
      if (at > 0 && isWordChar(haystack, at - 1)) continue
      const word = firstWord(haystack, at)
      const list = byFirst.get(word)
      if (list === undefined) continue
      for (const { phrase, folded: candidate } of list) {
        const end = at + candidate.length
        if (haystack.startsWith(candidate, at) && (end === haystack.length || !isWordChar(haystack, end))) return { phrase, start: at, end }
      }
    }
    return undefined
  }
  return { find: (text) => locate(text)?.phrase, locate }
}
