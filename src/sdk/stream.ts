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

/** Sync or async iterable input, one profile at a time. */
export async function* profilesOf<T>(profiles: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  if (Symbol.iterator in (profiles as object)) yield* profiles as Iterable<T>;
  else yield* profiles as AsyncIterable<T>;
}
