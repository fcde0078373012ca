// The latest LPR fixings, the base of most loans priced here.
import { html, nothing, type TemplateResult } from 'lit';
import type { ReferenceRates } from '../../../contract/index.js';
import type { CalculatorView } from './view.js';

export type CalculatorMode = 'loan' | 'bond' | 'bill';

export function renderRates(v: CalculatorView, rates: ReferenceRates | undefined): TemplateResult | typeof nothing {
  const latest = rates?.lpr[0];
  if (!latest) return nothing;
  const t = v.t;
  return html`<section class="lpr">
    <h3 id="lpr">${t.lprTitle}</h3>
    <dl class="rates" part="rates">
      <div class="rate"><dt>${t.lprOneYear}</dt><dd data-lpr="1y">${v.fmt.percent(latest.oneYear)}</dd></div>
      <div class="rate"><dt>${t.lprFiveYear}</dt><dd data-lpr="5y">${v.fmt.percent(latest.fiveYear)}</dd></div>
    </dl>
    <p class="muted">${t.lprDate(latest.date)}</p>
    ${rates!.checkedOn ? html`<p class="muted" data-lpr-checked=${rates!.checkedOn}>${t.lprChecked(rates!.checkedOn)}</p>` : nothing}
  </section>`;
}

/** Loan, bond or bill discounting (choosing bills fetches the v2 chunk that prices them). */
export function renderMode(v: CalculatorView, mode: CalculatorMode, onMode: (m: CalculatorMode) => void): TemplateResult {
  const t = v.t;
  const label = { loan: t.modeLoan, bond: t.modeBond, bill: t.modeBill };
  return html`<fieldset class="mode no-print">
    <legend>${t.mode}</legend>
    ${(['loan', 'bond', 'bill'] as const).map((m) => html`<label><input type="radio" name="mode" value=${m} .checked=${mode === m}
      @change=${() => onMode(m)}> ${label[m]}</label>`)}
  </fieldset>`;
}
