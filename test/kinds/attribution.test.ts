import { beforeAll, describe, expect, it } from "vitest"
import * as Analyse from "../../pipeline/Analyse.ts"
import { normalise } from "../../pipeline/Normalise.ts"
import type { RuleSet } from "../../pipeline/Rules.ts"
import { messages, rulesNamed } from "../support.ts"

// RuleTester-style cases for the attribution kind, through rules/attribution.yml.
const cases = {
  valid: [
    "Sergei Ryabkov said Russia was ready to sign.",
    "According to the ministry, the talks will resume.",
    "The bridge was closed on Monday."
  ],
  invalid: [
    {
      text: "According to Russian officials, the talks failed.",
      errors: ["1:14-1:31: Unexpected vague source `Russian officials`, name who said it [attribution]"]
    },
    {
      text: "The decision was final, analysts said.",
      errors: ["1:25-1:33: Unexpected vague source `analysts`, name who said it [attribution]"]
    },
    {
      text: "Reuters reported the offer, citing sources familiar with the talks.",
      errors: ["1:36-1:67: Unexpected vague source `sources familiar with the talks`, name who said it [attribution]"]
    }
  ]
}

/** Each relation as `source (kind) / cue`. */
const relations = (rules: RuleSet, text: string) =>
  Analyse.make(rules)(normalise(text)).attributions.map((a) => `${a.source.text} (${a.source.kind}) / ${a.cue.text}`)

describe("attribution kind", () => {
  let rules: RuleSet
  beforeAll(async () => {
    rules = await rulesNamed("attribution")
  })

  it.each(cases.valid)("valid: %s", (text) => {
    expect(messages(rules, text)).toEqual([])
  })

  it.each(cases.invalid)("invalid: $text", ({ text, errors }) => {
    expect(messages(rules, text)).toEqual(errors)
  })

  it("finds the source on either side of its cue", () => {
    expect(relations(rules, "Putin has frequently said the West deceived Russia.")).toEqual(["Putin (named-person) / said"])
    expect(relations(rules, "It was reported by the state-controlled RIA Novosti news agency.")).toEqual([
      "the state-controlled RIA Novosti news agency (named-organisation) / reported by"
    ])
    expect(relations(rules, "\"No, the East decides,\" he said.")).toEqual(["he (pronoun) / said"])
  })

  it("keeps the longest cue where two overlap", () => {
    expect(relations(rules, "The plan was reported by Reuters.")).toEqual(["Reuters (named-person) / reported by"])
  })
})
