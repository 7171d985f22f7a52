/**
 * Boilerplate: which lines of a page are the article, and why the others are not.
 *
 * First the patterns in the boilerplate rule file, by kind (share prompts,
 * ads, breadcrumbs, …); then heuristics for what no list names: repeated
 * lines, runs of short link-like lines, short fragments that head nothing,
 * and position in the page — the article is the densest run of body
 * paragraphs, and what lies outside it is page furniture.
 */
import { type Prefilter, prefilter } from "./Prefilter.ts"
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

// A word is a run of non-space characters holding a letter or digit: one
// match from its first letter or digit to its end, so counting needs no split.
const wordPattern = /[\p{L}\p{N}]\S*/gu

/**
 * The words of a line, counted up to `cap`: the heuristics only compare
 * counts with their thresholds, and a long paragraph need not be counted to
 * its end.
 */
const words = (text: string, cap: number) => {
  wordPattern.lastIndex = 0
  let count = 0
  while (count < cap && wordPattern.test(text)) count++
  return count
}
const punctuated = (text: string) => /[.!?…]["'”’)]*$/u.test(text) || /[.!?]["'”’]?\s/u.test(text)

/**
 * The pattern without its `u` flag, to test ASCII lines with; undefined when
 * dropping the flag could change what the pattern matches.
 *
 * Rule patterns are compiled with `iu`, and V8 backtracks through a `u`
 * pattern code point by code point: the leading `.*` of the "anywhere in the
 * line" patterns ran about six times slower with it and took most of
 * normalisation's time. On ASCII text the flag changes nothing unless the
 * source uses Unicode-only syntax (`\p{…}`, `\u{…}`), holds an astral
 * character, a non-ASCII one at either end of a class range, or one of the
 * two characters that case-fold onto ASCII letters only under `u` (the Kelvin
 * sign and the long s).
 */
const withoutUnicodeFlag = (pattern: RegExp): RegExp | undefined => {
  const source = pattern.source
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === "\\") {
      const escaped = source[i + 1]
      if (escaped === "p" || escaped === "P" || escaped === "u") return undefined
      i++
    } else if (c === "[") inClass = true
    else if (c === "]") inClass = false
    else if (c > "\x7F") {
      if (c === "\u212A" || c === "\u017F" || (c >= "\uD800" && c <= "\uDFFF")) return undefined
      if (inClass && (source[i - 1] === "-" || source[i + 1] === "-")) return undefined
    }
  }
  return new RegExp(source, pattern.flags.replace("u", ""))
}

