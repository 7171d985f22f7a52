/**
 * RuleTester-style cases for each source-check rule file in rules/: plain
 * data, read by SourceCheck.test.ts and by the convention test.
 */
export const cases: Record<string, { valid: ReadonlyArray<string>; invalid: ReadonlyArray<{ text: string; errors: ReadonlyArray<string> }> }> = {
  "vague-source": {
    valid: ["Sergei Ryabkov said Russia was ready.", "The ministry said 40 people were evacuated."],
    invalid: [{
      text: "According to Russian officials, the talks failed.",
      errors: ["1:14-1:31: Unexpected vague source `Russian officials`, name who said it [vague-source]"]
    }, {
      // One source with two cues is one finding.
      text: "EU officials echoed the warning, stressing that the talks had failed.",
      errors: ["1:1-1:13: Unexpected vague source `EU officials`, name who said it [vague-source]"]
    }]
  },
  "anonymous-source": {
    valid: [
      "A source, who spoke on condition of anonymity because the talks are private, said the deal was close.",
      "An official who asked not to be identified said the deal was dead.",
      "A source who didn't want to be named said the deal was dead."
    ],
    invalid: [{
      text: "A source said the deal was close.",
      errors: ["1:1-1:9: Unexpected anonymous source `A source` with no reason given for anonymity [anonymous-source]"]
    }, {
      // How the official knows is said, why they go unnamed is not.
      text: "\"It is over,\" said a senior official familiar with the matter.",
      errors: ["1:20-1:62: Unexpected anonymous source `a senior official familiar with the matter` with no reason given for anonymity [anonymous-source]"]
    }]
  },
  "single-interested-source": {
    valid: ["Reuters reported that the talks failed."],
    invalid: [{
      text: "The plan was reported by the state-owned TASS news agency.",
      errors: ["1:26-1:58: Unexpected single interested source `the state-owned TASS news agency` (state-owned outlet TASS), corroborate the claim independently [single-interested-source]"]
    }]
  },
  "loaded-verb": {
    valid: ["The minister said the report was false."],
    invalid: [{
      text: "The minister claimed the report was false.",
      errors: ["1:14-1:21: Unexpected loaded verb of attribution `claimed`, prefer `said` [loaded-verb]"]
    }]
  },
  "unattributed-quote": {
    valid: ["\"We will sign the treaty tomorrow,\" the minister said.", "He called the claims \"lies\"."],
    invalid: [{
      text: "\"We will sign the treaty tomorrow.\"",
      errors: ["1:1-1:36: Unexpected direct quote `\"We will sign the treaty tomorrow.\"` with no identified speaker [unattributed-quote]"]
    }]
  },
  "unattributed-claim": {
    valid: ["The ministry said 40 people were evacuated on Monday.", "The weather was calm."],
    invalid: [{
      text: "Forty people were evacuated from the town on Monday.",
      errors: ["1:1-1:53: Check-worthy sentence with no attribution, attribute it in the same sentence [unattributed-claim]"]
    }]
  },
  "unverified-single-source": {
    valid: ["A source said the deal was close. The claim could not be independently verified."],
    invalid: [{
      text: "A source said the deal was close.",
      errors: ["1:1-1:9: Claim rests on `A source` alone, with no verification status; say whether it could be verified [unverified-single-source]"]
    }]
  }
}
