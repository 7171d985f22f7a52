/**
 * Tokens: small helpers over the words of an nlcst sentence, shared by the
 * rule kinds' modules.
 */
import type { Parents, Root, Sentence, SentenceContent } from "nlcst"
import { toString } from "nlcst-to-string"

/**
 * A node's text. Every rule reads the text of every word, so the usual shapes
 * are read directly: a leaf's value, or a word's one text node. Anything else
 * goes through nlcst-to-string, which gives the same result more slowly.
 */
export const text = (node: SentenceContent): string => {
  if ("value" in node) return node.value
  const only = node.children.length === 1 ? node.children[0]! : undefined
  return only !== undefined && "value" in only ? only.value : toString(node)
}
/** A node's text in lower case. */
export const lower = (node: SentenceContent) => text(node).toLowerCase()
/** Whether a node is a word. */
export const isWord = (node: SentenceContent | undefined): node is SentenceContent => node?.type === "WordNode"
/** Whether a word starts with a capital. */
export const isCapitalised = (node: SentenceContent) => /^\p{Lu}/u.test(text(node))
/** Whether a word is in capitals: "WALLACE", "O'REILLY", a transcript's speaker or an acronym. */
export const inCapitals = (word: string) => /^\p{Lu}[\p{Lu}.'’-]+$/u.test(word)
/** Whether a node is punctuation or a symbol. */
export const isBoundary = (node: SentenceContent) => node.type === "PunctuationNode" || node.type === "SymbolNode"

/**
 * Whether a sentence is a headline in title case: at least three words of four
 * letters or more, all capitalised (the style guides' rule for headlines).
 */
export const isTitleCase = (children: ReadonlyArray<SentenceContent>) => {
  let long = 0
  for (const node of children) {
    if (!isWord(node) || text(node).length < 4) continue
    if (!isCapitalised(node)) return false
    long++
  }
  return long >= 3
}

/** Index of the nearest non-whitespace node from `i` in direction `step`. */
export const skipSpace = (children: ReadonlyArray<SentenceContent>, i: number, step: 1 | -1) => {
  while (i >= 0 && i < children.length && children[i]!.type === "WhiteSpaceNode") i += step
  return i
}

/**
 * The sentences of a tree, in order: what `visit(tree, "SentenceNode", …)`
 * returning SKIP finds, by a plain walk. Every kind goes through every
 * sentence of every paragraph, and the visitor's per-node closures cost more
 * than the kinds' own work on short paragraphs.
 */
export const sentences = (tree: Root): Array<Sentence> => {
  const found: Array<Sentence> = []
  const walk = (parent: Parents) => {
    for (const child of parent.children) {
      if (child.type === "SentenceNode") found.push(child)
      else if ("children" in child) walk(child)
    }
  }
  walk(tree)
  return found
}
