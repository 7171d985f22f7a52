/**
 * Pipeline: the stages as one linear Stream.
 *
 *   ingest → normalise → analyse → score → validate → write
 *
 * Each stage works on one article. A stage that fails turns that article into
 * an `ArticleFailed` entry naming the stage; later stages pass it through, so
 * one bad article never ends the batch.
 */
import { Data, Effect, Stream } from "effect"
import * as Analyse from "./Analyse.ts"
import { gate, type Verdict } from "./Gate.ts"
import { entries, InputProblem, type Article } from "./Ingest.ts"
import { extract } from "./Extract.ts"
import { normalise, type Normalised } from "./Normalise.ts"
import { assemble, validate, type Report } from "./Report.ts"
import { Reports, type Written } from "./Reports.ts"
import type { RuleSet } from "./Rules.ts"
import { score, type Score } from "./Score.ts"

/** One article that was read but could not be reported. */
export class ArticleFailed extends Data.TaggedError("ArticleFailed")<{
  readonly path: string
  readonly line?: number
  readonly id: string
  readonly stage: string
  readonly problem: string
}> {
  override get message() {
    return `${this.path}${this.line === undefined ? "" : `:${this.line}`}: ${this.stage} failed for article \`${this.id}\`: ${this.problem}`
  }
}

/** An article that went all the way through. */
export interface Reported {
  readonly _tag: "Reported"
  readonly report: Report
  readonly files: Written
}

/** What the pipeline yields per input entry. */
export type Outcome = Reported | InputProblem | ArticleFailed

type Failure = InputProblem | ArticleFailed
type Work<A> = { readonly _tag: "Work"; readonly article: Article } & A

const isFailure = (item: { readonly _tag: string }): item is Failure =>
  item._tag === "InputProblem" || item._tag === "ArticleFailed"

/** Lift a per-article step into a stage that passes failures through. */
const stage = <A extends Work<{}>, B, R = never>(
  name: string,
  step: (work: A) => Effect.Effect<B, unknown, R>
) =>
(item: A | Failure): Effect.Effect<B | Failure, never, R> =>
  isFailure(item)
    ? Effect.succeed(item)
    : step(item).pipe(
      Effect.catchDefect((defect) => Effect.fail(defect)),
      Effect.catch((error) =>
        Effect.succeed(
          new ArticleFailed({
            path: item.article.path,
            ...(item.article.line === undefined ? {} : { line: item.article.line }),
            id: item.article.id,
            stage: name,
            problem: error instanceof Error ? error.message : String(error)
          })
        )
      )
    )

/** A pure step as a stage. */
const pure = <A extends Work<{}>, B>(name: string, step: (work: A) => B) =>
  stage(name, (work: A) => Effect.sync(() => step(work)))

/** Extract and normalise one article's text, as its format needs. */
export const normaliseArticle = (rules: RuleSet, article: Article): Normalised => {
  const { source, ...hints } = extract(article.format, article.text)
  // Line heuristics judge scraped text; for HTML the extractor already chose the article.
  const options = { boilerplate: rules.boilerplate, structure: rules.structure, heuristics: article.format !== "html" }
  return normalise(article.text, options, source, hints)
}

/** Run every input through the stages and write each report into `out`. */
export const run = (inputs: ReadonlyArray<string>, rules: RuleSet, out: string) => {
  const analyse = Analyse.make(rules)
  return entries(inputs).pipe(
    Stream.map((entry) => (entry._tag === "Article" ? ({ _tag: "Work", article: entry }) satisfies Work<{}> : entry)),
    Stream.mapEffect(pure("normalise", (work: Work<{}>) => ({ ...work, normalised: normaliseArticle(rules, work.article) }))),
    Stream.mapEffect(pure("analyse", (work: Work<{ normalised: Normalised }>) => ({
      ...work,
      analysis: analyse(work.normalised)
    }))),
    Stream.mapEffect(pure("score", (work: Work<{ normalised: Normalised; analysis: Analyse.Analysis }>) => {
      const value: Score = score(rules.scoring, work.analysis)
      const verdict: Verdict = gate(rules.gates, value, work.analysis.findings)
      return { ...work, report: assemble(work.article, work.normalised, work.analysis, value, verdict) }
    })),
    Stream.mapEffect(stage("validate", (work: Work<{ report: Report }>) => {
      const problem = validate(work.report)
      return problem === undefined ? Effect.succeed(work) : Effect.fail(`the report does not match its schema: ${problem}`)
    })),
    Stream.mapEffect(
      stage("write", (work: Work<{ report: Report }>) =>
        Reports.use((reports) => reports.write(out, work.report, work.article.text)).pipe(
          Effect.map((files): Reported => ({ _tag: "Reported", report: work.report, files }))
        )),
      { concurrency: 4 }
    )
  ) satisfies Stream.Stream<Outcome, never, unknown>
}
