/**
 * Ingest: paths on the command line → articles.
 *
 * Files, directories (recursively, in sorted order) and `-` for stdin. A path
 * or line that cannot be read becomes an `InputProblem` in the stream, next to
 * the articles that could, so one bad file never loses the rest of the batch.
 */
import { Data, Effect, FileSystem, Path, Stream } from "effect"
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs"
import { resolve } from "node:path"
import { buffer as readAllBytes } from "node:stream/consumers"
import { checkArticle, formatProblems } from "./Schemas.ts"
import { fsError, inWords } from "./SystemErrors.ts"
import { visible } from "./Visible.ts"

/** How an article arrived. */
export type Format = "txt" | "md" | "html" | "ndjson"

/** One article, as read. `text` is the original that every offset points into. */
export interface Article {
  readonly _tag: "Article"
  readonly id: string
  readonly path: string
  readonly line?: number
  readonly format: Format
  readonly text: string
  readonly title?: string
  readonly url?: string
  readonly outlet?: string
  readonly byline?: string
  readonly published?: string
}

/** An input path, or one line of it, that could not become an article. */
export class InputProblem extends Data.TaggedError("InputProblem")<{
  readonly path: string
  readonly line?: number
  readonly problem: string
}> {
  override get message() {
    return visible(`${this.path}${this.line === undefined ? "" : `:${this.line}`}: ${this.problem}`)
  }
}

/** What ingest yields: an article, or the reason one could not be read. */
export type Entry = Article | InputProblem

const formats: Record<string, Format> = {
  ".txt": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson"
}

/** The extensions factgate reads, for help text and directory walks. */
export const extensions: ReadonlyArray<string> = Object.keys(formats)

const utf8 = new TextDecoder("utf-8", { fatal: true })

/** The charsets an HTML page declares in its <meta> tags, in order. */
const declaredCharsets = (bytes: Uint8Array): Array<string> => {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096))
  return [...head.matchAll(/<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)/gi)].map((m) => m[1]!.toLowerCase())
}

/**
 * Decode bytes as text. UTF-8 is tried first and wins when valid, whatever a
 * page declares (declarations are often wrong, or several disagree); an HTML
 * page that is not UTF-8 is read in the first charset it declares that is
 * known, else in windows-1252, the web's legacy default.
 */
const decode = (path: string, bytes: Uint8Array, format: Format): string | InputProblem => {
  if (bytes.includes(0)) return new InputProblem({ path, problem: "looks like a binary file (it contains NUL bytes)" })
  try {
    return utf8.decode(bytes)
  } catch {
    if (format !== "html") return new InputProblem({ path, problem: "is not valid UTF-8 text" })
  }
  for (const charset of [...declaredCharsets(bytes), "windows-1252"]) {
    try {
      return new TextDecoder(charset).decode(bytes)
    } catch {
      // An unknown label: try the next declaration.
    }
  }
  return new InputProblem({ path, problem: "is not valid UTF-8 and declares no known charset" })
}

const isBlank = (text: string) => !/\S/.test(text)

/** File name without directories or extension: the default article id. */
const baseId = (path: string) => path.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "")

/** Split NDJSON into articles, one problem per bad line. */
export const parseNdjson = (path: string, source: string): ReadonlyArray<Entry> =>
  source.split("\n").flatMap((raw, index): ReadonlyArray<Entry> => {
    const line = index + 1
    if (isBlank(raw)) return []
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (error) {
      return [new InputProblem({ path, line, problem: `is not valid JSON (${(error as Error).message})` })]
    }
    const problems = checkArticle(value)
    if (problems.length > 0) {
      return [new InputProblem({ path, line, problem: `does not match the article schema: ${formatProblems(problems)}` })]
    }
    // An NDJSON article carries plain text, or a page's HTML to extract it from.
    const { html, text, ...fields } = value as Omit<Article, "_tag" | "path" | "format" | "line" | "text"> & { text?: string; html?: string }
    return [{ ...fields, _tag: "Article", path, line, format: html === undefined ? "ndjson" : "html", text: html ?? text ?? "" }]
  })

/** Turn one file's text into entries according to its format. */
export const parse = (path: string, format: Format, text: string): ReadonlyArray<Entry> => {
  if (isBlank(text)) return [new InputProblem({ path, problem: "is empty or only whitespace" })]
  if (format === "ndjson") return parseNdjson(path, text)
  return [{ _tag: "Article", id: baseId(path), path, format, text }]
}

/**
 * Read one file the user named or a directory walk found.
 *
 * The read is synchronous. An asynchronous read of a whole file takes four
 * trips through libuv's thread pool (open, stat, read, close), and on a run
 * served from the cache, where reading and hashing are most of the work,
 * 5,000 articles took 850 ms to read that way against 250 ms like this.
 * An article is read in well under a millisecond, so the workers waiting
 * on this thread for their next job hardly notice.
 */
