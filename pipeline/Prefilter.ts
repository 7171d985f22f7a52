/**
 * Prefilter: which of many regular expressions can possibly match a line,
 * found in one pass over the line.
 *
 * Most rule patterns need some literal text: "newsletter", "photo", " › ". A
 * line holding none of a pattern's literals cannot match it, so the pattern
 * is not tried. The literals come from the pattern's syntax tree (regexpp, as
 * ESLint parses regular expressions), and every literal of every pattern goes
 * into one character trie walked once per line: the cost of a line grows with
 * its length and the few patterns it could match, not with the size of the
 * rule file. Patterns with nothing literal to require are always tried.
 *
 * The check is necessary, never sufficient: a candidate is still run.
 */
import { type AST, RegExpParser } from "@eslint-community/regexpp"

/**
 * Strings of which every match of `pattern` contains at least one, lower-cased;
 * undefined when nothing can be said.
 */
export const requiredLiterals = (pattern: RegExp): ReadonlyArray<string> | undefined => {
  let tree: AST.Pattern
  try {
    tree = new RegExpParser().parsePattern(pattern.source, undefined, undefined, {
      unicode: pattern.flags.includes("u"),
      unicodeSets: pattern.flags.includes("v")
    })
  } catch {
    return undefined
  }
  const found = anyOf(tree.alternatives)
  return found === undefined ? undefined : [...new Set(found)]
}

type Need = ReadonlyArray<string> | undefined

/** A match of one of `alternatives` needs one of the strings each of them needs. */
const anyOf = (alternatives: ReadonlyArray<AST.Alternative>): Need => {
  const all: Array<string> = []
  for (const alternative of alternatives) {
    const need = sequence(alternative.elements)
    if (need === undefined) return undefined
    all.push(...need)
  }
  return all
}

/**
 * A pattern character as it stands in the lower-cased line, or undefined
 * when it may not. That holds for ASCII, and for characters without case (©,
 * ›, 广): a case-insensitive pattern matches cased letters beyond ASCII in
 * ways `toLowerCase` does not follow (µ and μ, β and ϐ), so such a letter, or
 * a control character, ends a literal run. Only two other characters match
 * ASCII letters under the `i` and `u` flags: the Kelvin sign, which
 * lower-cases to "k", and the long s, which the line's lower-casing replaces.
 */
const literalCode = (value: number): string | undefined => {
  if (value < 0x20 || value === 0x7f) return undefined
  if (value < 0x80) return String.fromCharCode(value).toLowerCase()
  const c = String.fromCodePoint(value)
  return c.length === 1 && c.toLowerCase() === c && c.toUpperCase() === c ? c : undefined
}

/** The most selective need of a sequence: its longest literal run, or a needed group. */
const sequence = (elements: ReadonlyArray<AST.Element>): Need => {
  const needs: Array<ReadonlyArray<string>> = []
  let run = ""
  const close = () => {
    if (run !== "") needs.push([run])
    run = ""
  }
  for (const element of elements) {
    const code = element.type === "Character" ? literalCode(element.value) : undefined
    if (code !== undefined) {
      run += code
      continue
    }
    close()
    const need = elementNeed(element)
    if (need !== undefined) needs.push(need)
  }
  close()
  // Longer shortest strings are rarer in text; fewer alternatives are cheaper to find.
  let best: Need
  const shortest = (strings: ReadonlyArray<string>) => Math.min(...strings.map((s) => s.length))
  for (const need of needs) {
    if (best === undefined || shortest(need) > shortest(best) || (shortest(need) === shortest(best) && need.length < best.length)) best = need
  }
  return best
}

const elementNeed = (element: AST.Element): Need => {
  switch (element.type) {
    case "Group":
    case "CapturingGroup":
      return anyOf(element.alternatives)
    case "Quantifier":
      return element.min >= 1 ? elementNeed(element.element) : undefined
    case "Character": {
      const code = literalCode(element.value)
      return code === undefined ? undefined : [code]
    }
    default:
      return undefined
  }
}

interface Node {
  readonly next: Map<number, Node>
  /** Patterns needing the string that ends here. */
  readonly patterns: Array<number>
}

/** A prefilter over a list of patterns. */
export interface Prefilter {
  /** Whether pattern i has no literal to look for, and must be tried on every line. */
  readonly always: ReadonlyArray<boolean>
  /** The patterns with literals that `line` holds some of, by index, in ascending order. */
  readonly candidates: (line: string) => ReadonlyArray<number>
}

/** The prefilter for `patterns`. */
export const prefilter = (patterns: ReadonlyArray<RegExp>): Prefilter => {
  const root: Node = { next: new Map(), patterns: [] }
  const always = patterns.map((pattern, i) => {
    const literals = requiredLiterals(pattern)
    if (literals === undefined) return true
    for (const literal of literals) {
      let node = root
      for (let k = 0; k < literal.length; k++) {
        const code = literal.charCodeAt(k)
        let child = node.next.get(code)
        if (child === undefined) node.next.set(code, (child = { next: new Map(), patterns: [] }))
        node = child
      }
      node.patterns.push(i)
    }
    return false
  })
  // Which line last found each pattern: no per-line clearing, whatever the number of patterns.
  const seen = new Uint32Array(patterns.length)
  let line = 0
  const candidates = (text: string): ReadonlyArray<number> => {
    if (++line === 0xffffffff) {
      seen.fill(0)
      line = 1
    }
    const found: Array<number> = []
    // Under the `u` and `i` flags "s" also matches the long s, which
    // lower-casing leaves as it is.
    let lower = text.toLowerCase()
    if (lower.includes("\u017F")) lower = lower.replaceAll("\u017F", "s")
    for (let start = 0; start < lower.length; start++) {
      let node: Node | undefined = root
      for (let k = start; k < lower.length; k++) {
        node = node.next.get(lower.charCodeAt(k))
        if (node === undefined) break
        for (const i of node.patterns) {
          if (seen[i] === line) continue
          seen[i] = line
          found.push(i)
        }
      }
    }
    return found.sort((a, b) => a - b)
  }
  return { always, candidates }
}
