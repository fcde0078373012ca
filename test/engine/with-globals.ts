// Shared by the directory tests that fake a host's globals (a clock, a scheduler).

/** Sets globals for the length of `f` and puts the old ones back (own properties only, as both hosts define them). */
export async function withGlobals<T>(patch: Record<string, unknown>, f: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(patch).map((k) => [k, Object.getOwnPropertyDescriptor(globalThis, k)] as const);
  for (const [k, v] of Object.entries(patch)) Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true, enumerable: false });
  try {
    return await f();
  } finally {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(globalThis, k, d);
      else delete g[k];
    }
  }
}
