import { beforeAll, describe, expect, it } from "vitest"
import type { RuleSet } from "../../pipeline/Rules.ts"
import { messages, rulesNamed } from "../support.ts"

// RuleTester-style cases for the phrase kind, through rules/hedge.yml and
// rules/verification-disclosed.yml as a standards editor would ship them.
const cases = {
  valid: [
    "The minister said the talks would resume on Monday.",
    "Officials told reporters the bridge was closed.",
    "According to the ministry, 40 people were evacuated.",
    "The word \"reportedly\" is on the style guide's list."
  ],
  invalid: [
    {
      text: "The convoy was reportedly hit near the border.",
      errors: ["1:16-1:26: Unexpected hedge `reportedly`, attribute the claim or state it plainly [hedge-epistemic]"]
    },
    {
      text: "The move appears to be a bid for time.\nIt may be intended as a signal.",
      errors: [
        "1:10-1:20: Unexpected hedge `appears to`, attribute the claim or state it plainly [hedge-epistemic]",
        "2:4-2:7: Unexpected hedge `may`, attribute the claim or state it plainly [hedge-epistemic]"
      ]
    },
    {
      text: "The move is seen as a bid for time.",
      errors: ["1:10-1:20: Unexpected agentless attribution `is seen as`, say who holds this view [agentless-attribution]"]
    },
    {
      text: "These comments have not yet been independently verified.",
      errors: ["1:21-1:56: Verification status disclosed: `not yet been independently verified` [verification-disclosed]"]
    }
  ]
}

describe("phrase kind", () => {
  let rules: RuleSet
  beforeAll(async () => {
    rules = await rulesNamed("hedge-epistemic", "verification-disclosed", "agentless-attribution")
  })

  it.each(cases.valid)("valid: %s", (text) => {
    expect(messages(rules, text)).toEqual([])
  })

  it.each(cases.invalid)("invalid: $text", ({ text, errors }) => {
    expect(messages(rules, text)).toEqual(errors)
  })
})
