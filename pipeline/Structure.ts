/**
 * Structure: the article's own metadata lines, and the shape of its text.
 *
 * Byline, publication date and declared sources come from the patterns in the
 * structure rule file; the title is the first headline-like line above the
 * body; the standfirst is the first paragraph under it; a dateline is the
 * capitalised place that opens a paragraph.
 */
import type { StructureRules } from "./Rules.ts"

/** What the metadata lines of an article say. */
export interface Metadata {
  readonly title?: string
  readonly standfirst?: string
  readonly byline?: string
  readonly dateline?: string
  /** The date the page shows, or "missing" when it shows an empty date label. */
  readonly published?: string
  readonly declaredSources?: ReadonlyArray<string>
}

/** The role a metadata line plays. */
export type MetadataRole = "byline" | "date" | "sources"

/** One recognised metadata line. */
export interface MetadataLine {
  readonly role: MetadataRole
  readonly value: string | ReadonlyArray<string>
}

const group = (patterns: ReadonlyArray<RegExp>, text: string, name: string): string | undefined => {
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    if (match) return (match.groups?.[name] ?? "").trim()
  }
  return undefined
}

/** Recognise a byline, date or declared-sources line. */
export const metadataLine = (rules: StructureRules, text: string): MetadataLine | undefined => {
  const list = group(rules.sources, text, "list")
  if (list !== undefined && list !== "") {
    return { role: "sources", value: list.split(/\s*(?:,|;|\band\b)\s*/).map((s) => s.trim()).filter((s) => s !== "") }
  }
  const date = group(rules.date, text, "date")
  if (date !== undefined) return { role: "date", value: date === "" ? "missing" : date }
  const name = group(rules.byline, text, "name")
  if (name !== undefined && name !== "") return { role: "byline", value: name }
  return undefined
}

/** The dateline that opens a paragraph, if any: "MOSCOW (Reuters) -". */
export const datelineOf = (rules: StructureRules, text: string): string | undefined => {
  for (const pattern of rules.dateline) {
    const match = pattern.exec(text)
    if (match) return (match.groups?.["dateline"] ?? match[0]).trim()
  }
  return undefined
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length

/** Whether a line reads like a headline: short, and not a running sentence. */
export const headlineLike = (text: string): boolean => {
  const n = wordCount(text)
  if (n < 2 || n > 25) return false
  // A headline may end in "?" or "!"; one ending in a full stop must be short.
  return !/[.…]$/.test(text) || (n <= 15 && !/\.\.\.$|…$/.test(text))
}

/**
 * Whether a line introduces the paragraph under it: `He said:`, `The New York
 * Times reports:`, `Caddell continued:`. It ends in a colon and runs in lower
 * case, so it is the first half of a sentence, part of the body rather than a
 * heading over it, and its cue of speech stays where attribution can see it.
 * Labels in capitals and times (`PREVIOUSLY:`, `Video Transcript:`, `4:40 p.m.:`)
 * still head what follows.
 */
export const introducesNext = (text: string): boolean => /:$/.test(text) && /(?:^|\s)\p{Ll}{2,}/u.test(text)
