/**
 * Cache: a content-hash store for analysed articles.
 *
 * An article's key hashes its text and declared metadata, the rules and the
 * factgate version, so an unchanged article skips analysis on the next run.
 * The store also holds each analysed article between the batch's two passes
 * (analysis, then reports once corroboration is known), which keeps memory
 * flat however large the batch: with `--no-cache` it lives in a temporary
 * directory removed at the end, and nothing is read back from earlier runs.
 *
 * Layout: `<dir>/<build>/<rules digest>/<key>.json` for each analysed
 * article, and `entries.ndjson` beside them: one line per key with what the
 * batch needs without reading the article back (its claims, and the last
 * report written from it). Later lines win.
 */
import { Context, Effect, Layer } from "effect"
import { createHash } from "node:crypto"
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { build } from "./Build.ts"
import type { BatchClaim } from "./Corroborate.ts"
import type { Article } from "./Ingest.ts"

/** The last report written from one analysed article. */
export interface Written {
  /** Hash of everything the report depends on beyond the article itself. */
  readonly digest: string
  /** The article's entry in the batch index. */
  readonly entry: unknown
}

/** What the cache remembers of one analysed article. */
export interface Entry {
  readonly claims: ReadonlyArray<Omit<BatchClaim, "article">>
  readonly written?: Written
}

/** The store of analysed articles. */
export class Cache extends Context.Service<Cache, {
  /** Where an article's analysis is stored. */
  readonly file: (key: string) => string
  /** What an earlier run left for this key, when the cache is on and has it. */
  readonly lookup: (key: string) => Entry | undefined
  /** Remember what the batch needs of a key. */
  readonly remember: (key: string, entry: Entry) => Effect.Effect<void>
}>()("factgate/Cache") {}


/** The key of one article under one rule set. */
export const key = (article: Article, rulesDigest: string): string =>
  createHash("sha256")
    .update(JSON.stringify([build, rulesDigest, article.format, article.title, article.url, article.outlet, article.byline, article.published]))
    .update("\0")
    .update(article.text)
    .digest("hex")

/** A hash of anything JSON can hold. */
export const digest = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex")

const ndjson = "entries.ndjson"

/** Read the entries file; a torn last line (a run killed mid-write) is skipped. */
const readEntries = (file: string): Map<string, Entry> => {
  const entries = new Map<string, Entry>()
  if (!existsSync(file)) return entries
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line === "") continue
    try {
      const { key, ...entry } = JSON.parse(line) as { key: string } & Entry
      entries.set(key, { ...entries.get(key), ...entry })
    } catch {
      // Only the last line can be torn; the article is analysed again.
    }
  }
  return entries
}

/** A persistent cache under `dir`, for one rule set. */
export const layer = (dir: string, rulesDigest: string) =>
  Layer.sync(Cache, () => {
    const root = join(dir, build, rulesDigest.slice(0, 16))
    mkdirSync(root, { recursive: true })
    // Analyses made by other builds can never be served again.
    for (const name of readdirSync(dir)) {
      if (/^[0-9a-f]{16}$/.test(name) && name !== build) rmSync(join(dir, name), { recursive: true, force: true })
    }
    const entries = readEntries(join(root, ndjson))
    return {
      file: (key) => join(root, `${key}.json`),
      lookup: (key) => {
        const entry = entries.get(key)
        // The entry is only good while its stored analysis is still there.
        return entry && existsSync(join(root, `${key}.json`)) ? entry : undefined
      },
      remember: (key, entry) =>
        Effect.sync(() => {
          const merged = { ...entries.get(key), ...entry }
          entries.set(key, merged)
          appendFileSync(join(root, ndjson), `${JSON.stringify({ key, ...entry })}\n`)
        })
    }
  })

/** No cache: a temporary store for this run only, removed when it ends. */
export const temporary = Layer.effect(
  Cache,
  Effect.acquireRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "factgate-store-"))),
    (root) => Effect.sync(() => rmSync(root, { recursive: true, force: true }))
  ).pipe(Effect.map((root) => ({
    file: (key: string) => join(root, `${key}.json`),
    lookup: () => undefined,
    remember: () => Effect.void
  })))
)
