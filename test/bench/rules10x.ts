/**
 * rules10x: a copy of a rules directory in which every list an editor grows
 * (phrases, cue phrases, except lists, source lexicons, claim words and
 * concepts, outlet names and aliases, boilerplate and structure patterns) is
 * ten times as long. The added entries extend real ones with a word no text
 * contains, so they cost what a real entry costs to try and never match.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import YAML from "yaml"

/** Rule-file kinds whose string lists are regular expressions. */
const regexKinds = new Set(["boilerplate", "structure"])

/** Keys of the schema whose lists' items satisfy `test`. */
const listKeys = (schema: unknown, test: (items: Record<string, unknown>) => boolean, keys = new Set<string>()): Set<string> => {
  if (Array.isArray(schema)) schema.forEach((item) => listKeys(item, test, keys))
  else if (schema !== null && typeof schema === "object") {
    const node = schema as Record<string, unknown>
    const properties = node["properties"] as Record<string, Record<string, unknown>> | undefined
    for (const [key, property] of Object.entries(properties ?? {})) {
      const items = property["items"] as Record<string, unknown> | undefined
      if (property["type"] === "array" && items !== undefined && test(items)) keys.add(key)
    }
    Object.values(node).forEach((child) => listKeys(child, test, keys))
  }
  return keys
}

/** Keys whose lists hold values of an enum (`structures`, `checkableSources`, ...): not word lists. */
const enumKeys = (schema: unknown) => listKeys(schema, (items) => "enum" in items || "const" in items)

/** Keys whose lists hold single words (`labels`): an entry grows by a suffix, not a second word. */
const wordKeys = (schema: unknown) => listKeys(schema, (items) => items["pattern"] === "^\\S+$")

/** A word no article contains: zqxa, zqxb, ..., zqxba, ... */
const tagger = () => {
  let n = 0
  return () => {
    let i = n++
    let word = ""
    do {
      word = String.fromCharCode(97 + (i % 26)) + word
      i = Math.floor(i / 26) - 1
    } while (i >= 0)
    return `zqx${word}`
  }
}

/** What `multiply` did: list entries before and after, over all files. */
export interface Multiplied {
  readonly dir: string
  readonly entriesBefore: number
  readonly entriesAfter: number
}

/** Write `from` × `factor` into `to`. */
export const multiply = (from: string, to: string, schemaFile: string, factor = 10): Multiplied => {
  // Outlet types name kinds of outlet, like an enum the schema does not spell out.
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as unknown
  const skip = new Set([...enumKeys(schema), "outletTypes"])
  const singleWords = wordKeys(schema)
  const tag = tagger()
  let before = 0
  let after = 0

  const grow = (list: ReadonlyArray<string>, regex: boolean, singleWord: boolean) => {
    const added = Array.from({ length: list.length * (factor - 1) }, (_, i) => {
      const entry = list[i % list.length]!
      const word = tag()
      // A regex must still match everything the real one does before it fails;
      // a trailing `*` is a wildcard that must stay last.
      if (regex) return `(?:${entry}) ${word}`
      if (singleWord) return `${entry}${word}`
      return entry.endsWith("*") ? `${word} ${entry}` : `${entry} ${word}`
    })
    before += list.length
    after += list.length + added.length
    return [...list, ...added]
  }

  const walk = (value: unknown, key: string, regex: boolean): unknown => {
    if (Array.isArray(value)) {
      if (key === "outlets") {
        const outlets = value as Array<{ name: string; aliases?: Array<string> }>
        const clones = Array.from({ length: outlets.length * (factor - 1) }, (_, i) => {
          const outlet = outlets[i % outlets.length]!
          const word = tag().replace(/^z/, "Z")
          return {
            ...outlet,
            name: `${outlet.name} ${word}`,
            ...(outlet.aliases ? { aliases: outlet.aliases.map((alias) => `${alias} ${word}`) } : {})
          }
        })
        const names = (o: { aliases?: Array<string> }) => 1 + (o.aliases?.length ?? 0)
        before += outlets.reduce((n, o) => n + names(o), 0)
        after += [...outlets, ...clones].reduce((n, o) => n + names(o), 0)
        return [...outlets, ...clones]
      }
      if (value.length > 0 && value.every((item) => typeof item === "string") && !skip.has(key)) return grow(value, regex, singleWords.has(key))
      return value.map((item) => walk(item, key, regex))
    }
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, regex)]))
    }
    return value
  }

  rmSync(to, { recursive: true, force: true })
  mkdirSync(to, { recursive: true })
  for (const name of readdirSync(from).sort()) {
    if (!/\.ya?ml$/.test(name)) {
      cpSync(join(from, name), join(to, name), { recursive: true })
      continue
    }
    const rule = YAML.parse(readFileSync(join(from, name), "utf8")) as { kind?: string }
    const grown = walk(rule, "", regexKinds.has(rule.kind ?? ""))
    writeFileSync(join(to, name), YAML.stringify(grown, { lineWidth: 0 }))
  }
  return { dir: to, entriesBefore: before, entriesAfter: after }
}
