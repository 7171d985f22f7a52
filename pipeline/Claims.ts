/**
 * Claims: an article's sentences → its check-worthy claims, each with the
 * signals that make it worth checking, who the article credits it to, and a
 * signature that corroboration compares across the batch.
 *
 * The signal kinds are code (number, date and named-entity have detectors of
 * their own; the rest are word lists); which signals count, and how much, is
 * data in the claims rule file.
 */
import type { Attribution, SentenceReport } from "./Analyse.ts"
import type { ClaimRules } from "./Rules.ts"
import type { Span } from "./SourceMap.ts"
import { months, weekdays } from "./kinds/Grammar.ts"
import { memoised } from "./Memo.ts"
import { wordLists } from "./WordLists.ts"

/** What the batch says about one claim. */
export interface Corroboration {
  /** The batch claim in `index.json` this one belongs to, when another article carries it. */
  readonly cluster?: string
  /** How many other articles of the batch carry the claim. */
  readonly otherArticles: number
  /** Where: the first of them, at most 20. */
  readonly alsoIn: ReadonlyArray<{ readonly article: string; readonly claim: string; readonly speakers: ReadonlyArray<string> }>
  readonly conflicts: ReadonlyArray<Conflict>
}

/** How many of the other articles carrying a claim its `alsoIn` leaves out. */
export const unlistedArticles = ({ otherArticles, alsoIn }: Corroboration): number =>
  otherArticles - new Set(alsoIn.map((mention) => mention.article)).size

/** Two articles disagree about one claim. */
export interface Conflict {
  readonly kind: "speaker" | "number" | "date"
  readonly message: string
}

/** A check-worthy claim, pointing into the original. */
export interface Claim extends Span {
  readonly id: string
  readonly text: string
  readonly checkworthiness: number
  readonly signals: ReadonlyArray<string>
  /** Who the article credits the claim to; empty when it is the reporter's own. */
  readonly speakers: ReadonlyArray<string>
  /** Indices into the report's `attributions`. */
  readonly attributions: ReadonlyArray<number>
  readonly certainty: "certain" | "uncertain"
  readonly verification?: string
  readonly corroboration: Corroboration
}

/** A claim before the batch is known. */
export type Extracted = Omit<Claim, "corroboration">

/** What corroboration compares: the claim's concepts, direction and figures. */
export interface Signature {
  /** Concept names, sorted and unique. */
  readonly concepts: ReadonlyArray<string>
  /** Those of them the rule file names: they weigh more. */
  readonly known: ReadonlyArray<string>
  /** The claim's direction, e.g. give or seek, when its words show one. */
  readonly frame?: string
  /** The first concept before the direction word: who gives or seeks. */
  readonly agent?: string
  /** Figures with the word after them: "3,000 kilometers" → { value: 3000, unit: "kilomet" }. */
  readonly numbers: ReadonlyArray<{ readonly value: number; readonly unit: string }>
  /** Years, months and weekdays named. */
  readonly dates: ReadonlyArray<string>
}

const letter = "[\\p{L}\\p{N}]"

/**
 * One regular expression for a word list: whole words, any case, a trailing
 * `*` for any ending, longest alternative first.
 */
export const wordPattern = (words: ReadonlyArray<string>, flags = "giu"): RegExp => {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\*$/, `${letter}*`).replace(/ /g, "\\s+"))
  return new RegExp(`(?<!${letter})(?:${alternatives.join("|")})(?!${letter})`, flags)
}

/**
 * Every match of a global pattern in `text`. `String.prototype.matchAll`
 * copies the pattern, and the copy is compiled again on each call: for the
 * 330 phrases of a tenfold relative-time list, 46 ms against 2 ms over the
 * same sentences.
 */
export const allMatches = (pattern: RegExp, text: string): Array<RegExpExecArray> => {
  const found: Array<RegExpExecArray> = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push(match)
    // An empty match would find itself again: step past it, by a whole code
    // point where the pattern reads code points (else it steps back into it).
    if (match[0] === "") {
      const astral = /[uv]/.test(pattern.flags) && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff
      pattern.lastIndex += astral ? 2 : 1
    }
  }
  return found
}

