// The page npm run bench:map drives in headless Chromium: our Canvas map and a plain d3 SVG peer, both fed
// 200,000 synthetic incubators. Results land on window.__bench for the driver to read.
import '../src/define.js';
import { select } from 'd3-selection';
import { geoConicEqualArea } from 'd3-geo';
import { syntheticIncubators } from '../src/sdk/synthetic.js';
import type { ChanrongIncubatorMap } from '../src/elements/index.js';

const COUNT = Number(new URLSearchParams(location.search).get('count') ?? 200_000);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? NaN; };
const p95 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN; };
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

async function frameIntervals(step: (i: number) => void, frames = 90): Promise<number[]> {
  const intervals: number[] = [];
  let last = await frame();
  for (let i = 0; i < frames; i++) {
    step(i);
    const now = await frame();
    intervals.push(now - last);
    last = now;
  }
  return intervals;
}

async function ours(items: ReturnType<typeof syntheticIncubators>) {
  const el = document.createElement('chanrong-incubator-map') as ChanrongIncubatorMap;
  el.style.width = '960px';
  document.body.append(el);
  await new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
  // Time from handing over 200k points to the first finished draw that shows them.
  const start = performance.now();
  const rendered = new Promise<{ durationMs: number; points: number }>((resolve) => {
    const on = (e: Event) => {
      const d = (e as CustomEvent<{ durationMs: number; points: number }>).detail;
      if (d.points > 0) { el.removeEventListener('chanrong-render', on); resolve(d); }
    };
    el.addEventListener('chanrong-render', on);
  });
  el.incubators = items;
  const first = await rendered;
  const firstDraw = performance.now() - start;
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const rect = canvas.getBoundingClientRect();
  const wheel = (dy: number) => canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: dy, clientX: rect.left + rect.width * 0.7, clientY: rect.top + rect.height * 0.7, bubbles: true, cancelable: true }));
  const zoomFrames = await frameIntervals((i) => wheel(i < 45 ? -40 : 40));
  const drag = (type: string, x: number, y: number) => canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, view: window, buttons: 1 }));
  drag('mousedown', rect.left + 300, rect.top + 300);
  const panFrames = await frameIntervals((i) => window.dispatchEvent(new MouseEvent('mousemove', { clientX: rect.left + 300 + i * 3, clientY: rect.top + 300 + i, bubbles: true, view: window, buttons: 1 })));
  window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, view: window }));
  // Let the end-of-gesture redraw happen, then time hit-tests at random positions.
  const settled = new Promise((r) => el.addEventListener('chanrong-render', r, { once: true }));
  await Promise.race([settled, new Promise((r) => setTimeout(r, 3000))]);
  const n = 20_000;
  const xs = Array.from({ length: n }, () => [Math.random() * rect.width, Math.random() * rect.height] as const);
  const t0 = performance.now();
  for (const [x, y] of xs) el.hitTest(x, y);
  const hoverMs = (performance.now() - t0) / n;
  el.remove();
  return { firstDraw, firstDrawWork: first.durationMs, zoomFrames, panFrames, hoverMs };
}

async function peer(items: ReturnType<typeof syntheticIncubators>) {
  const width = 960, height = 691;
  const projection = geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]).fitExtent([[8, 8], [width - 8, height - 8]],
    { type: 'MultiPoint', coordinates: [[73, 18], [135, 54]] });
  const start = performance.now();
  const svg = select(document.body).append('svg').attr('width', width).attr('height', height);
  const g = svg.append('g');
  g.selectAll('circle').data(items).join('circle')
    .attr('cx', (d) => projection([d.lon, d.lat])![0]).attr('cy', (d) => projection([d.lon, d.lat])![1]).attr('r', 2).attr('fill', '#0b5cad');
  await frame();
  await frame();
  const firstDraw = performance.now() - start;
  let k = 1;
  const zoomFrames = await frameIntervals((i) => { k *= i < 45 ? 1.04 : 1 / 1.04; g.attr('transform', `translate(${width * 0.7 * (1 - k)},${height * 0.7 * (1 - k)}) scale(${k})`); });
  const panFrames = await frameIntervals((i) => g.attr('transform', `translate(${i * 3},${i})`));
  const rect = svg.node()!.getBoundingClientRect();
  const n = 2_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) document.elementFromPoint(rect.left + Math.random() * width, rect.top + Math.random() * height);
  const hoverMs = (performance.now() - t0) / n;
  svg.remove();
  return { firstDraw, zoomFrames, panFrames, hoverMs };
}

const items = syntheticIncubators(COUNT, 42);
const a = await ours(items);
const b = await peer(items);
(window as unknown as { __bench: unknown }).__bench = {
  count: COUNT,
  ours: { firstDraw: a.firstDraw, firstDrawWork: a.firstDrawWork, zoomMedian: median(a.zoomFrames), zoomP95: p95(a.zoomFrames), panMedian: median(a.panFrames), panP95: p95(a.panFrames), hoverMs: a.hoverMs },
  peer: { firstDraw: b.firstDraw, zoomMedian: median(b.zoomFrames), zoomP95: p95(b.zoomFrames), panMedian: median(b.panFrames), panP95: p95(b.panFrames), hoverMs: b.hoverMs },
};
