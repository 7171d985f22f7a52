/**
 * Atomic: a file written whole or not at all.
 *
 * The data goes to a temporary name beside the file and is renamed into
 * place, so a reader (an editor's browser, another run sharing the cache)
 * never sees half a file. The temporary name is the process's, the thread's
 * and a random part's, so that workers writing at once, and processes on
 * other machines sharing a cache directory, never share one.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
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
