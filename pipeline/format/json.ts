/**
 * The `json` format: one report per line, for machines.
 */
import type { Report } from "../Report.ts"

/** Render one report as a single line of JSON. */
export const jsonLine = (report: Report): string => JSON.stringify(report)
