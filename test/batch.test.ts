import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs"
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Snapshot } from "../pipeline/Snapshot.ts"
import { cli, root, scratch } from "./support.ts"

const fresh = () => scratch("batch")
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"))
const entriesIn = (cacheDir: string) =>
  readdirSync(cacheDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith("entries.ndjson"))
    .flatMap((name) => readFileSync(join(cacheDir, name), "utf8").trim().split("\n"))

/** The last batch's claims table in a cache directory: its file's inode, and the table as read back. */
const tableIn = (cacheDir: string) => {
  const file = join(cacheDir, readdirSync(cacheDir, { recursive: true, encoding: "utf8" }).find((name) => name.endsWith("claims.bin"))!)
  return { inode: statSync(file).ino, snapshot: Snapshot.read(readFileSync(file)) }
}

/** A directory of `copies` copies of each seed: 205 articles for 41. */
const seedCopies = (copies: number) => {
  const articles = fresh()
  for (const name of readdirSync(join(root, "seeds"))) {
    const text = readFileSync(join(root, "seeds", name), "utf8")
    for (let copy = 0; copy < copies; copy++) writeFileSync(join(articles, `${copy}-${name}`), text)
  }
  return articles
}

describe("workers", () => {
  it("two worker threads write the same reports, and print the same, as one thread", () => {
    // Workers start once a batch has more than 200 articles to analyse.
    const articles = seedCopies(41)
    const one = fresh()
    const two = fresh()
    const inOne = cli(["check", articles, "--out", one, "--jobs", "1", "--no-cache", "--exit-zero"])
    const onTwo = cli(["check", articles, "--out", two, "--jobs", "2", "--no-cache", "--exit-zero"])
    expect([inOne.code, onTwo.code]).toEqual([0, 0])
    expect(readdirSync(one)).toHaveLength(3 * 205 + 2)
    for (const name of readdirSync(one)) expect(readFileSync(join(two, name), "utf8"), name).toBe(readFileSync(join(one, name), "utf8"))
    // What a worker sends back of each report prints as this thread's does; only the directory named differs.
    expect(onTwo.stdout.replaceAll(two, one)).toBe(inOne.stdout)
    expect(inOne.stdout.split("\n").filter((line) => line.startsWith(articles))).toHaveLength(205)
  }, 120_000)
})

