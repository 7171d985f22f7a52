/**
 * Heap: full collections where V8's own timing lets a thread's memory grow
 * with the batch rather than with what it holds.
 *
 * V8 collects the old generation when it has grown by a factor of what
 * survived the last collection, and a thread that allocates little grows its
 * heap slowly and collects late. The main thread of a batch on worker threads
 * is such a thread: it only hands out jobs and keeps the batch's claims, and
 * at 10,000 articles its heap held 150 to 250 MB where a collection left about
 * 120 MB. A keeper collects once the heap is some headroom past what the last
 * collection left, so it stays near what the batch holds. The collector is
 * reached as Jest's leak detector reaches it: `gc` exists in a new context
 * once the flag is set. The flag is the process's, so later workers' and
 * contexts' globals have a `gc` too; nothing in factgate looks for one.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"

/** A full collection of this thread's heap. */
export const collector = (): (() => void) => {
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
}

/** How often a keeper looks at the heap: reading its size is cheap, but not free. */
const every = 50

/**
 * A keeper for this thread: call it as work completes, and it collects when
 * the heap has grown `headroomMb` past what the last collection left.
 */
export const keeper = (headroomMb: number) => {
  const collect = collector()
  const headroom = headroomMb * 2 ** 20
  let live = getHeapStatistics().used_heap_size
  let ticks = 0
  return () => {
    if (++ticks % every !== 0 || getHeapStatistics().used_heap_size < live + headroom) return
    collect()
    live = getHeapStatistics().used_heap_size
  }
}
