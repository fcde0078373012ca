// The calculator's form state and quote flow, as a reactive controller: the drafts of its three forms (loan, bond,
// bill; kept as typed), which one is shown, and drafts → checked request → client → quote, with one message per
// field and the last quote kept (marked stale) while a new one is computed or after it failed. The element owns its
// public API, presets and layout; this owns what happens between a keystroke and a quote.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AcceleratorClient, BondQuote, BondRequest, DiscountQuote, DiscountRequest, FinancingQuote, FinancingRequest, LprFixing, Locale } from '../../contract/index.js';
import { ClientTask, type TaskState } from '../core/controllers/client-task.js';
import type { FormatController } from '../core/controllers/format.js';
import { describeError, fieldProblems } from '../core/errors.js';
import { calculatorMessages } from '../messages/calculator.js';
import { commonMessages } from '../messages/common.js';
import type { CalculatorMode } from './render/rates.js';
import { mapProblemErrors } from './state/contract-errors.js';
import type { PrepaymentComparison } from './state/prepayment-comparison.js';
import { bondDefaults, fillLoanDrafts, loanDefaults, type Drafts, type FieldErrors } from './state/request-builder.js';
import type { FormContext } from './state/validate.js';
import { V2Loader, type V2Module } from './v2/loader.js';

export interface QuoteHost extends ReactiveControllerHost {
  readonly resolvedClient: AcceleratorClient;
  readonly resolvedLocale: Locale;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the flow tells the page (the element turns these into its typed events). */
export interface QuoteEvents {
  change(request: FinancingRequest | BondRequest | DiscountRequest): void;
  quote(quote: FinancingQuote | BondQuote | DiscountQuote): void;
  error(error: unknown): void;
}

type Validation = typeof import('./state/validate.js');

/** Selects change the request at once, so they price it; typed text waits for "calculate" (or Enter). */
const PRICED_ON_CHANGE = new Set(['repayment', 'rateType', 'tenor', 'subsidyType', 'couponsPerYear', 'useRisk', 'frequency', 'dayCount',
  'repricing', 'guaranteeBasis', 'subsidyTiming', 'dayBasis']);

export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export class QuoteFlow implements ReactiveController {
  mode: CalculatorMode = 'loan';
  loan: Drafts = loanDefaults(todayLocal());
  bond: Drafts = bondDefaults(todayLocal());
  /** Bill-discounting drafts, made when the v2 chunk (which prices bills) arrives. */
  bill: Drafts = {};
  errors: FieldErrors = {};
  notes: Record<string, string> = {};
  /** Messages no field shows. */
  other: string[] = [];
  /** The form no longer matches the quote shown. */
  invalid = false;
  announcement = '';
  lastRequest: FinancingRequest | undefined;
  /** The contract-v2 code (v2/index.ts), fetched on the first use of a v2 feature. */
  readonly v2: V2Loader;
  readonly quote: ClientTask<FinancingQuote>;
  readonly bondQuote: ClientTask<BondQuote>;
  readonly discount: ClientTask<DiscountQuote>;
  /** The loan quoted with every prepayment reducing the payment, and shortening the term (contract v2). */
  readonly modes: ClientTask<PrepaymentComparison | undefined>;

  constructor(private readonly host: QuoteHost, private readonly fmt: FormatController, private readonly events: QuoteEvents) {
    host.addController(this);
    this.v2 = new V2Loader(host);
    this.quote = new ClientTask(host);
    this.bondQuote = new ClientTask(host);
    this.discount = new ClientTask(host);
    this.modes = new ClientTask(host);
  }

  hostConnected(): void {}

  get #t() { return calculatorMessages[this.host.resolvedLocale]; }
  get #c() { return commonMessages[this.host.resolvedLocale]; }

  /** The request task of the form shown. */
  get task(): ClientTask<FinancingQuote> | ClientTask<BondQuote> | ClientTask<DiscountQuote> {
    return this.mode === 'bond' ? this.bondQuote : this.mode === 'bill' ? this.discount : this.quote;
  }

  /** The drafts of the form shown. */
  get drafts(): Drafts {
    return this.mode === 'bond' ? this.bond : this.mode === 'bill' ? this.bill : this.loan;
  }

  context(): FormContext {
    return { t: this.#t, form: this.#c.form, locale: this.host.resolvedLocale, number: (n) => this.fmt.number(n) };
  }

  /** The chart module (render/chart.ts), there once a calculation ran. */
  chart: typeof import('./render/chart.js') | undefined;
  async #loadChart(): Promise<void> {
    this.chart ??= await import('./render/chart.js');
  }

  #validation: Validation | undefined;
  async #loadValidation(): Promise<Validation> {
    return this.#validation ??= await import('./state/validate.js');
  }

