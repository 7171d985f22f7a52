/**
 * Build: which factgate is running, and its entry points bundled once per
 * build.
 *
 * The build hash covers the package version and the pipeline's own source,
 * so a cache never serves analyses made by other code, and a bundle is never
 * older than the source it was made from.
 *
 * Plain JavaScript, so that the `factgate` command can find its bundle before
 * it loads any TypeScript: loading the source through tsx took half a second
 * of a one-article run (1.6 s against 1.1 s from the bundle), and each worker
 * about a second of CPU (tsx runs a loader thread per thread, and compiles
 * every module). Where the package directory cannot be written (a read-only
 * install), tsx loads the same source, only more slowly: said when workers
 * start, not on every command.
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
export const build = (() => {
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
 * bundle's imports of packages resolve as the source's do. Their names carry
 * the build and where the source is: a bundle holds this module, which finds
 * the source by its path.
 */
const bundles = join(pipeline, "..", "node_modules", ".cache", "factgate")
const place = createHash("sha256").update(pipeline).digest("hex").slice(0, 8)
const bundleName = /^(?:worker|cli)-[0-9a-f]{16}(?:-[0-9a-f]{8})?\.mjs(?:\.\d+\.tmp)?$/

/**
 * The packages a bundle loads from node_modules, as the source does: all but
 * Effect's. Effect is bundled in, and only what the pipeline uses of it: its
 * index loads every module, which took 0.4 s of a one-article run (0.74 s
 * bundled in, 1.17 s loaded), and as much of each worker's start. No other
 * package imports Effect, so there is one copy of it per thread.
 */
const external = Object.keys({ ...packageJson.dependencies, ...packageJson.devDependencies })
  .filter((name) => name !== "effect" && !name.startsWith("@effect/"))
  .flatMap((name) => [name, `${name}/*`])

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
    if (bundleName.test(name) && !name.endsWith(`-${build}-${place}.mjs`) && modified < old) rmSync(file, { force: true })
  }
}

const touch = (file) => {
  try {
    const now = new Date()
    utimesSync(file, now, now)
  } catch {
    // A read-only install: the bundle is still there to load.
  }
}

/**
 * The URL of `entry` (a module of the pipeline) bundled into one JavaScript
 * file, made on first use by this build; or why it cannot be made.
 */
export const bundled = (name, entry) => {
  const file = join(bundles, `${name}-${build}-${place}.mjs`)
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
      entryPoints: [join(pipeline, entry)],
      outfile: temp,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      external,
      // This module, bundled in, finds the source by its own path, which is the source's.
      define: { "import.meta.url": JSON.stringify(import.meta.url) },
      logLevel: "silent"
    })
    renameSync(temp, file)
  } catch (error) {
    return new Error(`cannot be bundled in ${bundles} (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`)
  }
  try {
    prune()
  } catch {
    // Old bundles only take disk space; this run's bundle is in place.
  }
  return pathToFileURL(file).href
}

/**
 * The worker's entry point, as a URL for the pool. A batch that starts
 * workers says when they load the source through tsx: each then takes about a
 * second of CPU more.
 */
export const workerEntry = () => {
  const entry = bundled("worker", "Worker.ts")
  if (typeof entry === "string") return entry
  process.stderr.write(`factgate: the worker entry point ${entry.message}; workers load the source through tsx, more slowly\n`)
  return new URL("./worker.js", import.meta.url).href
}
