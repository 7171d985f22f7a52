/**
 * jsonChunks: an object as `JSON.stringify(value, null, 2)` writes it, with a
 * final newline, piece by piece.
 *
 * V8 makes a long JSON text as a tree of short strings, which is copied into
 * one string before it can be encoded. For a report (64 KB on average, most
 * of them two-byte for their curly quotes) that copy cost more than the
 * `JSON.stringify` itself: 1,000 reports took 380 ms of CPU to stringify and
 * encode whole, and 230 ms a field at a time, whose copies are small.
 */

/** Whether `JSON.stringify` writes an object's field with this value. */
const included = (value: unknown) => value !== undefined && typeof value !== "function" && typeof value !== "symbol"

/** `"key": value` as it stands one level in, indent included. */
const field = (key: string, value: unknown) => JSON.stringify({ [key]: value }, null, 2).slice(2, -2)

/** An element of a top-level array as it stands two levels in, indent included; `null` where JSON has no value. */
const element = (value: unknown) => JSON.stringify([[value]], null, 2).slice(6, -6)

/**
 * The pretty JSON of `value` in pieces: one for each top-level field, or,
 * `elementwise`, one for each element of a top-level array.
 */
function* pieces(value: object, elementwise: boolean): Generator<string> {
  const fields = value as Readonly<Record<string, unknown>>
  const keys = Object.keys(fields).filter((key) => included(fields[key]))
  if (keys.length === 0) {
    yield "{}\n"
    return
  }
  yield "{\n"
  for (const [i, key] of keys.entries()) {
    const v = fields[key]
    if (elementwise && Array.isArray(v) && v.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`
      for (const [j, item] of v.entries()) {
        yield element(item)
        yield j < v.length - 1 ? ",\n" : "\n"
      }
      yield "  ]"
    } else yield field(key, v)
    yield i < keys.length - 1 ? ",\n" : "\n"
  }
  yield "}\n"
}

/** The pretty JSON of `value`, one piece for each top-level field: a report. */
export const jsonFields = (value: object): Array<string> => [...pieces(value, false)]

/**
 * The pretty JSON of `value`, its top-level arrays element by element: a
 * batch index of thousands of articles is written without first being made
 * into one string.
 */
export const jsonChunks = (value: object): Generator<string> => pieces(value, true)
