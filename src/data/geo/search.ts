// The directory's search data (pinyin table, place names) and the map's city label points, built by
// scripts/build-basemap.mjs. Loaded with the embedded data, never with the map's own code.
import searchJson from './search.json' with { type: 'json' };
import labelsJson from './labels.json' with { type: 'json' };
import type { SearchData } from '../../engine/directory/search.js';

export const searchData = searchJson as SearchData;
/** [adcode, lon, lat] of each city's label point. */
export const cityLabels = labelsJson.cities as [string, number, number][];
