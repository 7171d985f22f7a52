import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Finding } from "../pipeline/Analyse.ts"
import * as Batch from "../pipeline/Batch.ts"
import { html } from "../pipeline/format/html.ts"
import { htmlIndex } from "../pipeline/format/htmlIndex.ts"
import { jsonChunks, jsonFields } from "../pipeline/format/jsonChunks.ts"
import * as Terminal from "../pipeline/format/terminal.ts"
import { uriOf } from "../pipeline/format/sarif.ts"
import { InputProblem } from "../pipeline/Ingest.ts"
import { ArticleFailed, type Outcome } from "../pipeline/Outcome.ts"
import type { Report } from "../pipeline/Report.ts"

const hedgeUrl = "https://www.ap.org/about/news-values-and-principles/telling-the-story/anonymous-sources"

/** A finding on the first occurrence of `text` in a one-line original. */
const finding = (original: string, text: string, fields: Partial<Finding> = {}): Finding => {
  const start = original.indexOf(text)
  return {
    ruleId: "hedge-epistemic",
    category: "hedging",
    severity: "warning",
    message: `Unexpected hedge \`${text}\``,
    url: hedgeUrl,
    text,
    start,
    end: start + text.length,
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: start + text.length + 1,
    ...fields
  }
}

/** A report on a one-paragraph original, as the pipeline shapes it. */
const reportOf = (original: string, fields: Partial<Report> = {}): Report => ({
  schema: "https://factgate.dev/schemas/report/v1.json",
  article: { id: "a", path: "in/a.txt", format: "txt" },
  text: { body: original, removed: [], blocks: [{ start: 0, end: original.length, role: "body" }] },
  findings: [],
  sentences: [],
  attributions: [],
  claims: [],
  score: { value: 40, components: [{ id: "sourcing", weight: 1, value: 0.4, evidence: "2 of 5 attributions name a checkable source", spans: [] }] },
  gate: { passed: false, failures: [{ gate: "minScore", message: "score 40 is below the minimum of 50" }] },
  ...fields
})

const voids = new Set(["meta", "br", "img", "input", "link", "hr", "wbr"])

/**
 * Read markup the way a strict parser would: every `<` opens a well-formed
 * tag with double-quoted attributes, every `&` starts an entity, and elements
 * close in the order they opened. Returns the problems and the attribute names.
 */
