/**
 * SentenceBreaks: sentences parse-english runs together at a full stop it
 * takes for an abbreviation's.
 *
 * parse-english keeps a sentence going after a number of up to three digits
 * with a full stop (an ordinal or a list item: "1. Introduction") and after
 * an initialism or a state's abbreviation ("N.J.", "Calif."). In news copy
 * that swallows the next sentence, and its speaker with it: "… with 51.
 * Forbes and Wealth-X say …", "… on Feb. 27. She said …", "… in Bedminster,
 * N.J. Roger Ailes told …". So a sentence ends after such a word when a
 * capitalised word or a quotation mark follows, and:
 *
 * - the word is a number of one to three digits that is not the sentence's
 *   first word (a list item's number is);
 * - or the word is a state's abbreviation after "Town, ": news style sets a
 *   state off with commas mid-sentence ("a Palo Alto, Calif., company"), so
 *   one with no comma after it ends the sentence, unless a title follows
 *   ("…, Washington, D.C. Mayor Muriel Bowser said").
 *
 * Titles ("Gov. Abbott"), initials ("John F. Kennedy") and other initialisms
 * ("the U.S. Senate") are left joined: a capital after them says nothing.
 */
import type { Paragraph, Root, Sentence, SentenceContent, WhiteSpace } from "nlcst"
import type { Plugin } from "unified"
import { isCapitalised, isWord, text } from "./Tokens.ts"

/** The AP's abbreviations of the states, and the capital's, as parse-english leaves them: one word each. */
const states = new Set([
  "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.",
  "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.",
  "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.",
  "Wyo.", "D.C."
])

/**
 * Words that go on a place's name as the start of a title, not a sentence:
 * "Washington, D.C. Mayor Muriel Bowser said", "Ferguson, Mo. Police Chief
 * Tom Jackson said".
 */
const titles = new Set([
  "Mayor", "Gov", "Gov.", "Governor", "Lt", "Lt.", "Sen", "Sen.", "Senator", "Rep", "Rep.", "Delegate", "Police", "Sheriff", "Fire",
  "County", "City", "State", "Attorney", "District", "Chief", "Judge", "Superintendent", "Councilman", "Councilwoman", "Councilmember",
  "School", "Officer", "Detective", "Democrat", "Democratic", "Republican"
])

/** A number with its full stop, as parse-english merges them: "51.". */
const numbered = /^\d{1,3}\.$/

/** Whether what follows `children[i]` opens a sentence: a space, then a capitalised word or a quotation mark. */
const opensNext = (children: ReadonlyArray<SentenceContent>, i: number) => {
  const space = children[i + 1]
  const next = children[i + 2]
  if (space?.type !== "WhiteSpaceNode" || next === undefined) return false
  if (next.type === "WordNode") return isCapitalised(next)
  return next.type === "PunctuationNode" && /^["'“‘]$/.test(text(next))
}

/** Whether `children[i]` is a word after which parse-english missed a sentence's end. */
const endsSentence = (children: ReadonlyArray<SentenceContent>, i: number) => {
  const word = children[i]!
  if (!isWord(word) || !opensNext(children, i)) return false
  const value = text(word)
  if (numbered.test(value)) return children.slice(0, i).some(isWord)
  if (!states.has(value) || titles.has(text(children[i + 2]!))) return false
  const comma = children[i - 2]
  const town = children[i - 3]
  // "a Richmond, Va. Democrat", "The Richmond, Va. Times-Dispatch": a town
  // after an article names what follows, inside the sentence.
  const before = children[i - 5]
  const named = before !== undefined && isWord(before) && /^(a|an|the)$/i.test(text(before))
  return children[i - 1]?.type === "WhiteSpaceNode" && comma?.type === "PunctuationNode" && text(comma) === "," &&
    town !== undefined && isWord(town) && isCapitalised(town) && !named
}

/** `sentence` cut after each word that ends one, with the space between them left to the paragraph. */
const split = (sentence: Sentence): Array<Paragraph["children"][number]> => {
  const pieces: Array<Paragraph["children"][number]> = []
  let rest = sentence.children
  let start = sentence.position?.start
  for (let i = 0; i < rest.length; i++) {
    if (!endsSentence(rest, i)) continue
    const head = rest.slice(0, i + 1)
    pieces.push(
      { type: "SentenceNode", children: head, ...(start ? { position: { start, end: head[i]!.position!.end } } : {}) },
      // `endsSentence` has checked it is a space.
      rest[i + 1] as WhiteSpace
    )
    rest = rest.slice(i + 2)
    start = rest[0]!.position?.start
    i = -1
  }
  if (pieces.length === 0) return [sentence]
  pieces.push({ type: "SentenceNode", children: rest, ...(start && sentence.position ? { position: { start, end: sentence.position.end } } : {}) })
  return pieces
}

/** Split every paragraph's run-together sentences, in place. */
export const sentenceBreaks: Plugin<[], Root> = () => (tree) => {
  for (const paragraph of tree.children) {
    if (paragraph.type !== "ParagraphNode") continue
    paragraph.children = paragraph.children.flatMap((child) => child.type === "SentenceNode" ? split(child) : [child])
  }
}
