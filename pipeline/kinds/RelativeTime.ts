/**
 * RelativeTime: the rule kind for "on Thursday", "next week" and "last year"
 * in an article that shows no date.
 *
 * Without a publication date a reader cannot anchor relative time, so every
 * claim that leans on it floats. The rule runs over the analysed sentences,
 * after analysis, because whether it applies depends on the article's
 * metadata rather than on the words alone.
 */
import type { Finding, SentenceReport } from "../Analyse.ts"
import { allMatches, wordPattern } from "../Claims.ts"
import type { RelativeTimeRule } from "../Rules.ts"
import { lineStarts, pointAt } from "../SourceMap.ts"
import { fill } from "./Message.ts"

/** Whether the article gives a date a reader can anchor relative time to. */
const dated = (published: string | undefined) => published !== undefined && published !== "missing"

/**
 * The relative-time rules, compiled once for a rule set: made per article,
 * a pattern for a list ten times as long cost a fifth more time per article.
 */
export const relativeTime = (rules: ReadonlyArray<RelativeTimeRule>) => {
  const compiled = rules.map((rule) => ({ rule, pattern: wordPattern(rule.phrases) }))
  /** The findings for one article. */
  return (published: string | undefined, original: string, sentences: ReadonlyArray<SentenceReport>): Array<Finding> =>
    compiled.length === 0 || dated(published) ? [] : findings(compiled, original, sentences)
}

const findings = (
  compiled: ReadonlyArray<{ readonly rule: RelativeTimeRule; readonly pattern: RegExp }>,
  original: string,
  sentences: ReadonlyArray<SentenceReport>
): Array<Finding> => {
  const lines = lineStarts(original)
  return compiled.flatMap(({ rule, pattern }) =>
    sentences.flatMap((sentence) =>
      allMatches(pattern, original.slice(sentence.start, sentence.end)).map((match): Finding => {
        const start = sentence.start + match.index
        const end = start + match[0].length
        const from = pointAt(lines, start)
        const to = pointAt(lines, end)
        return {
          ruleId: rule.id,
          category: rule.category,
          severity: rule.level === "off" ? "info" : rule.level,
          message: fill(rule.message, { actual: `\`${match[0]}\`` }),
          url: rule.url,
          ...(rule.expected === undefined ? {} : { expected: rule.expected }),
          text: match[0],
          start,
          end,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column
        }
      })
    )
  )
}
