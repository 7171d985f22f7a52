/**
 * Schemas: the JSON Schemas at every boundary, compiled once into validators.
 *
 * One ajv instance serves the whole process; each validator turns ajv's
 * errors into problems that carry a path into the checked value, so callers
 * can point at the line and column the value came from.
 */
import type { ErrorObject, ValidateFunction } from "ajv"
import { Ajv2020 } from "ajv/dist/2020.js"
import addFormatsModule, { type FormatsPlugin } from "ajv-formats"
import articleSchema from "../schemas/article.schema.json" with { type: "json" }
import indexSchema from "../schemas/index.schema.json" with { type: "json" }
import reportSchema from "../schemas/report.schema.json" with { type: "json" }
import ruleSchema from "../schemas/rule.schema.json" with { type: "json" }

/** One way a value breaks its schema. */
export interface Problem {
  /** Keys from the root of the value to the offending part. */
  readonly path: ReadonlyArray<string | number>
  readonly message: string
  /** The problem is the key at the end of `path` itself, not its value. */
  readonly atKey?: true
}

/** Checks a value, returning its problems: none means valid. */
export type Check = (value: unknown) => ReadonlyArray<Problem>

// ajv-formats is CommonJS; its callable export sits on `.default` under ESM.
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default

// strictRequired is off because article.schema.json requires `text` or `html` in its
// oneOf branches while declaring them once, at the top.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, discriminator: true })
addFormats(ajv)

const describe = (error: ErrorObject): Problem => {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key))
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params["additionalProperty"])
      return { path: [...path, key], message: `unknown key \`${key}\``, atKey: true }
    }
    case "enum":
      return {
        path,
        message: `must be one of ${(error.params["allowedValues"] as Array<unknown>).map((v) => JSON.stringify(v)).join(", ")}`
      }
    default:
      return { path, message: error.message ?? error.keyword }
  }
}

// A discriminated oneOf also reports that no branch matched; the branch's own
// errors (or the enum of known kinds) already say why, so that line is noise.
const summaries = new Set(["oneOf", "discriminator"])

const checker = (validate: ValidateFunction): Check => (value) => {
  if (validate(value)) return []
  const errors = validate.errors ?? []
  const specific = errors.filter((error) => !summaries.has(error.keyword))
  // Alternatives that each require a key ("text" or "html") read as one choice.
  const alternatives = specific.filter((error) => error.keyword === "required" && error.schemaPath.includes("/oneOf/"))
  const choice: Array<Problem> = alternatives.length > 1
    ? [{
      path: describe(alternatives[0]!).path,
      message: `must have ${alternatives.map((error) => `\`${String(error.params["missingProperty"])}\``).join(" or ")}`
    }]
    : alternatives.map(describe)
  const rest = specific.filter((error) => !alternatives.includes(error))
  return specific.length > 0 ? [...choice, ...rest.map(describe)] : errors.map(describe)
}

/**
 * A check compiled when first used, then kept: compiling the four schemas
 * took about 100 ms of every start, and a run served from the cache uses
 * none of them (its rules, reports and index are the ones checked before).
 */
const compiledOnUse = (schema: object): Check => {
  let check: Check | undefined
  return (value) => (check ??= checker(ajv.compile(schema)))(value)
}

/** Checks one NDJSON input article. */
export const checkArticle: Check = compiledOnUse(articleSchema)
/** Checks one rule file's parsed YAML. */
export const checkRule: Check = compiledOnUse(ruleSchema)
/** Checks one report before it is written. */
export const checkReport: Check = compiledOnUse(reportSchema)

/** Checks the batch index before it is written. */
export const checkIndex: Check = compiledOnUse(indexSchema)

/** The versioned `$id` every report names in its `schema` field. */
export const reportSchemaId: string = reportSchema.$id

/** Render problems as one line each: `path: message`. */
export const formatProblems = (problems: ReadonlyArray<Problem>): string =>
  problems.map((p) => `${p.path.length === 0 ? "(root)" : p.path.join(".")}: ${p.message}`).join("; ")

/** The versioned `$id` the batch index names in its `schema` field. */
export const indexSchemaId: string = indexSchema.$id
