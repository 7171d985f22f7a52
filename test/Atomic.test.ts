import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Atomic from "../pipeline/Atomic.ts"
import { scratch } from "./support.ts"

const fresh = () => scratch("atomic")

describe("a file written whole", () => {
  it("replaces the old file, from a string or from pieces", () => {
    const dir = fresh()
    const file = join(dir, "index.json")
    writeFileSync(file, "old")
    Atomic.write(file, "new")
    expect(readFileSync(file, "utf8")).toBe("new")
    Atomic.write(file, (function*() {
      yield "{"
      yield "x".repeat(1 << 20)
      yield "}"
    })())
    expect(readFileSync(file, "utf8")).toBe(`{${"x".repeat(1 << 20)}}`)
    expect(readdirSync(dir)).toEqual(["index.json"])
  })

  it("writes pieces of any length, in order, as UTF-8", () => {
    const dir = fresh()
    const file = join(dir, "a.html")
    // Two-byte pieces past the bytes gathered at once, and one too long to gather.
    const pieces = [...Array.from({ length: 40_000 }, (_, i) => `\u201c${i}\u201d `), "\u{1F4F0}".repeat(400_000), "end"]
    Atomic.write(file, pieces)
    expect(readFileSync(file, "utf8")).toBe(pieces.join(""))
  })

  it("fails with the file system's reason and leaves nothing behind", () => {
    const dir = fresh()
    mkdirSync(join(dir, "a.json", "taken"), { recursive: true })
    expect(() => Atomic.write(join(dir, "a.json"), "{}")).toThrow(expect.objectContaining({ code: "EISDIR" }))
    expect(readdirSync(dir)).toEqual(["a.json"])
  })

  it("keeps what was there when making the pieces fails", () => {
    const dir = fresh()
    const file = join(dir, "index.html")
    writeFileSync(file, "old")
    expect(() => Atomic.write(file, (function*() {
      yield "<html>"
      throw new Error("a cluster could not be shown")
    })())).toThrow("a cluster could not be shown")
    expect(readFileSync(file, "utf8")).toBe("old")
    expect(readdirSync(dir)).toEqual(["index.html"])
  })
})
