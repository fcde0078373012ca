// The bundled data: the embedded default of the local client.
import catalogJson from '../data/catalog/catalog.json' with { type: 'json' };
import lprJson from '../data/rates/lpr.json' with { type: 'json' };
import type { Catalog, Incubator, ReferenceRates } from '../contract/index.js';

export const bundledCatalog = catalogJson as unknown as Catalog;
export const bundledReferenceRates = lprJson as ReferenceRates;
/** The illustrative directory lands with the directory engine; until then the local directory is empty. */
export const bundledIncubators: Incubator[] = [];
