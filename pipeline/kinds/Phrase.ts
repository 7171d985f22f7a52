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
import { owned, type Match } from "./Match.ts"
import { report } from "./Message.ts"
import { isQuoted } from "./Quotes.ts"
import { text } from "./Tokens.ts"

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

/** An owner in the shared phrase index: an exception of one rule. */
interface ExceptionOwner {
  readonly except: PhraseRule
}

const isExceptionOwner = (owner: unknown): owner is ExceptionOwner => (owner as ExceptionOwner | null)?.except?.kind === "phrase"

/** The phrase-index entries for the rules' exceptions. */
export const exceptionEntries = (rules: ReadonlyArray<PhraseRule>) =>
  rules.flatMap((rule) => (rule.except ?? []).map((phrase) => ({ phrase, owner: { except: rule } satisfies ExceptionOwner })))

/** A lowercase phrase does not match a capitalised word mid-sentence: "May" the month, "Hope" the name. */
const properNoun = (match: Match) => {
  const first = match.nodes[0]!
  const firstWord = match.sentence.children.find((node) => node.type === "WordNode")
  return first !== firstWord && /^\p{Lu}/u.test(text(first)) && /^\p{Ll}/u.test(match.phrase)
}

/** Report every phrase-rule match, and note the cues and statuses they carry. */
export const phraseKind: Plugin<[], Root> = () => (_tree, file) => {
  const cues: Array<CertaintyCue> = (file.data.cues ??= [])
  const verifications: Array<Verification> = (file.data.verifications ??= [])
  const quotes = file.data.quotes ?? []
  // A stance ("plans to", "refused to") relates a source to a position, not to
  // a claim: it neither makes its content the source's words nor attributes
  // its sentence.
  const relations = (file.data.attributions ?? []).filter((r) => r.reports !== "stance")

  const exceptions = owned(file.data.matches, isExceptionOwner)
  const found = owned(file.data.matches, isPhraseRule).filter(({ match, owner }) =>
    !properNoun(match) &&
    !exceptions.some((e) => e.owner.except === owner && e.match.start < match.end && match.start < e.match.end)
  )
  // The longest phrase wins within a category: "could not be confirmed" is
  // one disclosure, not also a confirmation; "would view" is one speculation.
  const longer = (a: Match, b: Match) =>
    a !== b && a.start < b.end && b.start < a.end && (b.end - b.start > a.end - a.start || (b.end - b.start === a.end - a.start && b.start < a.start))
  const kept = found.filter(({ match, owner }) =>
    !found.some((other) => other.owner.category === owner.category && longer(match, other.match))
  )

  for (const { match, owner: rule } of kept) {
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