describe("the content-hash cache", () => {
  it("a second run analyses nothing and rewrites nothing; an edited article is analysed again", () => {
    const articles = fresh()
    cpSync(join(root, "seeds"), articles, { recursive: true })
    const cache = fresh()
    const out = fresh()
    const run = () => cli(["check", articles, "--out", out, "--cache-dir", cache, "--jobs", "1", "--exit-zero"])

    const cold = run()
    expect(cold.code).toBe(0)
    const first = entriesIn(cache).length
    // Each article is remembered twice: once analysed, once reported.
    expect(first).toBe(10)
    // And the batch's claims are kept as one table.
    const table = tableIn(cache)
    expect(table.snapshot?.keys).toHaveLength(5)
    const report = readFileSync(join(out, "002_37ededbab42281dc.json"), "utf8")
    const indexWritten = () => ["index.json", "index.html"].map((name) => statSync(join(out, name)).mtimeMs)
    const index = indexWritten()

    const warm = run()
    expect(warm.code).toBe(0)
    // Reports served from the cache print as they did when they were written.
    expect(warm.stdout).toBe(cold.stdout)
    expect(entriesIn(cache)).toHaveLength(first)
    // Every article's claims came from the table, so it was left as it was.
    expect(tableIn(cache).inode).toBe(table.inode)
    expect(readFileSync(join(out, "002_37ededbab42281dc.json"), "utf8")).toBe(report)
    // The index says what it said: it is left as it was.
    expect(indexWritten()).toEqual(index)
    // One that is missing is written again, and so is a report file deleted or edited since.
    rmSync(join(out, "index.html"))
    rmSync(join(out, "000_8856b4e4f4a0a76a.md"))
    const markdown = readFileSync(join(out, "001_b7ec66198f8b2645.md"), "utf8")
    writeFileSync(join(out, "001_b7ec66198f8b2645.md"), "tampered")
    expect(run().code).toBe(0)
    expect(existsSync(join(out, "index.html"))).toBe(true)
    expect(existsSync(join(out, "000_8856b4e4f4a0a76a.md"))).toBe(true)
    expect(readFileSync(join(out, "001_b7ec66198f8b2645.md"), "utf8")).toBe(markdown)
    // And so is one another run wrote since, even with no cache.
    const other = fresh()
    writeFileSync(join(other, "note.txt"), "Another article, checked into the same directory.\n")
    expect(cli(["check", other, "--out", out, "--no-cache", "--jobs", "1", "--exit-zero"]).code).toBe(0)
    expect(run().code).toBe(0)
    expect(readJson(join(out, "index.json")).articles.map((a: { id: string }) => a.id).sort()).toEqual(
      readdirSync(articles).map((name) => name.replace(/\.txt$/, "")).sort()
    )

    // Shown another way, they print as a run without the cache prints them, and are kept so for the next run.
    const quiet = ["--quiet", "--format", "github"]
    const anew = cli(["check", articles, "--out", out, "--no-cache", "--jobs", "1", "--exit-zero", ...quiet]).stdout
    // What a cached run prints in a view, and how many lines it added to the cache.
    const shownAs = (...view: Array<string>) => {
      const before = entriesIn(cache).length
      const { stdout } = cli(["check", articles, "--out", out, "--cache-dir", cache, "--jobs", "1", "--exit-zero", ...view])
      return { stdout, kept: entriesIn(cache).length - before }
    }
    expect([shownAs(...quiet), shownAs(...quiet)]).toEqual([{ stdout: anew, kept: 5 }, { stdout: anew, kept: 0 }])
    expect(anew).toContain("::warning file=")
    // Reports another run wrote since into the same directory, to other gates,
    // are not taken for the ones this cache saw written: they are written and shown again.
    expect(cli(["check", articles, "--out", out, "--no-cache", "--jobs", "1", "--fail-on", "minScore=95", "--exit-zero"]).stdout).toContain("minimum of 95")
    expect(run().stdout).toBe(cold.stdout)
    // Each way of showing a report is kept: annotations, then the terminal again, both from the cache.
    expect(shownAs(...quiet)).toEqual({ stdout: anew, kept: 5 })
    expect(shownAs()).toEqual({ stdout: cold.stdout, kept: 0 })
    expect(shownAs(...quiet)).toEqual({ stdout: anew, kept: 0 })
    // A kept piece spoilt on disk is made again from the report, not printed.
    const file = join(cache, readdirSync(cache, { recursive: true, encoding: "utf8" }).find((name) => name.endsWith("entries.ndjson"))!)
    const spoilt = readFileSync(file, "utf8").replaceAll('"github":"::', '"github":{"not":"a piece"},"x":"::')
    expect(spoilt).toContain('"github":{"not":"a piece"}')
    writeFileSync(file, spoilt)
    expect(shownAs(...quiet).stdout).toBe(anew)

    writeFileSync(join(articles, "000_8856b4e4f4a0a76a.txt"), "A short note with nothing to check.\n")
    const edited = run()
    expect(edited.code).toBe(0)
    // What is printed after the edit is what a run without the cache prints.
    expect(edited.stdout).toBe(cli(["check", articles, "--out", out, "--no-cache", "--jobs", "1", "--exit-zero"]).stdout)
    const analysed = entriesIn(cache).slice(first).map((line) => JSON.parse(line) as { claims?: unknown; written?: unknown })
    // The edited article is analysed and reported; the claim it no longer
    // carries changes the corroboration of the others, so their reports are rewritten.
    expect(analysed.filter((entry) => entry.written === undefined)).toHaveLength(1)
    // The table is this batch's now: four articles as they were, and the edited one.
    const edits = tableIn(cache)
    expect(edits.inode).not.toBe(table.inode)
    expect(edits.snapshot?.keys.filter((key) => table.snapshot?.keys.includes(key))).toHaveLength(4)
    expect(readJson(join(out, "index.json")).claims.every((c: { articles: Array<{ article: string }> }) =>
      c.articles.every((a) => !a.article.startsWith("000"))
    )).toBe(true)
  })

  it("removes the temporary files a killed run left beside its reports, once they are an hour old", () => {
    const out = fresh()
    const [old, young, theirs] = ["001_b7ec66198f8b2645.json.4242-0-ab12cd34.tmp", "001_b7ec66198f8b2645.html.4243-1-ef56ab78.tmp", "notes.tmp"].map((name) => join(out, name)) as [string, string, string]
    for (const file of [old, young, theirs]) writeFileSync(file, "cut short")
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    for (const file of [old, theirs]) utimesSync(file, twoHoursAgo, twoHoursAgo)
    expect(cli(["check", join(root, "seeds/001_b7ec66198f8b2645.txt"), "--out", out, "--no-cache", "--jobs", "1", "--exit-zero"]).code).toBe(0)
    // A younger one may be another run's, still being written; a file factgate did not name is the user's.
    expect([old, young, theirs].map((file) => existsSync(file))).toEqual([false, true, true])
  })

  it("--no-cache leaves nothing behind", () => {
    const cwd = fresh()
    expect(cli(["check", join(root, "seeds/001_b7ec66198f8b2645.txt"), "--rules", join(root, "rules"), "--out", "out", "--no-cache", "--jobs", "1", "--exit-zero"], { cwd }).code).toBe(0)
    expect(readdirSync(cwd)).toEqual(["out"])
  })

  it("a stored analysis spoilt since, or another's, fails its article once, named, and is analysed again by the next run", () => {
    const cache = fresh()
    const out = fresh()
    const run = () => cli(["check", join(root, "seeds"), "--out", out, "--cache-dir", cache, "--jobs", "1", "--exit-zero"])
    const cold = run()
    const stored = readdirSync(cache, { recursive: true, encoding: "utf8" }).filter((name) => /[0-9a-f]{64}\.json$/.test(name)).map((name) => join(cache, name))
    writeFileSync(stored[0]!, readFileSync(stored[0]!, "utf8").slice(0, 100))
    writeFileSync(stored[1]!, readFileSync(stored[2]!))
    // The reports' digests would serve them as they were: a new directory makes them be written.
    rmSync(out, { recursive: true })
    const spoilt = run()
    expect(spoilt.code).toBe(2)
    expect(spoilt.stderr).toContain("cannot be used (Unterminated string in JSON at position 100); it is removed, and the next run analyses the article again")
    expect(spoilt.stderr).toContain("cannot be used (it holds another article's analysis)")
    const healed = run()
    expect(healed.code).toBe(0)
    expect(healed.stdout).toBe(cold.stdout)
  })

  it("never reads its own reports as articles when they are written inside the directory checked", () => {
    const articles = fresh()
    cpSync(join(root, "seeds"), articles, { recursive: true })
    const run = () => cli(["check", articles, "--out", join(articles, "reports"), "--no-cache", "--jobs", "1", "--exit-zero"]).stdout.trim().split("\n").at(-1)
    expect([run(), run()]).toEqual(Array(2).fill(`5 articles checked, 3 passed, 2 failed a gate. Reports are in ${join(articles, "reports")}/`))
    // Nor through a link to the directory checked.
    const link = join(fresh(), "link")
    symlinkSync(articles, link)
    const linked = cli(["check", link, "--out", join(articles, "reports"), "--no-cache", "--jobs", "1", "--exit-zero"]).stdout.trim().split("\n").at(-1)
    expect(linked).toBe(`5 articles checked, 3 passed, 2 failed a gate. Reports are in ${join(articles, "reports")}/`)
  })

  it("refuses, before writing anything, to check the reports directory itself or an article in it, whose reports would overwrite others", () => {
    const dir = fresh()
    const article = join(dir, "story.md")
    const text = readFileSync(join(root, "seeds/001_b7ec66198f8b2645.txt"), "utf8")
    writeFileSync(article, text)
    const file = cli(["check", article, "--out", dir, "--no-cache", "--jobs", "1"])
    expect(file.code).toBe(2)
    expect(file.stderr).toBe(`factgate: ${article}: is in the reports directory (--out ${dir}): reports written there would overwrite articles and be read as articles by the next run; write them to another directory\n`)
    // With other inputs too: nothing is written, the article is as it was.
    const whole = cli(["check", dir, join(root, "seeds"), "--out", dir, "--no-cache", "--jobs", "1"])
    expect(whole.code).toBe(2)
    expect(whole.stderr).toContain(`factgate: ${dir}: is the reports directory (--out ${dir})`)
    expect(readdirSync(dir)).toEqual(["story.md"])
    expect(readFileSync(article, "utf8")).toBe(text)
    // A plain-text article's reports there would replace a Markdown article of its name.
    writeFileSync(join(dir, "other.txt"), text)
    writeFileSync(join(dir, "other.md"), "# My draft\n")
    expect(cli(["check", join(dir, "other.txt"), "--out", dir, "--no-cache", "--jobs", "1", "--exit-zero"]).code).toBe(2)
    expect(readFileSync(join(dir, "other.md"), "utf8")).toBe("# My draft\n")
  })

  it("reads a file once, however often or by whatever path it is given, so that it cannot corroborate itself", () => {
    const articles = fresh()
    cpSync(join(root, "seeds"), articles, { recursive: true })
    const once = cli(["check", articles, "--out", fresh(), "--no-cache", "--jobs", "1", "--exit-zero", "--format", "json"]).stdout
    const twice = cli(["check", articles, articles, join(articles, "001_b7ec66198f8b2645.txt"), "--out", fresh(), "--no-cache", "--jobs", "1", "--exit-zero", "--format", "json"]).stdout
    expect(twice.replaceAll(/"path":"[^"]*"/g, "")).toBe(once.replaceAll(/"path":"[^"]*"/g, ""))
  })

  it("walks a link to a file but not a link to a directory, so a link back up the tree cannot loop", () => {
    const dir = fresh()
    mkdirSync(join(dir, "sub"))
    cpSync(join(root, "seeds/001_b7ec66198f8b2645.txt"), join(dir, "a.txt"))
    symlinkSync("..", join(dir, "sub", "loop"))
    symlinkSync(join(dir, "a.txt"), join(dir, "sub", "linked.txt"))
    const run = cli(["check", dir, "--out", fresh(), "--no-cache", "--jobs", "1", "--exit-zero"])
    expect(run.code).toBe(0)
    // The link is the same file as a.txt: read once.
    expect(run.stdout.trim().split("\n").at(-1)).toMatch(/^1 article checked/)
  })

  it("keeps ids unique regardless of case, as file names are on macOS and Windows", () => {
    const articles = fresh()
    const out = fresh()
    const text = readFileSync(join(root, "seeds/001_b7ec66198f8b2645.txt"), "utf8")
    for (const name of ["a.txt", "A.md", "INDEX.txt"]) writeFileSync(join(articles, name), text.replace("Ryabkov", name))
    expect(cli(["check", articles, "--out", out, "--no-cache", "--jobs", "1", "--exit-zero"]).code).toBe(0)
    expect(readJson(join(out, "index.json")).articles.map((a: { id: string }) => a.id)).toEqual(["A", "INDEX-2", "a-2"])
  })

  it("uses the rules factgate comes with where the working directory has no rule files in rules/", () => {
    const cwd = fresh()
    const run = () => cli(["check", join(root, "seeds/001_b7ec66198f8b2645.txt"), "--out", "out", "--no-cache", "--jobs", "1", "--exit-zero"], { cwd })
    expect(run().stdout).toContain("1 article checked")
    // Another tool's rules/ is not factgate's.
    mkdirSync(join(cwd, "rules"))
    writeFileSync(join(cwd, "rules", "no-foo.js"), "module.exports = {}\n")
    expect(run().stdout).toContain("1 article checked")
  })

  it("a cache that cannot be written is said once, and the batch is checked as without one", () => {
    const dir = fresh()
    writeFileSync(join(dir, "file"), "not a directory")
    const seeds = join(root, "seeds")
    const unwritable = cli(["check", seeds, "--out", join(dir, "a"), "--cache-dir", join(dir, "file", "cache"), "--jobs", "1", "--exit-zero"])
    expect(cli(["check", seeds, "--out", join(dir, "b"), "--no-cache", "--jobs", "1", "--exit-zero"]).code).toBe(0)
    expect(unwritable.code).toBe(0)
    expect(unwritable.stderr).toContain(`factgate: ${join(dir, "file", "cache")}: the cache cannot be written (it is not a directory, or a part of its path is not); what it holds is used, and this run's analyses are not kept`)
    expect(readdirSync(join(dir, "a")).map((name) => readFileSync(join(dir, "a", name), "utf8").replaceAll(join(dir, "a"), "OUT")))
      .toEqual(readdirSync(join(dir, "b")).map((name) => readFileSync(join(dir, "b", name), "utf8").replaceAll(join(dir, "b"), "OUT")))
  })
})

