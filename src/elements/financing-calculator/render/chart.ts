// The chart of principal, interest and balance, with the same figures per year in a table beside it.
import { html, type TemplateResult } from 'lit';
import type { RateChange, ScheduleRow } from '../../../contract/index.js';
import { scheduleChart } from './schedule-chart.js';
import type { CalculatorView } from './view.js';

export function renderChart(v: CalculatorView, rows: readonly ScheduleRow[], stale: boolean, rateChanges: readonly RateChange[] = []): TemplateResult {
  const t = v.t;
  const years = new Map<number, { principal: number; interest: number; closing: number }>();
  for (const r of rows) {
    const y = Math.ceil(r.period / 12);
    const acc = years.get(y) ?? { principal: 0, interest: 0, closing: 0 };
    acc.principal += Math.round(r.principal * 100);
    acc.interest += Math.round(r.interest * 100);
    acc.closing = r.closingBalance;
    years.set(y, acc);
  }
  return html`<figure class=${stale ? 'chart-figure stale-content' : 'chart-figure'} part="chart" aria-labelledby="chart-title">
    <figcaption id="chart-title">${t.chartTitle}
      <span class="legend"><span class="key principal"></span>${t.principalPart} <span class="key interest"></span>${t.interest} <span class="key balance"></span>${t.closing}</span>
    </figcaption>
    ${scheduleChart(rows, (n) => v.fmt.compact(n), rateChanges.filter((c) => c.period > 1).map((c) => ({ period: c.period, label: v.fmt.percent(c.annualRate, 2) })))}
    <div class="table-wrap" tabindex="0" role="region" aria-label=${t.chartTable}><table>
      <caption>${t.chartTable}</caption>
      <thead><tr><th scope="col">${t.year}</th><th scope="col">${t.principalPart}</th><th scope="col">${t.interest}</th><th scope="col">${t.closing}</th></tr></thead>
      <tbody>${[...years].map(([y, x]) => html`<tr><th scope="row">${y}</th><td>${v.fmt.money(x.principal / 100)}</td><td>${v.fmt.money(x.interest / 100)}</td><td>${v.fmt.money(x.closing)}</td></tr>`)}</tbody>
    </table></div>
  </figure>`;
}
