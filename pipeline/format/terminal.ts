/**
 * The terminal's formats: what each shows of one article, and how those
 * pieces join into what is printed.
 *
 * A piece is made where the article's report is made (a worker thread, when
 * the batch has them) as plain data, so only what the format shows travels
 * back, and the batch never holds its reports: kept whole for printing at the
 * end, 5,000 articles' reports held about 500 MB. Formats that print as they
 * go (stylish, json, github) print each piece in input order as its report is
 * written; those that make one document (sarif, junit, claimreview) keep the
 * pieces, which hold only what the document shows.
 */
import type { Outcome } from "../Outcome.ts"
import * as claimreview from "./claimreview.ts"
import * as github from "./github.ts"
import * as json from "./json.ts"
import * as junit from "./junit.ts"
import * as sarif from "./sarif.ts"
import * as stylish from "./stylish.ts"

/** What the terminal shows of a batch; it travels with each report job. */
export interface View {
  readonly format: Name
  readonly color: boolean
  /** Leave out findings for information (stylish). */
  readonly quiet: boolean
  /** factgate's version, which the documents name. */
  readonly version: string
}

/** Joins a format's pieces, in input order. */
export interface Printer<P> {
  /** What to print now for the next piece: "" when the format prints once at the end. */
  readonly add: (piece: P) => string
  /** What to print once every piece is in. */
  readonly end: () => string
}

/** What of the view a piece may depend on, besides the format. */
type Read = "color" | "quiet" | "version"

/**
 * One format: its piece of one outcome, and how the pieces are printed. A
 * piece is given only the parts of the view its format `reads`, which the
 * cache keeps it under, so one that came to depend on more would not compile.
 */
export interface Format<P, R extends Read = never> {
  readonly reads: ReadonlyArray<R>
  readonly piece: (outcome: Outcome, view: Pick<View, R>) => P
  /** Whether a piece the cache kept has this format's shape: one spoilt on disk is made again instead. */
  readonly isPiece: (kept: unknown) => kept is P
  readonly printer: (view: View) => Printer<P>
}

const formats = {
  stylish: stylish.format,
  json: json.format,
  sarif: sarif.format,
  github: github.format,
  junit: junit.format,
  claimreview: claimreview.format
}

/** A format's name, as `--format` takes it. */
export type Name = keyof typeof formats

/** Every format's name, the default (stylish) first. */
export const names = Object.keys(formats) as ReadonlyArray<Name>

/** A piece as it travels: plain data, whose shape only its format knows. */
export type Piece = ReturnType<(typeof formats)[Name]["piece"]>

/**
 * The key the cache keeps a piece under: the format and what of the view it
 * reads, so that a run piped and one on a terminal share a SARIF piece (it
 * reads none of the view). None for json, whose piece is the report file
 * itself, on disk already. Kept, a piece spares a report served from the
 * cache being read and shown again: for the stylish format that took 10.9 of
 * a 13.1 s warm run over 5,000 articles.
 */
export const keyOf = (view: View): string | undefined =>
  view.format === "json" ? undefined : [view.format, ...formats[view.format].reads.map((field) => String(view[field]))].join(" ")

/** Whether `kept` is a piece of `view`'s format. */
export const isPiece = (view: View, kept: unknown): kept is Piece => formats[view.format].isPiece(kept)

/** One outcome's piece in `view`'s format. */
export const piece = (view: View, outcome: Outcome): Piece => formats[view.format].piece(outcome, view)

/** A printer for `view`'s format; it takes the pieces `piece` made for the same view. */
export const printer = (view: View): Printer<Piece> => formats[view.format].printer(view) as Printer<Piece>
