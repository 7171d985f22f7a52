/**
 * Tasks: the two pieces of per-article work, and where they run.
 *
 *   check:  article → analysis, stored by key; returns the claims the batch needs
 *   report: stored analysis + corroboration → score, gate, report files
 *
 * Both take and return plain data, so they run the same in this thread or in
 * a worker thread. `inline` runs them here; `Pool.ts` spreads them over
 * worker threads, each with its own copy of the rules.
 */
import { Context, Data, Effect, Layer } from "effect"
import { readFileSync, rmSync } from "node:fs"
import { basename } from "node:path"
import * as Analyse from "./Analyse.ts"
import * as Atomic from "./Atomic.ts"
import * as Batch from "./Batch.ts"
import { pack, type Packed } from "./BatchClaims.ts"
import * as Claims from "./Claims.ts"
import type { Corroboration } from "./Claims.ts"
import { uncorroborated } from "./Corroborate.ts"
import { gate } from "./Gate.ts"
import type { Article } from "./Ingest.ts"
import { relativeTime } from "./kinds/RelativeTime.ts"
import { extract } from "./Extract.ts"
import { type Piece, piece, type View } from "./format/terminal.ts"
import { normalise, type Normalised } from "./Normalise.ts"
import { assemble, type Checked, facts, type Report, validate } from "./Report.ts"
import { Reports } from "./Reports.ts"
import type { Gates, RuleSet } from "./Rules.ts"
import { score } from "./Score.ts"

/** One stage of one article's work failed. */
export class StageFailed extends Data.TaggedError("StageFailed")<{
  readonly stage: string
  readonly problem: string
}> {}

/** Analyse one article and store the result in `file`. */
export interface CheckJob {
  readonly article: Article
  readonly file: string
}

/** What the batch keeps of one analysed article: its claims, for corroboration. */
export type CheckDone = ReadonlyArray<Packed>

/** Report one stored article, now that the batch is known. */
export interface ReportJob {
  readonly file: string
  /** Who the article is in this run: a cached analysis may come from a file with another name. */
  readonly identity: Pick<Article, "id" | "path" | "line">
  /** Corroboration by claim id; claims not listed are carried by no other article. */
  readonly corroboration: Readonly<Record<string, Corroboration>>
  readonly articles: number
  readonly out: string
  /** What the terminal shows of the report, when it shows any. */
  readonly view?: View
}

/** One written report: its index entry, its files' stamp, and what the terminal shows of it when asked for. */
export interface ReportDone {
  readonly entry: Batch.Entry
  readonly stamp?: string
  readonly piece?: Piece
}

/** Runs the tasks. */
export class Tasks extends Context.Service<Tasks, {
  readonly check: (job: CheckJob) => Effect.Effect<CheckDone, StageFailed>
  readonly report: (job: ReportJob) => Effect.Effect<ReportDone, StageFailed>
}>()("factgate/Tasks") {}

/** Run one stage, naming it in the failure. */
const stage = <A>(name: string, f: () => A): A => {
  try {
    return f()
  } catch (error) {
    throw new StageFailed({ stage: name, problem: error instanceof Error ? error.message : String(error) })
  }
}

const asFailure = (error: unknown) =>
  error instanceof StageFailed ? error : new StageFailed({ stage: "check", problem: error instanceof Error ? error.message : String(error) })

/** Run one stage as an Effect, failing with a StageFailed that names it. */
export const inStage = <A>(name: string, f: () => A): Effect.Effect<A, StageFailed> => Effect.try({ try: () => stage(name, f), catch: asFailure })

/** Extract and normalise one article's text, as its format needs. */
export const normaliseArticle = (rules: RuleSet, article: Article): Normalised => {
  const { source, ...hints } = extract(article.format, article.text)
  // Line heuristics judge scraped text; for HTML the extractor already chose the article.
  const options = { boilerplate: rules.boilerplate, structure: rules.structure, heuristics: article.format !== "html" }
  return normalise(article.text, options, source, hints)
}

const words = (text: string) => text.match(/\S+/g)?.length ?? 0

/** The cache key a stored analysis is filed under: its file's name. */
const keyOf = (file: string) => basename(file, ".json")

/**
 * A stored analysis, read back for its report. One that is cut short,
 * spoilt or another article's (a file copied over it) is removed, so that
 * the next run analyses the article again, and the error says so.
 */
