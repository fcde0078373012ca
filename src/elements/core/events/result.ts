// `chanrong-result`: the checker has a new eligibility report.
import type { EligibilityReport } from '../../../contract/index.js';
export const RESULT = 'chanrong-result';
export interface ChanrongResultDetail { report: EligibilityReport }