  /** Fetches the v2 chunk (once) and applies what waited for it. */
  async loadV2(): Promise<V2Module> {
    const v2 = await this.v2.load();
    if (!Object.keys(this.bill).length) this.bill = v2.billDefaults(todayLocal());
    this.loan = this.v2.fillPending(this.loan);
    return v2;
  }

  /** Writes a (partial) request into the loan drafts: a preset, a hand-off, a host's `request` or attributes. Its
   * v2 fields, if any, fetch the v2 chunk and are written when it arrives. */
  fill(financing: Partial<FinancingRequest>, { replaceCosts = true } = {}): void {
    this.loan = this.v2.fill(fillLoanDrafts(this.loan, financing, { replaceCosts }), financing, replaceCosts);
    if (this.v2.waiting) void this.loadV2();
  }

  async calculate(focusOnError = false): Promise<void> {
    const mode = this.mode;
    // The contract's schemas load with the first calculation (they carry zod, which the first paint does not need).
    // The v2 chunk is awaited only once a v2 feature was used: before that the drafts hold nothing it would read.
    // So do the form's validation (state/validate.ts), which only a calculation runs, and the chart (render/chart.ts,
    // with d3), which only a quote shows.
    const [schemas, validation, v2] = await Promise.all([import('../../contract/financing.js'), this.#loadValidation(),
      this.v2.started || mode === 'bill' ? this.loadV2() : undefined, this.#loadChart()]);
    const { validate } = validation;
    if (mode === 'bill') return this.#calculateBill(v2!, schemas.DiscountRequest, focusOnError);
    const checked = mode === 'loan'
      ? validate('loan', this.loan, this.context(), schemas.FinancingRequest, v2?.loanV2)
      : validate('bond', this.bond, this.context(), schemas.BondRequest);
    this.notes = checked.notes;
    if (!checked.ok) return this.#showInvalid(checked, focusOnError);
    this.#clearErrors();
    const client = this.host.resolvedClient;
    if (mode === 'loan') {
      const request = checked.request as FinancingRequest;
      this.lastRequest = request;
      this.events.change(request);
      this.#afterQuote(await this.quote.run((signal) => client.financing.quote(request, { signal })));
      // With prepayments (a v2 feature), the same loan with every prepayment reducing the payment and shortening the term.
      if (this.quote.state.status === 'ready' && v2) {
        const modes = await this.modes.run((signal) => v2.comparePrepaymentModes(client, request, { signal }));
        if (modes.status === 'error') this.events.error(modes.error);
      }
    } else {
      const request = checked.request as BondRequest;
      this.events.change(request);
      this.#afterQuote(await this.bondQuote.run((signal) => client.financing.bondQuote(request, { signal })));
    }
  }

  async #calculateBill(v2: V2Module, schema: Parameters<V2Module['validateBill']>[2], focusOnError: boolean): Promise<void> {
    const ctx = this.context();
    const locale = this.host.resolvedLocale;
    const { showLimit } = await this.#loadValidation();
    const checked = v2.validateBill(this.bill, { locale, form: ctx.form, show: (n, def) => showLimit(ctx, n, def as never) }, schema);
    this.notes = {};
    if (!checked.ok) return this.#showInvalid(checked, focusOnError);
    this.#clearErrors();
    const client = this.host.resolvedClient;
    this.events.change(checked.request);
    this.#afterQuote(await this.discount.run((signal) => client.financing.discountQuote(checked.request, { signal })));
  }

  #clearErrors(): void {
    this.errors = {};
    this.other = [];
    this.invalid = false;
  }

