/**
 * The batch's `index.html`: every article with its score and verdict, weakest
 * first so an editor starts where the work is, then what could not be checked
 * and the claims that several articles carry.
 */
import type { Index } from "../Batch.ts"
import { clip, clusterId, conflicts, escape, mentions, page, row, table } from "./page.ts"

/** The batch index, as `Batch.index` builds it; `Reports.ts` takes the type from here. */
export type { Index }

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** Render the batch index as a page of links to the article pages. */
export const htmlIndex = (batch: Index): string => {
  const { summary, articles, errors, claims } = batch
  const where = (entry: { readonly path: string; readonly line?: number }) =>
    escape(`${entry.path}${entry.line === undefined ? "" : `:${entry.line}`}`)

  const byScore = [...articles].sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
  const articleTable = table(
    ["score", "gate", "article", "file", "errors", "warnings", "info"],
    byScore.map((a) =>
      row([
        a.score,
        a.passed ? `<span class="passed">passed</span>` : `<strong class="failed">failed</strong>`,
        // A title can run to thousands of characters; the article's own page shows it whole.
        `<a href="./${escape(encodeURIComponent(a.html))}">${escape(a.id)}</a>${a.title ? `<br>${escape(clip(a.title, 160))}` : ""}`,
        where(a),
        a.findings.error,
        a.findings.warning,
        a.findings.info
      ])
    )
  )

  const errorTable = table(
    ["file", "article", "stage", "problem"],
    errors.map((e) => row([where(e), escape(e.id ?? ""), escape(e.stage), escape(e.message)]))
  )

  const claimTable = table(
    ["claim", "carried by", "conflicts"],
    claims.map((c) =>
      row([
        escape(c.text),
        mentions(c.articles),
        conflicts(c.conflicts)
      ], ` id="${clusterId(c.id)}"${c.conflicts.length > 0 ? ` class="conflicted"` : ""}`)
    )
  )

  const counts = [`${summary.passed} passed`, `${summary.failed} failed a gate`]
  if (summary.errors > 0) counts.push(`${summary.errors} could not be checked`)
  return page("factgate reports", [
    `<h1>factgate: ${plural(summary.articles, "article")} checked</h1>`,
    `<p class="verdict ${summary.failed + summary.errors > 0 ? "failed" : "passed"}">${counts.join(", ")}</p>`,
    `<h2 id="articles">Articles, lowest score first</h2>`,
    articles.length === 0 ? "<p>None.</p>" : articleTable,
    ...(errors.length === 0 ? [] : [`<h2 id="errors">Could not be checked (${errors.length})</h2>`, errorTable]),
    ...(claims.length === 0 ? [] : [`<h2 id="claims">Claims across articles (${claims.length})</h2>`, claimTable])
  ].join("\n"))
}
