/**
 * The `claimreview` format: schema.org ClaimReview JSON-LD for every claim
 * of the batch, for fact-check interchange (Google's Fact Check Tools read it).
 *
 * factgate does not rate a claim true or false; the review says what the
 * batch shows of it: which articles carry it, whom they credit, and where
 * they disagree. The rating's `alternateName` says so in words.
 */
import type { Claim } from "../Claims.ts"
import type { Outcome } from "../Outcome.ts"
import type { Report } from "../Report.ts"
import type { Format } from "./terminal.ts"

/** What the batch shows of one claim, in words. */
const verdict = (claim: Claim): string => {
  const { otherArticles: others, conflicts } = claim.corroboration
  if (others === 0) return "Not corroborated by another article in the batch"
  const carried = `Carried by ${others} other article${others === 1 ? "" : "s"}`
  return conflicts.length === 0 ? carried : `${carried}, with conflicting details: ${conflicts.map((c) => c.message).join("; ")}`
}

const review = (report: Report, version: string) => (claim: Claim) => ({
  "@type": "ClaimReview",
  claimReviewed: claim.text,
  ...(report.article.published && report.article.published !== "missing" ? { datePublished: report.article.published } : {}),
  author: { "@type": "Organization", name: "factgate", version },
  itemReviewed: {
    "@type": "Claim",
    ...(claim.speakers.length > 0
      ? { author: claim.speakers.map((name) => ({ "@type": "Thing", name })) }
      : {}),
    appearance: {
      "@type": "NewsArticle",
      ...(report.article.title ? { headline: report.article.title } : {}),
      ...(report.article.url ? { url: report.article.url } : {}),
      identifier: report.article.id
    }
  },
  reviewRating: {
    "@type": "Rating",
    alternateName: verdict(claim),
    ratingExplanation: `Check-worthiness ${claim.checkworthiness} (${claim.signals.join(", ")}); ${claim.certainty}${claim.verification ? `; ${claim.verification}` : ""}`
  }
})

/** The claims of every reported article as one JSON-LD document. */
const document = (reviews: ReadonlyArray<object>): string =>
  JSON.stringify({ "@context": "https://schema.org", "@graph": reviews }, null, 2)

/** One outcome's reviews: one per claim of a reported article. */
const piece = (outcome: Outcome, { version }: { readonly version: string }): ReadonlyArray<object> =>
  outcome._tag === "Reported" ? outcome.report.claims.map(review(outcome.report, version)) : []

/** One document for the batch, its reviews in input order. */
export const format: Format<ReadonlyArray<object>, "version"> = {
  reads: ["version"],
  isPiece: (kept): kept is ReadonlyArray<object> => Array.isArray(kept) && kept.every((review) => review !== null && typeof review === "object"),
  piece,
  printer: () => {
    const reviews: Array<object> = []
    return {
      add: (more) => {
        for (const one of more) reviews.push(one)
        return ""
      },
      end: () => `${document(reviews)}\n`
    }
  }
}
