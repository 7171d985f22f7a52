import { beforeAll, describe, expect, it } from "vitest"
import * as Analyse from "../../pipeline/Analyse.ts"
import { normalise } from "../../pipeline/Normalise.ts"
import type { RuleSet } from "../../pipeline/Rules.ts"
import { rulesNamed } from "../support.ts"

/** Each relation as a reader would summarise it: `source (kind) / cue [via …]`. */
const relations = (rules: RuleSet, text: string) =>
  Analyse.make(rules)(normalise(text)).attributions.map((a) => {
    const source = `${a.source.text} (${a.source.kind}${a.source.outletType ? `, ${a.source.outletType}` : ""}${a.source.resolvesTo ? ` → ${a.source.resolvesTo}` : ""})`
    const via = a.via.length > 0 ? ` via ${a.via.map((v) => v.resolvesTo ?? v.outlet ?? v.text).join(", ")}` : ""
    return `${source} / ${a.cue.text}${via}`
  })

describe("attribution kind", () => {
  let rules: RuleSet
  beforeAll(async () => {
    rules = await rulesNamed()
  })

  it.each([
    ["Sergei Ryabkov said Russia was ready to sign.", "Sergei Ryabkov (named-person) / said"],
    ["A senior Russian official declared the offer open.", "A senior Russian official (described-official) / declared"],
    ["Sources familiar with the talks said the deal was close.", "Sources familiar with the talks (anonymous) / said"],
    ["Analysts view the move as a signal.", "Analysts (vague-collective) / view"],
    ["Moscow insists its posture is defensive.", "Moscow (state) / insists"],
    ["The Russian Embassy in Belgium said the talks would go on.", "The Russian Embassy in Belgium (named-organisation) / said"],
    ["The report said exports fell.", "The report (document) / said"],
    ["According to Reuters, exports fell.", "Reuters (media-outlet, wire) / According to"],
    ["Zelenskyy's chief of staff has firmly stated that ceding territory is not an option.", "Zelenskyy's chief of staff (described-official) / stated"]
  ])("types the source: %s", (text, expected) => {
    expect(relations(rules, text)).toEqual([expected])
  })

  it("finds the source on either side of its cue", () => {
    expect(relations(rules, "Putin has frequently said the West deceived Russia.")).toEqual(["Putin (named-person) / said"])
    expect(relations(rules, "\"We will act,\" said Caddell.")).toEqual(["Caddell (named-person) / said"])
    expect(relations(rules, "Ott Pruitt, the attorney general of Oklahoma, said the rule was unlawful.")).toEqual([
      "Ott Pruitt (named-person) / said"
    ])
  })

  it("resolves pronouns to the nearest earlier named source", () => {
    expect(relations(rules, "Jens Stoltenberg has countered that the alliance does not force expansion.\n\"No, the East decides to join NATO,\" he said.")).toEqual([
      "Jens Stoltenberg (named-person) / countered",
      "he (pronoun → Jens Stoltenberg) / said"
    ])
  })

  it("follows chains through outlets and documents", () => {
    expect(relations(rules, "The Russian Embassy in Belgium told Izvestia that Moscow wants a written commitment.")).toContain(
      "The Russian Embassy in Belgium (named-organisation) / told via Izvestia"
    )
    expect(relations(rules, "Reuters reported last year, citing sources familiar with negotiations, that Putin sought guarantees.")).toEqual([
      "Reuters (media-outlet, wire) / reported",
      "sources familiar with negotiations (anonymous) / citing via Reuters"
    ])
    expect(relations(rules, "The announcement was reported by the state-controlled RIA Novosti news agency. According to the report, Ryabkov stated that Russia is ready.")).toEqual([
      "the state-controlled RIA Novosti news agency (media-outlet, state-owned) / reported by",
      "the report (document → RIA Novosti) / According to",
      "Ryabkov (named-person) / stated via RIA Novosti"
    ])
  })

  it("keeps the longest cue where two overlap", () => {
    expect(relations(rules, "The plan was reported by Reuters.")).toEqual(["Reuters (media-outlet, wire) / reported by"])
  })

  it("does not take nouns for cues", () => {
    expect(relations(rules, "The United States sent aid. Binding promises were made. His plans changed.")).toEqual([])
  })

  it("leaves a quoted speaker's own \"I think\" to the speaker", () => {
    expect(relations(rules, "\"I think it is over,\" she said.")).toEqual(["she (pronoun) / said"])
  })

  it("stays bounded on hostile input", () => {
    const long = `${"the officials and analysts ".repeat(100)}said it.` // a 400-word sentence
    const caps = "THE MINISTER SAID THE TALKS HAD FAILED AND OFFICIALS SAID NOTHING."
    const quotes = "\"\"He said \"that \"\"\" she \"said\" \"\"\"."
    for (const text of [long, caps, quotes, "...", "— — —", "12 34 56"]) {
      expect(() => relations(rules, text)).not.toThrow()
    }
  })
})
