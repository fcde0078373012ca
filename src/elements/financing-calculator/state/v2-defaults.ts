// The defaults of the loan form's v2 drafts (the advanced group), and whether a form uses any of them. Kept apart
// from v2-builder.ts so the eager bundle can tell whether to open the advanced group, or to fetch the v2 chunk for a
// request, without carrying the v2 code itself. Pure.
import type { FinancingRequest } from '../../../contract/index.js';

export const V2_DEFAULTS: Readonly<Record<string, string>> = {
  frequency: 'monthly', dayCount: '30/360', repricing: 'none', guaranteeBasis: 'annual-in-advance', guaranteeCoverage: '100',
  subsidyMonths: '', subsidyUntil: '', subsidyTiming: 'with-payment', pathRows: '0', prepaymentRows: '0',
};

/** True when any advanced draft differs from its default (the group then opens). */
export function advancedInUse(d: Readonly<Record<string, string>>): boolean {
  return Object.entries(V2_DEFAULTS).some(([k, v]) => (d[k] ?? v) !== v && !(k === 'guaranteeCoverage' && d[k] === ''));
}

/** True when a (partial) request names a v2 field: filling the form with it needs the v2 chunk. */
export function usesV2(f: Partial<FinancingRequest>): boolean {
  const rate = f.rate?.type === 'lpr' ? f.rate : undefined;
  const g = f.guaranteeFee, s = f.subsidy;
  return !!(f.frequency || f.dayCount || f.prepayments?.length || rate?.repricing || rate?.lprPath?.length
    || g?.basis || g?.coverage !== undefined || s?.months !== undefined || s?.until || s?.timing);
}
