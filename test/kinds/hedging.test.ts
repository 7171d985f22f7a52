import { beforeAll, describe, expect, it } from "vitest"
import * as Analyse from "../../pipeline/Analyse.ts"
import { normalise } from "../../pipeline/Normalise.ts"
import type { RuleSet } from "../../pipeline/Rules.ts"
import { defaultRules, messages } from "../support.ts"

/** Each cue as `text [type, voice]`, sentence by sentence. */
const cues = (rules: RuleSet, text: string) =>
  Analyse.make(rules)(normalise(text)).sentences.flatMap((s) => s.cues.map((c) => `${c.text} [${c.type}, ${c.voice}]`))

const verification = (rules: RuleSet, text: string) =>
  Analyse.make(rules)(normalise(text)).sentences.map((s) => s.verification ?? "-")

describe("hedging and verification with the default rules", () => {
  let rules: RuleSet
  beforeAll(async () => {
    rules = await defaultRules()
  })

  it("types each cue", () => {
    expect(cues(rules, "The strike may have hit a depot. Officials believe it was deliberate. If talks fail, fighting resumes.")).toEqual([
      "may [epistemic, reporter]",
      "Officials [weasel, reporter]",
      "believe [doxastic, reporter]",
      "If [condition, reporter]"
    ])
  })

  it("gives a hedge inside a quote to the speaker, and reports only the reporter's", () => {
    const text = "\"The convoy was reportedly hit,\" the minister said. The convoy was reportedly hit."
    expect(cues(rules, text)).toEqual(["reportedly [epistemic, quoted]", "reportedly [epistemic, reporter]"])
    expect(messages(rules, text).filter((m) => m.includes("hedge"))).toEqual([
      "1:68-1:78: Unexpected hedge `reportedly`, attribute the claim or state it plainly [hedge-epistemic]"
    ])
  })

  it("takes a vague source of speech for a weasel, not a vague holder of a stance", () => {
    expect(cues(rules, "Analysts say the bill is dead.")).toEqual(["Analysts [weasel, reporter]"])
    expect(cues(rules, "Analysts oppose the bill.")).toEqual([])
  })

  it("leaves a hedge in a stance's content to the reporter, and one in speech to the speaker", () => {
    expect(cues(rules, "Ukraine seeks binding promises, potentially outside NATO.")).toEqual(["potentially [epistemic, reporter]"])
    expect(cues(rules, "The minister said talks would potentially resume.")).toEqual(["potentially [epistemic, attributed]"])
  })

  it("never takes said, told or according to for a hedge", () => {
    expect(cues(rules, "The minister said the bridge was closed. She told reporters it was safe. According to the ministry, it reopened.")).toEqual([])
  })

  it("flags speculation about a party's views when no source is given", () => {
    expect(messages(rules, "Ankara would view any deal as a positive step.")).toContain(
      "1:8-1:18: Unexpected speculation `would view` with no source, say who expects this [speculation]"
    )
  })

  it("records a condition without reporting it", () => {
    expect(messages(rules, "If the talks fail, the fighting resumes.")).toEqual([])
    expect(cues(rules, "If the talks fail, the fighting resumes.")).toEqual(["If [condition, reporter]"])
  })

  it("attaches a disclosure to the claim it qualifies", () => {
    expect(verification(rules, "Ryabkov said Russia was ready. These comments have not been independently verified.")).toEqual([
      "unverified-disclosed",
      "unverified-disclosed"
    ])
    expect(verification(rules, "The claim could not be confirmed. The ministry declined to comment. The army denied it.")).toEqual([
      "unverified-disclosed",
      "declined-to-comment",
      "denied"
    ])
  })

  it("stays bounded on 5,000 hedge words and deeply nested quotes", () => {
    const hedges = Array.from({ length: 5000 }, (_, i) => ["may", "reportedly", "perhaps", "allegedly", "likely"][i % 5]).join(" ")
    const nested = `${"\"He said ".repeat(300)}no${"\"".repeat(300)}.`
    expect(cues(rules, `${hedges}.`).length).toBeGreaterThan(4000)
    expect(() => cues(rules, nested)).not.toThrow()
  })
})
