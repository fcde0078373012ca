// The calculator's contract-v2 code, loaded with import() by V2Loader (./loader.ts) on the first use of a v2
// feature (opening the advanced group, choosing bill discounting, or a preset or request that carries v2 fields),
// so a v1 loan never fetches it: the advanced group and its LPR path editor, bill discounting, the prepayment
// comparison, the rate-change list, their strings, and the v2 part of a loan's validation.
export { calculatorV2Messages } from '../../messages/calculator-v2.js';
export { renderAdvanced } from '../render/advanced.js';
export { renderBillForm, renderBillResults } from '../render/bill.js';
export { renderPrepaymentComparison } from '../render/prepayment-comparison.js';
export { renderRateChanges } from '../render/rate-changes.js';
export { v2InputRows } from '../state/csv-v2.js';
export { billDefaults, billLabel, BILL_PATHS, validateBill } from '../state/discount-builder.js';
export { loanV2 } from '../state/loan-v2.js';
export { lprScenario } from '../state/lpr-scenario.js';
export { comparePrepaymentModes } from '../state/prepayment-comparison.js';
export { addRow, fillV2Drafts, pathDrafts, removeRow } from '../state/v2-builder.js';
