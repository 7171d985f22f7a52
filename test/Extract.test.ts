import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import * as Analyse from "../pipeline/Analyse.ts"
import { extract } from "../pipeline/Extract.ts"
import { normalise } from "../pipeline/Normalise.ts"
import type { RuleSet } from "../pipeline/Rules.ts"
import { lineStarts, pointAt } from "../pipeline/SourceMap.ts"
import { cli, defaultRules, scratch } from "./support.ts"

const page = `<!doctype html>
<html><head><title>Talks resume | Example News</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1>Talks resume</h1>
  <p>The convoy was reportedly hit near the border on Monday, close to a depot of the ministry of defence &amp; its press office.</p>
  <h2>A long pause</h2>
  <p>Officials said the talks had stalled for three weeks before both delegations agreed to return to the table in Geneva.</p>
  <p>Analysts view the move as a signal to Western capitals that a deal is within reach before the winter.</p>
</article>
<footer>Share this article</footer>
</body></html>`

const markdown = `# Talks resume

The convoy was *reportedly* hit near the border on Monday, close to the depot.

\`\`\`
code that may not be prose
\`\`\`

## A long pause

- Officials said the talks had stalled for three weeks before the delegations returned.
`

describe("extraction keeps offsets into the input", () => {
  let rules: RuleSet
  const analyse = (format: "html" | "md", text: string) => {
    const { source, ...hints } = extract(format, text)
    const normalised = normalise(text, { boilerplate: rules.boilerplate, structure: rules.structure, heuristics: format !== "html" }, source, hints)
    return { normalised, analysis: Analyse.make(rules)(normalised) }
  }
  beforeAll(async () => {
    rules = await defaultRules()
  })

  it("HTML: finds the main content, and points findings at line:column in the HTML", () => {
    const { normalised, analysis } = analyse("html", page)
    expect(normalised.metadata.title).toBe("Talks resume | Example News")
    expect(normalised.body).toContain("ministry of defence & its press office.")
    expect(normalised.body).not.toMatch(/Home|Share this article/)
    const lines = lineStarts(page)
    const hedge = analysis.findings.find((f) => f.text === "reportedly")!
    expect(pointAt(lines, hedge.start)).toEqual({ line: 7, column: 21 })
    expect(hedge).toMatchObject({ line: 7, column: 21 })
    for (const f of analysis.findings) expect(page.slice(f.start, f.end)).toBe(f.text)
    for (const a of analysis.attributions) expect(page.slice(a.source.start, a.source.end)).toBe(a.source.text)
  })

  it("HTML: maps a decoded entity to the whole entity", () => {
    const { normalised } = analyse("html", page)
    const at = normalised.map.text.indexOf("&")
    expect(page.slice(normalised.map.starts[at]!, normalised.map.ends[at]!)).toBe("&amp;")
  })

  it("Markdown: drops the markup and the code, and keeps positions", () => {
    const { normalised, analysis } = analyse("md", markdown)
    expect(normalised.body).not.toContain("code that may")
    expect(normalised.body).not.toContain("*")
    const hedge = analysis.findings.find((f) => f.text === "reportedly")!
    expect(hedge).toMatchObject({ line: 3, column: 17 })
    expect(markdown.slice(hedge.start, hedge.end)).toBe("reportedly")
    expect(normalised.metadata.title).toBe("Talks resume")
  })

  it("HTML with no main content: an empty body, reported as a finding", () => {
    const { normalised, analysis } = analyse("html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    expect(normalised.body).toBe("")
    expect(analysis.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(["1:1 empty-body"])
  })

  it("reads a Latin-1 page by its declared charset, and an NDJSON article's html", () => {
    const dir = scratch("html")
    const latin = Buffer.from(page.replace("<head>", "<head><meta charset=\"iso-8859-1\"><meta charset=\"utf-8\">").replace("Monday", "Montag für"), "latin1")
    writeFileSync(join(dir, "latin.html"), latin)
    writeFileSync(join(dir, "batch.ndjson"), `${JSON.stringify({ id: "web", html: page })}\n`)
    const out = scratch("out")
    const run = cli(["check", dir, "--out", out, "--exit-zero"])
    expect(run.code).toBe(0)
    const latinReport = JSON.parse(readFileSync(join(out, "latin.json"), "utf8"))
    expect(latinReport.text.body).toContain("Montag für")
    expect(JSON.parse(readFileSync(join(out, "web.json"), "utf8")).article.format).toBe("html")
  })
})
