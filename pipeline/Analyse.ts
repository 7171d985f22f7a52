/**
 * Analyse: normalised text → findings, sentences and attributions, with every
 * offset mapped back into the original.
 *
 * One retext-english parse per paragraph (parse-english slows down sharply on
 * long inputs), then the rule kinds as unified plugins over the shared phrase
 * matches. The processor is built once per rule set and reused.
 */
import type { Root, Sentence } from "nlcst"
import retextEnglish from "retext-english"
import { unified } from "unified"
import { SKIP, visit } from "unist-util-visit"
import { VFile } from "vfile"
import type { VFileMessage } from "vfile-message"
import { attributionKind, cueEntries, type SourceKind } from "./kinds/Attribution.ts"
import { matchPhrases } from "./kinds/Match.ts"
import { phraseKind } from "./kinds/Phrase.ts"
import type { Normalised } from "./Normalise.ts"
import type { Reporting, RuleSet } from "./Rules.ts"
import { lineStarts, pointAt, toOriginal, type Span } from "./SourceMap.ts"

/** A finding, pointing into the original text. */
export interface Finding {
  readonly ruleId: string
  readonly category: string
  readonly severity: "error" | "warning" | "info"
  readonly message: string
  readonly url: string
  readonly expected?: string
  readonly text: string
  readonly start: number
  readonly end: number
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
}

/** A cue of uncertainty, pointing into the original. */
export interface SentenceCue {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly type: string
  readonly ruleId: string
}

/** A sentence with its certainty and the cues behind it. */
export interface SentenceReport {
  readonly start: number
  readonly end: number
  readonly certainty: "certain" | "uncertain"
  readonly verification?: string
  readonly cues: ReadonlyArray<SentenceCue>
}

/** A source, cue and content, pointing into the original. */
export interface Attribution {
  readonly source: { readonly text: string; readonly start: number; readonly end: number; readonly kind: SourceKind }
  readonly cue: { readonly text: string; readonly start: number; readonly end: number }
  readonly content?: Span
}

/** What analysis found in one article. */
export interface Analysis {
  readonly findings: ReadonlyArray<Finding>
  readonly sentences: ReadonlyArray<SentenceReport>
  readonly attributions: ReadonlyArray<Attribution>
}

const severityOf = (message: VFileMessage) =>
  message.fatal === true ? "error" : message.fatal === false ? "warning" : "info"

/** Build the analyser for a rule set: a function from normalised text to analysis. */
export const make = (rules: RuleSet) => {
  const processor = unified()
    .use(retextEnglish)
    .use(matchPhrases, [
      ...rules.phrase.map((rule) => rule.phrases.map((phrase) => ({ phrase, owner: rule }))).flat(),
      ...cueEntries(rules.attribution)
    ])
    .use(phraseKind)
    .use(attributionKind)
    .freeze()
  const byId = new Map<string, Reporting>([...rules.phrase, ...rules.attribution].map((rule) => [rule.id, rule]))

  return (normalised: Normalised): Analysis => {
    const { map } = normalised
    const lines = lineStarts(map.original)
    const original = (base: number, span: Span): Span =>
      toOriginal(map, { start: base + span.start, end: base + span.end })
    const spanText = (span: Span) => map.original.slice(span.start, span.end)

    const findings: Array<Finding> = []
    const sentences: Array<SentenceReport> = []
    const attributions: Array<Attribution> = []

    for (const paragraph of normalised.paragraphs) {
      const file = new VFile(map.text.slice(paragraph.start, paragraph.end))
      const tree = processor.parse(file) as Root
      processor.runSync(tree, file)
      const base = paragraph.start

      for (const message of file.messages) {
        const rule = byId.get(message.ruleId ?? "")
        if (!rule || !message.place || !("start" in message.place)) continue
        const span = original(base, { start: message.place.start.offset ?? 0, end: message.place.end.offset ?? 0 })
        const from = pointAt(lines, span.start)
        const to = pointAt(lines, span.end)
        findings.push({
          ruleId: rule.id,
          category: rule.category,
          severity: severityOf(message),
          message: message.reason,
          url: rule.url,
          ...(rule.expected === undefined ? {} : { expected: rule.expected }),
          text: spanText(span),
          ...span,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column
        })
      }

      const cues = file.data.cues ?? []
      const verifications = file.data.verifications ?? []
      visit(tree, "SentenceNode", (sentence: Sentence) => {
        const own = cues.filter((cue) => cue.sentence === sentence)
        const span = original(base, { start: sentence.position?.start.offset ?? 0, end: sentence.position?.end.offset ?? 0 })
        const verification = verifications.find((v) => v.sentence === sentence)?.status
        sentences.push({
          ...span,
          certainty: own.length > 0 ? "uncertain" : "certain",
          ...(verification === undefined ? {} : { verification }),
          cues: own.map((cue) => {
            const at = original(base, cue)
            return { text: spanText(at), ...at, type: cue.type, ruleId: cue.ruleId }
          })
        })
        // Nothing inside a sentence is a sentence.
        return SKIP
      })

      for (const relation of file.data.attributions ?? []) {
        const source = original(base, relation.source)
        const cue = original(base, relation.cue)
        attributions.push({
          source: { text: spanText(source), ...source, kind: relation.source.kind },
          cue: { text: spanText(cue), ...cue },
          ...(relation.content ? { content: original(base, relation.content) } : {})
        })
      }
    }

    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId))
    return { findings, sentences, attributions }
  }
}
