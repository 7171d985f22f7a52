#!/usr/bin/env node
// The installed `factgate` command: run the command's bundle, made once per
// build (Build.js), or the TypeScript source through tsx where none can be made.
import { bundled } from "./Build.js"

// `factgate check … | head` closes the pipe early: that is the reader's
// choice, not a failure. What is printed after goes nowhere, and the run goes
// on to write every report and the index, and exits as it would have.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error
  process.stdout.write = () => true
})

const entry = bundled("cli", "bin.ts")
if (typeof entry === "string") await import(entry)
else {
  const { register } = await import("tsx/esm/api")
  register()
  await import("./bin.ts")
}
