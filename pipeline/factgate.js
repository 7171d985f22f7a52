#!/usr/bin/env node
// The installed `factgate` command: load TypeScript through tsx, then run.
import { register } from "tsx/esm/api"

register()
await import("./bin.ts")
