// Timing helpers for benchmarks: repeat, take the median (shared, noisy machines).
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Times `runs` calls of `fn`. With `node --expose-gc`, each run starts from a collected heap, so no run pays
 * for the garbage of the one before it (the same for every engine measured). */
export async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
