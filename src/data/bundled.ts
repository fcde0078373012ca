// The bundled data, typed once: the local client's embedded default and the reference server's default data.
import catalogJson from './catalog/catalog.json' with { type: 'json' };
import lprJson from './rates/lpr.json' with { type: 'json' };
import sampleJson from './incubators/sample.json' with { type: 'json' };
import provincesJson from './regions/provinces.json' with { type: 'json' };
import type { Catalog, Incubator, LocalizedText, ReferenceRates } from '../contract/index.js';

export const bundledCatalog = catalogJson as unknown as Catalog;
export const bundledReferenceRates = lprJson as ReferenceRates;
/** A small verified sample of real incubation carriers, positioned by division (see src/data/incubators/PROVENANCE.md). */
export const bundledIncubators = sampleJson as Incubator[];
/** Names of the provincial divisions by adcode, for region statistics. */
export const provinceNames = provincesJson as Record<string, LocalizedText>;
