// The bundled schematic basemap, loaded lazily: import this module with a dynamic import() only. It ships as
// quantized, simplified TopoJSON (scripts/build-basemap.mjs) and is turned into GeoJSON features here.
import topoJson from './china.topo.json' with { type: 'json' };
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { LocalizedText } from '../../contract/index.js';

export interface Basemap {
  schematic: boolean;
  attribution: LocalizedText;
  provinces: FeatureCollection<Geometry, { adcode: string; name: LocalizedText; center?: [number, number] }>;
  southChinaSea?: FeatureCollection;
}
const topo = topoJson as unknown as Parameters<typeof feature>[0] & { schematic: boolean; attribution: LocalizedText };
export const basemap: Basemap = {
  schematic: topo.schematic,
  attribution: topo.attribution,
  provinces: feature(topo, topo.objects.provinces!) as unknown as Basemap['provinces'],
  southChinaSea: feature(topo, topo.objects.southChinaSea!) as unknown as FeatureCollection,
};
