import { createHash } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import * as Claims from "../pipeline/Claims.ts"
import { BatchClaims, pack } from "../pipeline/BatchClaims.ts"
import { type BatchClaim, corroborate } from "../pipeline/Corroborate.ts"
import type { RuleSet } from "../pipeline/Rules.ts"
import { encode, Snapshot } from "../pipeline/Snapshot.ts"
import { wordLists } from "../pipeline/WordLists.ts"
import { defaultRules } from "./support.ts"

let rules: RuleSet
let compiled: Claims.Compiled
beforeAll(async () => {
  rules = await defaultRules()
  compiled = Claims.compile(rules.claims)
})

/** Claims from several one-sentence articles, as the batch sees them; speakers by article. */
const batch = (articles: Record<string, { readonly text: string; readonly speakers?: ReadonlyArray<string> }>) =>
  Object.entries(articles).map(([article, { text, speakers = [] }]) => ({
    article,
    claim: "c1",
    text,
    checkworthiness: 1,
    speakers,
    signature: Claims.signature(compiled, text, speakers)
  }))

/** The claims as the batch holds them. */
const held = (claims: ReadonlyArray<BatchClaim>) => {
  const store = new BatchClaims()
  for (const { article, ...claim } of claims) store.add(article, [pack(claim)])
  return store
}

/** Which articles end up together, as `a+b` strings. */
const clusters = (articles: Parameters<typeof batch>[0]) =>
  corroborate(held(batch(articles)), { similarity: rules.claims.similarity, conceptWeight: rules.claims.conceptWeight ?? 1 }).clusters.map((cluster) =>
    cluster.articles.map((a) => a.article).join("+")
  )

describe("check-worthiness", () => {
  it.each([
    ["Their accession nearly doubled Russia’s border to about 3,000 kilometers.", ["number", "named-entity", "quantity", "comparison"]],
    ["He accused Western countries of attempting to exploit the war.", ["named-entity", "allegation"]],
    ["Talks are scheduled for next week.", ["date", "factual-predicate"]],
    ["Nearly 10% of the state is Polish American.", ["number", "named-entity", "quantity", "comparison", "factual-predicate"]],
    ["Rasmussen has a similar question: forty-three, yes.", ["number", "factual-predicate"]],
    ["it is nice.", ["factual-predicate"]]
  ])("%s → %j", (text, signals) => {
    expect(Claims.checkworthiness(compiled, text).signals).toEqual(signals)
  })

  it("a plain opinion is not a claim; a sentence with a figure and a name is", () => {
    expect(Claims.checkworthiness(compiled, "it is nice.").value).toBeLessThan(rules.claims.threshold)
    expect(Claims.checkworthiness(compiled, "Finland and Sweden joined NATO in 2023.").value).toBeGreaterThanOrEqual(rules.claims.threshold)
  })
})

describe("word lists", () => {
  it("find every match, and step past an empty one beside an astral character", () => {
    const matches = (words: Array<string>, text: string) => Claims.allMatches(Claims.wordPattern(words), text).map((m) => `${m.index}:${m[0]}`)
    expect(matches(["last week", "today"], "Today, and last\nweek.")).toEqual(["0:Today", "11:last\nweek"])
    // "*" can match nothing; the emoji is one code point of two units.
    expect(matches(["*"], "a \u{1F600} b")).toEqual(["0:a", "2:", "4:", "5:b"])
  })

  it("read a sentence once for every list: where each first matched, or -1", () => {
    const firsts = wordLists([["more than", "rose"], ["increase*"], ["push* for"], ["fraud"]])
    const words = "the budget increased by more than half as unions pushed for more".split(" ")
    expect([...firsts(words)]).toEqual([4, 2, 9, -1])
    // A phrase cut off by the sentence's end does not match.
    expect([...firsts(["unions", "pushed"])]).toEqual([-1, -1, -1, -1])
  })
})

describe("figures", () => {
  it("are numbers with the word after them; dotted dates and addresses are not figures", () => {
    const { numbers } = Claims.signature(compiled, "The 12.03.2024 meeting at 192.168.1.1 address cost 3,000 dollars.", [])
    expect(numbers).toEqual([{ value: 3000, unit: "dollar" }])
  })
})

