import { beforeAll, describe, expect, it } from "vitest"
import type { RuleSet } from "../../pipeline/Rules.ts"
import { defaultRules, messages } from "../support.ts"
import { cases } from "./SourceCheck.cases.ts"

// Every rule is loaded, as in a real run (a check may depend on what others
// record, such as verification statuses); only the rule under test is read.
describe.each(Object.entries(cases))("source-check %s", (id, { valid, invalid }) => {
  let rules: RuleSet
  const own = (text: string) => messages(rules, text).filter((m) => m.endsWith(`[${id}]`))
  beforeAll(async () => {
    rules = await defaultRules()
  })

  it.each(valid)("valid: %s", (text) => {
    expect(own(text)).toEqual([])
  })

  it.each(invalid)("invalid: $text", ({ text, errors }) => {
    expect(own(text)).toEqual(errors)
  })
})
