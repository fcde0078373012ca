// What the calculator's render modules read from the element: its strings, formatters, drafts and errors, and
// the one way they change a draft. Render modules are functions of this view; they hold no state.
import type { Locale } from '../../../contract/index.js';
import type { FormatController } from '../../core/controllers/format.js';
import type { CalculatorMessages } from '../../messages/calculator.js';
import type { CalculatorV2Messages } from '../../messages/calculator-v2.js';
import type { CommonMessages } from '../../messages/common.js';
import type { InputRows } from '../state/csv.js';
import type { Drafts, FieldErrors } from '../state/request-builder.js';

export interface CalculatorView {
  t: CalculatorMessages;
  /** The v2 strings, once the v2 module (../v2/index.ts) has loaded: always before a quote is shown. */
  t2: CalculatorV2Messages | undefined;
  /** The comparison's rows of v2 inputs, once the v2 chunk has loaded. */
  v2Rows: InputRows | undefined;
  c: CommonMessages;
  fmt: FormatController;
  locale: Locale;
  drafts: Drafts;
  errors: FieldErrors;
  notes: Record<string, string>;
  set(key: string, value: string): void;
}
