// Regenerates src/data/geo/china.topo.json, the schematic basemap (示意图): the 34 provincial divisions from the
// Apache-2.0 `echarts@4.9.0` map/json/china.json (ECharts' compressed encoding decoded here), with names in
// zh-CN, zh-TW and en from src/data/regions/regions.json, rings rewound where d3 would read them inside out,
// and the South China Sea islands and dash line (南海诸岛) from the Unlicense `@surbowl/world-geo-json-zh`.
// Run: node scripts/build-basemap.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea } from 'd3-geo';

const require = createRequire(import.meta.url);
const echarts = JSON.parse(readFileSync(require.resolve('echarts/map/json/china.json'), 'utf8'));
const world = JSON.parse(readFileSync(require.resolve('@surbowl/world-geo-json-zh/world.zh.json'), 'utf8'));
const regions = JSON.parse(readFileSync(new URL('../src/data/regions/regions.json', import.meta.url), 'utf8'));

// ECharts' encoding: each ring is a string of char pairs, zigzag- and delta-encoded from encodeOffsets,
// quantized by 1024 (see ECharts' parseGeoJson decodePolygon).
function decodeRing(text, [x0, y0], scale = 1024) {
  const out = [];
  let px = x0, py = y0;
  for (let i = 0; i < text.length; i += 2) {
    let x = text.charCodeAt(i) - 64;
    let y = text.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    out.push([px / scale, py / scale]);
  }
  return out;
}
const round = (ring) => ring.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
const closed = (ring) => {
  const [a, b] = [ring[0], ring.at(-1)];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, a];
};
// d3 wants exterior rings clockwise on the sphere; a ring wound the other way covers the rest of the globe
// (area over 2π steradians). Rewind such polygons (ECharts' Taiwan rings are the known case).
let rewound = 0;
function fixWinding(polygon) {
  if (geoArea({ type: 'Polygon', coordinates: polygon }) > 2 * Math.PI) {
    rewound++;
    return polygon.map((ring) => [...ring].reverse());
  }
  return polygon;
}

const names = new Map(regions.map((r) => [r.adcode, r.name]));
const provinces = echarts.features.map((f) => {
  const g = f.geometry;
  const polygons = g.type === 'Polygon'
    ? [g.coordinates.map((ring, i) => decodeRing(ring, g.encodeOffsets[i]))]
    : g.coordinates.map((poly, i) => poly.map((ring, j) => decodeRing(ring, g.encodeOffsets[i][j])));
  const fixed = polygons.map((poly) => fixWinding(poly.map((ring) => closed(round(ring)))));
  const adcode = String(f.id);
  const name = names.get(adcode);
  if (!name) throw new Error(`no names for ${adcode}`);
  return {
    type: 'Feature',
    id: adcode,
    properties: { adcode, name, center: f.properties.cp },
    geometry: fixed.length === 1 ? { type: 'Polygon', coordinates: fixed[0] } : { type: 'MultiPolygon', coordinates: fixed },
  };
});

