// `checkMany`'s answer: awaitable as before (an array of reports, for existing callers) and async-iterable
// (one report at a time, memory flat whatever the count). Nothing runs until it is awaited or iterated.
import type { EligibilityReport, EligibilityStream } from '../contract/index.js';

export function reportStream(make: () => AsyncIterable<EligibilityReport>): EligibilityStream {
  let all: Promise<EligibilityReport[]> | undefined;
  const collect = () => (all ??= (async () => {
    const out: EligibilityReport[] = [];
    for await (const report of make()) out.push(report);
    return out;
  })());
  return {
    then: (onfulfilled, onrejected) => collect().then(onfulfilled, onrejected),
    catch: (onrejected) => collect().catch(onrejected),
    finally: (onfinally) => collect().finally(onfinally),
    [Symbol.asyncIterator]: () => make()[Symbol.asyncIterator](),
  };
}

/** Arrays' own iterator (`Array.prototype.values`). */
const ARRAY_VALUES = Array.prototype[Symbol.iterator];

/** Sync or async iterable input, one profile at a time. */
export async function* profilesOf<T>(profiles: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  if (Symbol.iterator in (profiles as object)) yield* profiles as Iterable<T>;
  else yield* profiles as AsyncIterable<T>;
}

/**
 * Reports of `profiles` one at a time, computed by `screen` (made by `start` on the first `next()`, so a bad
 * option rejects there, not when the stream is made). A sync iterable (an array, a generator) is read directly by
 * a hand-written iterator: one resolved promise per report, none of an async generator's resumptions, which cost
 * more than the engine's own work on a small catalog. Every 1,024 profiles, after more than 30 ms of work, it
 * yields to the event loop (a page stays responsive) and honours `signal`. Errors go through `toError`.
 */
export function screenReports<P, R>(
  profiles: Iterable<P> | AsyncIterable<P>, start: () => (profile: P, index: number) => R,
  toError: (error: unknown) => unknown, signal?: AbortSignal,
): AsyncIterable<R> {
  if (typeof profiles !== 'object' || profiles === null || !(Symbol.iterator in profiles)) {
    return (async function* many() {
      signal?.throwIfAborted();
      const screen = start();
      let index = 0, slice = Date.now();
      for await (const profile of profiles as AsyncIterable<P>) {
        let report: R;
        try { report = screen(profile, index++); } catch (error) { throw toError(error); }
        yield report;
        if ((index & 1023) === 0 && Date.now() - slice > 30) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          signal?.throwIfAborted();
          slice = Date.now();
        }
      }
    })();
  }
  return {
    [Symbol.asyncIterator](): AsyncIterator<R> {
      let source: Iterator<P> | undefined;
      // An array iterated as arrays are by default is read by position (what its iterator would read: the length
      // and the element, afresh at each step), without an iterator result object per profile.
      const list = Array.isArray(profiles) && profiles[Symbol.iterator] === ARRAY_VALUES ? (profiles as readonly P[]) : undefined;
      let screen: ((profile: P, index: number) => R) | undefined;
      let index = 0, slice = Date.now(), finished = false;
      const finish = () => { finished = true; const s = source; source = undefined; s?.return?.(); };
      const step = (): IteratorResult<R> => {
        try {
          if (!screen) {
            signal?.throwIfAborted();
            screen = start();
            if (!list) source = (profiles as Iterable<P>)[Symbol.iterator]();
          }
          let profile: P;
          if (list) {
            if (index >= list.length) { finished = true; return { value: undefined, done: true }; }
            profile = list[index]!;
          } else {
            const next = source!.next();
            if (next.done) { finished = true; return { value: undefined, done: true }; }
            profile = next.value;
          }
          try { return { value: screen(profile, index++), done: false }; } catch (error) { throw toError(error); }
        } catch (error) {
          finish();
          throw error;
        }
      };
      return {
        next(): Promise<IteratorResult<R>> {
          if (finished) return Promise.resolve({ value: undefined, done: true });
          if ((index & 1023) === 0 && index > 0 && Date.now() - slice > 30) {
            return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
              if (signal?.aborted) { finish(); signal.throwIfAborted(); }
              slice = Date.now();
              return step();
            });
          }
          try { return Promise.resolve(step()); } catch (error) { return Promise.reject(error); }
        },
        return(value?: unknown): Promise<IteratorResult<R>> {
          finish();
          return Promise.resolve({ value: value as R, done: true });
        },
      };
    },
  };
}
