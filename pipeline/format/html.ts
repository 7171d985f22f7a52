/**
 * The HTML report an editor opens in a browser: one static page per article,
 * with the article's own text and every finding highlighted where it occurs.
 * The page shell and the escaping it relies on are in `page.ts`.
 */
import type { Finding } from "../Analyse.ts"
import { unlistedArticles } from "../Claims.ts"
import type { Report } from "../Report.ts"
import { claimId, clusterId, conflicts, escape, link, mentions, row, shell, table } from "./page.ts"

const severities = ["error", "warning", "info"] as const

type Offsets = { readonly start: number; readonly end: number }

/** A stretch of the text between two boundaries, with the findings that cover all of it. */
interface Segment extends Offsets {
  readonly findings: ReadonlyArray<Finding>
  /** Whether links can point at it: it is highlighted, or something starts there. */
  readonly anchored: boolean
}

/** The article text cut into segments, and a way to link to a place in it. */
interface Layout {
  readonly blocks: ReadonlyArray<{ readonly role: string; readonly reason?: string; readonly segments: ReadonlyArray<Segment> }>
  /** `label` as a link to where `span` starts in the text, or as it is when the page does not show that place. */
  readonly jump: (span: Offsets, label: string) => string
}

/**
 * Cut every block at each finding boundary and each place another section
 * links to. Findings may overlap and nest; flat segments keep the markup well
 * nested, and each carries every finding that covers it.
 */
const layout = (report: Report): Layout => {
  const { findings, claims, attributions, text, score } = report
  const targets: ReadonlyArray<Offsets> = [
    ...findings,
    ...claims,
    ...attributions.map((a) => a.source),
    ...text.removed,
    ...score.components.flatMap((c) => c.spans)
  ]
  const cuts = [...new Set(targets.flatMap((t) => [t.start, t.end]))].sort((a, b) => a - b)
  const starts = new Set(targets.map((t) => t.start))
  // One sweep over the blocks, the cuts and the findings, all in text order:
  // a long article has thousands of each, so no segment looks at them all.
  const byStart = [...findings].sort((a, b) => a.start - b.start)
  let cut = 0
  let next = 0
  let active: Array<Finding> = []
  const blocks = text.blocks.map((block) => {
    while (cut < cuts.length && cuts[cut]! <= block.start) cut++
    const points = [block.start]
    for (; cut < cuts.length && cuts[cut]! < block.end; cut++) points.push(cuts[cut]!)
    points.push(block.end)
    const segments = points.slice(1).flatMap((end, i): Array<Segment> => {
      const start = points[i]!
      while (next < byStart.length && byStart[next]!.start <= start) active.push(byStart[next++]!)
      // Segments are cut at every finding boundary: an active finding either
      // covers the whole segment or has ended before it.
      active = active.filter((f) => f.end > start)
      const covering = active.filter((f) => f.end >= end)
      return end > start ? [{ start, end, findings: covering, anchored: covering.length > 0 || starts.has(start) }] : []
    })
    return { role: block.role, ...(block.reason === undefined ? {} : { reason: block.reason }), segments }
  })
  const anchors = new Set(blocks.flatMap((b) => b.segments.filter((s) => s.anchored).map((s) => s.start)))
  return {
    blocks,
    jump: (span, label) => (span.end > span.start && anchors.has(span.start) ? `<a href="#at-${span.start}">${label}</a>` : label)
  }
}

/** One segment: plain text, an anchor, or a highlight with every covering finding in its tooltip. */
const segment = (original: string) => (s: Segment): string => {
  const content = escape(original.slice(s.start, s.end))
  if (!s.anchored) return content
  if (s.findings.length === 0) return `<span id="at-${s.start}">${content}</span>`
  const worst = severities.find((level) => s.findings.some((f) => f.severity === level))
  const tip = s.findings.map((f) => `${f.severity}: ${f.message} [${f.ruleId}]`).join("\n")
  return `<mark id="at-${s.start}" class="${worst}${s.findings.length > 1 ? " overlap" : ""}" title="${escape(tip)}">${content}</mark>`
}

/** Title, score, verdict and what the article says about itself. */
const header = ({ article, score, gate }: Report): string => {
  const facts: Array<[string, string | undefined]> = [
    ["File", escape(`${article.path}${article.line === undefined ? "" : `:${article.line}`}`)],
    ["Outlet", article.outlet && escape(article.outlet)],
    ["Byline", article.byline && escape(article.byline)],
    ["Dateline", article.dateline && escape(article.dateline)],
    ["Published", article.published && escape(article.published)],
    ["Declared sources", article.declaredSources && escape(article.declaredSources.join(", "))],
    ["URL", article.url && link(article.url)]
  ]
  return [
    `<nav><a href="./index.html">All articles</a></nav>`,
    `<h1>${escape(article.title ?? article.id)}</h1>`,
    `<p class="verdict ${gate.passed ? "passed" : "failed"}">Credibility score <strong class="score">${score.value}</strong> / 100 · Gate ${gate.passed ? "passed" : "failed"}</p>`,
    ...(gate.passed ? [] : [`<ul class="why">${gate.failures.map((f) => `<li>${escape(f.message)}</li>`).join("")}</ul>`]),
    `<dl>${facts.flatMap(([label, value]) => (value ? [`<dt>${label}</dt><dd>${value}</dd>`] : [])).join("")}</dl>`,
    ...(article.standfirst ? [`<blockquote>${escape(article.standfirst)}</blockquote>`] : [])
  ].join("\n")
}

