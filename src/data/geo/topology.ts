// The bundled schematic basemap as TopoJSON (quantized, simplified: scripts/build-basemap.mjs), pure data: import it
// with a dynamic import() only. The map converts it with its own topojson-client, so this module's chunk imports
// nothing and the map's self-contained CDN file can fetch it alone.
import topoJson from './china.topo.json' with { type: 'json' };
import type { Topology } from 'topojson-specification';
import type { LocalizedText } from '../../contract/index.js';

export const topology = topoJson as unknown as Topology & { schematic: boolean; attribution: LocalizedText };
