// A worker thread's entry point: load TypeScript through tsx, as the
// `factgate` command does, then serve the tasks.
import { register } from "tsx/esm/api"

register()
const { check, report } = await import("./Worker.ts")
export { check, report }