describe("stems", () => {
  it("brings a word's forms together", () => {
    expect(["guarantee", "guarantees", "guaranteed"].map(Claims.stem)).toEqual(["guarante", "guarante", "guarante"])
    expect(["attack", "attacking", "attacked", "attacks"].map(Claims.stem)).toEqual(["attack", "attack", "attack", "attack"])
  })
})

describe("corroboration", () => {
  it("the same claim in other words, across articles", () => {
    expect(clusters({
      a: { text: "Russia is prepared to give a written guarantee that it will not attack NATO or the European Union." },
      b: { text: "Moscow has offered written assurances that it has no intention of attacking the EU or NATO." }
    })).toEqual(["a+b"])
  })

  it("pays attention to direction: offering guarantees is not seeking them", () => {
    expect(clusters({
      a: { text: "Russia offers written guarantees to NATO." },
      b: { text: "Russia demands written guarantees from NATO." }
    })).toEqual([])
  })

  it("pays attention to who gives: Russia offering is not NATO offering", () => {
    expect(clusters({
      a: { text: "Russia offers written guarantees to NATO." },
      b: { text: "NATO offers written guarantees to Russia." }
    })).toEqual([])
  })

  it("claims of one article never corroborate each other", () => {
    const same = batch({ a: { text: "Russia offers written guarantees to NATO." } })
    const twice = [...same, { ...same[0]!, claim: "c2" }]
    expect(corroborate(held(twice), { similarity: 0.1, conceptWeight: 1 }).clusters).toEqual([])
  })

  it("does not chain: a claim like one member but far from the first is a claim of its own", () => {
    // b is like a (Acme's revenue) and like c (Zenith's profit); a and c share
    // almost nothing, so c stays out.
    const result = corroborate(held(batch({
      a: { text: "Acme revenue rose in the third quarter on strong truck sales in Ohio." },
      b: { text: "Acme revenue rose in the third quarter while Zenith profit fell in Japan." },
      c: { text: "Zenith profit fell in Japan after weak camera demand and a costly recall." }
    })), { similarity: 0.2, conceptWeight: 1 })
    expect(result.clusters.map((cluster) => cluster.articles.map((a) => a.article).join("+"))).toEqual(["a+b"])
  })

  it("never merges two clusters: a claim like both joins the nearer", () => {
    // b and c are one cluster; z is like a and like b, but a and c share nothing.
    const store = new BatchClaims()
    const concepts = { a: ["a1", "a2", "x1", "x2"], b: ["b1", "x1", "x2", "y1", "y2"], c: ["b1", "y1", "y2"], z: ["a1", "a2", "x1", "x2", "y1", "y2"] }
    for (const [article, list] of Object.entries(concepts)) {
      store.add(article, [pack({ claim: "c1", text: article, checkworthiness: 1, speakers: [], signature: { concepts: list, known: [], numbers: [], dates: [] } })])
    }
    expect(corroborate(store, { similarity: 0.5, conceptWeight: 1 }).clusters.map((cluster) => cluster.articles.map((a) => a.article).sort().join("+")).sort())
      .toEqual(["a+z", "b+c"])
  })

  it("names at most five figures in a conflict, and counts the rest", () => {
    const articles = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`a${i + 1}`, { text: `The strike killed ${10 + i} soldiers near Bakhmut on Monday.` }]))
    const result = corroborate(held(batch(articles)), { similarity: rules.claims.similarity, conceptWeight: 1 })
    expect(result.clusters.map((c) => c.conflicts.map((k) => k.message))).toEqual([[
      "different figures for soldier…: 10 (a1); 11 (a2); 12 (a3); 13 (a4); 14 (a5); and 3 more"
    ]])
  })

  it("names the conflicts an editor must see: speakers and figures", () => {
    const result = corroborate(held(batch({
      a: { text: "The strike killed 12 soldiers near Bakhmut on Monday.", speakers: ["the governor"] },
      b: { text: "The strike killed 40 soldiers near Bakhmut on Monday.", speakers: ["the defence ministry"] }
    })), { similarity: rules.claims.similarity, conceptWeight: 1 })
    expect(result.clusters.map((c) => c.conflicts.map((k) => k.message))).toEqual([[
      "credited to different speakers: governor (a); defence ministry (b)",
      "different figures for soldier…: 12 (a); 40 (b)"
    ]])
  })
})

