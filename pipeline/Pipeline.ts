/**
 * Pipeline: a batch of articles → a report per article and the batch index.
 *
 * Two passes over the batch, because corroboration needs every article's
 * claims before any report can say which claims others carry:
 *
 *   1. ingest → check (normalise, analyse, extract claims), stored by content hash
 *   2. corroborate the batch's claims
 *   3. report (score, gate, validate, write) each stored article
 *
 * Passes 1 and 3 stream: an article's text is dropped once it is analysed and
 * stored, and a report once it is written, so memory holds the batch's claims
 * (compactly, in BatchClaims), its index entries, and the articles in flight
 * or finished ahead of a slow one (at most `Ordered.lookAhead`). Each
 * article's work runs through the Tasks service, in this thread or in worker
 * threads. A stage that fails turns that article into an `ArticleFailed`
 * entry naming the stage, so one bad article never ends the batch
 * (`Outcome.ts`). Pass 3 for one article is `ReportPass.ts`.
 */
import { Effect, Stream } from "effect"
import * as Cache from "./Cache.ts"
import { BatchClaims } from "./BatchClaims.ts"
import { type Cluster, corroborate } from "./Corroborate.ts"
import type { Gates, RuleSet } from "./Rules.ts"
import { entries, type Article, type InputProblem } from "./Ingest.ts"
import * as Terminal from "./format/terminal.ts"
import { type ArticleFailed, failed, type Failure } from "./Outcome.ts"
import { type Analysed, clusterDigests, type Indexed, keepingOnly, report, type WithPiece } from "./ReportPass.ts"
import { Tasks } from "./Tasks.ts"
import { inInputOrder } from "./Ordered.ts"
import { phase } from "./Timing.ts"

export { normaliseArticle } from "./Tasks.ts"
export type { Indexed } from "./ReportPass.ts"

/** The batch, once every report is written. */
export interface Result {
  /** One item per input entry, in input order. */
  readonly items: ReadonlyArray<Indexed | InputProblem | ArticleFailed>
  readonly clusters: ReadonlyArray<Cluster>
  /** A digest of every cluster: with the index entries, what the batch index says. */
  readonly clustersDigest: string
}

/** How a run goes. */
export interface Options {
  readonly out: string
  readonly gates: Gates
  /** Articles in flight at once: a few per worker thread, or 1. */
  readonly concurrency: number
  /** Show each article on the terminal, in input order, as its report is written. */
  readonly show?: Show
  /** Called as articles complete each pass. */
  readonly progress?: (pass: "check" | "report", done: number) => void
}

/** What the terminal shows, and where each article's piece goes. */
export interface Show {
  readonly view: Terminal.View
  /** Called in input order; `failure` is the input or article that could not be reported. */
  readonly print: (piece: Terminal.Piece, failure?: Failure) => void
}

/** An article analysed or found in the cache, with its claims as they came. */
interface Checked {
  readonly _tag: "Checked"
  readonly identity: Pick<Article, "id" | "path" | "line">
  readonly key: string
  readonly claims: Cache.Hit["claims"]
  readonly written?: Cache.Written
}

const identityOf = (article: Article): Analysed["identity"] => ({
  id: article.id,
  path: article.path,
  ...(article.line === undefined ? {} : { line: article.line })
})

/**
 * Pass 1 for one article: find it in the cache, or analyse it. A hit is
 * answered at once, without a generator: a batch served from the cache
 * makes thousands of them.
 */
const check = (rules: RuleSet, cache: Cache.Cache["Service"], tasks: Tasks["Service"]) => (article: Article): Effect.Effect<Checked | ArticleFailed> =>
  Effect.suspend((): Effect.Effect<Checked | ArticleFailed> => {
    const key = Cache.key(article, rules.digest)
    const identity = identityOf(article)
    const hit = cache.take(key)
    if (hit) return Effect.succeed({ _tag: "Checked", identity, key, claims: hit.claims, ...(hit.written ? { written: hit.written } : {}) } satisfies Checked)
    return tasks.check({ article, file: cache.file(key) }).pipe(
      Effect.tap((claims) => cache.remember(key, { claims })),
      Effect.map((claims) => ({ _tag: "Checked", identity, key, claims }) satisfies Checked),
      Effect.catchTag("StageFailed", failed(identity))
    )
  })

