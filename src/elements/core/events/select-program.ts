// `chanrong-select-program`: "测算融资" was pressed on a program. Cancelable: a host that calls preventDefault()
// routes it itself; otherwise the enclosing <chanrong-services> hands `financing` to the calculators it provides.
import type { FinancingRequest, Profile, Program } from '../../../contract/index.js';
export const SELECT_PROGRAM = 'chanrong-select-program';
export interface ChanrongSelectProgramDetail {
  /** The program, as the catalog describes it. */
  program: Program;
  /** The program's financing preset with the user's own answers applied (amount sought → `principal`,
   * IP appraised value → `ipPledge.appraisedValue`), in yuan. */
  financing: Partial<FinancingRequest>;
  /** The answers the checker holds. */
  profile: Profile;
}
