// <chanrong-financing-calculator>: exact repayment schedules, the annualized rate the PBoC requires, the all-in
// cost with guarantee fees and subsidies, IP-pledge caps, and a tech-innovation bond's issuer cost with the
// risk-sharing split. This class holds the public API (attributes, `request`, presets, hand-offs, CSV) and the
// scenarios compared; the quote flow (quote-flow.ts: drafts → request → client) and the screen (render/calculator.ts)
// do the rest. It computes nothing itself.
import type { PropertyValues } from 'lit';
import { localize, type FinancingRequest, type Program, type ReferenceRates } from '../../contract/index.js';
import { ChanrongElement } from '../core/chanrong-element.js';
import { ClientTask } from '../core/controllers/client-task.js';
import { FormatController } from '../core/controllers/format.js';
import { PagingController } from '../core/controllers/paging.js';
import { downloadText } from '../core/download.js';
import { baseStyles } from '../core/styles/base.styles.js';
import { formStyles } from '../core/styles/form.styles.js';
import { calculatorMessages, type CalculatorMessages } from '../messages/calculator.js';
import { commonMessages } from '../messages/common.js';
import { QuoteFlow } from './quote-flow.js';
import { renderCalculator } from './render/calculator.js';
import type { CalculatorView } from './render/view.js';
import { comparisonCsvRows, relabel, scheduleRows, toCsv, type CsvRow, type InputRows, type ScenarioLike } from './state/csv.js';
import { requestFromAttributes } from './state/request-builder.js';
import { calculatorStyles } from './styles.js';

const MAX_SCENARIOS = 3;

