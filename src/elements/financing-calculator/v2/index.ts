// The calculator's contract-v2 code, loaded with import() by V2Loader (./loader.ts) the first time the element
// calculates, so a first paint needs none of it: the advanced group and its LPR path editor, bill discounting,
// the prepayment comparison, the rate-change list, their strings, and the loan/bond validation (which builds the
// v2 part of a loan request).
export { calculatorV2Messages } from '../../messages/calculator-v2.js';
export { renderAdvanced } from '../render/advanced.js';
export { renderBillForm, renderBillResults } from '../render/bill.js';
export { renderPrepaymentComparison } from '../render/prepayment-comparison.js';
export { renderRateChanges } from '../render/rate-changes.js';
export { billDefaults, billLabel, BILL_PATHS, validateBill } from '../state/discount-builder.js';
export { lprScenario } from '../state/lpr-scenario.js';
export { comparePrepaymentModes } from '../state/prepayment-comparison.js';
export { addRow, fillV2Drafts, pathDrafts, removeRow } from '../state/v2-builder.js';
export { fieldLabel, fieldsOf, showLimit, validate } from '../state/validate.js';
