/**
 * corpus: the benchmark's articles, built deterministically from the seeds and
 * the development texts in ../shared/eval/ (read in place; nothing is copied
 * into the repository), written one file per article into os.tmpdir().
 *
 * Article i takes source i mod S (an HTML page every 100th article, a text
 * article otherwise) and permutes its body paragraphs by the copy number in
 * factorial base, so no two articles are byte-identical and a content cache
 * cannot serve a copy. Title lines stay first and blank lines stay in place.
 */
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"

/** One article of a built corpus; paths are absolute. */
export interface Entry {
  readonly file: string
  /** The same article as plain text: the file itself for .txt, the visible text of the page for .html. */
  readonly plain: string
  readonly format: "txt" | "html"
  readonly bytes: number
  readonly plainBytes: number
}

/** A built corpus on disk. */
export interface Corpus {
  readonly dir: string
  /** The directory of article files, to hand to the pipeline. */
  readonly articles: string
  readonly entries: ReadonlyArray<Entry>
  readonly bytes: number
  readonly plainBytes: number
  readonly htmlBytes: number
  /** True when an earlier run had already built it. */
  readonly reused: boolean
}

/** How big a corpus to build: exactly `articles`, or the fewest articles reaching both minima. */
export type Size =
  | { readonly articles: number }
  | { readonly minArticles: number; readonly minBytes: number }

/** A source article: the lines that stay put, and the units that get permuted. */
export interface Source {
  readonly id: string
  readonly format: "txt" | "html"
  /** The text cut into pieces; `units` are indices of the pieces that are permuted. */
  readonly pieces: ReadonlyArray<string>
  readonly units: ReadonlyArray<number>
}

const evalDir = new URL("../../../shared/eval/", import.meta.url)
const seedsDir = new URL("../../seeds/", import.meta.url)

/** Every how many articles one is an HTML page. */
const htmlEvery = 100
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
  hash.update(readFileSync(new URL(import.meta.url))) // the builder itself is an input
  return {
    text: sources.filter((s) => s.format === "txt"),
    html: sources.filter((s) => s.format === "html"),
    inputsHash: hash.digest("hex")
  }
}

type Sources = ReturnType<typeof loadSources>

/** Article i of the endless deterministic sequence. */
export const article = (sources: Sources, i: number) => {
  const html = i % htmlEvery === htmlEvery / 2
  const pool = html ? sources.html : sources.text
  const k = html ? Math.floor(i / htmlEvery) : i - Math.floor((i + htmlEvery / 2 - 1) / htmlEvery)
  const source = pool[k % pool.length]!
  const copy = Math.floor(k / pool.length)
  const name = `${String(i).padStart(5, "0")}-${source.id}-${copy}.${source.format}`
  return { name, format: source.format, content: variant(source, copy) }
}

/** The root of all built corpora and scratch output. */
export const benchRoot = join(tmpdir(), "factgate-bench")

/**
 * Build a corpus, or reuse the one an earlier run built from identical inputs
 * (the directory is named by a hash of the builder, its inputs and the size).
 */
export const build = (size: Size, sources: Sources = loadSources()): Corpus => {
  const label = "articles" in size ? `${size.articles}` : `${size.minArticles}-${size.minBytes}`
  const key = createHash("sha256").update(`${sources.inputsHash}\0${JSON.stringify(size)}`).digest("hex").slice(0, 16)
  const dir = join(benchRoot, `corpus-${label}-${key}`)
  const manifest = join(dir, "manifest.json")
  const reused = existsSync(manifest)
  if (!reused) {
    // Corpora of this size built by an older builder or from older inputs are stale.
    for (const name of existsSync(benchRoot) ? readdirSync(benchRoot) : []) {
      if (name.startsWith(`corpus-${label}-`)) rmSync(join(benchRoot, name), { recursive: true, force: true })
    }
    const partial = `${dir}.partial-${process.pid}`
    mkdirSync(join(partial, "articles"), { recursive: true })
    mkdirSync(join(partial, "plain"), { recursive: true })
    const files: Array<Omit<Entry, "file" | "plain"> & { readonly name: string; readonly plainName: string }> = []
    const seen = new Set<string>()
    let bytes = 0
    for (let i = 0; "articles" in size ? i < size.articles : i < size.minArticles || bytes < size.minBytes; i++) {
      const { name, format, content } = article(sources, i)
      const digest = createHash("sha256").update(content).digest("hex")
      if (seen.has(digest)) throw new Error(`corpus: ${name} duplicates an earlier article`)
      seen.add(digest)
      const data = Buffer.from(content, "utf8")
      writeFileSync(join(partial, "articles", name), data)
      let plainName = `articles/${name}`
      let plainBytes = data.length
      if (format === "html") {
        plainName = `plain/${name.replace(/\.html$/, ".txt")}`
        const text = Buffer.from(htmlText(content), "utf8")
        writeFileSync(join(partial, plainName), text)
        plainBytes = text.length
      }
      files.push({ name: `articles/${name}`, plainName, format, bytes: data.length, plainBytes })
      bytes += data.length
    }
    writeFileSync(join(partial, "manifest.json"), JSON.stringify(files))
    rmSync(dir, { recursive: true, force: true })
    renameSync(partial, dir)
  }
  const files = JSON.parse(readFileSync(manifest, "utf8")) as Array<Omit<Entry, "file" | "plain"> & { name: string; plainName: string }>
  const entries = files.map(({ name, plainName, ...rest }): Entry => ({ ...rest, file: join(dir, name), plain: join(dir, plainName) }))
  const sum = (f: (e: Entry) => number) => entries.reduce((total, e) => total + f(e), 0)
  return {
    dir,
    articles: join(dir, "articles"),
    entries,
    bytes: sum((e) => e.bytes),
    plainBytes: sum((e) => e.plainBytes),
    htmlBytes: sum((e) => (e.format === "html" ? e.bytes : 0)),
    reused
  }
}

/**
 * One article that is a single line of `bytes` or more: the seeds joined and
 * repeated. Paragraphs are cut to a bounded size, so time and memory must stay
 * proportional to it.
 */
export const singleLine = (bytes: number): { readonly file: string; readonly bytes: number } => {
  const seeds = readdirSync(seedsDir).filter((n) => n.endsWith(".txt")).sort()
  const line = seeds.map((name) => readFileSync(new URL(name, seedsDir), "utf8")).join(" ").replace(/\s+/g, " ")
  const text = `${line.repeat(Math.ceil(bytes / Buffer.byteLength(line)))}\n`
  const key = createHash("sha256").update(text).digest("hex").slice(0, 16)
  const dir = join(benchRoot, `single-line-${key}`)
  const file = join(dir, "single-line.txt")
  if (!existsSync(file)) {
    for (const name of existsSync(benchRoot) ? readdirSync(benchRoot) : []) {
      if (name.startsWith("single-line-")) rmSync(join(benchRoot, name), { recursive: true, force: true })
    }
    mkdirSync(dir, { recursive: true })
    writeFileSync(`${file}.${process.pid}.tmp`, text)
    renameSync(`${file}.${process.pid}.tmp`, file)
  }
  return { file, bytes: Buffer.byteLength(text) }
}
