/**
 * SystemErrors: why the file system refused, in words a user reads, for
 * Node's error codes and the tags Effect's platform errors carry.
 */

const words: Record<string, string> = {
  ENOENT: "it does not exist, or is a broken link",
  NotFound: "it does not exist",
  EACCES: "permission denied",
  EPERM: "permission denied",
  PermissionDenied: "permission denied",
  EISDIR: "it is a directory",
  ENOTDIR: "it is not a directory, or a part of its path is not",
  BadResource: "it is not a directory, or a part of its path is not",
  EMFILE: "too many open files",
  EIO: "input/output error",
  ELOOP: "too many links in its path",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device"
}

/** A Node error code (`ENOENT`) or a platform error's tag (`NotFound`) in words; an unknown one as it is. */
export const inWords = (reason: string): string => words[reason] ?? reason

/** An error thrown by `node:fs`, in words. */
export const fsError = (error: unknown): string => inWords((error as NodeJS.ErrnoException).code ?? "unknown error")
