// The one field renderer: a label (or a legend for a group of controls), optional help, the control, a unit that
// never gets clipped, and one error in words; help and error are wired with aria-describedby, the control carries
// aria-invalid. Text fields, selects and groups of radios or checkboxes all go through `field()`.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** What a control needs to be wired to its label, help and error. */
export interface ControlIds {
  id: string;
  describedBy: string | undefined;
  invalid: 'true' | 'false';
}

export interface FieldOptions {
  /** Unique within the shadow root; the control's id. */
  id: string;
  /** `data-field` (calculator) or `data-fact` (checker): how tests and hosts find a field. */
  key: string;
  keyAttribute?: 'data-field' | 'data-fact';
  label: string | TemplateResult;
  help?: string | TemplateResult | undefined;
  error?: string | undefined;
  unit?: string | undefined;
  /** A group of controls (radios, checkboxes, two selects): rendered as a fieldset with a legend. */
  group?: boolean;
  control: (ids: ControlIds) => TemplateResult;
  /** Extra content after the control (a "don't know" box, say). */
  after?: TemplateResult | typeof nothing;
  className?: string;
}

export function field(o: FieldOptions): TemplateResult {
  const helpId = o.help ? `${o.id}-help` : '';
  const errorId = o.error ? `${o.id}-error` : '';
  const unitId = o.unit ? `${o.id}-unit` : '';
  const describedBy = [unitId, helpId, errorId].filter(Boolean).join(' ') || undefined;
  const ids: ControlIds = { id: o.id, describedBy, invalid: o.error ? 'true' : 'false' };
  const help = o.help ? html`<span class="help" id=${helpId}>${o.help}</span>` : nothing;
  const error = o.error ? html`<span class="field-error" id=${errorId}>${o.error}</span>` : nothing;
  const control = o.unit
    ? html`<span class="with-unit">${o.control(ids)}<span class="unit" id=${unitId}>${o.unit}</span></span>`
    : o.control(ids);
  const cls = `field ${o.className ?? ''}${o.error ? ' invalid' : ''}`;
  const key = o.keyAttribute ?? 'data-field';
  if (o.group) {
    return html`<fieldset class=${cls} data-field=${ifDefined(key === 'data-field' ? o.key : undefined)} data-fact=${ifDefined(key === 'data-fact' ? o.key : undefined)}
      aria-describedby=${ifDefined(describedBy)} aria-invalid=${ids.invalid}>
      <legend>${o.label}</legend>${help}${control}${o.after ?? nothing}${error}
    </fieldset>`;
  }
  return html`<div class=${cls} data-field=${ifDefined(key === 'data-field' ? o.key : undefined)} data-fact=${ifDefined(key === 'data-fact' ? o.key : undefined)}>
    <label for=${o.id}>${o.label}</label>${help}${control}${o.after ?? nothing}${error}
  </div>`;
}

/** A text input for `field()`: keeps the draft as typed; `inputmode` brings up the right keyboard on phones. */
export function textInput(ids: ControlIds, value: string, onInput: (value: string) => void, opts: { type?: 'text' | 'date'; inputmode?: 'decimal' | 'numeric' | 'text'; disabled?: boolean } = {}): TemplateResult {
  return html`<input id=${ids.id} type=${opts.type ?? 'text'} inputmode=${ifDefined(opts.type === 'date' ? undefined : opts.inputmode ?? 'decimal')}
    .value=${value} autocomplete="off" ?disabled=${!!opts.disabled} aria-invalid=${ids.invalid} aria-describedby=${ifDefined(ids.describedBy)}
    @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}>`;
}

/** A select for `field()`. */
export function selectInput(ids: ControlIds, value: string, options: readonly (readonly [string, string])[], onChange: (value: string) => void, opts: { disabled?: boolean; placeholder?: string } = {}): TemplateResult {
  return html`<select id=${ids.id} ?disabled=${!!opts.disabled} aria-invalid=${ids.invalid} aria-describedby=${ifDefined(ids.describedBy)}
    @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
    ${opts.placeholder !== undefined ? html`<option value="" ?selected=${value === ''}>${opts.placeholder}</option>` : nothing}
    ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
  </select>`;
}
