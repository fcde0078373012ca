// Keyboard browsing of what the map draws (a listbox over clusters and points, in reading order) and the
// place a mark lies in, for its accessible name: the nearest labelled city, with its province.
import type { Locale } from '../../contract/index.js';
import { localize } from '../../contract/localize.js';
import type { Province } from './geometry.js';
import type { Mark } from './marks.js';
import type { MapView } from './map-view.js';

/** The next mark for a key, in reading order (rows of 40 px, then left to right); the inset comes last. */
export function nextMark(marks: Mark[], current: number, key: string): number {
  if (!marks.length) return -1;
  const order = marks.map((m, i) => i).sort((a, b) => {
    const ma = marks[a]!, mb = marks[b]!;
    return Number(!!ma.inset) - Number(!!mb.inset) || Math.floor(ma.y / 40) - Math.floor(mb.y / 40) || ma.x - mb.x;
  });
  const at = order.indexOf(current);
  if (key === 'Home') return order[0]!;
  if (key === 'End') return order.at(-1)!;
  const forward = key === 'ArrowRight' || key === 'ArrowDown';
  if (at < 0) return forward ? order[0]! : order.at(-1)!;
  return order[Math.max(0, Math.min(order.length - 1, at + (forward ? 1 : -1)))]!;
}

type City = [string, number, number, string, string, string];

export function placeName(lon: number, lat: number, cities: City[], provinces: Province[], locale: Locale): string {
  const d = (x: number, y: number) => (x - lon) ** 2 + ((y - lat) * 1.25) ** 2;
  let best: { adcode: string; dist: number; city?: City } | undefined;
  for (const c of cities) {
    const dist = d(c[1], c[2]);
    if (!best || dist < best.dist) best = { adcode: c[0], dist, city: c };
  }
  for (const p of provinces) {
    const center = p.properties?.center;
    if (!center) continue;
    const dist = d(center[0], center[1]);
    if (!best || dist < best.dist) best = { adcode: String(p.properties?.adcode ?? p.id ?? ''), dist };
  }
  if (!best) return '';
  const province = provinces.find((p) => String(p.properties?.adcode ?? p.id ?? '').slice(0, 2) === best.adcode.slice(0, 2));
  const pn = province?.properties?.name;
  const provinceName = typeof pn === 'string' ? pn : pn ? localize(pn, locale) : '';
  if (!best.city) return provinceName;
  const city = best.city[locale === 'zh-CN' ? 3 : locale === 'zh-TW' ? 4 : 5];
  return locale === 'en' ? `${city}, ${provinceName}` : `${provinceName}${city}`;
}

/** The map's keys: arrows move through the marks (Shift+arrows pan), Enter or Space opens, + − 0 zoom. */
export function handleMapKey(event: KeyboardEvent, v: MapView, activate: (i: number) => void): boolean {
  const key = event.key, step = 60;
  const pans: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  let repaint = false;
  if (event.shiftKey && pans[key]) v.panBy(...pans[key]!);
  else if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)) { v.active = nextMark(v.marks, v.active, key); repaint = true; }
  else if ((key === 'Enter' || key === ' ') && v.active >= 0) activate(v.active);
  else if (key === '+' || key === '=') v.zoomBy(2);
  else if (key === '-') v.zoomBy(0.5);
  else if (key === '0') v.reset();
  else return false;
  event.preventDefault();
  return repaint;
}
