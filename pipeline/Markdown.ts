/**
 * Markdown: the prose of a Markdown article, without its markup.
 *
 * remark parses with positions; each block (heading, paragraph, list item,
 * quote) becomes one line made of its text nodes, mapped to where they stand
 * in the file. Code, HTML and images are not prose and are left out.
 */
import type { Nodes, Root } from "mdast"
import remarkParse from "remark-parse"
import { unified } from "unified"
import { Builder, type SourceMap } from "./SourceMap.ts"

const parser = unified().use(remarkParse)

const blockTypes = new Set(["heading", "paragraph", "tableCell"])

/** The prose of a Markdown document, one block per line, mapped to the source. */
export const extractMarkdown = (source: string): SourceMap => {
  const tree = parser.parse(source) as Root
  const out = new Builder(source)

  const inline = (node: Nodes) => {
    if (node.type === "text" || node.type === "inlineCode") {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      // A soft line break inside a paragraph is a space: one block stays one line.
      if (start !== undefined && end !== undefined) out.copy(node.value.replace(/[\r\n]/g, " "), start, end)
      return
    }
    if (node.type === "break") {
      out.separator(" ", node.position?.start.offset ?? 0)
      return
    }
    if ("children" in node) for (const child of node.children) inline(child as Nodes)
  }

  const block = (node: Nodes) => {
    if (blockTypes.has(node.type) && "children" in node) {
      if (out.length > 0) out.separator("\n\n", node.position?.start.offset ?? 0)
      for (const child of node.children) inline(child as Nodes)
      return
    }
    if (node.type === "code" || node.type === "html" || node.type === "image" || node.type === "thematicBreak") return
    if ("children" in node) for (const child of node.children) block(child as Nodes)
  }

  block(tree)
  return out.build()
}
