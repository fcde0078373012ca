// Work split into slices: a build is a generator that yields every few thousand steps. On a server it runs to
// the end at once (`runNow`); in a page it runs in slices of a few milliseconds between which the event loop
// turns (`runSliced`), so a million-entry directory loads without a main-thread task over 50 ms.
export type Steps<T> = Generator<void, T, void>;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Yields to the event loop: setImmediate in Node, a MessageChannel turn in a page (no 4 ms timer clamp), else
 * a timer. One channel serves every turn (a channel per turn leaves thousands of ports for the collector). */
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];
function turn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((r) => immediate(r));
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    // Stryker disable next-line OptionalChaining: every message is posted right after its resolver is queued, so the queue is never empty here
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

export async function runSliced<T>(steps: Steps<T>, budgetMs = 10): Promise<T> {
  for (;;) {
    const started = now();
    do {
      const r = steps.next();
      if (r.done) return r.value;
    } while (now() - started < budgetMs);
    await turn();
  }
}

/** How many loop iterations run between two yields: small enough that a slice stays within its budget. */
export const CHUNK = 16_384;
