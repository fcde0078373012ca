// The loan validation's v2 part (validate.ts's LoanExtension), in the v2 chunk: the v2 fields' contract paths,
// labels and definitions, and the builder that adds them to a candidate request (v2-builder.ts).
import type { FieldDef } from './fields.js';
import { showLimit, type LoanExtension } from './validate.js';
import { buildV2, v2Def, v2Label, V2_PATHS } from './v2-builder.js';

// A v2 field's definition has the same shape as a v1 one; its label and unit keys name the v2 messages.
const asFieldDef = (def: unknown) => def as FieldDef | undefined;

export const loanV2: LoanExtension = {
  paths: V2_PATHS,
  label: v2Label,
  def: (key) => asFieldDef(v2Def(key)),
  build: (drafts, candidate, ctx) => buildV2(drafts, candidate, { locale: ctx.locale, form: ctx.form, show: (n, def) => showLimit(ctx, n, asFieldDef(def)) }),
};
