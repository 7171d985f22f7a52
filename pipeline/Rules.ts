/**
 * Rules: the kinds of rule, and the rule set of a rules directory: every
 * YAML file in it, each read and checked against `schemas/rule.schema.json`
 * (`RuleFile.ts`).
 *
 * A rule's id is its file name, never repeated inside the file. Every problem
 * names the file, line and column, and all of them are reported at once so a
 * standards editor fixes a file in one round.
 */
import { Data, Effect, FileSystem, Path } from "effect"
import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type Parsed, parseRuleFile, ruleOf } from "./RuleFile.ts"
import { inWords } from "./SystemErrors.ts"

/**
 * The rules used when none are named: `rules/` in the current directory, a
 * newsroom's own house style, when it holds factgate rule files, else the
 * rules factgate comes with, so that `factgate check` works in any
 * directory, beside another tool's `rules/` too.
 */
export const defaultDir = (): string => (holdsRuleFiles("rules") ? "rules" : fileURLToPath(new URL("../rules", import.meta.url)))

/** Whether a directory holds a factgate rule file: YAML with a top-level `kind`, which another tool's rules lack. */
const holdsRuleFiles = (dir: string) => {
  try {
    return readdirSync(dir).some((name) => /\.ya?ml$/.test(name) && /^kind:/m.test(readFileSync(join(dir, name), "utf8")))
  } catch {
    return false
  }
}

/** One problem in one rule file, at a 1-based line and column. */
export interface RuleProblem {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly message: string
}

/** The rules directory, or a file in it, could not be used. */
export class RulesInvalid extends Data.TaggedError("RulesInvalid")<{
  readonly dir: string
  readonly problems: ReadonlyArray<RuleProblem>
}> {
  override get message() {
    return this.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join("\n")
  }
}

/** What every rule that reports findings shares. */
export interface Reporting {
  readonly id: string
  readonly category: string
  readonly level: "error" | "warning" | "info" | "off"
  readonly message: string
  readonly url: string
  readonly expected?: string
}

/** A list of phrases; a match is a finding and may mark its sentence. */
export interface PhraseRule extends Reporting {
  readonly kind: "phrase"
  readonly phrases: ReadonlyArray<string>
  /** Phrases that cancel a match they overlap. */
  readonly except?: ReadonlyArray<string>
  readonly certainty?: "uncertain"
  readonly cueType?: string
  readonly verification?: string
  readonly voice?: "reporter" | "any"
  readonly finding?: boolean
  readonly unlessAttributed?: boolean
}

/** A cue of attribution in all its forms, and the side its source stands on. */
export interface Cue {
  readonly phrases: ReadonlyArray<string>
  readonly source: "before" | "after" | "possessor"
  /** The source speaks through the sentence's other source: "Reuters …, citing sources". */
  readonly relay?: boolean
  /**
   * What the cue reports: speech (the default), a thought ("believes",
   * "wants"), or a stance ("plans", "refused") whose content is a position,
   * not a claim the source made.
   */
  readonly reports?: CueReport
  /** Words after which a phrase of this cue is a noun they compound with: "TV" in "a TV show". */
  readonly nounAfter?: ReadonlyArray<string>
  /** Words before which a phrase of this cue has another sense than saying: "up" in "showed up", "a" in "maintains a lead". */
  readonly otherSenseBefore?: ReadonlyArray<string>
  /** The cue puts a paper out: a paper before it, with no object after it, is what was put out ("a report issued this month"), not who spoke. */
  readonly putsOut?: boolean
}

/** What a cue reports; see `Cue.reports`. */
export type CueReport = "speech" | "thought" | "stance"

/** How attribution relations are found: cues, and the lexicons that type a source. */
export interface AttributionConfig {
  readonly id: string
  readonly kind: "attribution"
  readonly cues: ReadonlyArray<Cue>
  readonly vague: ReadonlyArray<string>
  readonly anonymous: ReadonlyArray<string>
  readonly roles: ReadonlyArray<string>
  readonly institutions: ReadonlyArray<string>
  readonly documents: ReadonlyArray<string>
  readonly states: ReadonlyArray<string>
  readonly collectives?: ReadonlyArray<string>
  /** Cue shapes found by structure rather than by phrase. */
  readonly structures?: ReadonlyArray<"that-clause" | "colon" | "quote-dash" | "survey-opening">
  /** The editors' own labels before a colon, which name no speaker: Correction, Update. */
  readonly labels?: ReadonlyArray<string>
  /** Heads of a survey that an opening "In a … poll," cites as its source: poll, survey. */
  readonly surveys?: ReadonlyArray<string>
  /** Words an outlet's name may be followed by and still name the outlet: "RIA Novosti news agency". */
  readonly outletWords?: ReadonlyArray<string>
  /** Words for a state's government, which a state's name or adjective makes the state speaking: "the Russian government". */
  readonly governmentWords?: ReadonlyArray<string>
  /** A newspaper's short name after "the": "The Times said", "the Post reported". */
  readonly mastheads?: ReadonlyArray<string>
  /** Words in a person's name or title that tell "he" from "she": first names, "Mrs.", "spokeswoman". */
  readonly genders?: { readonly female?: GenderWords; readonly male?: GenderWords }
}

