/**
 * Extract: the text to analyse inside an input, mapped to the input's offsets.
 *
 * Plain text is its own text; Markdown loses its markup; HTML keeps only its
 * main content. Each returns a source map, so findings point at line:column
 * in the file as it arrived.
 */
import { type Extracted, extractHtml } from "./Html.ts"
import type { Format } from "./Ingest.ts"
import { extractMarkdown } from "./Markdown.ts"
import { identity } from "./SourceMap.ts"

/** The analysable text of an input in `format`, with its map back to the input. */
export const extract = (format: Format, text: string): Extracted =>
  format === "html" ? extractHtml(text) : { source: format === "md" ? extractMarkdown(text) : identity(text) }