describe("output read by another program", () => {
  it("a reader that stops early (| head) leaves the batch to finish: every report and the index are written, and the exit code is the batch's", () => {
    // Enough output to fill the pipe after head has gone.
    const articles = seedCopies(41)
    const out = fresh()
    const factgate = `"${process.execPath}" "${join(root, "pipeline/factgate.js")}"`
    const piped = spawnSync("bash", ["-c", `${factgate} check "${articles}" --out "${out}" --jobs 1 --no-cache | head -1; echo "exit \${PIPESTATUS[0]}"`], { encoding: "utf8" })
    expect(piped.stdout.split("\n").slice(0, 2)).toEqual([`${articles}/0-000_8856b4e4f4a0a76a.txt`, "exit 1"])
    expect(piped.stderr).toBe("")
    expect(readdirSync(out)).toHaveLength(3 * 205 + 2)
    expect(readJson(join(out, "index.json")).summary).toMatchObject({ articles: 205, errors: 0 })
  }, 60_000)

  it("a slow reader gets all of a failing batch's output before it exits 1", () => {
    const articles = seedCopies(41)
    const factgate = `"${process.execPath}" "${join(root, "pipeline/factgate.js")}"`
    // About 6 MB of reports: more than the pipe holds while the reader sleeps.
    const piped = spawnSync("bash", ["-c", `${factgate} check "${articles}" --out "${fresh()}" --jobs 1 --no-cache --format json | (sleep 1; wc -l); echo "exit \${PIPESTATUS[0]}"`], { encoding: "utf8" })
    expect(piped.stdout.trim().split(/\s+/)).toEqual(["205", "exit", "1"])
  }, 60_000)
})

