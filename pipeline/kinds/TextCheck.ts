/**
 * TextCheck: the rule kind for checks over an article's text as a whole.
 *
 * These run once per article rather than per paragraph: "empty-body" fires
 * when nothing was left to analyse (no main content, or only page furniture),
 * so the report says so instead of passing silently. The finding sits at the
 * start of the file.
 */
import type { TextCheck } from "../Rules.ts"

const checks: Record<TextCheck["check"], (paragraphs: number) => boolean> = {
  "empty-body": (paragraphs) => paragraphs === 0
}

/** The text-check rules that fire for an article with `paragraphs` analysable paragraphs. */
export const textChecks = (rules: ReadonlyArray<TextCheck>, paragraphs: number): Array<TextCheck> =>
  rules.filter((rule) => checks[rule.check](paragraphs))
