// Validators carry their own message: each knows its test and how to say, in the widget's language and with the
// field's label, what is wrong ("担保费率不得超过 100 %"). Pure, tested in Node.
import type { CommonMessages } from '../../messages/common.js';
import { parseNumber, type NumberUnit } from './parse.js';

type FormMessages = CommonMessages['form'];

/** How a limit is shown in a message: the number formatted for the locale, with the field's unit. */
export type ShowLimit = (n: number) => string;

export interface Validator {
  readonly name: string;
  test(value: number): boolean;
  message(m: FormMessages, label: string, show: ShowLimit): string;
}

export const min = (limit: number): Validator => ({ name: 'min', test: (v) => v >= limit, message: (m, l, show) => m.min(l, show(limit)) });
export const max = (limit: number): Validator => ({ name: 'max', test: (v) => v <= limit, message: (m, l, show) => m.max(l, show(limit)) });
export const greater = (limit: number): Validator => ({ name: 'greater', test: (v) => v > limit, message: (m, l, show) => m.greater(l, show(limit)) });
export const less = (limit: number): Validator => ({ name: 'less', test: (v) => v < limit, message: (m, l, show) => m.less(l, show(limit)) });
export const integer: Validator = { name: 'integer', test: (v) => Number.isInteger(v), message: (m, l) => m.integer(l) };

/** What a numeric field needs: its unit, whether it may stay empty, its validators and an example for messages. */
export interface NumberFieldSpec {
  unit?: NumberUnit;
  optional?: boolean;
  validators?: readonly Validator[];
  /** Shown in "enter a number, for example …" (a value that would be accepted). */
  example?: string;
}

export type FieldReading = { value: number | undefined; error?: undefined } | { value?: undefined; error: string };

/** Reads one numeric field: parse, then the first failing validator; one message per field. */
export function readNumberField(text: string | undefined, spec: NumberFieldSpec, m: FormMessages, label: string, show: ShowLimit): FieldReading {
  const parsed = parseNumber(text ?? '', spec.unit ?? 'plain');
  if (!parsed.ok) {
    if (parsed.problem === 'required') return spec.optional ? { value: undefined } : { error: m.required(label) };
    const example = spec.example ?? '1000';
    switch (parsed.problem) {
      case 'hex': return { error: m.hex(label, example) };
      case 'exponent': return { error: m.exponent(label, example) };
      case 'decimalComma': return { error: m.decimalComma(label) };
      case 'grouping': return { error: m.grouping(label) };
      case 'percentSign': return { error: m.percentSign(label) };
      default: return { error: m.notNumber(label, example) };
    }
  }
  for (const v of spec.validators ?? []) if (!v.test(parsed.value)) return { error: v.message(m, label, show) };
  return { value: parsed.value };
}
