/**
 * Atomic: a file written whole or not at all.
 *
 * The data goes to a temporary name beside the file and is renamed into
 * place, so a reader (an editor's browser, another run sharing the cache)
 * never sees half a file. The temporary name is the process's, the thread's
 * and a random part's, so that workers writing at once, and processes on
 * other machines sharing a cache directory, never share one.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { threadId } from "node:worker_threads"

/** Large data given in pieces is written in pieces of about this many characters. */
const piece = 1 << 20

/** Write `chunks` to `fd`, joined into pieces of about `piece` characters. */
const writeInPieces = (fd: number, chunks: Iterable<string>) => {
  let pending: Array<string> = []
  let size = 0
  for (const chunk of chunks) {
    pending.push(chunk)
    size += chunk.length
    if (size >= piece) {
      // writeFileSync on a descriptor writes until all is written, or throws; writeSync may stop short.
      writeFileSync(fd, pending.join(""))
      pending = []
      size = 0
    }
  }
  if (pending.length > 0) writeFileSync(fd, pending.join(""))
}

/**
 * Put `data` in `file` whole: a string, bytes, or pieces of a string made as they are
 * written (an index of thousands of articles). Throws the file system's error
 * when it cannot, leaving `file` as it was and no temporary file behind.
 */
export const write = (file: string, data: string | Uint8Array | Iterable<string>): void => {
  const temp = `${file}.${process.pid}-${threadId}-${Math.random().toString(36).slice(2, 10)}.tmp`
  try {
    if (typeof data === "string" || data instanceof Uint8Array) writeFileSync(temp, data)
    else {
      const fd = openSync(temp, "w")
      try {
        writeInPieces(fd, data)
      } finally {
        closeSync(fd)
      }
    }
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/**
 * What `files` on disk are, to tell the ones a run wrote from ones another run
 * wrote since: each one's inode, size, and modification and change times in
 * nanoseconds. The change time cannot be set by a copy that keeps times
 * (`cp -p`, `rsync -t`), and an inode freed by one rename is soon reused by
 * the next, so neither alone would do. `undefined` when one is missing.
 */
export const stamp = (files: ReadonlyArray<string>): string | undefined => {
  const stats = files.map((file) => statSync(file, { bigint: true, throwIfNoEntry: false }))
  return stats.every((stat) => stat !== undefined)
    ? stats.map((stat) => `${stat!.ino}:${stat!.size}:${stat!.mtimeNs}:${stat!.ctimeNs}`).join(" ")
    : undefined
}

/**
 * Put `data` in `file` whole, making its directory, or leave the file as it
 * was: for what is only ever an aid (the cache's files), so that one that
 * cannot be written (read-only) is used as it is.
 */
export const writeIfCan = (file: string, data: string | Uint8Array): void => {
  try {
    mkdirSync(dirname(file), { recursive: true })
    write(file, data)
  } catch {
    // Left as it was.
  }
}

/** How `write` names its temporary files: `<file>.<process>-<thread>-<random>.tmp`. */
const temporary = /\.\d+-\d+-[0-9a-z]+\.tmp$/

/**
 * Remove what `write` left in `dir` when its run was killed between writing
 * and renaming (tens of megabytes for the cache's claims table, three files
 * per article in a report directory). Only files over an hour old go: a
 * younger one may be another run's, still being written. `names` are the
 * directory's entries where the caller has read them already. Files not
 * named as `write` names them are never touched.
 */
export const removeLeftBehind = (dir: string, names?: Iterable<string>): void => {
  const hourAgo = Date.now() - 60 * 60 * 1000
  let entries: Iterable<string>
  try {
    entries = names ?? readdirSync(dir)
  } catch {
    return // No directory yet: nothing was left in it.
  }
  for (const name of entries) {
    if (!temporary.test(name)) continue
    try {
      const file = join(dir, name)
      if (statSync(file).mtimeMs < hourAgo) rmSync(file, { force: true })
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
}
