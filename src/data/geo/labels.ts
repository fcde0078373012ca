// City label points for the map ([adcode, lon, lat, zh-CN, zh-TW, en]), built by scripts/build-basemap.mjs.
// Loaded lazily by the map, with the basemap.
import labelsJson from './labels.json' with { type: 'json' };

export const cityLabels = labelsJson.cities as [string, number, number, string, string, string][];
