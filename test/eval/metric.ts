/**
 * The Zyte article-extraction benchmark's metric: multisets of 4-word
 * shingles over `\w+` tokens, per-document precision and recall, macro-averaged.
 */

const shingles = (text: string): Map<string, number> => {
  const tokens = text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? []
  const counts = new Map<string, number>()
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)
  if (tokens.length < 4) {
    if (tokens.length > 0) add(tokens.join(" "))
    return counts
  }
  for (let i = 0; i + 4 <= tokens.length; i++) add(tokens.slice(i, i + 4).join(" "))
  return counts
}

/** Per-document precision and recall of `predicted` against `gold`. */
export const documentScore = (gold: string, predicted: string) => {
  const g = shingles(gold)
  const p = shingles(predicted)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [key, n] of p) {
    const m = g.get(key) ?? 0
    tp += Math.min(n, m)
    fp += Math.max(0, n - m)
  }
  for (const [key, m] of g) fn += Math.max(0, m - (p.get(key) ?? 0))
  const total = tp + fp + fn
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1 }
  const [t, f, n] = total === 0 ? [0, 0, 0] : [tp / total, fp / total, fn / total]
  return { precision: t + f === 0 ? 0 : t / (t + f), recall: t + n === 0 ? 0 : t / (t + n) }
}

/** Macro-averaged precision, recall and F1 over documents. */
export const macro = (pairs: ReadonlyArray<{ readonly gold: string; readonly predicted: string }>) => {
  const scores = pairs.map(({ gold, predicted }) => documentScore(gold, predicted))
  const precision = scores.reduce((s, x) => s + x.precision, 0) / Math.max(scores.length, 1)
  const recall = scores.reduce((s, x) => s + x.recall, 0) / Math.max(scores.length, 1)
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) }
}
