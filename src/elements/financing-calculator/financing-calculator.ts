// <chanrong-financing-calculator>: exact repayment schedules, the annualized rate the PBoC requires, the all-in
// cost with guarantee fees and subsidies, IP-pledge caps, and a tech-innovation bond's issuer cost with the
// risk-sharing split. This class orchestrates: drafts → request (state/request-builder.ts) → client (ClientTask)
// → render modules (render/*.ts). It computes nothing itself.
import { html, nothing, type PropertyValues } from 'lit';
import { localize, type BondQuote, type BondRequest, type DiscountQuote, type FinancingQuote, type FinancingRequest, type Program, type ReferenceRates } from '../../contract/index.js';
import { ChanrongElement } from '../core/chanrong-element.js';
import { ClientTask, type TaskState } from '../core/controllers/client-task.js';
import { FormatController } from '../core/controllers/format.js';
import { PagingController } from '../core/controllers/paging.js';
import { downloadText } from '../core/download.js';
import { describeError, fieldProblems } from '../core/errors.js';
import { baseStyles } from '../core/styles/base.styles.js';
import { formStyles } from '../core/styles/form.styles.js';
import { calculatorMessages, type CalculatorMessages } from '../messages/calculator.js';
import { commonMessages, type CommonMessages } from '../messages/common.js';
import type { PrepaymentComparison } from './state/prepayment-comparison.js';
import { renderAlert } from './render/alert.js';
import { renderBondForm } from './render/bond-form.js';
import { renderBondResults } from './render/bond-results.js';
import { renderChart } from './render/chart.js';
import { renderComparison } from './render/comparison.js';
import { renderLoanForm } from './render/loan-form.js';
import { renderMode, renderRates, type CalculatorMode } from './render/rates.js';
import { renderLoanFigures, type Staleness } from './render/results.js';
import { renderSchedule } from './render/schedule.js';
import type { CalculatorView } from './render/view.js';
import { mapProblemErrors } from './state/contract-errors.js';
import { comparisonCsvRows, relabel, scheduleRows, toCsv, type CsvRow, type ScenarioLike } from './state/csv.js';
import { bondDefaults, fillLoanDrafts, loanDefaults, requestFromAttributes, type Drafts, type FieldErrors } from './state/request-builder.js';
import type { FormContext } from './state/validate.js';
import { calculatorStyles } from './styles.js';
import { V2Loader, type V2Module } from './v2/loader.js';

const MAX_SCENARIOS = 3;

