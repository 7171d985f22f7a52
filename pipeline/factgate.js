#!/usr/bin/env node
// The installed `factgate` command: load TypeScript through tsx, then run.
import { register } from "tsx/esm/api"

// `factgate check … | head` closes the pipe early: that is the reader's
// choice, not a failure, so stop quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0)
  throw error
})

register()
await import("./bin.ts")
