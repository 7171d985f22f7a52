/**
 * Attribution: the rule kind for "who said it".
 *
 * A cue ("said", "according to", "citing") comes from the rule file with the
 * side its source stands on. The source is the run of words on that side up to
 * a clause boundary; the content is the rest of the sentence. A source whose
 * words the rule lists as vague or anonymous is a finding.
 */
import type { Root, Sentence, SentenceContent } from "nlcst"
import { toString } from "nlcst-to-string"
import type { Plugin } from "unified"
import type { AttributionRule, Cue } from "../Rules.ts"
import { owned, type Match } from "./Match.ts"
import { report, spanOf } from "./Message.ts"

/** The kinds of source the report distinguishes. */
export type SourceKind =
  | "named-person"
  | "named-organisation"
  | "media-outlet"
  | "described-official"
  | "anonymous"
  | "vague-collective"
  | "state"
  | "pronoun"
  | "document"

/** One attribution relation, in paragraph offsets. */
export interface Relation {
  readonly sentence: Sentence
  readonly source: { readonly start: number; readonly end: number; readonly kind: SourceKind }
  readonly cue: { readonly start: number; readonly end: number }
  readonly content?: { readonly start: number; readonly end: number }
}

declare module "vfile" {
  interface DataMap {
    attributions: Array<Relation>
  }
}

/** An owner in the shared phrase index: one cue of one rule. */
interface CueOwner {
  readonly rule: AttributionRule
  readonly cue: Cue
}

const isCueOwner = (owner: unknown): owner is CueOwner =>
  (owner as CueOwner | null)?.rule?.kind === "attribution"

/** The phrase-index entries for a set of attribution rules. */
export const cueEntries = (rules: ReadonlyArray<AttributionRule>) =>
  rules.flatMap((rule) => rule.cues.map((cue) => ({ phrase: cue.phrase, owner: { rule, cue } satisfies CueOwner })))

// Words that end a source when walking away from its cue: they open a clause.
const clauseWords = new Set(["that", "which", "who", "whom", "and", "but", "because", "as", "when", "while", "if", "after", "before", "since", "although", "so"])
// Words between a source and its cue that are not part of the source.
const verbalWords = new Set(["has", "have", "had", "was", "were", "is", "are", "also", "not", "never", "once", "later", "then", "again", "would", "will", "did", "does", "do", "long", "repeatedly", "already", "still", "now"])
const pronouns = new Set(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them"])
const determiners = new Set(["the", "a", "an", "this", "that", "these", "those"])
const maxSourceWords = 10

const isBoundary = (node: SentenceContent) =>
  node.type === "PunctuationNode" || node.type === "SymbolNode"

const lower = (node: SentenceContent) => toString(node).toLowerCase()

/** The words of a source next to a cue, walking away from it. */
const sourceWords = (children: ReadonlyArray<SentenceContent>, from: number, step: 1 | -1) => {
  const words: Array<SentenceContent> = []
  for (let i = from; i >= 0 && i < children.length; i += step) {
    const node = children[i]!
    if (node.type === "WhiteSpaceNode") continue
    if (isBoundary(node) || (node.type === "WordNode" && clauseWords.has(lower(node)))) break
    if (node.type === "WordNode") words.push(node)
    if (words.length > maxSourceWords) return []
  }
  if (step === -1) words.reverse()
  // Drop auxiliaries and adverbs between the source and a following cue:
  // "Putin has frequently said" → "Putin".
  while (step === -1 && words.length > 0) {
    const last = lower(words.at(-1)!)
    if (verbalWords.has(last) || /^[a-z]+ly$/.test(toString(words.at(-1)!))) words.pop()
    else break
  }
  return words
}

/** Classify a source by its words and the rule's lists. */
export const classify = (rule: AttributionRule, words: ReadonlyArray<string>): SourceKind => {
  const lowered = words.map((word) => word.toLowerCase())
  if (lowered.length === 1 && pronouns.has(lowered[0]!)) return "pronoun"
  if (lowered.some((word) => rule.anonymous?.includes(word))) return "anonymous"
  if (lowered.some((word) => rule.vague.includes(word))) return "vague-collective"
  const named = words.filter((word, i) => /^\p{Lu}/u.test(word) && !(i === 0 && determiners.has(word.toLowerCase())))
  if (named.length === 0) return "described-official"
  return determiners.has(lowered[0]!) || named.length > 4 ? "named-organisation" : "named-person"
}

/** Choose the longest cue at each place: "reported by" over "reported". */
const longestFirst = (found: ReadonlyArray<{ match: Match; owner: CueOwner }>) => {
  const sorted = [...found].sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end)
  const kept: typeof sorted = []
  for (const item of sorted) {
    const previous = kept.at(-1)
    if (previous && previous.match.sentence === item.match.sentence && item.match.start < previous.match.end) continue
    kept.push(item)
  }
  return kept
}

const trimmedSpan = (children: ReadonlyArray<SentenceContent>, from: number, to: number) => {
  let first = from
  let last = to
  while (first <= last && (children[first]!.type === "WhiteSpaceNode" || isBoundary(children[first]!))) first++
  while (last >= first && (children[last]!.type === "WhiteSpaceNode" || children[last]!.type === "PunctuationNode")) last--
  if (first > last) return undefined
  return { start: spanOf(children[first]!).start, end: spanOf(children[last]!).end }
}

/** Find attribution relations for every cue match, and report vague sources. */
export const attributionKind: Plugin<[], Root> = () => (_tree, file) => {
  const relations: Array<Relation> = (file.data.attributions ??= [])
  for (const { match, owner } of longestFirst(owned(file.data.matches, isCueOwner))) {
    const children = match.sentence.children
    const cueLast = match.index + match.nodes.length - 1
    const before = owner.cue.source === "before"
    const words = before ? sourceWords(children, match.index - 1, -1) : sourceWords(children, cueLast + 1, 1)
    if (words.length === 0) continue
    const source = { start: spanOf(words[0]!).start, end: spanOf(words.at(-1)!).end }
    const kind = classify(owner.rule, words.map((word) => toString(word)))
    const sourceFirst = children.indexOf(words[0]!)
    const sourceLast = children.indexOf(words.at(-1)!)
    const head = Math.min(sourceFirst, match.index)
    const tail = Math.max(sourceLast, cueLast)
    // Content is the side of the sentence the source and cue leave over:
    // after them when they lead, before them when they trail.
    const content = head <= 1 || trimmedSpan(children, 0, head - 1) === undefined
      ? trimmedSpan(children, tail + 1, children.length - 1)
      : trimmedSpan(children, 0, head - 1)
    relations.push({
      sentence: match.sentence,
      source: { ...source, kind },
      cue: { start: match.start, end: match.end },
      ...(content ? { content } : {})
    })
    if (kind === "vague-collective" || kind === "anonymous") {
      const actual = String(file.value).slice(source.start, source.end)
      report(file, owner.rule, { ...source, actual }, { source: `\`${actual}\``, cue: `\`${match.phrase}\`` })
    }
  }
}
