// The checker's question state: what the user has typed or picked for a question (a draft, kept as typed until it
// is valid), how a saved answer becomes a draft again, and how a draft becomes an answer or one plain-words error.
// Pure: no DOM, no client; tested in Node (test/node/checker-state.test.ts).
import { localize, type FactDef, type FactValue, type Locale } from '../../../contract/index.js';
import { isCalendarDate, parseNumber, type NumberUnit } from '../../core/form/parse.js';
import { integer, max, min, readNumberField, type Validator } from '../../core/form/validators.js';
import type { CheckerMessages } from '../../messages/checker.js';
import type { CommonMessages } from '../../messages/common.js';

export interface Draft {
  unknown?: boolean;
  choice?: string;
  values?: string[];
  none?: boolean;
  text?: string;
  province?: string;
  city?: string;
}

/** How many questions are asked at once. */
export const GROUP_SIZE = 3;

export function draftFromValue(def: FactDef, value: FactValue | undefined): Draft {
  if (value === null) return { unknown: true };
  if (value === undefined) return {};
  switch (def.type) {
    case 'enum-set': return { values: value as string[], none: (value as string[]).length === 0 };
    case 'boolean': return { choice: String(value) };
    case 'enum': return { choice: value as string };
    case 'region': {
      const code = value as string;
      return { province: `${code.slice(0, 2)}0000`, city: code.endsWith('0000') ? '' : `${code.slice(0, 4)}00` };
    }
    default: return { text: String(value) };
  }
}

/** A fact's number is typed in its catalog unit: 万元 amounts in 万元 ("800", "800万"), percentages as percentages. */
export function numberUnitOf(def: FactDef): NumberUnit {
  const unit = def.unit?.['zh-CN'] ?? '';
  if (unit === '万元') return 'wan';
  if (unit === '元') return 'yuan';
  if (unit === '%') return 'percent';
  return 'plain';
}

export interface ParseContext {
  locale: Locale;
  t: CheckerMessages;
  form: CommonMessages['form'];
  number: (n: number) => string;
  /** Whether a province has cities to pick from (the region list is loaded lazily). */
  hasCities: (province: string) => boolean;
}

export type Parsed = { value: FactValue } | { error: string };

/** The answer a draft gives, or the one message that says what to fix. */
export function parseDraft(def: FactDef, draft: Draft, ctx: ParseContext): Parsed {
  const t = ctx.t;
  const label = localize(def.label, ctx.locale);
  if (draft.unknown) return { value: null };
  switch (def.type) {
    case 'boolean':
      return draft.choice === undefined ? { error: t.answerRequired } : { value: draft.choice === 'true' };
    case 'enum':
      return draft.choice === undefined ? { error: t.answerRequired } : { value: draft.choice };
    case 'enum-set':
      if (draft.none) return { value: [] };
      return draft.values?.length ? { value: draft.values } : { error: t.answerRequired };
    case 'region':
      if (!draft.province) return { error: t.answerRequired };
      if (ctx.hasCities(draft.province) && !draft.city) return { error: t.cityRequired };
      return { value: draft.city || draft.province };
    case 'date': {
      const text = (draft.text ?? '').trim();
      if (!text) return { error: t.answerRequired };
      return isCalendarDate(text) ? { value: text } : { error: ctx.form.date(label) };
    }
    case 'number': case 'integer': {
      if (!(draft.text ?? '').trim()) return { error: t.answerRequired };
      const validators: Validator[] = [];
      if (def.type === 'integer') validators.push(integer);
      if (def.min !== undefined) validators.push(min(def.min));
      if (def.max !== undefined) validators.push(max(def.max));
      const unit = def.unit ? localize(def.unit, ctx.locale) : '';
      const r = readNumberField(draft.text, { unit: numberUnitOf(def), validators, example: def.min !== undefined && def.min > 0 ? String(def.min) : '100' },
        ctx.form, label, (n) => (unit ? `${ctx.number(n)} ${unit}` : ctx.number(n)));
      return r.error !== undefined ? { error: r.error } : { value: r.value! };
    }
    case 'string': {
      const text = (draft.text ?? '').trim();
      return text ? { value: text } : { error: t.answerRequired };
    }
  }
}

/** Whether a number typed for this fact parses at all (used to keep the draft while the user types). */
export function parses(def: FactDef, text: string): boolean {
  return parseNumber(text, numberUnitOf(def)).ok;
}

/** The questions shown now: the ones being changed, else the next few the report still needs. */
export function questionGroup(nextQuestions: readonly string[], facts: Record<string, FactDef>, editing: readonly string[] | undefined): string[] {
  if (editing) return [...editing];
  return nextQuestions.filter((f) => facts[f]).slice(0, GROUP_SIZE);
}

/** The answers a group of drafts gives, and one error per question that cannot be answered yet. */
export function answersOf(group: readonly string[], facts: Readonly<Record<string, FactDef>>, draft: (fact: string) => Draft, ctx: ParseContext): { answers: Record<string, FactValue>; errors: Record<string, string> } {
  const answers: Record<string, FactValue> = {};
  const errors: Record<string, string> = {};
  for (const fact of group) {
    const def = facts[fact];
    if (!def) continue;
    const parsed = parseDraft(def, draft(fact), ctx);
    if ('error' in parsed) errors[fact] = parsed.error;
    else answers[fact] = parsed.value;
  }
  return { answers, errors };
}