describe("the last batch's claims, kept by the cache", () => {
  const padded = (length: number) => Math.ceil(length / 8) * 8
  /** Claims of a few articles, with figures, dates, speakers and directions. */
  const articles = () => ({
    a: batch({ a: { text: "Russia said it would give Ukraine 12 tanks in 2024, the ministry said.", speakers: ["the ministry"] } }),
    b: batch({ b: { text: "Ukraine will receive 40 tanks from Russia in 2025, according to Moscow.", speakers: ["Moscow"] } }),
    c: batch({ c: { text: "NATO officials seek new talks on arms deliveries to Kyiv next week." } }),
    d: batch({ d: { text: "Revenue rose 15% in the third quarter, Acme reported on Monday.", speakers: ["Acme"] } }),
    e: batch({ e: { text: "Acme revenue rose 21% in the third quarter on strong truck sales." } })
  })
  const packed = (claims: ReadonlyArray<BatchClaim>) => claims.map(({ article: _, ...claim }) => pack(claim))

  it("copies unchanged articles' claims as adding them packed would have, in any order and beside new ones", () => {
    const all = articles()
    const last = new BatchClaims()
    const ranges = (["a", "b", "c", "d"] as const).map((id) => {
      const { from, to } = last.add(id, packed(all[id]))
      return [`key-${id}`, from, to] as const
    })
    const snapshot = Snapshot.read(encode(last.table(ranges)))!
    expect(snapshot.keys).toEqual(["key-a", "key-b", "key-c", "key-d"])

    // This batch: d and b unchanged, e new, a unchanged; c is gone.
    const copied = new BatchClaims()
    const added = new BatchClaims()
    for (const id of ["d", "e", "b", "a"] as const) {
      const slice = snapshot.slice(`key-${id}`)
      expect(slice ? copied.addFrom(id, slice) : copied.add(id, packed(all[id]))).toEqual(added.add(id, packed(all[id])))
    }
    const keys = ["d", "e", "b", "a"].map((id, i) => [`key-${id}`, i, i + 1] as const)
    expect(copied.table(keys)).toEqual(added.table(keys))
    const options = { similarity: rules.claims.similarity, conceptWeight: rules.claims.conceptWeight ?? 1 }
    expect(corroborate(copied, options)).toEqual(corroborate(added, options))
  })

  it("weighs a concept by the claims of this batch: one named by the rule file in another batch's claim only is not", () => {
    const claim = (known: ReadonlyArray<string>) => pack({ claim: "c1", text: "t", checkworthiness: 1, speakers: [], signature: { concepts: ["europ"], known, numbers: [], dates: [] } })
    const last = new BatchClaims()
    last.add("x", [claim(["europ"])])
    last.add("y", [claim([])])
    const snapshot = Snapshot.read(encode(last.table([["key-x", 0, 1], ["key-y", 1, 2]])))!
    const copied = new BatchClaims()
    copied.addFrom("y", snapshot.slice("key-y")!)
    expect([last.isKnown(0), copied.isKnown(0)]).toEqual([true, false])
  })

  it("is not used when any part of it is spoilt", () => {
    const last = new BatchClaims()
    last.add("a", packed(articles().a))
    const table = last.table([["key-a", 0, 1]])
    const file = encode(table)
    expect(Snapshot.read(file)?.table).toEqual({ ...table, texts: [...table.texts] })
    // Cut short, as by a full disk.
    expect(Snapshot.read(file.subarray(0, file.length - 8))).toBeUndefined()
    // A dictionary shorter than the ids that point into it, and a range past the claims.
    expect(Snapshot.read(encode({ ...table, words: [] }))).toBeUndefined()
    expect(Snapshot.read(encode({ ...table, keys: [["key-a", 0, 2]] }))).toBeUndefined()
    // A column that does not fit the others.
    expect(Snapshot.read(encode({ ...table, claimId: new Int32Array(2) }))).toBeUndefined()
    expect(Snapshot.read(Buffer.from("not a snapshot\n"))).toBeUndefined()
    expect(Snapshot.read(Buffer.from("null\n"))).toBeUndefined()
    // Damaged since it was written, its shape still right: the last concept id
    // another, or the article's range another.
    const idDamaged = Buffer.from(file)
    idDamaged[file.length - 64 - padded(table.conceptKnown.length) - padded(table.conceptIds.byteLength) + table.conceptIds.byteLength - 4] ^= 1
    expect(Snapshot.read(idDamaged)).toBeUndefined()
    const rangeDamaged = Buffer.from(file.toString("latin1").replace('["key-a",0,1]', '["key-a",1,1]'), "latin1")
    expect(rangeDamaged.length).toBe(file.length)
    expect(Snapshot.read(rangeDamaged)).toBeUndefined()
  })

  it("takes from the JSON only texts UTF-8 cannot hold, even in a file whose digest was made again", () => {
    const last = new BatchClaims()
    for (const text of ["Kyiv said no.", "Russia \ud83d announced talks."]) {
      last.add(text, [pack({ claim: "c1", text, checkworthiness: 1, speakers: [], signature: { concepts: [], known: [], numbers: [], dates: [] } })])
    }
    const file = encode(last.table([["key", 0, 2]]))
    // The header edited by hand, then sealed with a digest of its own.
    const resealed = (edit: (header: Record<string, unknown>) => void) => {
      const newline = file.indexOf(0x0a)
      const header = JSON.parse(file.toString("utf8", 0, newline)) as Record<string, unknown>
      edit(header)
      const line = Buffer.from(`${JSON.stringify(header)}\n`)
      const start = Buffer.concat([line, Buffer.alloc(padded(line.length) - line.length)])
      const body = Buffer.concat([start, file.subarray(padded(newline + 1), file.length - 64)])
      return Buffer.concat([body, Buffer.from(createHash("sha256").update(body).digest("hex"), "latin1")])
    }
    expect(Snapshot.read(resealed(() => {}))?.table.texts).toEqual(["Kyiv said no.", "Russia \ud83d announced talks."])
    expect(Snapshot.read(resealed((header) => (header["unpaired"] = { 0: "Kyiv said \ud800yes.", 1: "Russia \ud83d announced talks." })))).toBeUndefined()
    expect(Snapshot.read(resealed((header) => (header["unpaired"] = { 1: "Russia announced talks." })))).toBeUndefined()
    expect(Snapshot.read(resealed((header) => (header["unpaired"] = { 1: 5 })))).toBeUndefined()
    expect(Snapshot.read(resealed((header) => (header["unpaired"] = ["a", "b"])))).toBeUndefined()
  })

  it("keeps apart speaker lists that join alike, a name holding NUL included", () => {
    const claims = new BatchClaims()
    for (const speakers of [["a\u0000", "b"], ["a", "\u0000b"]]) {
      claims.add(speakers.join("+"), [pack({ claim: "c1", text: "t", checkworthiness: 1, speakers, signature: { concepts: [], known: [], numbers: [], dates: [] } })])
    }
    expect([claims.speakersOf(0), claims.speakersOf(1)]).toEqual([["a\u0000", "b"], ["a", "\u0000b"]])
  })

  it("gives back every text as it was, half a surrogate pair included", () => {
    const last = new BatchClaims()
    const texts = ["Russia \ud83d announced talks.", "Kyiv 🇺🇦 said «no».", ""]
    for (const text of texts) last.add(text, [pack({ claim: "c1", text, checkworthiness: 1, speakers: [], signature: { concepts: [], known: [], numbers: [], dates: [] } })])
    expect(Snapshot.read(encode(last.table([["key", 0, 3]])))?.table.texts).toEqual(texts)
  })

})