// Numbered or named groups: joined with other patterns, a back-reference would
// point at the wrong group, and a name could clash.
const referencesGroups = /\\[1-9]|\\k<|\(\?<(?![=!])/

/**
 * Patterns joined into as few regular expressions as their flags allow: any
 * of them matching the whole line is the join matching it.
 */
const joined = (patterns: ReadonlyArray<RegExp>): Array<RegExp> => {
  const byFlags = new Map<string, Array<RegExp>>()
  const alone: Array<RegExp> = []
  for (const pattern of patterns) {
    if (referencesGroups.test(pattern.source)) alone.push(pattern)
    else {
      const list = byFlags.get(pattern.flags)
      if (list) list.push(pattern)
      else byFlags.set(pattern.flags, [pattern])
    }
  }
  const joins = [...byFlags].map(([flags, list]) => (list.length === 1 ? list[0]! : new RegExp(list.map((p) => p.source).join("|"), flags)))
  return [...joins, ...alone]
}

/**
 * The patterns of one kind, as the regular expressions to run. A line is
 * tested once per kind rather than once per pattern: which pattern of a kind
 * matched never matters, only the first kind that did.
 */
interface KindPatterns {
  readonly kind: string
  /** Patterns with no literal to look for, joined: tried on every line. */
  readonly always: Compiled
  /** The kind's patterns are those from `from` (inclusive) to `to` in the rule file. */
  readonly from: number
  readonly to: number
}

interface Compiled {
  /** For lines of plain ASCII: each pattern without its `u` flag where that is safe. */
  readonly ascii: ReadonlyArray<RegExp>
  /** For every other line: the patterns as compiled. */
  readonly other: ReadonlyArray<RegExp>
}

const compiled = (patterns: ReadonlyArray<RegExp>): Compiled => ({
  ascii: joined(patterns.map((pattern) => (pattern.flags.includes("u") ? withoutUnicodeFlag(pattern) : undefined) ?? pattern)),
  other: joined(patterns)
})

interface Prepared {
  readonly kinds: ReadonlyArray<KindPatterns>
  /** Each pattern alone, for the lines the prefilter names it a candidate for. */
  readonly each: ReadonlyArray<Compiled>
  readonly filter: Prefilter
}

const prepare = (patterns: BoilerplateRules["patterns"]): Prepared => {
  const filter = prefilter(patterns.map(({ pattern }) => pattern))
  // Only neighbours are grouped, so the first kind in the rule file still wins.
  const runs: Array<{ kind: string; always: Array<RegExp>; from: number; to: number }> = []
  patterns.forEach(({ kind, pattern }, index) => {
    let last = runs.at(-1)
    if (last?.kind !== kind) runs.push((last = { kind, always: [], from: index, to: index }))
    last.to = index + 1
    if (filter.always[index]) last.always.push(pattern)
  })
  return {
    kinds: runs.map((run) => ({ ...run, always: compiled(run.always) })),
    each: patterns.map(({ pattern }, index) => (filter.always[index] ? { ascii: [], other: [] } : compiled([pattern]))),
    filter
  }
}

// Prepared once per rule set, not per page.
const prepared = new WeakMap<BoilerplateRules, Prepared>()

const asciiLine = /^[\x00-\x7F]*$/

/** The kind of the first pattern that names a line, if any. */
const patternKind = (rules: BoilerplateRules, line: string): string | undefined => {
  let ready = prepared.get(rules)
  if (!ready) prepared.set(rules, (ready = prepare(rules.patterns)))
  const isAscii = asciiLine.test(line)
  const test = (patterns: Compiled) => {
    for (const pattern of isAscii ? patterns.ascii : patterns.other) if (pattern.test(line)) return true
    return false
  }
  const candidates = ready.filter.candidates(line)
  let next = 0
  for (const { kind, always, from, to } of ready.kinds) {
    if (test(always)) return kind
    while (next < candidates.length && candidates[next]! < from) next++
    for (; next < candidates.length && candidates[next]! < to; next++) if (test(ready.each[candidates[next]!]!)) return kind
  }
  return undefined
}

/** Classify every line of one page; `heuristics` adds the judgement of what no pattern names. */
export const classify = (
  lines: ReadonlyArray<Line>,
  rules: BoilerplateRules,
  options: { readonly heuristics: boolean }
): Array<Verdict> => {
  const { patternWords, bodyWords, shortWords, linkRun, maxGap } = rules.heuristics
  // Every test below asks for a line's word count, some for its neighbours' too: count once,
  // and only as far as the largest threshold.
  const cap = Math.max(patternWords, bodyWords, shortWords, 4) + 1
  const count = lines.map((line) => words(line.text, cap))
  const ends = lines.map((line) => punctuated(line.text))
  const verdicts: Array<Verdict | undefined> = lines.map((line, i) => {
    if (line.metadata) return { keep: true, body: false, heading: false }
    // Furniture is short: a long line is prose, whatever it mentions.
    if (count[i]! > patternWords) return undefined
    const kind = patternKind(rules, line.text)
    return kind === undefined ? undefined : { keep: false, reason: kind }
  })
  if (!options.heuristics) {
    // Nothing is removed by judgement, but a short line over a paragraph is still its heading.
    return verdicts.map((v, i): Verdict => {
      if (v) return v
      const heading = count[i]! <= shortWords && !ends[i] && (count[i + 1] ?? 0) >= bodyWords
      return { keep: true, body: !heading, heading }
    })
  }

  // A short line seen more than once is navigation or a repeated prompt.
  // Lower-casing keeps every character a space, a letter or digit, or
  // neither, so lines equal but for case have the same word count: only the
  // short lines need lower-casing and counting.
  const lower = lines.map((line, i) => (count[i]! <= shortWords ? line.text.toLowerCase() : undefined))
  const seen = new Map<string, number>()
  for (const text of lower) if (text !== undefined) seen.set(text, (seen.get(text) ?? 0) + 1)
  lower.forEach((text, i) => {
    if (text !== undefined && verdicts[i] === undefined && seen.get(text)! > 1 && !ends[i]) {
      verdicts[i] = { keep: false, reason: "repeated-line" }
    }
  })

  const isBody = (i: number) => verdicts[i] === undefined && count[i]! >= bodyWords && ends[i]!
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
    while (from > 0 && verdicts[from - 1] === undefined && count[from - 1]! <= shortWords && from - 1 >= best.from - 2) from--
  }

  return verdicts.map((given, i): Verdict => {
    if (given) return given
    if (i < from || i > to) return { keep: false, reason: "outside-article" }
    if (body[i] || ends[i]) return { keep: true, body: true, heading: false }
    if (count[i]! > shortWords) return { keep: true, body: true, heading: false }
    // A short unpunctuated line heads the paragraph after it, or is a fragment.
    if (body[i + 1]) return { keep: true, body: false, heading: true }
    let run = 1
    for (let j = i - 1; j >= 0 && verdicts[j] === undefined && !body[j] && count[j]! <= 4; j--) run++
    for (let j = i + 1; j < lines.length && verdicts[j] === undefined && !body[j] && count[j]! <= 4; j++) run++
    return { keep: false, reason: run >= linkRun && count[i]! <= 4 ? "link-list" : "short-fragment" }
  })
}