/** Titles ("Mrs.", "congresswoman") and first names that say a person's gender. */
export interface GenderWords {
  readonly titles?: ReadonlyArray<string>
  readonly names?: ReadonlyArray<string>
}

/** One news outlet in the registry. */
export interface Outlet {
  readonly name: string
  readonly aliases?: ReadonlyArray<string>
  /** The word it goes by once named in full: "Times" for The New York Times. */
  readonly short?: string
  readonly type: string
  readonly owner?: string
  readonly country: string
}

/** The outlet registry. */
export interface Outlets {
  readonly kind: "outlets"
  readonly outlets: ReadonlyArray<Outlet>
}

/** The checks over attribution relations that a `source-check` rule can run. */
export type CheckName =
  | "vague-source"
  | "anonymous-source"
  | "single-interested-source"
  | "loaded-verb"
  | "unattributed-quote"
  | "unattributed-claim"
  | "unverified-single-source"

/** One check over the attribution relations, reported as findings. */
export interface SourceCheck extends Reporting {
  readonly kind: "source-check"
  readonly check: CheckName
  readonly words?: ReadonlyArray<string>
  readonly outletTypes?: ReadonlyArray<string>
}

/** One check over the article's text as a whole. */
export interface TextCheck extends Reporting {
  readonly kind: "text-check"
  readonly check: "empty-body"
}

/** Relative time words, reported when the article shows no date. */
export interface RelativeTimeRule extends Reporting {
  readonly kind: "relative-time"
  readonly phrases: ReadonlyArray<string>
}

/** What makes a sentence a check-worthy claim, and when two claims are one. */
export interface ClaimRules {
  readonly kind: "claims"
  readonly threshold: number
  readonly signals: Readonly<Record<string, { readonly weight: number; readonly words?: ReadonlyArray<string> }>>
  readonly similarity: number
  readonly conceptWeight?: number
  readonly concepts?: ReadonlyArray<ReadonlyArray<string>>
  readonly frames?: Readonly<Record<string, ReadonlyArray<string>>>
  readonly ignore?: ReadonlyArray<string>
}

/** Line patterns by kind of boilerplate, compiled, and the line heuristics. */
export interface BoilerplateRules {
  readonly patterns: ReadonlyArray<{ readonly kind: string; readonly pattern: RegExp }>
  readonly heuristics: {
    readonly patternWords: number
    readonly bodyWords: number
    readonly shortWords: number
    readonly linkRun: number
    readonly maxGap: number
  }
}

/** Patterns of the article's own metadata lines, compiled. */
export interface StructureRules {
  readonly byline: ReadonlyArray<RegExp>
  readonly date: ReadonlyArray<RegExp>
  readonly sources: ReadonlyArray<RegExp>
  readonly dateline: ReadonlyArray<RegExp>
}

/** Score components and their weights. */
export interface Scoring {
  readonly components: ReadonlyArray<{ readonly id: string; readonly weight: number }>
  /** Source kinds the sourcing component counts as checkable. */
  readonly checkableSources: ReadonlyArray<string>
  /** Outlet types whose word counts half in the sourcing component. */
  readonly halfCreditOutlets?: ReadonlyArray<string>
}

/** Thresholds an article must meet to pass. */
export interface Gates {
  readonly minScore?: number
  readonly maxFindings?: { readonly error?: number; readonly warning?: number; readonly info?: number }
  readonly density?: {
    readonly minNamedSourcesPer300Words?: number
    readonly maxReporterHedgesPer100Words?: number
  }
  /** false: a claim in the first paragraph sourced only anonymously fails. */
  readonly anonymousLeadClaims?: boolean
}

/** Every rule in a rules directory, by kind. */
export interface RuleSet {
  readonly dir: string
  /** A hash of every rule file's name and content: what a cached result depends on. */
  readonly digest: string
  readonly phrase: ReadonlyArray<PhraseRule>
  readonly attribution: AttributionConfig
  readonly outlets: ReadonlyArray<Outlet>
  readonly checks: ReadonlyArray<SourceCheck>
  readonly textChecks: ReadonlyArray<TextCheck>
  readonly relativeTime: ReadonlyArray<RelativeTimeRule>
  readonly claims: ClaimRules
  readonly boilerplate: BoilerplateRules
  readonly structure: StructureRules
  readonly scoring: Scoring
  readonly gates: Gates
  /**
   * Each file's checked value, by file name: worker threads build their rules
   * from these (`fromChecked`) rather than parse the files again, about 200 ms
   * of each one's start.
   */
  readonly values: Readonly<Record<string, unknown>>
}

/**
 * Rule files already read and found valid, by the digest of the whole set:
 * parsing YAML is most of the time loading takes, about 100 ms for the
 * default rules in a process of its own. The content-hash cache keeps them.
 */
