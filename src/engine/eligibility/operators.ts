// Which operators fit which fact types (CONTRACT.md, "Operators, by fact type"), and what value each expects.
import type { FactType, Operator } from '../../contract/index.js';

export const OPERATORS_BY_TYPE: Record<FactType, readonly Operator[]> = {
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between'],
  integer: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between'],
  date: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'yearsSinceLte', 'yearsSinceGte'],
  enum: ['eq', 'ne', 'in', 'notIn'],
  string: ['eq', 'ne', 'in', 'notIn'],
  boolean: ['eq', 'ne', 'in', 'notIn'],
  'enum-set': ['includesAny', 'includesAll', 'excludesAll'],
  region: ['withinRegion'],
};

/** Whole years completed from `from` to `to` (both `YYYY-MM-DD`), by the birthday rule. */
export function wholeYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** A region target ending in 0000 is a province, in 00 a prefecture; otherwise an exact county code. */
export function withinRegion(code: string, target: string): boolean {
  if (target.endsWith('0000')) return code.slice(0, 2) === target.slice(0, 2);
  if (target.endsWith('00')) return code.slice(0, 4) === target.slice(0, 4);
  return code === target;
}