const markup = (source: string) => {
  const problems: Array<string> = []
  const attributes = new Set<string>()
  const open: Array<string> = []
  for (const piece of source.split("<").slice(1)) {
    if (/^(!doctype html|\?xml [^>]*\?)>/i.test(piece)) continue
    const tag = /^(\/?)([a-z][\w-]*)((?:\s+[\w-]+(?:="[^"<]*")?)*)\s*(\/?)>/i.exec(piece)
    if (tag === null) {
      problems.push(`not a tag: <${piece.slice(0, 30)}`)
      continue
    }
    const [, closing, name, attrs, selfClosing] = tag
    for (const [, attribute] of attrs!.matchAll(/([\w-]+)(?:="[^"]*")?/g)) attributes.add(attribute!)
    if (closing) {
      if (open.pop() !== name) problems.push(`</${name}> closes <${open.at(-1) ?? "nothing"}>`)
    } else if (!selfClosing && !voids.has(name!)) open.push(name!)
  }
  if (open.length > 0) problems.push(`never closed: ${open.join(", ")}`)
  for (const [entity] of source.matchAll(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)[^\s]{0,8}/g)) problems.push(`bare ampersand: ${entity}`)
  return { problems, attributes }
}

/** The highlighted segments of a page, as `text | class | tooltip lines`. */
const marks = (page: string) =>
  [...page.matchAll(/<mark id="at-\d+" class="([^"]+)" title="([^"]*)">([^<]*)<\/mark>/g)].map(([, cls, title, text]) =>
    `${text} | ${cls} | ${title!.replaceAll("\n", " + ")}`
  )

describe("html", () => {
  const hostile = `Officials said <script>alert(1)</script> and <img src=x onerror=alert(1)> was reportedly seen.`
  const page = html(reportOf(hostile, {
    article: {
      id: "a",
      path: "in/a.txt",
      format: "txt",
      title: `"><script>alert(2)</script>`,
      byline: `<b onmouseover="alert(3)">Staff</b>`,
      url: "javascript:alert(4)"
    },
    findings: [
      finding(hostile, "Officials", { ruleId: "vague-source", message: `Unexpected vague source \`Officials\`" onmouseover="alert(5)`, url: "javascript:alert(6)" }),
      finding(hostile, "reportedly")
    ]
  }), hostile)

  it("shows hostile article text as text", () => {
    expect(page).not.toMatch(/<(script|img|b)\b/i)
    expect(page).toContain(`<h1>&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</h1>`)
    expect(page).toContain(` said &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; was `)
    expect(page).toContain(`<dt>Byline</dt><dd>&lt;b onmouseover=&quot;alert(3)&quot;&gt;Staff&lt;/b&gt;</dd>`)
  })

  it("keeps quotes inside attributes and adds no attributes of its own", () => {
    expect(marks(page)).toEqual([
      "Officials | warning | warning: Unexpected vague source `Officials`&quot; onmouseover=&quot;alert(5) [vague-source]",
      "reportedly | warning | warning: Unexpected hedge `reportedly` [hedge-epistemic]"
    ])
    const { problems, attributes } = markup(page)
    expect(problems).toEqual([])
    expect([...attributes].sort()).toEqual([
      "charset", "class", "content", "data-role", "href", "http-equiv", "id", "lang", "max", "min", "name", "rel", "title", "value"
    ])
  })

  it("links only to http(s) urls and to its own highlights", () => {
    expect(page).not.toMatch(/href="(?!https?:|#at-\d+"|\.\/)/)
    expect(page).toContain(`<dt>URL</dt><dd>javascript:alert(4)</dd>`)
    const items = page.split("\n").filter((line) => line.startsWith("<li class="))
    expect(items).toEqual([
      "<li class=\"warning\"><a href=\"#at-0\">1:1</a> <span class=\"sev\">warning</span> Unexpected vague source `Officials`&quot; onmouseover=&quot;alert(5) (vague-source)</li>",
      `<li class="warning"><a href="#at-78">1:79</a> <span class="sev">warning</span> Unexpected hedge \`reportedly\` (<a href="${hedgeUrl}" rel="noopener noreferrer">hedge-epistemic</a>)</li>`
    ])
  })

  it("forbids scripts and remote loads, and says why the gate failed", () => {
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`)
    expect(page).toContain(`<p class="verdict failed">Credibility score <strong class="score">40</strong> / 100 · Gate failed</p>`)
    expect(page).toContain(`<ul class="why"><li>score 40 is below the minimum of 50</li></ul>`)
  })

  it("shows a 10,000-character title whole in the page and clipped in the tab", () => {
    const title = `<Sanctions> & ${"x".repeat(9_986)}`
    expect(title).toHaveLength(10_000)
    const long = html(reportOf("The talks failed.", { article: { id: "a", path: "in/a.txt", format: "txt", title } }), "The talks failed.")
    expect(long).toContain(`<h1>&lt;Sanctions&gt; &amp; ${"x".repeat(9_986)}</h1>`)
    expect(long).toContain(`<title>&lt;Sanctions&gt; &amp; ${"x".repeat(105)}…</title>`)
    expect(markup(long).problems).toEqual([])
  })

  it("splits overlapping and nested findings into well-nested segments", () => {
    const original = "Officials said the vote was reportedly rigged."
    const report = reportOf(original, {
      findings: [
        finding(original, "Officials said the vote", { ruleId: "a", severity: "info", message: "A" }),
        finding(original, "Officials", { ruleId: "b", message: "B" }),
        finding(original, "the vote was reportedly", { ruleId: "c", message: "C" }),
        finding(original, "reportedly", { ruleId: "d", severity: "error", message: "D" })
      ]
    })
    const page = html(report, original)
    expect(markup(page).problems).toEqual([])
    expect(marks(page)).toEqual([
      "Officials | warning overlap | info: A [a] + warning: B [b]",
      " said  | info | info: A [a]",
      "the vote | warning overlap | info: A [a] + warning: C [c]",
      " was  | warning | warning: C [c]",
      "reportedly | error overlap | warning: C [c] + error: D [d]"
    ])
    expect(page).toContain(`<p data-role="body"><mark id="at-0" `)
    expect(page).toContain(`</mark> rigged.</p>`)
  })

  it("shows claims, their speakers and where else they appear, and links evidence into the text", () => {
    const original = "The army said 3,000 troops crossed the border."
    const claim = {
      id: "c1",
      text: original,
      start: 0,
      end: original.length,
      checkworthiness: 0.8,
      signals: ["number"],
      speakers: ["The army"],
      attributions: [0],
      certainty: "certain" as const,
      corroboration: {
        cluster: "k1",
        otherArticles: 1,
        alsoIn: [{ article: "b<x>", claim: "c2", speakers: [] }],
        conflicts: [{ kind: "number" as const, message: "a says 3,000 troops, b<x> says 300" }]
      }
    }
    const report = reportOf(original)
    const spans = [{ start: 4, end: 8, text: "army" }]
    const withClaims = { ...report, claims: [claim], score: { value: 40, components: report.score.components.map((c) => ({ ...c, spans })) } }
    const page = html(withClaims, original)
    expect(markup(page).problems).toEqual([])
    expect(page).toContain(
      `<tr id="claim-c1" class="conflicted"><td><a href="#at-0">c1</a> The army said 3,000 troops crossed the border.<br><small>signals: number</small><br><small>batch claim <a href="./index.html#cluster-k1">k1</a></small></td>`
    )
    expect(page).toContain(`<td><div><a href="./b%3Cx%3E.html#claim-c2">b&lt;x&gt; c2</a></div></td>`)
    expect(page).toContain(`<div class="conflict"><strong>number</strong>: a says 3,000 troops, b&lt;x&gt; says 300</div>`)
    expect(page).toContain(`<ul><li><a href="#at-4">army</a></li></ul>`)
    expect(page).toContain(`<p data-role="body"><span id="at-0">The </span><span id="at-4">army</span> said 3,000 troops crossed the border.</p>`)
  })
})

/** An article that went all the way through. */
const reported = (report: Report): Outcome => ({ _tag: "Reported", report })

/** The files the pipeline writes for a report. */
const files = (report: Report) => {
  const base = `out/${report.article.id}`
  return { json: `${base}.json`, markdown: `${base}.md`, html: `${base}.html` }
}

const original = "Officials said the vote was reportedly rigged."
const passing = reportOf(original, {
  article: { id: "ok", path: "in/ok.txt", format: "txt" },
  score: { value: 80, components: [] },
  gate: { passed: true, failures: [] }
})
const failing = reportOf(original, {
  article: { id: "weak", path: "in/weak.txt", format: "txt" },
  findings: [
    finding(original, "Officials", { ruleId: "vague-source", message: "Unexpected vague source `Officials`, name who said it" }),
    finding(original, "reportedly", { expected: "Attribute the claim or state it plainly" }),
    finding(original, "rigged", { ruleId: "loaded", severity: "info", message: "Loaded word `rigged`" })
  ]
})
const fromNdjson = reportOf(original, {
  article: { id: "n1", path: "in/batch.ndjson", line: 3, format: "ndjson" },
  findings: [finding(original, "reportedly")],
  gate: { passed: true, failures: [] }
})
const unreadable = new InputProblem({ path: "in/batch.ndjson", line: 2, problem: "is not valid JSON (Unexpected token n)" })
const unscored = new ArticleFailed({ path: "in/odd.txt", id: "odd", stage: "score", problem: "components[id] is <not> a function" })
const outcomes: ReadonlyArray<Outcome> = [reported(passing), reported(failing), reported(fromNdjson), unreadable, unscored]

describe("htmlIndex", () => {
  const entries = [passing, failing, fromNdjson].map((report) => Batch.entry(report, files(report)))
  const index = Batch.index(entries, [unreadable, unscored], [])
  const page = htmlIndex(index)

  it("lists the articles lowest score first, each linking to its page", () => {
    expect(markup(page).problems).toEqual([])
    const rows = page.split("\n").filter((line) => line.startsWith("<tr><td>"))
    expect(rows.slice(0, 3)).toEqual([
      `<tr><td>40</td><td><span class="passed">passed</span></td><td><a href="./n1.html">n1</a></td><td>in/batch.ndjson:3</td><td>0</td><td>1</td><td>0</td></tr>`,
      `<tr><td>40</td><td><strong class="failed">failed</strong></td><td><a href="./weak.html">weak</a></td><td>in/weak.txt</td><td>0</td><td>2</td><td>1</td></tr>`,
      `<tr><td>80</td><td><span class="passed">passed</span></td><td><a href="./ok.html">ok</a></td><td>in/ok.txt</td><td>0</td><td>0</td><td>0</td></tr>`
    ])
  })

  it("lists what could not be checked, escaped", () => {
    expect(page).toContain(`<h2 id="errors">Could not be checked (2)</h2>`)
    expect(page).toContain(`<tr><td>in/odd.txt</td><td>odd</td><td>score</td><td>in/odd.txt: score failed for article \`odd\`: components[id] is &lt;not&gt; a function</td></tr>`)
  })

  it("lists the claims several articles carry, linking to each", () => {
    const claims = [{
      id: "k1",
      text: "3,000 troops crossed the border",
      articles: [{ article: "weak", claim: "c1", speakers: ["The army"] }, { article: "ok", claim: "c4", speakers: [] }],
      conflicts: [{ kind: "speaker" as const, message: "weak credits The army, ok states it as fact" }]
    }]
    const withClaims = { ...index, claims }
    expect(htmlIndex(withClaims)).toContain(
      `<tr id="cluster-k1" class="conflicted"><td>3,000 troops crossed the border</td><td><div><a href="./weak.html#claim-c1">weak c1</a> (The army)</div><div><a href="./ok.html#claim-c4">ok c4</a></div></td><td><div class="conflict"><strong>speaker</strong>: weak credits The army, ok states it as fact</div></td></tr>`
    )
  })
})

describe("JSON written piece by piece", () => {
  it("is the same text as the index made whole", () => {
    const entries = [passing, failing, fromNdjson].map((report) => Batch.entry(report, files(report)))
    const index = Batch.index(entries, [unreadable, unscored], [])
    expect([...jsonChunks(index)].join("")).toBe(`${JSON.stringify(index, null, 2)}\n`)
  })

  it("matches JSON.stringify on any object, by element and by field", () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
      expect([...jsonChunks(value)].join("")).toBe(`${JSON.stringify(value, null, 2)}\n`)
      expect(jsonFields(value).join("")).toBe(`${JSON.stringify(value, null, 2)}\n`)
    }))
  })
})