const datePattern = new RegExp(
  `(?<!${letter})(?:(?:1[89]|20)\\d\\d|${[...months].join("|")}|${[...weekdays].join("|")}|yesterday|today|tomorrow|(?:last|next|this) (?:week|month|year))(?!${letter})`,
  "giu"
)
const yearPattern = /^(?:1[89]|20)\d\d$/
const numberWords = new Set(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "dozen"])
const figurePattern = /(?<![\p{L}\p{N}])(\d[\d,.]*)\s+(\p{L}{3,})/gu
/** A capitalised word that is not the sentence's first: a name, most of the time. */
const entityPattern = /(?<=[\p{L}\p{N},;:)]\s+)(?:\p{Lu}[\p{L}’'.-]+)/u

/** The article's own words as plain text: no markup, one space between words. */
export const plain = (text: string): string =>
  text
    .replace(/<[^>]*>/g, " ")
    .replace(/&(?:nbsp|#160);/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, "\"")
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[*_`#>]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()

const stemOf = (word: string): string => {
  let w = word.toLowerCase().replace(/['’]s$/, "")
  if (w.length <= 3) return w
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith("sses")) w = w.slice(0, -2)
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)
  // "-ing" and "-ed" took a final e with them ("declared" → "declar"), so
  // only a word without them loses its e ("declare" → "declar").
  if (w.endsWith("ing") && w.length > 5) return w.slice(0, -3)
  if (w.endsWith("ed") && w.length > 4) return w.slice(0, -2)
  return w.endsWith("e") && w.length > 3 ? w.slice(0, -1) : w
}

/**
 * A crude English stemmer, enough for comparing claims: "guarantees",
 * "guaranteed" and "guarantee" meet at "guarante". Remembered per word:
 * stemming one takes five tests and as many copies.
 */
export const stem = memoised(stemOf)

const words = (text: string): Array<string> => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.’'-]*[\p{L}\p{N}]|[\p{L}\p{N}%]/gu) ?? []

/** Words as the signal lists see them: a hyphenated compound is its parts ("forty-three", "28-point"). */
const listWords = (text: string): Array<string> => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.’']*[\p{L}\p{N}]|[\p{L}\p{N}%]/gu) ?? []

/** The claims rule file, compiled once. */
export const compile = (rules: ClaimRules) => {
  const builtIn: Record<string, (text: string, tokens: ReadonlyArray<string>) => boolean> = {
    number: (_, tokens) => tokens.some((token) => /^\d[\d.,]*(?:['’]?s)?$/.test(token) || numberWords.has(token)),
    date: (text) => {
      datePattern.lastIndex = 0
      return datePattern.test(text)
    },
    "named-entity": (text) => entityPattern.test(text)
  }
  // The signals' word lists are matched together: `found[list]` is where list `list` first matched.
  const lists: Array<ReadonlyArray<string>> = []
  const signals = Object.entries(rules.signals).map(([name, { weight, words: list }]) => {
    const detector = builtIn[name]
    if (detector) return { name, weight, test: detector }
    if (!list || list.length === 0) return { name, weight, test: () => false }
    const index = lists.push(list) - 1
    return { name, weight, test: (_: string, __: ReadonlyArray<string>, found: Int32Array) => found[index]! >= 0 }
  })
  const signalLists = wordLists(lists)
  const ignore = new Set((rules.ignore ?? []).map((word) => word.toLowerCase()))
  // Concept phrases as stemmed word sequences, longest first, so "european union" beats "european".
  const concepts = new Map<string, string>()
  // The first words of multi-word concepts: only there is a longer match tried.
  const opening = new Set<string>()
  let longest = 1
  for (const [name, ...synonyms] of rules.concepts ?? []) {
    for (const phrase of [name!, ...synonyms]) {
      const stems = words(phrase).map(stem)
      longest = Math.max(longest, stems.length)
      if (stems.length > 1) opening.add(stems[0]!)
      const key = stems.join(" ")
      if (!concepts.has(key)) concepts.set(key, name!)
    }
  }
  const frameNames = Object.keys(rules.frames ?? {})
  const frameLists = wordLists(Object.values(rules.frames ?? {}))

  /** The concepts of a text, in order of appearance. */
  const conceptsOf = (tokens: ReadonlyArray<string>): Array<{ readonly concept: string; readonly at: number; readonly known: boolean }> => {
    const found: Array<{ concept: string; at: number; known: boolean }> = []
    const stems = tokens.map(stem)
    for (let i = 0; i < tokens.length;) {
      let matched = 0
      for (let n = opening.has(stems[i]!) ? Math.min(longest, tokens.length - i) : 1; n > 0 && matched === 0; n--) {
        const key = n === 1 ? stems[i]! : stems.slice(i, i + n).join(" ")
        const concept = concepts.get(key)
        if (concept !== undefined) {
          found.push({ concept, at: i, known: true })
          matched = n
        }
      }
      if (matched > 0) i += matched
      else {
        const token = tokens[i]!
        if (!ignore.has(token) && !/^\d/.test(token)) found.push({ concept: stems[i]!, at: i, known: false })
        i++
      }
    }
    return found
  }

  /** The claim's direction: the frame whose words come first, and where; the first-named frame on a tie. */
  const frameOf = (tokens: ReadonlyArray<string>): { readonly frame?: string; readonly at: number } => {
    const found = frameLists(tokens)
    let best = -1
    for (let f = 0; f < found.length; f++) if (found[f]! >= 0 && (best === -1 || found[f]! < found[best]!)) best = f
    return best === -1 ? { at: Infinity } : { frame: frameNames[best]!, at: found[best]! }
  }

  return { signals, signalLists, conceptsOf, frameOf }
}

/** The claims rule file, compiled. */
export type Compiled = ReturnType<typeof compile>

/** Score one sentence's check-worthiness: the signals it shows, and their weights' sum. */
export const checkworthiness = (compiled: Compiled, text: string): { readonly value: number; readonly signals: Array<string> } => {
  const tokens = listWords(text)
  const found = compiled.signalLists(tokens)
  const signals = compiled.signals.filter(({ test }) => test(text, tokens, found))
  const value = Math.min(1, signals.reduce((sum, { weight }) => sum + weight, 0))
  return { value: Math.round(value * 100) / 100, signals: signals.map(({ name }) => name) }
}

/** The signature corroboration compares, leaving out the speakers' own names. */
export const signature = (compiled: Compiled, text: string, speakers: ReadonlyArray<string>): Signature => {
  const spoken = new Set(speakers.flatMap((speaker) => words(speaker).map(stem)))
  const tokens = words(text)
  const found = compiled.conceptsOf(tokens).filter(({ concept }) => !spoken.has(concept))
  const { frame, at: frameAt } = compiled.frameOf(tokens)
  // Who gives or seeks: the first known concept before the direction word.
  const agent = frame === undefined ? undefined : found.find(({ at, known }) => known && at < frameAt)?.concept
  const numbers = allMatches(figurePattern, text)
    .filter((m) => !yearPattern.test(m[1]!))
    .map((m) => ({ value: Number(m[1]!.replace(/,/g, "")), unit: stem(m[2]!) }))
    // "12.03.2024" and "192.168.1.1" are digits but not one number.
    .filter(({ value }) => Number.isFinite(value))
  const dates = [...new Set(allMatches(datePattern, text).map((m) => m[0].toLowerCase()))]
  return {
    concepts: [...new Set(found.map(({ concept }) => concept))].sort(),
    known: [...new Set(found.flatMap(({ concept, known }) => (known ? [concept] : [])))].sort(),
    ...(frame === undefined ? {} : { frame }),
    ...(agent === undefined ? {} : { agent }),
    numbers,
    dates
  }
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

/** The first sentence that ends after `offset`: sentences are in order and do not overlap. */
const firstEndingAfter = (sentences: ReadonlyArray<Span>, offset: number) => {
  let low = 0
  let high = sentences.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sentences[mid]!.end <= offset) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * For each sentence, the attributions whose cue or content falls in it, in
 * order. A binary search per span keeps a long article linear, not
 * sentences × attributions.
 */
const creditsBySentence = (sentences: ReadonlyArray<Span>, attributions: ReadonlyArray<Attribution>) => {
  const credits: Array<Array<number>> = []
  attributions.forEach((attribution, index) => {
    for (const span of attribution.content ? [attribution.cue, attribution.content] : [attribution.cue]) {
      for (let s = firstEndingAfter(sentences, span.start); s < sentences.length && sentences[s]!.start < span.end; s++) {
        if (!overlaps(span, sentences[s]!)) continue
        const list = (credits[s] ??= [])
        if (list.at(-1) !== index) list.push(index)
      }
    }
  })
  return credits
}

/** Who an attribution credits: a pronoun's referent, else the source as written; nobody for a pronoun that refers to no one named. */
export const speakerOf = (attribution: Attribution): string | undefined =>
  attribution.source.resolvesTo ?? (attribution.source.kind === "pronoun" ? undefined : attribution.source.text)

/**
 * The claims of one article: its check-worthy sentences, with the
 * attributions whose cue or content falls in them.
 */
export const extract = (
  compiled: Compiled,
  threshold: number,
  original: string,
  sentences: ReadonlyArray<SentenceReport>,
  attributions: ReadonlyArray<Attribution>
): { readonly claims: Array<Extracted>; readonly signatures: Array<Signature> } => {
  const claims: Array<Extracted> = []
  const signatures: Array<Signature> = []
  const credits = creditsBySentence(sentences, attributions)
  for (const [s, sentence] of sentences.entries()) {
    const text = plain(original.slice(sentence.start, sentence.end))
    const { value, signals } = checkworthiness(compiled, text)
    if (value < threshold || text.length === 0) continue
    const credited = credits[s] ?? []
    const speakers = [...new Set(credited.flatMap((index) => speakerOf(attributions[index]!) ?? []))]
    claims.push({
      id: `c${claims.length + 1}`,
      text,
      start: sentence.start,
      end: sentence.end,
      checkworthiness: value,
      signals,
      speakers,
      attributions: credited,
      certainty: sentence.certainty,
      ...(sentence.verification === undefined ? {} : { verification: sentence.verification })
    })
    signatures.push(signature(compiled, text, speakers))
  }
  return { claims, signatures }
}
