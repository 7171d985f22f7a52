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
import { VFile } from "vfile"
import { attributionKind, cueEntries, type Mention, type Source, type Surnames } from "./kinds/Attribution.ts"
import { matchPhrases } from "./kinds/Match.ts"
import { exceptionEntries, phraseKind, type Voice } from "./kinds/Phrase.ts"
import { quotes } from "./kinds/Quotes.ts"
import { sentenceBreaks } from "./kinds/SentenceBreaks.ts"
import { checkEntries, sourceCheckKind } from "./kinds/SourceCheck.ts"
import { textChecks } from "./kinds/TextCheck.ts"
import { sentences as sentencesOf, text } from "./kinds/Tokens.ts"
import type { Normalised } from "./Normalise.ts"
import type { Reporting, RuleSet } from "./Rules.ts"
import { classifier, type SourceKind } from "./Sources.ts"
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
  readonly voice: Voice
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

/** A source as reported, pointing into the original. */
export interface SourceReport {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly kind: SourceKind
  readonly outlet?: string
  readonly outletType?: string
  readonly resolvesTo?: string
}

/** A source, cue and content, and the chain the words came through. */
export interface Attribution {
  readonly source: SourceReport
  readonly cue: { readonly text: string; readonly start: number; readonly end: number }
  readonly content?: Span
  readonly via: ReadonlyArray<SourceReport>
  readonly depth: number
}

/** What analysis found in one article. */
export interface Analysis {
  readonly findings: ReadonlyArray<Finding>
  readonly sentences: ReadonlyArray<SentenceReport>
  readonly attributions: ReadonlyArray<Attribution>
}

const anaphors = new Set(["this", "these", "that", "those", "it", "such"])

/** Whether a sentence opens by pointing back: "These comments …". */
const anaphoric = (sentence: Sentence) => {
  const first = sentence.children.find((child) => child.type === "WordNode")
  return first !== undefined && anaphors.has(text(first).toLowerCase())
}

/** Build the analyser for a rule set: a function from normalised text to analysis. */
export const make = (rules: RuleSet) => {
  const processor = unified()
    .use(retextEnglish)
    .use(sentenceBreaks)
    .use(matchPhrases, [
      ...rules.phrase.flatMap((rule) => rule.phrases.map((phrase) => ({ phrase, owner: rule }))),
      ...exceptionEntries(rules.phrase),
      ...cueEntries(rules.attribution.cues),
      ...checkEntries(rules.checks)
    ])
    .use(quotes)
    .use(attributionKind, classifier(rules.attribution, rules.outlets), {
      id: rules.attribution.id,
      structures: rules.attribution.structures ?? [],
      labels: rules.attribution.labels ?? [],
      surveys: rules.attribution.surveys ?? []
    })
    .use(phraseKind)
    .use(sourceCheckKind, rules.checks)
    .freeze()
  const byId = new Map<string, Reporting>([...rules.phrase, ...rules.checks].map((rule) => [rule.id, rule]))

  return (normalised: Normalised): Analysis => {
    const { map } = normalised
    const lines = lineStarts(map.original)
    const original = (base: number, span: Span): Span =>
      toOriginal(map, { start: base + span.start, end: base + span.end })
    const spanText = (span: Span) => map.original.slice(span.start, span.end)
    /** A finding of `rule` at `span` of the original, with its line and column. */
    const finding = (rule: Reporting, message: string, span: Span): Finding => {
      const from = pointAt(lines, span.start)
      const to = pointAt(lines, span.end)
      return {
        ruleId: rule.id,
        category: rule.category,
        severity: rule.level === "error" ? "error" : rule.level === "warning" ? "warning" : "info",
        message,
        url: rule.url,
        ...(rule.expected === undefined ? {} : { expected: rule.expected }),
        text: spanText(span),
        start: span.start,
        end: span.end,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column
      }
    }

    const findings: Array<Finding> = []
    const sentences: Array<SentenceReport> = []
    const attributions: Array<Attribution> = []
    // Named sources seen so far, and what the names said of each surname's
    // gender, shared by the paragraphs of this article.
    const history: Array<Mention> = []
    const surnames: Surnames = new Map()

    // A headline says who said what ("Trump says …", "Sanders: Clinton
    // needs …") as the body does, so it is read for attributions; its wording
    // is the desk's, so it adds no findings and no sentences to the claims.
    const headlines = normalised.blocks.filter((block) => block.role === "title")
    const blocks = [...headlines.map((span) => [span, true] as const), ...normalised.paragraphs.map((span) => [span, false] as const)]
    for (const [paragraph, headline] of blocks) {
      const file = new VFile({ value: map.text.slice(paragraph.start, paragraph.end), data: { history, surnames } })
      const tree = processor.parse(file) as Root
      processor.runSync(tree, file)
      const base = paragraph.start

      for (const message of headline ? [] : file.messages) {
        const rule = byId.get(message.ruleId ?? "")
        if (!rule || !message.place || !("start" in message.place)) continue
        const span = original(base, { start: message.place.start.offset ?? 0, end: message.place.end.offset ?? 0 })
        findings.push(finding(rule, message.reason, span))
      }

      const cues = file.data.cues ?? []
      const verifications = file.data.verifications ?? []
      for (const sentence of headline ? [] : sentencesOf(tree)) {
        const own = cues.filter((cue) => cue.sentence === sentence)
        const span = original(base, { start: sentence.position?.start.offset ?? 0, end: sentence.position?.end.offset ?? 0 })
        const verification = verifications.find((v) => v.sentence === sentence)?.status
        // "These comments have not been verified" qualifies the sentence before it.
        const previous = sentences.at(-1)
        if (verification !== undefined && previous && previous.verification === undefined && anaphoric(sentence)) {
          sentences[sentences.length - 1] = { ...previous, verification }
        }
        // Spans are copied key by key here and below: in Node 20 a spread
        // before further keys is the slow way to build an object.
        sentences.push({
          start: span.start,
          end: span.end,
          certainty: own.length > 0 ? "uncertain" : "certain",
          ...(verification === undefined ? {} : { verification }),
          cues: own.map((cue) => {
            const at = original(base, cue)
            return { text: spanText(at), start: at.start, end: at.end, type: cue.type, voice: cue.voice, ruleId: cue.ruleId }
          })
        })
      }

      const sourceReport = (source: Source): SourceReport => {
        const at = original(base, source)
        return {
          text: spanText(at),
          start: at.start,
          end: at.end,
          kind: source.kind,
          ...(source.outlet ? { outlet: source.outlet.name, outletType: source.outlet.type } : {}),
          ...(source.resolvesTo === undefined ? {} : { resolvesTo: source.resolvesTo })
        }
      }
      for (const relation of file.data.attributions ?? []) {
        const cue = original(base, relation.cue)
        attributions.push({
          source: sourceReport(relation.source),
          cue: { text: spanText(cue), start: cue.start, end: cue.end },
          ...(relation.content ? { content: original(base, relation.content) } : {}),
          via: relation.via.map(sourceReport),
          depth: relation.via.length + 1
        })
      }
    }

    // Checks over the whole text report at the start of the file.
    for (const rule of textChecks(rules.textChecks, normalised.paragraphs.length)) {
      findings.push(finding(rule, rule.message, { start: 0, end: 0 }))
    }

    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId))
    return { findings, sentences, attributions }
  }
}