/** What the CLI prints for `outcomes` in `view`'s format: each piece as it comes, then the end. */
const printed = (view: Terminal.View, all: ReadonlyArray<Outcome>) => {
  const printer = Terminal.printer(view)
  return all.map((outcome) => printer.add(Terminal.piece(view, outcome))).join("") + printer.end()
}

/** What the CLI prints for `outcomes` in `format`, plainly. */
const printedAs = (format: Terminal.Name, all: ReadonlyArray<Outcome>) => printed({ format, color: false, quiet: false, version: "0.0.0" }, all)

describe("github", () => {
  it("prints one workflow command per finding, gate failure and unreadable input", () => {
    expect(printedAs("github", outcomes).trimEnd().split("\n")).toEqual([
      "::warning file=in/weak.txt,line=1,col=1,endLine=1,endColumn=10,title=vague-source::Unexpected vague source `Officials`, name who said it",
      "::warning file=in/weak.txt,line=1,col=29,endLine=1,endColumn=39,title=hedge-epistemic::Unexpected hedge `reportedly`. Attribute the claim or state it plainly",
      "::notice file=in/weak.txt,line=1,col=40,endLine=1,endColumn=46,title=loaded::Loaded word `rigged`",
      "::error file=in/weak.txt,title=gate::Gate failed for weak: score 40 is below the minimum of 50",
      "::warning file=in/batch.ndjson,line=3,title=hedge-epistemic::Unexpected hedge `reportedly`",
      "::error file=in/batch.ndjson,line=2,title=input::is not valid JSON (Unexpected token n)",
      "::error file=in/odd.txt,title=score::score failed for article `odd`: components[id] is <not> a function"
    ])
  })

  it("escapes what would end a property or the command", () => {
    const odd = reportOf(original, {
      article: { id: "odd", path: "in/a,b: 100%.txt", format: "txt" },
      findings: [finding(original, "reportedly", { ruleId: "x:y,z", message: "50% said\nno\r" })],
      gate: { passed: true, failures: [] }
    })
    expect(printedAs("github", [reported(odd)])).toBe(
      "::warning file=in/a%2Cb%3A 100%25.txt,line=1,col=29,endLine=1,endColumn=39,title=x%3Ay%2Cz::50%25 said%0Ano%0D\n"
    )
  })
})

