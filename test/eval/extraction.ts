/**
 * `npm run eval -- extraction`: the report's `text.body` against the Zyte
 * article-extraction benchmark, for the HTML pages and for the same pages as
 * full-page plain text, beside the peers' outputs on the same pages.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { macro } from "./metric.ts"
import { check, evalDir, n3 } from "./shared.ts"

type Bodies = Record<string, { readonly articleBody: string }>

/** Run the extraction evaluation. */
export const extraction = () => {
  const dir = join(evalDir, "extraction-zyte")
  const gold = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Bodies
  const ids = Object.keys(gold).sort()
  const score = (predicted: (id: string) => string) => macro(ids.map((id) => ({ gold: gold[id]!.articleBody, predicted: predicted(id) })))
  const line = (name: string, r: ReturnType<typeof macro>) =>
    console.log(`  ${name.padEnd(34)} F1 ${n3(r.f1)}  precision ${n3(r.precision)}  recall ${n3(r.recall)}`)

  const work = mkdtempSync(join(tmpdir(), "factgate-extraction-"))
  mkdirSync(join(work, "html"))
  mkdirSync(join(work, "text"))
  const fullText = JSON.parse(readFileSync(join(dir, "output", "html-text.json"), "utf8")) as Bodies
  for (const id of ids) {
    writeFileSync(join(work, "html", `${id}.html`), gunzipSync(readFileSync(join(dir, "html", `${id}.html.gz`))))
    writeFileSync(join(work, "text", `${id}.txt`), fullText[id]?.articleBody ?? "")
  }

  console.log(`Zyte article extraction: ${ids.length} pages; 4-word shingles, macro-averaged\n`)
  let html: ReturnType<typeof check>
  let text: ReturnType<typeof check>
  try {
    html = check([join(work, "html")])
    text = check([join(work, "text")])
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  console.log("HTML pages (target F1 >= 0.95)")
  line("factgate text.body", score((id) => html.get(id)?.text.body ?? ""))
  console.log("\nFull-page plain text (target F1 >= 0.80)")
  line("factgate text.body", score((id) => text.get(id)?.text.body ?? ""))
  line("full-page text as given", score((id) => fullText[id]?.articleBody ?? ""))

  console.log("\nPeers on the HTML pages")
  for (const file of readdirSync(join(dir, "output")).sort()) {
    const peer = JSON.parse(readFileSync(join(dir, "output", file), "utf8")) as Bodies
    line(file.replace(/\.json$/, ""), score((id) => peer[id]?.articleBody ?? ""))
  }
}