const scoreTable = ({ score }: Report, { jump }: Layout): string =>
  table(
    ["component", "weight", "value", "evidence"],
    score.components.map((c) => {
      const spans = c.spans.map((s) => `<li>${jump(s, escape(s.text))}</li>`).join("")
      return row([escape(c.id), c.weight, `<meter min="0" max="1" value="${c.value}"></meter> ${c.value}`, `${escape(c.evidence)}${spans && `<ul>${spans}</ul>`}`])
    })
  )

const textSection = ({ article }: Report, { blocks }: Layout, original: string): string => {
  if (blocks.length === 0) return "<p>No text.</p>"
  const note = article.format === "html" ? `<p><small>Quoted from the page as it arrived, markup included.</small></p>\n` : ""
  return `${note}<div class="text">\n${blocks.map((b) =>
    `<p data-role="${escape(b.role)}"${b.reason ? ` title="removed: ${escape(b.reason)}"` : ""}>${b.segments.map(segment(original)).join("")}</p>`
  ).join("\n")}\n</div>`
}

const findingList = ({ findings }: Report, { jump }: Layout): string =>
  findings.length === 0 ? "<p>None.</p>" : `<ol>\n${findings.map((f) =>
    `<li class="${f.severity}">${jump(f, `${f.line}:${f.column}`)} <span class="sev">${f.severity}</span> ${escape(f.message)}${f.expected ? `. ${escape(f.expected)}` : ""} (${link(f.url, escape(f.ruleId))})</li>`
  ).join("\n")}\n</ol>`

const attributionTable = ({ attributions }: Report, { jump }: Layout, original: string): string => {
  if (attributions.length === 0) return "<p>No attributions found.</p>"
  const quote = (span: Offsets) => escape(original.slice(span.start, span.end))
  return table(
    ["source", "kind", "outlet type", "resolves to", "via", "depth", "cue", "what"],
    attributions.map((a) =>
      row([
        jump(a.source, quote(a.source)),
        escape(a.source.kind),
        escape(a.source.outletType ?? ""),
        escape(a.source.resolvesTo ?? ""),
        a.via.length === 0 ? "direct" : a.via.map((v) => escape(v.resolvesTo ?? v.outlet ?? v.text)).join(" → "),
        a.depth,
        quote(a.cue),
        a.content ? quote(a.content) : ""
      ])
    )
  )
}

const claimTable = ({ claims }: Report, { jump }: Layout): string =>
  table(
    ["claim", "check-worthiness", "speakers", "certainty", "also in", "conflicts"],
    claims.map((c) => {
      const { cluster, alsoIn, conflicts: disagreements } = c.corroboration
      const unlisted = unlistedArticles(c.corroboration)
      const notes = [
        ...(c.signals.length > 0 ? [`signals: ${escape(c.signals.join(", "))}`] : []),
        ...(cluster ? [`batch claim <a href="./index.html#${clusterId(cluster)}">${escape(cluster)}</a>`] : [])
      ]
      return row([
        `${jump(c, escape(c.id))} ${escape(c.text)}${notes.map((n) => `<br><small>${n}</small>`).join("")}`,
        `<meter min="0" max="1" value="${c.checkworthiness}"></meter> ${c.checkworthiness.toFixed(2)}`,
        c.speakers.length === 0 ? "<em>the reporter</em>" : escape(c.speakers.join(", ")),
        `${escape(c.certainty)}${c.verification ? `, ${escape(c.verification)}` : ""}`,
        `${mentions(alsoIn)}${unlisted > 0 ? `<div>and ${unlisted} more</div>` : ""}`,
        conflicts(disagreements)
      ], ` id="${claimId(c.id)}"${disagreements.length > 0 ? ` class="conflicted"` : ""}`)
    })
  )

/** A removed character that shows nothing, by code point. */
const invisible = (text: string) =>
  `(invisible: ${[...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(" ")})`

const removedList = ({ text }: Report, { jump }: Layout): string =>
  text.removed.length === 0 ? "<p>Nothing.</p>" : `<ul>\n${text.removed.map((r) =>
    `<li>${jump(r, escape(r.reason))}: ${r.text.trim() === "" ? invisible(r.text) : `<q>${escape(r.text)}</q>`}</li>`
  ).join("\n")}\n</ul>`

/**
 * Render one report as a page, in pieces whose concatenation is the page;
 * `original` is the input the offsets point into. `Reports.ts` writes the
 * pieces as they are: joining them copied the page twice more, once into
 * its body and once into the whole (1,000 pages took 650 ms of CPU to make
 * and encode joined, 370 ms in pieces).
 */
export const htmlChunks = (report: Report, original: string): Array<string> => {
  const { article, findings, attributions, claims, text } = report
  const laid = layout(report)
  const shown = findings.filter((f) => f.severity !== "info").length
  const { head, tail } = shell(article.title ?? article.id)
  const sections = [
    header(report),
    `<h2 id="score">Score</h2>`,
    scoreTable(report, laid),
    `<h2 id="text">Article text</h2>`,
    textSection(report, laid, original),
    `<h2 id="findings">Findings (${shown}, plus ${findings.length - shown} for information)</h2>`,
    findingList(report, laid),
    `<h2 id="attributions">Who said what (${attributions.length})</h2>`,
    attributionTable(report, laid, original),
    ...(claims.length === 0 ? [] : [`<h2 id="claims">Claims (${claims.length})</h2>`, claimTable(report, laid)]),
    `<h2 id="removed">Removed before analysis (${text.removed.length})</h2>`,
    removedList(report, laid)
  ]
  return [head, ...sections.flatMap((section, i) => (i === 0 ? [section] : ["\n", section])), tail]
}

/** Render one report as a page; `original` is the input the offsets point into. */
export const html = (report: Report, original: string): string => htmlChunks(report, original).join("")
