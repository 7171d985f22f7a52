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

// How far ahead in Readability's blocks a page block may match: far enough
// to step over a block Readability rewrote, near enough that a stray
// "Advertisement" cannot pull the alignment off course.
const window = 8

/**
 * The indexes of `page` blocks that match `kept` blocks, in order, in one
 * linear pass. Several page blocks may fall inside one longer kept block.
 */
const align = (page: ReadonlyArray<string>, kept: ReadonlyArray<string>): Set<number> => {
  const matched = new Set<number>()
  let j = 0
  for (const [i, text] of page.entries()) {
    for (let k = j; k < Math.min(kept.length, j + window); k++) {
      if (!same(text, kept[k]!)) continue
      matched.add(i)
      // Stay on a longer kept block: the next page block may be inside it too.
      j = text === kept[k] ? k + 1 : k
      break
    }
  }
  return matched
}

/** The main content of an HTML page, one block per line, mapped to the HTML. */
export const extractHtml = (html: string): Extracted => {
  const page = blocksOf(parser.parse(html) as Root)
  const out = new Builder(html)
  const append = (block: Block) => {
    if (out.length > 0) out.separator("\n", block.parts[0]!.start)
    // One space per whitespace character, so the text still aligns with the HTML.
    for (const part of block.parts) out.copy(part.value.replace(/\s/g, " "), part.start, part.end)
  }
  // A fragment (no <html> or <body>) is the content already: there is no page to choose from.
  if (!/<(html|body)[\s>]/i.test(html)) {
    page.forEach(append)
    return { source: out.build() }
  }
  const { document } = parseHTML(html)
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse()
  const hints = {
    ...(article?.title ? { title: collapse(article.title) } : {}),
    ...(article?.byline ? { byline: collapse(article.byline) } : {})
  }
  if (!article?.content) return { source: out.build(), ...hints }

  // Keep the page's blocks that Readability kept, aligned in order.
  const kept = align(page.map((b) => b.text), blocksOf(parser.parse(article.content) as Root).map((b) => b.text))
  page.forEach((block, i) => kept.has(i) && append(block))
  return { source: out.build(), ...hints }
}