/**
 * Prices a loan or a tech-innovation bond: schedule, annualized rate (PBoC announcement [2021] No. 3), all-in cost,
 * IP-pledge cap, issuer cost and risk-sharing split, with a chart, a paged schedule, comparison and CSV export.
 * @tag chanrong-financing-calculator
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-change - `{ request }` when a valid request is priced.
 * @fires chanrong-quote - `{ quote }` after every quote (loan or bond).
 * @fires chanrong-error - `{ error, problem? }` when the client fails.
 * @csspart base - The widget's frame.
 * @csspart form - The input form.
 * @csspart results - The key figures.
 * @csspart chart - The chart figure.
 * @csspart schedule - The schedule table.
 * @csspart comparison - The comparison table.
 * @csspart rates - The reference-rate panel.
 * @cssprop [--chanrong-chart-principal=#0b5cad] - Principal bars of the chart.
 * @cssprop [--chanrong-chart-interest=#c25e00] - Interest bars of the chart.
 * @cssprop [--chanrong-chart-balance=#3d4450] - The balance line of the chart.
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
  static override styles = [baseStyles, formStyles, calculatorStyles];

  /** Loan amount in yuan. */
  declare principal: number | undefined;
  /** Term in months (1 to 360). */
  declare termMonths: number | undefined;
  /** `equal-installment`, `equal-principal` or `interest-only`. */
  declare repayment: string | undefined;
  /** Fixed annual rate as a fraction (0.0435); without it, the 1-year LPR plus `lpr-spread-bps`. */
  declare rate: number | undefined;
  /** Spread over the LPR in basis points. */
  declare lprSpreadBps: number | undefined;
  /** Interest-only months at the start. */
  declare graceMonths: number | undefined;
  /** A program id whose financing preset fills the form. */
  declare program: string | undefined;

  #fmt = new FormatController(this, () => this.resolvedLocale);
  #flow = new QuoteFlow(this, this.#fmt, {
    change: (request) => this.emit('chanrong-change', { request }),
    quote: (quote) => this.emit('chanrong-quote', { quote }),
    error: (error) => this.emitError(error),
  });
  #paging = new PagingController(this, 24, '#schedule-status');
  #rates = new ClientTask<ReferenceRates>(this);
  #programs = new ClientTask<Program[]>(this);
  #scenarios: ScenarioLike[] = [];
  #notice = '';
  #ownProgram: string | undefined;

  get #t(): CalculatorMessages { return calculatorMessages[this.resolvedLocale]; }
  get #t2() { return this.#flow.v2.value?.calculatorV2Messages[this.resolvedLocale]; }

  /** The request the form described when it was last priced. */
  get request(): FinancingRequest | undefined {
    return this.#flow.lastRequest;
  }
  set request(request: FinancingRequest | undefined) {
    if (!request) return;
    this.#flow.fill(request);
    this.#flow.mode = 'loan';
    this.#flow.errors = {};
    if (this.hasUpdated) void this.#flow.calculate();
  }

  /** Fills the form with a program's financing preset and prices it. */
  applyProgram(program: Program): void {
    this.applyFinancing(program.financing ?? {}, program, false);
  }

  /** Fills the form from a hand-off (`chanrong-select-program`'s `financing`: preset plus the user's answers). */
  applyFinancing(financing: Partial<FinancingRequest>, program?: Program, fromAnswers = true): void {
    this.#flow.fill(financing);
    this.#flow.mode = 'loan';
    this.#flow.errors = {};
    if (program) {
      const title = localize(program.title, this.resolvedLocale);
      this.#notice = fromAnswers ? this.#t.fromAnswers(title) : this.#t.fromProgram(title);
      this.#ownProgram = program.id; // reflected below; not a host's change to react to
      this.program = program.id;
    }
    this.requestUpdate();
    if (this.hasUpdated) void this.#flow.calculate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const f = requestFromAttributes(this, changed, this.#flow.loan['tenor'] === '5y' ? '5y' : '1y');
    if (Object.keys(f).length) {
      this.#flow.fill(f, { replaceCosts: false });
      if (this.hasUpdated) void this.#flow.calculate();
    }
    if (this.hasUpdated && changed.has('program') && this.program && this.program !== this.#ownProgram) this.#applyProgramId(this.program);
  }

  protected clientChanged(): void {
    void this.#start();
  }

  async #start(): Promise<void> {
    const client = this.resolvedClient;
    const [rates, programs] = await Promise.all([
      this.#rates.run((signal) => client.referenceRates.list({ signal })),
      this.#programs.run(async (signal) => (await client.programs.list({}, { signal })).programs.filter((p) => p.financing)),
    ]);
    for (const s of [rates, programs]) if (s.status === 'error') this.emitError(s.error);
    if (this.program) this.#applyProgramId(this.program);
    await this.#flow.calculate();
    await this.markReady();
  }

  #applyProgramId(id: string): void {
    const program = this.#programs.value?.find((p) => p.id === id);
    if (program) this.applyProgram(program);
  }

  // ---- comparison and export ---------------------------------------------------------------------------------

  #addScenario(): void {
    const flow = this.#flow;
    const quote = flow.quote.state.status === 'ready' ? flow.quote.state.value : undefined;
    if (!quote || !flow.lastRequest || flow.invalid || this.#scenarios.length >= MAX_SCENARIOS) return;
    this.#scenarios = relabel([...this.#scenarios, { label: '', request: flow.lastRequest, quote }], this.#t.scenario);
    this.requestUpdate();
  }

  #removeScenario(i: number): void {
    this.#scenarios = relabel(this.#scenarios.filter((_, j) => j !== i), this.#t.scenario);
    this.requestUpdate();
  }

  /** The schedule as CSV rows (header, the disbursement row 0, every period, the totals), in the widget's language. */
  scheduleCsv(): CsvRow[] {
    const quote = this.#flow.quote.value;
    return quote ? scheduleRows(quote, this.#t) : [];
  }

  /** The comparison as CSV rows: one column per scenario, inputs (v2 ones too) then results, rates as percentages. */
  comparisonCsv(): CsvRow[] {
    return comparisonCsvRows(this.#scenarios, this.#t, this.#v2Rows());
  }

  #v2Rows(): InputRows | undefined {
    const v2 = this.#flow.v2.value, t2 = this.#t2;
    return v2 && t2 ? (scenarios) => v2.v2InputRows(scenarios, this.#t, t2) : undefined;
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  #view(): CalculatorView {
    const flow = this.#flow;
    return {
      t: this.#t, t2: this.#t2, v2Rows: this.#v2Rows(), c: commonMessages[this.resolvedLocale], fmt: this.#fmt, locale: this.resolvedLocale,
      drafts: flow.drafts, errors: flow.errors, notes: flow.notes, set: (k, v) => flow.set(k, v),
    };
  }

  protected override render() {
    return renderCalculator(this.#view(), {
      flow: this.#flow, rates: this.#rates, programs: this.#programs.value ?? [], program: this.program, notice: this.#notice,
      scenarios: this.#scenarios, compareFull: this.#scenarios.length >= MAX_SCENARIOS, paging: this.#paging,
      onProgram: (p) => this.applyProgram(p),
      onCompare: () => this.#addScenario(),
      onRemoveScenario: (i) => this.#removeScenario(i),
      onExport: (what) => downloadText(this.renderRoot, `${what}.csv`, toCsv(what === 'schedule' ? this.scheduleCsv() : this.comparisonCsv())),
    });
  }
}
