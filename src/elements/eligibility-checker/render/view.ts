// What the checker's render modules read from the element; they hold no state.
import type { Locale, ProgramsResponse } from '../../../contract/index.js';
import type { Region } from '../../../data/regions/index.js';
import type { FormatController } from '../../core/controllers/format.js';
import type { CheckerMessages } from '../../messages/checker.js';
import type { CheckerV2Messages } from '../../messages/checker-v2.js';
import type { CommonMessages } from '../../messages/common.js';
import type { Draft } from '../state/question-state.js';

export interface CheckerView {
  t: CheckerMessages;
  /** Paths to eligibility and decision records (v2). */
  t2: CheckerV2Messages;
  c: CommonMessages;
  fmt: FormatController;
  locale: Locale;
  catalog: ProgramsResponse;
  regions: readonly Region[] | undefined;
  errors: Readonly<Record<string, string>>;
  draft(fact: string): Draft;
  setDraft(fact: string, patch: Partial<Draft>): void;
}
