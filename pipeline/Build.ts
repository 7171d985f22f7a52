/**
 * Build: which factgate is running, and its worker thread's entry point.
 *
 * The build hash covers the package version and the pipeline's own source,
 * so a cache never serves analyses made by other code, and a worker bundle is
 * never older than the source it was made from.
 */
import { buildSync } from "esbuild"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import packageJson from "../package.json" with { type: "json" }

const pipeline = dirname(fileURLToPath(import.meta.url))

/** A hash of the package version and every source file of the pipeline. */
export const build: string = (() => {
  const hash = createHash("sha256").update(packageJson.version)
  for (const name of readdirSync(pipeline, { recursive: true, encoding: "utf8" }).sort()) {
    if (/\.(?:ts|js)$/.test(name)) hash.update(name).update(readFileSync(join(pipeline, name)))
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
    if (/^worker-[0-9a-f]{16}\.mjs$/.test(name) && name !== `worker-${build}.mjs` && statSync(file).mtimeMs < old) rmSync(file, { force: true })
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
  if (existsSync(file)) return pathToFileURL(file).href
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
    prune()
    return pathToFileURL(file).href
  } catch {
    return new URL("./worker.js", import.meta.url).href
  }
}
