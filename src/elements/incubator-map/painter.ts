// Canvas 2D painting. The basemap is repainted every frame (34 cached Path2D, a few milliseconds); clusters,
// points and labels are painted once per view into a layer that a gesture only moves; the islands and the
// inset are painted last, so nothing ever covers them.
import type { Level } from '../../contract/index.js';
import type { Layout, View } from './geometry.js';
import type { Label, Mark, Rect } from './marks.js';

export interface Palette {
  land: string;
  border: string;
  sea: string;
  text: string;
  halo: string;
  cluster: string;
  clusterText: string;
  focus: string;
}

export const LEVEL_COLORS: Record<Level, string> = { national: '#c8102e', regional: '#d46b08', local: '#0b5cad', cluster: '#5b3fa8' };
const FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export function palette(el: Element): Palette {
  const s = getComputedStyle(el);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  return {
    land: v('--chanrong-map-land', '#eef2f7'), border: v('--chanrong-map-border', '#9aa4b2'), sea: v('--chanrong-map-sea', '#f8fbff'),
    text: v('--chanrong-map-label', '#3d4652'), halo: v('--chanrong-map-halo', '#ffffff'), cluster: v('--chanrong-map-cluster', 'rgba(11, 92, 173, 0.85)'),
    clusterText: '#ffffff', focus: v('--chanrong-map-focus', '#111111'),
  };
}

/** Sea, provinces (filled by the choropleth when given), the dash line and islands, under the view transform. */
export function paintBase(ctx: CanvasRenderingContext2D, layout: Layout, t: View, dpr: number, p: Palette, fills?: (adcode: string) => string): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = p.sea;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  ctx.lineWidth = 0.8 / t.k;
  ctx.strokeStyle = p.border;
  for (const { adcode, path } of layout.provinces) {
    ctx.fillStyle = fills ? fills(adcode) : p.land;
    ctx.fill(path);
    ctx.stroke(path);
  }
  ctx.fillStyle = p.border;
  for (const path of layout.seaPaths) {
    ctx.fill(path);
    ctx.stroke(path);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

export function paintLabels(ctx: CanvasRenderingContext2D, labels: (Label & { box: Rect })[], dpr: number, p: Palette, size: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `${size}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = p.halo;
  ctx.fillStyle = p.text;
  for (const l of labels) {
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillText(l.text, l.x, l.y);
  }
}

export function paintMarks(ctx: CanvasRenderingContext2D, marks: Mark[], dpr: number, p: Palette, format: (n: number) => string, selectedId?: string, active?: Mark): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const m of marks) {
    ctx.beginPath();
    ctx.arc(m.x, m.y, m.r, 0, 2 * Math.PI);
    if (m.item) {
      const selected = m.item.id === selectedId;
      ctx.fillStyle = LEVEL_COLORS[m.item.level];
      ctx.fill();
      ctx.lineWidth = selected ? 3 : 1.2;
      ctx.strokeStyle = selected ? p.focus : '#ffffff';
      ctx.stroke();
    } else {
      ctx.fillStyle = p.cluster;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.stroke();
      const text = format(m.count);
      ctx.font = `600 ${text.length > 4 ? 10 : 11}px ${FONT}`;
      ctx.fillStyle = p.clusterText;
      ctx.fillText(text, m.x, m.y + 0.5);
    }
  }
  if (active) {
    ctx.beginPath();
    ctx.arc(active.x, active.y, active.r + 4, 0, 2 * Math.PI);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = p.focus;
    ctx.stroke();
  }
}

/** 钓鱼岛 and 赤尾屿 above every overlay, labelled when the view is close enough to read them. */
export function paintIslands(ctx: CanvasRenderingContext2D, layout: Layout, t: View, dpr: number, p: Palette, labels: { text: string; xy: [number, number] }[]): void {
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  ctx.fillStyle = p.land;
  ctx.strokeStyle = p.text;
  ctx.lineWidth = 1 / t.k;
  for (const path of layout.islandPaths) {
    ctx.fill(path);
    ctx.stroke(path);
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (t.k < 3) return;
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  for (const { text, xy } of labels) {
    const x = xy[0] * t.k + t.x + 6, y = xy[1] * t.k + t.y;
    ctx.strokeStyle = p.halo;
    ctx.strokeText(text, x, y);
    ctx.fillStyle = p.text;
    ctx.fillText(text, x, y);
  }
}

/** The South China Sea inset: its frame, the islands and dash line, the points that lie there, its label. */
export function paintInset(ctx: CanvasRenderingContext2D, layout: Layout, dpr: number, p: Palette, marks: Mark[], label: string, format: (n: number) => string): void {
  const inset = layout.inset;
  if (!inset) return;
  const [bx, by, bw, bh] = inset.box;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.save();
  ctx.fillStyle = p.sea;
  ctx.fillRect(bx, by, bw, bh);
  ctx.beginPath();
  ctx.rect(bx, by, bw, bh);
  ctx.clip();
  ctx.lineWidth = 0.6;
  ctx.strokeStyle = p.border;
  ctx.fillStyle = p.land;
  inset.paths.forEach((path, i) => {
    ctx.fillStyle = i < layout.provinces.length ? p.land : p.border;
    ctx.fill(path);
    ctx.stroke(path);
  });
  paintMarks(ctx, marks, dpr, p, format);
  ctx.restore();
  ctx.strokeStyle = p.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(bx + 0.5, by + 0.5, bw - 1, bh - 1);
  // The label, whole even in a small inset (it shrinks to 8 px, then may reach left of the frame, over the sea).
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `10px ${FONT}`;
  const size = Math.max(8, Math.min(10, (10 * (bw - 6)) / Math.max(1, ctx.measureText(label).width)));
  ctx.font = `${size.toFixed(1)}px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.lineWidth = 3;
  ctx.strokeStyle = p.halo;
  ctx.strokeText(label, bx + bw - 3, by + bh - 2);
  ctx.fillStyle = p.text;
  ctx.fillText(label, bx + bw - 3, by + bh - 2);
  ctx.restore();
}
