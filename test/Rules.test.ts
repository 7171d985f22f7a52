import { NodeServices } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Ajv2020 } from "ajv/dist/2020.js"
import * as Cache from "../pipeline/Cache.ts"
import { parseRuleFile } from "../pipeline/RuleFile.ts"
import * as Rules from "../pipeline/Rules.ts"
import * as Schemas from "../pipeline/Schemas.ts"
import { componentIds } from "../pipeline/Score.ts"
import { root, scratch } from "./support.ts"

const ruleFiles = readdirSync(`${root}rules`).filter((name) => name.endsWith(".yml"))
const schemaFiles = readdirSync(`${root}schemas`).filter((name) => name.endsWith(".json"))

/** Problems in a rule file's source, as `line:col: message`. */
const problems = (source: string) =>
  parseRuleFile("rules/example.yml", source).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)

describe("schemas", () => {
  it.each(schemaFiles)("%s compiles, with a versioned $id", (name) => {
    const schema = JSON.parse(readFileSync(`${root}schemas/${name}`, "utf8"))
    expect(schema.$id).toMatch(/\/v\d+\.json$/)
    const ajv = new Ajv2020({ strict: false, discriminator: true, validateFormats: false })
    expect(() => ajv.compile(schema)).not.toThrow()
  })

  it("each compiles as the pipeline compiles it (strict, with formats), on first use", () => {
    for (const check of [Schemas.checkArticle, Schemas.checkRule, Schemas.checkReport, Schemas.checkIndex]) {
      expect(check({}).length).toBeGreaterThan(0)
    }
  })

  it("names exactly the score components the code computes", () => {
    const schema = JSON.parse(readFileSync(`${root}schemas/rule.schema.json`, "utf8"))
    expect(schema.$defs.scoring.properties.components.items.properties.id.enum).toEqual(componentIds)
  })
})

describe("rule files", () => {
  it.each(ruleFiles)("rules/%s validates", (name) => {
    expect(parseRuleFile(`rules/${name}`, readFileSync(`${root}rules/${name}`, "utf8")).problems).toEqual([])
  })

  it.effect("the default rules load", () =>
    Effect.gen(function*() {
      const rules = yield* Rules.load(`${root}rules`)
      expect(rules.phrase.map((rule) => rule.id)).toContain("hedge-epistemic")
      expect(rules.checks.map((rule) => rule.id)).toContain("vague-source")
      expect(rules.attribution.id).toBe("attribution")
      expect(rules.outlets.map((outlet) => outlet.name)).toContain("RIA Novosti")
    }).pipe(Effect.provide(NodeServices.layer)))

  it.effect("loads the same rules from the values a run found valid, without their YAML", () =>
    Effect.gen(function*() {
      const kept = new Map<string, Readonly<Record<string, unknown>>>()
      const checked: Rules.Checked = { get: (digest) => kept.get(digest), set: (digest, values) => void kept.set(digest, values) }
      const parsed = yield* Rules.load(`${root}rules`, checked)
      expect(kept.size).toBe(1)
      // The kept values are what is served: a message changed in the kept copy comes through.
      const [[digest, values]] = [...kept]
      kept.set(digest, { ...values, "weasel.yml": { ...(values["weasel.yml"] as object), message: "from the kept values" } })
      const served = yield* Rules.load(`${root}rules`, checked)
      expect(served.phrase.find((rule) => rule.id === "weasel")?.message).toBe("from the kept values")
      // The rest is the same (the values themselves differ by that message).
      expect({ ...served, phrase: served.phrase.filter((rule) => rule.id !== "weasel"), values: {} }).toEqual({
        ...parsed,
        phrase: parsed.phrase.filter((rule) => rule.id !== "weasel"),
        values: {}
      })
    }).pipe(Effect.provide(NodeServices.layer)))

  it.effect("builds the rule set a worker thread analyses with from the checked values alone, as loaded", () =>
    Effect.gen(function*() {
      const dir = scratch("rules")
      cpSync(`${root}rules`, dir, { recursive: true })
      const loaded = yield* Rules.load(dir)
      // A file edited after the batch started changes nothing for its workers.
      writeFileSync(join(dir, "weasel.yml"), "kind: phrase\n")
      const built = yield* Rules.fromChecked(dir, loaded.digest, loaded.values)
      expect(built).toEqual(loaded)
      // A value that does not compile is an error naming its file.
      const spoilt = { ...loaded.values, "boilerplate.yml": { ...(loaded.values["boilerplate.yml"] as object), patterns: { nav: ["("] } } }
      const error = yield* Effect.flip(Rules.fromChecked(dir, loaded.digest, spoilt))
      expect(error.message).toContain("boilerplate.yml")
    }).pipe(Effect.provide(NodeServices.layer)))

  it.effect("reads a rule file again when the value kept for it is spoilt, and keeps it mended", () =>
    Effect.gen(function*() {
      const dir = scratch("rules")
      yield* Rules.load(`${root}rules`, Cache.checkedRules(dir))
      const kept = readdirSync(dir, { recursive: true, encoding: "utf8" }).find((name) => name.endsWith("rules.json"))!
      const keptValues = () => JSON.parse(readFileSync(join(dir, kept), "utf8").split("\n")[1]!) as Record<string, unknown>
      const values = keptValues()
      const [hash] = readFileSync(join(dir, kept), "utf8").split("\n")
      writeFileSync(join(dir, kept), `${hash}\n${JSON.stringify({ ...values, "gates.yml": {} })}`)
      const rules = yield* Rules.load(`${root}rules`, Cache.checkedRules(dir))
      expect(rules.gates.minScore).toBeTypeOf("number")
      expect(keptValues()["gates.yml"]).toEqual(values["gates.yml"])
    }).pipe(Effect.provide(NodeServices.layer)))

  it("takes the editors' labels as single words", () => {
    const attribution = readFileSync(`${root}rules/attribution.yml`, "utf8")
    expect(problems(attribution.replace("labels: [Correction,", "labels: [Editor's note,"))).toEqual([
      expect.stringMatching(/^rules\/example\.yml:\d+:\d+: must match pattern/)
    ])
  })

  it("points an unknown key at its line and column", () => {
    expect(problems("kind: gates\nminScore: 50\nmaxErorrs: 1\n")).toEqual([
      "rules/example.yml:3:1: unknown key `maxErorrs`"
    ])
  })

  it("lists the allowed values of a bad enum", () => {
    expect(problems("kind: phrase\ncategory: hedging\nlevel: loud\nmessage: m\nurl: https://example.org\nphrases: [a]\n")).toEqual([
      "rules/example.yml:3:8: must be one of \"error\", \"warning\", \"info\", \"off\""
    ])
  })

  it("names an unknown rule kind", () => {
    expect(problems("kind: spelling\n")).toEqual([
      "rules/example.yml:1:7: must be one of \"phrase\", \"attribution\", \"outlets\", \"source-check\", \"text-check\", \"boilerplate\", \"structure\", \"scoring\", \"gates\", \"claims\", \"relative-time\""
    ])
  })

  it("reports broken YAML with its position", () => {
    expect(problems("kind: phrase\nphrases: [a, b\n")).toEqual([
      expect.stringMatching(/^rules\/example\.yml:\d+:\d+: invalid YAML: /)
    ])
  })

  it.effect("fails on a rules directory without the scoring and gates files", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Rules.load(`${root}test/fixtures/rules-missing-gates`))
      expect(error.message).toContain("expected exactly one rule file of kind `gates`, found 0")
    }).pipe(Effect.provide(NodeServices.layer)))
})
