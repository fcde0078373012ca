// The directory's search data (pinyin table, place names), built by scripts/build-basemap.mjs. Loaded with the
// embedded data and by the server, never with the map's own code.
import searchJson from './search.json' with { type: 'json' };
import type { SearchData } from '../../engine/directory/search.js';

export const searchData = searchJson as SearchData;
