import retextEnglish from "retext-english"
import { unified } from "unified"
import { VFile } from "vfile"
import { beforeAll, describe, expect, it } from "vitest"
import * as Analyse from "../../pipeline/Analyse.ts"
import { attributionKind, cueEntries } from "../../pipeline/kinds/Attribution.ts"
import { matchPhrases } from "../../pipeline/kinds/Match.ts"
import { quotes } from "../../pipeline/kinds/Quotes.ts"
import { normalise } from "../../pipeline/Normalise.ts"
import type { RuleSet } from "../../pipeline/Rules.ts"
import { classifier } from "../../pipeline/Sources.ts"
import { rulesNamed } from "../support.ts"

/** Each relation as a reader would summarise it: `source (kind) / cue [via …]`. */
const relations = (rules: RuleSet, text: string) =>
  Analyse.make(rules)(normalise(text)).attributions.map((a) => {
    const source = `${a.source.text} (${a.source.kind}${a.source.outletType ? `, ${a.source.outletType}` : ""}${a.source.resolvesTo ? ` → ${a.source.resolvesTo}` : ""})`
    const via = a.via.length > 0 ? ` via ${a.via.map((v) => v.resolvesTo ?? v.outlet ?? v.text).join(", ")}` : ""
    return `${source} / ${a.cue.text}${via}`
  })

/** Each relation with what it says: `source / cue: content`. */
const contentsOf = (rules: RuleSet, text: string) =>
  Analyse.make(rules)(normalise(text)).attributions.map((a) => `${a.source.text} / ${a.cue.text}: ${a.content ? text.slice(a.content.start, a.content.end) : "-"}`)

/** What each relation's cue reports, as the kind records it: `cue: speech|thought|stance`. */
const reports = (rules: RuleSet, text: string) => {
  const processor = unified()
    .use(retextEnglish)
    .use(matchPhrases, cueEntries(rules.attribution.cues))
    .use(quotes)
    .use(attributionKind, classifier(rules.attribution, rules.outlets), { id: rules.attribution.id, structures: rules.attribution.structures ?? [] })
  const file = new VFile({ value: text })
  processor.runSync(processor.parse(file), file)
  return (file.data.attributions ?? []).map((r) => `${text.slice(r.cue.start, r.cue.end)}: ${r.reports}`)
}

