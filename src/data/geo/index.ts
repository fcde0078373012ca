// The bundled schematic basemap as GeoJSON features (for tests and tools; the map itself loads ./light.js for its
// first paint and ./topology.js for zooming in, converting with its own topojson-client). Import it lazily.
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { LocalizedText } from '../../contract/index.js';
import { topology } from './topology.js';

export interface Basemap {
  schematic: boolean;
  attribution: LocalizedText;
  provinces: FeatureCollection<Geometry, { adcode: string; name: LocalizedText; center?: [number, number] }>;
  southChinaSea?: FeatureCollection;
}
export const basemap: Basemap = {
  schematic: topology.schematic,
  attribution: topology.attribution,
  provinces: feature(topology, topology.objects.provinces!) as unknown as Basemap['provinces'],
  southChinaSea: feature(topology, topology.objects.southChinaSea!) as unknown as FeatureCollection,
};