const readFile = Effect.fn("Ingest.readFile")(function*(path: string) {
  const paths = yield* Path.Path
  const format = formats[paths.extname(path).toLowerCase()]
  if (format === undefined) {
    return [new InputProblem({ path, problem: `has an unknown extension; factgate reads ${extensions.join(", ")}` })]
  }
  const bytes = yield* Effect.try({
    try: () => readFileSync(path),
    catch: (error) => new InputProblem({ path, problem: `cannot be read (${fsError(error)})` })
  })
  const text = decode(path, bytes, format)
  return typeof text === "string" ? parse(path, format, text) : [text]
}, Effect.catch((problem) => Effect.succeed([problem])))

/**
 * The files under a directory, at any depth, in sorted order. Only files
 * with a known extension are read, as linters do; hidden files and
 * directories and `node_modules` are left out, and so is what is under
 * `skipped` (a reports directory inside the one checked). A link to a file
 * is read; a link to a directory is not followed, so a link back up the
 * tree cannot walk it again and again. A directory named like an article
 * ("notes.md") is walked, not read.
 */
const walk = (root: string, skipped: ReadonlyArray<string>, paths: Path.Path): Array<Found> => {
  const files: Array<Found> = []
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue
      const path = paths.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!skipped.some((skip) => path === skip || path.startsWith(skip + paths.sep))) visit(path)
        continue
      }
      if (formats[paths.extname(entry.name).toLowerCase()] === undefined) continue
      // Walked from a real path through real directories, a file's path is
      // its real path; only a link needs looking up.
      if (entry.isFile()) files.push({ file: path, real: path })
      else if (entry.isSymbolicLink() && isFileAt(path)) files.push({ file: path, real: realPath(path, paths) })
    }
  }
  visit(root)
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/** A file to read, and its real path, by which a file reached twice is known. */
interface Found {
  readonly file: string
  readonly real: string
}

/** Whether a link leads to a file: a broken one is read, and said to be broken. */
const isFileAt = (path: string) => {
  try {
    return statSync(path).isFile()
  } catch {
    return true
  }
}

/**
 * Expand a path into the files to read: itself, or its tree in sorted order,
 * leaving out what is under `skip` (the reports directory: a batch checked
 * again must not read its own reports as articles).
 */
const expand = Effect.fn("Ingest.expand")(function*(path: string, skip: ReadonlyArray<string>) {
  const fs = yield* FileSystem.FileSystem
  const paths = yield* Path.Path
  const info = yield* fs.stat(path).pipe(
    Effect.mapError((error) =>
      new InputProblem({ path, problem: error.reason._tag === "NotFound" ? "does not exist" : `cannot be read (${inWords(error.reason._tag)})` })
    )
  )
  if (info.type !== "Directory") return [{ file: path, real: realPath(path, paths) }]
  // Walked by its real path, so a link to it is walked as it is, and
  // compared with the reports directory by theirs. A directory given that is
  // itself under one skipped is read all the same: it was asked for.
  const here = realPath(path, paths)
  const skipped = skip.map((dir) => realPath(dir, paths)).filter((dir) => !`${here}${paths.sep}`.startsWith(dir + paths.sep))
  const files = yield* Effect.try({
    try: () => walk(here, skipped, paths).map(({ file, real }) => ({ file: paths.join(path, paths.relative(here, file)), real })),
    catch: (error) => new InputProblem({ path, problem: `cannot be listed (${fsError(error)})` })
  })
  if (files.length === 0) {
    return yield* new InputProblem({ path, problem: `contains no ${extensions.join(", ")} files` })
  }
  return files
})

/** A path's real path, or where it would be when it does not exist yet. */
const realPath = (path: string, paths: Path.Path) => {
  try {
    return realpathSync(path)
  } catch {
    return paths.resolve(path)
  }
}

/**
 * Reports that cannot be written where they are asked for: into a file, or
 * over what is checked (the reports directory given as an input, or an
 * article in it that a report could replace).
 */
export class ReportsClash extends Data.TaggedError("ReportsClash")<{
  readonly path: string
  readonly problem: string
}> {
  override get message() {
    return visible(`${this.path}: ${this.problem}`)
  }
}

/**
 * Why reports cannot be written into `out`: it, or the nearest of its
 * parents that exists, is a file, or it is a broken link. Undefined when
 * it is a directory or can be made one.
 */
const outProblem = (out: string, paths: Path.Path): string | undefined => {
  for (let dir = paths.resolve(out); ; dir = paths.dirname(dir)) {
    let isDirectory: boolean
    try {
      isDirectory = statSync(dir).isDirectory()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === "ENOENT" && lstatExists(dir)) return "is a broken link"
      if (code === "ENOENT" && dir !== paths.dirname(dir)) continue
      return code === "ENOTDIR" ? "is under a file" : `cannot be used (${fsError(error)})`
    }
    if (isDirectory) return undefined
    return dir === paths.resolve(out) ? "is a file" : "is under a file"
  }
}

