// Up to three priced scenarios side by side, inputs first, then results; exported with the same rows as CSV.
import { html, nothing, type TemplateResult } from 'lit';
import { comparisonRows, type ScenarioLike } from '../state/csv.js';
import type { CalculatorView } from './view.js';

export function renderComparison(v: CalculatorView, scenarios: readonly ScenarioLike[], onRemove: (i: number) => void, onExport: () => void): TemplateResult | typeof nothing {
  if (!scenarios.length) return nothing;
  const t = v.t;
  // The table shows the same rows as the CSV, with the money columns formatted for the locale.
  const rows = comparisonRows(scenarios, t, v.v2Rows).map((r) => ({ ...r, cells: r.cells.map((c) => (/^-?\d+\.\d{2}$/.test(c) ? v.fmt.amount(Number(c)) : c)) }));
  return html`<section class="stack" part="comparison">
    <h3 id="compare">${t.compareTitle}</h3>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare"><table>
      <thead><tr><td></td>${scenarios.map((s, i) => html`<th scope="col">${s.label}
        <button type="button" class="link no-print" aria-label=${`${t.remove}: ${s.label}`} @click=${() => onRemove(i)}>${t.remove}</button></th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
    </table></div>
    <div class="actions no-print"><button type="button" class="secondary" @click=${onExport}>${t.exportCompare}</button></div>
  </section>`;
}
