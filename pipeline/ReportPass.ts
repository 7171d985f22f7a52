/**
 * ReportPass: pass 3 of a batch for one article (`Pipeline.ts` runs the
 * passes). Its report is written from the stored analysis and the batch's
 * corroboration, unless the one on disk already says the same; and what the
 * terminal shows of it is made where the report is, or kept from a run
 * that showed it the same way.
 */
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import type * as Batch from "./Batch.ts"
import type { BatchClaims } from "./BatchClaims.ts"
import * as Atomic from "./Atomic.ts"
import * as Cache from "./Cache.ts"
import type { Corroboration } from "./Claims.ts"
import { type Corroborated, lookup } from "./Corroborate.ts"
import * as Terminal from "./format/terminal.ts"
import { type ArticleFailed, failed } from "./Outcome.ts"
import type { Article } from "./Ingest.ts"
import type { Gates } from "./Rules.ts"
import type { Report } from "./Report.ts"
import { reportFiles } from "./Reports.ts"
import { inStage, type Tasks } from "./Tasks.ts"

/** A written report's index entry. */
export interface Indexed {
  readonly _tag: "Indexed"
  readonly entry: Batch.Entry
}

/** An article after pass 1: where its analysis is stored, and where its claims are in the batch's. */
export interface Analysed {
  readonly _tag: "Analysed"
  readonly identity: Pick<Article, "id" | "path" | "line">
  readonly key: string
  /** Its claims are the batch's claims `from` to `to` (exclusive). */
  readonly from: number
  readonly to: number
  readonly written?: Cache.Written
}

/**
 * What the cache remembers of a report, with only the piece kept for the
 * view `key`: pieces for other views are of no use to this run, and are not
 * held until the reports.
 */
export const keepingOnly = (written: Cache.Written | undefined, key: string | undefined): Cache.Written | undefined => {
  if (written?.shown === undefined) return written
  const { shown, ...report } = written
  const piece = key === undefined ? undefined : shown[key]
  return key === undefined || piece === undefined ? report : { ...report, shown: { [key]: piece } }
}

/** A report written, with its piece when the terminal shows one. */
export interface WithPiece extends Indexed {
  readonly piece?: Terminal.Piece
}

/** What every report of the batch is written from, besides its own article. */
export interface Batchwide {
  readonly articles: number
  readonly claims: BatchClaims
  readonly corroborated: Corroborated
  /** A digest of cluster `index`'s contents, made once. */
  readonly clusterDigest: (index: number) => string
}

/** Each cluster's digest, made when first asked for: a report that shows a cluster, and the index, both ask. */
export const clusterDigests = (corroborated: Corroborated) => {
  const digests = new Map<number, string>()
  return (index: number) => {
    let digest = digests.get(index)
    if (digest === undefined) {
      digest = Cache.digest(corroborated.clusters[index])
      digests.set(index, digest)
    }
    return digest
  }
}

/**
 * Pass 3 for one article: write its report, unless the one on disk already
 * says the same. Whether it does is told by a digest of everything the report
 * depends on; what is the same for every article (the batch size, the output
 * directory, the gates) and each cluster's contents are hashed once, not once
 * per article: a batch served from the cache spent a fifth of its time there.
 * The files on disk must be the ones this cache saw written (`Atomic.stamp`),
 * not ones another run wrote since into the same directory.
 */
export const report = (
  options: { readonly out: string; readonly gates: Gates; readonly view?: Terminal.View },
  batch: Batchwide,
  { cache, tasks }: { readonly cache: Cache.Cache["Service"]; readonly tasks: Tasks["Service"] }
) => {
  const out = resolve(options.out)
  // A run killed mid-write left its reports' temporary files beside them.
  Atomic.removeLeftBehind(out)
  const batchDigest = Cache.digest([batch.articles, out, options.gates])
  const { view } = options
  const pieceKey = view && Terminal.keyOf(view)
  const { clusterDigest } = batch
  return (analysed: Analysed): Effect.Effect<WithPiece | ArticleFailed> => Effect.suspend((): Effect.Effect<WithPiece | ArticleFailed> => {
    const { identity } = analysed
    // The claims other articles carry. A claim's corroboration follows from
    // its cluster and this article's id (in `identity`), so the cluster's
    // digest stands for it, and the corroboration itself is only made for a
    // report that is written.
    const carried: Array<number> = []
    for (let i = analysed.from; i < analysed.to; i++) if (batch.corroborated.clusterOf[i]! >= 0) carried.push(i)
    const digest = Cache.digest([
      analysed.key,
      identity,
      batchDigest,
      carried.map((i) => [batch.claims.claimIdOf(i), clusterDigest(batch.corroborated.clusterOf[i]!)])
    ])
    const files = reportFiles(out, identity.id)
    const { written } = analysed
    if (written?.digest === digest && written.stamp !== undefined && written.stamp === Atomic.stamp(files)) {
      // Served as it is, without a generator: a batch served from the cache makes thousands.
      const served = { _tag: "Indexed", entry: written.entry as Batch.Entry } satisfies WithPiece
      if (view === undefined) return Effect.succeed(served)
      const kept = pieceKey === undefined ? undefined : written.shown?.[pieceKey]
      if (Terminal.isPiece(view, kept)) return Effect.succeed({ ...served, piece: kept })
      // Never shown this way, or not kept: shown from the report on disk, and kept beside the other ways.
      return Effect.gen(function*() {
        const made = yield* inStage("format", () => Terminal.piece(view, { _tag: "Reported", report: JSON.parse(readFileSync(files[0]!, "utf8")) as Report }))
        if (pieceKey !== undefined) yield* cache.remember(analysed.key, { written: { ...written, shown: { [pieceKey]: made } } })
        return { ...served, piece: made }
      }).pipe(Effect.catchTag("StageFailed", failed(identity)))
    }
    return Effect.gen(function*() {
      const corroborations: Record<string, Corroboration> = {}
      for (const i of carried) corroborations[batch.claims.claimIdOf(i)] = lookup(batch.corroborated, batch.claims, i)
      const done = yield* tasks.report({
        file: cache.file(analysed.key),
        identity,
        corroboration: corroborations,
        articles: batch.articles,
        out,
        ...(view ? { view } : {})
      })
      yield* cache.remember(analysed.key, {
        written: {
          digest,
          entry: done.entry,
          ...(done.stamp === undefined ? {} : { stamp: done.stamp }),
          ...(pieceKey !== undefined && done.piece !== undefined ? { shown: { [pieceKey]: done.piece } } : {})
        }
      })
      return { _tag: "Indexed", entry: done.entry, ...(done.piece === undefined ? {} : { piece: done.piece }) } satisfies WithPiece
    }).pipe(Effect.catchTag("StageFailed", failed(identity)))
  })
}