const lstatExists = (path: string) => {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

/**
 * Fail, before anything is written, when reports cannot go where they are
 * asked for: into a file, or where articles are checked (a directory given
 * as an input, or beside an article given by name: an article's reports
 * are named after it, and the batch's index is index.html).
 */
export const guardReports = Effect.fn("Ingest.guardReports")(function*(inputs: ReadonlyArray<string>, out: string) {
  const paths = yield* Path.Path
  const reports = realPath(out, paths)
  const unusable = outProblem(out, paths)
  if (unusable !== undefined) return yield* new ReportsClash({ path: out, problem: `the reports directory (--out) ${unusable}; name a directory` })
  for (const input of inputs) {
    if (input === "-") continue
    let directory: boolean
    try {
      directory = statSync(input).isDirectory()
    } catch {
      continue
    }
    // Any article's reports go beside it as <id>.json, .md and .html, over
    // a Markdown or HTML article of that name; a .txt article's too.
    const clash = realPath(directory ? input : paths.dirname(input), paths) === reports
    if (clash) {
      return yield* new ReportsClash({
        path: input,
        problem: `is ${directory ? "" : "in "}the reports directory (--out ${out}): reports written there would overwrite articles and be read as articles by the next run; write them to another directory`
      })
    }
  }
})

// Checked as a file's bytes are: binary or invalid UTF-8 is said, not read as text.
const readStdin = Effect.tryPromise({
  try: () => readAllBytes(process.stdin),
  catch: () => new InputProblem({ path: "-", problem: "cannot read standard input" })
}).pipe(
  Effect.map((bytes): ReadonlyArray<Entry> => {
    const text = decode("-", bytes, "txt")
    if (typeof text !== "string") return [new InputProblem({ path: "-", problem: text.problem.replace(/ file\b/, " input") })]
    return isBlank(text)
      ? [new InputProblem({ path: "-", problem: "standard input is empty" })]
      : [{ _tag: "Article", id: "stdin", path: "-", format: "txt", text }]
  }),
  Effect.catch((problem) => Effect.succeed([problem]))
)

/** Make an id safe as a file name. */
export const safeId = (id: string): string => {
  const safe = id.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|-+$/g, "")
  return safe.length > 0 ? safe.slice(0, 120) : "article"
}

/**
 * Keep ids unique within a batch: the second `a` becomes `a-2`. Compared
 * without case, as a report's file name is on the file systems of macOS
 * and Windows: `A` beside `a` becomes `A-2`.
 */
const uniqueIds = (used: Set<string>, entry: Entry): readonly [Set<string>, ReadonlyArray<Entry>] => {
  if (entry._tag === "InputProblem") return [used, [entry]]
  const base = safeId(entry.id)
  let id = base
  for (let n = 2; used.has(id.toLowerCase()); n++) id = `${base}-${n}`
  used.add(id.toLowerCase())
  return [used, [{ ...entry, id }]]
}

/** The files to read, each once: given twice, or reached by two paths, a file would corroborate itself. */
const onceEach = (seen: Set<string>, found: ReadonlyArray<Found>): readonly [Set<string>, ReadonlyArray<Found>] => {
  const fresh = found.filter(({ real }) => {
    if (seen.has(real)) return false
    seen.add(real)
    return true
  })
  return [seen, fresh]
}

/** Every entry the given paths hold, in order, with batch-unique ids; nothing under the directories `skip` is read from a directory given. */
export const entries = (inputs: ReadonlyArray<string>, skip: ReadonlyArray<string> = []) =>
  // An input given twice is listed once (and, unreadable, said once), as first given.
  Stream.fromIterable(inputs.filter((input, i) => inputs.findIndex((other) => resolve(other) === resolve(input)) === i)).pipe(
    // A directory is listed up front but read as the pipeline pulls: memory
    // holds the articles in flight, not the batch.
    Stream.mapEffect((input): Effect.Effect<Listed, never, FileSystem.FileSystem | Path.Path> =>
      input === "-"
        ? readStdin.pipe(Effect.map((read) => ({ read })))
        : expand(input, skip).pipe(
            Effect.map((files) => ({ files })),
            Effect.catch((problem) => Effect.succeed({ read: [problem] }))
          )
    ),
    Stream.mapAccum(() => new Set<string>(), (seen, listed: Listed): readonly [Set<string>, ReadonlyArray<Listed>] => {
      if ("read" in listed) return [seen, [listed]]
      const [next, files] = onceEach(seen, listed.files)
      return [next, [{ files }]]
    }),
    Stream.flatMap((listed) => ("read" in listed ? Stream.succeed(listed.read) : Stream.fromIterable(listed.files).pipe(Stream.mapEffect(({ file }) => readFile(file))))),
    Stream.flattenIterable,
    // "index" is taken by the batch index, index.json.
    Stream.mapAccum(() => new Set<string>(["index"]), uniqueIds)
  )

/** An input listed: the files to read, or what it gave already (stdin's article, or why it cannot be read). */
type Listed = { readonly files: ReadonlyArray<Found> } | { readonly read: ReadonlyArray<Entry> }
