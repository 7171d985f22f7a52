/**
 * One scratch directory for the whole test run, removed when it ends: the
 * tests write batches of hundreds of reports, and left in the system's
 * temporary directory they filled it run after run.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), "factgate-tests-"))
  // Test files run in processes started after this, which inherit it.
  process.env["FACTGATE_TEST_SCRATCH"] = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