describe("--fail-on", () => {
  const seed = "seeds/003_907a2b706aaeaa16.txt"

  it("fails on any warning with --fail-on warning", () => {
    const run = cli(["check", seed, "--out", fresh(), "--no-cache", "--jobs", "1", "--fail-on", "warning"])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/Gate failed: \d+ warnings, more than the 0 allowed/)
  })

  it("overrides a gate by name", () => {
    const run = cli(["check", seed, "--out", fresh(), "--no-cache", "--jobs", "1", "--fail-on", "minScore=99"])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/Gate failed: score [\d.]+ is below the minimum of 99/)
  })

  it("exits 2 and says what it accepts on a value it cannot read", () => {
    const run = cli(["check", seed, "--out", fresh(), "--no-cache", "--fail-on", "minScore=lots"])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("factgate: --fail-on minScore=lots: lots is not a valid value for minScore")
  })
})

describe("formats for CI and interchange", () => {
  it("claimreview: schema.org ClaimReview JSON-LD for the claims, with what the batch shows", () => {
    const run = cli(["check", "seeds", "--out", fresh(), "--no-cache", "--jobs", "1", "--exit-zero", "--format", "claimreview"])
    expect(run.code).toBe(0)
    const document = JSON.parse(run.stdout)
    expect(document["@context"]).toBe("https://schema.org")
    const reviews = document["@graph"] as Array<{ "@type": string; claimReviewed: string; reviewRating: { alternateName: string } }>
    expect(reviews.every((review) => review["@type"] === "ClaimReview")).toBe(true)
    const guarantee = reviews.find((review) => review.claimReviewed.startsWith("Russian Foreign Minister Sergey Lavrov has stated"))!
    expect(guarantee.reviewRating.alternateName).toMatch(/^Carried by 3 other articles, with conflicting details: credited to different speakers/)
  })
})

