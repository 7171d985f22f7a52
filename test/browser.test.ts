/**
 * The HTML reports in a real browser: the CLI writes them, chromium opens
 * them from disk, links lead where they say, and a hostile article stays text.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cli, scratch } from "./support.ts"

const timeout = 60_000

const hostile = [
  "Vote count disputed",
  "",
  "The vote was reportedly rigged <script>window.__pwned=1</script> in the north.",
  "",
  `Officials said <img src=x onerror="window.__pwned=1"> the count would be reviewed next week.`,
  ""
].join("\n")

const longTitle = `Sanctions ${"and more sanctions ".repeat(555)}`.slice(0, 10_000)

const batch = [
  JSON.stringify({
    id: "long-title",
    title: "x".repeat(10_000), // no space to break at: the page must still wrap it
    url: "javascript:window.__pwned=1",
    text: "The minister said the bridge would reopen on Monday, officials said."
  }),
  JSON.stringify({ id: "no-text" })
].join("\n")

describe("HTML reports in a browser", { timeout }, () => {
  let dir: string
  let out: string
  let run: ReturnType<typeof cli>
  let browser: Browser
  let page: Page
  /** Anything a script would cause: dialogs, console errors, uncaught errors. */
  const noise: Array<string> = []

  beforeAll(async () => {
    dir = scratch("browser")
    out = join(dir, "out")
    mkdirSync(join(dir, "in"))
    writeFileSync(join(dir, "in", "hostile.txt"), hostile)
    writeFileSync(join(dir, "in", "long-line.txt"), `${longTitle}\n\nThe minister said the bridge was closed on Monday.\n`)
    writeFileSync(join(dir, "in", "empty.txt"), "Share on Facebook\n\nSubscribe to our newsletter\n")
    writeFileSync(join(dir, "in", "batch.ndjson"), batch)
    run = cli(["check", "seeds", join(dir, "in"), "--out", out, "--exit-zero"])

    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    })
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
    page.on("dialog", (dialog) => {
      noise.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    page.on("console", (message) => {
      if (message.type() === "error") noise.push(`console: ${message.text()}`)
    })
    page.on("pageerror", (error) => noise.push(`page error: ${error.message}`))
  }, timeout)

  afterAll(async () => {
    await browser?.close()
  }, timeout)

  const open = (file: string) => page.goto(pathToFileURL(join(out, file)).href)
  const report = (id: string) => JSON.parse(readFileSync(join(out, `${id}.json`), "utf8"))
  const pwned = () => page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)

  it("writes a page per article and index.html, and exits 2 for the input it could not read", () => {
    expect(run.stderr).toContain("batch.ndjson:2: does not match the article schema")
    expect(run.code).toBe(2)
    const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8"))
    expect(index.articles.map((a: { html: string }) => a.html).sort()).toEqual([
      "000_8856b4e4f4a0a76a.html",
      "001_b7ec66198f8b2645.html",
      "002_37ededbab42281dc.html",
      "003_907a2b706aaeaa16.html",
      "004_106d3d259cecc46c.html",
      "empty.html",
      "hostile.html",
      "long-line.html",
      "long-title.html"
    ])
  })

  it("shows the score, the verdict and every finding, each linked to its place in the text", async () => {
    const { score, gate, findings } = report("hostile")
    await open("hostile.html")
    expect(await page.locator(".score").textContent()).toBe(String(score.value))
    expect(await page.locator(".verdict").textContent()).toContain(gate.passed ? "Gate passed" : "Gate failed")
    expect(await page.locator("h2#findings + ol > li").count()).toBe(findings.length)

    const hedge = findings.find((f: { text: string }) => f.text === "reportedly")
    expect(hedge).toBeDefined()
    await page.locator(`h2#findings + ol a[href="#at-${hedge.start}"]`).first().click()
    expect(new URL(page.url()).hash).toBe(`#at-${hedge.start}`)
    const target = page.locator(":target")
    expect(await target.textContent()).toBe("reportedly")
    expect(await target.getAttribute("title")).toContain(hedge.message)
    expect(await page.locator(`h2#findings + ol a[href="${hedge.url}"]`).count()).toBeGreaterThan(0)
  })

  it("shows hostile text as text, and nothing in it runs", async () => {
    await open("hostile.html")
    const text = await page.locator(".text").textContent()
    expect(text).toContain("<script>window.__pwned=1</script>")
    expect(text).toContain(`<img src=x onerror="window.__pwned=1">`)
    expect(await page.locator("script, img, iframe, object").count()).toBe(0)
    expect(await pwned()).toBeUndefined()
    expect(noise).toEqual([])
  })

  it("wraps a 10,000-character title inside the page, and does not link a javascript: url", async () => {
    for (const id of ["long-title", "long-line"]) {
      await open(`${id}.html`)
      expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true)
    }
    await open("long-title.html")
    expect(await page.locator("h1").textContent()).toBe("x".repeat(10_000))
    expect(await page.locator(`a[href^="javascript:"]`).count()).toBe(0)
    expect(await page.locator("dd", { hasText: "javascript:window.__pwned=1" }).count()).toBe(1)
    expect(await pwned()).toBeUndefined()
  })

  it("shows an article with no text, and why", async () => {
    await open("empty.html")
    expect(await page.locator("h2#findings + ol").textContent()).toContain("No article text found")
    expect(await page.locator("h2#removed + ul > li").count()).toBe(report("empty").text.removed.length)
  })

  it("lists the articles lowest score first, with what could not be checked, and links to each page", async () => {
    await open("index.html")
    const scores = (await page.locator("h2#articles + .scroll tr > td:first-child").allTextContents()).map(Number)
    expect(scores).toHaveLength(9)
    expect(scores).toEqual([...scores].sort((a, b) => a - b))
    expect(await page.locator("h2#errors + .scroll").textContent()).toContain("batch.ndjson")

    await page.locator(`a[href="./hostile.html"]`).click()
    await page.waitForURL(/\/hostile\.html$/)
    expect(await page.locator(".score").textContent()).toBe(String(report("hostile").score.value))
    await page.locator(`a[href="./index.html"]`).click()
    await page.waitForURL(/\/index\.html$/)
    expect(await page.locator("h1").textContent()).toBe("factgate: 9 articles checked")
  })

  it("links a claim several articles carry to its row in each article's page", async () => {
    const { claims } = JSON.parse(readFileSync(join(out, "index.json"), "utf8"))
    expect(claims.length).toBeGreaterThan(0) // the seeds all report the same talks
    const [{ article, claim }] = claims[0].articles
    await open("index.html")
    await page.locator(`h2#claims + .scroll a[href="./${article}.html#claim-${claim}"]`).first().click()
    await page.waitForURL(new RegExp(`/${article}\\.html#claim-${claim}$`))
    expect(await page.locator("tr:target > td").first().textContent()).toContain(claim)
  })

  it("renders every page to a screenshot", async () => {
    const pages = readdirSync(out).filter((name) => name.endsWith(".html")).sort()
    expect(pages).toHaveLength(10)
    for (const name of pages) {
      await open(name)
      const file = join(dir, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      expect(statSync(file).size).toBeGreaterThan(1_000)
    }
    expect(await pwned()).toBeUndefined()
    expect(noise).toEqual([])
  })
})
