// "测算融资": the program's financing preset with what the user already told the checker. The answers that map
// onto a loan request are named here, in one table, with their unit converted from the catalog's (万元) to the
// contract's yuan. Pure; tested in Node.
import type { FactDef, FinancingRequest, Profile, Program } from '../../../contract/index.js';

/** Fact id → the request field it fills. */
export const ANSWER_TO_REQUEST = {
  requestedAmount: 'principal',
  ipAppraisedValue: 'ipPledge.appraisedValue',
} as const;

function yuan(value: number, def: FactDef | undefined): number {
  const unit = def?.unit?.['zh-CN'];
  const scale = unit === '万元' ? 10_000 : unit === '亿元' ? 100_000_000 : 1;
  return Math.round(value * scale * 100) / 100;
}

export function financingFromAnswers(program: Program, profile: Profile, facts: Readonly<Record<string, FactDef>>): Partial<FinancingRequest> {
  const financing: Partial<FinancingRequest> = { ...program.financing };
  for (const [fact, target] of Object.entries(ANSWER_TO_REQUEST)) {
    const value = profile[fact];
    if (typeof value !== 'number' || !(value > 0)) continue;
    const amount = yuan(value, facts[fact]);
    if (target === 'principal') financing.principal = amount;
    // The pledge ratio is the bank's to set: the calculator asks for it (NaN marks it as not given).
    else financing.ipPledge = { appraisedValue: amount, pledgeRatio: program.financing?.ipPledge?.pledgeRatio ?? Number.NaN };
  }
  return financing;
}
