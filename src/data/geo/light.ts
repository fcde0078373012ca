// The light basemap for the map's first paint (scripts/build-basemap.mjs writes china-light.json): the same 34
// divisions and South China Sea shapes as china.topo.json, simplified for the national view, every ring snapped to
// a 1/q° grid and stored as zigzag deltas, two characters per point (ECharts' encoding, offset 64). 9.5 KB gzip
// instead of 30 KB; the full basemap follows for zooming in. Decoded here into GeoJSON features.
import lightJson from './china-light.json' with { type: 'json' };
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { LocalizedText } from '../../contract/index.js';

interface LightJson {
  q: number;
  provinces: { adcode: string; name: LocalizedText; center?: [number, number]; polygons: string[][] }[];
  southChinaSea: string[][];
}

function ring(s: string, q: number): Position[] {
  const out: Position[] = [];
  let x = 0, y = 0;
  for (let i = 0; i < s.length; i += 2) {
    const a = s.charCodeAt(i) - 64, b = s.charCodeAt(i + 1) - 64;
    x += (a >> 1) ^ -(a & 1);
    y += (b >> 1) ^ -(b & 1);
    out.push([x / q, y / q]);
  }
  return out;
}

const multi = (polygons: string[][], q: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: polygons.map((p) => p.map((r) => ring(r, q))) });

/** The light basemap as GeoJSON: provinces (adcode, names, label point) and the South China Sea shapes. */
export function lightBasemap(): { provinces: FeatureCollection<MultiPolygon, { adcode: string; name: LocalizedText; center?: [number, number] }>; southChinaSea: FeatureCollection } {
  const light = lightJson as unknown as LightJson;
  return {
    provinces: {
      type: 'FeatureCollection',
      features: light.provinces.map((p) => ({
        type: 'Feature', id: p.adcode, properties: { adcode: p.adcode, name: p.name, ...(p.center ? { center: p.center } : {}) }, geometry: multi(p.polygons, light.q),
      })),
    },
    southChinaSea: { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'south-china-sea', properties: {}, geometry: multi(light.southChinaSea, light.q) } as Feature] },
  };
}
