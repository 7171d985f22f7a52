/**
 * `npm run eval -- attribution`: source and cue spans against PolNeAR dev.
 *
 * A predicted span matches a gold span when they overlap, one to one. Gold is
 * one annotator per article, the first in sorted order.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { safeId } from "../../pipeline/Ingest.ts"
import { check, evalDir, n3, prf } from "./shared.ts"

interface Span {
  readonly fragments: ReadonlyArray<readonly [number, number]>
  readonly text: string
}

const overlaps = (a: Span, b: Span) =>
  a.fragments.some(([s1, e1]) => b.fragments.some(([s2, e2]) => s1 < e2 && s2 < e1))

/** Gold spans of one type from a BRAT standoff file. */
const goldSpans = (ann: string, type: string): Array<Span> =>
  ann.split("\n").flatMap((line) => {
    const [id, info, text] = line.split("\t")
    if (!id?.startsWith("T") || !info || text === undefined) return []
    const [kind, ...rest] = info.split(" ")
    if (kind !== type) return []
    const fragments = rest.join(" ").split(";").map((part) => part.split(" ").map(Number) as unknown as readonly [number, number])
    return [{ fragments, text }]
  })

/** Greedy one-to-one matching by overlap, in document order. */
const match = (predicted: ReadonlyArray<Span>, gold: ReadonlyArray<Span>) => {
  const used = new Set<number>()
  const missed: Array<Span> = []
  let tp = 0
  for (const p of predicted) {
    const index = gold.findIndex((g, i) => !used.has(i) && overlaps(p, g))
    if (index >= 0) {
      used.add(index)
      tp++
    }
  }
  gold.forEach((g, i) => used.has(i) || missed.push(g))
  return { tp, missed }
}

const unique = (spans: ReadonlyArray<Span>) => {
  const seen = new Set<string>()
  return spans.filter((s) => {
    const key = JSON.stringify(s.fragments)
    return seen.has(key) ? false : (seen.add(key), true)
  })
}

/** Run the attribution evaluation on a split ("dev" or "train"). */
export const attribution = (split = "dev") => {
  const base = join(evalDir, "attribution-polnear", split)
  const annotations = readdirSync(join(base, "attributions")).sort()
  const articles = readdirSync(join(base, "text")).filter((f) => f.endsWith(".txt")).sort()
  const reports = check([join(base, "text")])

  const totals = { source: { tp: 0, predicted: 0, gold: 0 }, cue: { tp: 0, predicted: 0, gold: 0 } }
  const missedCues = new Map<string, number>()
  const falseCues = new Map<string, number>()
  for (const file of articles) {
    const id = file.replace(/\.txt$/, "")
    const ann = annotations.find((a) => a.startsWith(`${id}_`))
    // Report ids are file names made safe (a trailing "-" is dropped): look them up the same way.
    const report = reports.get(safeId(id))
    if (!report) throw new Error(`${file}: no report was written for this article`)
    if (!ann) throw new Error(`${file}: no annotation file for this article`)
    const source = readFileSync(join(base, "attributions", ann), "utf8")
    for (const type of ["source", "cue"] as const) {
      const gold = unique(goldSpans(source, type === "source" ? "Source" : "Cue"))
      const predicted = unique(report.attributions.map((a) => ({ fragments: [[a[type].start, a[type].end] as const], text: a[type].text })))
      const result = match(predicted, gold)
      totals[type].tp += result.tp
      totals[type].predicted += predicted.length
      totals[type].gold += gold.length
      if (type === "cue") {
        for (const m of result.missed) missedCues.set(m.text.toLowerCase(), (missedCues.get(m.text.toLowerCase()) ?? 0) + 1)
        for (const p of predicted) {
          if (!gold.some((g) => overlaps(p, g))) falseCues.set(p.text.toLowerCase(), (falseCues.get(p.text.toLowerCase()) ?? 0) + 1)
        }
      }
    }
  }

  console.log(`PolNeAR ${split}: ${articles.length} articles, first annotator in sorted order, overlap match one to one\n`)
  console.log("span     precision  recall  F1     (target F1)")
  for (const [type, target] of [["source", 0.7], ["cue", 0.75]] as const) {
    const t = totals[type]
    const { precision, recall, f1 } = prf(t.tp, t.predicted, t.gold)
    console.log(`${type.padEnd(8)} ${n3(precision)}      ${n3(recall)}   ${n3(f1)}  (${target})  ${t.tp}/${t.predicted} predicted, ${t.gold} gold`)
  }
  const top = (counts: Map<string, number>) =>
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 25).map(([cue, n]) => `${n} ${JSON.stringify(cue)}`).join(", ")
  console.log(`\nmissed gold cues: ${top(missedCues)}`)
  console.log(`\npredicted cues matching no gold cue: ${top(falseCues)}`)
}
