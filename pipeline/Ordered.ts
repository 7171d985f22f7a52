/**
 * Ordered: concurrent work over a stream, finished in any order and emitted
 * in input order, never more than a window ahead of the oldest unfinished
 * item.
 */
import { Effect, Semaphore, Stream } from "effect"

/**
 * How far work may run ahead of the oldest unfinished article, in articles:
 * what finished ahead of it waits, with its claims, until it is done.
 */
export const lookAhead = 256

/**
 * `f` over a stream, `concurrency` at a time, finishing in any order and
 * emitted in input order. Ordered concurrency would stop starting work once
 * the article at the head takes long (a big page), leaving the workers idle
 * behind it; here only the finished items wait, and at most `window` of
 * them: a permit is taken in input order before an item starts, and given
 * back when it is emitted, so the head always holds one.
 */
export const inInputOrder = <A, B, R>(f: (a: A) => Effect.Effect<B, never, R>, concurrency: number, window = lookAhead) =>
  <E, R2>(stream: Stream.Stream<A, E, R2>): Stream.Stream<B, E, R | R2> =>
    Stream.unwrap(Effect.gen(function*() {
      const permits = yield* Semaphore.make(Math.max(window, concurrency))
      const waiting = new Map<number, B>()
      let next = 0
      const emit = ([item, index]: readonly [B, number]) =>
        Effect.suspend(() => {
          waiting.set(index, item)
          const ready: Array<B> = []
          while (waiting.has(next)) {
            ready.push(waiting.get(next)!)
            waiting.delete(next++)
          }
          return Semaphore.release(permits, ready.length).pipe(Effect.as(ready))
        })
      return stream.pipe(
        Stream.mapEffect((a) => Semaphore.take(permits, 1).pipe(Effect.as(a))),
        Stream.mapEffect((a, index) => f(a).pipe(Effect.map((b) => [b, index] as const)), { concurrency, unordered: true }),
        Stream.mapEffect(emit),
        Stream.flattenIterable
      )
    }))
