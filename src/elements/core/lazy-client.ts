// An AcceleratorClient whose implementation is imported on first use: a widget's own file carries neither the
// engines and bundled data of the local client nor the HTTP stack, only the one a page actually uses.
import type { AcceleratorClient } from '../../contract/api.js';

const METHODS = {
  programs: ['list'],
  eligibility: ['check', 'record', 'keys'],
  financing: ['quote', 'bondQuote', 'discountQuote'],
  referenceRates: ['list'],
  incubators: ['query', 'get'],
  regions: ['stats'],
} as const;

export function lazyClient(load: () => Promise<AcceleratorClient>): AcceleratorClient {
  let pending: Promise<AcceleratorClient> | undefined;
  const real = () => (pending ??= load().catch((error) => { pending = undefined; throw error; }));
  const client: Record<string, unknown> = {
    health: async (...args: unknown[]) => ((await real()).health as (...a: unknown[]) => unknown)(...args),
  };
  for (const [group, names] of Object.entries(METHODS)) {
    client[group] = Object.fromEntries(names.map((name) => [name, async (...args: unknown[]) => {
      const impl = (await real()) as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>;
      return impl[group]![name]!(...args);
    }]));
  }
  // checkMany answers a stream (awaitable and async-iterable) at once: the real one is passed through.
  const eligibility = client.eligibility as Record<string, unknown>;
  eligibility.checkMany = (...args: unknown[]) => {
    const stream = async function* () {
      const impl = await real();
      yield* (impl.eligibility.checkMany as (...a: unknown[]) => AsyncIterable<unknown>)(...args);
    };
    let all: Promise<unknown[]> | undefined;
    const collect = () => (all ??= (async () => { const out: unknown[] = []; for await (const r of stream()) out.push(r); return out; })());
    return {
      then: (a?: (v: unknown[]) => unknown, b?: (e: unknown) => unknown) => collect().then(a, b),
      catch: (b?: (e: unknown) => unknown) => collect().catch(b),
      finally: (f?: () => void) => collect().finally(f),
      [Symbol.asyncIterator]: () => stream(),
    };
  };
  return client as unknown as AcceleratorClient;
}
