/**
 * Gate: score, findings and claims → pass or fail, against the thresholds in
 * the gates rule file (or the command line's `--fail-on`, which overrides it).
 */
import { Data } from "effect"
import type { Claim } from "./Claims.ts"
import type { Checked } from "./Report.ts"
import type { Gates } from "./Rules.ts"
import { checkable, type Score } from "./Score.ts"

/** Why an article failed one gate. */
export interface Failure {
  readonly gate: string
  readonly message: string
}

/** The gate verdict. */
export interface Verdict {
  readonly passed: boolean
  readonly failures: ReadonlyArray<Failure>
}

const levels = ["error", "warning", "info"] as const

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`
const round = (n: number) => Math.round(n * 100) / 100

/** The first paragraph of the body, as an offset range into the original. */
const lead = (checked: Checked) => checked.text.blocks.find((block) => block.role === "body")

/** Check one article against every configured threshold. */
export const gate = (
  gates: Gates,
  input: { readonly checked: Checked; readonly claims: ReadonlyArray<Claim>; readonly score: Score; readonly checkableSources: ReadonlyArray<string> }
): Verdict => {
  const { checked, claims, score } = input
  const failures: Array<Failure> = []
  if (gates.minScore !== undefined && score.value < gates.minScore) {
    failures.push({ gate: "minScore", message: `score ${score.value} is below the minimum of ${gates.minScore}` })
  }
  for (const level of levels) {
    const max = gates.maxFindings?.[level]
    if (max === undefined) continue
    const count = checked.findings.filter((f) => f.severity === level).length
    if (count > max) failures.push({ gate: `maxFindings.${level}`, message: `${plural(count, level)}, more than the ${max} allowed` })
  }

  const { density } = gates
  const words = Math.max(checked.words, 1)
  if (density?.minNamedSourcesPer300Words !== undefined && checked.words > 0) {
    const named = checked.attributions.filter((a) => checkable(a.source, input.checkableSources)).length
    const per300 = (named / words) * 300
    if (per300 < density.minNamedSourcesPer300Words) {
      failures.push({
        gate: "density.minNamedSourcesPer300Words",
        message: `${plural(named, "named source")} in ${plural(checked.words, "word")} (${round(per300)} per 300 words, at least ${density.minNamedSourcesPer300Words} required)`
      })
    }
  }
  if (density?.maxReporterHedgesPer100Words !== undefined) {
    const hedges = checked.sentences.reduce((sum, s) => sum + s.cues.filter((cue) => cue.voice === "reporter").length, 0)
    const per100 = (hedges / words) * 100
    if (per100 > density.maxReporterHedgesPer100Words) {
      failures.push({
        gate: "density.maxReporterHedgesPer100Words",
        // Weasel cues count with the hedges ("Critics say", "it is believed"): the message names both, as the findings do.
        message: `${plural(hedges, "hedge or weasel word", "hedges or weasel words")} in the reporter's voice in ${plural(checked.words, "word")} (${round(per100)} per 100 words, at most ${density.maxReporterHedgesPer100Words} allowed)`
      })
    }
  }

  const first = lead(checked)
  if (gates.anonymousLeadClaims === false && first !== undefined) {
    const anonymous = claims.filter((claim) =>
      claim.start < first.end && claim.end > first.start &&
      claim.attributions.length > 0 &&
      claim.attributions.every((i) => checked.attributions[i]?.source.kind === "anonymous")
    )
    for (const claim of anonymous) {
      failures.push({ gate: "anonymousLeadClaims", message: `the first paragraph's claim "${claim.text.slice(0, 80)}" rests only on anonymous sources` })
    }
  }
  return { passed: failures.length === 0, failures }
}

/** A `--fail-on` value could not be read. */
export class FailOnInvalid extends Data.TaggedError("FailOnInvalid")<{
  readonly spec: string
  readonly problem: string
}> {
  override get message() {
    return `--fail-on ${this.spec}: ${this.problem}`
  }
}

/**
 * Apply `--fail-on` overrides to the gates. Each is `error`, `warning` or
 * `info` (fail on any finding at that level or above, as ESLint's
 * `--max-warnings 0` does), or `name=value` for any gate in gates.yml:
 * `minScore=70`, `maxFindings.warning=3`, `density.minNamedSourcesPer300Words=2`,
 * `anonymousLeadClaims=false`.
 */
export const override = (gates: Gates, specs: ReadonlyArray<string>): Gates => {
  let result: Gates = gates
  for (const spec of specs) {
    const level = levels.indexOf(spec as (typeof levels)[number])
    if (level >= 0) {
      const strict = Object.fromEntries(levels.slice(0, level + 1).map((name) => [name, 0]))
      result = { ...result, maxFindings: { ...result.maxFindings, ...strict } }
      continue
    }
    const match = /^(minScore|maxFindings\.(?:error|warning|info)|density\.(?:minNamedSourcesPer300Words|maxReporterHedgesPer100Words)|anonymousLeadClaims)=(.+)$/.exec(spec)
    if (!match) {
      throw new FailOnInvalid({
        spec,
        problem: "expected error, warning, info or name=value, with name one of minScore, maxFindings.error, maxFindings.warning, maxFindings.info, density.minNamedSourcesPer300Words, density.maxReporterHedgesPer100Words, anonymousLeadClaims"
      })
    }
    const [, name, raw] = match as unknown as [string, string, string]
    if (name === "anonymousLeadClaims") {
      if (raw !== "true" && raw !== "false") throw new FailOnInvalid({ spec, problem: "anonymousLeadClaims takes true or false" })
      result = { ...result, anonymousLeadClaims: raw === "true" }
      continue
    }
    const value = Number(raw)
    if (!Number.isFinite(value) || value < 0 || (name.startsWith("maxFindings") && !Number.isInteger(value)) || (name === "minScore" && value > 100)) {
      throw new FailOnInvalid({ spec, problem: `${raw} is not a valid value for ${name}` })
    }
    const [group, key] = name.split(".") as [string, string | undefined]
    result = key === undefined
      ? { ...result, [group]: value }
      : { ...result, [group]: { ...(result[group as "maxFindings" | "density"] ?? {}), [key]: value } }
  }
  return result
}
