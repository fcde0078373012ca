// The region list as a module, so widgets can load it lazily with a plain dynamic import.
import regionsJson from './regions.json' with { type: 'json' };
import type { LocalizedText } from '../../contract/index.js';

export interface Region {
  adcode: string;
  name: LocalizedText;
  cities: { adcode: string; name: LocalizedText }[];
}
export const regions = regionsJson as Region[];