const readStored = (file: string): Checked => {
  let problem: string
  try {
    const { key, ...stored } = JSON.parse(readFileSync(file, "utf8")) as Checked & { readonly key?: unknown }
    if (key === keyOf(file)) return stored
    problem = "it holds another article's analysis"
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  try {
    rmSync(file, { force: true })
  } catch {
    // A read-only cache: it stays, and says so.
    throw new Error(`the stored analysis ${file} cannot be used (${problem}), nor removed: remove it, or run with --no-cache`)
  }
  throw new Error(`the stored analysis ${file} cannot be used (${problem}); it is removed, and the next run analyses the article again (--no-cache: now)`)
}

/** The tasks over one rule set, as plain functions. */
export const make = (rules: RuleSet) => {
  const analyse = Analyse.make(rules)
  const claims = Claims.compile(rules.claims)
  const undatedIn = relativeTime(rules.relativeTime)

  const check = (job: CheckJob): CheckDone => {
    const { article } = job
    const normalised = stage("normalise", () => normaliseArticle(rules, article))
    const analysis = stage("analyse", () => analyse(normalised))
    const checked = stage("claims", (): Checked => {
      const { article: described, text } = facts(article, normalised)
      const undated = undatedIn(described.published, article.text, analysis.sentences)
      const found = Claims.extract(claims, rules.claims.threshold, article.text, analysis.sentences, analysis.attributions)
      return {
        article: described,
        text,
        findings: [...analysis.findings, ...undated].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId)),
        sentences: analysis.sentences,
        attributions: analysis.attributions,
        claims: found.claims,
        signatures: found.signatures,
        original: article.text,
        length: article.text.length,
        words: words(text.body)
      }
    })
    // The key goes in with the analysis: a file copied over another's is not taken for it.
    stage("store", () => Atomic.write(job.file, JSON.stringify({ key: keyOf(job.file), ...checked })))
    return checked.claims.map((claim, i) =>
      pack({ claim: claim.id, text: claim.text, checkworthiness: claim.checkworthiness, speakers: claim.speakers, signature: checked.signatures[i]! })
    )
  }

  /** Score, gate and assemble one report; the files are written by the caller. */
  const assembleReport = (job: ReportJob, gates: Gates): { readonly report: Report; readonly original: string } => {
    const stored = stage("store", () => readStored(job.file))
    const { line: _line, ...article } = stored.article
    const checked: Checked = { ...stored, article: { ...article, ...job.identity } }
    const report = stage("score", () => {
      const withCorroboration = checked.claims.map((claim) => ({
        ...claim,
        corroboration: job.corroboration[claim.id] ?? uncorroborated
      }))
      const value = score(rules.scoring, { checked, claims: withCorroboration, articles: job.articles })
      const verdict = gate(gates, { checked, claims: withCorroboration, score: value, checkableSources: rules.scoring.checkableSources })
      return assemble(checked, withCorroboration, value, verdict)
    })
    const problem = validate(report)
    if (problem !== undefined) throw new StageFailed({ stage: "validate", problem: `the report does not match its schema: ${problem}` })
    return { report, original: checked.original }
  }

  return { check, assembleReport }
}

/** The report task as an Effect: assemble, then write through the Reports service. */
const reportWith = (tasks: ReturnType<typeof make>, gates: Gates) => (job: ReportJob) =>
  Effect.gen(function*() {
    const { report, original } = yield* Effect.try({ try: () => tasks.assembleReport(job, gates), catch: asFailure })
    const files = yield* Reports.use((reports) => reports.write(job.out, report, original)).pipe(
      Effect.mapError((error) => new StageFailed({ stage: "write", problem: error.message }))
    )
    const { view } = job
    const shown = view ? { piece: yield* inStage("format", () => piece(view, { _tag: "Reported", report })) } : {}
    return { entry: Batch.entry(report, files), ...(files.stamp === undefined ? {} : { stamp: files.stamp }), ...shown }
  })

/** Run a report job in a worker thread: the worker's own entry point calls this. */
export const reportInWorker = reportWith

/** The tasks in this thread. */
export const inline = (rules: RuleSet, gates: Gates) => Layer.effect(Tasks, inThisThread(rules, gates))

/** The tasks in this thread, as a service: `inline`'s, and the pool's for a batch's first articles. */
export const inThisThread = (rules: RuleSet, gates: Gates) =>
  Effect.gen(function*() {
    const tasks = make(rules)
    const context = yield* Effect.context<Reports>()
    const report = reportWith(tasks, gates)
    return Tasks.of({
      check: (job: CheckJob) => Effect.try({ try: () => tasks.check(job), catch: asFailure }),
      report: (job: ReportJob) => report(job).pipe(Effect.provideContext(context))
    })
  })

/** What a worker thread sends back: the result, or why its stage failed. */
export type Reply<A> = { readonly ok: A } | { readonly failed: { readonly stage: string; readonly problem: string } }
