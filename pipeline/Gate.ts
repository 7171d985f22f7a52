/**
 * Gate: score and findings → pass or fail, against the thresholds in the
 * gates rule file.
 */
import type { Finding } from "./Analyse.ts"
import type { Gates } from "./Rules.ts"
import type { Score } from "./Score.ts"

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

/** Check one article against every configured threshold. */
export const gate = (gates: Gates, score: Score, findings: ReadonlyArray<Finding>): Verdict => {
  const failures: Array<Failure> = []
  const errors = findings.filter((f) => f.severity === "error").length
  const warnings = findings.filter((f) => f.severity === "warning").length
  if (gates.minScore !== undefined && score.value < gates.minScore) {
    failures.push({ gate: "minScore", message: `score ${score.value} is below the minimum of ${gates.minScore}` })
  }
  if (gates.maxErrors !== undefined && errors > gates.maxErrors) {
    failures.push({ gate: "maxErrors", message: `${errors} errors, more than the ${gates.maxErrors} allowed` })
  }
  if (gates.maxWarnings !== undefined && warnings > gates.maxWarnings) {
    failures.push({ gate: "maxWarnings", message: `${warnings} warnings, more than the ${gates.maxWarnings} allowed` })
  }
  return { passed: failures.length === 0, failures }
}
