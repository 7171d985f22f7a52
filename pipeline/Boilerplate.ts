/**
 * Boilerplate: which lines of a page are the article, and why the others are not.
 *
 * First the patterns in the boilerplate rule file, by kind (share prompts,
 * ads, breadcrumbs, …); then heuristics for what no list names: repeated
 * lines, runs of short link-like lines, short fragments that head nothing,
 * and position in the page — the article is the densest run of body
 * paragraphs, and what lies outside it is page furniture.
 */
import type { BoilerplateRules } from "./Rules.ts"

/** What a line is, for the article. */
export type Verdict =
  | { readonly keep: true; readonly body: boolean; readonly heading: boolean }
  | { readonly keep: false; readonly reason: string }

/** A line as the classifier sees it. */
export interface Line {
  readonly text: string
  /** Set for lines that structure already claimed (title, byline, date, sources). */
  readonly metadata?: boolean
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
const punctuated = (text: string) => /[.!?…]["'”’)]*$/u.test(text) || /[.!?]["'”’]?\s/u.test(text)

/** Classify every line of one page; `heuristics` adds the judgement of what no pattern names. */
export const classify = (
  lines: ReadonlyArray<Line>,
  rules: BoilerplateRules,
  options: { readonly heuristics: boolean }
): Array<Verdict> => {
  const { patternWords, bodyWords, shortWords, linkRun, maxGap } = rules.heuristics
  const verdicts: Array<Verdict | undefined> = lines.map((line) => {
    if (line.metadata) return { keep: true, body: false, heading: false }
    // Furniture is short: a long line is prose, whatever it mentions.
    if (words(line.text) > patternWords) return undefined
    const kind = rules.patterns.find(({ pattern }) => pattern.test(line.text))?.kind
    return kind === undefined ? undefined : { keep: false, reason: kind }
  })
  if (!options.heuristics) {
    // Nothing is removed by judgement, but a short line over a paragraph is still its heading.
    return verdicts.map((v, i): Verdict => {
      if (v) return v
      const heading = words(lines[i]!.text) <= shortWords && !punctuated(lines[i]!.text) && words(lines[i + 1]?.text ?? "") >= bodyWords
      return { keep: true, body: !heading, heading }
    })
  }

  // A short line seen more than once is navigation or a repeated prompt.
  const seen = new Map<string, number>()
  for (const line of lines) seen.set(line.text.toLowerCase(), (seen.get(line.text.toLowerCase()) ?? 0) + 1)
  lines.forEach((line, i) => {
    if (verdicts[i] === undefined && words(line.text) <= shortWords && seen.get(line.text.toLowerCase())! > 1 && !punctuated(line.text)) {
      verdicts[i] = { keep: false, reason: "repeated-line" }
    }
  })

  const isBody = (i: number) => verdicts[i] === undefined && words(lines[i]!.text) >= bodyWords && punctuated(lines[i]!.text)
  const body = lines.map((_, i) => isBody(i))

  // The article is the cluster of body lines with the most text, allowing
  // short gaps for headings, captions and prompts between paragraphs.
  let from = 0
  let to = lines.length - 1
  if (body.some(Boolean)) {
    let best = { from: 0, to: -1, size: -1 }
    let start = -1
    let last = -1
    let size = 0
    const close = () => {
      if (start !== -1 && size > best.size) best = { from: start, to: last, size }
    }
    body.forEach((isBodyLine, i) => {
      if (!isBodyLine) return
      if (start === -1 || i - last - 1 > maxGap) {
        close()
        start = i
        size = 0
      }
      last = i
      size += lines[i]!.text.length
    })
    close()
    from = best.from
    to = best.to
    // A heading or standfirst just above the first paragraph belongs to it.
    while (from > 0 && verdicts[from - 1] === undefined && words(lines[from - 1]!.text) <= shortWords && from - 1 >= best.from - 2) from--
  }

  return lines.map((line, i): Verdict => {
    const given = verdicts[i]
    if (given) return given
    if (i < from || i > to) return { keep: false, reason: "outside-article" }
    if (body[i] || punctuated(line.text)) return { keep: true, body: true, heading: false }
    if (words(line.text) > shortWords) return { keep: true, body: true, heading: false }
    // A short unpunctuated line heads the paragraph after it, or is a fragment.
    if (body[i + 1]) return { keep: true, body: false, heading: true }
    let run = 1
    for (let j = i - 1; j >= 0 && verdicts[j] === undefined && !body[j] && words(lines[j]!.text) <= 4; j--) run++
    for (let j = i + 1; j < lines.length && verdicts[j] === undefined && !body[j] && words(lines[j]!.text) <= 4; j++) run++
    return { keep: false, reason: run >= linkRun && words(line.text) <= 4 ? "link-list" : "short-fragment" }
  })
}
