// The page npm run bench:map drives in headless Chromium: our Canvas map fed N synthetic incubators through the
// `incubators` property, a plain-canvas floor (N fillRects from a typed array, the least any canvas map can
// do) and, up to 200,000 points, a d3 SVG peer. Results land on window.__bench for the driver to read.
import '../src/define.js';
import { select } from 'd3-selection';
import { geoConicEqualArea } from 'd3-geo';
import { syntheticIncubators } from '../src/sdk/synthetic.js';
import type { ChanrongIncubatorMap } from '../src/elements/index.js';

const params = new URLSearchParams(location.search);
const COUNT = Number(params.get('count') ?? 200_000);
const WHO = params.get('who') ?? 'ours';
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? NaN; };
const p95 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN; };
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const heapMb = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN) / 2 ** 20;

/** Long tasks (PerformanceObserver 'longtask', > 50 ms) while `run` runs: the longest, and how many. */
let windows = 0;
async function watchTasks<T>(run: () => Promise<T>): Promise<T & { longestTask: number; longTasks: number }> {
  // Marks for the driver's trace, which also tells the thread's CPU time of each task from its wall time.
  const name = `bench-window-${windows++}`;
  performance.mark(`${name}-start`);
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  const value = await run();
  await new Promise((r) => setTimeout(r, 50));
  for (const e of observer.takeRecords()) tasks.push(e.duration);
  observer.disconnect();
  performance.mark(`${name}-end`);
  return { ...value, longestTask: Math.max(0, ...tasks), longTasks: tasks.length };
}

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
  el.style.display = 'block';
  // Start from an empty directory (basemap drawn, no points), so the first draw with points is the new data's.
  el.incubators = [];
  document.body.append(el);
  await new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
  const heapBefore = heapMb();
  // From handing over the points to the first finished draw that shows them; long tasks meanwhile.
  const load = await watchTasks(async () => {
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
    return { firstDraw: performance.now() - start, firstDrawWork: first.durationMs };
  });
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const rect = canvas.getBoundingClientRect();
  const wheel = (dy: number) => canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: dy, clientX: rect.left + rect.width * 0.7, clientY: rect.top + rect.height * 0.6, bubbles: true, cancelable: true }));
  const gestures = await watchTasks(async () => {
    const zoomFrames = await frameIntervals((i) => wheel(i < 45 ? -40 : 40));
    const drag = (type: string, x: number, y: number, target: EventTarget) => target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, view: window, buttons: 1 }));
    drag('mousedown', rect.left + 300, rect.top + 300, canvas);
    const panFrames = await frameIntervals((i) => drag('mousemove', rect.left + 300 + i * 3, rect.top + 300 + i, window));
    window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, view: window }));
    return { zoomFrames, panFrames };
  });
  const settled = new Promise((r) => el.addEventListener('chanrong-render', r, { once: true }));
  await Promise.race([settled, new Promise((r) => setTimeout(r, 5000))]);
  const heap = heapMb();
  const n = 20_000;
  const xs = Array.from({ length: n }, () => [Math.random() * rect.width, Math.random() * rect.height] as const);
  const t0 = performance.now();
  for (const [x, y] of xs) el.hitTest(x, y);
  const hoverMs = (performance.now() - t0) / n;
  el.remove();
  return {
    firstDraw: load.firstDraw, firstDrawWork: load.firstDrawWork, longestTask: load.longestTask, longTasks: load.longTasks, gestureLongestTask: gestures.longestTask,
    zoomP95: p95(gestures.zoomFrames), zoomMedian: median(gestures.zoomFrames), panP95: p95(gestures.panFrames), panMedian: median(gestures.panFrames), hoverMs, heapMb: heap - heapBefore,
  };
}

const projection = geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]).fitExtent([[8, 8], [952, 712]], { type: 'MultiPoint', coordinates: [[73, 18], [135, 54]] });

/** The floor: N fillRects of projected points from a typed array, redrawn every frame (no clustering, no basemap). */
async function floor(items: ReturnType<typeof syntheticIncubators>) {
  const heapBefore = heapMb();
  return watchTasks(async () => {
    const start = performance.now();
    const xy = new Float32Array(items.length * 2);
    items.forEach((it, i) => { const p = projection([it.lon, it.lat])!; xy[2 * i] = p[0]; xy[2 * i + 1] = p[1]; });
    const canvas = document.createElement('canvas');
    canvas.width = 960;
    canvas.height = 720;
    document.body.append(canvas);
    const ctx = canvas.getContext('2d')!;
    let k = 1, tx = 0, ty = 0;
    const draw = () => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, 960, 720);
      ctx.fillStyle = '#0b5cad';
      for (let i = 0; i < xy.length; i += 2) ctx.fillRect(xy[i]! * k + tx, xy[i + 1]! * k + ty, 2, 2);
    };
    draw();
    await frame();
    const firstDraw = performance.now() - start;
    const zoomFrames = await frameIntervals((i) => { k *= i < 45 ? 1.04 : 1 / 1.04; tx = 960 * 0.7 * (1 - k); ty = 720 * 0.6 * (1 - k); draw(); });
    const panFrames = await frameIntervals((i) => { tx = i * 3; ty = i; draw(); });
    const heap = heapMb() - heapBefore;
    canvas.remove();
    return { firstDraw, zoomP95: p95(zoomFrames), zoomMedian: median(zoomFrames), panP95: p95(panFrames), panMedian: median(panFrames), hoverMs: NaN, heapMb: heap };
  });
}

/** The d3 SVG peer: one circle per point, the view moved by a transform on their group. */
async function svg(items: ReturnType<typeof syntheticIncubators>) {
  const heapBefore = heapMb();
  return watchTasks(async () => {
    const start = performance.now();
    const s = select(document.body).append('svg').attr('width', 960).attr('height', 720);
    const g = s.append('g');
    g.selectAll('circle').data(items).join('circle')
      .attr('cx', (d) => projection([d.lon, d.lat])![0]).attr('cy', (d) => projection([d.lon, d.lat])![1]).attr('r', 2).attr('fill', '#0b5cad');
    await frame();
    await frame();
    const firstDraw = performance.now() - start;
    let k = 1;
    const zoomFrames = await frameIntervals((i) => { k *= i < 45 ? 1.04 : 1 / 1.04; g.attr('transform', `translate(${960 * 0.7 * (1 - k)},${720 * 0.6 * (1 - k)}) scale(${k})`); });
    const panFrames = await frameIntervals((i) => g.attr('transform', `translate(${i * 3},${i})`));
    const rect = s.node()!.getBoundingClientRect();
    const n = 1_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) document.elementFromPoint(rect.left + Math.random() * 960, rect.top + Math.random() * 720);
    const hoverMs = (performance.now() - t0) / n;
    const heap = heapMb() - heapBefore;
    s.remove();
    return { firstDraw, zoomP95: p95(zoomFrames), zoomMedian: median(zoomFrames), panP95: p95(panFrames), panMedian: median(panFrames), hoverMs, heapMb: heap };
  });
}

const items = syntheticIncubators(COUNT, 42);
// Collect the generator's garbage before measuring (the host's data exists before it hands it over).
(globalThis as { gc?: () => void }).gc?.();
await new Promise((r) => setTimeout(r, 100));
const result = WHO === 'ours' ? await ours(items) : WHO === 'floor' ? await floor(items) : await svg(items);
(window as unknown as { __bench: unknown }).__bench = { count: COUNT, who: WHO, ...result };
