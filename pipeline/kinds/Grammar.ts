/**
 * Grammar: the closed classes of English words that the source-finding
 * modules walk by (clause openers, auxiliaries, determiners, prepositions).
 * They are English grammar, not house style, so they live in code; the
 * lexicon of source heads is the attribution rule file's.
 */

// Words that open a clause: a source never runs across one.
export const clauseWords = new Set(["that", "which", "who", "whom", "whose", "and", "but", "because", "as", "when", "while", "if", "after", "before", "since", "although", "though", "so", "than", "where", "what", "how", "why", "whether", "even", "yet", "then", "until", "unless", "whereas"])
// Words between a source and its cue that belong to neither: "has long said".
export const verbalWords = new Set(["has", "have", "had", "was", "were", "is", "are", "be", "been", "also", "not", "never", "once", "later", "then", "again", "would", "will", "could", "can", "may", "might", "should", "did", "does", "do", "long", "repeatedly", "already", "still", "now", "often", "previously", "recently", "first", "publicly", "privately", "reportedly", "separately", "just", "however", "meanwhile", "instead", "nonetheless", "nevertheless", "isn't", "wasn't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "isn’t", "wasn’t", "didn’t", "doesn’t", "don’t", "hasn’t", "haven’t", "hadn’t", "won’t", "wouldn’t", "can’t", "couldn’t"])
// Words that make the cue a noun, not a verb of saying: "the report", "his plans".
export const nounMarkers = new Set(["the", "a", "an", "such", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "to", "of", "for", "in", "on", "with", "by"])
// Words that start an introductory phrase rather than a subject.
export const introWords = new Set(["as", "in", "on", "at", "during", "after", "before", "since", "addressing", "speaking", "asked", "when", "while", "for", "with", "despite", "following", "according", "however", "but", "and", "yet", "still", "meanwhile", "last", "earlier", "later"])
// Words that open an adverbial, capitalised at the start of a sentence as a
// name is, but only where the next word goes on with it: "Just before the
// vote", "Outside the arena"; not "Just Security" or "Outside experts". Not
// months that are also names (May, June, April, August).
export const adverbialOpeners = new Set(["just", "soon", "back", "along", "outside", "inside", "once", "first", "january", "february", "september", "october", "november", "december"])
// Sentence adverbs and expletives, which never open a subject: "Perhaps more
// interesting is …", "There are …", "Not far away, …"; nor does "To", which
// opens an infinitive or a phrase ("To be sure, …", "To Trump, …").
export const sentenceAdverbs = new Set(["perhaps", "maybe", "shortly", "instead", "finally", "ultimately", "eventually", "initially", "there", "here", "not", "to"])
// Participles that do not end in -ed: "people given the figures", "a memo written by".
export const irregularParticiples = new Set(["known", "given", "chosen", "shown", "seen", "held", "led", "left", "told", "made", "paid", "sent", "brought", "caught", "written", "taken", "drawn"])
// The months: after a preposition or a time link one is a date, not a name ("In May Trump said").
export const months = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])
// The days, which always have their capital: "Broaddrick Sunday recounted" is a name and a time.
export const weekdays = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
// Units of time a number counts: "Two weeks after Justice Scalia died".
export const timeUnits = /^(seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries)$/
// Prepositions before a gerund cue ("by saying"): the speaker is the sentence's subject.
export const gerundPrepositions = new Set(["by", "for", "from", "after", "before", "in", "on", "upon", "with", "without", "while", "when", "since"])
// Times that may stand between a subject and its verb, and the words that lead into them.
export const timeWords = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "earlier", "later"])
export const timeLinks = new Set(["on", "in", "at", "this", "last", "next", "early", "late", "that", "every"])
// Subjects that stand for no one, so that a gerund after them is no one's: "It's impossible to judge without knowing", "There's no way to tell".
export const emptySubjects = new Set(["it's", "it’s", "there", "there's", "there’s"])
// Conjunctions and sentence adverbs that may open a sentence before its subject.
export const conjunctions = new Set(["but", "and", "yet", "so", "even", "however", "still", "meanwhile", "now", "also"])
// Cue forms that agree with a subject, so a "that" before them is a relative
// pronoun: "a video that accuses", "polls that showed"; not "that plan".
// Verbs that name whom they told before what: "told Reuters on Monday that", "assured investors that".
export const listenerVerbs = new Set(["tell", "tells", "told", "telling", "assure", "assures", "assured", "assuring", "inform", "informs", "informed", "informing", "remind", "reminds", "reminded", "reminding"])
export const inflected = /(s|ed|said|told|wrote|sought|thought|knew|made it clear|made clear|put it|laid out)$/i
// Quantifiers and adverbs that float between a subject and its verb: "Merkley,
// Brown and Menendez all suggested", "have since denounced".
export const floating = new Set(["all", "both", "each", "even", "since", "together", "too", "further", "themselves", "himself", "herself", "itself"])
// Determiners and quantifiers that open a noun phrase.
export const determiners = new Set(["the", "a", "an", "this", "that", "these", "those", "another", "several", "some", "many", "other"])
// The adjective of a country or a people, capitalised: "Russian", "Chinese",
// "British", "Israeli", "Dutch". A first name can look like one ("Brian"),
// so it marks an adjective only where a name would not stand.
export const demonym = /^\p{Lu}\p{Ll}+(an|ese|ish|i|ch)$/u
// Courtesy titles, after which a capital is a surname even where it is a
// role too: "Mr. Singer", "Ms. Judge".
export const honorifics = new Set(["mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr"])
// Possessive determiners: "his spokesman", "their lawyers".
export const possessives: ReadonlyArray<string> = ["his", "her", "its", "their", "our", "my", "your"]
// Number words, which count people as figures do: "eight of 10", "one in five".
export const numberWords: ReadonlyArray<string> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
// Fractions written out: "three-quarters", "two-thirds", "three-fourths".
export const fractions = "[a-z]+-(?:thirds|quarters|fourths|fifths|tenths)"
// Words that name a part of a group before its "of": "One of the authors", "three-fourths of them".
const partWordSet = new Set([...numberWords, "some", "many", "most", "all", "none", "each", "several", "both"])
const fraction = new RegExp(`^${fractions}$`)
export const isPartWord = (word: string) => partWordSet.has(word) || fraction.test(word)
// Lower-case particles inside a person's name: "Bill de Blasio", "Ursula von der Leyen".
export const nameParticles: ReadonlyArray<string> = ["de", "del", "der", "van", "von", "al", "el", "bin", "da", "di", "du", "le", "la"]
// Nouns that count a group before its "of": "a handful of senators", "a
// significant number of Democrats", "dozens of lawmakers", "the share of
// Republicans".
export const quantityNouns: ReadonlyArray<string> = ["number", "handful", "couple", "dozen", "dozens", "hundreds", "thousands", "scores", "share", "proportion", "percentage", "majority", "minority", "plurality"]
// Quantifiers, before which an -s form is a plural noun, not a verb: "some calls".
export const quantifiers = new Set(["some", "many", "several", "few", "any", "no", "more", "most", "other", "all"])
// -s forms of verbs of saying that are never plural nouns: in "Trump says
// praise from Putin helps", "says" is the verb, though a cue follows it.
export const verbOnly = new Set(["says", "tells", "thinks", "believes", "argues", "insists", "explains", "adds", "writes", "warns", "suggests", "denies", "dismisses", "predicts", "declares", "announces", "asserts", "contends", "maintains", "acknowledges", "admits", "agrees"])
// Verbs that agree with a plural subject, never with "he says".
export const pluralVerbs = new Set(["are", "were", "have", "remain", "seem", "appear"])
// Subject pronouns that can stand for a speaker.
export const pronouns = new Set(["he", "she", "they", "it", "we", "i"])
export const modals = new Set(["would", "could", "might", "may", "should"])
export const auxiliaries = new Set(["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "can", "did", "does", "do", ...modals])
// Forms of "be".
export const copulas = new Set(["is", "are", "was", "were", "be", "been", "being"])
export const passiveOrModal = new Set([...copulas, ...modals])
// Endings of words that describe rather than name: "diplomatic", "binding".
export const adjectival = /(ing|ed|ic|al|ive|ous|ful|less|able|ible|ary)$/
export const maxSourceWords = 10
// Participles that give a thing its name: "a group called Black Votes Matter".
export const namingParticiples = new Set(["called", "named", "dubbed", "nicknamed", "titled"])
// Prepositions that open the tail of a long source: "the Roper Center for …".
export const tailPrepositions = new Set(["of", "for", "at", "in", "from", "by", "on", "with", "to", "about", "under"])

/**
 * Verbs that take an infinitive and are no cues of their own: their subject
 * is the infinitive's ("seemed to blame", "is trying to show", "began to
 * see"). Cues that take one ("wants to", "refused to", "continued to") have
 * their own relation. Not "attempt" or "attempts", as often nouns ("Republican
 * attempts to argue").
 */
export const catenatives = /^(seems?|seemed|seeming|appears?|appeared|appearing|tries|tried|try|trying|attempted|attempting|begins?|began|begun|beginning|starts?|started|starting|continues?|continuing|tends?|tended)$/

/** Verbs whose object did what an infinitive after it says: "led Priebus to declare", "prompted Cooper to accuse". */
export const causatives = /^(led|leading|prompted|prompting|drove|driving|drives|forced|forcing|spurred|spurring|caused|causing|inspired|inspiring)$/

/** Verbs an infinitive of purpose serves, whose subject says what it says: "took to the talk shows to defend". */
export const purposes = /^(took|take|takes|taking|appeared|appears|appearing|went|came|comes|traveled|travelled|travels|headed|heading|rushed|rushing|returned|interrupted|held|holds|holding|convened|gathered)$/

/** Cues' -ing forms that are as often adjectives: "the results were promising", "a very telling remark". */
export const ingAdjectives = new Set(["promising", "encouraging", "disappointing", "surprising", "interesting", "worrying", "alarming", "troubling", "concerning", "compelling", "convincing", "damning", "revealing", "telling", "threatening", "welcoming", "reassuring", "misleading", "insulting", "demanding"])

/** Words that open a subordinate clause: what a source inside one says follows its cue, and a name after one is no main clause's subject. */
export const subordinators = new Set(["after", "before", "when", "whenever", "because", "since", "while", "until", "if", "although", "though", "once", "unless", "whether", "as"])

/**
 * Words a sentence may open with before its subject, capitalised there as a
 * name is, and no first name: "But Clinton said", "Yesterday John Doe voted",
 * "On Tuesday Smith said".
 */
export const sentenceOpeners = new Set([
  ...conjunctions, ...introWords, ...subordinators, ...determiners, ...weekdays, ...timeWords, ...timeLinks,
  "then", "like", "from", "by", "to", "of", "a", "an"
])

/** Titles written short before a name: "Sen. Jane Doe", "the Rev. Al Sharpton". */
export const titleAbbreviations: ReadonlyArray<string> = ["Mr", "Mrs", "Ms", "Dr", "Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm", "Maj", "Prof", "Fr", "Rev", "Hon"]

/** Words of degree before an adjective or adverb: "very promising", "most recently said". */
export const degreeWords = new Set(["very", "more", "most", "less", "least", "quite", "so", "too", "rather", "highly"])
