import { describe, expect, it } from "vitest"
import { parseNdjson, safeId } from "../pipeline/Ingest.ts"

describe("ingest", () => {
  it("makes ids safe as file names", () => {
    expect(safeId("../etc/passwd")).toBe("etc-passwd")
    expect(safeId("Über uns: 2024/05")).toBe("Uber-uns-2024-05")
    expect(safeId("///")).toBe("article")
  })

  it("reads one article per NDJSON line, skipping blank lines and naming bad ones", () => {
    const entries = parseNdjson("in.ndjson", `{"id":"a","text":"One."}\n\n{"id":"b"}\n`)
    expect(entries.map((e) => (e._tag === "Article" ? `${e.line}: ${e.id}` : e.message))).toEqual([
      "1: a",
      "in.ndjson:3: does not match the article schema: (root): must have `text` or `html`"
    ])
  })
})
