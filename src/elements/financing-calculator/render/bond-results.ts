// A bond's issuer cost, the risk-sharing split and the issuer's cash flows.
import { html, nothing, type TemplateResult } from 'lit';
import type { BondQuote } from '../../../contract/index.js';
import { figure, staleNote, type Staleness } from './results.js';
import type { CalculatorView } from './view.js';

export function renderBondResults(v: CalculatorView, quote: BondQuote, stale: Staleness): TemplateResult {
  const t = v.t;
  const money = (n: number) => v.fmt.money(n);
  return html`<section class="stack" part="results" data-stale=${stale ?? 'fresh'}>
    <h3 id="bond-results">${t.results}</h3>
    ${staleNote(v, stale)}
    <div class=${stale ? 'stack stale-content' : 'stack'}>
      <dl class="figures">
        ${figure(t.issuerCost, v.fmt.percent(quote.issuerCost, 3), 'issuer-cost')}
        ${quote.riskSharing ? figure(t.expectedLoss, money(quote.riskSharing.expectedLoss), 'expected-loss') : nothing}
        ${quote.riskSharing ? Object.entries(quote.riskSharing.byParty).map(([party, amount]) =>
          figure(t.parties[party as keyof typeof t.parties] ?? party, money(amount), `party-${party}`)) : nothing}
      </dl>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${t.cashFlows}><table>
        <caption>${t.cashFlows}</caption>
        <thead><tr>${[t.period, t.date, t.coupon, t.cost, t.principalPart, t.net].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${quote.cashFlows.map((c) => html`<tr><th scope="row">${c.period}</th><td>${c.date}</td><td>${money(c.coupon)}</td><td>${money(c.cost)}</td><td>${money(c.principal)}</td><td>${money(c.net)}</td></tr>`)}</tbody>
      </table></div>
    </div>
  </section>`;
}
