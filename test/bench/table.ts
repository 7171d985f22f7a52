/**
 * table: the benchmark's rows as aligned plain text, each value beside its
 * target and whether it met it. Prints; judges nothing beyond that word.
 */

/** A target: the value must be at least or at most `bound`. */
export interface Target {
  readonly op: "≥" | "≤"
  readonly bound: number
}

/** One row; `value` undefined means the measurement failed or was skipped. */
export interface Row {
  readonly name: string
  readonly value: number | string | undefined
  readonly digits?: number
  readonly unit?: string
  readonly target?: Target
  readonly note?: string
}

const met = (value: number, target: Target) => (target.op === "≥" ? value >= target.bound : value <= target.bound)

const cells = (row: Row): [string, string, string, string] => {
  const value = row.value === undefined
    ? "n/a"
    : typeof row.value === "number"
    ? `${row.value.toFixed(row.digits ?? 2)}${row.unit ?? ""}`
    : row.value
  const target = row.target === undefined ? "" : `${row.target.op} ${row.target.bound}${row.unit ?? ""}`
  const verdict = row.target === undefined || typeof row.value !== "number"
    ? ""
    : met(row.value, row.target)
    ? "ok"
    : "missed"
  return [row.name, value, target, [verdict, row.note ?? ""].filter((s) => s !== "").join("  ")]
}

/** The rows as a table with a header line. */
export const render = (rows: ReadonlyArray<Row>): string => {
  const table = [["measurement", "value", "target", ""] as const, ...rows.map(cells)]
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i]!.length)))
  return table
    .map(([name, value, target, verdict]) =>
      `${name.padEnd(widths[0]!)}  ${value.padStart(widths[1]!)}  ${target.padEnd(widths[2]!)}  ${verdict}`.trimEnd()
    )
    .join("\n")
}
