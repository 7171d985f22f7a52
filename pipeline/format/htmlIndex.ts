/**
 * The batch's `index.html`: every article with its score and verdict, weakest
 * first so an editor starts where the work is, then what could not be checked
 * and the claims that several articles carry.
 */
import type { Index } from "../Batch.ts"
import { clip, clusterId, conflicts, escape, mentions, row, shell, tableChunks } from "./page.ts"

/** The batch index, as `Batch.index` builds it; `Reports.ts` takes the type from here. */
export type { Index }

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** Each row made only when the writer asks for it. */
function* lazily<A>(list: ReadonlyArray<A>, make: (item: A) => string): Generator<string> {
  for (const item of list) yield make(item)
}

/** Render the batch index as a page of links to the article pages. */
export const htmlIndex = (batch: Index): string => [...htmlIndexChunks(batch)].join("")

/**
 * The same page piece by piece: a batch of thousands of articles makes a page
 * of tens of megabytes, which is written as it is made rather than held whole.
 */
export function* htmlIndexChunks(batch: Index): Generator<string> {
  const { summary, articles, errors, claims } = batch
  const where = (entry: { readonly path: string; readonly line?: number }) =>
    escape(`${entry.path}${entry.line === undefined ? "" : `:${entry.line}`}`)
  const { head, tail } = shell("factgate reports")
  const counts = [`${summary.passed} passed`, `${summary.failed} failed a gate`]
  if (summary.errors > 0) counts.push(`${summary.errors} could not be checked`)

  yield head
  yield `<h1>factgate: ${plural(summary.articles, "article")} checked</h1>`
  yield `\n<p class="verdict ${summary.failed + summary.errors > 0 ? "failed" : "passed"}">${counts.join(", ")}</p>`
  yield `\n<h2 id="articles">Articles, lowest score first</h2>\n`
  if (articles.length === 0) yield "<p>None.</p>"
  else {
    const byScore = [...articles].sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    yield* tableChunks(
      ["score", "gate", "article", "file", "errors", "warnings", "info"],
      lazily(byScore, (a) =>
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
  }
  if (errors.length > 0) {
    yield `\n<h2 id="errors">Could not be checked (${errors.length})</h2>\n`
    yield* tableChunks(
      ["file", "article", "stage", "problem"],
      lazily(errors, (e) => row([where(e), escape(e.id ?? ""), escape(e.stage), escape(e.message)]))
    )
  }
  if (claims.length > 0) {
    yield `\n<h2 id="claims">Claims across articles (${claims.length})</h2>\n`
    yield* tableChunks(
      ["claim", "carried by", "conflicts"],
      lazily(claims, (c) =>
        row([
          escape(c.text),
          mentions(c.articles),
          conflicts(c.conflicts)
        ], ` id="${clusterId(c.id)}"${c.conflicts.length > 0 ? ` class="conflicted"` : ""}`)
      )
    )
  }
  yield tail
}
