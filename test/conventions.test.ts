import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { cases as phraseCases } from "./kinds/Phrase.cases.ts"
import { cases as checkCases } from "./kinds/SourceCheck.cases.ts"
import { root } from "./support.ts"

// Every rule that reports findings has test cases, and cites the standard it enforces.
const reporting = readdirSync(`${root}rules`)
  .filter((name) => name.endsWith(".yml"))
  .map((name) => ({ id: name.replace(/\.yml$/, ""), rule: parse(readFileSync(`${root}rules/${name}`, "utf8")) as { kind: string; url?: string } }))
  .filter(({ rule }) => ["phrase", "source-check", "text-check"].includes(rule.kind))

// Text checks run on whole articles; their cases live with the extraction tests.
const articleLevel = new Set(["empty-body"])

describe("conventions", () => {
  it.each(reporting.map(({ id, rule }) => [id, rule.kind, rule.url]))("%s (%s) has cases and links to %s", (id, kind) => {
    const covered = kind === "phrase" ? id in phraseCases : kind === "source-check" ? id in checkCases : articleLevel.has(id)
    expect(covered).toBe(true)
  })
})
