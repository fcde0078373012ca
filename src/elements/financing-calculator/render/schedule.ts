// The repayment schedule, paged: row 0 is the disbursement (upfront fee and first-year guarantee fee kept), the
// foot carries the totals, so every column adds up to the figures above.
import { html, nothing, type TemplateResult } from 'lit';
import type { FinancingQuote } from '../../../contract/index.js';
import type { PagingController } from '../../core/controllers/paging.js';
import type { CalculatorView } from './view.js';

export function renderSchedule(v: CalculatorView, quote: FinancingQuote, paging: PagingController, stale: boolean): TemplateResult {
  const t = v.t;
  const a = (n: number) => v.fmt.amount(n);
  const rows = quote.schedule;
  const pages = paging.pages(rows.length);
  const slice = paging.slice(rows);
  const d = quote.disbursement;
  const tt = quote.totals;
  // v2 answers carry each row's rate, days and prepayment: shown when the loan has them (a repriced or prepaid loan,
  // or actual/B interest), and the first row of each new rate is marked.
  const v2 = rows.length > 0 && rows[0]!.annualRate !== undefined;
  const changes = new Set((quote.rateChanges ?? []).filter((c) => c.period > 1).map((c) => c.period));
  const prepaid = !!tt.prepayment;
  const extraHead = v2 ? [t.rateColumn, t.daysColumn, ...(prepaid ? [t.prepaymentColumn, t.prepaymentFeeColumn] : [])] : [];
  const extraFoot = v2 ? html`<td></td><td></td>${prepaid ? html`<td>${a(tt.prepayment ?? 0)}</td><td>${a(tt.prepaymentFee ?? 0)}</td>` : nothing}` : nothing;
  const extraZero = v2 ? html`<td></td><td></td>${prepaid ? html`<td></td><td></td>` : nothing}` : nothing;
  return html`<section class="stack" part="schedule">
    <h3 id="schedule">${t.scheduleTitle}</h3>
    <p class="muted" id="schedule-note">${d.upfrontFee || d.guaranteeFee ? t.disbursementNote(v.fmt.money(d.upfrontFee), v.fmt.money(d.guaranteeFee), v.fmt.money(d.netAmount)) : t.disbursementPlain(v.fmt.money(d.netAmount))}</p>
    <div class=${stale ? 'table-wrap stale-content' : 'table-wrap'} tabindex="0" role="region" aria-labelledby="schedule" aria-describedby="schedule-note"><table class="schedule">
      <thead><tr>${[t.period, t.date, t.opening, t.interest, t.principalPart, t.payment, t.upfrontFee, t.guaranteeFee, t.subsidy, t.closing, ...extraHead].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>
        ${paging.page === 1 ? html`<tr class="disbursement" data-period="0"><th scope="row">0 · ${t.disbursementRow}</th><td>${d.date}</td><td></td><td></td><td></td><td></td>
          <td>${a(d.upfrontFee)}</td><td>${a(d.guaranteeFee)}</td><td></td><td>${a(d.principal)}</td>${extraZero}</tr>` : nothing}
        ${slice.map((r) => html`<tr class=${changes.has(r.period) ? 'rate-change' : ''} data-period=${r.period}><th scope="row">${r.period}</th><td>${r.date}</td><td>${a(r.openingBalance)}</td><td>${a(r.interest)}</td>
          <td>${a(r.principal)}</td><td>${a(r.payment)}</td><td>${a(0)}</td><td>${a(r.guaranteeFee)}</td><td>${a(r.subsidy)}</td><td>${a(r.closingBalance)}</td>${v2 ? html`<td data-col="rate" title=${changes.has(r.period) ? t.rateChangesTitle : ''}>${v.fmt.percent(r.annualRate ?? 0, 2)}</td><td>${r.days ?? ''}</td>
          ${prepaid ? html`<td>${a(r.prepayment ?? 0)}</td><td>${a(r.prepaymentFee ?? 0)}</td>` : nothing}` : nothing}</tr>`)}
      </tbody>
      <tfoot><tr><th scope="row">${t.totalsRow}</th><td></td><td></td><td>${a(tt.interest)}</td><td>${a(tt.principal)}</td><td>${a(tt.payment)}</td>
        <td>${a(tt.upfrontFee)}</td><td>${a(tt.guaranteeFee)}</td><td>${a(tt.subsidy)}</td><td></td>${extraFoot}</tr></tfoot>
    </table></div>
    ${pages > 1 ? html`<div class="pager no-print">
      <button type="button" class="secondary" ?disabled=${paging.page <= 1} @click=${() => paging.go(paging.page - 1)}>${t.prev}</button>
      <span id="schedule-status" tabindex="-1" aria-live="polite">${t.pageOf(paging.page, pages)}</span>
      <button type="button" class="secondary" ?disabled=${paging.page >= pages} @click=${() => paging.go(paging.page + 1)}>${t.next}</button>
    </div>` : nothing}
  </section>`;
}
