/**
 * `npm run eval -- hedging`: sentence certainty against three labelled sets,
 * fed through the real CLI as NDJSON, one sentence per article.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Report } from "../../pipeline/Report.ts"
import { check, evalDir, n3, prf } from "./shared.ts"

interface Labelled {
  readonly text: string
  readonly label: "certain" | "uncertain"
  readonly cues?: ReadonlyArray<{ readonly start: number; readonly end: number; readonly text: string; readonly type: string }>
}

/** Semantic uncertainty: what FactBank and Szeged label. Weasels are CoNLL's. */
const semantic = new Set(["epistemic", "doxastic", "condition", "speculation"])

const read = (file: string): Array<Labelled> =>
  readFileSync(file, "utf8").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as Labelled)

/** Run the sentences through `factgate check` and return each one's report. */
const reportsFor = (rows: ReadonlyArray<Labelled>): Array<Report | undefined> => {
  const dir = mkdtempSync(join(tmpdir(), "factgate-hedging-"))
  const file = join(dir, "sentences.ndjson")
  writeFileSync(file, rows.map((row, i) => JSON.stringify({ id: `s${i}`, text: row.text })).join("\n"))
  let reports: ReturnType<typeof check>
  try {
    reports = check([file])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return rows.map((_, i) => reports.get(`s${i}`))
}

const cuesOf = (report: Report | undefined, types: ReadonlySet<string> | undefined) =>
  (report?.sentences ?? []).flatMap((s) => s.cues).filter((cue) => types === undefined || types.has(cue.type))

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
const top = (map: Map<string, number>, n = 15) =>
  [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([k, v]) => `${v} ${JSON.stringify(k)}`).join(", ")

/** Score one set and print its lines. */
const score = (name: string, rows: ReadonlyArray<Labelled>, types: ReadonlySet<string> | undefined, target: string) => {
  const reports = reportsFor(rows)
  let tp = 0, fp = 0, fn = 0, tn = 0
  const falseCues = new Map<string, number>()
  const missed = new Map<string, number>()
  for (const [i, row] of rows.entries()) {
    const cues = cuesOf(reports[i], types)
    const predicted = cues.length > 0
    const gold = row.label === "uncertain"
    if (predicted && gold) tp++
    else if (predicted) {
      fp++
      for (const cue of cues) count(falseCues, `${cue.type}: ${cue.text.toLowerCase()}`)
    } else if (gold) {
      fn++
      for (const cue of row.cues ?? []) count(missed, `${cue.type.replace(/^speculation_|_$/g, "")}: ${cue.text.toLowerCase()}`)
    } else tn++
  }
  const { precision, recall, f1 } = prf(tp, tp + fp, tp + fn)
  console.log(`\n${name}: ${rows.length} sentences, ${tp + fn} uncertain (${target})`)
  console.log(`  accuracy ${n3((tp + tn) / rows.length)}   uncertain: precision ${n3(precision)}  recall ${n3(recall)}  F1 ${n3(f1)}`)
  if (falseCues.size > 0) console.log(`  cues in sentences labelled certain: ${top(falseCues)}`)
  if (missed.size > 0) console.log(`  gold cues in sentences missed: ${top(missed)}`)
  return reports
}

/** Per cue type: predicted cues that overlap a gold cue, and those that do not. */
const byType = (rows: ReadonlyArray<Labelled>, reports: ReadonlyArray<Report | undefined>) => {
  const right = new Map<string, number>()
  const wrong = new Map<string, number>()
  for (const [i, row] of rows.entries()) {
    for (const cue of cuesOf(reports[i], undefined)) {
      const hit = (row.cues ?? []).some((g) => g.start < cue.end && cue.start < g.end)
      count(hit ? right : wrong, cue.type)
    }
  }
  const types = [...new Set([...right.keys(), ...wrong.keys()])].sort()
  console.log("  per cue type, predicted cues overlapping a gold cue / not:")
  for (const type of types) console.log(`    ${type.padEnd(12)} ${right.get(type) ?? 0} right, ${wrong.get(type) ?? 0} wrong`)
}

/** Run the hedging evaluation. */
export const hedging = () => {
  const factbank = read(join(evalDir, "hedging-news", "factbank.sentences.jsonl"))
  const factbankReports = score("FactBank newswire (semantic uncertainty; epistemic, doxastic, condition, speculation cues)", factbank, semantic, "target F1 >= 0.75")
  byType(factbank, factbankReports)
  score("CoNLL-2010 Wikipedia, balanced (weasels; every cue type)", read(join(evalDir, "hedging-wiki", "conll2010.dev.jsonl")), undefined, "target accuracy >= 0.75")
  const szeged = read(join(evalDir, "hedging-wiki", "wiki.sentences.jsonl"))
  const szegedReports = score("Szeged WikiWeasel (semantic uncertainty)", szeged, semantic, "reported, no target")
  byType(szeged, szegedReports)
}
