/**
 * `npm run eval -- <attribution|hedging|extraction> [split]`: measure factgate
 * against the labelled data in ../shared/eval.
 */
import { attribution } from "./attribution.ts"
import { extraction } from "./extraction.ts"
import { hedging } from "./hedging.ts"

const evaluations: Record<string, (split?: string) => void> = { attribution, extraction, hedging }
const [name, split] = process.argv.slice(2)
const run = name === undefined ? undefined : evaluations[name]
if (!run) {
  console.error(`usage: npm run eval -- <${Object.keys(evaluations).join("|")}> [split]`)
  process.exit(2)
}
run(split)
