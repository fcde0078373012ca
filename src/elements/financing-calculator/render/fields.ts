// The calculator's fields, all through the core's one field renderer.
import type { TemplateResult } from 'lit';
import { field, selectInput, textInput } from '../../core/form/field.js';
import type { FieldDef } from '../state/fields.js';
import type { CalculatorView } from './view.js';

export function numberField(v: CalculatorView, key: string, def: FieldDef, label?: string, help?: string): TemplateResult {
  const note = v.notes[key];
  return field({
    id: `f-${key}`, key, label: label ?? v.t[def.label], unit: def.shown ? v.t.units[def.shown] : undefined,
    help: help ?? (note ? (v.t as unknown as Record<string, string>)[note] : undefined), error: v.errors[key],
    control: (ids) => textInput(ids, v.drafts[key] ?? '', (value) => v.set(key, value), { inputmode: def.inputmode ?? 'decimal' }),
  });
}

export function selectField(v: CalculatorView, key: string, label: string, options: readonly (readonly [string, string])[]): TemplateResult {
  return field({
    id: `f-${key}`, key, label, error: v.errors[key],
    control: (ids) => selectInput(ids, v.drafts[key] ?? '', options, (value) => v.set(key, value)),
  });
}

export function dateField(v: CalculatorView, key: string, label: string): TemplateResult {
  return field({
    id: `f-${key}`, key, label, error: v.errors[key],
    control: (ids) => textInput(ids, v.drafts[key] ?? '', (value) => v.set(key, value), { type: 'date' }),
  });
}
