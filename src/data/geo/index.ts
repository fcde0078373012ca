// The bundled schematic basemap, loaded lazily: import this module with a dynamic import() only.
import basemapJson from './china.json' with { type: 'json' };
import type { FeatureCollection, Geometry } from 'geojson';
import type { LocalizedText } from '../../contract/index.js';

export interface Basemap {
  schematic: boolean;
  attribution: LocalizedText;
  provinces: FeatureCollection<Geometry, { adcode: string; name: LocalizedText }>;
  southChinaSea?: FeatureCollection;
}
export const basemap = basemapJson as unknown as Basemap;