describe("attribution kind", () => {
  let rules: RuleSet
  beforeAll(async () => {
    rules = await rulesNamed()
  })

  it.each([
    ["Sergei Ryabkov said Russia was ready to sign.", "Sergei Ryabkov (named-person) / said"],
    ["A senior Russian official declared the offer open.", "A senior Russian official (described-official) / declared"],
    ["Sources familiar with the talks said the deal was close.", "Sources familiar with the talks (anonymous) / said"],
    ["Analysts view the move as a signal.", "Analysts (vague-collective) / view"],
    ["Moscow insists its posture is defensive.", "Moscow (state) / insists"],
    ["North Korea said it would test again.", "North Korea (state) / said"],
    ["The U.S. has never formally accused its ally.", "The U.S. (state) / accused"],
    ["Many African-Americans feel the system is rigged.", "Many African-Americans (vague-collective) / feel"],
    ["The Russian Embassy in Belgium said the talks would go on.", "The Russian Embassy in Belgium (named-organisation) / said"],
    ["The report said exports fell.", "The report (document) / said"],
    ["According to Reuters, exports fell.", "Reuters (media-outlet, wire) / According to"],
    ["Zelenskyy's chief of staff has firmly stated that ceding territory is not an option.", "Zelenskyy's chief of staff (described-official) / stated"],
    // An indefinite article before a capital is one of many, not a name.
    ["\"Yes,\" said a Republican.", "a Republican (described-official) / said"],
    ["A Briton told the paper it was cold.", "A Briton (described-official) / told"],
    ["One New Hampshire Democrat said the race was close.", "One New Hampshire Democrat (described-official) / said"],
    // An office of a place, then a name, is the person; without a name, or for many, it is not.
    ["Secretary of State John F. Kerry said the talks would go on.", "Secretary of State John F. Kerry (named-person) / said"],
    ["Mayor of New York City Bill de Blasio said the talks would go on.", "Mayor of New York City Bill de Blasio (named-person) / said"],
    ["The Mayor of New York City said the talks would go on.", "The Mayor of New York City (described-official) / said"],
    ["Supporters of Democrat Hillary Clinton say she will win.", "Supporters of Democrat Hillary Clinton (vague-collective) / say"],
    // The person's given name is the last one: "Virginia" is the state's.
    ["Governor of West Virginia Jim Justice said the mine would reopen.", "Governor of West Virginia Jim Justice (named-person) / said"],
    // So many of a group are the group, however they are counted.
    ["A handful of senators said they would vote no.", "A handful of senators (vague-collective) / said"],
    ["A significant number of Democrats said they would vote no.", "A significant number of Democrats (vague-collective) / said"],
    ["A number of reports said the bill would fail.", "A number of reports (document) / said"]
  ])("types the source: %s", (text, expected) => {
    expect(relations(rules, text)).toEqual([expected])
  })

  it("finds the source on either side of its cue", () => {
    expect(relations(rules, "Putin has frequently said the West deceived Russia.")).toEqual(["Putin (named-person) / said"])
    expect(relations(rules, "\"We will act,\" said Caddell.")).toEqual(["Caddell (named-person) / said"])
    // An archive's quotes: three apostrophes close a single quote inside the double one.
    expect(relations(rules, "''I would use the word 'old-school,''' said Gregory Slayton.")).toEqual(["Gregory Slayton (named-person) / said"])
    // A generation's numeral ends a name; it is no acronym of a body.
    expect(relations(rules, "\"We did our part,\" Vann R. Newkirk II, a writer for The Atlantic, said on Twitter.")).toEqual([
      "Vann R. Newkirk II (named-person) / said"
    ])
    expect(relations(rules, "Ott Pruitt, the attorney general of Oklahoma, said the rule was unlawful.")).toEqual([
      "Ott Pruitt (named-person) / said"
    ])
    expect(relations(rules, "Another superdelegate, Michael Brown of Washington, explained his support.")).toEqual([
      "Michael Brown of Washington (named-person) / explained"
    ])
    expect(relations(rules, "In a statement, one of the family's attorneys, Justin Bamberg, said the family was grieving.")).toEqual([
      "Justin Bamberg (named-person) / said"
    ])
    // "It" after a cue is what was said, never an inverted speaker.
    expect(relations(rules, "One of the senators, Tuesday, said it.")).toEqual(["One of the senators (described-official) / said"])
    // A description set off before a name is the name's; a description after one is not.
    expect(relations(rules, "A spokeswoman for the ministry, Maria Zakharova, said the talks had failed.")).toEqual([
      "Maria Zakharova (named-person) / said"
    ])
    expect(relations(rules, "The senator, Republican of Texas, said the talks had failed.")).toEqual(["The senator (described-official) / said"])
    // Only one person's description gives way to a name: not a place's, not a group's, not a body's.
    expect(relations(rules, "Some voters in the key swing state, Ohio, said the economy was weak.")).toEqual(["Some voters (vague-collective) / said"])
    expect(relations(rules, "The company, Apple, said the phone was safe.")).toEqual(["The company (described-official) / said"])
    expect(relations(rules, "The CEO, Tim Cook, said the phone was safe.")).toEqual(["Tim Cook (named-person) / said"])
    // A description no lexicon knows still describes a person after a possessor.
    expect(relations(rules, "Obama's predecessor, George W. Bush, said the war was right.")).toEqual(["George W. Bush (named-person) / said"])
    expect(relations(rules, "The U.S. would not act, Kirby, a spokesman for the department, said.")).toEqual(["Kirby (named-person) / said"])
    // Named and described after what was said.
    expect(relations(rules, "Facebook built the tool for times of crisis, a spokeswoman, Anna White, said on Saturday.")).toEqual([
      "Anna White (named-person) / said"
    ])
    expect(relations(rules, "Facebook built the tool for times of crisis, Anna White, a spokeswoman, said on Saturday.")).toEqual([
      "Anna White (named-person) / said"
    ])
    // A comma that closes the subject's appositive is no inverted cue's:
    // the statement is what was issued, and the reporters were told.
    expect(relations(rules, "Tracy Martin, Trayvon's father, issued a statement Thursday, saying the foundation would go on.")).toEqual([
      "Tracy Martin (named-person) / issued",
      "Tracy Martin (named-person) / saying"
    ])
    expect(relations(rules, "Butz, 49, told The Huffington Post that he would vote.")).toEqual(["Butz (named-person) / told via HuffPost"])
    // The outlet told ends where a time or a place begins.
    const carriers = (text: string) => Analyse.make(rules)(normalise(text)).attributions.flatMap((a) => a.via.map((v) => v.text))
    expect(carriers("The minister told Reuters on Monday that the talks had failed.")).toEqual(["Reuters"])
    expect(carriers("The minister told Reuters Monday that the talks had failed.")).toEqual(["Reuters"])
    expect(carriers("Zelenskyy told CNN in an interview aired on Sunday that he would not cede land.")).toEqual(["CNN"])
    expect(carriers("The minister told Voice of America on Monday that the talks had failed.")).toEqual(["Voice of America"])
    // A name's particles are part of it after an inverted cue too.
    expect(relations(rules, "\"We will not back down,\" said Ursula von der Leyen, the president of the European Commission.")).toEqual([
      "Ursula von der Leyen (named-person) / said"
    ])
    expect(relations(rules, "Biden, stumping for Clinton, trashes Trump's plan.")).toEqual(["Biden (named-person) / trashes"])
    // After a possessive, an inverted cue's phrase is its speaker only when it names people.
    expect(relations(rules, "Trump called her \"terrible,\" denounced her record and said she should quit.")).toEqual([
      "Trump (named-person) / called",
      "Trump (named-person) / denounced",
      "Trump (named-person) / said"
    ])
    expect(relations(rules, "\"We will win,\" said his spokesman.")).toEqual(["his spokesman (described-official) / said"])
    // A pronoun after the cue ends an inverted clause; one that goes on is its content's subject.
    expect(relations(rules, "\"We will win,\" said he.")).toEqual(["he (pronoun) / said"])
    expect(relations(rules, "Pollster Ann Selzer says \"undecided\" voters said they would wait.")).toEqual([
      "Pollster Ann Selzer (named-person) / says",
      "voters (vague-collective) / said"
    ])
    // Not "they": the subject is before the scare quote, where no source is looked for yet.
    expect(relations(rules, "Just 3 percent of self-identified \"liberals\" said they would vote.")).toEqual([])
    // An infinitive's subject is another verb's object: "would like Trump to explain" is Nance's wish.
    expect(relations(rules, "Nance said she would like Trump to further explain his stance.")).toEqual(["Nance (named-person) / said"])
    // A verb that takes an infinitive and says nothing itself hands its subject on.
    expect(relations(rules, "Hillary Clinton is trying to show that Sanders is not the only candidate.")).toEqual(["Hillary Clinton (named-person) / show"])
    expect(relations(rules, "In a brief response, Cruz seemed to blame the network.")).toEqual(["Cruz (named-person) / blame"])
    // An infinitive of purpose is the subject's of the verb it serves.
    expect(relations(rules, "Donald J. Trump took to the talk shows to defend his praise of Putin.")).toEqual([
      "Donald J. Trump (named-person) / defend"
    ])
    expect(relations(rules, "The senator held a news conference Monday to announce her run.")).toEqual(["The senator (described-official) / announce"])
    // Not across another verb, "for" or a dummy "it", nor straight before "to".
    expect(relations(rules, "Sanders held a rally urging voters to reject the deal.")).toEqual([])
    expect(relations(rules, "Clinton came under fire for failing to disclose her illness.")).toEqual([])
    expect(relations(rules, "It took three days to announce the results.")).toEqual([])
    expect(relations(rules, "Trump returned to claims that the election was rigged.")).toEqual([])
    expect(relations(rules, "Talks held in Geneva to discuss the deal collapsed.")).toEqual([])
    // Who was the first to say it said it.
    expect(relations(rules, "Hunter was one of the earliest House members to endorse the billionaire.")).toEqual([
      "one of the earliest House members (described-official) / endorse"
    ])
    // What a cause led someone to say, they said.
    expect(relations(rules, "The victory led RNC Chairman Reince Priebus to declare him the presumptive nominee.")).toEqual([
      "RNC Chairman Reince Priebus (named-person) / declare"
    ])
    // A party and state in parentheses stay out of the name.
    expect(relations(rules, "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said that it was fine.")).toEqual([
      "Rep. Elijah Cummings (named-person) / said"
    ])
    // What is set off beside the subject may be a description, an age, an aside or a participle's phrase.
    expect(relations(rules, "Ben Carson, the retired neurosurgeon, told reporters it was fine.")).toEqual(["Ben Carson (named-person) / told"])
    expect(relations(rules, "Tom Brown, 52, a retired teacher, told the AP it was fine.")).toEqual(["Tom Brown (named-person) / told"])
    expect(relations(rules, "Mr. Trump, in an interview, told reporters Tuesday that it was fine.")).toEqual(["Mr. Trump (named-person) / told"])
    expect(relations(rules, "Smith, however, said Monday that it was fine.")).toEqual(["Smith (named-person) / said"])
    // Not a clause's comma, nor a list's: the speaker is still inverted.
    expect(relations(rules, "The bill, which passed Monday, is deeply flawed, said Senator John Smith.")).toEqual([
      "Senator John Smith (named-person) / said"
    ])
    expect(relations(rules, "Jobs, jobs, jobs, said the candidate.")).toEqual(["the candidate (described-official) / said"])
    expect(relations(rules, "The agency, created in 2002, has failed, said Rep. Jane Doe.")).toEqual(["Rep. Jane Doe (named-person) / said"])
    const told = (text: string) => relations(rules, text).filter((r) => r.endsWith("/ told"))
    expect(told("\"I don't think so,\" Warren, who has not endorsed a candidate, told reporters in Boston.")).toEqual([
      "Warren (named-person) / told"
    ])
    // A clause opened by "but", "while" or "though" has its own subject, set off as it may be.
    expect(relations(rules, "Mr. Trump has attacked Clinton, but Republicans, concerned about women voters, have long considered it risky.")).toEqual([
      "Mr. Trump (named-person) / attacked",
      "Republicans (vague-collective) / considered"
    ])
    expect(relations(rules, "Jindal signed an order, while Mike Huckabee, the former Arkansas governor, proposed a ban.")).toEqual([
      "Mike Huckabee (named-person) / proposed"
    ])
    expect(relations(rules, "Putin said the economy had hit bottom, though the central bank, in a report this month, disputed that.")).toEqual([
      "Putin (named-person) / said",
      "the central bank (described-official) / disputed"
    ])
    // A relative clause between the subject and its verb, opened by "who", or by "that" before an auxiliary.
    expect(relations(rules, "But progressive groups that have endorsed him say they believe the delegates should choose.")).toEqual([
      "progressive groups (vague-collective) / endorsed",
      "progressive groups (vague-collective) / say"
    ])
    expect(relations(rules, "The groups that have sued the state say the law is unfair.")).toEqual(["The groups (vague-collective) / say"])
    expect(relations(rules, "Even Republicans who have praised his candidacy warned on Tuesday that the party may split.")).toEqual([
      "Republicans (vague-collective) / praised",
      "Republicans (vague-collective) / warned"
    ])
    // An "and" between capitals is inside the name, or joins two.
    expect(relations(rules, "Many leaders share these fears, but the Central and East European Coalition, which represents them, wants to stay neutral.")).toEqual([
      "the Central and East European Coalition (named-organisation) / wants"
    ])
    // Right after the subject, "while" or "yet" opens its appositive, not a clause.
    expect(relations(rules, "Obama, while president, said the war was a mistake.")).toEqual(["Obama (named-person) / said"])
    expect(relations(rules, "Bill Gates, yet another billionaire, said the tax was fair.")).toEqual(["Bill Gates (named-person) / said"])
    // A quote mark after a dash opens a quote.
    expect(relations(rules, "Cohen—\"the fixer,\" as Trump called him—told Congress it was over.")).toContain("Cohen (named-person) / told")
    // A quote that opened in the sentence before closes in this one.
    expect(told("\"I am a superdelegate. I don't think so,\" Warren, who has not endorsed a candidate, told reporters in Boston.")).toEqual([
      "Warren (named-person) / told"
    ])
    expect(relations(rules, "Clinton \"drew well from white Democrats\" in 2008, said Ohio State University professor Paul Beck.")).toEqual([
      "Ohio State University professor Paul Beck (named-person) / said"
    ])
    expect(relations(rules, "Families of the victims in Newtown, Connecticut, have sued the maker, alleging negligence.")).not.toContain(
      "Connecticut (named-person) / alleging"
    )
  })

  it("takes an -s form before another cue for a verb where it can only be one", () => {
    expect(relations(rules, "Trump says praise from Putin helps the U.S.")).toEqual(["Trump (named-person) / says"])
    expect(relations(rules, "He dismisses accusations that the plan is racist.")).toEqual(["He (pronoun) / dismisses"])
    // After a number above one, and in a compound the cue's rule lists, a cue word is a noun.
    expect(relations(rules, "Two questions: Why would Trump do that?")).toEqual([])
    expect(relations(rules, "It raised its forecast by 0.1 percentage points to 1.8 percent.")).toEqual([])
    expect(relations(rules, "One says the plan failed.")).toEqual(["One (vague-collective) / says"])
    // "recalls" is a noun too.
    expect(relations(rules, "Vehicle recalls show that the regulator is lax.")).toEqual([])
  })

  it("reads a name whose part is also an adverb or an auxiliary", () => {
    expect(relations(rules, "Rep. Billy Long said the bill would pass.")).toEqual(["Rep. Billy Long (named-person) / said"])
    expect(relations(rules, "Will Smith said the film was good.")).toEqual(["Will Smith (named-person) / said"])
    expect(relations(rules, "GEORGE WILL: The president is wrong about trade.")).toEqual(["GEORGE WILL (named-person) / :"])
    expect(relations(rules, "TED CRUZ: We will win this state.")).toEqual(["TED CRUZ (named-person) / :"])
    expect(relations(rules, "USA Today reported the deal.")).toEqual(["USA Today (media-outlet, private) / reported"])
    // Not a headline's adverb, nor a time after a name, nor a month, nor a question's auxiliary.
    expect(relations(rules, "In May Trump said the wall would be built.")).toEqual(["Trump (named-person) / said"])
    expect(relations(rules, "Did Obama say the economy grew?")).toEqual(["Obama (named-person) / say"])
    expect(relations(rules, "While Will Hurd said the plan was bad, others disagreed.")).toEqual(["Will Hurd (named-person) / said"])
    expect(relations(rules, "Sanders Also Says Clinton Will Lose")).toEqual(["Sanders (named-person) / Says"])
    expect(relations(rules, "Broaddrick Sunday recounted the story.")).toEqual(["Broaddrick (named-person) / recounted"])
  })

  it("takes a state's government for the state speaking", () => {
    expect(relations(rules, "The Ukrainian government said the talks failed.")).toEqual(["The Ukrainian government (state) / said"])
    expect(relations(rules, "Russia's government said the talks failed.")).toEqual(["Russia's government (state) / said"])
    // Not a government no state names, nor one of many.
    expect(relations(rules, "The government said the talks failed.")).toEqual(["The government (described-official) / said"])
    expect(relations(rules, "A Republican administration would defend the law, he said.")).not.toContain("A Republican administration (state) / defend")
  })

  it("knows people by what they are, and many of a role as a group", () => {
    expect(relations(rules, "The widow said the company never paid.")).toEqual(["The widow (described-official) / said"])
    expect(relations(rules, "This Trump look-alike declared that the wall would be built.")).toEqual(["This Trump look-alike (described-official) / declared"])
    expect(relations(rules, "Developers said the rules were too strict.")).toEqual(["Developers (vague-collective) / said"])
    // People the article has in view are described, not vague.
    expect(relations(rules, "The two pilots said the engine failed.")).toEqual(["The two pilots (described-official) / said"])
    expect(relations(rules, "Their lawyers said the case was weak.")).toEqual(["Their lawyers (described-official) / said"])
    expect(relations(rules, "The officials said the case was weak.")).toEqual(["The officials (vague-collective) / said"])
    expect(relations(rules, "The company's CEO said the plant would close.")).toEqual(["The company's CEO (described-official) / said"])
    expect(relations(rules, "The report commissioned by the Senate found the agency failed.")).toEqual([
      "The report commissioned by the Senate (document) / found"
    ])
    expect(relations(rules, "Trump's running mate, Indiana Gov. Mike Pence, plans to release his returns.")).toEqual([
      "Indiana Gov. Mike Pence (named-person) / plans"
    ])
    expect(relations(rules, "A web video by the Republican National Committee references four cases.")).toEqual([
      "A web video by the Republican National Committee (document) / references"
    ])
    expect(relations(rules, "The CEO said the plant would close.")).toEqual(["The CEO (described-official) / said"])
    expect(relations(rules, "C2I plans to reforest a million acres.")).toEqual(["C2I (named-organisation) / plans"])
    expect(relations(rules, "PolitiFact concluded his comments were false.")).toEqual(["PolitiFact (media-outlet, non-profit) / concluded"])
    expect(relations(rules, "A Clinton ally suggested she would change course.")).toEqual(["A Clinton ally (described-official) / suggested"])
    expect(relations(rules, "Millennials still believe in the American dream.")).toEqual(["Millennials (vague-collective) / believe"])
    expect(relations(rules, "Saudis insist they are fighting terror.")).toEqual(["Saudis (vague-collective) / insist"])
    expect(relations(rules, "Scott's family has called on police to release the videos.")).toEqual(["Scott's family (described-official) / called"])
    expect(relations(rules, "The meeting went badly, said two officials.")).toEqual(["two officials (vague-collective) / said"])
    // "To" opens no subject; "all" is a group.
    expect(relations(rules, "To varying degrees, all agreed that the plan failed.")).toEqual(["all (vague-collective) / agreed"])
    expect(relations(rules, "The meeting went badly, said one GOP source in the room.")).toEqual(["one GOP source (anonymous) / said"])
    // A courtesy title makes a role word a surname.
    expect(relations(rules, "Mr. Judge said the fund would stay out.")).toEqual(["Mr. Judge (named-person) / said"])
  })

  it("reads a headline for who said what, and for nothing else", () => {
    const text = "Sanders Says Clinton Reportedly Lacks Judgment\n\nBernie Sanders told reporters on Monday that he would keep campaigning."
    const analysis = Analyse.make(rules)(normalise(text, { boilerplate: rules.boilerplate, structure: rules.structure, heuristics: true }))
    expect(analysis.attributions.map((a) => `${a.source.text} / ${a.cue.text}`)).toEqual(["Sanders / Says", "Bernie Sanders / told"])
    // The headline's "Reportedly" is the desk's wording: no finding, no sentence of the claims.
    expect(analysis.findings.filter((f) => f.line === 1)).toEqual([])
    expect(analysis.sentences.every((sentence) => sentence.start > text.indexOf("\n"))).toBe(true)
    // An outlet before a headline's colon is the headline's source.
    const quoted = Analyse.make(rules)(normalise("NY Post: Megyn Kelly Is No Different Than the Rest\n\nThe column ran on Monday.", { boilerplate: rules.boilerplate, structure: rules.structure, heuristics: true }))
    expect(quoted.attributions.map((a) => `${a.source.text} (${a.source.kind}) / ${a.cue.text}`)).toEqual(["NY Post (media-outlet) / :"])
  })

  it("finds a speaker named with a modifier after an inverted cue", () => {
    expect(relations(rules, "\"We failed,\" said former Wisconsin Gov. Jim Doyle.")).toEqual(["former Wisconsin Gov. Jim Doyle (named-person) / said"])
    expect(relations(rules, "\"It was close,\" said conservative activist Bob Klaus, who is not affiliated.")).toEqual([
      "conservative activist Bob Klaus (named-person) / said"
    ])
    // A past form before a name or a role is an adjective here, not a verb.
    expect(relations(rules, "\"There is no data,\" said one unaligned Florida Republican strategist.")).toEqual([
      "one unaligned Florida Republican strategist (described-official) / said"
    ])
    expect(relations(rules, "\"It is over,\" said one well-connected Democrat familiar with the organization.")).toEqual([
      "one well-connected Democrat familiar with the organization (anonymous) / said"
    ])
  })

  it("resolves \"it\" to a body or a paper, and \"they\" to people named together, never to one person", () => {
    expect(relations(rules, "Treasury Secretary Janet Yellen said inflation was easing. The report showed prices rising. It said rents rose 6 percent.")).toEqual([
      "Treasury Secretary Janet Yellen (named-person) / said",
      "The report (document) / showed",
      "It (pronoun → The report) / said"
    ])
    expect(relations(rules, "Schumer and McConnell said a deal was close. They added that a vote would follow.")).toEqual([
      "Schumer and McConnell (named-person) / said",
      "They (pronoun → Schumer and McConnell) / added"
    ])
    // An "and" inside a title names one person.
    expect(relations(rules, "Health and Human Services Secretary Alex Azar said costs fell. He added that prices would drop.")).toEqual([
      "Health and Human Services Secretary Alex Azar (named-person) / said",
      "He (pronoun → Alex Azar) / added"
    ])
    expect(relations(rules, "Governor of West Virginia Jim Justice said the mine would reopen. He added that jobs would return.")).toEqual([
      "Governor of West Virginia Jim Justice (named-person) / said",
      "He (pronoun → Jim Justice) / added"
    ])
    // People unnamed who spoke since are whom "they" means: no name stands for them.
    expect(relations(rules, "Sanders said the race was not over. Officials said it was. They added that the count was final.")).toEqual([
      "Sanders (named-person) / said",
      "Officials (vague-collective) / said",
      "They (pronoun) / added"
    ])
    // A one-word name that speaks of "its" own is a company's.
    expect(relations(rules, "Pfizer said its vaccine works. It added that trials would go on.")).toEqual([
      "Pfizer (named-organisation) / said",
      "It (pronoun → Pfizer) / added"
    ])
    // Not where "its" is the cue's object's: whoever explains.
    expect(relations(rules, "Schlafly explained its purpose.")).toEqual(["Schlafly (named-person) / explained"])
  })

  it("resolves pronouns to the nearest earlier named source", () => {
    expect(relations(rules, "Jens Stoltenberg has countered that the alliance does not force expansion.\n\"No, the East decides to join NATO,\" he said.")).toEqual([
      "Jens Stoltenberg (named-person) / countered",
      "he (pronoun → Jens Stoltenberg) / said"
    ])
    // "He" passes over a woman, as every name in the article tells: Pelosi is Nancy Pelosi.
    expect(relations(rules, "Hillary Clinton met Bernie Sanders. Sanders said the plan was costly. Clinton said it was not. He said it was.")).toEqual([
      "Sanders (named-person) / said",
      "Clinton (named-person) / said",
      "He (pronoun → Sanders) / said"
    ])
    expect(relations(rules, "House Speaker Nancy Pelosi met Trump. Pelosi said the talks failed. He said they went well.")).toEqual([
      "Pelosi (named-person) / said",
      "He (pronoun) / said"
    ])
    // A surname says what the article's names with it say: nothing where they disagree.
    expect(relations(rules, "Ivanka Trump and Donald Trump attended. President Trump said the deal was done. He said China would pay.")).toEqual([
      "President Trump (named-person) / said",
      "He (pronoun → Trump) / said"
    ])
    expect(relations(rules, "Angela Merkel met Emmanuel Macron in Berlin. Macron said the talks went well. Chancellor Merkel said they failed. He added that more were planned.")).toEqual([
      "Macron (named-person) / said",
      "Chancellor Merkel (named-person) / said",
      "He (pronoun → Macron) / added"
    ])
    // The last first name before the surname, after any role, says it; an opening word is no first name.
    expect(relations(rules, "Tom Smith said the bill was weak. Massachusetts Democrat Elizabeth Warren said it was strong. He said the vote would be close.")).toEqual([
      "Tom Smith (named-person) / said",
      "Massachusetts Democrat Elizabeth Warren (named-person) / said",
      "He (pronoun → Tom Smith) / said"
    ])
    expect(relations(rules, "Hillary Clinton met Tom Smith. Smith said the bill was weak. But Clinton said it was strong. He said the vote would be close.")).toEqual([
      "Smith (named-person) / said",
      "Clinton (named-person) / said",
      "He (pronoun → Smith) / said"
    ])
    // A surname two people of the article share says nothing; a title does.
    expect(relations(rules, "Bill Clinton and Hillary Clinton arrived. Clinton said the trip was long. Mrs. Clinton said it was short. He said it was not.")).toEqual([
      "Clinton (named-person) / said",
      "Mrs. Clinton (named-person) / said",
      "He (pronoun → Clinton) / said"
    ])
    // A person named as a sentence's subject can be "he" or "she" though they have not spoken yet;
    // one named in an object or a quotation is not.
    expect(relations(rules, "Chancellor Olaf Scholz spoke to reporters on Monday. He said the talks failed.")).toEqual([
      "He (pronoun → Olaf Scholz) / said"
    ])
    expect(relations(rules, "Chancellor Olaf Scholz said Germany would spend more. Hungarian Prime Minister Viktor Orban disagreed. He said the plan was unfair.")).toEqual([
      "Chancellor Olaf Scholz (named-person) / said",
      "He (pronoun → Viktor Orban) / said"
    ])
    // Only one whose name or title says which: "Sen. Kyrsten Sinema" is neither "he" nor "she" here.
    expect(relations(rules, "\"We will fight,\" said union leader John Smith. Sen. Kyrsten Sinema left the room. He said the strike would go on.")).toEqual([
      "union leader John Smith (named-person) / said",
      "He (pronoun → John Smith) / said"
    ])
    // A first name counts after any role, not a place before it: Ralph Northam is "he".
    expect(relations(rules, "Virginia Governor Ralph Northam spoke first. He said the bill would pass.")).toEqual(["He (pronoun → Ralph Northam) / said"])
    expect(relations(rules, "But Angela Merkel met Emmanuel Macron in Berlin. She said the talks failed.")).toEqual([
      "She (pronoun → Angela Merkel) / said"
    ])
    // A name set off after the subject's description, or after an opening phrase, is the subject too.
    expect(relations(rules, "Dr. Sarah Chen said the results were promising. Her colleague, Dr. Mark Owens, disagreed. He said the sample was too small.")).toEqual([
      "Dr. Sarah Chen (named-person) / said",
      "He (pronoun → Dr. Mark Owens) / said"
    ])
    expect(relations(rules, "David Woodard said his survey showed Mr. Trump's support holding steady. \"Go figure,\" he said.")).toEqual([
      "David Woodard (named-person) / said",
      "his survey (document) / showed",
      "he (pronoun → David Woodard) / said"
    ])
    // A possessive alone is someone's too, not a name.
    expect(relations(rules, "Cruz said the rise helped. His assumption, confidently stated on live TV, was that voters would come around.")).toEqual([
      "Cruz (named-person) / said",
      "His (pronoun → Cruz) / stated"
    ])
  })

  it("reads a newspaper's short name as the outlet the article named in full", () => {
    expect(relations(rules, "The New York Times reported the deal. The Times said the emails were exchanges.")).toEqual([
      "The New York Times (media-outlet, private) / reported",
      "The Times (media-outlet, private) / said"
    ])
    expect(relations(rules, "The Washington Post reported it. Smith told the Post that it was wrong.")).toEqual([
      "The Washington Post (media-outlet, private) / reported",
      "Smith (named-person) / told via The Washington Post"
    ])
    // Told, the outlet was named all the same; a paper that does not go by the word is not meant.
    expect(relations(rules, "Smith told The New York Times that the deal was off. The Times said talks would resume.")).toEqual([
      "Smith (named-person) / told via The New York Times",
      "The Times (media-outlet, private) / said"
    ])
    expect(relations(rules, "The Financial Times reported the merger. The Times said the deal was off.")).toEqual([
      "The Financial Times (media-outlet, private) / reported",
      "The Times (media-outlet) / said"
    ])
    // Named in full nowhere before, it is still an outlet; a post in lower case is a document.
    expect(relations(rules, "The Times said the emails were exchanges.")).toEqual(["The Times (media-outlet) / said"])
    expect(relations(rules, "The post said it was wrong.")).toEqual(["The post (document) / said"])
  })

  it("follows chains through outlets and documents", () => {
    expect(relations(rules, "The Russian Embassy in Belgium told Izvestia that Moscow wants a written commitment.")).toContain(
      "The Russian Embassy in Belgium (named-organisation) / told via Izvestia"
    )
    expect(relations(rules, "Reuters reported last year, citing sources familiar with negotiations, that Putin sought guarantees.")).toEqual([
      "Reuters (media-outlet, wire) / reported",
      "sources familiar with negotiations (anonymous) / citing via Reuters"
    ])
    expect(relations(rules, "The announcement was reported by the state-controlled RIA Novosti news agency. According to the report, Ryabkov stated that Russia is ready.")).toEqual([
      "the state-controlled RIA Novosti news agency (media-outlet, state-owned) / reported by",
      "the report (document → RIA Novosti) / According to",
      "Ryabkov (named-person) / stated via RIA Novosti"
    ])
  })

  it.each([
    ["Trump refused to release his tax returns.", "Trump (named-person) / refused"],
    ["Clinton plans to raise taxes on the rich.", "Clinton (named-person) / plans"],
    ["Republicans were critical of the plan.", "Republicans (vague-collective) / were critical"],
    ["Lindsey Graham Says Trump Could Win.", "Lindsey Graham (named-person) / Says"],
    ["According to early returns, Clinton led in Kentucky.", "early returns (document) / According to"],
    ["The nominee has been endorsed by the Chicago Tribune.", "the Chicago Tribune (media-outlet, private) / endorsed"],
    // The agent without the time its phrase ends in.
    ["The war on drugs was first declared by President Richard Nixon in the 1970s.", "President Richard Nixon (named-person) / declared"],
    ["Obama changed course and decided to keep troops there.", "Obama (named-person) / decided"],
    ["Paul released a video that accuses Cruz of lying.", "a video (document) / accuses"],
    ["Debates rarely alter a campaign, noted NBC's Dante Chinni.", "NBC's Dante Chinni (named-person) / noted"],
    ["Senators Merkley, Brown and Menendez all suggested that the claims were grounds for a case.", "Brown and Menendez (named-person) / suggested"]
  ])("finds stances and the less common shapes: %s", (text, expected) => {
    expect(relations(rules, text)).toEqual([expected])
  })

  it("takes speakers named together as one source, as identifiable as the most identifiable of them", () => {
    expect(relations(rules, "Sanders and his aides believe the race is close.")).toEqual(["Sanders and his aides (named-person) / believe"])
    expect(relations(rules, "Mr. Xi and other leaders have said the talks failed.")).toEqual(["Mr. Xi and other leaders (named-person) / have said"])
    expect(relations(rules, "Both The New York Times and the Wall Street Journal confirmed the report.")).toEqual([
      "Both The New York Times and the Wall Street Journal (media-outlet, private) / confirmed"
    ])
    expect(relations(rules, "He said it, though independent economists and the central bank contested that.")).toEqual([
      "He (pronoun) / said",
      "independent economists and the central bank (described-official) / contested"
    ])
    // After a verb the first side is its object.
    expect(relations(rules, "He met the president and the senator said it was fine.")).toEqual(["the senator (described-official) / said"])
    // Cut at another cue, the last side keeps no "and".
    expect(relations(rules, "Though media reports and party sources described the push as hopeless, they tried.")).toContain(
      "party sources (anonymous) / described"
    )
  })

  it("leaves a cue's verb in another sense, as its rule lists the words that give it", () => {
    expect(relations(rules, "Clinton maintains a commanding lead among black voters.")).toEqual([])
    expect(relations(rules, "The campaign has long maintained they were not marked classified.")).toEqual(["The campaign (described-official) / maintained"])
    expect(relations(rules, "Sanders showed up late, and Trump called off the rally.")).toEqual([])
    expect(relations(rules, "The poll showed Clinton ahead.")).toEqual(["The poll (document) / showed"])
    expect(relations(rules, "Sanders found himself in a tough spot, adding to the confusion.")).toEqual([])
    expect(relations(rules, "A statement issued by the White House said the talks failed.")).toEqual([
      "A statement issued by the White House (document) / said"
    ])
  })

  it("takes the owner of a claim or a view for its source", () => {
    expect(relations(rules, "Trump's claim that the vote was rigged is false.")).toEqual(["Trump's (named-person) / claim"])
    expect(relations(rules, "In Professor Knittel's view, more research is needed.")).toEqual(["Professor Knittel's (named-person) / view"])
    expect(relations(rules, "Bolton said the talks failed. In his view, the policy is a failure.")).toEqual([
      "Bolton (named-person) / said",
      "his (pronoun → Bolton) / view"
    ])
    expect(relations(rules, "Analysts view the move as risky.")).toEqual(["Analysts (vague-collective) / view"])
  })

  it("keeps each rule to its own cases", () => {
    // "maintain" before an object is keeping, unless the object goes on to a clause's verb.
    expect(relations(rules, "Trump has maintained the election was stolen from him.")).toEqual(["Trump (named-person) / maintained"])
    expect(relations(rules, "Sen. Bernie Sanders maintained his double-digit lead over Clinton.")).toEqual([])
    expect(relations(rules, "Clinton maintains a lead that is narrowing.")).toEqual([])
    // A particle before what was said keeps the sense of saying.
    expect(relations(rules, "Reuters reported from Moscow that the talks had failed.")).toEqual(["Reuters (media-outlet, wire) / reported"])
    // A relative clause's verb goes on to no second verb and object.
    expect(relations(rules, "Records that have surfaced show the senator said he would resign.")).toEqual(["the senator (described-official) / said"])
    expect(relations(rules, "People who have seen the records say the senator said it was over.")).toEqual([
      "People (vague-collective) / say",
      "the senator (described-official) / said"
    ])
    // A claim's owner is mentioned, and the sentence's speaker goes on.
    expect(relations(rules, "Pelosi dismissed Trump's claims, saying he was lying.")).toEqual([
      "Pelosi (named-person) / dismissed",
      "Trump's (named-person) / claims",
      "Pelosi (named-person) / saying"
    ])
    expect(relations(rules, "Trees blocked his view of the stage, and workers filed their claims for benefits.")).toEqual([])
    // A clause before "and" is no side of a coordination.
    expect(relations(rules, "The storm hit Houston and officials said the damage was severe.")).toEqual(["officials (vague-collective) / said"])
    // A title after a state's abbreviation goes on with the sentence.
    expect(relations(rules, "The city will reopen on Monday, Washington, D.C. Mayor Muriel Bowser said.")).toEqual([
      "D.C. Mayor Muriel Bowser (named-person) / said"
    ])
    // A gerund that opens the sentence is no empty subject's, and no paper's.
    expect(relations(rules, "Without knowing the outcome, it's hard to say who will win.")).toEqual([])
    expect(relations(rules, "After saying the virus was under control, the number of cases doubled.")).toEqual([])
    // A paper's account that puts out an object speaks.
    expect(relations(rules, "Trump's Twitter account posted a video claiming the vote was rigged.")).toEqual([
      "Trump's Twitter account (document) / posted",
      "a video (document) / claiming"
    ])
    expect(relations(rules, "Republican attempts to argue the bill was bipartisan were dismissed.")).toEqual([])
    expect(relations(rules, "He added to reporters that the deal was done.")).toEqual(["He (pronoun) / added"])
    expect(relations(rules, "The ruling added to the confusion.")).toEqual([])
    expect(relations(rules, "Ford's allegations against Kavanaugh dominated the hearing.")).toEqual(["Ford's (named-person) / allegations"])
    expect(relations(rules, "Sen. Tim Kaine, a Richmond, Va. Democrat, told reporters it was over.")).toEqual(["Sen. Tim Kaine (named-person) / told"])
    expect(relations(rules, "Trump criticized Mattis Sunday for saying the war was lost.")).toEqual([
      "Trump (named-person) / criticized",
      "Mattis (named-person) / saying"
    ])
    expect(relations(rules, "Republicans who have publicly criticized the nominee said they would vote for him.")).toEqual([
      "Republicans (vague-collective) / criticized",
      "Republicans (vague-collective) / said"
    ])
    expect(relations(rules, "In a report issued this month, the agency said costs rose.")).toEqual(["the agency (described-official) / said"])
    expect(relations(rules, "Firms that have raised prices said demand was still strong.")).toEqual(["Firms (vague-collective) / said"])
  })

  it("reads the chains and sources of wire copy", () => {
    // A citation set off before its verb speaks through the verb's subject.
    expect(relations(rules, "The Washington Post, citing three unnamed U.S. officials, reported that the talks failed.")).toEqual([
      "three unnamed U.S. officials (anonymous) / citing via The Washington Post",
      "The Washington Post (media-outlet, private) / reported"
    ])
    // An outlet that cites someone relays them; anyone else who cites a thing is its source.
    expect(relations(rules, "According to the Wall Street Journal, which cited people familiar with the matter, Apple is in talks.")).toEqual([
      "the Wall Street Journal (media-outlet, private) / According to",
      "people familiar with the matter (anonymous) / cited via The Wall Street Journal"
    ])
    expect(relations(rules, "Reuters cited sources familiar with the talks as saying a deal was near.")).toEqual([
      "sources familiar with the talks (anonymous) / cited via Reuters"
    ])
    expect(relations(rules, "Trump cited a 2019 study on the costs.")).toEqual(["Trump (named-person) / cited"])
    // Who is quoted as saying it said it, through whoever quoted them.
    expect(relations(rules, "Interfax quoted a Kremlin spokesman as saying the talks failed.")).toEqual([
      "Interfax (media-outlet, wire) / quoted",
      "a Kremlin spokesman (described-official) / saying via Interfax"
    ])
    expect(relations(rules, "Peskov was quoted as saying the talks failed.")).toEqual(["Peskov (named-person) / saying"])
    expect(relations(rules, "Kremlin spokesman Dmitry Peskov was quoted by Interfax as saying the talks failed.")).toEqual([
      "Interfax (media-outlet, wire) / quoted by",
      "Kremlin spokesman Dmitry Peskov (named-person) / saying via Interfax"
    ])
    // After a name, the unnamed person described is that name.
    expect(relations(rules, "Jane Smith, a person familiar with the talks, who asked not to be named, said the deal was close.")).toEqual([
      "Jane Smith (named-person) / said"
    ])
    // A reason for anonymity set off after an anonymous source is part of it.
    expect(relations(rules, "A person familiar with the matter, who spoke on condition of anonymity, said the deal was close.")).toEqual([
      "A person familiar with the matter, who spoke on condition of anonymity (anonymous) / said"
    ])
    expect(relations(rules, "People familiar with the matter, who declined to be named, said the deal was close.")).toEqual([
      "People familiar with the matter, who declined to be named (anonymous) / said"
    ])
    // A country's armed forces, or its name before "government", are the state.
    expect(relations(rules, "The Ukrainian military said it had shot down 40 drones.")).toEqual(["The Ukrainian military (state) / said"])
    expect(relations(rules, "The U.S. government said the talks failed.")).toEqual(["The U.S. government (state) / said"])
    expect(relations(rules, "The army said it had shot down 40 drones.")).toEqual(["The army (described-official) / said"])
    expect(relations(rules, "The Free Syrian Army said the talks failed.")).toEqual(["The Free Syrian Army (named-organisation) / said"])
    expect(relations(rules, "Tass reported that the talks failed.")).toEqual(["Tass (media-outlet, state-owned) / reported"])
    // After "the", a name is a body's, unless a title or a party makes it a person's.
    expect(relations(rules, "The Federal Reserve said rates would rise.")).toEqual(["The Federal Reserve (named-organisation) / said"])
    expect(relations(rules, "The Rev. Al Sharpton said the talks failed.")).toEqual(["The Rev. Al Sharpton (named-person) / said"])
    expect(relations(rules, "The Wisconsin Republican said the talks failed.")).toEqual(["The Wisconsin Republican (described-official) / said"])
    expect(relations(rules, "The Queen said the talks failed.")).toEqual(["The Queen (named-person) / said"])
    expect(relations(rules, "The Reverend Jesse Jackson said the march would go on.")).toEqual(["The Reverend Jesse Jackson (named-person) / said"])
    // A paper an outlet obtained or wrote reaches the reader through it.
    expect(relations(rules, "A memo obtained by Politico shows the payment was made.")).toEqual(["A memo obtained by Politico (document) / shows via Politico"])
    expect(relations(rules, "According to a count by The Associated Press, Clinton won 40 delegates.")).toEqual([
      "a count by The Associated Press (document) / According to via Associated Press"
    ])
    // A perfect participle that opens the sentence is its subject's; "Having said that," is no one's words.
    expect(relations(rules, "Having denied the charges for months, Mr. Lopez admitted them on Monday.")).toEqual([
      "Mr. Lopez (named-person) / denied",
      "Mr. Lopez (named-person) / admitted"
    ])
    expect(relations(rules, "Having said that, the senator voted no.")).toEqual([])
    // A passive's agent ends before the reason given: "for promoting" is what they called him that for.
    expect(relations(rules, "Mehmet Oz has been called a charlatan by fellow physicians for promoting quack cures.")).toEqual([
      "fellow physicians (vague-collective) / called"
    ])
    // A partial quote before its source is what was said, whatever follows the cue.
    expect(contentsOf(rules, "The plan is \"dead on arrival,\" Smith told reporters on Tuesday.")).toEqual(["Smith / told: The plan is \"dead on arrival,\""])
    expect(contentsOf(rules, "Because the company said it missed its targets, investors expect more losses this year.")).toEqual([
      "the company / said: it missed its targets",
      "investors / expect: more losses this year"
    ])
    // A participle with its agent is a tail: mistakes made by a government are no government, nor a source.
    expect(relations(rules, "He blamed the war on Kyiv, citing strategic mistakes made by the Ukrainian government.")).toEqual([
      "He (pronoun) / blamed",
      "He (pronoun) / citing"
    ])
    // What was said starts at its "that", past whom it was told and when or where; a noun's own "that" is the noun's.
    expect(contentsOf(rules, "John Smith told Reuters on Monday that he would resign.")).toEqual(["John Smith / told: that he would resign"])
    expect(contentsOf(rules, "He said in an interview with CNN on Monday that he would run.")).toEqual(["He / said: that he would run"])
    expect(contentsOf(rules, "He said the plan that failed was costly.")).toEqual(["He / said: the plan that failed was costly"])
    // A passive's agent said its subject, or the noun its participle modifies, not the clause around them.
    expect(contentsOf(rules, "Markets rallied after a ceasefire proposal announced by Qatar on Monday.")).toEqual(["Qatar / announced: a ceasefire proposal"])
    expect(contentsOf(rules, "The plan was announced by Qatar on Monday.")).toEqual(["Qatar / announced: The plan"])
    expect(contentsOf(rules, "The bill, which was widely criticized by Democrats, passed.")).toEqual(["Democrats / criticized: The bill"])
    expect(contentsOf(rules, "Trump was asked by reporters whether he would run.")).toEqual(["reporters / asked: whether he would run"])
    // Mid-sentence, the people a reason is given for are the head its preposition describes, not its object.
    expect(relations(rules, "The government will press ahead, while officials close to the talks, who spoke on condition of anonymity, said the unions were offered more.")).toEqual([
      "officials close to the talks, who spoke on condition of anonymity (anonymous) / said"
    ])
    expect(relations(rules, "An official who spoke on condition of anonymity to discuss the talks said the deal was close.")).toEqual([
      "An official who spoke on condition of anonymity to discuss the talks (anonymous) / said"
    ])
    // "All told" sums up.
    expect(relations(rules, "All told, the storm destroyed 300 homes.")).toEqual([])
  })

  it("takes a paper before a verb of putting it out for what was put out", () => {
    expect(relations(rules, "In a statement issued in his name, Carson said he was sorry.")).toEqual(["Carson (named-person) / said"])
    expect(relations(rules, "A statement posted on the website said the listings were fake.")).toEqual(["A statement (document) / said"])
    expect(relations(rules, "The ministry issued a statement.")).toEqual(["The ministry (described-official) / issued"])
  })

  it("records what each cue reports", () => {
    expect(reports(rules, "Ryabkov said Russia was ready. Officials believe it. Ukraine seeks binding promises.")).toEqual([
      "said: speech",
      "believe: thought",
      "seeks: stance"
    ])
  })

  it("keeps a thought or a stance inside what was said as part of it", () => {
    expect(relations(rules, "He said he wants a deal.")).toEqual(["He (pronoun) / said"])
    expect(relations(rules, "He said the company plans to cut jobs.")).toEqual(["He (pronoun) / said"])
    expect(relations(rules, "He claimed the plan works, although he refused to say how.")).toEqual([
      "He (pronoun) / claimed",
      "he (pronoun) / refused"
    ])
  })

  it("sees a cue set off by commas", () => {
    expect(relations(rules, "Hillary Clinton, at a later press gaggle, said, \"I have been briefed.\"")).toEqual(["Hillary Clinton (named-person) / said"])
  })

  it("ends a sentence after a number or a state's abbreviation that parse-english took for an abbreviation's", () => {
    const sentences = (text: string) => Analyse.make(rules)(normalise(text)).sentences.map((s) => text.slice(s.start, s.end))
    expect(sentences("Beijing ranked fourth with 51. Forbes and Wealth-X say the U.S. has more.")).toEqual([
      "Beijing ranked fourth with 51.",
      "Forbes and Wealth-X say the U.S. has more."
    ])
    expect(relations(rules, "Beijing ranked fourth with 51. Forbes and Wealth-X say the U.S. has more.")).toEqual([
      "Forbes and Wealth-X (named-person) / say"
    ])
    expect(relations(rules, "The primary is on Feb. 27. \"It is close,\" she said.")).toEqual(["she (pronoun) / said"])
    expect(relations(rules, "He owes $90,000. His lawyer said he would pay.")).toEqual(["His lawyer (described-official) / said"])
    expect(relations(rules, "He played golf in Bedminster, N.J. Roger Ailes said it was fine.")).toEqual(["Roger Ailes (named-person) / said"])
    // Mid-sentence a state is set off by commas, and a title, an initial or another initialism runs on.
    expect(sentences("A Palo Alto, Calif., company and Gov. Jerry Brown met John F. Kennedy's U.S. Senate staff.")).toHaveLength(1)
    // A list item's number is not a sentence.
    expect(sentences("1. The senator said it was fine.")).toHaveLength(1)
  })

  it("finds the speaker signed off after a quote, in the same sentence or the next", () => {
    expect(relations(rules, "\"He represents our greatest shame.\" ― Sonya Herridge")).toEqual(["Sonya Herridge (named-person) / ―"])
    // Not a sign-off: the dash opens a sentence whose own verb has the speaker.
    expect(relations(rules, "\"Do we have to?\" - Democrats in Iowa who watched the debate said they were unfazed.")).toEqual([
      "Democrats in Iowa (vague-collective) / said"
    ])
  })

  it("gives a participle the subject of its clause", () => {
    // A gerund after a preposition is the subject's, or the main clause's when it opens the sentence.
    expect(relations(rules, "Silverman drew boos upon saying, \"Hillary heard the passion of the people.\"")).toEqual(["Silverman (named-person) / saying"])
    expect(relations(rules, "Mr. Sanders, after initially saying he would not advertise, changed his mind.")).toEqual(["Mr. Sanders (named-person) / saying"])
    // What one is blamed or praised for is one's own doing.
    expect(relations(rules, "Party Chairman Reince Priebus scolded Romney for suggesting that migrants self-deport.")).toEqual([
      "Party Chairman Reince Priebus (named-person) / scolded",
      "Romney (named-person) / suggesting"
    ])
    expect(relations(rules, "Ms. Khan criticized him for saying he had sacrificed nothing.")).toEqual(["Ms. Khan (named-person) / criticized"])
    expect(relations(rules, "Yet Mr. Trump has paid no political price for attacking them.")).toEqual(["Mr. Trump (named-person) / attacking"])
    expect(relations(rules, "Since announcing in October that he would not run, Mr. Biden has campaigned for Clinton.")).toEqual([
      "Mr. Biden (named-person) / announcing"
    ])
    // A participle's phrase that opens the sentence is no subject: "Chastened by …".
    expect(relations(rules, "Chastened by the analyses, Trump revised his plan, promising to fix it.")).toEqual(["Trump (named-person) / promising"])
    expect(relations(rules, "Reached by phone, Joyce told the paper she would vote.")).toEqual(["Joyce (named-person) / told"])
    // A name that ends in "-ed" is still the subject before its preposition.
    expect(relations(rules, "United on Monday canceled 200 flights, saying the storm made travel unsafe.")).toEqual(["United (named-person) / saying"])
    // Not a phrase set off beside it with a participle of its own.
    expect(relations(rules, "Speaking in Bishkek, a military alliance comprising former Soviet republics, Putin called the idea \"ridiculous,\" asserting, \"We never intended it.\"")).toEqual([
      "Putin (named-person) / called",
      "Putin (named-person) / asserting"
    ])
    expect(relations(rules, "The Supreme Court blocked the sale, citing a threat to public health.")).toEqual([
      "The Supreme Court (named-organisation) / citing"
    ])
    expect(relations(rules, "Foreign policy analysts said the ties have grown, citing the strategic importance of Burma.")).toEqual([
      "Foreign policy analysts (vague-collective) / said",
      "Foreign policy analysts (vague-collective) / citing"
    ])
    expect(relations(rules, "Bemoaning the \"phony system,\" Trump accused Holt of being a Democrat.")).toEqual([
      "Trump (named-person) / Bemoaning",
      "Trump (named-person) / accused"
    ])
    expect(relations(rules, "Mr. McKinley is bearish on student loans and expects them to become scarce.")).toEqual([
      "Mr. McKinley (named-person) / expects"
    ])
  })

  it("gives a gerund after a preposition no one's words when its subject is empty", () => {
    expect(relations(rules, "There's no way to tell without seeing his tax returns.")).toEqual([])
    expect(relations(rules, "It's impossible to judge his plan without knowing how it affects him.")).toEqual([])
    expect(relations(rules, "It went on without saying a word.")).toEqual(["It (pronoun) / saying"])
  })

  it("reads a \"by\" before a gerund as how, not who", () => {
    expect(relations(rules, "Carson concluded by admonishing journalists.")).toEqual(["Carson (named-person) / concluded"])
    expect(relations(rules, "Beijing responded by sidestepping Moscow.")).toEqual(["Beijing (state) / responded"])
    expect(relations(rules, "Sanders was supported by overwhelming majorities of voters.")).toEqual([
      "overwhelming majorities of voters (vague-collective) / supported"
    ])
  })

  it("leaves the preposition before a source out of it", () => {
    expect(relations(rules, "With Senator John McCain calling for hearings, the pressure grew.")).toEqual([
      "Senator John McCain (named-person) / calling"
    ])
    expect(relations(rules, "At least four senators said they would vote no.")).toEqual(["At least four senators (vague-collective) / said"])
    expect(relations(rules, "He was attacked by surrogates (like top Obama aide David Plouffe, who called Trump a psychopath).")).toEqual([
      "surrogates (vague-collective) / attacked",
      "top Obama aide David Plouffe (named-person) / called"
    ])
    expect(relations(rules, "Warren led the wing until Sanders decided to run.")).toEqual(["Sanders (named-person) / decided"])
    // And the thing said, when it stands before its speaker: "not everything Trump says".
    expect(relations(rules, "Not everything Trump says is true.")).toEqual(["Trump (named-person) / says"])
    expect(relations(rules, "A wall is something Republicans wanted.")).toEqual(["Republicans (vague-collective) / wanted"])
  })

  it("finds sources that no single head word names", () => {
    expect(relations(rules, "Political observers in Virginia and around the country say Scott deserves the seat.")).toEqual([
      "Political observers in Virginia and around the country (vague-collective) / say"
    ])
    expect(relations(rules, "Nearly eight of 10 voters say they plan to tune in.")).toEqual(["Nearly eight of 10 voters (vague-collective) / say"])
    expect(relations(rules, "Some believe the plan will fail.")).toEqual(["Some (vague-collective) / believe"])
    expect(relations(rules, "But environmentalists worry that the plan pollutes.")).toEqual(["environmentalists (vague-collective) / worry"])
    expect(relations(rules, "\"It was a mess,\" said one Democratic source on the panel.")).toEqual(["one Democratic source (anonymous) / said"])
    expect(relations(rules, "Trump refused to pay an upholsterer who said he was stiffed.")).toEqual([
      "Trump (named-person) / refused",
      "who (described-official → an upholsterer) / said"
    ])
    // Where the lexicon knows the head, it is the source; what stands before
    // it is still a clause of its own, not what the lawyer said.
    // A verb right after "who" is the relative clause's: its object is no source.
    expect(relations(rules, "One of the doctors who sent the letter called Oz a quack.")).toEqual(["One of the doctors (described-official) / called"])
    // A clause after "who" with a subject of its own; a part of a group whose relative clause is the group's.
    expect(relations(rules, "The man, who local officials said was armed, fled the scene.")).toEqual(["local officials (vague-collective) / said"])
    expect(relations(rules, "He is one of the lawmakers who have argued the law is unconstitutional.")).toEqual([
      "the lawmakers (vague-collective) / argued"
    ])
    expect(relations(rules, "Trump refused to pay a lawyer who said he was stiffed.")).toEqual([
      "Trump (named-person) / refused",
      "a lawyer (described-official) / said"
    ])
    expect(relations(rules, "Nine in 10 said the economy favors the wealthy.")).toEqual(["Nine in 10 (vague-collective) / said"])
    expect(relations(rules, "Carter however said he would welcome the plan.")).toEqual(["Carter (named-person) / said"])
    expect(relations(rules, "On economic issues, 42% say they are liberal.")).toEqual(["42% (vague-collective) / say"])
    expect(relations(rules, "Several said they would rather stay home.")).toEqual(["Several (vague-collective) / said"])
    expect(relations(rules, "Most said they were very worried.")).toEqual(["Most (vague-collective) / said"])
    expect(relations(rules, "Three-fourths say the government should act.")).toEqual(["Three-fourths (vague-collective) / say"])
    expect(relations(rules, "As many as three-fourths of them tell pollsters they dislike him.")).toEqual([
      "three-fourths of them (vague-collective) / tell"
    ])
    // "most" before an adverb is the adverb's: the subject stands before them.
    expect(relations(rules, "He declined to criticize Duke, and most recently defended the image.")).toEqual([
      "He (pronoun) / declined",
      "He (pronoun) / defended"
    ])
    // "Both" points back to people already named: not a name, not a vague group.
    expect(relations(rules, "Smith and Jones met in Geneva. Both said the talks were useful.")).toEqual([])
    expect(relations(rules, "Democrats in Iowa who watched the debate said they were unfazed.")).toEqual([
      "Democrats in Iowa (vague-collective) / said"
    ])
    expect(relations(rules, "Djokovic told a TV interviewer that he is feeling emotional.")).toEqual(["Djokovic (named-person) / told"])
    expect(relations(rules, "Critics scoffed at the plan, and the senator downplayed the risk.")).toEqual([
      "Critics (vague-collective) / scoffed",
      "the senator (described-official) / downplayed"
    ])
  })

  it("reads a source's modifiers as part of it, and types it by its head", () => {
    // A group's word inside a run of capitals before "of" and a name is an organisation's name.
    expect(relations(rules, "The deal covers 100 workers, according to the Communications Workers of America.")).toEqual([
      "the Communications Workers of America (named-organisation) / according to"
    ])
    expect(relations(rules, "Leaders of the European Union said the deal was fair.")).toEqual(["Leaders of the European Union (vague-collective) / said"])
    expect(relations(rules, "Former Employees of Theranos Say Tests Were Faked")).toEqual(["Former Employees of Theranos (vague-collective) / Say"])
    expect(relations(rules, "Some Cruz endorsers have their own ideas for attacking Trump.")).toEqual(["Some Cruz endorsers (vague-collective) / attacking"])
    expect(relations(rules, "People briefed on the move said that it reflected a change.")).toEqual([
      "People briefed on the move (anonymous) / said"
    ])
    expect(relations(rules, "People with direct knowledge of Gates' work said the period was long.")).toEqual([
      "People with direct knowledge of Gates' work (anonymous) / said"
    ])
    expect(relations(rules, "A survey conducted for the paper showed Smith ahead.")).toEqual(["A survey conducted for the paper (document) / showed"])
    expect(relations(rules, "In Virginia, 85% of Democrats said the system favors the wealthy.")).toEqual(["85% of Democrats (vague-collective) / said"])
    expect(relations(rules, "Even so, three-quarters of the voters said they were worried.")).toEqual([
      "three-quarters of the voters (vague-collective) / said"
    ])
    // A cue's own participle modifies the speakers; what follows it is not who spoke.
    expect(relations(rules, "Lawmakers arguing for the bill said it would pass.")).toEqual([
      "Lawmakers (vague-collective) / arguing",
      "Lawmakers (vague-collective) / said"
    ])
    expect(relations(rules, "Analysts expecting a rate cut said the bank would act.")).toEqual([
      "Analysts (vague-collective) / expecting",
      "Analysts (vague-collective) / said"
    ])
    expect(relations(rules, "A report released Tuesday found the rate rose.")).toEqual(["A report (document) / found"])
    // A closing quote is no possessive.
    expect(relations(rules, "The so-called 'Friends of Veterans' group said it was neutral.")).toEqual(["group (described-official) / said"])
    // A past form with an object is the subject's own verb: "promise" here is a noun.
    expect(relations(rules, "The president revisited his own promise to guide the country.")).toEqual([])
    expect(relations(rules, "They made plans to build bunkers.")).toEqual([])
  })

  it.each([
    ["\"It is over,\" said a senior official familiar with the matter.", ["a senior official familiar with the matter (anonymous) / said"]],
    ["The deal is off, said a diplomat with knowledge of the talks.", ["a diplomat with knowledge of the talks (anonymous) / said"]],
    ["An official who asked not to be identified said the deal was dead.", ["An official who asked not to be identified (anonymous) / said"]],
    ["A diplomat, speaking on condition of anonymity, said the talks were over.", ["A diplomat, speaking on condition of anonymity (anonymous) / said"]],
    // The reason is no statement of its own: nobody "asked" here.
    ["\"We are done,\" said two people close to the talks, who asked not to be named.", ["two people close to the talks (anonymous) / said"]],
    // Other tails are not part of the source, nor is a relative clause with a subject of its own.
    ["\"We will win,\" said Smith on Monday.", ["Smith (named-person) / said"]],
    ["Charlie Sykes, who lamented in an interview with a Business Insider editor that the party was lost, quit.", ["Charlie Sykes (named-person) / lamented"]],
    ["In the wake of the crisis, sources said she was ill.", ["sources (anonymous) / said"]],
    // A name stays a name; a verb before the phrase still speaks.
    ["John Smith, who is close to the president, said the plan failed.", ["John Smith (named-person) / said"]],
    ["It was Smith who said sources close to the White House had leaked the memo.", ["Smith (named-person) / said"]],
    ["The aide, who said on condition of anonymity that the memo was real, left.", ["The aide (described-official) / said"]],
    ["\"No,\" said a spokesman contacted Tuesday.", ["a spokesman (described-official) / said"]],
    ["A worker who didn't want to be named said the plant would close.", ["A worker who didn't want to be named (anonymous) / said"]],
    ["An aide who was not authorized to comment said the talks failed.", ["An aide who was not authorized to comment (anonymous) / said"]],
    // A reason given by a preposition is part of the phrase; a clause with a subject of its own is not.
    ["A former employee, speaking on condition of anonymity because of an agreement, said the memo was real.", ["A former employee, speaking on condition of anonymity because of an agreement (anonymous) / said"]],
    // A clause with a subject of its own ends the reason, inside a clause set off by commas.
    ["The woman, who spoke on condition of anonymity because she feared reprisals, said the plant was closing.", ["she (pronoun) / feared", "The woman, who spoke on condition of anonymity (anonymous) / said"]],
    ["An official, who requested anonymity before the announcement, said the deal was close.", ["An official, who requested anonymity (anonymous) / said"]],
    ["\"No,\" said an aide speaking on the condition of anonymity.", ["an aide speaking on the condition of anonymity (anonymous) / said"]],
    ["An official who was not authorised to speak said the deal was close.", ["An official who was not authorised to speak (anonymous) / said"]]
  ])("keeps the words that say why a source goes unnamed, and types it anonymous: %s", (text, expected) => {
    expect(relations(rules, text)).toEqual(expected)
  })

  it.each([
    // A capital at the start of a sentence opens an adverbial as often as a name.
    ["Two weeks after the ruling, Justice Clarence Thomas broke his silence by asking questions.", ["Justice Clarence Thomas (named-person) / asking"]],
    ["Shortly after the ruling, Sen. Ted Cruz of Texas, now a contender, proposed an amendment.", ["Sen. Ted Cruz of Texas (named-person) / proposed"]],
    ["Just last week, J.J. Goldberg, editor at large of The Forward, wrote that the fear was real.", ["J.J. Goldberg (named-person) / wrote"]],
    ["Tuesday at a rally in Berea, after winning Ohio, Gov. John Kasich, the governor, said the plan was dead.", ["Gov. John Kasich (named-person) / said"]],
    // A part of a group is the name set off after it, or else typed by the group.
    ["One of the authors of the report, Ari Fleischer, said the party would recover.", ["Ari Fleischer (named-person) / said"]],
    ["One of the senators said the plan was dead.", ["One of the senators (described-official) / said"]],
    ["One of them said the plan was dead.", ["One of them (described-official) / said"]],
    ["Most of them said the plan was dead.", ["Most of them (vague-collective) / said"]],
    ["Once he was president, Mr. Obama made peace a priority, announcing an envoy.", ["Mr. Obama (named-person) / announcing"]],
    ["Just over a quarter, 26 percent, say they would vote for him.", ["26 percent (vague-collective) / say"]],
    ["One of the senators, Tuesday, said the plan was dead.", ["One of the senators (described-official) / said"]],
    ["Back home, Smith spoke, saying the plan was dead.", ["Smith (named-person) / saying"]],
    ["Once elected, Smith moved to Washington and said the plan was dead.", ["Smith (named-person) / said"]],
    ["Yesterday Smith spoke, saying the plan was dead.", ["Smith (named-person) / saying"]],
    ["Each of them said the plan was dead.", ["Each of them (vague-collective) / said"]],
    // The same words go on with a name or a noun as a subject's.
    ["First Lady Michelle Obama spoke in Ohio, saying the vote mattered.", ["First Lady Michelle Obama (named-person) / saying"]],
    ["Outside experts were skeptical, saying the plan would fail.", ["Outside experts (vague-collective) / saying"]],
    // A number counts people; it names no one.
    ["Two said the plan was dead.", ["Two (vague-collective) / said"]],
    ["One in four voters in a New York Times poll said they were undecided.", ["One in four voters in a New York Times poll (vague-collective) / said"]]
  ])("takes no capitalised opener or count for a name: %s", (text, expected) => {
    expect(relations(rules, text)).toEqual(expected)
  })

  it.each([
    ["According to the state-controlled RIA Novosti news agency, talks were over.", "the state-controlled RIA Novosti news agency (media-outlet, state-owned) / According to"],
    ["The Guardian reported that the vote was valid.", "The Guardian (media-outlet, private) / reported"],
    ["Fox News and NBC News called the race.", "Fox News and NBC News (media-outlet, private) / called"],
    ["The Washington Post's investigative unit reported the payments.", "The Washington Post's investigative unit (media-outlet, private) / reported"],
    ["Xinhua News Agency said the talks had failed.", "Xinhua News Agency (media-outlet, state-owned) / said"],
    ["Russian state news agency RIA Novosti reported the strike.", "Russian state news agency RIA Novosti (media-outlet, state-owned) / reported"],
    ["Russia's TASS news agency said the talks had failed.", "Russia's TASS news agency (media-outlet, state-owned) / said"],
    ["It was, the Guardian reported, a close vote.", "the Guardian (media-outlet, private) / reported"],
    // A journalist speaks for themselves; a poll is a document; another name is another body.
    ["MSNBC reporter Alex Seitz-Wald tweeted that the vote was valid.", "MSNBC reporter Alex Seitz-Wald (named-person) / tweeted"],
    ["The Washington Post's Ishaan Tharoor wrote that it was over.", "The Washington Post's Ishaan Tharoor (named-person) / wrote"],
    ["Paul Krugman of the New York Times wrote that rates are low.", "Paul Krugman of the New York Times (named-person) / wrote"],
    ["A Fox News poll shows Clinton ahead.", "A Fox News poll (document) / shows"],
    ["The Guardian Council said the vote was valid.", "The Guardian Council (named-organisation) / said"],
    ["Smith and Fox News called the race.", "Smith and Fox News (named-person) / called"],
    ["Chairman Bloomberg said the talks had failed.", "Chairman Bloomberg (named-person) / said"],
    ["Michael Bloomberg said the talks had failed.", "Michael Bloomberg (named-person) / said"]
  ])("types a source as an outlet only where the outlet's name heads it: %s", (text, expected) => {
    expect(relations(rules, text)).toEqual([expected])
  })

  it("reads no speaker into a colon after a complement of \"be\"", () => {
    expect(relations(rules, "The only one to do it was, coincidentally, another Virginian: Harry F. Byrd Sr., the patriarch.")).toEqual([])
    expect(relations(rules, "A senior aide said: the plan is dead.")).toEqual(["A senior aide (described-official) / said"])
    expect(relations(rules, "Here is President Obama: we will not back down.")).toEqual(["President Obama (named-person) / :"])
  })

  it("reads a cue's word inside a source as part of the name", () => {
    expect(relations(rules, "Turnout rose, according to a recent Reuters survey of voter lists.")).toEqual([
      "a recent Reuters survey of voter lists (document) / according to"
    ])
    expect(relations(rules, "Spending rose, a USA TODAY analysis of campaign-finance reports shows.")).toEqual([
      "a USA TODAY analysis of campaign-finance reports (document) / shows"
    ])
  })

  it("takes what follows the cue for what a source says before it, unless something sets the source off", () => {
    const contents = (text: string) => contentsOf(rules, text)
    expect(contents("Tesla's shares fell 10 percent after the company said deliveries had slowed.")).toEqual(["the company / said: deliveries had slowed"])
    expect(contents("The mayor said that the governor had told him the bridge was safe.")).toEqual([
      "The mayor / said: that the governor had told him the bridge was safe",
      "the governor / told: him the bridge was safe"
    ])
    expect(contents("The bill will pass, he said.")).toEqual(["he / said: The bill will pass"])
    // The reason for anonymity ends at its cue: a verb further on is no cue of theirs.
    expect(contents("Officials who asked not to be named said the convoy was attacked.")).toEqual([
      "Officials who asked not to be named / said: the convoy was attacked"
    ])
  })

  it("keeps a main clause's content whole after a relative clause, and a relative clause's own up to its comma", () => {
    const contents = (text: string) =>
      Analyse.make(rules)(normalise(text)).attributions.map((a) => `${a.cue.text}: ${a.content ? text.slice(a.content.start, a.content.end) : "-"}`)
    expect(contents("John Smith, who led the panel, said that the plan, if passed, would fail.")).toEqual(["said: that the plan, if passed, would fail"])
    expect(contents("Maggie Hassan, who is challenging Ayotte, supported the effort.")).toEqual(["challenging: Ayotte", "supported: the effort"])
    // A relative clause inside the source is the source's: what it says is before it.
    expect(contents("Jobs are up, economists who study labor markets said Tuesday.")).toEqual(["said: Jobs are up"])
    expect(contents("Trump fired an aide who has repeatedly said the wall is useless.")).toEqual(["said: the wall is useless"])
    // A description set off before its source is the source's, not what was said.
    expect(contents("Obama's predecessor, George W. Bush, said the war was right.")).toEqual(["said: the war was right"])
    expect(contents("Trump refused to pay a lawyer who said he was stiffed.")).toEqual(["refused: to pay a lawyer who said he was stiffed", "said: he was stiffed"])
    // The clause's own parenthesis, and its closing comma inside a quote, as American style puts it.
    expect(contents("Hassan, who, unlike Ayotte, has said the law is bad, supported the effort.")).toEqual(["has said: the law is bad", "supported: the effort"])
    expect(contents("Maggie Hassan, who said \"We will, of course, win,\" also supported the effort.")).toEqual(["said: \"We will, of course, win,\"", "supported: the effort"])
  })

  it("ends what a relative clause set off by commas says at its closing comma", () => {
    // "supported" is no stance inside what "challenging" reports: the main clause goes on after the comma.
    expect(relations(rules, "Maggie Hassan, who is challenging Ayotte for her seat, also supported the effort.")).toEqual([
      "Maggie Hassan (named-person) / challenging",
      "Maggie Hassan (named-person) / supported"
    ])
  })

  it("keeps two clauses joined by \", and\" apart", () => {
    expect(relations(rules, "Democrats want more revenue, and Republicans want lower rates.")).toEqual([
      "Democrats (vague-collective) / want",
      "Republicans (vague-collective) / want"
    ])
  })

  it("reads how someone spoke, before a colon and a quote, as their cue", () => {
    expect(contentsOf(rules, "The minister was blunt: \"We will not pay a single euro.\"")).toEqual([
      "The minister / was blunt: \"We will not pay a single euro.\""
    ])
    expect(relations(rules, "The senators were more direct: \"This bill is dead.\"")).toEqual(["The senators (vague-collective) / were more direct"])
    // A thing is no speaker, and without a quote the colon says what the thing is.
    expect(relations(rules, "The reason was simple: \"We ran out of money.\"")).toEqual([])
    expect(relations(rules, "The minister was blunt: the plan is dead.")).toEqual([])
  })

  it("takes a colon for a cue only after a speaker", () => {
    expect(relations(rules, "Sanders: Clinton needs to get away from all of this personality stuff.")).toEqual(["Sanders (named-person) / :"])
    expect(relations(rules, "\"WALLACE: Governor, I do not want to interrupt, but the \"debate\" is tomorrow.")).toEqual(["WALLACE (named-person) / :"])
    expect(relations(rules, "Correction: An earlier version of this article misstated the date.")).toEqual([])
    expect(relations(rules, "Imagine that she:")).toEqual([])
    // The colon is the punctuation of the cue before it, not a second relation.
    expect(relations(rules, "Schilling told WEEI: \"I replied to the post.\"")).toEqual(["Schilling (named-person) / told"])
    // The object of a clause before a colon is no speaker; nor is an interviewer's "Q".
    expect(relations(rules, "A man, upset by the answer, interrupted the candidate: \"They stole the country.\"")).toEqual([])
    expect(relations(rules, "No one should be surprised by what her husband did: men will not change.")).toEqual([])
    expect(relations(rules, "Asked about the vote, his spokesman: \"We will win.\"")).toEqual(["his spokesman (described-official) / :"])
    expect(relations(rules, "de Blasio: \"We will win.\"")).toEqual(["de Blasio (named-person) / :"])
    expect(relations(rules, "Q: Do you think the law should be reinstated?")).toEqual([])
  })

  it("reads the editors' labels before a colon from the rule file", () => {
    expect(rules.attribution.labels).toContain("Correction")
    expect(relations(rules, "UPDATE: Sanders won the county by a wide margin.")).toEqual([])
    const unlabelled = { ...rules, attribution: { ...rules.attribution, labels: [] } }
    expect(relations(unlabelled, "UPDATE: Sanders won the county by a wide margin.")).toEqual(["UPDATE (named-person) / :"])
  })

  it("takes an opening \"In\" before a survey for a cue, the survey its source", () => {
    expect(relations(rules, "In an early-October CBS News poll, she led Mr. Sanders 56 percent to 32 percent.")).toEqual([
      "an early-October CBS News poll (document) / In"
    ])
    expect(relations(rules, "In exit polls, voters in both parties were unhappy.")).toEqual(["exit polls (document) / In"])
    expect(relations(rules, "In a memo released as polls closed, Clinton aides wrote that she won.")).toEqual([
      "Clinton aides (vague-collective) / wrote"
    ])
  })

  it("does not take a name given for speech: \"a group called …\"", () => {
    expect(relations(rules, "A new group called Black Votes Matter held a rally.")).toEqual([])
    expect(relations(rules, "One lawmaker called Trump \"the orange prince.\"")).toEqual(["One lawmaker (described-official) / called"])
  })

  it("never runs a source across another cue", () => {
    expect(relations(rules, "Merrill says Machado promised to keep campaigning.")).toEqual([
      "Merrill (named-person) / says",
      "Machado (named-person) / promised"
    ])
  })

  it("keeps the longest cue where two overlap", () => {
    expect(relations(rules, "The plan was reported by Reuters.")).toEqual(["Reuters (media-outlet, wire) / reported by"])
  })

  it("does not take nouns for cues", () => {
    expect(relations(rules, "The United States sent aid. Binding promises were made. His plans changed.")).toEqual([])
    expect(relations(rules, "But the candidates' plans don't hold out much hope. The voters’ views differ.")).toEqual([])
    // A single quote's closing mark after an "s" is no possessive.
    expect(relations(rules, "The plan 'hurts farmers', says the union.")).toEqual(["the union (described-official) / says"])
    expect(relations(rules, "The attacks on her emails continued. Voters that care stayed home.")).toEqual([])
    expect(relations(rules, "The concurrent developments from Moscow and Kyiv suggest a complex landscape.")).toEqual([])
    expect(relations(rules, "Young died when some calls into the hotline went to voicemail.")).toEqual([])
    expect(relations(rules, "Campaign promises were broken. Sanders won 384 pledged delegates.")).toEqual([])
    expect(relations(rules, "He is a candidate who made a strong showing on Tuesday.")).toEqual([])
    expect(relations(rules, "Offices were used for the Apprentice TV show. Raynard Jackson, the host of a radio show, is a resident.")).toEqual([])
    // A country's adjective is no subject of an -s form before "that".
    expect(relations(rules, "Commitments from key European powers that mirror Article 5 are needed.")).toEqual([])
    // A cue whose rule lists no such words is a verb after them.
    expect(relations(rules, "BFM TV reported the attack.")).toEqual(["BFM TV (named-organisation) / reported"])
  })

  it("leaves a quoted speaker's own \"I think\" to the speaker", () => {
    expect(relations(rules, "\"I think it is over,\" she said.")).toEqual(["she (pronoun) / said"])
  })

  it("stays bounded on hostile input", () => {
    const long = `${"the officials and analysts ".repeat(100)}said it.` // a 400-word sentence
    const caps = "THE MINISTER SAID THE TALKS HAD FAILED AND OFFICIALS SAID NOTHING."
    const quotes = "\"\"He said \"that \"\"\" she \"said\" \"\"\"."
    for (const text of [long, caps, quotes, "...", "— — —", "12 34 56"]) {
      expect(() => relations(rules, text)).not.toThrow()
    }
  })
})
