// What each field of the calculator's forms is: its label, the unit it is typed in and shown with, and what it
// accepts. One table, read by the request builders, the form renderers and the contract-error mapping.
import type { CalculatorMessages } from '../../messages/calculator.js';
import { greater, integer, max, min, type NumberFieldSpec } from '../../core/form/validators.js';

type Label = { [K in keyof CalculatorMessages]: CalculatorMessages[K] extends string ? K : never }[keyof CalculatorMessages];
export type UnitKey = keyof CalculatorMessages['units'];

export interface FieldDef extends NumberFieldSpec {
  label: Label;
  /** The unit shown beside the field and in its messages. */
  shown?: UnitKey;
  inputmode?: 'decimal' | 'numeric';
}

const percent = (example: string, optional = false): Omit<FieldDef, 'label'> =>
  ({ unit: 'percent', shown: 'percent', optional, validators: [min(0), max(100)], example });

export const LOAN_FIELDS: Record<string, FieldDef> = {
  principal: { label: 'principal', unit: 'yuan', shown: 'yuan', validators: [greater(0), max(1e13)], example: '1000000' },
  termMonths: { label: 'termMonths', shown: 'months', inputmode: 'numeric', validators: [integer, min(1), max(360)], example: '36' },
  graceMonths: { label: 'graceMonths', shown: 'months', inputmode: 'numeric', optional: true, validators: [integer, min(0), max(359)], example: '0' },
  annualRate: { label: 'annualRate', ...percent('3.45') },
  spreadBps: { label: 'spreadBps', shown: 'bps', inputmode: 'numeric', validators: [integer, min(-1000), max(3000)], example: '50' },
  upfrontFeeRate: { label: 'upfrontFeeRate', ...percent('1', true) },
  guaranteeRate: { label: 'guaranteeRate', ...percent('1', true) },
  subsidyPoints: { label: 'subsidyPoints', ...percent('1.5') },
  subsidyShare: { label: 'subsidyShare', ...percent('50') },
  ipValue: { label: 'ipValue', unit: 'yuan', shown: 'yuan', optional: true, validators: [greater(0), max(1e13)], example: '8000000' },
  ipRatio: { label: 'ipRatio', ...percent('50', true) },
};

export const BOND_FIELDS: Record<string, FieldDef> = {
  faceValue: { label: 'faceValue', unit: 'yuan', shown: 'yuan', validators: [greater(0), max(1e13)], example: '100000000' },
  couponRate: { label: 'couponRate', ...percent('2.5') },
  termYears: { label: 'termYears', shown: 'years', inputmode: 'numeric', validators: [integer, min(1), max(50)], example: '3' },
  issuePrice: { label: 'issuePrice', shown: 'yuan', optional: true, validators: [greater(0), max(200)], example: '100' },
  upfrontCostRate: { label: 'upfrontCostRate', ...percent('0.3', true) },
  annualCostRate: { label: 'annualCostRate', ...percent('0.1', true) },
  defaultProbability: { label: 'defaultProbability', ...percent('2') },
  lossGivenDefault: { label: 'lossGivenDefault', ...percent('60') },
  'share-pboc': { label: 'shares', ...percent('40') },
  'share-local': { label: 'shares', ...percent('30') },
  'share-enhancer': { label: 'shares', ...percent('30') },
};

/** Contract paths of a loan request → the field that shows their errors. */
export const LOAN_PATHS: Record<string, string> = {
  principal: 'principal', termMonths: 'termMonths', graceMonths: 'graceMonths', repayment: 'repayment',
  'rate.annualRate': 'annualRate', 'rate.spreadBps': 'spreadBps', 'rate.baseRate': 'spreadBps', 'rate.tenor': 'spreadBps', startDate: 'startDate',
  upfrontFeeRate: 'upfrontFeeRate', 'guaranteeFee.annualRate': 'guaranteeRate', guaranteeFee: 'guaranteeRate',
  'subsidy.annualPoints': 'subsidyPoints', 'subsidy.share': 'subsidyShare', subsidy: 'subsidyPoints',
  'ipPledge.appraisedValue': 'ipValue', 'ipPledge.pledgeRatio': 'ipRatio', ipPledge: 'ipValue',
};
export const BOND_PATHS: Record<string, string> = {
  faceValue: 'faceValue', couponRate: 'couponRate', termYears: 'termYears', couponsPerYear: 'couponsPerYear',
  issuePrice: 'issuePrice', upfrontCostRate: 'upfrontCostRate', annualCostRate: 'annualCostRate', issueDate: 'issueDate',
  'riskSharing.defaultProbability': 'defaultProbability', 'riskSharing.lossGivenDefault': 'lossGivenDefault',
  'riskSharing.shares': 'share-pboc', 'riskSharing.shares.pboc': 'share-pboc', 'riskSharing.shares.local': 'share-local',
  'riskSharing.shares.enhancer': 'share-enhancer',
};

/** The field of a contract path: the path itself, else its longest mapped prefix. */
export function fieldOfPath(path: string, paths: Record<string, string>): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const f = paths[parts.slice(0, n).join('.')];
    if (f) return f;
  }
  return undefined;
}
