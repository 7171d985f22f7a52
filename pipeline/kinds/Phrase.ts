/**
 * Phrase: the rule kind for word lists.
 *
 * Each match of a listed phrase is a finding. A list can also say what the
 * phrase means for its sentence: a cue of uncertainty (hedges) or a
 * verification status (disclosures such as "not independently verified").
 */
import type { Root, Sentence } from "nlcst"
import type { Plugin } from "unified"
import type { PhraseRule } from "../Rules.ts"
import { owned } from "./Match.ts"
import { report } from "./Message.ts"

/** A cue of uncertainty found in a sentence. */
export interface CertaintyCue {
  readonly sentence: Sentence
  readonly start: number
  readonly end: number
  readonly type: string
  readonly ruleId: string
}

/** A verification status a phrase gives its sentence. */
export interface Verification {
  readonly sentence: Sentence
  readonly status: string
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
  for (const { match, owner: rule } of owned(file.data.matches, isPhraseRule)) {
    const actual = String(file.value).slice(match.start, match.end)
    report(file, rule, { start: match.start, end: match.end, actual })
    if (rule.certainty === "uncertain") {
      cues.push({ sentence: match.sentence, start: match.start, end: match.end, type: rule.cueType ?? rule.category, ruleId: rule.id })
    }
    if (rule.verification !== undefined) verifications.push({ sentence: match.sentence, status: rule.verification })
  }
}
