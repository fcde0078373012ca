// A catalog of two programs on one yes/no fact, each in force for its own window ("old" until 2025-12-31, "new"
// from 2026-01-01): the smallest catalog where the date of a check changes which programs a report covers.
// Shared by the service and decision-record tests; each passes its own version, which its digests depend on.
import type { Catalog } from '../../src/contract/index.js';

export const label = { 'zh-CN': 'x' };

export function windowedCatalog(version: string): Catalog {
  return {
    version,
    facts: { a: { type: 'boolean', label } },
    programs: [
      { id: 'old', kind: 'loan', title: label, sources: [{ title: label }], validUntil: '2025-12-31', criteria: { fact: 'a', op: 'eq', value: true } },
      { id: 'new', kind: 'loan', title: label, sources: [{ title: label }], validFrom: '2026-01-01', criteria: { fact: 'a', op: 'eq', value: true } },
    ],
  };
}
