/**
 * sources: the texts the benchmark corpus is made of, read in place from the
 * seeds and the development splits in ../shared/eval/ (nothing is copied into
 * the repository), and the variation that makes each copy of a text distinct:
 * its body paragraphs permuted, title and blank lines in place.
 */
import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { gunzipSync } from "node:zlib"

/** A source article: the lines that stay put, and the units that get permuted. */
export interface Source {
  readonly id: string
  readonly format: "txt" | "html"
  /** The text cut into pieces; `units` are indices of the pieces that are permuted. */
  readonly pieces: ReadonlyArray<string>
  readonly units: ReadonlyArray<number>
}

const evalDir = new URL("../../../shared/eval/", import.meta.url)
/** The seed articles. */
export const seedsDir = new URL("../../seeds/", import.meta.url)

/** A source needs this many permutable units: 5! = 120 distinct copies. */
const minUnits = 5

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1))

/** The `copy`-th permutation of 0..n-1 in lexicographic order (factorial number system). */
export const permutation = (n: number, copy: number): Array<number> => {
  const left = Array.from({ length: n }, (_, i) => i)
  const order: Array<number> = []
  let rest = copy
  for (let k = n; k > 0; k--) {
    const f = factorial(k - 1)
    order.push(left.splice(Math.floor(rest / f), 1)[0]!)
    rest %= f
  }
  return order
}

/** The units whose text occurs once: permuting equal pieces would give equal copies. */
const distinct = (pieces: ReadonlyArray<string>, units: ReadonlyArray<number>) => {
  const count = new Map<string, number>()
  for (const at of units) count.set(pieces[at]!, (count.get(pieces[at]!) ?? 0) + 1)
  return units.filter((at) => count.get(pieces[at]!) === 1)
}

/** A text cut into lines; every non-empty line after the first non-empty one is a unit. */
export const textSource = (id: string, text: string): Source => {
  const pieces = text.split("\n")
  const filled = pieces.flatMap((line, i) => (line.trim() === "" ? [] : [i]))
  return { id, format: "txt", pieces, units: distinct(pieces, filled.slice(1)) }
}

/** An HTML page cut around its `<p>` elements' contents, which are the units. */
export const htmlSource = (id: string, html: string): Source => {
  const pieces: Array<string> = []
  const units: Array<number> = []
  let last = 0
  for (const match of html.matchAll(/(<p(?:\s[^>]*)?>)([\s\S]*?)(<\/p\s*>)/gi)) {
    const start = match.index + match[1]!.length
    pieces.push(html.slice(last, start))
    units.push(pieces.length)
    pieces.push(match[2]!)
    last = start + match[2]!.length
  }
  pieces.push(html.slice(last))
  return { id, format: "html", pieces, units: distinct(pieces, units) }
}

/** The source's `copy`-th variant: its units permuted, everything else in place. */
export const variant = (source: Source, copy: number): string => {
  const n = source.units.length
  if (copy >= factorial(Math.min(n, 18))) throw new Error(`${source.id}: copy ${copy} exceeds the ${n}! orders of its units`)
  const order = permutation(n, copy)
  const pieces = [...source.pieces]
  source.units.forEach((at, k) => (pieces[at] = source.pieces[source.units[order[k]!]!]!))
  return pieces.join(source.format === "html" ? "" : "\n")
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " ", mdash: "—", ndash: "–", hellip: "…", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“" }
const blockTags = "p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|aside|main|blockquote|pre|figure|figcaption|dd|dt|hr"

/** The visible text of a page, one block a line: what a scraper that keeps every line sees. */
export const htmlText = (html: string): string =>
  html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|noscript|template|svg|head|iframe)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(new RegExp(`</?(?:${blockTags})\\b[^>]*>`, "gi"), "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
      name[0] === "#"
        ? String.fromCodePoint(Number.parseInt(name.slice(name[1] === "x" || name[1] === "X" ? 2 : 1), name[1] === "x" || name[1] === "X" ? 16 : 10) || 32)
        : entities[name.toLowerCase()] ?? whole)
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n")

/** The raw inputs, sorted, with the bytes they were read from (for the corpus key). */
const readInputs = () => {
  const inputs: Array<{ readonly id: string; readonly format: "txt" | "html"; readonly text: string }> = []
  for (const name of readdirSync(seedsDir).filter((n) => n.endsWith(".txt")).sort()) {
    inputs.push({ id: `seed-${name.replace(/\.txt$/, "")}`, format: "txt", text: readFileSync(new URL(name, seedsDir), "utf8") })
  }
  const polnear = new URL("attribution-polnear/dev/text/", evalDir)
  for (const name of readdirSync(polnear).filter((n) => n.endsWith(".txt")).sort()) {
    inputs.push({ id: `polnear-${name.replace(/\.txt$/, "").slice(0, 40)}`, format: "txt", text: readFileSync(new URL(name, polnear), "utf8") })
  }
  // FactBank newswire: sentences grouped back into their documents, one paragraph each.
  const docs = new Map<string, Array<string>>()
  for (const line of readFileSync(new URL("hedging-news/factbank.sentences.jsonl", evalDir), "utf8").split("\n")) {
    if (line.trim() === "") continue
    const { doc, text } = JSON.parse(line) as { doc: string; text: string }
    docs.set(doc, [...(docs.get(doc) ?? []), text])
  }
  for (const [doc, sentences] of [...docs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    inputs.push({ id: `factbank-${doc.replace(/\.\w+$/, "")}`, format: "txt", text: `${sentences.join("\n\n")}\n` })
  }
  // Zyte pages, English only: factgate reads English.
  const zyte = new URL("extraction-zyte/", evalDir)
  const nonEnglish = new Set(readFileSync(new URL("likely_non_english_ids.tsv", zyte), "utf8").split("\n").slice(1).map((l) => l.split("\t")[0]))
  for (const name of readdirSync(new URL("html/", zyte)).filter((n) => n.endsWith(".html.gz")).sort()) {
    const id = name.replace(/\.html\.gz$/, "")
    if (nonEnglish.has(id)) continue
    inputs.push({ id: `zyte-${id.slice(0, 16)}`, format: "html", text: gunzipSync(readFileSync(new URL(`html/${name}`, zyte))).toString("utf8") })
  }
  return inputs
}

/** The sources, split by format, each with enough units to vary. */
export const loadSources = () => {
  const inputs = readInputs()
  const sources = inputs
    .map((input) => (input.format === "html" ? htmlSource(input.id, input.text) : textSource(input.id, input.text)))
    .filter((source) => source.units.length >= minUnits)
  const hash = createHash("sha256")
  for (const input of inputs) hash.update(`${input.id}\0${input.text}\0`)
  hash.update(readFileSync(new URL(import.meta.url))) // how texts are cut and varied is an input too
  return {
    text: sources.filter((s) => s.format === "txt"),
    html: sources.filter((s) => s.format === "html"),
    inputsHash: hash.digest("hex")
  }
}

/** The loaded sources. */
export type Sources = ReturnType<typeof loadSources>
