/**
 * Atomic: a file written whole or not at all.
 *
 * The data goes to a temporary name beside the file and is renamed into
 * place, so a reader (an editor's browser, another run sharing the cache)
 * never sees half a file. The temporary name is the process's, the thread's
 * and a random part's, so that workers writing at once, and processes on
 * other machines sharing a cache directory, never share one.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs"
import { dirname, join } from "node:path"
import { threadId } from "node:worker_threads"

/**
 * Pieces are encoded into these bytes, kept from one file to the next, and
 * written when they are full: each piece is encoded where it is, never first
 * joined to the others. A join (or a string made by concatenation, which V8
 * copies into one before encoding it) copied every report file once more,
 * mostly as two-byte text (curly quotes) and often past V8's 128 KB limit for
 * a young object; 1,000 reports' 134 MB took 1,430 ms of CPU to make and
 * write joined (tmpfs, the fastest of 8 runs) and 980 ms in pieces. A write
 * call for each piece instead of gathering them took 80 ms more.
 */
let gathered: Buffer | undefined

/** Write `pieces` to `fd`, encoded into `gathered` and written when it is full. A piece must not write a file itself: the bytes are shared. */
const writeInPieces = (fd: number, pieces: Iterable<string>) => {
  const bytes = (gathered ??= Buffer.allocUnsafe(1 << 20))
  let used = 0
  const flush = () => {
    for (let at = 0; at < used;) at += writeSync(fd, bytes, at, used - at)
    used = 0
  }
  for (const piece of pieces) {
    // A UTF-16 code unit is at most three bytes of UTF-8, so a piece that
    // passes this test is encoded whole; a longer one is written by itself.
    if (used + 3 * piece.length > bytes.length) flush()
    // writeFileSync on a descriptor writes until all is written, or throws; writeSync may stop short.
    if (3 * piece.length > bytes.length) writeFileSync(fd, piece)
    else used += bytes.write(piece, used)
  }
  flush()
}

/**
 * Put `data` in `file` whole: a string, bytes, or pieces of a string, given
 * as a list or made as they are written (an index of thousands of articles).
 * Each piece is encoded by itself, so a surrogate pair must not be split
 * between two. Throws the file system's error when it cannot, leaving `file`
 * as it was and no temporary file behind.
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
export const temporaryName = /\.\d+-\d+-[0-9a-z]+\.tmp$/

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
    if (!temporaryName.test(name)) continue
    try {
      const file = join(dir, name)
      if (statSync(file).mtimeMs < hourAgo) rmSync(file, { force: true })
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
}
