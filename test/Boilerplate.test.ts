import fc from "fast-check"
import { readdirSync, readFileSync } from "node:fs"
import { beforeAll, describe, expect, it } from "vitest"
import { normalise } from "../pipeline/Normalise.ts"
import type { RuleSet } from "../pipeline/Rules.ts"
import { defaultRules, root } from "./support.ts"

const seeds = readdirSync(`${root}seeds`).filter((name) => name.endsWith(".txt")).sort()
const read = (name: string) => readFileSync(`${root}seeds/${name}`, "utf8")

describe("boilerplate and structure on the seeds", () => {
  let rules: RuleSet
  const run = (text: string) => normalise(text, { boilerplate: rules.boilerplate, structure: rules.structure, heuristics: true })
  beforeAll(async () => {
    rules = await defaultRules()
  })

  it.each([
    ["002_37ededbab42281dc.txt", ["ads: Reklam yükleniyor...", "ads: Reklam yükleniyor...", "comment-policy: Comments you share on our site are a valuable resource"]],
    ["003_907a2b706aaeaa16.txt", [
      "breadcrumb: Homepage War Putin throws wrench into peace talks: Demands NATO scrap Ukraine...",
      "outside-article: NATO, Russia",
      "image-credit: Shutterstock",
      "related: Others are reading now",
      "related: Also read",
      "related: Also read",
      "related: Also read",
      "ads: Ads by MGDK"
    ]],
    ["004_106d3d259cecc46c.txt", ["share: Share:", "related: Related Articles", "tags: #PoliticsNews #WorldNews", "related: Popular Articles"]]
  ])("%s: removes the page furniture, saying why", (name, expected) => {
    const removed = run(read(name)).removed.map((r) => `${r.reason}: ${r.text}`)
    expect(removed.map((r) => r.slice(0, expected.find((e) => r.startsWith(e.slice(0, 30)))?.length ?? r.length))).toEqual(expected)
  })

  it.each(seeds)("%s: loses no sentence of the article", (name) => {
    const text = read(name)
    const { body, metadata } = run(text)
    // Every line that reads as a sentence of prose, less the furniture named above.
    const furniture = /^(comments you share|sources:|homepage)/i
    const sentences = text.split("\n").map((line) => line.trim()).filter((line) => /[.!?"”]$/.test(line) && line.split(/\s+/).length >= 8 && !furniture.test(line))
    for (const sentence of sentences) {
      if (sentence === metadata.title) continue
      expect(body).toContain(normalise(sentence).map.text)
    }
  })

  it("recovers title, standfirst, headings, date and declared sources", () => {
    const n002 = run(read("002_37ededbab42281dc.txt"))
    expect(n002.metadata.title).toBe("Russia offers written security guarantees to NATO and EU members")
    expect(n002.metadata.standfirst).toMatch(/^Russian Foreign Minister Sergey Lavrov has stated/)
    const n003 = run(read("003_907a2b706aaeaa16.txt"))
    expect(n003.metadata.declaredSources).toEqual(["Digi24", "Izvestia", "Reuters"])
    expect(n003.body).not.toContain("Sources:")
    const n004 = run(read("004_106d3d259cecc46c.txt"))
    expect(n004.metadata.published).toBe("missing")
    expect(n004.metadata.title).toBe("Putin offers written assurance against any Russian military action in Europe.")
    const n001 = run(read("001_b7ec66198f8b2645.txt"))
    const headings = n001.blocks.filter((b) => b.role === "heading").map((b) => n001.map.text.slice(b.start, b.end))
    expect(headings).toEqual(["Moscow's Legal Assurance", "Ukraine's Negotiating Position", "The Push for Security Guarantees"])
  })

  it("does not analyse titles and headings as claims", () => {
    const n001 = run(read("001_b7ec66198f8b2645.txt"))
    const analysed = n001.paragraphs.map((p) => n001.map.text.slice(p.start, p.end))
    expect(analysed).not.toContain("Moscow's Legal Assurance")
  })

  it("reads a byline, a dated line and a dateline", () => {
    const n = run("Talks resume in Geneva\nBy Jane Smith\nNov 18, 2019 at 9:24 pm ET\nGENEVA (Reuters) - Talks between the two sides resumed on Monday after a pause of three weeks.\nBoth delegations said the mood was constructive and that progress was possible.")
    expect(n.metadata).toMatchObject({ title: "Talks resume in Geneva", byline: "Jane Smith", published: "Nov 18, 2019 at 9:24 pm ET", dateline: "GENEVA (Reuters)" })
  })

  // Articles with junk lines mixed in, for the invariants.
  const article = fc.array(
    fc.oneof(
      fc.constantFrom("Share:", "Also read", "Advertisement", "#news #world", "Home › World", "Photo: Shutterstock", "Menu", "Login"),
      fc.constantFrom(
        "The ministry said on Monday that the talks would resume after a pause of three weeks.",
        "Officials familiar with the plan said it had been agreed by both sides in principle.",
        "A Disputed Border",
        "Analysts reportedly view the offer as a signal to Western capitals ahead of the summit."
      )
    ),
    { minLength: 1, maxLength: 30 }
  ).map((lines) => lines.join(fc.sample(fc.constantFrom("\n", "\r\n", "\n\n"), 1)[0]!))

  it("keeps, removes or structures every non-blank character of the input", () => {
    fc.assert(fc.property(article, (text) => {
      const n = run(text)
      const covered = new Uint8Array(text.length)
      for (const b of n.blocks) {
        for (let i = b.start; i < b.end; i++) covered.fill(1, n.map.starts[i]!, n.map.ends[i]!)
      }
      for (const r of n.removed) covered.fill(1, r.start, r.end)
      for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) expect(covered[i]).toBe(1)
    }))
  })

  it("never puts a removed line in the body", () => {
    fc.assert(fc.property(article, (text) => {
      const n = run(text)
      for (const r of n.removed) if (r.text.length > 12) expect(n.body).not.toContain(r.text)
    }))
  })

  // The body leaves the title out, so a second pass may take its first line
  // for a title; everything else must come through untouched.
  it("removes nothing more from a body it already cleaned", () => {
    fc.assert(fc.property(article, (text) => {
      const once = run(text)
      const twice = run(once.body)
      expect(twice.removed).toEqual([])
      for (const p of once.paragraphs) {
        const paragraph = once.map.text.slice(p.start, p.end)
        expect(twice.body.includes(paragraph) || twice.metadata.title === paragraph).toBe(true)
      }
    }))
  })

  it("keeps an article whole around a ten-item list", () => {
    const paragraph = "The committee met on Tuesday to review the annual budget and discuss the transport plans."
    const items = Array.from({ length: 10 }, (_, i) => `Item ${i + 1} on the agenda`).join("\n")
    const n = run(`Budget row deepens\n${paragraph}\n${paragraph}\n${items}\nThe budget was reportedly cut, officials said on Monday evening.`)
    expect(n.body).toContain("The budget was reportedly cut")
  })

  it("handles a page that is only boilerplate", () => {
    const n = run("Share:\nRelated Articles\n#World\nAds by MGDK\n")
    expect(n.paragraphs).toEqual([])
    expect(n.removed.map((r) => r.reason)).toEqual(["share", "related", "tags", "ads"])
  })

  it("splits a 2 MB single-line input into paragraphs of bounded size", () => {
    const n = run("The ministry said the talks would resume. ".repeat(50_000))
    expect(n.paragraphs.length).toBeGreaterThan(200)
    expect(Math.max(...n.paragraphs.map((p) => p.end - p.start))).toBeLessThanOrEqual(8_000)
  })
})