// The South China Sea: the small polygons of the China feature south of 23.5°N and east of 105°E other than
// Hainan and Taiwan (which the provinces already draw): the islands and the dash line segments.
const cn = world.features.find((f) => f.properties.iso_a2 === 'CN');
const southChinaSea = cn.geometry.coordinates.filter((poly) => {
  const ring = poly[0];
  const lats = ring.map((c) => c[1]);
  const lons = ring.map((c) => c[0]);
  const area = Math.abs(ring.reduce((s, [x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; return s + x * y2 - x2 * y; }, 0) / 2);
  return Math.max(...lats) < 23.5 && Math.min(...lons) > 105 && area < 0.5;
}).map((poly) => fixWinding(poly.map((ring) => closed(round(ring)))));

const basemap = {
  schematic: true,
  attribution: {
    'zh-CN': '示意图，不作为权属争议依据。省级边界：ECharts 4.9.0（Apache-2.0）；南海诸岛：world-geo-json-zh（Unlicense）。',
    'zh-TW': '示意圖，不作為權屬爭議依據。省級邊界：ECharts 4.9.0（Apache-2.0）；南海諸島：world-geo-json-zh（Unlicense）。',
    en: 'Schematic map, not an authority on boundaries. Provinces: ECharts 4.9.0 (Apache-2.0); South China Sea islands: world-geo-json-zh (Unlicense).',
  },
  provinces: { type: 'FeatureCollection', features: provinces },
  southChinaSea: { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'south-china-sea', properties: {}, geometry: { type: 'MultiPolygon', coordinates: southChinaSea } }] },
};
// The full-detail GeoJSON stays in the repository as the reference geometry (tests place the sample directory's
// entries inside their divisions with it); the map does not load it.
writeFileSync(new URL('../src/data/geo/china.json', import.meta.url), `${JSON.stringify(basemap)}\n`);
// Shipped as TopoJSON: shared borders stored once, Visvalingam-simplified (triangles under 0.003 deg², about a
// third of a pixel at the national view, go), quantized to 1/20,000 of the extent: 30 KB gzip instead of 83 KB,
// so a phone on 3G draws the basemap sooner. Small islands keep their rings (simplification never drops one).
const { topology } = await import('topojson-server');
const { presimplify, simplify } = await import('topojson-simplify');
const { quantize } = await import('topojson-client');
// Visvalingam keeps only an arc's two endpoints when every triangle is small, so an island drawn as one closed arc
// would collapse to a point: every closed arc keeps the two interior points eliminated last (the largest
// triangles), a triangle at least. The build stops if a ring that has an area in the source (ECharts' data has
// 119 rings of two distinct points, zero-area slivers; they stay as they are) loses it.
const { feature: topoFeature } = await import('topojson-client');
function keepRings(pre) {
  for (const arc of pre.arcs) {
    const [a, b] = [arc[0], arc.at(-1)];
    if (arc.length < 4 || a[0] !== b[0] || a[1] !== b[1]) continue;
    const inner = arc.slice(1, -1).sort((p, q) => q[2] - p[2]);
    inner[0][2] = inner[1][2] = Infinity;
  }
  return pre;
}
const ringsWithArea = (topo) => Object.values(topo.objects).flatMap((obj) => topoFeature(topo, obj).features.flatMap((f) =>
  (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap((poly) => poly.map((ring) => new Set(ring.map((c) => c.join())).size >= 3))));
function assertRings(topo, source, what) {
  const got = ringsWithArea(topo), want = ringsWithArea(source);
  const lost = want.map((w, i) => w && !got[i]).filter(Boolean).length;
  if (got.length !== want.length || lost) throw new Error(`${what}: ${lost} of ${want.filter(Boolean).length} rings with an area collapsed (${got.length} rings, source ${want.length})`);
  return want.filter(Boolean).length;
}
const fullPre = keepRings(presimplify(topology({ provinces: basemap.provinces, southChinaSea: basemap.southChinaSea })));
const topo = quantize(simplify(fullPre, 0.003), 2e4);
const areaRings = assertRings(topo, simplify(fullPre, 0), 'china.topo.json');
writeFileSync(new URL('../src/data/geo/china.topo.json', import.meta.url), `${JSON.stringify({ ...topo, schematic: true, attribution: basemap.attribution })}\n`);
console.log(`china.topo.json: ${provinces.length} provincial divisions, ${southChinaSea.length} South China Sea shapes, ${rewound} polygons rewound, ${areaRings} rings with an area, none collapsed`);

// china-light.json: the same map, lighter, for the first paint (the map's CDN file carries it; the full topology
// follows in the background, for zooming in). Simplified through one topology (shared borders simplified once, so
// no gaps; Visvalingam, triangles under LIGHT_AREA deg², under a pixel at 1280 px and far less on a phone). A small
// closed ring (an island, a dash) that this collapses keeps its own points instead, so no island is lost. Then
// every ring is snapped to a 1/LIGHT_Q° grid and stored as zigzag deltas, two characters per point (ECharts'
// encoding, offset 64). The build stops if a ring degenerates or turns inside out, if the South China Sea loses
// a shape, or if Hainan's southern tip moves.
const LIGHT_AREA = 0.03, LIGHT_Q = 100;
{
  const { feature } = await import('topojson-client');
  const pre = keepRings(presimplify(topology({ provinces: basemap.provinces, southChinaSea: basemap.southChinaSea }, 1e5)));
  const light = simplify(pre, LIGHT_AREA), whole = simplify(pre, 0);
  const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  const snap = (ring) => {
    const out = [];
    for (const [lon, lat] of ring) {
      const p = [Math.round(lon * LIGHT_Q), Math.round(lat * LIGHT_Q)];
      if (!out.length || out.at(-1)[0] !== p[0] || out.at(-1)[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const ringArea = (ring) => Math.abs(geoArea({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [x / LIGHT_Q, y / LIGHT_Q])] }));
  let kept = 0;
  // Douglas–Peucker on one closed ring, keeping at least a triangle: its first point and the farthest from it.
  const closedDP = (ring, eps) => {
    const pts = ring.slice(0, -1);
    if (pts.length < 4) return ring;
    const d2 = (a, b) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
    const far = pts.reduce((best, p, k) => (d2(p, pts[0]) > d2(pts[best], pts[0]) ? k : best), 0);
    const seg = (a, b, p) => { const l = d2(a, b); if (!l) return Math.sqrt(d2(a, p)); const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / l)); return Math.sqrt(d2(p, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])])); };
    const keep = new Set([0, far]);
    const rec = (i0, i1) => { let m = -1, md = 0; for (let k = i0 + 1; k < i1; k++) { const d = seg(pts[i0], pts[i1 % pts.length], pts[k]); if (d > md) { md = d; m = k; } } if (m >= 0 && (md > eps || keep.size < 3)) { keep.add(m); rec(i0, m); rec(m, i1); } };
    rec(0, far); rec(far, pts.length);
    const out = [...keep].sort((a, b) => a - b).map((k) => pts[k]);
    return [...out, out[0]];
  };
  const islets = [];
  let turned = 0;
  const d3PolygonCentroid = (ring) => { const n = ring.length - 1; return [ring.slice(0, n).reduce((a, c) => a + c[0], 0) / n, ring.slice(0, n).reduce((a, c) => a + c[1], 0) / n]; };
  const zz = (v) => String.fromCharCode(64 + ((v << 1) ^ (v >> 31)));
  const encode = (ring) => { let s = '', px = 0, py = 0; for (const [x, y] of ring) { s += zz(x - px) + zz(y - py); px = x; py = y; } return s; };
  const decode = (s) => {
    const out = []; let x = 0, y = 0;
    for (let i = 0; i < s.length; i += 2) {
      const a = s.charCodeAt(i) - 64, b = s.charCodeAt(i + 1) - 64;
      x += (a >> 1) ^ -(a & 1); y += (b >> 1) ^ -(b & 1);
      out.push([x / LIGHT_Q, y / LIGHT_Q]);
    }
    return out;
  };
  const encodeGeometry = (g, full, what) => polygonsOf(g).map((poly, i) => poly.map((ring, j) => {
    const source = polygonsOf(full)[i][j];
    // A zero-area sliver in the source stays one (snapped as it is).
    if (new Set(source.map((c) => c.join())).size < 3) return encode(snap(source));
    let snapped = snap(ring);
    if (snapped.length < 4 || !(ringArea(snapped) > 0)) { snapped = snap(closedDP(source, 1 / LIGHT_Q)); kept++; }
    // An islet smaller than the grid: a one-cell square at its place (exterior rings clockwise, as d3 wants).
    if (snapped.length < 4 || !(ringArea(snapped) > 0)) {
      const [x, y] = snap([d3PolygonCentroid(source)])[0];
      snapped = [[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]];
      if (j > 0) snapped.reverse();
      islets.push(`${what} ${x / LIGHT_Q},${y / LIGHT_Q}`);
    }
    // Snapping a small ring can turn it around: exterior rings clockwise, holes counter-clockwise, as d3 reads them.
    if ((geoArea({ type: 'Polygon', coordinates: [decode(encode(snapped))] }) > 2 * Math.PI) !== (j > 0)) { snapped.reverse(); turned++; }
    return encode(snapped);
  }));
  const lightFc = feature(light, light.objects.provinces).features, wholeFc = feature(whole, whole.objects.provinces).features;
  const lightProvinces = lightFc.map((f, i) => ({ adcode: f.properties.adcode, name: f.properties.name, center: f.properties.center, polygons: encodeGeometry(f.geometry, wholeFc[i].geometry, f.properties.adcode) }));
  const lightSea = encodeGeometry(feature(light, light.objects.southChinaSea).features[0].geometry, feature(whole, whole.objects.southChinaSea).features[0].geometry, 'the South China Sea');
  if (lightSea.length !== southChinaSea.length) throw new Error(`china-light.json: ${lightSea.length} South China Sea shapes, not ${southChinaSea.length}`);
  const hainan = (polys) => Math.min(...polys.flat().flatMap((r) => (typeof r === 'string' ? decode(r) : r).map((c) => c[1])));
  const hainanGeometry = provinces.find((p) => p.id === '460000').geometry;
  const hainanFull = hainan(polygonsOf(hainanGeometry));
  const hainanLight = hainan(lightProvinces.find((p) => p.adcode === '460000').polygons);
  if (Math.abs(hainanLight - hainanFull) > 2 / LIGHT_Q) throw new Error(`china-light.json: Hainan's southern tip moved from ${hainanFull} to ${hainanLight}`);
  const out = { q: LIGHT_Q, provinces: lightProvinces, southChinaSea: lightSea };
  writeFileSync(new URL('../src/data/geo/china-light.json', import.meta.url), `${JSON.stringify(out)}\n`);
  const all = [...lightProvinces.flatMap((p) => p.polygons), ...lightSea].flat();
  console.log(`china-light.json: ${lightProvinces.length} provincial divisions, ${lightSea.length} South China Sea shapes, ${all.length} rings (${kept} small ones with their own points, ${islets.length} islets under the grid as one cell, ${turned} turned back), ${all.reduce((n, r) => n + r.length / 2, 0)} points; Hainan's tip ${hainanLight}°N (full ${hainanFull}°N)`);
}

