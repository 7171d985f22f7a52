/**
 * Quotes: the spans of a paragraph inside double quotation marks.
 *
 * Normalisation has already made every double quote a straight `"`, so quotes
 * pair up left to right. An unpaired last mark opens nothing: a stray quote
 * must not turn the rest of a paragraph into speech. One linear scan, so
 * unbalanced or nested marks cost no more than balanced ones.
 */
import type { Root } from "nlcst"
import type { Plugin } from "unified"

/** A quoted span, marks included, in paragraph offsets. */
export interface Quote {
  readonly start: number
  readonly end: number
}

declare module "vfile" {
  interface DataMap {
    quotes: Array<Quote>
  }
}

/** Find the paired double quotes of a paragraph. */
export const quotesIn = (text: string): Array<Quote> => {
  const quotes: Array<Quote> = []
  let open = -1
  for (let at = text.indexOf("\""); at !== -1; at = text.indexOf("\"", at + 1)) {
    if (open === -1) open = at
    else {
      quotes.push({ start: open, end: at + 1 })
      open = -1
    }
  }
  return quotes
}

/** Whether `[start, end)` lies inside one of `quotes`. */
export const isQuoted = (quotes: ReadonlyArray<Quote>, start: number, end: number): boolean =>
  quotes.some((quote) => quote.start <= start && end <= quote.end)

/** Record the paragraph's quotes on the file for the kinds that need them. */
export const quotes: Plugin<[], Root> = () => (_tree, file) => {
  file.data.quotes = quotesIn(String(file.value))
}