function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

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

  #mode: CalculatorMode = 'loan';
  #loan: Drafts = loanDefaults(todayLocal());
  #bond: Drafts = bondDefaults(todayLocal());
  /** Bill-discounting drafts, made when the v2 module loads (the bill mode is offered only then). */
  #bill: Drafts = {};
  /** The contract-v2 code (v2/index.ts), imported with the first calculation. */
  #v2 = new V2Loader(this);
  #errors: FieldErrors = {};
  #notes: Record<string, string> = {};
  #otherErrors: string[] = [];
  #formInvalid = false;
  #scenarios: ScenarioLike[] = [];
  #notice = '';
  #announcement = '';
  #lastRequest: FinancingRequest | undefined;
  #ownProgram: string | undefined;
  #fmt = new FormatController(this, () => this.resolvedLocale);
  #paging = new PagingController(this, 24, '#schedule-status');
  #rates = new ClientTask<ReferenceRates>(this);
  #programs = new ClientTask<Program[]>(this);
  #quote = new ClientTask<FinancingQuote>(this);
  #bondQuote = new ClientTask<BondQuote>(this);
  #discount = new ClientTask<DiscountQuote>(this);
  /** The loan quoted with every prepayment reducing the payment, and shortening the term (contract v2). */
  #modes = new ClientTask<PrepaymentComparison | undefined>(this);

  get #t(): CalculatorMessages { return calculatorMessages[this.resolvedLocale]; }
  get #c(): CommonMessages { return commonMessages[this.resolvedLocale]; }
  get #t2() { return this.#v2.value?.calculatorV2Messages[this.resolvedLocale]; }

  /** The request the form described when it was last priced. */
  get request(): FinancingRequest | undefined {
    return this.#lastRequest;
  }
  set request(request: FinancingRequest | undefined) {
    if (!request) return;
    this.#loan = this.#v2.fill(fillLoanDrafts(this.#loan, request), request);
    this.#mode = 'loan';
    this.#errors = {};
    if (this.hasUpdated) void this.#calculate();
  }

  /** Fills the form with a program's financing preset and prices it. */
  applyProgram(program: Program): void {
    this.applyFinancing(program.financing ?? {}, program, false);
  }

  /** Fills the form from a hand-off (`chanrong-select-program`'s `financing`: preset plus the user's answers). */
  applyFinancing(financing: Partial<FinancingRequest>, program?: Program, fromAnswers = true): void {
    this.#loan = this.#v2.fill(fillLoanDrafts(this.#loan, financing), financing);
    this.#mode = 'loan';
    this.#errors = {};
    if (program) {
      const title = localize(program.title, this.resolvedLocale);
      this.#notice = fromAnswers ? this.#t.fromAnswers(title) : this.#t.fromProgram(title);
      this.#ownProgram = program.id; // reflected below; not a host's change to react to
      this.program = program.id;
    }
    this.requestUpdate();
    if (this.hasUpdated) void this.#calculate();
  }

  /** Loads the v2 module (once) and applies what waited for it. */
  async #loadV2(): Promise<V2Module> {
    const v2 = await this.#v2.load();
    if (!Object.keys(this.#bill).length) this.#bill = v2.billDefaults(todayLocal());
    this.#loan = this.#v2.fillPending(this.#loan);
    return v2;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const f = requestFromAttributes(this, changed, this.#loan['tenor'] === '5y' ? '5y' : '1y');
    if (Object.keys(f).length) {
      this.#loan = fillLoanDrafts(this.#loan, f, { replaceCosts: false });
      if (this.hasUpdated) void this.#calculate();
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
    await this.#calculate();
    await this.markReady();
  }

  #applyProgramId(id: string): void {
    const program = this.#programs.value?.find((p) => p.id === id);
    if (program) this.applyProgram(program);
  }

  // ---- from drafts to a quote --------------------------------------------------------------------------------

  #formContext(): FormContext {
    return { t: this.#t, form: this.#c.form, locale: this.resolvedLocale, number: (n) => this.#fmt.number(n) };
  }

  async #calculate(focusOnError = false): Promise<void> {
    const mode = this.#mode;
    // The contract's schemas load with the first calculation (they carry zod, which the first paint does not need).
    // So does the v2 code (v2/index.ts: the validation that builds a loan's v2 fields, the advanced group, bills).
    const [schemas, v2] = await Promise.all([import('../../contract/financing.js'), this.#loadV2()]);
    if (mode === 'bill') return this.#calculateBill(v2, schemas.DiscountRequest, focusOnError);
    const checked = mode === 'loan'
      ? v2.validate('loan', this.#loan, this.#formContext(), schemas.FinancingRequest)
      : v2.validate('bond', this.#bond, this.#formContext(), schemas.BondRequest);
    this.#notes = checked.notes;
    if (!checked.ok) return this.#invalid(checked, focusOnError);
    this.#errors = {};
    this.#otherErrors = [];
    this.#formInvalid = false;
    const client = this.resolvedClient;
    if (checked.request && mode === 'loan') {
      const request = checked.request as FinancingRequest;
      this.#lastRequest = request;
      this.emit('chanrong-change', { request });
      this.#afterQuote(await this.#quote.run((signal) => client.financing.quote(request, { signal })));
      // With prepayments, the same loan with every prepayment reducing the payment and shortening the term.
      if (this.#quote.state.status === 'ready') {
        const modes = await this.#modes.run((signal) => v2.comparePrepaymentModes(client, request, { signal }));
        if (modes.status === 'error') this.emitError(modes.error);
        this.requestUpdate();
      }
    } else {
      const request = checked.request as BondRequest;
      this.emit('chanrong-change', { request });
      this.#afterQuote(await this.#bondQuote.run((signal) => client.financing.bondQuote(request, { signal })));
    }
  }

  async #calculateBill(v2: V2Module, schema: Parameters<V2Module['validateBill']>[2], focusOnError: boolean): Promise<void> {
    const ctx = this.#formContext();
    const checked = v2.validateBill(this.#bill, { locale: this.resolvedLocale, form: this.#c.form, show: (n, def) => v2.showLimit(ctx, n, def as never) }, schema);
    this.#notes = {};
    if (!checked.ok) return this.#invalid(checked, focusOnError);
    this.#errors = {};
    this.#otherErrors = [];
    this.#formInvalid = false;
    const client = this.resolvedClient;
    this.emit('chanrong-change', { request: checked.request });
    this.#afterQuote(await this.#discount.run((signal) => client.financing.discountQuote(checked.request, { signal })));
  }

  /** Shows a draft's errors, focusing the first on submit. */
  async #invalid(checked: { errors: FieldErrors; other: string[] }, focusOnError: boolean): Promise<void> {
    this.#errors = checked.errors;
    this.#otherErrors = checked.other;
    this.#formInvalid = true;
    this.#announcement = this.#c.form.fixErrors(Object.keys(checked.errors).length || 1);
    this.requestUpdate();
    if (focusOnError) {
      await this.updateComplete;
      (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
    }
  }

  #afterQuote(state: TaskState<FinancingQuote | BondQuote | DiscountQuote>): void {
    if (state.status === 'ready') {
      this.emit('chanrong-quote', { quote: state.value });
      this.#announcement = this.#t.results;
    } else if (state.status === 'error') {
      // The server may refuse what the form allowed (no LPR before the start date, say): show it at the field.
      const v2 = this.#v2.value!; // a quote follows a calculation, which loaded it
      const mapped = this.#mode === 'bill'
        ? mapProblemErrors(fieldProblems(state.error), v2.BILL_PATHS, this.#c.form, (k) => v2.billLabel(k, this.resolvedLocale))
        : mapProblemErrors(fieldProblems(state.error), v2.fieldsOf(this.#mode).paths, this.#c.form, v2.fieldLabel(this.#formContext(), this.#mode));
      this.#errors = mapped.fields;
      this.#otherErrors = mapped.other;
      this.#announcement = describeError(state.error, this.#c);
      this.emitError(state.error);
    }
    this.requestUpdate();
  }

  #set(key: string, value: string): void {
    if (this.#mode === 'loan') this.#loan = { ...this.#loan, [key]: value };
    else if (this.#mode === 'bill') this.#bill = { ...this.#bill, [key]: value };
    else this.#bond = { ...this.#bond, [key]: value };
    if (this.#errors[key]) {
      const { [key]: _gone, ...rest } = this.#errors;
      this.#errors = rest;
      if (!Object.keys(rest).length) this.#otherErrors = [];
    }
    // Selects change the request at once: price it; typed text waits for "calculate" (or Enter).
    if (['repayment', 'rateType', 'tenor', 'subsidyType', 'couponsPerYear', 'useRisk', 'frequency', 'dayCount', 'repricing', 'guaranteeBasis', 'subsidyTiming', 'dayBasis'].includes(key)
      || /^pp-\d+-mode$/.test(key)) void this.#calculate();
    this.requestUpdate();
  }

  #setMode(mode: CalculatorMode): void {
    this.#mode = mode;
    this.#errors = {};
    this.#otherErrors = [];
    this.requestUpdate();
    if ((mode === 'bond' ? this.#bondQuote : mode === 'bill' ? this.#discount : this.#quote).state.status === 'idle') void this.#calculate();
  }

  // ---- the advanced group: LPR scenarios, path and prepayment rows ---------------------------------------------

  #scenario(v2: V2Module, bpsPerYear: number): void {
    const latest = this.#rates.value?.lpr[0];
    if (!latest) return;
    const start = this.#loan['startDate'] || todayLocal();
    const term = Number(this.#loan['termMonths']) || 12;
    const repricing = (this.#loan['repricing'] ?? 'none') === 'none' ? 'anniversary' : this.#loan['repricing']!;
    this.#loan = { ...this.#loan, ...v2.pathDrafts(v2.lprScenario(latest, bpsPerYear, start, term)), repricing };
    void this.#calculate();
  }

  #editRows(next: Drafts, recalc: boolean): void {
    this.#loan = next;
    this.requestUpdate();
    if (recalc) void this.#calculate();
  }

  // ---- comparison and export ---------------------------------------------------------------------------------

  #addScenario(): void {
    const quote = this.#quote.state.status === 'ready' ? this.#quote.state.value : undefined;
    if (!quote || !this.#lastRequest || this.#formInvalid || this.#scenarios.length >= MAX_SCENARIOS) return;
    this.#scenarios = relabel([...this.#scenarios, { label: '', request: this.#lastRequest, quote }], this.#t.scenario);
    this.requestUpdate();
  }

  #removeScenario(i: number): void {
    this.#scenarios = relabel(this.#scenarios.filter((_, j) => j !== i), this.#t.scenario);
    this.requestUpdate();
  }

  /** The schedule as CSV rows (header, the disbursement row 0, every period, the totals), in the widget's language. */
  scheduleCsv(): CsvRow[] {
    const quote = this.#quote.value;
    const t2 = this.#t2;
    return quote && t2 ? scheduleRows(quote, this.#t, t2) : [];
  }

  /** The comparison as CSV rows: one column per scenario, inputs then results, rates as percentages. */
  comparisonCsv(): CsvRow[] {
    return comparisonCsvRows(this.#scenarios, this.#t);
  }

  #download(name: string, rows: CsvRow[]): void {
    downloadText(this.renderRoot, name, toCsv(rows));
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  #view(): CalculatorView {
    return {
      t: this.#t, t2: this.#t2, c: this.#c, fmt: this.#fmt, locale: this.resolvedLocale, drafts: this.#mode === 'loan' ? this.#loan : this.#mode === 'bill' ? this.#bill : this.#bond,
      errors: this.#errors, notes: this.#notes, set: (k, v) => this.#set(k, v),
    };
  }

  #submit = (e: Event) => {
    e.preventDefault();
    void this.#calculate(true);
  };

  protected override render() {
    const v = this.#view();
    const t = v.t;
    const v2 = this.#v2.value;
    const task = this.#mode === 'loan' ? this.#quote : this.#mode === 'bill' ? this.#discount : this.#bondQuote;
    const stale: Staleness = this.#formInvalid && task.value ? 'invalid' : task.stale;
    const error = task.error;
    return html`<section part="base" lang=${this.resolvedLocale} aria-labelledby="title" class="stack" aria-busy=${task.state.status === 'loading' ? 'true' : 'false'}>
      <h2 id="title">${t.title}</h2>
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
      ${this.#rates.error ? html`<p class="error" role="alert">${describeError(this.#rates.error, v.c)}</p>` : renderRates(v, this.#rates.value)}
      ${renderMode(v, this.#mode, (m) => this.#setMode(m))}
      ${this.#notice && this.#mode === 'loan' ? html`<p class="notice">${this.#notice}</p>` : nothing}
      ${this.#mode === 'loan'
        ? renderLoanForm(v, {
          rates: this.#rates.value, programs: this.#programs.value ?? [], program: this.program, onProgram: (p) => this.applyProgram(p), onSubmit: this.#submit,
          advanced: v2 ? v2.renderAdvanced(v, {
            t2: v.t2!, latest: this.#rates.value?.lpr[0], onScenario: (bps) => this.#scenario(v2, bps),
            onAddRow: (kind) => this.#editRows(v2.addRow(this.#loan, kind), false),
            onRemoveRow: (kind, i) => this.#editRows(v2.removeRow(this.#loan, kind, i), true),
            onClearPath: () => this.#editRows({ ...this.#loan, ...v2.pathDrafts([]) }, true),
          }) : nothing,
        })
        : this.#mode === 'bill' && v2 ? v2.renderBillForm(v, v.t2!, this.#submit) : this.#mode === 'bill' ? nothing : renderBondForm(v, this.#submit)}
      ${renderAlert(v, error, this.#otherErrors, () => void this.#calculate())}
      ${this.#mode === 'loan' ? this.#renderLoanResults(v, stale)
        : this.#mode === 'bill' ? (v2 ? v2.renderBillResults(v, v.t2!, this.#discount.value, stale) : nothing)
        : this.#bondQuote.value ? renderBondResults(v, this.#bondQuote.value, stale) : nothing}
    </section>`;
  }

  #renderLoanResults(v: CalculatorView, stale: Staleness) {
    const quote = this.#quote.value;
    const v2 = this.#v2.value;
    if (!quote || !v2) return nothing;
    const full = this.#scenarios.length >= MAX_SCENARIOS;
    return html`
      ${renderLoanFigures(v, quote, stale, {
        canCompare: !full && !stale, compareFull: full,
        onCompare: () => this.#addScenario(), onExport: () => this.#download('schedule.csv', this.scheduleCsv()),
      })}
      ${v2.renderRateChanges(v, v.t2!, quote)}
      ${quote.schedule.some((r) => r.prepayment) && !stale ? v2.renderPrepaymentComparison(v, v.t2!, this.#modes.value) : nothing}
      ${renderComparison(v, this.#scenarios, (i) => this.#removeScenario(i), () => this.#download('comparison.csv', this.comparisonCsv()))}
      ${renderChart(v, quote.schedule, !!stale, quote.rateChanges)}
      ${renderSchedule(v, quote, this.#paging, !!stale)}`;
  }
}