// ---- search.json: a pinyin table and place names for the directory's search; labels.json: city label points.
// The pinyin table covers GB 2312 (6,763 characters) and every character of the region names, each with
// pinyin-pro's most common reading; the map ships this table, never the pinyin library.
const { pinyin } = await import('pinyin-pro');
const chars = new Set();
const gb = new TextDecoder('gb2312');
for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) {
  const ch = gb.decode(new Uint8Array([hi, lo]));
  if (/^\p{Script=Han}$/u.test(ch)) chars.add(ch);
}
for (const r of regions) for (const n of [r, ...r.cities]) for (const ch of `${n.name['zh-CN']}${n.name['zh-TW'] ?? ''}`) if (/\p{Script=Han}/u.test(ch)) chars.add(ch);
const bySyllable = new Map();
for (const ch of [...chars].sort()) {
  const [s] = pinyin(ch, { toneType: 'none', type: 'array' });
  if (!s || !/^[a-zü]+$/.test(s)) continue;
  const key = s.replace('ü', 'v');
  bySyllable.set(key, (bySyllable.get(key) ?? '') + ch);
}
const places = {};
for (const r of regions) {
  places[r.adcode] = [r.name['zh-CN'], r.name['zh-TW'] ?? r.name['zh-CN'], r.name.en ?? ''];
  for (const c of r.cities) places[c.adcode] = [c.name['zh-CN'], c.name['zh-TW'] ?? c.name['zh-CN'], c.name.en ?? ''];
}
const search = { pinyin: [...bySyllable].sort(([a], [b]) => a.localeCompare(b)).map(([s, cs]) => `${s}:${cs}`).join('|'), places };
writeFileSync(new URL('../src/data/geo/search.json', import.meta.url), `${JSON.stringify(search)}\n`);

