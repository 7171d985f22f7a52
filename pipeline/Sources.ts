/**
 * Sources: what kind of source a run of words names.
 *
 * Pure lexicon work over the attribution rule file and the outlet registry,
 * so a standards editor can teach it new roles, outlets or capitals without
 * touching code.
 */
import type { AttributionConfig, Outlet } from "./Rules.ts"
import { clauseWords, demonym, determiners as grammarDeterminers, honorifics, irregularParticiples, isPartWord, nameParticles, numberWords, possessives, quantityNouns, sentenceOpeners, titleAbbreviations, verbalWords } from "./kinds/Grammar.ts"
import { inCapitals } from "./kinds/Tokens.ts"
import { wordPhrases } from "./WordPhrases.ts"

/** The kinds of source the report distinguishes. */
export type SourceKind =
  | "named-person"
  | "named-organisation"
  | "media-outlet"
  | "described-official"
  | "anonymous"
  | "vague-collective"
  | "state"
  | "pronoun"
  | "document"

/** A typed source. */
export interface Typed {
  readonly kind: SourceKind
  readonly outlet?: Outlet
  /** The words that name the source, for pronoun resolution: "Jens Stoltenberg". */
  readonly name: string
  /** Set when no lexicon knew the head: a guess, not a finding. */
  readonly guessed?: true
}

// "You" is the reader or anyone ("whatever you want"), never a source.
const pronouns = new Set(["he", "she", "they", "it", "we", "i", "him", "her", "them"])
const determiners = new Set([...grammarDeterminers, ...possessives, "one", "two", "three", "senior", "top"])
const indefinite = new Set(["a", "an", "one", "another"])
const prepositions = new Set(["of", "in", "at", "for", "from", "with", "on", "to", "under", "within"])

// "Nine in 10", "four out of 10": a share of those asked, however it is
// worded, stands for a group.
const ratio = /^(\d+|one|two|three|four|five|six|seven|eight|nine) (in|out of) (\d+|two|three|four|five|six|seven|eight|nine|ten)\b/

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word)
// A title before a name, written short or as a courtesy: "The Rev. Al Sharpton", "Mrs. Clinton".
const shortTitle = new RegExp(`^(?:(?:${titleAbbreviations.join("|")})\\.|Rev|Reverend)$`)
const isTitle = (word: string) => honorifics.has(word.toLowerCase()) || shortTitle.test(word)
// A party's member, named by the party: "the Wisconsin Republican".
const partyMember = /^(Democrat|Republican|Socialist|Libertarian|Tory)$/
// Party words that are also papers' names ("The Independent"): a member only after a place, "The Vermont Independent".
const placedMember = /^(Independent|Liberal|Conservative|Progressive|Green)$/
// Acronyms are short (NATO, CSTO, C2I); a longer word in capitals is a name in a transcript (WALLACE).
// A generation's numeral ends a name: "Vann R. Newkirk II".
const quantities = new Set(quantityNouns)
const particles = new Set(nameParticles)
const isAcronym = (word: string) => /^\p{Lu}[\p{Lu}\d]{1,4}s?$/u.test(word) && !/^(II|III|IV)$/.test(word)

