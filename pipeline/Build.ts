/**
 * Build: which factgate is running, and its worker thread's entry point.
 *
 * The build hash covers the package version and the pipeline's own source,
 * so a cache never serves analyses made by other code, and a worker bundle is
 * never older than the source it was made from.
 */
import { buildSync } from "esbuild"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import packageJson from "../package.json" with { type: "json" }

const pipeline = dirname(fileURLToPath(import.meta.url))

/**
 * A hash of the package version, every source file of the pipeline, the
 * JSON Schemas it compiles in (a changed schema changes what is valid), and
 * npm's record of the installed packages where there is one (another parser
 * or YAML reader changes what an analysis or a rule file comes to).
 */
export const build: string = (() => {
  const hash = createHash("sha256").update(packageJson.version)
  const installed = join(pipeline, "..", "node_modules", ".package-lock.json")
  if (existsSync(installed)) hash.update(readFileSync(installed))
  for (const dir of [pipeline, join(pipeline, "..", "schemas")]) {
    for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
      if (/\.(?:ts|js|json)$/.test(name)) hash.update(name).update(readFileSync(join(dir, name)))
    }
  }
  return hash.digest("hex").slice(0, 16)
})()

/**
 * Where bundles live: under the package's own node_modules, so that the
 * bundle's imports of packages resolve as the source's do.
 */
const bundles = join(pipeline, "..", "node_modules", ".cache", "factgate")

/**
 * Bundles of other builds are removed once they are a day old: another
 * checkout sharing these packages may still be starting workers from its own.
 */
const prune = () => {
  const old = Date.now() - 24 * 60 * 60 * 1000
  for (const name of readdirSync(bundles)) {
    const file = join(bundles, name)
    // Another run may remove a file between the listing and this look at it.
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
    if (/^worker-[0-9a-f]{16}\.mjs(?:\.\d+\.tmp)?$/.test(name) && name !== `worker-${build}.mjs` && modified < old) rmSync(file, { force: true })
  }
}

/**
 * The worker's entry point, as a URL for the pool.
 *
 * Loading the TypeScript source through tsx costs each worker about a second
 * of CPU (tsx runs its own loader thread per worker, and compiles every
 * module), so the worker is bundled into one JavaScript file once per build.
 * Where the package directory cannot be written (a read-only install), the
 * tsx shim loads the same source, only more slowly.
 */
export const workerEntry = (): string => {
  const file = join(bundles, `worker-${build}.mjs`)
  if (existsSync(file)) {
    // In use: pruning goes by when a bundle was last used, not made.
    touch(file)
    return pathToFileURL(file).href
  }
  try {
    mkdirSync(bundles, { recursive: true })
    // Written aside and renamed, so that a concurrent run never loads half a bundle.
    const temp = `${file}.${process.pid}.tmp`
    buildSync({
      entryPoints: [join(pipeline, "Worker.ts")],
      outfile: temp,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "silent"
    })
    renameSync(temp, file)
  } catch (error) {
    process.stderr.write(`factgate: the worker entry point cannot be bundled in ${bundles} (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); workers load the source through tsx, more slowly\n`)
    return new URL("./worker.js", import.meta.url).href
  }
  try {
    prune()
  } catch {
    // Old bundles only take disk space; this run's bundle is in place.
  }
  return pathToFileURL(file).href
}

const touch = (file: string) => {
  try {
    const now = new Date()
    utimesSync(file, now, now)
  } catch {
    // A read-only install: the bundle is still there to load.
  }
}
