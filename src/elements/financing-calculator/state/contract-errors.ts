// Contract issues (from the schema check here, or a server's 400) → one message per field, in words a user reads
// next to that field. A rate's bound is a fraction in the contract (≤ 1) but a percentage on the form (≤ 100 %), so
// a bound is converted before it is shown. Paths no field shows are returned apart, for one general note.
import { issueMessage, issuePath, type IssueLike, type Locale } from '../../../contract/index.js';
import type { CommonMessages } from '../../messages/common.js';
import { fieldOfPath, type FieldDef } from './fields.js';

export interface MappedErrors {
  fields: Record<string, string>;
  /** Messages whose path no field shows ("rate.baseRate: …" from a server with other rules). */
  other: string[];
}

interface Ctx {
  locale: Locale;
  form: CommonMessages['form'];
  label: (field: string) => string;
  def: (field: string) => FieldDef | undefined;
  show: (n: number, def: FieldDef | undefined) => string;
}

export function mapIssues(issues: readonly IssueLike[], paths: Record<string, string>, ctx: Ctx, into: Record<string, string> = {}): MappedErrors {
  const fields = { ...into };
  const other: string[] = [];
  for (const issue of issues) {
    const path = issuePath(issue.path);
    const field = fieldOfPath(path, paths);
    if (!field) {
      other.push(`${path}: ${issueMessage(issue, ctx.locale)}`);
      continue;
    }
    if (fields[field]) continue; // one error per field: the first, usually the form's own
    const def = ctx.def(field);
    const label = ctx.label(field);
    const scale = def?.unit === 'percent' ? 100 : 1;
    const bound = (v: unknown) => ctx.show(Number((Number(v) * scale).toPrecision(12)), def);
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') fields[field] = issue.inclusive ? ctx.form.max(label, bound(issue.maximum)) : ctx.form.less(label, bound(issue.maximum));
    else if (issue.code === 'too_small' && typeof issue.minimum === 'number') fields[field] = issue.inclusive ? ctx.form.min(label, bound(issue.minimum)) : ctx.form.greater(label, bound(issue.minimum));
    else fields[field] = ctx.form.contract(label, issueMessage(issue, ctx.locale));
  }
  return { fields, other };
}

/** A server's field errors (already worded by the server) → fields; the message is kept, the label added. */
export function mapProblemErrors(errors: readonly { path: string; message: string }[], paths: Record<string, string>, form: CommonMessages['form'], label: (field: string) => string): MappedErrors {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const e of errors) {
    const field = fieldOfPath(e.path, paths);
    if (!field) other.push(`${e.path}: ${e.message}`);
    else fields[field] ??= form.contract(label(field), e.message);
  }
  return { fields, other };
}