describe("stylish", () => {
  const view = { format: "stylish", color: false, quiet: false, version: "0.0.0" } as const

  it("prints a block per file as it comes, a blank line after one with messages, and the batch's tally", () => {
    const lines = printed(view, outcomes).split("\n").map((line) => line.trimEnd())
    expect(lines).toEqual([
      "in/ok.txt: no issues found",
      "in/weak.txt",
      "          error   Gate failed: score 40 is below the minimum of 50      gate/minScore   factgate",
      "1:1-1:10  warning Unexpected vague source `Officials`, name who said it vague-source    factgate",
      "1:29-1:39 warning Unexpected hedge `reportedly`                         hedge-epistemic factgate",
      "1:40-1:46 info    Loaded word `rigged`                                  loaded          factgate",
      "",
      "in/batch.ndjson:3 (n1)",
      "1:29-1:39 warning Unexpected hedge `reportedly` hedge-epistemic factgate",
      "",
      "in/batch.ndjson:2",
      " error is not valid JSON (Unexpected token n) input factgate",
      "",
      "in/odd.txt",
      " error score failed: components[id] is <not> a function score factgate",
      "",
      "7 messages (✖ 3 errors, ⚠ 3 warnings)",
      ""
    ])
  })

  it("--quiet leaves the findings for information out of the blocks and the tally", () => {
    const text = printed({ ...view, quiet: true }, outcomes)
    expect(text).not.toContain("Loaded word")
    expect(text.trimEnd().split("\n").at(-1)).toBe("6 messages (✖ 3 errors, ⚠ 3 warnings)")
  })
})

