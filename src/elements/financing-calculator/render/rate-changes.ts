// The rate changes of a repriced loan, in words (the chart marks them; the schedule highlights their rows).
import { html, nothing, type TemplateResult } from 'lit';
import type { FinancingQuote } from '../../../contract/index.js';
import type { CalculatorV2Messages } from '../../messages/calculator-v2.js';
import type { CalculatorView } from './view.js';

export function renderRateChanges(v: CalculatorView, t2: CalculatorV2Messages, quote: FinancingQuote): TemplateResult | typeof nothing {
  const changes = quote.rateChanges ?? [];
  if (changes.length < 2) return nothing;
  return html`<section class="stack" data-section="rate-changes">
    <h3 id="rate-changes">${v.t.rateChangesTitle}</h3>
    <ol class="rate-changes" aria-labelledby="rate-changes">
      ${changes.map((c) => html`<li data-period=${c.period}>${t2.rateChange(c.period, c.date, v.fmt.percent(c.annualRate, 2))}</li>`)}
    </ol>
  </section>`;
}
