// Key figures of a loan quote: what is paid, what is received (after the upfront fee and the first-year guarantee
// fee kept at disbursement), and the rates; the quote is marked stale while a new one is computed, after a
// recalculation failed, or when the form no longer matches it.
import { html, nothing, type TemplateResult } from 'lit';
import { localize, type FinancingQuote } from '../../../contract/index.js';
import type { CalculatorView } from './view.js';

export type Staleness = 'loading' | 'failed' | 'invalid' | undefined;

export function staleNote(v: CalculatorView, stale: Staleness): TemplateResult | typeof nothing {
  if (!stale) return nothing;
  const text = stale === 'loading' ? v.c.updating : stale === 'failed' ? v.c.staleFailed : v.t.staleInvalid;
  return html`<p class="stale-note" data-stale=${stale}>${text}</p>`;
}

export function figure(label: string, value: string, key: string, note?: string): TemplateResult {
  return html`<div class="figure" data-figure=${key}><dt>${label}</dt><dd>${value}</dd>${note ? html`<dd class="note">${note}</dd>` : nothing}</div>`;
}

export interface LoanResultActions {
  canCompare: boolean;
  compareFull: boolean;
  onCompare(): void;
  onExport(): void;
}

export function renderLoanFigures(v: CalculatorView, quote: FinancingQuote, stale: Staleness, a: LoanResultActions): TemplateResult {
  const t = v.t;
  const f = v.fmt;
  const last = quote.schedule[quote.schedule.length - 1];
  const prepaid = quote.totals.prepayment ?? 0;
  return html`<section class="stack results" part="results" data-stale=${stale ?? 'fresh'}>
    <h3 id="results">${t.results}</h3>
    ${staleNote(v, stale)}
    <div class=${stale ? 'stack stale-content' : 'stack'}>
      ${quote.warnings.map((w) => html`<p class="warning" role="note" data-warning=${w.code}>${localize(w.message, v.locale)}</p>`)}
      <dl class="figures">
        ${figure(t.firstPayment, f.money(quote.schedule[0]?.payment ?? 0), 'first-payment')}
        ${figure(t.totalInterest, f.money(quote.totals.interest), 'total-interest')}
        ${figure(t.totalPayment, f.money(quote.totals.payment), 'total-payment')}
        ${figure(t.netAmount, f.money(quote.disbursement.netAmount), 'net-amount')}
        ${quote.disbursement.upfrontFee ? figure(t.upfrontFee, f.money(quote.disbursement.upfrontFee), 'upfront-fee') : nothing}
        ${quote.totals.guaranteeFee ? html`${figure(t.guaranteeAtStart, f.money(quote.disbursement.guaranteeFee), 'guarantee-at-start')}
          ${figure(t.totalGuarantee, f.money(quote.totals.guaranteeFee), 'total-guarantee')}` : nothing}
        ${quote.totals.subsidy ? figure(t.totalSubsidy, f.money(quote.totals.subsidy), 'total-subsidy') : nothing}
        ${prepaid ? html`${figure(t.prepaymentsTitle, f.money(prepaid), 'total-prepayment')}
          ${quote.totals.prepaymentFee ? figure(t.prepaymentFees, f.money(quote.totals.prepaymentFee), 'total-prepayment-fee') : nothing}` : nothing}
        ${quote.maturity && last ? figure(t.maturity, t.periodOf(quote.maturity.period, quote.maturity.date), 'maturity') : nothing}
        ${figure(t.nominalRate, f.percent(quote.annualRate, 3), 'annual-rate')}
        ${figure(t.annualizedSimple, f.percent(quote.annualizedRate, 3), 'annualized-rate', t.annualizedSimpleNote)}
        ${figure(t.effectiveCompound, f.percent(quote.effectiveAnnualRate, 3), 'effective-rate', t.effectiveCompoundNote)}
        ${figure(t.allInCost, f.percent(quote.allInCost, 3), 'all-in-cost', t.allInCostNote)}
        ${quote.limits ? figure(t.maxPrincipal, f.money(quote.limits.maxPrincipal), 'max-principal') : nothing}
      </dl>
    </div>
    <div class="actions no-print">
      <button type="button" class="secondary" @click=${a.onCompare} ?disabled=${!a.canCompare}
        aria-describedby=${a.compareFull ? 'compare-full' : nothing}>${t.compare}</button>
      ${a.compareFull ? html`<span id="compare-full" class="muted">${t.compareFull}</span>` : nothing}
      <button type="button" class="secondary" @click=${a.onExport}>${t.exportSchedule}</button>
      <button type="button" class="secondary" @click=${() => window.print()}>${t.print}</button>
    </div>
  </section>`;
}
