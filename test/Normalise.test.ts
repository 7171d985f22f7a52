import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { normalise } from "../pipeline/Normalise.ts"
import { rulesNamed } from "./support.ts"
import { toOriginal } from "../pipeline/SourceMap.ts"

// Text made of the characters normalisation touches, mixed with plain words.
const messy = fc
  .array(
    fc.constantFrom(
      "word", " ", "\n", "\r\n", "\r", "\uFEFF", "\u200B", "\u00A0", "\u2019", "\u201C", "\u201D",
      "e\u0301", "\u212B", "—", "said.", "Zelenskyy’s", "\t", "\u2060", "'", "''", "``"
    ),
    { maxLength: 60 }
  )
  .map((parts) => parts.join(""))

describe("normalise", () => {
  it("rewrites what makes matching brittle", () => {
    const { map, removed } = normalise("\uFEFFHe said \u201Cno\u201D.\r\nIt\u2019s\u00A0over\u200B.")
    expect(map.text).toBe("He said \"no\".\nIt's over.")
    expect(removed).toEqual([
      { start: 0, end: 1, text: "\uFEFF", reason: "byte-order-mark" },
      { start: 25, end: 26, text: "\u200B", reason: "zero-width-space" }
    ])
  })

  it("splits paragraphs by line, trimmed", () => {
    const { map, paragraphs } = normalise("  First line.  \n\nSecond line.\n")
    expect(paragraphs.map((p) => map.text.slice(p.start, p.end))).toEqual(["First line.", "Second line."])
  })

  it("keeps a line that introduces the next paragraph in the body, not as its heading", async () => {
    const rules = await rulesNamed()
    const text = [
      "Limbaugh Slams Clinton Over Debate Prep",
      "Rush Limbaugh spent much of his Monday show on the coming debate and on the moderators.",
      "Limbaugh added:",
      "And from a supposed front-runner, this reeks of some of the greatest hypocrisy I have seen in years.",
      "Video Transcript:",
      "The full exchange between the two hosts ran for several minutes on the air that night."
    ].join("\n\n")
    const { blocks } = normalise(text, { boilerplate: rules.boilerplate, structure: rules.structure })
    expect(blocks.map((b) => `${b.role}: ${text.slice(b.start, b.end).slice(0, 20)}`)).toEqual([
      "title: Limbaugh Slams Clint",
      "standfirst: Rush Limbaugh spent ",
      "body: Limbaugh added:",
      "body: And from a supposed ",
      "heading: Video Transcript:",
      "body: The full exchange be"
    ])
  })

  it("is idempotent", () => {
    fc.assert(fc.property(messy, (text) => {
      const once = normalise(text).map.text
      expect(normalise(once).map.text).toBe(once)
    }))
  })

  it("maps every kept character back to where it came from", () => {
    fc.assert(fc.property(messy, (text) => {
      const { map } = normalise(text)
      for (let i = 0; i < map.text.length; i++) {
        const span = toOriginal(map, { start: i, end: i + 1 })
        const source = text.slice(span.start, span.end)
        // A copied character is itself; a rewritten unit normalises to what was kept.
        expect(source.normalize("NFC").length === 0 ? "" : normalise(source).map.text).toContain(map.text[i])
      }
    }))
  })

  it("maps every span to whole units of the original, in order", () => {
    fc.assert(fc.property(messy, fc.nat(), fc.nat(), (text, a, b) => {
      const { map } = normalise(text)
      const start = Math.min(a, b) % (map.text.length + 1)
      const end = Math.max(start, Math.max(a, b) % (map.text.length + 1))
      const span = toOriginal(map, { start, end })
      expect(span.start).toBeLessThanOrEqual(span.end)
      expect(span.end).toBeLessThanOrEqual(text.length)
      if (end > start) expect(normalise(text.slice(span.start, span.end)).map.text.trim()).toContain(map.text.slice(start, end).trim())
    }))
  })

  it("accounts for every character: kept, rewritten or removed", () => {
    fc.assert(fc.property(messy, (text) => {
      const { map, removed } = normalise(text)
      const covered = new Uint8Array(text.length)
      for (let i = 0; i < map.text.length; i++) covered.fill(1, map.starts[i]!, map.ends[i]!)
      for (const r of removed) covered.fill(1, r.start, r.end)
      expect(covered.every((c) => c === 1)).toBe(true)
    }))
  })
})