/** Count completions for a progress display, in completion order. */
const counted = <A>(pass: "check" | "report", options: Options) => {
  let done = 0
  return (value: A) => Effect.sync(() => options.progress?.(pass, ++done)).pipe(Effect.as(value))
}

/** Run every input through both passes and write each report into `options.out`. */
export const run = Effect.fn("Pipeline.run")(function*(inputs: ReadonlyArray<string>, rules: RuleSet, options: Options) {
  // Looked up once for the batch, not once per article.
  const cache = yield* Cache.Cache
  const tasks = yield* Tasks
  const checkOne = check(rules, cache, tasks)
  const checkedCount = counted<Checked | InputProblem | ArticleFailed>("check", options)
  // Claims join the batch's in input order, whatever order the articles
  // finish in, so that clusters and their ids do not depend on timing.
  const claims = new BatchClaims()
  const pieceKey = options.show && Terminal.keyOf(options.show.view)
  const admit = (item: Checked | InputProblem | ArticleFailed): Analysed | InputProblem | ArticleFailed => {
    if (item._tag !== "Checked") return item
    const { from, to } = claims.add(item.identity.id, item.claims)
    const { identity, key } = item
    const written = keepingOnly(item.written, pieceKey)
    return { _tag: "Analysed", identity, key, from, to, ...(written ? { written } : {}) }
  }
  const checkItem = (entry: Article | InputProblem): Effect.Effect<Checked | InputProblem | ArticleFailed> =>
    entry._tag === "InputProblem" ? Effect.succeed(entry) : checkOne(entry).pipe(Effect.flatMap(checkedCount))
  const checked = yield* entries(inputs, [options.out]).pipe(
    inInputOrder(checkItem, options.concurrency),
    Stream.map(admit),
    Stream.runCollect,
    phase("analyse")
  )

  const analysed = checked.filter((item): item is Analysed => item._tag === "Analysed")
  yield* cache.rememberBatch(claims, analysed.map(({ key, from, to }) => [key, from, to] as const))
  const corroborated = yield* Effect.sync(() =>
    corroborate(claims, { similarity: rules.claims.similarity, conceptWeight: rules.claims.conceptWeight ?? 1 })
  ).pipe(phase("corroborate"))

  const clusterDigest = clusterDigests(corroborated)
  const reportOne = report(
    { out: options.out, gates: options.gates, ...(options.show ? { view: options.show.view } : {}) },
    { articles: analysed.length, claims, corroborated, clusterDigest },
    { cache, tasks }
  )
  const reportedCount = counted<WithPiece | ArticleFailed>("report", options)
  const reportItem = (item: Analysed | InputProblem | ArticleFailed): Effect.Effect<WithPiece | InputProblem | ArticleFailed> =>
    item._tag === "Analysed" ? reportOne(item).pipe(Effect.flatMap(reportedCount)) : Effect.succeed(item)
  // Each article is shown as soon as those before it are, and its piece is dropped.
  const showInOrder = (item: WithPiece | InputProblem | ArticleFailed): Indexed | InputProblem | ArticleFailed => {
    const { show } = options
    if (item._tag !== "Indexed") {
      show?.print(Terminal.piece(show.view, item), item)
      return item
    }
    if (show && item.piece !== undefined) show.print(item.piece)
    return { _tag: "Indexed", entry: item.entry }
  }
  const items = yield* Stream.fromIterable(checked).pipe(
    inInputOrder(reportItem, options.concurrency),
    Stream.map(showInOrder),
    Stream.runCollect,
    phase("report")
  )
  return {
    items,
    clusters: corroborated.clusters,
    clustersDigest: Cache.digest(corroborated.clusters.map((_, i) => clusterDigest(i)))
  } satisfies Result
})