/** A classifier for one rule set, with its lexicons prepared once. */
export const classifier = (config: AttributionConfig, outlets: ReadonlyArray<Outlet>): Classifier => {
  const lower = (list: ReadonlyArray<string>) => new Set(list.map((w) => w.toLowerCase()))
  const vague = lower(config.vague)
  const collectives = lower(config.collectives ?? [])
  const documents = lower(config.documents)
  const states = lower(config.states)
  const institutions = lower(config.institutions)
  const roles = config.roles.map((r) => r.toLowerCase())
  const singleRoles = new Set(roles.filter((r) => !r.includes(" ")))
  const phraseRoles = wordPhrases(roles.filter((r) => r.includes(" ")))
  const anonymous = wordPhrases(config.anonymous)
  // Case matters, so "AP" the agency is not "ap" in a word.
  const outletByName = new Map<string, Outlet>()
  for (const outlet of outlets) {
    // A name two outlets share stays with the first the registry lists.
    for (const name of [outlet.name, ...(outlet.aliases ?? [])]) if (!outletByName.has(name)) outletByName.set(name, outlet)
  }
  const outletNames = wordPhrases([...outletByName.keys()], { caseSensitive: true })
  // A headline or a transcript in capitals names outlets in capitals: "USA TODAY", "ABC NEWS".
  const outletByCapitals = new Map([...outletByName].map(([name, outlet]) => [name.toUpperCase(), outlet] as const))
  const outletCapitals = wordPhrases([...outletByCapitals.keys()], { caseSensitive: true })
  const outletWords = lower(config.outletWords ?? [])
  const governmentWords = lower(config.governmentWords ?? [])
  const mastheads = lower(config.mastheads ?? [])

  /**
   * The outlet a source's words name, when its name heads them: "Reuters in
   * London", "Voice of America", "the state-controlled RIA Novosti news
   * agency". Not "MSNBC reporter Alex Seitz-Wald" or "Breitbart's Joel
   * Pollak", who speak for themselves; not "a Wall Street Journal poll", a
   * document; not "Jonah Goldberg of National Review"; not "The Guardian
   * Council", another name. `coreLength` is where the prepositional tail starts.
   */
  const outletHeading = (text: string, coreLength: number): Outlet | undefined => {
    const shouting = !/\p{Ll}/u.test(text)
    const named = (shouting ? outletCapitals : outletNames).locate(text)
    if (named === undefined || named.start >= coreLength) return undefined
    // Only modifiers before it: "the state-controlled", "the Kremlin-backed",
    // "Russia's", "Russian state news agency", "the Chinese broadcaster CGTN";
    // not "Smith and", or "Michael" in "Michael Bloomberg".
    const before = text.slice(0, named.start).split(" ").filter((word) => word !== "")
    // "Chairman Bloomberg" is a man: a role is no country's adjective.
    const modifies = (word: string) =>
      !isCapitalised(word) || word.includes("-") || /'s$/.test(word) || (demonym.test(word) && !isRole(word)) || determiners.has(word.toLowerCase())
    // "A memo obtained by Politico", "a report from Reuters": after a preposition the outlet heads nothing.
    if (before.some((word) => word === "and" || word === "by" || prepositions.has(word) || !modifies(word))) return undefined
    const rest = text.slice(named.end, Math.max(named.end, coreLength)).trim()
    const outlet = (shouting ? outletByCapitals : outletByName).get(named.phrase)
    // "Fox News and NBC News": outlets together are the first one's.
    if (rest.startsWith("and ")) return outletHeading(rest.slice(4), rest.length - 4) && outlet
    // "the Washington Post's investigative unit", "Reuters' own reporting" are
    // the outlet's; "CNN's Dana Bash" is hers.
    const possessive = /^'s? /.exec(rest)
    const words = (possessive ? rest.slice(possessive[0].length) : rest).split(" ").filter((word) => word !== "")
    if (possessive) return words.every((word) => !isCapitalised(word)) ? outlet : undefined
    return words.every((word) => outletWords.has(word.toLowerCase())) ? outlet : undefined
  }

  /** Whether `set` holds a word or, for a plural, its singular. */
  const holds = (set: ReadonlySet<string>, word: string) => set.has(word) || set.has(word.replace(/s$/, ""))
  const isRole = (word: string) => holds(singleRoles, word.toLowerCase().replace(/'s$/, ""))

  const heads = new Set([
    ...vague, ...collectives, ...documents, ...singleRoles, ...pronouns, ...institutions,
    ...config.anonymous.filter((w) => !w.includes(" ")).map((w) => w.toLowerCase())
  ])

  // Plural where only the singular is a role: "developers", not "press" or "boss".
  const isPlural = (word: string) => !singleRoles.has(word) && holds(singleRoles, word)

  const isHead = (word: string) => holds(heads, word.toLowerCase().replace(/['’]s$/, ""))

  // One person by role: "spokeswoman", "running mate", "CEO", or a singular
  // noun no lexicon knows ("Obama's predecessor", "the bill's sponsor"); not
  // a body ("company", "group"), a place ("state"), a paper, a group or many
  // ("aides").
  const things = new Set([...institutions, ...documents, ...states, ...vague, ...collectives])
  const isPerson = (words: ReadonlyArray<string>) => {
    const given = words.at(-1)
    const last = given?.toLowerCase().replace(/['’]s$/, "")
    if (given === undefined || last === undefined || holds(things, last)) return false
    if (singleRoles.has(last) || (words.length > 1 && phraseRoles.find(words.slice(-2).join(" ")) !== undefined)) return true
    // A noun no lexicon knows describes a person only after a determiner or a possessor.
    const opener = words[0]!.toLowerCase()
    const determined = words.length > 1 && (determiners.has(opener) || /['’]s$/.test(opener))
    return determined && !isCapitalised(given) && !/[^s]s$/.test(last) && !holds(singleRoles, last) && /^\p{Ll}+$/u.test(last) &&
      !clauseWords.has(last) && !verbalWords.has(last)
  }

  // Many of a role are a group ("Developers", "some pilots"), as "officials"
  // are, unless the article has them in view: counted after a determiner
  // ("the two pilots"), both, or someone's ("the senator's aides", "their lawyers").
  const inView = (lowered: ReadonlyArray<string>) => {
    const [first, second] = lowered
    return first === "both" || possessives.includes(first!) || /['’]s$/.test(first!) ||
      (/^(the|these|those)$/.test(first!) && second !== undefined && (numberWords.includes(second) || /^\d+$/.test(second)))
  }

  /**
   * Speakers named together ("Sanders and his aides", "Both The New York
   * Times and the Wall Street Journal") are as identifiable as the most
   * identifiable of them: a name among them is no vague source. A pronoun
   * among them points back and types nothing. Only an "and" before a lower
   * case word joins two sources: between capitals it is inside one name
   * ("the Central and East European Coalition", "Trump and Clinton" are
   * typed as before), and in a tail it is the tail's ("the confrontation
   * between Mr. Trump and the Khan family").
   */
  const coordinated = (words: ReadonlyArray<string>, lowered: ReadonlyArray<string>, tail: number): Typed | undefined => {
    const and = lowered.indexOf("and", 1)
    if (and < 0 || and === words.length - 1 || (tail > 0 && tail < and) || isCapitalised(words[and + 1]!)) return undefined
    const first = /^(both|either)$/.test(lowered[0]!) ? words.slice(1, and) : words.slice(0, and)
    // Each side a short phrase the lexicon can type: in "The FBI's program
    // infamously used forged documents and false news" the "and" joins objects.
    if (first.length === 0 || first.length > 5) return undefined
    const sides = [first, words.slice(and + 1)].map(classify)
    if (sides.some((side) => side.guessed)) return undefined
    const typed = sides.filter((side) => side.kind !== "pronoun").sort((a, b) => specificity.indexOf(a.kind) - specificity.indexOf(b.kind))[0]
    return typed === undefined ? undefined : { ...typed, name: words.join(" ") }
  }

  const classify = (given: ReadonlyArray<string>): Typed => {
    // "Putin's" names Putin.
    const words = given.map((word, i) => (i === given.length - 1 ? word.replace(/['’]s$/, "") : word))
    const text = words.join(" ")
    const lowered = words.map((w) => w.toLowerCase())
    // "His assumption", "Their defenders": a possessive alone stands for someone named before, as a pronoun does.
    if (words.length === 1 && (pronouns.has(lowered[0]!) || possessives.includes(lowered[0]!))) return { kind: "pronoun", name: text }

    // The head is the last word before any prepositional tail: "Embassy" in
    // "The Russian Embassy in Belgium".
    const tail = lowered.findIndex((w, i) => i > 0 && prepositions.has(w))
    const together = coordinated(words, lowered, tail)
    if (together !== undefined) return together
    // A participle with its agent is a tail too: "mistakes" heads "strategic
    // mistakes made by the Ukrainian government", which is no government.
    const agented = lowered.findIndex((w, i) => i > 0 && lowered[i + 1] === "by" && (/[a-z]{2}ed$/.test(w) || irregularParticiples.has(w)))
    const core = agented > 0 && (tail === -1 || agented < tail) ? words.slice(0, agented) : tail === -1 ? words : words.slice(0, tail)

    const outlet = outletHeading(text, core.join(" ").length)
    if (outlet) return { kind: "media-outlet", outlet, name: outlet.name }
    // "The Times said", "the Post reported": a newspaper by its short name,
    // which outlet the article's earlier mentions say (Attribution).
    if (words.length === 2 && lowered[0] === "the" && isCapitalised(words[1]!) && mastheads.has(lowered[1]!)) return { kind: "media-outlet", name: text }
    if (anonymous.find(text) !== undefined) return { kind: "anonymous", name: text }
    // "Two of his aides", "Most of the senators": a part is typed by its
    // group, when the lexicon knows it; "All of them" are a group, not one
    // person. One of a group is one unnamed member, as "a senator" is: "One
    // of the senators", "one of them" are described; "Each of them" speaks for all.
    if (tail === 1 && lowered[1] === "of" && isPartWord(lowered[0]!) && words.length > 2) {
      const group = classify(words.slice(2))
      const collective = group.kind === "pronoun" || group.kind === "vague-collective"
      const kind = collective ? (lowered[0] === "one" ? "described-official" : "vague-collective") : group.kind
      if (!group.guessed) return { ...group, kind, name: text }
    }
    // "A significant number of Democrats", "dozens of lawmakers": so many of
    // a group are as vague as the group, and a number of papers are papers.
    if (tail >= 1 && lowered[tail] === "of" && quantities.has(lowered[tail - 1]!) && words.length > tail + 1) {
      const group = classify(words.slice(tail + 1))
      if (!group.guessed) return { kind: group.kind === "document" ? "document" : "vague-collective", name: text }
    }
    // "Secretary of State John Kerry", "Director of National Intelligence
    // James Clapper": an office of a place or body, as a title (capitalised,
    // held by one), then a person's name. The name starts at a given name
    // the lexicon knows: "Mayor of New York City" names no one, and
    // "supporters of Democrat Hillary Clinton" are not her.
    const holder = tail >= 1 ? words[tail - 1]! : ""
    const office = lowered[tail] === "of" && isCapitalised(holder) && isRole(holder) && !isPlural(holder.toLowerCase()) ? givenNameAfter(words.slice(tail + 1)) : -1
    if (office > 0) return { kind: "named-person", name: words.slice(tail + 1 + office).join(" ") }
    const head = core.at(-1)!
    const headLower = head.toLowerCase().replace(/'s$/, "")
    const bare = lowered.filter((w, i) => !(i === 0 && determiners.has(w))).join(" ")

    if (states.has(bare) || states.has(lowered.join(" "))) return { kind: "state", name: text }
    // "the Russian government", "Russia's government", "Ukrainian
    // authorities": a state's government is the state speaking for itself.
    // Not "a Republican administration": one of many is no state.
    // "The Free Syrian Army", "the Irish Republican Army": a force with a name of its own is no state.
    const namedForce = /^(army|military)$/.test(headLower) && isCapitalised(head)
    if (governmentWords.has(headLower) && core.length >= 2 && !indefinite.has(lowered[0]!) && !namedForce) {
      const modifier = core.at(-2)!
      const owner = modifier.replace(/['’]s?$/, "").toLowerCase()
      // "the U.S. government": a state's name before it works as its adjective.
      const named = states.has(modifier.toLowerCase()) && isCapitalised(modifier)
      if ((demonym.test(modifier) && !isRole(modifier)) || (/['’]s?$/.test(modifier) && states.has(owner)) || named) return { kind: "state", name: text }
    }
    // "Polls show", "press reports said": a plural document is a document too.
    // "A web video by the Republican National Committee", "the report
    // commissioned by the Senate": a document by its author is the document.
    // Only then does "by" end the head: in "Clinton led Sanders by 20 points"
    // it does not make a name of a clause.
    const by = lowered.indexOf("by", 1)
    const byHead = by > 1 && (/[a-z]{2}ed$/.test(lowered[by - 1]!) || irregularParticiples.has(lowered[by - 1]!)) ? by - 2 : by - 1
    if (holds(documents, headLower) || (by > 0 && by < core.length && holds(documents, lowered[byHead]!))) return { kind: "document", name: text }
    // "The two senators", "their lawyers": people of a role the article has in view are described.
    if (collectives.has(headLower) && isPlural(headLower) && inView(lowered)) return { kind: "described-official", name: text }
    // "the Communications Workers of America", "the Veterans of Foreign
    // Wars": after "the", a group's word in capitals before "of" and a name
    // is an organisation's name. Not "workers of the plant", nor capitals a
    // sentence's start or a headline gives ("Leaders of the European Union",
    // "Former Employees of Theranos Say").
    const named = tail >= 2 && lowered[0] === "the" && lowered[tail] === "of" && core.slice(1).every((w) => isCapitalised(w)) &&
      words.slice(tail + 1).every((w) => isCapitalised(w) || /^(the|and|of)$/.test(w))
    if (collectives.has(headLower) && named) return { kind: "named-organisation", name: text }
    if (vague.has(headLower) || collectives.has(headLower)) return { kind: "vague-collective", name: text }
    if (words.length === 1 && vague.has(lowered[0]!)) return { kind: "vague-collective", name: text }
    // "Two said", "One told reporters": people counted, not named, though the
    // capital at the start of a sentence makes them look like a name.
    if (words.length === 1 && isCapitalised(text) && numberWords.includes(lowered[0]!)) return { kind: "vague-collective", name: text }
    if (ratio.test(lowered.filter((w) => !/^(about|nearly|almost|roughly|some|more|fewer|less|than)$/.test(w)).join(" "))) return { kind: "vague-collective", name: text }

    // "Mr. Singer" is a man, though "singer" is a role.
    const titled = core.length > 1 && honorifics.has(lowered[core.length - 2]!)
    if (isCapitalised(head) && (titled || !isRole(head))) {
      // A transcript's speaker in capitals is a name, however short its
      // other parts: "GEORGE WILL", "TED CRUZ"; not "BFM TV", where no part
      // is longer than an acronym of three letters.
      const shouted = core.length >= 2 && core.every(inCapitals) && core.some((word) => /\p{Lu}{4,}/u.test(word))
      const acronym = (word: string) => !shouted && isAcronym(word)
      if (institutions.has(headLower) || acronym(head)) return { kind: "named-organisation", name: core.join(" ") }
      // The name is the capitalised run at the end: "Jens Stoltenberg" in
      // "Former NATO Secretary General Jens Stoltenberg".
      const name: Array<string> = []
      // A possessive ends it: "Ishaan Tharoor" in "the Washington Post's Ishaan Tharoor".
      // A sentence's capital makes no determiner part of it: "The Federal Reserve".
      for (let i = core.length - 1; i >= 0 && isCapitalised(core[i]!) && !isRole(core[i]!) && !acronym(core[i]!) && !/['’]s$/.test(core[i]!) && !determiners.has(lowered[i]!); i--) name.unshift(core[i]!)
      // "The Rev. Al Sharpton" is a person whatever comes before the title.
      const determined = determiners.has(lowered[0]!) && !core.some(isTitle)
      // "The Wisconsin Republican" is one person the article has in view.
      if (lowered[0] === "the" && (partyMember.test(head) || (placedMember.test(head) && core.length >= 3))) return { kind: "described-official", name: text }
      // "The Kremlin" names one body; "a Democrat", "a retired Marine", "one
      // Briton" is one of many, described by what they belong to.
      if (indefinite.has(lowered[0]!) && core.length > 1) return { kind: "described-official", name: text }
      // "The Queen", "The Reverend Jesse Jackson": a title or a first name makes a person.
      return determined && lowered[0] === "the" && name.length === core.length - 1 && genderBefore(core) === undefined
        ? { kind: "named-organisation", name: core.join(" ") }
        : { kind: "named-person", name: name.join(" ") || head }
    }
    if (isCapitalised(head) && institutions.has(headLower)) return { kind: "named-organisation", name: core.join(" ") }
    // "the commission", "the city of Phoenix": a body described, not named.
    if (institutions.has(headLower) && !isCapitalised(head)) return { kind: "described-official", name: text }
    if (isRole(head) || phraseRoles.find(text) !== undefined) {
      // "The Senate Majority Leader" names an office; "The company's CEO" does not.
      if (isCapitalised(head) && !isAcronym(head) && determiners.has(lowered[0]!) && core.length > 2) return { kind: "named-organisation", name: core.join(" ") }
      return { kind: isPlural(headLower) && !inView(lowered) ? "vague-collective" : "described-official", name: text }
    }
    return { kind: /s$/.test(headLower) ? "vague-collective" : "described-official", name: text, guessed: true }
  }

  // Sources repeat within an article ("Trump said", "officials said"), and
  // the same candidate words are typed again by each shape tried, so answers
  // are remembered; the cache is emptied when full, so a large batch cannot
  // grow it without end.
  const known = new Map<string, Typed>()
  const remembered = (words: ReadonlyArray<string>): Typed => {
    // Words come from a paragraph, which is one line, so a line break joins
    // them unambiguously; anything else is typed afresh.
    if (words.some((word) => word.includes("\n"))) return classify(words)
    const key = words.join("\n")
    let typed = known.get(key)
    if (typed === undefined) {
      if (known.size >= 10_000) known.clear()
      known.set(key, (typed = classify(words)))
    }
    return typed
  }

  // The lexicon's phrases ("familiar with", "who asked not to be named") say
  // why a source goes unnamed; its single words ("sources", "insider") name one.
  const reasons = wordPhrases(config.anonymous.filter((phrase) => phrase.includes(" ")))
  const anonymityIn = (words: ReadonlyArray<string>) => {
    const joined = words.join(" ")
    const found = reasons.locate(joined)
    if (found === undefined) return undefined
    // Words are joined by one space and hold none, so spaces count words.
    const wordAt = (offset: number) => joined.slice(0, offset).split(" ").length - 1
    return { first: wordAt(found.start), last: wordAt(found.end - 1) }
  }

  // Titles are written with and without their stop: "Mrs." and "Mrs".
  const bare = (word: string) => word.toLowerCase().replace(/\.$/, "")
  const genderTitles = new Map<string, Gender>()
  const genderNames = new Map<string, Gender>()
  for (const gender of ["female", "male"] as const) {
    for (const word of config.genders?.[gender]?.titles ?? []) genderTitles.set(bare(word), gender)
    for (const word of config.genders?.[gender]?.names ?? []) genderNames.set(bare(word), gender)
  }
  // The last word is the surname, whatever it also is: "Angus King" is no
  // king, and a surname alone says nothing. A title says it wherever it
  // stands before the surname; a first name only as the first word after
  // any role: "Virginia Governor Ralph Northam" is Ralph's, not Virginia's.
  /**
   * Where, in capitalised words, a person's name starts: at the last given
   * name the lexicon knows with a surname after it, past at least one other
   * word (what an office is of); -1 for none.
   */
  const givenNameAfter = (words: ReadonlyArray<string>): number => {
    if (!words.every((word) => isCapitalised(word) || word === "the" || word === "and" || particles.has(word))) return -1
    // The last given name with a surname after it: "Virginia" in "Governor of
    // West Virginia Jim Justice" is the place's, "Jim" the person's.
    return words.findLastIndex((word, i) => i > 0 && i < words.length - 1 && genderNames.has(bare(word)))
  }
  const genderOf = (name: string): Gender | undefined => genderBefore(name.split(" ").slice(0, -1))
  /** What the words before a surname say (or all of a title's words: "The Queen"). */
  const genderBefore = (before: ReadonlyArray<string>): Gender | undefined => {
    let titled: Gender | undefined
    for (const word of before) titled = genderTitles.get(bare(word)) ?? titled
    if (titled) return titled
    // The capitalised run after the last role: "Ralph" in "Virginia Governor
    // Ralph Northam". Its last first name is the one that says it: "Ann" in
    // "Lee Ann Womack", "Elizabeth" in "Massachusetts Democrat Elizabeth Warren".
    const run = before.slice(before.findLastIndex((word) => !isCapitalised(word) || isRole(word) || isTitle(word)) + 1)
    for (let i = run.length - 1; i >= 0; i--) {
      const gender = genderNames.get(bare(run[i]!))
      if (gender) return gender
    }
    return undefined
  }

  /** Whether a capitalised word before a surname is a first name the lists do not know: "Lyndon", not "President" or "Mary". */
  const unknownGiven = (word: string) =>
    isCapitalised(word) && !sentenceOpeners.has(word.toLowerCase()) && !isRole(word) && !isTitle(word) && !genderTitles.has(bare(word)) &&
    !genderNames.has(bare(word)) && !partyMember.test(word) && !demonym.test(word)

  return { classify: remembered, isHead, isPerson, anonymityIn, genderOf, unknownGiven }
}

/** What a name or title says of a person, for "he" and "she". */
export type Gender = "female" | "male"

/** Kinds from the most identifiable source to the least. */
const specificity: ReadonlyArray<SourceKind> = [
  "media-outlet", "named-person", "named-organisation", "state", "described-official", "document", "anonymous", "vague-collective", "pronoun"
]

/** Types sources, and knows which lowercase words can head one. */
export interface Classifier {
  readonly classify: (words: ReadonlyArray<string>) => Typed
  /** Whether a lowercase word can end a source: "officials", "embassy", "he". */
  readonly isHead: (word: string) => boolean
  /** Whether words end in one person's role: "a spokeswoman", "Trump's running mate", "the CEO". */
  readonly isPerson: (words: ReadonlyArray<string>) => boolean
  /**
   * Where words say why a source goes unnamed, as the anonymous lexicon's
   * phrases word it: the first and last word of the leftmost such phrase.
   */
  readonly anonymityIn: (words: ReadonlyArray<string>) => { readonly first: number; readonly last: number } | undefined
  /** Whether a person's name or title says "she" or "he": "Nancy Pelosi", "Mrs. Clinton"; undefined when it does not. */
  readonly genderOf: (name: string) => Gender | undefined
  /** Whether a capitalised word before a surname is a first name the gender lists do not know. */
  readonly unknownGiven: (word: string) => boolean
}
