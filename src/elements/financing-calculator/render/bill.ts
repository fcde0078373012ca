// Bill discounting (票据贴现), the calculator's third mode: the bill's terms, then days, interest, proceeds and the
// simple annualized rate (labelled as such, per PBoC announcement [2021] No. 3).
import { html, nothing, type TemplateResult } from 'lit';
import type { DiscountQuote } from '../../../contract/index.js';
import { field, selectInput, textInput } from '../../core/form/field.js';
import type { CalculatorV2Messages } from '../../messages/calculator-v2.js';
import { BILL_FIELDS } from '../state/discount-builder.js';
import { figure, staleNote, type Staleness } from './results.js';
import type { CalculatorView } from './view.js';

export function renderBillForm(v: CalculatorView, t2: CalculatorV2Messages, onSubmit: (e: Event) => void): TemplateResult {
  const input = (key: string, label: string, opts: { date?: boolean; unit?: string } = {}) => field({
    id: `f-${key}`, key, label, error: v.errors[key], unit: opts.unit,
    control: (ids) => textInput(ids, v.drafts[key] ?? '', (value) => v.set(key, value),
      opts.date ? { type: 'date' } : { inputmode: BILL_FIELDS[key]?.inputmode ?? 'decimal' }),
  });
  return html`<form part="form" novalidate @submit=${onSubmit} class="stack no-print" data-form="bill">
    <fieldset><legend>${t2.billTerms}</legend><div class="grid">
      ${input('billFaceValue', t2.billFaceValue, { unit: v.t.units.yuan })}
      ${input('discountRate', t2.discountRate, { unit: v.t.units.percent })}
      ${input('discountDate', t2.discountDate, { date: true })}
      ${input('maturityDate', t2.maturityDate, { date: true })}
      ${input('extraDays', t2.extraDays, { unit: t2.units.days })}
      ${field({
        id: 'f-dayBasis', key: 'dayBasis', label: t2.dayBasis, error: v.errors['dayBasis'],
        control: (ids) => selectInput(ids, v.drafts['dayBasis'] ?? '360', Object.entries(t2.dayBases), (value) => v.set('dayBasis', value)),
      })}
    </div></fieldset>
    <div class="actions"><button type="submit">${v.t.calculate}</button></div>
  </form>`;
}

export function renderBillResults(v: CalculatorView, t2: CalculatorV2Messages, quote: DiscountQuote | undefined, stale: Staleness): TemplateResult | typeof nothing {
  if (!quote) return nothing;
  const f = v.fmt;
  return html`<section class="stack results" part="results" data-stale=${stale ?? 'fresh'} data-section="bill-results">
    <h3 id="results">${v.t.results}</h3>
    ${staleNote(v, stale)}
    <dl class=${stale ? 'figures stale-content' : 'figures'}>
      ${figure(t2.billDays, `${f.number(quote.days)} ${t2.units.days}`, 'bill-days')}
      ${figure(t2.billInterest, f.money(quote.interest), 'bill-interest')}
      ${figure(t2.billProceeds, f.money(quote.proceeds), 'bill-proceeds')}
      ${figure(t2.billAnnualized, f.percent(quote.annualizedRate, 3), 'bill-annualized', t2.billAnnualizedNote)}
    </dl>
  </section>`;
}
