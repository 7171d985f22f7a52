/**
 * Outcome: what each input entry of a batch comes to, as the formats show it:
 * a report, an input that could not be read, or an article a stage failed on.
 */
import { Data, Effect } from "effect"
import type { Article, InputProblem } from "./Ingest.ts"
import type { Report } from "./Report.ts"
import type { StageFailed } from "./Tasks.ts"

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

/** An article that went all the way through, with its report for the terminal's formats. */
export interface Reported {
  readonly _tag: "Reported"
  readonly report: Report
}

/** What the formats show per input entry. */
export type Outcome = Reported | InputProblem | ArticleFailed

/** An input or article that could not be reported. */
export type Failure = InputProblem | ArticleFailed

/** Turn a failed stage of the article `identity` into its outcome, so one bad article never ends the batch. */
export const failed = (identity: Pick<Article, "id" | "path" | "line">) => (error: StageFailed) =>
  Effect.succeed(new ArticleFailed({ ...identity, stage: error.stage, problem: error.problem }))
