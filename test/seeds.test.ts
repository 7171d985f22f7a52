import { Effect } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { beforeAll, describe, expect, it } from "vitest"
import type { Index } from "../pipeline/Batch.ts"
import { checkBatch, MainLayer } from "../pipeline/main.ts"
import { validate, type Report } from "../pipeline/Report.ts"
import { lineStarts, pointAt } from "../pipeline/SourceMap.ts"
import { root, scratch } from "./support.ts"

const seeds = readdirSync(`${root}seeds`).filter((name) => name.endsWith(".txt")).sort()

describe("seed reports", () => {
  const reports = new Map<string, Report>()
  // Each report as the json format prints it, one per line.
  const view = { format: "json", color: false, quiet: false, version: "test" } as const
  const print = (line: unknown) => {
    const report = JSON.parse(line as string) as Report
    reports.set(`${report.article.id}.txt`, report)
  }
  let index: Index
  // The seeds as one batch, through the real pipeline in this thread, so
  // corroboration sees every article.
  beforeAll(async () => {
    const out = scratch("seeds")
    const result = await Effect.runPromise(
      checkBatch({ paths: ["seeds"], rules: "rules", out, jobs: 1, cache: false, cacheDir: "", failOn: [], show: { view, print } }).pipe(
        Effect.provide(MainLayer)
      )
    )
    index = result.index
  }, 60_000)

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
    expect(report.score.components.find((c) => c.id === "transparency")?.evidence).toBe(
      "2 sentences state what was or was not verified; no declared sources"
    )
  })

  it("no seed's said, told or stated is a hedge", () => {
    const cues = [...reports.values()].flatMap((report) => report.sentences.flatMap((s) => s.cues.map((c) => c.text.toLowerCase())))
    expect(cues.filter((text) => /\b(said|told|stated)\b/.test(text))).toEqual([])
  })

  it("no seed's said, told or stated is a finding", () => {
    const texts = [...reports.values()].flatMap((report) => report.findings.map((f) => f.text.toLowerCase()))
    expect(texts.filter((text) => /\b(said|told|stated)\b/.test(text))).toEqual([])
  })

  it("the written-guarantee claim is carried by 000, 001, 002 and 004, credited to different speakers", () => {
    const guarantee = index.claims.find((claim) => claim.articles.some((a) => a.article.startsWith("002")))!
    expect([...new Set(guarantee.articles.map((a) => a.article.slice(0, 3)))]).toEqual(["000", "001", "002", "004"])
    const speakers = guarantee.articles.flatMap((a) => a.speakers)
    for (const speaker of ["Ryabkov", "Russian Foreign Minister Sergey Lavrov", "President Vladimir Putin"]) expect(speakers).toContain(speaker)
    expect(guarantee.conflicts.map((c) => c.kind)).toEqual(["speaker"])
  })

  it("003, where Russia seeks guarantees from NATO, carries no claim of the others", () => {
    const report = reports.get("003_907a2b706aaeaa16.txt")!
    expect(report.claims.filter((c) => c.corroboration.alsoIn.length > 0)).toEqual([])
    expect(report.claims.find((c) => c.text.startsWith("Russia is seeking formal guarantees from NATO"))).toBeDefined()
  })

  it("004, with an empty date, reports its relative time", () => {
    const report = reports.get("004_106d3d259cecc46c.txt")!
    expect(report.article.published).toBe("missing")
    expect(report.findings.filter((f) => f.ruleId === "relative-time").map((f) => f.message)).toEqual([
      "Relative time `on Thursday` in an undated article, give the date",
      "Relative time `next week` in an undated article, give the date"
    ])
  })

  it("each score component shows its evidence", () => {
    const report = reports.get("000_8856b4e4f4a0a76a.txt")!
    expect(report.score.components.map((c) => `${c.id}: ${c.evidence}`)).toMatchInlineSnapshot(`
      [
        "sourcing: 4 of 11 attributions name or describe a checkable source",
        "hedging: 8 of 13 sentences hedged in the reporter's own voice",
        "transparency: no statement of what was verified; no declared sources",
        "metadata: no byline, no date, no outlet",
        "hygiene: 0% of the input was page furniture (0 pieces removed)",
        "corroboration: 1 of 7 claims carried by another article, 1 with conflicting details",
        "findings: 0 errors and 10 warnings in 13 sentences",
      ]
    `)
  })
})
