/**
 * Memo: what a function of a word gave, remembered for the words met again.
 *
 * A sentence's words are mostly ones seen before, so per-word work (a stem,
 * the list entries a word can start) is done once per distinct word. The
 * memory is bounded: past `size` words it starts over, which keeps a worker's
 * memory flat over a long batch and costs one more round of misses.
 */
export const memoised = <A>(f: (word: string) => A, size = 50_000): (word: string) => A => {
  const known = new Map<string, A>()
  return (word) => {
    let value = known.get(word)
    if (value === undefined) {
      value = f(word)
      if (known.size >= size) known.clear()
      known.set(word, value)
    }
    return value
  }
}
