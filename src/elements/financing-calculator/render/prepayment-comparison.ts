// "Reduce the payment" against "shorten the term" for the prepayments on the form, side by side with the loan
// without them: interest, interest saved, fees, the payment after the prepayment and the payoff date.
import { html, nothing, type TemplateResult } from 'lit';
import type { CalculatorV2Messages } from '../../messages/calculator-v2.js';
import type { PrepaymentComparison } from '../state/prepayment-comparison.js';
import type { CalculatorView } from './view.js';

export function renderPrepaymentComparison(v: CalculatorView, t2: CalculatorV2Messages, c: PrepaymentComparison | undefined): TemplateResult | typeof nothing {
  if (!c) return nothing;
  const m = (n: number) => v.fmt.money(n);
  const due = (x: { period: number; date: string }) => v.t.periodOf(x.period, x.date);
  return html`<section class="stack" part="prepayment-comparison" data-section="prepayment-comparison">
    <h3 id="modes">${t2.compareModesTitle}</h3>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="modes"><table>
      <thead><tr><td></td><th scope="col">${t2.withoutPrepayment}</th><th scope="col">${t2.prepaymentModes['reduce-payment']}</th><th scope="col">${t2.prepaymentModes['shorten-term']}</th></tr></thead>
      <tbody>
        <tr data-row="interest"><th scope="row">${t2.interestTotal}</th><td>${m(c.base.interest)}</td><td>${m(c.reduce.interest)}</td><td>${m(c.shorten.interest)}</td></tr>
        <tr data-row="saved"><th scope="row">${t2.interestSaved}</th><td>—</td><td data-mode="reduce-payment">${m(c.reduce.saved)}</td><td data-mode="shorten-term">${m(c.shorten.saved)}</td></tr>
        <tr data-row="fees"><th scope="row">${v.t.prepaymentFees}</th><td>—</td><td>${m(c.reduce.fees)}</td><td>${m(c.shorten.fees)}</td></tr>
        <tr data-row="payment-after"><th scope="row">${t2.paymentAfter}</th><td>—</td><td>${m(c.reduce.paymentAfter)}</td><td>${m(c.shorten.paymentAfter)}</td></tr>
        <tr data-row="maturity"><th scope="row">${v.t.maturity}</th><td>${due(c.base.maturity)}</td><td>${due(c.reduce.maturity)}</td><td>${due(c.shorten.maturity)}</td></tr>
      </tbody>
    </table></div>
  </section>`;
}
