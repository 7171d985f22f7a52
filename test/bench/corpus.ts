/**
 * corpus: the benchmark's articles, written one file per article into
 * os.tmpdir() (see sources.ts for what they are made of).
 *
 * Article i takes source i mod S (an HTML page every 100th article, a text
 * article otherwise) and is its copy number ⌊i / S⌋, so no two articles are
 * byte-identical and a content cache cannot serve a copy. A corpus is reused
 * while the builder, its inputs and its size are unchanged.
 */
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { htmlText, loadSources, seedsDir, type Sources, variant } from "./sources.ts"

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

/** Every how many articles one is an HTML page. */
const htmlEvery = 100

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
  const key = createHash("sha256")
    .update(`${sources.inputsHash}\0${JSON.stringify(size)}\0`)
    .update(readFileSync(new URL(import.meta.url))) // the builder itself is an input
    .digest("hex")
    .slice(0, 16)
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
