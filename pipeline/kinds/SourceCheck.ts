/**
 * SourceCheck: the rule kind for checks over attribution relations.
 *
 * Each rule file names one check; the check decides where the findings are,
 * and the rule file decides their level, message and the standard they cite.
 * Word lists a check needs (reasons for anonymity, claim markers) are matched
 * in the shared single pass, like every other phrase.
 */
import type { Root, Sentence } from "nlcst"
import type { Plugin } from "unified"
import type { VFile } from "vfile"
import type { CheckName, SourceCheck } from "../Rules.ts"
import type { Relation, Source } from "./Attribution.ts"
import { owned } from "./Match.ts"
import { report, spanOf } from "./Message.ts"
import { sentences as sentencesOf, text } from "./Tokens.ts"

/** An owner in the shared phrase index: a word list of one check. */
interface WordsOwner {
  readonly check: SourceCheck
}

const isWordsOwner = (owner: unknown): owner is WordsOwner => (owner as WordsOwner | null)?.check?.kind === "source-check"

/** The phrase-index entries for the checks' word lists. */
export const checkEntries = (checks: ReadonlyArray<SourceCheck>) =>
  checks.flatMap((check) => (check.words ?? []).map((phrase) => ({ phrase, owner: { check } satisfies WordsOwner })))

/** What a check sees of one paragraph. */
interface Paragraph {
  readonly file: VFile
  readonly rule: SourceCheck
  readonly sentences: ReadonlyArray<Sentence>
  readonly relations: ReadonlyArray<Relation>
  /** Sentences where one of the rule's words occurs. */
  readonly marked: ReadonlySet<Sentence>
}

/** A place to report, and the values for the message's placeholders. */
interface Hit {
  readonly start: number
  readonly end: number
  readonly values?: Readonly<Record<string, string>>
}

const slice = (file: VFile, span: { start: number; end: number }) => String(file.value).slice(span.start, span.end)
const code = (text: string) => `\`${text}\``

const interested = (rule: SourceCheck, source: Source): string | undefined =>
  source.kind === "state"
    ? "a government speaking for itself"
    : source.outlet && (rule.outletTypes ?? []).includes(source.outlet.type)
    ? `${source.outlet.type} outlet ${source.outlet.name}`
    : undefined

const interestOf = (rule: SourceCheck, relation: Relation) =>
  [relation.source, ...relation.via].map((source) => interested(rule, source)).find((why) => why !== undefined)

const sentenceOf = (sentences: ReadonlyArray<Sentence>, offset: number) =>
  sentences.findIndex((s) => spanOf(s).start <= offset && offset < spanOf(s).end)

const wordCount = (node: Sentence) => {
  let count = 0
  for (const child of node.children) if (child.type === "WordNode") count++
  return count
}

const sourceHit = (file: VFile, relation: Relation, values: Record<string, string> = {}): Hit => ({
  start: relation.source.start,
  end: relation.source.end,
  values: { source: code(slice(file, relation.source)), cue: code(slice(file, relation.cue)), ...values }
})

/** Each check: where in one paragraph its findings are. */
const checks: Record<CheckName, (p: Paragraph) => ReadonlyArray<Hit>> = {
  "vague-source": ({ file, relations }) =>
    relations.filter((r) => r.source.kind === "vague-collective").map((r) => sourceHit(file, r)),

  "anonymous-source": ({ file, relations, marked }) =>
    relations.filter((r) => r.source.kind === "anonymous" && !marked.has(r.sentence)).map((r) => sourceHit(file, r)),

  "single-interested-source": ({ file, rule, relations, sentences }) =>
    sentences.flatMap((sentence) => {
      const own = relations.filter((r) => r.sentence === sentence)
      const reasons = own.map((r) => interestOf(rule, r))
      return own.length > 0 && reasons.every((why) => why !== undefined) ? [sourceHit(file, own[0]!, { why: reasons[0]! })] : []
    }),

  "loaded-verb": ({ rule, relations }) =>
    relations.filter((r) => (rule.words ?? []).includes(r.cue.phrase.toLowerCase())).map((r) => ({ ...r.cue })),

  "unattributed-quote": ({ file, sentences, relations }) =>
    (file.data.quotes ?? []).flatMap((quote) => {
      // Scare quotes ("lies") are not speech; a quote of four words or more is.
      if (slice(file, quote).split(/\s+/).length < 4) return []
      const at = sentenceOf(sentences, quote.start)
      const near = new Set([sentences[at - 1], sentences[at], sentences[at + 1]])
      return relations.some((r) => near.has(r.sentence)) ? [] : [{ ...quote }]
    }),

  "unattributed-claim": ({ file, sentences, relations, marked }) =>
    sentences.flatMap((sentence) => {
      if (relations.some((r) => r.sentence === sentence) || wordCount(sentence) < 6) return []
      // A sentence whose text holds no digit has no word with one: one test, not one per word.
      const checkWorthy = marked.has(sentence) ||
        (/\d/.test(slice(file, spanOf(sentence))) && sentence.children.some((c) => c.type === "WordNode" && /\d/.test(text(c))))
      return checkWorthy ? [{ ...spanOf(sentence) }] : []
    }),

  "unverified-single-source": ({ file, rule, sentences, relations }) => {
    const verified = new Set((file.data.verifications ?? []).map((v) => sentenceOf(sentences, v.start)))
    return sentences.flatMap((sentence, i) => {
      const own = relations.filter((r) => r.sentence === sentence)
      const weak = own.length > 0 && own.every((r) =>
        r.source.kind === "anonymous" || r.source.kind === "vague-collective" || interestOf(rule, r) !== undefined
      )
      return weak && !verified.has(i) && !verified.has(i + 1) ? [sourceHit(file, own[0]!)] : []
    })
  }
}

// Most paragraphs hold none of the checks' words.
const unmarked: ReadonlySet<Sentence> = new Set()

/** Run every source-check rule over the paragraph's relations. */
export const sourceCheckKind: Plugin<[ReadonlyArray<SourceCheck>], Root> = (rules) => (tree, file) => {
  const sentences = sentencesOf(tree)
  // The checks judge how claims are sourced; a stance ("plans to", "refused
  // to") is a position, not a claim.
  const relations = (file.data.attributions ?? []).filter((r) => r.reports !== "stance")
  const words = owned(file.data.matches, isWordsOwner)
  for (const rule of rules) {
    const marked = words.length === 0 ? unmarked : new Set(words.filter((w) => w.owner.check === rule).map((w) => w.match.sentence))
    // One source with two cues ("EU officials echoed …, stressing …") is one
    // finding: a place is reported once per rule.
    const reported = new Set<string>()
    for (const hit of checks[rule.check]({ file, rule, sentences, relations, marked })) {
      const place = `${hit.start}:${hit.end}`
      if (reported.has(place)) continue
      reported.add(place)
      report(file, rule, { start: hit.start, end: hit.end, actual: slice(file, hit) }, hit.values)
    }
  }
}
