/**
 * Message: the one grammar every finding uses, with named placeholders.
 *
 * Templates come from rule files (`Unexpected hedge {{actual}}, …`); named
 * placeholders keep them stable when a kind gains new values to offer.
 */
import type { Node } from "unist"
import type { VFile } from "vfile"
import type { Reporting } from "../Rules.ts"

/** Fill `{{name}}` placeholders; an unknown name is left as written. */
export const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole)

/**
 * Run `make` without capturing stack traces. A VFileMessage is an Error, so
 * constructing one captures the stack, which vfile-message then throws away
 * (it sets `stack` to ""); the capture alone cost more than the rest of
 * reporting a finding.
 */
const withoutStackTrace = <A>(make: () => A): A => {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** Report one finding of `rule` on `file`, spanning paragraph offsets `[start, end)`. */
export const report = (
  file: VFile,
  rule: Reporting,
  span: { readonly start: number; readonly end: number; readonly actual: string },
  values: Readonly<Record<string, string>> = {}
) => {
  const place = { start: { line: 1, column: span.start + 1, offset: span.start }, end: { line: 1, column: span.end + 1, offset: span.end } }
  const message = withoutStackTrace(() =>
    file.message(fill(rule.message, { actual: `\`${span.actual}\``, ...values }), {
      place,
      ruleId: rule.id,
      source: "factgate"
    })
  )
  message.actual = span.actual
  message.url = rule.url
  if (rule.expected !== undefined) message.expected = [rule.expected]
  // vfile's convention: fatal true is an error, false a warning, undefined info.
  message.fatal = rule.level === "error" ? true : rule.level === "warning" ? false : undefined
  return message
}

/** The paragraph offsets a positioned node spans. */
export const spanOf = (node: Node): { start: number; end: number } => ({
  start: node.position?.start.offset ?? 0,
  end: node.position?.end.offset ?? 0
})
