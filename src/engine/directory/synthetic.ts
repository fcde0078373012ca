// Seeded synthetic incubators for demos and benchmarks: fictitious entries scattered around provincial
// reference points, denser where the weight is higher. Same seed, same directory.
import type { Incubator, IncubatorKind, Level } from '../../contract/index.js';

export interface Center {
  adcode: string;
  lon: number;
  lat: number;
  weight: number;
}

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INDUSTRIES = ['ai', 'quantum', 'semiconductor', 'biomed', 'green', 'new-energy', 'new-materials', 'high-end-equipment', 'digital', 'aerospace', 'nev'];
const KINDS: IncubatorKind[] = ['incubator', 'incubator', 'incubator', 'maker-space', 'accelerator', 'science-park'];
const LEVELS: Level[] = ['local', 'local', 'local', 'local', 'regional', 'regional', 'cluster', 'national'];

export function syntheticIncubators(count: number, centers: readonly Center[], seed = 2025): Incubator[] {
  const rnd = mulberry32(seed);
  const total = centers.reduce((s, c) => s + c.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const c of centers) cumulative.push((acc += c.weight / total));
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
  // Stryker disable next-line ArrayDeclaration: every slot is assigned below, so an array grown by assignment holds the same entries
  const out: Incubator[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = rnd();
    let k = 0;
    while (cumulative[k]! < r) k++;
    const c = centers[k]!;
    const spread = 0.6 + rnd() * 1.4;
    const n = i + 1;
    // Stryker disable next-line EqualityOperator: rnd() returns multiples of 2^-32, and 0.18 is none, so `<=` keeps the same codes
    const industries = INDUSTRIES.filter(() => rnd() < 0.18);
    out[i] = {
      id: `synthetic-${n}`,
      name: { 'zh-CN': `示例孵化载体 ${n}`, 'zh-TW': `示例孵化載體 ${n}`, en: `Sample incubator ${n}` },
      kind: KINDS[Math.floor(rnd() * KINDS.length)]!,
      level: LEVELS[Math.floor(rnd() * LEVELS.length)]!,
      lon: Math.round((c.lon + gauss() * spread) * 1e5) / 1e5,
      lat: Math.round((c.lat + gauss() * spread * 0.8) * 1e5) / 1e5,
      adcode: c.adcode,
      industries: industries.length ? industries : [INDUSTRIES[Math.floor(rnd() * INDUSTRIES.length)]!],
      founded: 1995 + Math.floor(rnd() * 31),
    };
  }
  return out;
}