  /** Shows a draft's errors, focusing the first on submit. */
  async #showInvalid(checked: { errors: FieldErrors; other: string[] }, focusOnError: boolean): Promise<void> {
    this.errors = checked.errors;
    this.other = checked.other;
    this.invalid = true;
    this.announcement = this.#c.form.fixErrors(Object.keys(checked.errors).length || 1);
    this.host.requestUpdate();
    if (focusOnError) {
      await this.host.updateComplete;
      (this.host.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
    }
  }

  #afterQuote(state: TaskState<FinancingQuote | BondQuote | DiscountQuote>): void {
    if (state.status === 'ready') {
      this.events.quote(state.value);
      this.announcement = this.#t.results;
    } else if (state.status === 'error') {
      // The server may refuse what the form allowed (no LPR before the start date, say): show it at the field.
      const v2 = this.v2.value;
      const { fieldsOf, fieldLabel } = this.#validation!; // a quote follows a calculation, which loaded it
      const problems = fieldProblems(state.error);
      const form = this.#c.form;
      const mapped = this.mode === 'bill'
        ? mapProblemErrors(problems, v2!.BILL_PATHS, form, (k) => v2!.billLabel(k, this.host.resolvedLocale)) // a bill was priced: v2 is here
        : mapProblemErrors(problems, fieldsOf(this.mode, v2?.loanV2).paths, form, fieldLabel(this.context(), this.mode, v2?.loanV2));
      this.errors = mapped.fields;
      this.other = mapped.other;
      this.announcement = describeError(state.error, this.#c);
      this.events.error(state.error);
    }
    this.host.requestUpdate();
  }

  /** A draft typed or picked in the form shown: its error goes, and a select prices the request at once. */
  set(key: string, value: string): void {
    if (this.mode === 'loan') this.loan = { ...this.loan, [key]: value };
    else if (this.mode === 'bill') this.bill = { ...this.bill, [key]: value };
    else this.bond = { ...this.bond, [key]: value };
    if (this.errors[key]) {
      const { [key]: _gone, ...rest } = this.errors;
      this.errors = rest;
      if (!Object.keys(rest).length) this.other = [];
    }
    if (PRICED_ON_CHANGE.has(key) || /^pp-\d+-mode$/.test(key)) void this.calculate();
    this.host.requestUpdate();
  }

  setMode(mode: CalculatorMode): void {
    this.mode = mode;
    this.errors = {};
    this.other = [];
    this.host.requestUpdate();
    if (this.task.state.status === 'idle') void this.calculate();
  }

  /** New loan drafts from an editor of the advanced group (a row added or removed, a path cleared). */
  editLoan(next: Drafts, recalc: boolean): void {
    this.loan = next;
    this.host.requestUpdate();
    if (recalc) void this.calculate();
  }

  /** An LPR scenario from the newest fixing: a path moving `bpsPerYear` a year, repriced every anniversary. */
  scenario(v2: V2Module, latest: LprFixing | undefined, bpsPerYear: number): void {
    if (!latest) return;
    const start = this.loan['startDate'] || todayLocal();
    const term = Number(this.loan['termMonths']) || 12;
    const repricing = (this.loan['repricing'] ?? 'none') === 'none' ? 'anniversary' : this.loan['repricing']!;
    this.loan = { ...this.loan, ...v2.pathDrafts(v2.lprScenario(latest, bpsPerYear, start, term)), repricing };
    void this.calculate();
  }
}
