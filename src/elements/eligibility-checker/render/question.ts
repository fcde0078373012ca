// One question, whatever its type, through the core's one field renderer: choices (radios / checkboxes), a
// province and city, or a typed value with its unit; every question also takes "don't know".
import { html, type TemplateResult } from 'lit';
import { localize, type FactDef } from '../../../contract/index.js';
import { field, selectInput, textInput } from '../../core/form/field.js';
import type { CheckerView } from './view.js';

export function renderQuestion(v: CheckerView, fact: string, def: FactDef): TemplateResult {
  const t = v.t;
  const l = v.locale;
  const draft = v.draft(fact);
  const id = `q-${fact}`;
  const base = { id, key: fact, keyAttribute: 'data-fact' as const, label: localize(def.label, l), help: def.help ? localize(def.help, l) : undefined, error: v.errors[fact], className: 'question' };
  const unknownBox = html`<label class="check"><input type="checkbox" .checked=${!!draft.unknown}
    @change=${(e: Event) => v.setDraft(fact, { unknown: (e.target as HTMLInputElement).checked })}> ${t.dontKnow}</label>`;

  if (def.type === 'boolean' || def.type === 'enum' || def.type === 'enum-set') {
    const options = def.type === 'boolean'
      ? [{ value: 'true', label: t.yes }, { value: 'false', label: t.no }]
      : def.options!.map((o) => ({ value: o.value, label: localize(o.label, l) }));
    const multiple = def.type === 'enum-set';
    return field({
      ...base, group: true,
      control: () => html`<div class="choices">
        ${options.map((o) => multiple
          ? html`<label><input type="checkbox" name=${id} .value=${o.value} .checked=${!!draft.values?.includes(o.value)} ?disabled=${draft.unknown || draft.none}
              @change=${(e: Event) => {
                const values = new Set(v.draft(fact).values ?? []);
                if ((e.target as HTMLInputElement).checked) values.add(o.value); else values.delete(o.value);
                v.setDraft(fact, { values: [...values] });
              }}> ${o.label}</label>`
          : html`<label><input type="radio" name=${id} .value=${o.value} .checked=${draft.choice === o.value && !draft.unknown}
              @change=${() => v.setDraft(fact, { choice: o.value, unknown: false })}> ${o.label}</label>`)}
        ${multiple
          ? html`<label><input type="checkbox" .checked=${!!draft.none} ?disabled=${draft.unknown}
              @change=${(e: Event) => v.setDraft(fact, { none: (e.target as HTMLInputElement).checked })}> ${t.noneOfThese}</label>${unknownBox}`
          : html`<label><input type="radio" name=${id} value="" .checked=${!!draft.unknown}
              @change=${() => v.setDraft(fact, { unknown: true, choice: undefined })}> ${t.dontKnow}</label>`}
      </div>`,
    });
  }

  if (def.type === 'region') {
    const province = v.regions?.find((r) => r.adcode === draft.province);
    return field({
      ...base, group: true,
      control: (ids) => html`<div class="region">
        <label>${t.pickProvince}
          ${selectInput({ ...ids, id: `${id}-province` }, draft.province ?? '', (v.regions ?? []).map((r) => [r.adcode, localize(r.name, l)] as const),
            (value) => v.setDraft(fact, { province: value, city: '' }), { disabled: draft.unknown, placeholder: v.c.choose })}</label>
        ${province && province.cities.length ? html`<label>${t.pickCity}
          ${selectInput({ ...ids, id: `${id}-city` }, draft.city ?? '', province.cities.map((c) => [c.adcode, localize(c.name, l)] as const),
            (value) => v.setDraft(fact, { city: value }), { disabled: draft.unknown, placeholder: v.c.choose })}</label>` : ''}
        ${unknownBox}
      </div>`,
    });
  }

  const numeric = def.type === 'number' || def.type === 'integer';
  return field({
    ...base, unit: def.unit ? localize(def.unit, l) : undefined, after: unknownBox,
    control: (ids) => textInput(ids, draft.text ?? '', (value) => v.setDraft(fact, { text: value }), {
      type: def.type === 'date' ? 'date' : 'text', inputmode: numeric ? (def.type === 'integer' ? 'numeric' : 'decimal') : 'text', disabled: draft.unknown,
    }),
  });
}
