/**
 * Reports: write each article's report files, and the batch index, atomically.
 *
 * A file is written to a temporary name beside its target and renamed into
 * place, so a reader never sees half a report.
 */
import { Context, Data, Effect, FileSystem, Layer, Path } from "effect"
import { html } from "./format/html.ts"
import { htmlIndexChunks, type Index } from "./format/htmlIndex.ts"
import { jsonChunks } from "./format/jsonChunks.ts"
import { markdown } from "./format/markdown.ts"
import type { Report } from "./Report.ts"

/** A report file could not be written. */
export class WriteFailed extends Data.TaggedError("WriteFailed")<{
  readonly file: string
  readonly reason: string
}> {
  override get message() {
    return `${this.file}: cannot be written (${this.reason})`
  }
}

/** The files written for one article. */
export interface Written {
  readonly json: string
  readonly markdown: string
  readonly html: string
}

/** Writes report files into an output directory. */
export class Reports extends Context.Service<Reports, {
  /** Write `<id>.json`, `<id>.md` and `<id>.html`; `original` is the input the report's offsets point into. */
  readonly write: (dir: string, report: Report, original: string) => Effect.Effect<Written, WriteFailed>
  /** Write `index.json` and `index.html`; returns the path of `index.json`. */
  readonly writeIndex: (dir: string, index: Index) => Effect.Effect<string, WriteFailed>
}>()("factgate/Reports") {}

/** Stable JSON: two-space indent and a final newline. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** The file-system implementation. */
export const layer = Layer.effect(
  Reports,
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path

    // Each output directory is made once, not before every one of its files.
    const made = new Set<string>()
    // Large files go out in pieces of about this many characters.
    const piece = 1 << 20
    const encoder = new TextEncoder()

    /** Write `chunks` to `file` through a temporary name, removed if the write fails. */
    const atomically = Effect.fn("Reports.atomically")(function*(file: string, chunks: string | Iterable<string>) {
      const temp = `${file}.${process.pid}.tmp`
      const dir = path.dirname(file)
      if (!made.has(dir)) {
        yield* fs.makeDirectory(dir, { recursive: true })
        made.add(dir)
      }
      const written = typeof chunks === "string"
        ? fs.writeFileString(temp, chunks)
        : Effect.scoped(Effect.gen(function*() {
          const handle = yield* fs.open(temp, { flag: "w" })
          let pending: Array<string> = []
          let size = 0
          for (const chunk of chunks) {
            pending.push(chunk)
            size += chunk.length
            if (size >= piece) {
              yield* handle.writeAll(encoder.encode(pending.join("")))
              pending = []
              size = 0
            }
          }
          if (pending.length > 0) yield* handle.writeAll(encoder.encode(pending.join("")))
        }))
      yield* written.pipe(
        Effect.andThen(fs.rename(temp, file)),
        Effect.onError(() => fs.remove(temp).pipe(Effect.ignore))
      )
      return file
    }, (effect, file) => Effect.mapError(effect, (error) => new WriteFailed({ file, reason: error.reason._tag })))

    return {
      write: Effect.fn("Reports.write")(function*(dir: string, report: Report, original: string) {
        const base = path.join(dir, report.article.id)
        return {
          json: yield* atomically(`${base}.json`, json(report)),
          markdown: yield* atomically(`${base}.md`, markdown(report, original)),
          html: yield* atomically(`${base}.html`, html(report, original))
        }
      }),
      writeIndex: Effect.fn("Reports.writeIndex")(function*(dir: string, index: Index) {
        const file = yield* atomically(path.join(dir, "index.json"), jsonChunks(index))
        yield* atomically(path.join(dir, "index.html"), htmlIndexChunks(index))
        return file
      })
    }
  })
)
