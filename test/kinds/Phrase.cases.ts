/**
 * RuleTester-style cases for each phrase rule file in rules/: plain data, read
 * by phrase-rules.test.ts and by the convention test. `invalid` lists what the
 * rule finds in each text: its findings, or for rules that report nothing
 * (`finding: false`), the cues it records.
 */
export const cases: Record<string, { valid: ReadonlyArray<string>; invalid: ReadonlyArray<{ text: string; found: ReadonlyArray<string> }> }> = {
  "hedge-epistemic": {
    valid: ["The convoy was hit near the border on Monday.", "\"It may rain,\" the minister said."],
    invalid: [{ text: "The convoy was reportedly hit near the border, and the strike may have been deliberate.", found: ["reportedly", "may"] }]
  },
  "hedge-doxastic": {
    valid: ["Officials believe the talks will resume.", "The police arrested a suspect on Monday."],
    invalid: [{ text: "The talks are expected to resume on Monday.", found: ["are expected to"] }]
  },
  speculation: {
    valid: ["The minister said Ankara would view the deal as a step forward."],
    invalid: [{ text: "Ankara would view any deal as a positive step.", found: ["would view"] }]
  },
  weasel: {
    valid: ["Three senators said the bill would pass.", "It is not known how many people were on board."],
    invalid: [{ text: "Critics say the bill is unfair. The plan is widely disliked.", found: ["Critics say", "widely"] }]
  },
  "vague-quantifier": {
    valid: ["Forty people were evacuated."],
    invalid: [{ text: "Many people were evacuated from several villages.", found: ["Many", "several"] }]
  },
  "hedge-condition": {
    valid: ["The talks resumed on Monday."],
    invalid: [{ text: "If the talks fail, the fighting will resume unless both sides agree.", found: ["If", "unless"] }]
  },
  peacock: {
    valid: ["The museum opened in 1901."],
    invalid: [{ text: "The legendary museum is one of the most visited in Europe.", found: ["legendary", "one of the most"] }]
  },
  "agentless-attribution": {
    valid: [
      "Analysts said the move was a signal.",
      // The agent is named after all.
      "The decision has been criticized by the opposition."
    ],
    invalid: [{ text: "The move is seen as a signal, and the plan has drawn criticism.", found: ["is seen as", "has drawn criticism"] }]
  },
  "verification-disclosed": {
    valid: ["The figures were confirmed by the ministry."],
    invalid: [{ text: "The claim could not be independently verified.", found: ["not be independently verified"] }]
  },
  "verification-denied": {
    // A court turning a request down denies no claim.
    valid: ["The army said the convoy was hit.", "The judge denied bail to the suspect.", "The court denied the motion."],
    invalid: [{ text: "The army denied the report.", found: ["denied"] }]
  },
  "verification-declined": {
    valid: ["The ministry commented on the report."],
    invalid: [{ text: "The ministry declined to comment.", found: ["declined to comment"] }]
  },
  "verification-no-response": {
    valid: ["The embassy responded on Monday."],
    invalid: [{ text: "The embassy did not respond to a request for comment.", found: ["did not respond"] }]
  },
  "verification-confirmed": {
    // An appointment confirmed is no claim confirmed.
    valid: ["The claim could not be confirmed.", "Smith was confirmed as attorney general.", "She was confirmed by the Senate on Tuesday."],
    invalid: [{ text: "The ministry confirmed the figures.", found: ["confirmed"] }]
  }
}
