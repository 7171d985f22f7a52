import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { existsSync } from "node:fs"
import { describe, expect, it } from "vitest"
import * as Rules from "../pipeline/Rules.ts"
import { article } from "./bench/corpus.ts"
import { multiply } from "./bench/rules10x.ts"
import { root, scratch } from "./support.ts"
import { htmlSource, htmlText, loadSources, permutation, textSource, variant } from "./bench/sources.ts"

describe("bench corpus: variants", () => {
  it("numbers permutations in factorial base", () => {
    expect([0, 1, 2, 3, 4, 5].map((copy) => permutation(3, copy).join(""))).toEqual(["012", "021", "102", "120", "201", "210"])
  })

  it("keeps the title and the blank lines in place, and permutes the body lines", () => {
    const source = textSource("t", "Title\n\nOne.\nTwo.\n\nThree.\n")
    expect([0, 1, 2].map((copy) => variant(source, copy))).toEqual([
      "Title\n\nOne.\nTwo.\n\nThree.\n",
      "Title\n\nOne.\nThree.\n\nTwo.\n",
      "Title\n\nTwo.\nOne.\n\nThree.\n"
    ])
  })

  it("leaves repeated lines in place, so that copies stay distinct", () => {
    const source = textSource("t", "Title\nShare\nOne.\nShare\nTwo.")
    expect(source.units.map((at) => source.pieces[at])).toEqual(["One.", "Two."])
    expect(variant(source, 1)).toBe("Title\nShare\nTwo.\nShare\nOne.")
  })

  it("permutes the contents of an HTML page's paragraphs, and nothing else", () => {
    const source = htmlSource("h", "<body><h1>T</h1><p class=a>One.</p><div>x</div><p>Two.</p></body>")
    expect(variant(source, 1)).toBe("<body><h1>T</h1><p class=a>Two.</p><div>x</div><p>One.</p></body>")
  })

  it("refuses a copy beyond the orders its units have", () => {
    expect(() => variant(textSource("t", "Title\nOne.\nTwo."), 2)).toThrow("t: copy 2 exceeds the 2! orders of its units")
  })
})

describe("bench corpus: plain text of a page", () => {
  it("keeps the visible text, one block a line", () => {
    const html = "<html><head><title>x</title><style>p{}</style></head><body><!-- c --><h1>A &amp; B</h1>" +
      "<p>One&nbsp;<b>two</b>&#8217;s</p><script>var a</script><ul><li>Three</li></ul></body></html>"
    expect(htmlText(html)).toBe("A & B\nOne two’s\nThree")
  })
})

const evalData = existsSync(new URL("../../shared/eval/", import.meta.url))

describe.skipIf(!evalData)("bench corpus: the article sequence", () => {
  const sources = loadSources()

  it("is the same on every call, an HTML page every 100th article", () => {
    const names = Array.from({ length: 300 }, (_, i) => article(sources, i).name)
    expect(Array.from({ length: 300 }, (_, i) => article(sources, i).name)).toEqual(names)
    expect(names.filter((name) => name.endsWith(".html"))).toEqual([names[50], names[150], names[250]])
  })

  it("never repeats an article in the first 10,000", () => {
    const seen = new Set(Array.from({ length: 10_000 }, (_, i) => article(sources, i).content))
    expect(seen.size).toBe(10_000)
  })
})

describe("bench: the 10× rule pack", () => {
  it("is a rule set factgate accepts, ten times as long", async () => {
    const load = (dir: string) => Effect.runPromise(Rules.load(dir).pipe(Effect.provide(NodeServices.layer)))
    const grown = multiply(`${root}rules`, scratch("rules10x"), `${root}schemas/rule.schema.json`)
    expect(grown.entriesAfter).toBe(10 * grown.entriesBefore)
    const [before, after] = [await load(`${root}rules`), await load(grown.dir)]
    expect(after.attribution.labels?.length).toBe(10 * (before.attribution.labels?.length ?? 0))
  }, 60_000)
})
