/**
 * bin: run the CLI.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Runtime } from "effect"
import { main } from "./main.ts"

// A failed gate or a bad input exits non-zero once stdout has drained: the
// runtime's own teardown exits at once, and a reader at the other end of a
// pipe (`factgate check … --format sarif | upload`) lost what was still
// buffered, most of a large batch. An interrupt (Ctrl-C) still exits at once.
NodeRuntime.runMain(main, {
  teardown: (exit, onExit) =>
    Runtime.defaultTeardown(exit, (code) => {
      if (code === 0 || code === 130) onExit(code)
      else process.exitCode = code
    })
})
