import { readdirSync, readFileSync } from "node:fs"
import { beforeAll, describe, expect, it } from "vitest"
import * as Analyse from "../pipeline/Analyse.ts"
import { gate } from "../pipeline/Gate.ts"
import type { Article } from "../pipeline/Ingest.ts"
import { normaliseArticle } from "../pipeline/Pipeline.ts"
import { assemble, validate, type Report } from "../pipeline/Report.ts"
import { score } from "../pipeline/Score.ts"
import { lineStarts, pointAt } from "../pipeline/SourceMap.ts"
import { defaultRules, root } from "./support.ts"

const seeds = readdirSync(`${root}seeds`).filter((name) => name.endsWith(".txt")).sort()

/** The report the pipeline writes for one seed, made in-process. */
const reportFor = (analyse: ReturnType<typeof Analyse.make>, rules: Awaited<ReturnType<typeof defaultRules>>, name: string): Report => {
  const text = readFileSync(`${root}seeds/${name}`, "utf8")
  const article: Article = { _tag: "Article", id: name.replace(/\.txt$/, ""), path: `seeds/${name}`, format: "txt", text }
  const normalised = normaliseArticle(rules, article)
  const analysis = analyse(normalised)
  const value = score(rules.scoring, analysis)
  return assemble(article, normalised, analysis, value, gate(rules.gates, value, analysis.findings))
}

describe("seed reports", () => {
  const reports = new Map<string, Report>()
  beforeAll(async () => {
    const rules = await defaultRules()
    const analyse = Analyse.make(rules)
    for (const name of seeds) reports.set(name, reportFor(analyse, rules, name))
  })

  it.each(seeds)("%s: the report matches its schema", (name) => {
    expect(validate(reports.get(name)!)).toBeUndefined()
  })

  it.each(seeds)("%s: every span points into the original", (name) => {
    const original = readFileSync(`${root}seeds/${name}`, "utf8")
    const lines = lineStarts(original)
    const report = reports.get(name)!
    for (const finding of report.findings) {
      expect(original.slice(finding.start, finding.end)).toBe(finding.text)
      expect(pointAt(lines, finding.start)).toEqual({ line: finding.line, column: finding.column })
      expect(pointAt(lines, finding.end)).toEqual({ line: finding.endLine, column: finding.endColumn })
    }
    for (const { source, cue } of report.attributions) {
      expect(original.slice(source.start, source.end)).toBe(source.text)
      expect(original.slice(cue.start, cue.end)).toBe(cue.text)
    }
    for (const sentence of report.sentences) {
      for (const cue of sentence.cues) expect(original.slice(cue.start, cue.end)).toBe(cue.text)
    }
  })

  it("001: the golden report", async () => {
    const report = reports.get("001_b7ec66198f8b2645.txt")!
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot("golden/001_b7ec66198f8b2645.json")
  })

  it.each([
    ["000_8856b4e4f4a0a76a.txt", ["Russian officials (vague-collective) / According to", "Analysts (vague-collective) / view", "Several EU and NATO officials (vague-collective) / emphasized", "Moscow (state) / insists"]],
    ["001_b7ec66198f8b2645.txt", ["the state-controlled RIA Novosti news agency (media-outlet, state-owned) / reported by", "Ryabkov (named-person) / stated via RIA Novosti"]],
    ["002_37ededbab42281dc.txt", ["he (pronoun → Lavrov) / stated", "He (pronoun → Lavrov) / noted"]],
    ["003_907a2b706aaeaa16.txt", [
      "The Russian Embassy in Belgium (named-organisation) / told via Izvestia",
      "the Digi24 (media-outlet, private) / According to",
      "sources familiar with negotiations (anonymous) / citing via Reuters",
      "he (pronoun → Jens Stoltenberg) / said"
    ]],
    ["004_106d3d259cecc46c.txt", ["Zelenskyy’s chief of staff (described-official) / stated", "officials (vague-collective) / believe"]]
  ])("%s: finds the attributions an editor would", (name, expected) => {
    const found = reports.get(name)!.attributions.map((a) => {
      const kind = `${a.source.kind}${a.source.outletType ? `, ${a.source.outletType}` : ""}${a.source.resolvesTo ? ` → ${a.source.resolvesTo}` : ""}`
      const via = a.via.length > 0 ? ` via ${a.via.map((v) => v.resolvesTo ?? v.outlet ?? v.text).join(", ")}` : ""
      return `${a.source.text} (${kind}) / ${a.cue.text}${via}`
    })
    for (const relation of expected) expect(found).toContain(relation)
  })

  it.each([
    ["001_b7ec66198f8b2645.txt", ["appears to", "reportedly", "suggest", "may", "potentially"]],
    ["002_37ededbab42281dc.txt", ["likely", "would view"]],
    ["004_106d3d259cecc46c.txt", ["are expected to"]]
  ])("%s: reports the hedges in the reporter's voice", (name, expected) => {
    const hedges = reports.get(name)!.findings.filter((f) => f.category === "hedging").map((f) => f.text)
    for (const hedge of expected) expect(hedges).toContain(hedge)
  })

  it("001: credits the disclosure that the comments were not independently verified", () => {
    const report = reports.get("001_b7ec66198f8b2645.txt")!
    expect(report.findings.filter((f) => f.ruleId === "verification-disclosed").map((f) => f.text)).toEqual(["not yet been independently verified"])
    expect(report.sentences.filter((s) => s.verification === "unverified-disclosed")).toHaveLength(2)
    expect(report.score.components.find((c) => c.id === "transparency")?.value).toBe(1)
  })

  it("no seed's said, told or stated is a hedge", () => {
    const cues = [...reports.values()].flatMap((report) => report.sentences.flatMap((s) => s.cues.map((c) => c.text.toLowerCase())))
    expect(cues.filter((text) => /\b(said|told|stated)\b/.test(text))).toEqual([])
  })

  it("no seed's said, told or stated is a finding", () => {
    const texts = [...reports.values()].flatMap((report) => report.findings.map((f) => f.text.toLowerCase()))
    expect(texts.filter((text) => /\b(said|told|stated)\b/.test(text))).toEqual([])
  })
})
