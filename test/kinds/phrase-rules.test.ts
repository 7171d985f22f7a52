import { beforeAll, describe, expect, it } from "vitest"
import * as Analyse from "../../pipeline/Analyse.ts"
import { normalise } from "../../pipeline/Normalise.ts"
import type { RuleSet } from "../../pipeline/Rules.ts"
import { defaultRules } from "../support.ts"
import { cases } from "./Phrase.cases.ts"

/** What one rule finds in a text, with every other rule loaded too, as in a real run. */
const found = (rules: RuleSet, id: string, text: string) => {
  const analysis = Analyse.make(rules)(normalise(text))
  const rule = rules.phrase.find((r) => r.id === id)!
  return rule.finding === false
    ? analysis.sentences.flatMap((s) => s.cues).filter((c) => c.ruleId === id).map((c) => c.text)
    : analysis.findings.filter((f) => f.ruleId === id).map((f) => f.text)
}

describe.each(Object.entries(cases))("phrase rule %s", (id, { valid, invalid }) => {
  let rules: RuleSet
  beforeAll(async () => {
    rules = await defaultRules()
  })

  it.each(valid)("valid: %s", (text) => {
    expect(found(rules, id, text)).toEqual([])
  })

  it.each(invalid)("invalid: $text", ({ text, found: expected }) => {
    expect(found(rules, id, text)).toEqual(expected)
  })
})
