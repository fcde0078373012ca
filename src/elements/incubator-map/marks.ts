// What the map draws, in screen space: clusters and points as circles that never overlap (the directory's
// clusters are merged here once more with their drawn sizes, since the map's projection is not the
// directory's), and place labels placed greedily where they touch neither another label nor a circle.
import type { Incubator } from '../../contract/index.js';

export interface Mark {
  x: number;
  y: number;
  r: number;
  count: number;
  lon: number;
  lat: number;
  item?: Incubator;
  /** Drawn in the South China Sea inset. */
  inset?: boolean;
}

/** Radius of a cluster of `count` (a point is 5 px, national 6.5 px): legible numbers up to a million. */
export function markRadius(count: number, item?: Incubator): number {
  if (item) return item.level === 'national' ? 6.5 : 5;
  return Math.min(24, 10 + Math.log2(count) * 1.4);
}

/** Merges circles closer than their radii plus `gap`, heaviest first, until none overlap (bounded passes). */
export function declutter(input: Mark[], gap = 2): Mark[] {
  let marks = [...input].sort((a, b) => b.count - a.count);
  for (let pass = 0; pass < 8; pass++) {
    const cell = 2 * 24 + gap;
    const grid = new Map<number, number[]>();
    const key = (gx: number, gy: number) => gx * 1e6 + gy;
    marks.forEach((m, i) => {
      const k = key(Math.floor(m.x / cell), Math.floor(m.y / cell));
      const list = grid.get(k);
      if (list) list.push(i);
      else grid.set(k, [i]);
    });
    const gone = new Uint8Array(marks.length);
    let merged = false;
    for (let i = 0; i < marks.length; i++) {
      if (gone[i]) continue;
      const m = marks[i]!;
      const gx = Math.floor(m.x / cell), gy = Math.floor(m.y / cell);
      for (let ox = -1; ox <= 1; ox++) for (let oy = -1; oy <= 1; oy++) {
        for (const j of grid.get(key(gx + ox, gy + oy)) ?? []) {
          if (j <= i || gone[j]) continue;
          const o = marks[j]!;
          if (o.inset !== m.inset || Math.hypot(o.x - m.x, o.y - m.y) >= m.r + o.r + gap) continue;
          gone[j] = 1;
          merged = true;
          const n = m.count + o.count;
          m.x = (m.x * m.count + o.x * o.count) / n;
          m.y = (m.y * m.count + o.y * o.count) / n;
          m.lon = (m.lon * m.count + o.lon * o.count) / n;
          m.lat = (m.lat * m.count + o.lat * o.count) / n;
          m.count = n;
          delete m.item;
          m.r = markRadius(n);
        }
      }
    }
    marks = marks.filter((_, i) => !gone[i]);
    if (!merged) break;
  }
  return marks;
}

/** Moves circles that touch a rectangle (the inset) out of it by the shortest way; those under it are dropped. */
export function keepOff(input: Mark[], [bx, by, bw, bh]: Rect): Mark[] {
  const marks = input.filter((m) => !(m.x >= bx && m.y >= by && m.x <= bx + bw && m.y <= by + bh));
  for (const m of marks) {
    if (m.x < bx - m.r || m.x > bx + bw + m.r || m.y < by - m.r || m.y > by + bh + m.r) continue;
    const up = m.y - (by - m.r - 1), left = m.x - (bx - m.r - 1);
    if (m.y < by && (m.x >= bx ? true : up <= left)) m.y -= Math.max(0, up);
    else m.x -= Math.max(0, left);
  }
  return marks;
}

export interface Label {
  x: number;
  y: number;
  text: string;
  /** Lower is placed first. */
  rank: number;
}
export type Rect = [number, number, number, number];

/** Labels that fit: greedily by rank, at the point or just above or below it, clear of marks and each other. */
export function placeLabels(labels: Label[], measure: (text: string) => number, marks: Mark[], height: number, keepOut: Rect[], [cw, ch]: [number, number]): (Label & { box: Rect })[] {
  const placed: (Label & { box: Rect })[] = [];
  const hits = (b: Rect) => b[0] < 0 || b[1] < 0 || b[0] + b[2] > cw || b[1] + b[3] > ch || placed.some((p) => b[0] < p.box[0] + p.box[2] && p.box[0] < b[0] + b[2] && b[1] < p.box[1] + p.box[3] && p.box[1] < b[1] + b[3])
    || keepOut.some((k) => b[0] < k[0] + k[2] && k[0] < b[0] + b[2] && b[1] < k[1] + k[3] && k[1] < b[1] + b[3])
    || marks.some((m) => {
      const cx = Math.max(b[0], Math.min(m.x, b[0] + b[2])), cy = Math.max(b[1], Math.min(m.y, b[1] + b[3]));
      return (cx - m.x) ** 2 + (cy - m.y) ** 2 < (m.r + 1) ** 2;
    });
  for (const l of [...labels].sort((a, b) => a.rank - b.rank)) {
    const w = measure(l.text) + 4, h = height + 2;
    for (const dy of [0, -h, h]) {
      const box: Rect = [l.x - w / 2, l.y + dy - h / 2, w, h];
      if (!hits(box)) {
        placed.push({ ...l, y: l.y + dy, box });
        break;
      }
    }
  }
  return placed;
}
