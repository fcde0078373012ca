// <chanrong-financing-calculator>: repayment schedules, the annualized rate and the all-in cost of financing.
import { html, nothing } from 'lit';
import { localize, type Program, type ReferenceRates } from '../../contract/index.js';
import { baseStyles } from '../shared/base.styles.js';
import { ChanrongElement } from '../shared/chanrong-element.js';
import { Loader } from '../shared/load-state.js';
import { calculatorStyles } from './financing-calculator.styles.js';

interface CalculatorData {
  rates: ReferenceRates;
  programs: Program[];
}

/**
 * Prices a loan or a tech-innovation bond: schedule, annualized rate (PBoC announcement [2021] No. 3), all-in cost.
 * @tag chanrong-financing-calculator
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-error - `{ error }` when the client fails.
 * @csspart base - The widget's frame.
 * @csspart rates - The reference-rate panel.
 */
export class ChanrongFinancingCalculator extends ChanrongElement {
  static override properties = {
    ...ChanrongElement.properties,
    principal: { type: Number, reflect: true },
    termMonths: { type: Number, attribute: 'term-months', reflect: true },
    repayment: { type: String, reflect: true },
    rate: { type: Number, reflect: true },
    lprSpreadBps: { type: Number, attribute: 'lpr-spread-bps', reflect: true },
    graceMonths: { type: Number, attribute: 'grace-months', reflect: true },
    program: { type: String, reflect: true },
  };
  static override styles = [baseStyles, calculatorStyles];

  /** Loan amount in yuan. */
  declare principal: number | undefined;
  /** Term in months (1 to 360). */
  declare termMonths: number | undefined;
  /** `equal-installment`, `equal-principal` or `interest-only`. */
  declare repayment: string | undefined;
  /** Fixed annual rate as a fraction (0.0435); when absent, LPR plus `lpr-spread-bps`. */
  declare rate: number | undefined;
  /** Spread over the LPR in basis points. */
  declare lprSpreadBps: number | undefined;
  /** Interest-only months at the start. */
  declare graceMonths: number | undefined;
  /** A program id whose financing preset fills the form. */
  declare program: string | undefined;

  #data = new Loader<CalculatorData>(() => this.requestUpdate());

  protected clientChanged(): void {
    void this.#load();
  }

  async #load(): Promise<void> {
    const client = this.resolvedClient;
    const state = await this.#data.load(async (signal) => {
      const [rates, catalog] = await Promise.all([client.referenceRates.list({ signal }), client.programs.list({}, { signal })]);
      return { rates, programs: catalog.programs.filter((p) => p.financing) };
    });
    if (state.status === 'error') this.reportError(state.error);
    await this.markReady();
  }

  #percent(rate: number): string {
    return new Intl.NumberFormat(this.resolvedLocale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate);
  }

  protected override render() {
    const t = this.t;
    const state = this.#data.state;
    return html`<section part="base" lang=${this.resolvedLocale} aria-labelledby="title" class="stack" aria-busy=${state.status === 'loading' ? 'true' : 'false'}>
      <h2 id="title">${t.calculator.title}</h2>
      ${state.status === 'loading' || state.status === 'idle' ? html`<p role="status">${t.common.loading}</p>` : nothing}
      ${state.status === 'error'
        ? html`<div role="alert" class="error"><p>${this.describeError(state.error)}</p><button type="button" @click=${() => this.#load()}>${t.common.retry}</button></div>`
        : nothing}
      ${state.status === 'ready' ? this.#renderData(state.value) : nothing}
    </section>`;
  }

  #renderData({ rates, programs }: CalculatorData) {
    const t = this.t;
    const l = this.resolvedLocale;
    const latest = rates.lpr[0]!;
    return html`
      <section aria-labelledby="lpr" class="stack">
        <h3 id="lpr">${t.calculator.lprTitle}</h3>
        <dl class="rates" part="rates">
          <div class="rate"><dt>${t.calculator.lprOneYear}</dt><dd data-lpr="1y">${this.#percent(latest.oneYear)}</dd></div>
          <div class="rate"><dt>${t.calculator.lprFiveYear}</dt><dd data-lpr="5y">${this.#percent(latest.fiveYear)}</dd></div>
        </dl>
        <p class="muted">${t.calculator.lprDate(latest.date)}</p>
      </section>
      <section aria-labelledby="presets" class="stack">
        <h3 id="presets">${t.calculator.presetsTitle}</h3>
        <ul class="presets">${programs.map((p) => {
          const f = p.financing!;
          const rate = f.rate?.type === 'lpr' ? t.calculator.presetRate(f.rate.tenor, f.rate.spreadBps)
            : f.rate?.type === 'fixed' ? t.calculator.presetFixed(this.#percent(f.rate.annualRate)) : '';
          return html`<li data-program=${p.id}><strong>${localize(p.title, l)}</strong>
            <span class="muted">${[f.termMonths ? t.calculator.presetTerm(f.termMonths) : '', rate].filter(Boolean).join(' · ')}</span></li>`;
        })}</ul>
      </section>`;
  }
}
