/**
 * Reports: write each article's report files, and the batch index, each
 * whole or not at all (`Atomic.ts`).
 */
import { Context, Data, Effect, Layer, Path } from "effect"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import * as Atomic from "./Atomic.ts"
import { htmlChunks } from "./format/html.ts"
import { htmlIndexChunks, type Index } from "./format/htmlIndex.ts"
import { jsonChunks, jsonFields } from "./format/jsonChunks.ts"
import { markdown } from "./format/markdown.ts"
import type { Report } from "./Report.ts"
import { fsError } from "./SystemErrors.ts"

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
  /** The JSON and HTML files as written (`Atomic.stamp`), taken by the thread that wrote them, right after. */
  readonly stamp?: string
}

/**
 * An article's report files, in the order their stamp lists them: a run
 * served from the cache writes a report again when any of them is not the
 * one it wrote (deleted, or edited since).
 */
export const reportFiles = (dir: string, id: string): readonly [json: string, markdown: string, html: string] => {
  const base = join(dir, id)
  return [`${base}.json`, `${base}.md`, `${base}.html`]
}

/** Writes report files into an output directory. */
export class Reports extends Context.Service<Reports, {
  /** Write `<id>.json`, `<id>.md` and `<id>.html`; `original` is the input the report's offsets point into. */
  readonly write: (dir: string, report: Report, original: string) => Effect.Effect<Written, WriteFailed>
  /** Write `index.json` and `index.html`; returns the path of `index.json`. */
  readonly writeIndex: (dir: string, index: Index) => Effect.Effect<string, WriteFailed>
}>()("factgate/Reports") {}

/**
 * The file-system implementation. Files are written synchronously: a worker
 * takes one job at a time, so while an asynchronous write went through
 * libuv's thread pool (three files and three renames per article) the
 * worker had nothing else to do. Writing in place made 1,000 articles 8%
 * faster on two workers and 11% faster on one thread.
 */
export const layer = Layer.effect(
  Reports,
  Effect.gen(function*() {
    const path = yield* Path.Path

    // Each output directory is made once, not before every one of its files.
    const made = new Set<string>()

    /**
     * Write `chunks` to `file` whole, or fail naming it and the file system's
     * reason. What is not the file system's (a formatter that throws) is a
     * defect, and keeps its stack.
     */
    const atomically = (file: string, chunks: string | Iterable<string>): Effect.Effect<string, WriteFailed> =>
      Effect.suspend(() => {
        try {
          const dir = path.dirname(file)
          if (!made.has(dir)) {
            mkdirSync(dir, { recursive: true })
            made.add(dir)
          }
          Atomic.write(file, chunks)
          return Effect.succeed(file)
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          return typeof code === "string" ? Effect.fail(new WriteFailed({ file, reason: fsError(error) })) : Effect.die(error)
        }
      })

    return {
      write: Effect.fn("Reports.write")(function*(dir: string, report: Report, original: string) {
        const names = reportFiles(dir, report.article.id)
        const [json, md, page] = names
        const files = {
          // Each file in pieces, never joined: `Atomic.write` encodes them one by one.
          json: yield* atomically(json, jsonFields(report)),
          markdown: yield* atomically(md, markdown(report, original)),
          html: yield* atomically(page, htmlChunks(report, original))
        }
        const stamp = Atomic.stamp(names)
        return stamp === undefined ? files : { ...files, stamp }
      }),
      writeIndex: Effect.fn("Reports.writeIndex")(function*(dir: string, index: Index) {
        const file = yield* atomically(path.join(dir, "index.json"), jsonChunks(index))
        yield* atomically(path.join(dir, "index.html"), htmlIndexChunks(index))
        return file
      })
    }
  })
)
