#!/usr/bin/env node
// The installed `factgate` command: run the command's bundle, made once per
// build (Build.js), or the TypeScript source through tsx where none can be made.
import { bundled } from "./Build.js"

// `factgate check … | head` closes the pipe early: that is the reader's
// choice, not a failure, so stop quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0)
  throw error
})

const entry = bundled("cli", "bin.ts")
if (typeof entry === "string") await import(entry)
else {
  const { register } = await import("tsx/esm/api")
  register()
  await import("./bin.ts")
}