// City label points: the `cp` (label point) of each city in ECharts' province maps, for the cities of regions.json.
const { readdirSync } = await import('node:fs');
const { dirname, join } = await import('node:path');
const provinceDir = join(dirname(require.resolve('echarts/map/json/china.json')), 'province');
const cityNames = new Map(regions.flatMap((r) => r.cities.map((c) => [c.adcode, c.name])));
const cities = [];
for (const file of readdirSync(provinceDir).filter((f) => f.endsWith('.json')).sort()) {
  const map = JSON.parse(readFileSync(join(provinceDir, file), 'utf8'));
  for (const f of map.features) {
    const adcode = String(f.id);
    const name = cityNames.get(adcode);
    if (!name || !f.properties.cp) continue;
    cities.push([adcode, Math.round(f.properties.cp[0] * 100) / 100, Math.round(f.properties.cp[1] * 100) / 100, name['zh-CN'], name['zh-TW'] ?? name['zh-CN'], name.en ?? name['zh-CN']]);
  }
}
writeFileSync(new URL('../src/data/geo/labels.json', import.meta.url), `${JSON.stringify({ cities })}\n`);
console.log(`search.json: ${chars.size} characters in ${bySyllable.size} syllables, ${Object.keys(places).length} places; labels.json: ${cities.length} cities`);
