import fc from "fast-check"
import { beforeAll, describe, expect, it } from "vitest"
import { prefilter, requiredLiterals } from "../pipeline/Prefilter.ts"
import type { RuleSet } from "../pipeline/Rules.ts"
import { wordPhrases } from "../pipeline/WordPhrases.ts"
import { defaultRules } from "./support.ts"

describe("the literals a pattern needs", () => {
  it.each([
    ["(share|tweet)( (this|on) .*)?:?", ["share", "tweet"]],
    [".*\\bplease be respectful\\b.*", ["please be respectful"]],
    ["more from [\\p{L}\\p{N} .&-]{1,40}", ["more from "]],
    ["(photo|image)s? by .*", ["photo", "image"]],
    ["©.*|copyright \\d{4}", ["©", "copyright "]],
    // A cased letter beyond ASCII ends a run: /é/iu also matches É, which lower-cases alike, but /µ/iu matches μ.
    ["publicité", ["publicit"]],
    ["(#[\\p{L}\\p{N}_]+\\s*)+", ["#"]]
  ])("/%s/ needs one of %j", (source, literals) => {
    expect(requiredLiterals(new RegExp(`^(?:${source})$`, "iu"))).toEqual(literals)
  })

  it.each([["реклама"], ["\\d+"], ["(a|\\s+)"], ["x?"], [""]])("/%s/ needs nothing that can be looked for", (source) => {
    expect(requiredLiterals(new RegExp(source, "iu"))).toBeUndefined()
  })
})

describe("the prefilter", () => {
  it("names only the patterns whose literals a line holds", () => {
    const filter = prefilter([/^share$/iu, /^.*\bnewsletter\b.*$/iu, /^\d+$/u, /^follow us$/iu])
    expect(filter.always).toEqual([false, false, true, false])
    expect(filter.candidates("Sign up for our NEWSLETTER and share it")).toEqual([0, 1])
    expect(filter.candidates("Nothing to see")).toEqual([])
  })

  it("finds ASCII letters that the Kelvin sign and the long s stand for", () => {
    const filter = prefilter([/^ok$/iu, /^yes$/iu])
    expect(filter.candidates("o\u212A")).toEqual([0])
    expect(filter.candidates("ye\u017F")).toEqual([1])
  })

  describe("on the boilerplate rules", () => {
    let rules: RuleSet
    beforeAll(async () => {
      rules = await defaultRules()
    })

    it("never rules out a pattern that matches the line", () => {
      const patterns = rules.boilerplate.patterns.map(({ pattern }) => pattern)
      const filter = prefilter(patterns)
      // Lines built from the words the patterns are made of, in any case, with characters that fold oddly.
      const pieces = ["Share", "this", "NEWSLETTER", "sign up", "for", "Home", " › ", "Photo", ":", "©", "2024", "Reklam", "yükleniyor",
        "реклама", "\u212A", "\u017F", "µ", "…", "...", "via", "Getty Images", "comments", "#", "tags", " ", "Advertisement", "publicité"]
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
          const line = parts.join("")
          const candidates = new Set(filter.candidates(line))
          patterns.forEach((pattern, i) => {
            if (pattern.test(line)) expect(filter.always[i] || candidates.has(i), `${pattern} matches ${JSON.stringify(line)}`).toBe(true)
          })
        }),
        { numRuns: 3000 }
      )
    })
  })
})

describe("phrases found as whole words", () => {
  const outlets = wordPhrases(["AP", "The Associated Press", "RIA Novosti", "ITAR-TASS", "Digi24"], { caseSensitive: true })

  it.each([
    ["an AP report", "AP"],
    ["told The Associated Press on Monday", "The Associated Press"],
    ["(RIA Novosti)", "RIA Novosti"],
    ["ITAR-TASS said", "ITAR-TASS"],
    ["via Digi24.", "Digi24"],
    ["an ap report", undefined],
    ["APtly", undefined],
    ["Digi245", undefined]
  ])("%j names %j", (text, found) => {
    expect(outlets.find(text)).toBe(found)
  })

  it("says where the phrase it finds stands", () => {
    expect(outlets.locate("told The Associated Press on Monday")).toEqual({ phrase: "The Associated Press", start: 5, end: 25 })
    expect(outlets.locate("an ap report")).toBeUndefined()
  })

  it("ignores case unless told otherwise", () => {
    expect(wordPhrases(["people familiar with"]).find("People Familiar With the talks")).toBe("people familiar with")
  })

  it("still ignores case in a text that holds a dotted capital I", () => {
    expect(wordPhrases(["senior official"]).find("A Senior Official in İzmir said")).toBe("senior official")
  })

  it("takes a letter outside the Basic Multilingual Plane as part of a word", () => {
    expect(outlets.find("\u{1D400}AP reported")).toBeUndefined()
    expect(outlets.find("AP\u{1D400} reported")).toBeUndefined()
    expect(outlets.find("\u{1F600} AP reported")).toBe("AP")
  })
})