export interface Checked {
  /**
   * Each file's checked value, by file name, for a set with this digest:
   * only values `set` was given, which the schema is not asked about again.
   */
  readonly get: (digest: string) => Readonly<Record<string, unknown>> | undefined
  readonly set: (digest: string, values: Readonly<Record<string, unknown>>) => void
}

/** Load every `.yml`/`.yaml` file in `dir`, in sorted order; `checked` serves files read before. */
export const load = Effect.fn("Rules.load")(function*(dir: string, checked?: Checked) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const fail = (message: string) =>
    new RulesInvalid({ dir, problems: [{ file: dir, line: 1, column: 1, message }] })

  const entries = yield* fs.readDirectory(dir).pipe(
    Effect.mapError((error) => fail(`cannot read the rules directory (${inWords(error.reason._tag)})`))
  )
  const files = entries.filter((name) => /\.ya?ml$/.test(name)).sort()
  if (files.length === 0) return yield* fail("no rule files (*.yml) in the rules directory")

  const problems: Array<RuleProblem> = []
  const parsed: Array<Parsed> = []
  const hash = createHash("sha256")
  const sources: Array<readonly [string, string]> = []
  for (const name of files) {
    const file = path.join(dir, name)
    const source = yield* fs.readFileString(file).pipe(
      Effect.mapError(() => fail(`cannot read ${file}`))
    )
    hash.update(`${name}\0${source}\0`)
    sources.push([name, source])
  }
  const digest = hash.digest("hex")
  // A file read before is compiled from its value; one the store has no
  // value for, or whose value does not compile, is read from its file.
  const known = checked?.get(digest)
  let servedAll = known !== undefined
  const values: Record<string, unknown> = {}
  for (const [name, source] of sources) {
    const file = path.join(dir, name)
    const value = known?.[name]
    const served = value !== undefined ? ruleOf(file, value, () => {}) : undefined
    const result = served ? { parsed: served, value, problems: [] } : parseRuleFile(file, source)
    if (!served) servedAll = false
    problems.push(...result.problems)
    if (result.parsed) parsed.push(result.parsed)
    values[name] = result.value
  }

  const set = assemble(dir, digest, parsed, values, problems)
  if (set === undefined) return yield* new RulesInvalid({ dir, problems })
  if (checked && !servedAll) checked.set(digest, values)
  return set
})

/**
 * The rule set another thread loaded, from its files' checked values alone:
 * what a worker thread analyses with. The files are not read again, so a file
 * edited while the batch runs cannot give its workers other rules than the
 * ones its cache keys name.
 */
export const fromChecked = Effect.fn("Rules.fromChecked")(function*(dir: string, digest: string, values: Readonly<Record<string, unknown>>) {
  const path = yield* Path.Path
  const problems: Array<RuleProblem> = []
  const parsed = Object.keys(values).sort().flatMap((name) => {
    const file = path.join(dir, name)
    const rule = ruleOf(file, values[name], (path, message) => problems.push({ file, line: 1, column: 1, message: `${path.join(".")}: ${message}` }))
    return rule ? [rule] : []
  })
  const set = assemble(dir, digest, parsed, values, problems)
  if (set === undefined) return yield* new RulesInvalid({ dir, problems })
  return set
})

/** The rule set from its parsed files, or `undefined` with `problems` saying why not. */
const assemble = (
  dir: string,
  digest: string,
  parsed: ReadonlyArray<Parsed>,
  values: Readonly<Record<string, unknown>>,
  problems: Array<RuleProblem>
): RuleSet | undefined => {
  const single = <K extends "attribution" | "boilerplate" | "structure" | "scoring" | "gates" | "claims">(kind: K) => {
    const found = parsed.filter((p) => p.kind === kind)
    if (found.length !== 1) {
      problems.push({ file: dir, line: 1, column: 1, message: `expected exactly one rule file of kind \`${kind}\`, found ${found.length}` })
    }
    return found[0]?.rule as Extract<Parsed, { kind: K }>["rule"] | undefined
  }
  const attribution = single("attribution")
  const boilerplate = single("boilerplate")
  const structure = single("structure")
  const scoring = single("scoring")
  const gates = single("gates")
  const claims = single("claims")
  if (problems.length > 0 || !attribution || !boilerplate || !structure || !scoring || !gates || !claims) return undefined

  return {
    dir,
    digest,
    phrase: parsed.flatMap((p) => (p.kind === "phrase" && p.rule.level !== "off" ? [p.rule] : [])),
    attribution,
    outlets: parsed.flatMap((p) => (p.kind === "outlets" ? p.rule.outlets : [])),
    checks: parsed.flatMap((p) => (p.kind === "source-check" && p.rule.level !== "off" ? [p.rule] : [])),
    textChecks: parsed.flatMap((p) => (p.kind === "text-check" && p.rule.level !== "off" ? [p.rule] : [])),
    relativeTime: parsed.flatMap((p) => (p.kind === "relative-time" && p.rule.level !== "off" ? [p.rule] : [])),
    claims,
    boilerplate,
    structure,
    scoring,
    gates,
    values
  } satisfies RuleSet
}
