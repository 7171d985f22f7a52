/**
 * bin: run the CLI.
 */
import { NodeRuntime } from "@effect/platform-node"
import { main } from "./main.ts"

NodeRuntime.runMain(main)