describe("bad input in a batch", () => {
  it("an empty-bodied article, a 10,000-character title and an article of script among good ones: every report is written and valid", () => {
    const dir = fresh()
    cpSync(join(root, "seeds/002_37ededbab42281dc.txt"), join(dir, "good.txt"))
    writeFileSync(join(dir, "empty.html"), "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    writeFileSync(join(dir, "long.txt"), `${"Headline ".repeat(1112)}\n\nThe minister said the bridge was closed on Monday.\n`)
    writeFileSync(join(dir, "script.txt"), "<script>alert(1)</script><img src=x onerror=alert(2)> The mayor said 40 homes were flooded.\n")
    const out = fresh()
    const run = cli(["check", dir, "--out", out, "--no-cache", "--jobs", "1", "--exit-zero"])
    expect(run.code).toBe(0)
    const index = readJson(join(out, "index.json"))
    expect(index.articles.map((a: { id: string }) => a.id).sort()).toEqual(["empty", "good", "long", "script"])
    expect(readJson(join(out, "empty.json")).findings.map((f: { ruleId: string }) => f.ruleId)).toContain("empty-body")
    expect(readFileSync(join(out, "script.html"), "utf8")).not.toContain("<script>alert(1)</script>")
    expect(existsSync(join(out, "long.html"))).toBe(true)
  })
})
