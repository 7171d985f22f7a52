/**
 * Ingest: paths on the command line → articles.
 *
 * Files, directories (recursively, in sorted order) and `-` for stdin. A path
 * or line that cannot be read becomes an `InputProblem` in the stream, next to
 * the articles that could, so one bad file never loses the rest of the batch.
 */
import { Data, Effect, FileSystem, Path, Stream } from "effect"
import { readFileSync } from "node:fs"
import { buffer as readAllBytes } from "node:stream/consumers"
import { checkArticle, formatProblems } from "./Schemas.ts"

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
    return `${this.path}${this.line === undefined ? "" : `:${this.line}`}: ${this.problem}`
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

/** Why a file could not be read, in words. */
const unreadable: Record<string, string> = {
  ENOENT: "it does not exist, or is a broken link",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a directory",
  EMFILE: "too many open files",
  EIO: "input/output error"
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
    catch: (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown error"
      return new InputProblem({ path, problem: `cannot be read (${unreadable[code] ?? code})` })
    }
  })
  const text = decode(path, bytes, format)
  return typeof text === "string" ? parse(path, format, text) : [text]
}, Effect.catch((problem) => Effect.succeed([problem])))

/** The extensions of the reports factgate writes that it also reads as articles. */
const reportExtensions = new Set([".md", ".html"])

/**
 * Expand a path into the files to read: itself, or its tree in sorted order,
 * leaving out what is under `skip` (the reports directory: a batch checked
 * again must not read its own reports as articles).
 *
 * A directory that is the reports directory itself cannot be checked, nor a
 * Markdown or HTML file in it: an article's report, named after it, would
 * overwrite it, and the next run would read the reports as articles.
 */
const expand = Effect.fn("Ingest.expand")(function*(path: string, skip: ReadonlyArray<string>) {
  const fs = yield* FileSystem.FileSystem
  const paths = yield* Path.Path
  const info = yield* fs.stat(path).pipe(
    Effect.mapError((error) =>
      new InputProblem({ path, problem: error.reason._tag === "NotFound" ? "does not exist" : `cannot be read (${error.reason._tag})` })
    )
  )
  // Compared by their real paths, so a link to either is the same place.
  const real = (dir: string) => fs.realPath(dir).pipe(Effect.orElseSucceed(() => paths.resolve(dir)))
  const reports = yield* Effect.forEach(skip, real)
  const isDirectory = info.type === "Directory"
  const here = yield* real(isDirectory ? path : paths.dirname(path))
  if (reports.includes(here) && (isDirectory || reportExtensions.has(paths.extname(path).toLowerCase()))) {
    return yield* new InputProblem({
      path,
      problem: `${isDirectory ? "is" : "is in"} the reports directory (--out): reports written there would ${isDirectory ? "be read as articles, and could overwrite articles of the same name" : "overwrite it"}; write them to another directory`
    })
  }
  if (!isDirectory) return [path]
  // A directory given that is itself under one skipped is read all the same:
  // it was asked for.
  const skipped = reports.filter((dir) => !`${here}${paths.sep}`.startsWith(dir + paths.sep))
  const within = (name: string) => skipped.some((dir) => paths.join(here, name).startsWith(dir + paths.sep))
  const names = yield* fs.readDirectory(path, { recursive: true }).pipe(
    Effect.mapError((error) => new InputProblem({ path, problem: `cannot be listed (${error.reason._tag})` }))
  )
  // Inside a directory only known extensions are read, as linters do; a file
  // named explicitly with another extension is still an error.
  const files = names
    .filter((name) => formats[paths.extname(name).toLowerCase()] !== undefined)
    .filter((name) => !name.split(/[\\/]/).some((part) => part.startsWith(".")))
    .filter((name) => !within(name))
    .sort()
    .map((name) => paths.join(path, name))
  if (files.length === 0) {
    return yield* new InputProblem({ path, problem: `contains no ${extensions.join(", ")} files` })
  }
  return files
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

/** Keep ids unique within a batch: the second `a` becomes `a-2`. */
const uniqueIds = (used: Set<string>, entry: Entry): readonly [Set<string>, ReadonlyArray<Entry>] => {
  if (entry._tag === "InputProblem") return [used, [entry]]
  const base = safeId(entry.id)
  let id = base
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`
  used.add(id)
  return [used, [{ ...entry, id }]]
}

/** Every entry the given paths hold, in order, with batch-unique ids; nothing under the directories `skip` is read from a directory given. */
export const entries = (inputs: ReadonlyArray<string>, skip: ReadonlyArray<string> = []) =>
  Stream.fromIterable(inputs).pipe(
    // A directory is listed up front but read as the pipeline pulls: memory
    // holds the articles in flight, not the batch.
    Stream.flatMap((input) =>
      input === "-"
        ? Stream.fromEffect(readStdin)
        : Stream.fromEffect(expand(input, skip)).pipe(
            Stream.flatMap((files) => Stream.fromIterable(files).pipe(Stream.mapEffect(readFile))),
            Stream.catch((problem) => Stream.succeed([problem]))
          )
    ),
    Stream.flattenIterable,
    // "index" is taken by the batch index, index.json.
    Stream.mapAccum(() => new Set<string>(["index"]), uniqueIds)
  )