describe("junit", () => {
  it("makes one testsuite per input and one testcase per article, printed once every article is in", () => {
    expect(printedAs("junit", outcomes)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="factgate" tests="5" failures="1" errors="2">
  <testsuite name="in/ok.txt" tests="1" failures="0" errors="0">
    <testcase classname="in/ok.txt" name="ok"/>
  </testsuite>
  <testsuite name="in/weak.txt" tests="1" failures="1" errors="0">
    <testcase classname="in/weak.txt" name="weak">
      <failure type="gate" message="score 40 is below the minimum of 50">1:1-1:10 warning Unexpected vague source \`Officials\`, name who said it [vague-source]
1:29-1:39 warning Unexpected hedge \`reportedly\` [hedge-epistemic]</failure>
    </testcase>
  </testsuite>
  <testsuite name="in/batch.ndjson" tests="2" failures="0" errors="1">
    <testcase classname="in/batch.ndjson" name="n1"/>
    <testcase classname="in/batch.ndjson" name="line 2">
      <error type="input" message="is not valid JSON (Unexpected token n)"/>
    </testcase>
  </testsuite>
  <testsuite name="in/odd.txt" tests="1" failures="0" errors="1">
    <testcase classname="in/odd.txt" name="odd">
      <error type="score" message="score failed: components[id] is &lt;not&gt; a function"/>
    </testcase>
  </testsuite>
</testsuites>

`)
  })

  it("escapes markup, quotes and characters XML cannot carry", () => {
    const odd = reportOf(original, {
      article: { id: "o'k", path: `in/"a" & <b>.txt`, format: "txt" },
      findings: [finding(original, "reportedly", { message: "bell \u0007 and </failure> <x>" })],
      gate: { passed: false, failures: [{ gate: "minScore", message: "line\none & \"two\"" }] }
    })
    const xml = printedAs("junit", [reported(odd)])
    expect(markup(xml).problems).toEqual([])
    expect(xml).toContain(`<testcase classname="in/&quot;a&quot; &amp; &lt;b&gt;.txt" name="o&apos;k">`)
    expect(xml).toContain(`<failure type="gate" message="line&#10;one &amp; &quot;two&quot;">1:29-1:39 warning bell \uFFFD and &lt;/failure&gt; &lt;x&gt; [hedge-epistemic]</failure>`)
  })
})

describe("sarif", () => {
  it("gives each path as a URI reference: relative paths percent-encoded, absolute ones as file: URLs", () => {
    expect(uriOf("seeds/001.txt")).toBe("seeds/001.txt")
    expect(uriOf("a b#1.txt")).toBe("a%20b%231.txt")
    expect(uriOf("c:report.txt")).toBe("c%3Areport.txt")
    expect(uriOf("Über uns/50%.md")).toBe("%C3%9Cber%20uns/50%25.md")
    expect(uriOf("/tmp/news/a b.txt")).toBe("file:///tmp/news/a%20b.txt")
  })
})
