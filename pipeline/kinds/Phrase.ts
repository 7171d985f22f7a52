/**
 * Phrase: the rule kind for word lists.
 *
 * Each match of a listed phrase is a finding. A list can also say what the
 * phrase means for its sentence: a cue of uncertainty (hedges) or a
 * verification status (disclosures such as "not independently verified").
 * Each cue records its voice: the reporter's own, or inside quoted or
 * attributed content, where the doubt belongs to the speaker.
 */
import type { Root, Sentence } from "nlcst"
import type { Plugin } from "unified"
import type { PhraseRule } from "../Rules.ts"
import { owned } from "./Match.ts"
import { report } from "./Message.ts"
import { isQuoted } from "./Quotes.ts"

/** Whose words a cue is in. */
export type Voice = "reporter" | "quoted" | "attributed"

/** A cue of uncertainty found in a sentence. */
export interface CertaintyCue {
  readonly sentence: Sentence
  readonly start: number
  readonly end: number
  readonly type: string
  readonly voice: Voice
  readonly ruleId: string
}

/** A verification status a phrase gives its sentence. */
export interface Verification {
  readonly sentence: Sentence
  readonly status: string
  readonly start: number
  readonly end: number
}

declare module "vfile" {
  interface DataMap {
    cues: Array<CertaintyCue>
    verifications: Array<Verification>
  }
}

const isPhraseRule = (owner: unknown): owner is PhraseRule => (owner as PhraseRule | null)?.kind === "phrase"

/** Report every phrase-rule match, and note the cues and statuses they carry. */
export const phraseKind: Plugin<[], Root> = () => (_tree, file) => {
  const cues: Array<CertaintyCue> = (file.data.cues ??= [])
  const verifications: Array<Verification> = (file.data.verifications ??= [])
  const quotes = file.data.quotes ?? []
  const relations = file.data.attributions ?? []

  for (const { match, owner: rule } of owned(file.data.matches, isPhraseRule)) {
    const { start, end, sentence } = match
    const voice: Voice = isQuoted(quotes, start, end)
      ? "quoted"
      : relations.some((r) => r.content && r.content.start <= start && end <= r.content.end)
      ? "attributed"
      : "reporter"
    const attributed = relations.some((r) => r.sentence === sentence)
    const reported = rule.finding !== false &&
      !(rule.voice === "reporter" && voice !== "reporter") &&
      !(rule.unlessAttributed === true && attributed)
    if (reported) report(file, rule, { start, end, actual: String(file.value).slice(start, end) })
    if (rule.certainty === "uncertain") {
      cues.push({ sentence, start, end, type: rule.cueType ?? rule.category, voice, ruleId: rule.id })
    }
    if (rule.verification !== undefined) verifications.push({ sentence, status: rule.verification, start, end })
  }
}
