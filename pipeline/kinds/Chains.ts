/**
 * Chains: the outlets and documents an attribution's words came through.
 *
 * `via` lists them in order from the source towards the reader: the Russian
 * Embassy told Izvestia (via Izvestia); according to the report, Ryabkov
 * stated (via the report); Reuters reported, citing sources (the sources via
 * Reuters, which the relation itself adds).
 */
import type { Sentence, SentenceContent } from "nlcst"
import type { Classifier } from "../Sources.ts"
import type { Relation, Source } from "./Attribution.ts"
import { spanOf } from "./Message.ts"
import { phrase } from "./NounPhrase.ts"
import { tailPrepositions, timeWords } from "./Grammar.ts"
import { lower, text } from "./Tokens.ts"

/**
 * "told Izvestia": the outlet right after a cue whose source came before it
 * carried the words. `cueLast` is the cue's last child and `tail` the last
 * child of the relation's source and cue.
 */
export const toldOutlet = (children: ReadonlyArray<SentenceContent>, cueLast: number, tail: number, classify: Classifier["classify"]): Source | undefined => {
  const phrased = phrase(children, cueLast + 1, 1)
  // "told Reuters on Monday", "told CNN in an interview aired Sunday": the
  // outlet ends where a time or a place begins, at the first cut that still
  // names it ("Voice of America" keeps its "of").
  const cuts = phrased.flatMap((word, i) => (i > 0 && (timeWords.has(lower(word)) || (tailPrepositions.has(lower(word)) && lower(word) !== "of")) ? [i] : []))
  for (const object of [...cuts.map((cut) => phrased.slice(0, cut)), phrased]) {
    const carrier = object.length > 0 ? classify(object.map(text)) : undefined
    if (carrier?.kind !== "media-outlet") continue
    if (children.indexOf(object[0]!) >= tail + 3) return undefined
    return { start: spanOf(object[0]!).start, end: spanOf(object.at(-1)!).end, kind: "media-outlet", ...(carrier.outlet ? { outlet: carrier.outlet } : {}) }
  }
  return undefined
}

/**
 * "According to the report, Ryabkov stated": a person heard through an
 * outlet or document named earlier in the same sentence.
 */
export const heardThrough = (bySentence: ReadonlyMap<Sentence, ReadonlyArray<Relation>>) => {
  for (const siblings of bySentence.values()) {
    const carriers = siblings.filter((r) => r.source.kind === "media-outlet" || r.source.kind === "document")
    for (const relation of siblings) {
      if (carriers.includes(relation) || relation.via.length > 0) continue
      const carrier = carriers.find((c) => c.cue.start < relation.cue.start)
      if (carrier) relation.via.push(carrier.source)
    }
  }
}

/**
 * "The Washington Post, citing three unnamed officials, reported": the cited
 * source speaks through the one the citation interrupts, whose relation comes
 * after it. (After that relation, "Reuters reported, citing sources", the
 * relation adds it as it is made.)
 */
export const citedThrough = (bySentence: ReadonlyMap<Sentence, ReadonlyArray<Relation>>, relays: ReadonlySet<Relation>) => {
  for (const siblings of bySentence.values()) {
    for (const relay of siblings) {
      if (!relays.has(relay) || relay.via.length > 0 || relay.source.start < relay.cue.end) continue
      const through = siblings.find((r) => r !== relay && r.source.end <= relay.cue.start && r.cue.start >= relay.source.end)
      if (through) relay.via.unshift(through.source)
    }
  }
}

/** "Interfax quoted a Kremlin spokesman as saying": the one quoted speaks through the one quoting, whose cue comes right before. */
export const quotedThrough = (bySentence: ReadonlyMap<Sentence, ReadonlyArray<Relation>>) => {
  for (const siblings of bySentence.values()) {
    for (const relation of siblings) {
      if (relation.via.length > 0) continue
      const quoting = siblings.find((r) => r !== relation && /^quot/i.test(r.cue.phrase) && r.cue.end <= relation.source.start && relation.source.start - r.cue.end <= 2)
      if (quoting) relation.via.unshift(quoting.source)
    }
  }
}

/**
 * "A memo obtained by Politico shows", "a report by Reuters said": a paper
 * an outlet obtained or wrote reaches the reader through the outlet.
 */
export const documentOutlet = (words: ReadonlyArray<SentenceContent>, classify: Classifier["classify"]): Source | undefined => {
  const by = words.findIndex((word, i) => i > 0 && text(word).toLowerCase() === "by")
  if (by < 0 || by === words.length - 1) return undefined
  const after = words.slice(by + 1)
  const outlet = classify(after.map(text))
  if (outlet.kind !== "media-outlet") return undefined
  return { start: spanOf(after[0]!).start, end: spanOf(after.at(-1)!).end, kind: "media-outlet", ...(outlet.outlet ? { outlet: outlet.outlet } : {}) }
}
