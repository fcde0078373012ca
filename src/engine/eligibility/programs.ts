// Which programs of a catalog are in force on a date. Pure: no clock; the caller passes `asOf`.
import type { Catalog, Program } from '../../contract/index.js';

/** `validFrom <= asOf <= validUntil`, a missing bound is open. ISO dates compare as strings. */
export function isInForce(program: Program, asOf: string): boolean {
  return (program.validFrom === undefined || program.validFrom <= asOf)
    && (program.validUntil === undefined || asOf <= program.validUntil);
}

export function programsInForce(catalog: Catalog, asOf: string): Program[] {
  return catalog.programs.filter((p) => isInForce(p, asOf));
}
