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
const topo = quantize(simplify(presimplify(topology({ provinces: basemap.provinces, southChinaSea: basemap.southChinaSea })), 0.003), 2e4);
writeFileSync(new URL('../src/data/geo/china.topo.json', import.meta.url), `${JSON.stringify({ ...topo, schematic: true, attribution: basemap.attribution })}\n`);
console.log(`china.topo.json: ${provinces.length} provincial divisions, ${southChinaSea.length} South China Sea shapes, ${rewound} polygons rewound`);

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
