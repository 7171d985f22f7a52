/**
 * jsonChunks: an object as `JSON.stringify(value, null, 2)` writes it, with a
 * final newline, piece by piece. Its top-level arrays come element by element,
 * so a batch index of thousands of articles is written without first being
 * made into one string.
 */

const indented = (json: string, pad: string) => json.replaceAll("\n", `\n${pad}`)

/** The pretty JSON of `value`, in pieces whose concatenation is the whole. */
export function* jsonChunks(value: object): Generator<string> {
  const fields = value as Readonly<Record<string, unknown>>
  // JSON.stringify leaves out what JSON cannot hold.
  const keys = Object.keys(fields).filter((key) => {
    const v = fields[key]
    return v !== undefined && typeof v !== "function" && typeof v !== "symbol"
  })
  if (keys.length === 0) {
    yield "{}\n"
    return
  }
  yield "{\n"
  for (const [i, key] of keys.entries()) {
    const v = fields[key]
    yield `  ${JSON.stringify(key)}: `
    if (Array.isArray(v) && v.length > 0) {
      yield "[\n"
      for (const [j, element] of v.entries()) {
        yield `    ${indented(JSON.stringify(element, null, 2) ?? "null", "    ")}${j < v.length - 1 ? "," : ""}\n`
      }
      yield "  ]"
    } else yield indented(JSON.stringify(v, null, 2), "  ")
    yield i < keys.length - 1 ? ",\n" : "\n"
  }
  yield "}\n"
}
