// The tech-innovation bond form, with the risk-sharing split of the PBoC tool.
import { html, nothing, type TemplateResult } from 'lit';
import { BOND_FIELDS } from '../state/fields.js';
import { PARTIES } from '../state/request-builder.js';
import { dateField, numberField, selectField } from './fields.js';
import type { CalculatorView } from './view.js';

export function renderBondForm(v: CalculatorView, onSubmit: (e: Event) => void): TemplateResult {
  const t = v.t;
  const n = (key: string, label?: string) => numberField(v, key, BOND_FIELDS[key]!, label);
  return html`<form part="form" novalidate @submit=${onSubmit} class="stack no-print">
    <fieldset><legend>${t.bondTerms}</legend><div class="grid">
      ${n('faceValue')}
      ${n('couponRate')}
      ${n('termYears')}
      ${selectField(v, 'couponsPerYear', t.couponsPerYear, Object.entries(t.frequencies))}
      ${n('issuePrice')}
      ${n('upfrontCostRate')}
      ${n('annualCostRate')}
      ${dateField(v, 'issueDate', t.issueDate)}
    </div></fieldset>
    <fieldset><legend>${t.riskTitle}</legend>
      <label class="check"><input type="checkbox" .checked=${!!v.drafts['useRisk']}
        @change=${(e: Event) => v.set('useRisk', (e.target as HTMLInputElement).checked ? '1' : '')}> ${t.useRisk}</label>
      ${v.drafts['useRisk'] ? html`<div class="grid">
        ${n('defaultProbability')}
        ${n('lossGivenDefault')}
        ${PARTIES.map((p) => n(`share-${p}`, `${t.shares} · ${t.parties[p]}`))}
      </div>` : nothing}
    </fieldset>
    <div class="actions"><button type="submit">${t.calculate}</button></div>
  </form>`;
}
