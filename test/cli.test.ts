import { mkdirSync, readdirSync, readFileSync, writeFileSync, cpSync, existsSync, symlinkSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import Ajv04Module from "ajv-draft-04"
import addFormatsModule, { type FormatsPlugin } from "ajv-formats"
import { cli, root, scratch } from "./support.ts"

// ajv-formats and ajv-draft-04 are CommonJS; their exports sit on `.default` under ESM.
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default
const Ajv04 = (Ajv04Module as unknown as { default: new (options: object) => import("ajv").default }).default

const fresh = () => scratch("cli")
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"))

/** Problems of a SARIF log against OASIS's SARIF 2.1.0 JSON Schema (draft-04), as Microsoft ships it. */
const sarifProblems = (() => {
  const schema = readJson(join(root, "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"))
  // The schema's language-tag pattern is not valid as a Unicode regular expression.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false })
  addFormats(ajv)
  const validate = ajv.compile(schema)
  return (log: unknown) => (validate(log) ? [] : (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`))
})()

describe("factgate check on the seeds", () => {
  let out: string
  let run: ReturnType<typeof cli>
  beforeAll(() => {
    out = fresh()
    run = cli(["check", "seeds", "--out", out])
  })

  it("writes a JSON and a Markdown report per article, and the index", () => {
    const index = readJson(join(out, "index.json"))
    expect(index.summary).toMatchObject({ articles: 5, errors: 0 })
    for (const entry of index.articles) {
      expect(existsSync(join(out, entry.report))).toBe(true)
      expect(existsSync(join(out, entry.markdown))).toBe(true)
    }
  })

  it("prints findings in the stylish format and closes with a summary", () => {
    expect(run.stdout).toContain("seeds/001_b7ec66198f8b2645.txt")
    expect(run.stdout).toMatch(/9:99-9:109 +warning +Unexpected hedge `reportedly`, attribute the claim or state it plainly +hedge/)
    expect(run.stdout.trim().split("\n").at(-1)).toMatch(/^5 articles checked, \d passed, \d failed a gate\. Reports are in /)
  })

  it("exits 0 when every article passes its gates", () => {
    const index = readJson(join(out, "index.json"))
    expect(run.code).toBe(index.summary.failed > 0 ? 1 : 0)
  })
})

describe("exit codes", () => {
  it("exits 1 when an article fails a gate, and 0 with --exit-zero", () => {
    const rules = fresh()
    cpSync(join(root, "rules"), rules, { recursive: true })
    writeFileSync(join(rules, "gates.yml"), "kind: gates\nminScore: 99\n")
    expect(cli(["check", "seeds/000_8856b4e4f4a0a76a.txt", "--rules", rules, "--out", fresh()]).code).toBe(1)
    expect(cli(["check", "seeds/000_8856b4e4f4a0a76a.txt", "--rules", rules, "--out", fresh(), "--exit-zero"]).code).toBe(0)
  })

  it("exits 2 on a broken rule file before reading any article", () => {
    const rules = fresh()
    cpSync(join(root, "rules"), rules, { recursive: true })
    writeFileSync(join(rules, "hedge.yml"), "kind: phrase\ncategory: hedging\nlevel: loud\nmessage: m\nurl: https://example.org\nphrases: [a]\n")
    const out = fresh()
    const run = cli(["check", "seeds", "--rules", rules, "--out", out])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`${join(rules, "hedge.yml")}:3:8: must be one of "error", "warning", "info", "off"`)
    expect(existsSync(join(out, "index.json"))).toBe(false)
  })

  it("exits 2 on a usage error, said on stderr only: stdout may be a SARIF file", () => {
    const run = cli(["check", "seeds", "--format", "sarif", "--jobs", "0"])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe("")
    expect(run.stderr).toContain("Invalid value for flag --jobs")
    expect(run.stderr).toContain(`Run "factgate check --help" for its flags and arguments.`)
    expect(cli(["check", "seeds", "--format", "xml"]).code).toBe(2)
  })

  it("exits 2, before writing anything, when --out is a file, under one, or a broken link", () => {
    const file = join(fresh(), "reports")
    writeFileSync(file, "not a directory")
    const run = cli(["check", "seeds", "--out", file])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`factgate: ${file}: the reports directory (--out) is a file; name a directory\n`)
    expect(cli(["check", "seeds", "--out", join(file, "sub")]).stderr).toBe(`factgate: ${join(file, "sub")}: the reports directory (--out) is under a file; name a directory\n`)
    const link = join(fresh(), "gone")
    symlinkSync(join(fresh(), "missing"), link)
    expect(cli(["check", "seeds", "--out", link]).stderr).toBe(`factgate: ${link}: the reports directory (--out) is a broken link; name a directory\n`)
  })

  it("prints its help on stderr, exiting 2, when no command is given", () => {
    const run = cli([])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe("")
    expect(run.stderr).toContain("Fact-check pipeline with quality gates for news articles")
  })

  it("says once that an input cannot be read, however often it is given", () => {
    const dir = fresh()
    const run = cli(["check", join(dir, "gone.txt"), join(dir, ".", "gone.txt"), "--out", fresh()])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`factgate: ${join(dir, "gone.txt")}: does not exist\n`)
  })

  it("shows control characters in a file's name as escapes, never to the terminal", () => {
    const dir = fresh()
    const name = "bad\nfactgate: all good\u001b[31m.txt"
    writeFileSync(join(dir, name), "")
    const run = cli(["check", dir, "--out", fresh()])
    expect(run.stderr).toContain(`bad\\u000afactgate: all good\\u001b[31m.txt: is empty or only whitespace`)
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(run.stderr.split("\n").filter((line) => line.startsWith("factgate: all good"))).toEqual([])
  })
})

describe("bad input", () => {
  let dir: string
  let out: string
  let run: ReturnType<typeof cli>
  beforeAll(() => {
    dir = fresh()
    out = fresh()
    mkdirSync(join(dir, "in"))
    writeFileSync(join(dir, "in", "good.txt"), "The minister said the bridge was closed.\n")
    writeFileSync(join(dir, "in", "empty.txt"), "")
    writeFileSync(join(dir, "in", "blank.md"), "  \n\t\n")
    writeFileSync(join(dir, "in", "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]))
    writeFileSync(join(dir, "in", "latin1.txt"), Buffer.from("caf\xe9 au lait", "latin1"))
    // A directory named like an article is walked, not read; node_modules is not walked.
    mkdirSync(join(dir, "in", "folder.txt"))
    writeFileSync(join(dir, "in", "folder.txt", "inner.txt"), "The mayor said the road was open.\n")
    mkdirSync(join(dir, "in", "node_modules", "pkg"), { recursive: true })
    writeFileSync(join(dir, "in", "node_modules", "pkg", "README.md"), "# A package\n\nIt said nothing.\n")
    writeFileSync(
      join(dir, "in", "batch.ndjson"),
      [
        JSON.stringify({ id: "one", text: "Officials said the talks failed." }),
        "{not json",
        JSON.stringify({ id: "two", body: "wrong field" }),
        JSON.stringify({ id: "one", text: "A second article with the same id." })
      ].join("\n")
    )
    writeFileSync(join(dir, "notes.docx"), "not an article")
    run = cli(["check", join(dir, "in"), join(dir, "missing.txt"), join(dir, "notes.docx"), "--out", out])
  })

  it("exits 2", () => {
    expect(run.code).toBe(2)
  })

  it("names the file and the problem for each bad input", () => {
    const lines = run.stderr.trim().split("\n").map((line) => line.replace(dir, "DIR"))
    expect(lines).toEqual([
      expect.stringMatching(/^factgate: DIR\/in\/batch\.ndjson:2: is not valid JSON \(.+\)$/),
      "factgate: DIR/in/batch.ndjson:3: does not match the article schema: (root): must have `text` or `html`; body: unknown key `body`",
      "factgate: DIR/in/binary.txt: looks like a binary file (it contains NUL bytes)",
      "factgate: DIR/in/blank.md: is empty or only whitespace",
      "factgate: DIR/in/empty.txt: is empty or only whitespace",
      "factgate: DIR/in/latin1.txt: is not valid UTF-8 text",
      "factgate: DIR/missing.txt: does not exist",
      "factgate: DIR/notes.docx: has an unknown extension; factgate reads .txt, .md, .markdown, .html, .htm, .ndjson, .jsonl"
    ])
  })

  it("still reports the good articles, with ids unique within the batch", () => {
    const index = readJson(join(out, "index.json"))
    expect(index.articles.map((a: { id: string }) => a.id)).toEqual(["one", "one-2", "inner", "good"])
    expect(index.errors).toHaveLength(8)
    expect(readJson(join(out, "one.json")).article).toEqual({ id: "one", path: join(dir, "in", "batch.ndjson"), line: 1, format: "ndjson" })
  })
})

describe("a report that cannot be written", () => {
  it("names the file and the reason, leaves no temporary file, and reports the rest", () => {
    const dir = fresh()
    const out = fresh()
    mkdirSync(join(dir, "in"))
    writeFileSync(join(dir, "in", "a.txt"), "The minister said the bridge was closed in 2024.\n")
    writeFileSync(join(dir, "in", "b.txt"), "Officials said the talks failed on Monday.\n")
    // A directory where a.json belongs: the report cannot be renamed into place.
    mkdirSync(join(out, "a.json", "taken"), { recursive: true })
    const run = cli(["check", join(dir, "in"), "--out", out, "--no-cache"])
    expect(run.code).toBe(2)
    expect(run.stderr.replaceAll(out, "OUT").replaceAll(dir, "DIR")).toContain(
      "factgate: DIR/in/a.txt: write failed for article `a`: OUT/a.json: cannot be written (it is a directory)"
    )
    expect(readdirSync(out).sort()).toEqual(["a.json", "b.html", "b.json", "b.md", "index.html", "index.json"])
  })
})

describe("stdin and formats", () => {
  it("reads - from stdin and prints one JSON report per line", () => {
    const run = cli(["check", "-", "--format", "json", "--out", fresh(), "--exit-zero"], {
      input: "The convoy was reportedly hit near the border.\n"
    })
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split("\n")
    expect(lines).toHaveLength(1)
    const report = JSON.parse(lines[0]!)
    expect(report.article).toEqual({ id: "stdin", path: "-", format: "txt" })
    expect(report.findings.map((f: { text: string }) => f.text)).toEqual(["reportedly"])
  })

  it("says what is wrong with standard input as it says what is wrong with a file", () => {
    const binary = cli(["check", "-", "--out", fresh()], { input: Buffer.from([0x54, 0x68, 0x65, 0x00, 0x01, 0x02]) })
    expect(binary.code).toBe(2)
    expect(binary.stderr).toContain("factgate: -: looks like a binary input (it contains NUL bytes)")
    const latin1 = cli(["check", "-", "--out", fresh()], { input: Buffer.from("caf\xe9 au lait.\n", "latin1") })
    expect(latin1.stderr).toContain("factgate: -: is not valid UTF-8 text")
  })

  it("prints one SARIF log for code scanning, valid against the SARIF 2.1.0 schema", () => {
    const run = cli(["check", "seeds/001_b7ec66198f8b2645.txt", "--format", "sarif", "--out", fresh(), "--exit-zero"])
    const log = JSON.parse(run.stdout)
    expect(log.version).toBe("2.1.0")
    expect(sarifProblems(log)).toEqual([])
    const hedge = log.runs[0].results.find((r: { ruleId: string; message: { text: string } }) => r.message.text.includes("`appears to`"))
    expect(hedge.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "seeds/001_b7ec66198f8b2645.txt" },
      region: { startLine: 9, startColumn: 32, endLine: 9, endColumn: 42 }
    })
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain("hedge-epistemic")
    // Every result's rule is declared, gates too.
    const declared = new Set(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id))
    expect(log.runs[0].results.filter((r: { ruleId: string }) => !declared.has(r.ruleId))).toEqual([])
    // Columns are counted as the report counts them, in UTF-16 code units, and the log says so.
    expect(log.runs[0].columnKind).toBe("utf16CodeUnits")
  })

  it("--quiet leaves findings for information off the terminal", () => {
    const run = cli(["check", "seeds/003_907a2b706aaeaa16.txt", "--out", fresh(), "--quiet"])
    expect(run.stdout).toContain("warning")
    expect(run.stdout).not.toMatch(/\binfo\b/)
  })

  it("prints --version and --help", () => {
    expect(cli(["--version"]).stdout.trim()).toBe(`factgate v${readJson(join(root, "package.json")).version}`)
    const help = cli(["check", "--help"])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("--format")
  })
})
