/**
 * Html: the main content of a web page, mapped to offsets in the HTML.
 *
 * Mozilla's Readability (over linkedom) decides what the article is; it
 * measured best on the Zyte benchmark among the candidates we tried, but it
 * returns text without positions. rehype-parse gives every text node its place
 * in the file, so the page's blocks are walked with positions and kept, in
 * order, where Readability's article contains them.
 */
import { Readability } from "@mozilla/readability"
import type { Element, ElementContent, Root, RootContent } from "hast"
import { parseHTML } from "linkedom"
import rehypeParse from "rehype-parse"
import { unified } from "unified"
import { Builder, type SourceMap } from "./SourceMap.ts"

/** The extracted text, and what the page says about itself. */
export interface Extracted {
  readonly source: SourceMap
  readonly title?: string
  readonly byline?: string
}

const parser = unified().use(rehypeParse)

// Elements that start a new block of text.
const blocks = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption",
  "caption", "div", "section", "article", "header", "footer", "aside", "nav", "main", "ul", "ol", "table", "tr", "form", "figure", "address"
])
// Elements whose text is never prose.
const skipped = new Set(["script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "canvas", "button", "select", "textarea"])

interface Block {
  readonly text: string
  readonly parts: ReadonlyArray<{ readonly value: string; readonly start: number; readonly end: number }>
}

/** The text blocks of a parsed page, each with its text nodes' positions. */
const blocksOf = (tree: Root): Array<Block> => {
  const found: Array<Block> = []
  let parts: Array<{ value: string; start: number; end: number }> = []
  const flush = () => {
    const text = parts.map((p) => p.value).join("").replace(/\s+/g, " ").trim()
    if (text !== "") found.push({ text, parts })
    parts = []
  }
  const walk = (node: Root | RootContent | ElementContent) => {
    if (node.type === "text") {
      parts.push({ value: node.value, start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 })
      return
    }
    if (node.type === "element") {
      const element = node as Element
      if (skipped.has(element.tagName)) return
      if (element.tagName === "br") {
        flush()
        return
      }
      const block = blocks.has(element.tagName)
      if (block) flush()
      for (const child of element.children) walk(child)
      if (block) flush()
      return
    }
    if (node.type === "root") for (const child of node.children) walk(child)
  }
  walk(tree)
  flush()
  return found
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim()

/** Whether a page block is a kept block: the same text, or a long part of it. */
const same = (block: string, kept: string) => block === kept || (block.length >= 40 && kept.includes(block))

/**
 * The indexes of `page` blocks that match `kept` blocks, in order: a longest
 * common subsequence weighted by text length, so a stray "Advertisement" far
 * down the page cannot pull the alignment off course. Several page blocks may
 * fall inside one longer kept block.
 */
const align = (page: ReadonlyArray<string>, kept: ReadonlyArray<string>): Set<number> => {
  const n = page.length
  const m = kept.length
  const width = m + 1
  const score = new Float64Array((n + 1) * width)
  // 1: match and move on, 2: match and stay on the kept block, 3: skip page block, 4: skip kept block.
  const moves = new Uint8Array((n + 1) * width)
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const text = page[i - 1]!
      const fits = same(text, kept[j - 1]!)
      const options: Array<[number, number]> = [
        [score[(i - 1) * width + j]!, 3],
        [score[i * width + j - 1]!, 4]
      ]
      if (fits) {
        options.push([score[(i - 1) * width + j - 1]! + text.length, 1])
        if (text !== kept[j - 1]) options.push([score[(i - 1) * width + j]! + text.length, 2])
      }
      const [best, move] = options.reduce((a, b) => (b[0] > a[0] ? b : a))
      score[i * width + j] = best
      moves[i * width + j] = move
    }
  }
  const matched = new Set<number>()
  for (let i = n, j = m; i > 0 && j > 0;) {
    const move = moves[i * width + j]
    if (move === 1 || move === 2) matched.add(i - 1)
    if (move !== 4) i--
    if (move === 1 || move === 4) j--
  }
  return matched
}

/** The main content of an HTML page, one block per line, mapped to the HTML. */
export const extractHtml = (html: string): Extracted => {
  const { document } = parseHTML(html)
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse()
  const out = new Builder(html)
  const hints = {
    ...(article?.title ? { title: collapse(article.title) } : {}),
    ...(article?.byline ? { byline: collapse(article.byline) } : {})
  }
  if (!article?.content) return { source: out.build(), ...hints }

  // Keep the page's blocks that Readability kept, aligned in order.
  const page = blocksOf(parser.parse(html) as Root)
  const kept = align(page.map((b) => b.text), blocksOf(parser.parse(article.content) as Root).map((b) => b.text))
  for (const [i, block] of page.entries()) {
    if (!kept.has(i)) continue
    if (out.length > 0) out.separator("\n", block.parts[0]!.start)
    // One space per whitespace character, so the text still aligns with the HTML.
    for (const part of block.parts) out.copy(part.value.replace(/\s/g, " "), part.start, part.end)
  }
  return { source: out.build(), ...hints }
}
