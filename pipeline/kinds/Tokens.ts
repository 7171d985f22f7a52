/**
 * Tokens: small helpers over the words of an nlcst sentence, shared by the
 * attribution kind's modules.
 */
import type { SentenceContent } from "nlcst"
import { toString } from "nlcst-to-string"

/** A node's text. */
export const text = (node: SentenceContent) => toString(node)
/** A node's text in lower case. */
export const lower = (node: SentenceContent) => text(node).toLowerCase()
/** Whether a node is a word. */
export const isWord = (node: SentenceContent | undefined): node is SentenceContent => node?.type === "WordNode"
/** Whether a word starts with a capital. */
export const isCapitalised = (node: SentenceContent) => /^\p{Lu}/u.test(text(node))
/** Whether a node is punctuation or a symbol. */
export const isBoundary = (node: SentenceContent) => node.type === "PunctuationNode" || node.type === "SymbolNode"

/** Index of the nearest non-whitespace node from `i` in direction `step`. */
export const skipSpace = (children: ReadonlyArray<SentenceContent>, i: number, step: 1 | -1) => {
  while (i >= 0 && i < children.length && children[i]!.type === "WhiteSpaceNode") i += step
  return i
}

