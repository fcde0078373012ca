// The bundled data: the embedded default of the local client.
import catalogJson from '../data/catalog/catalog.json' with { type: 'json' };
import lprJson from '../data/rates/lpr.json' with { type: 'json' };
import sampleJson from '../data/incubators/sample.json' with { type: 'json' };
import provincesJson from '../data/regions/provinces.json' with { type: 'json' };
import type { Catalog, Incubator, LocalizedText, ReferenceRates } from '../contract/index.js';

export const bundledCatalog = catalogJson as unknown as Catalog;
export const bundledReferenceRates = lprJson as ReferenceRates;
/** Illustrative entries only (see src/data/incubators/PROVENANCE.md). */
export const bundledIncubators = sampleJson as Incubator[];
export const provinceNames = provincesJson as Record<string, LocalizedText>;
