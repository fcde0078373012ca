// <chanrong-financing-calculator>: exact repayment schedules, the annualized rate the PBoC requires, the all-in
// cost with guarantee fees and subsidies, IP-pledge caps, and a tech-innovation bond's issuer cost with the
// risk-sharing split. The widget turns what the user typed into a contract request; the client computes.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { issueMessage, issuePath } from '../../contract/messages.js';
import { localize } from '../../contract/localize.js';
import type { BondQuote, BondRequest, FinancingQuote, FinancingRequest, IssueLike, Program, ReferenceRates, ScheduleRow } from '../../contract/index.js';
import { ChanrongValidationError } from '../../sdk/errors.js';
import { baseStyles } from '../shared/base.styles.js';
import { ChanrongElement } from '../shared/chanrong-element.js';
import { Loader } from '../shared/load-state.js';
import { calculatorStyles } from './financing-calculator.styles.js';
import { scheduleChart } from './schedule-chart.js';

type Mode = 'loan' | 'bond';
type Drafts = Record<string, string>;
interface Scenario {
  label: string;
  request: FinancingRequest;
  quote: FinancingQuote;
}

const PAGE_SIZE = 24;
const MAX_SCENARIOS = 3;
const PARTIES = ['pboc', 'local', 'enhancer'] as const;

/** Contract paths of a loan request → the form field that shows their errors. */
const LOAN_FIELDS: Record<string, string> = {
  principal: 'principal', termMonths: 'termMonths', graceMonths: 'graceMonths', repayment: 'repayment',
  'rate.annualRate': 'annualRate', 'rate.spreadBps': 'spreadBps', 'rate.baseRate': 'spreadBps', startDate: 'startDate',
  upfrontFeeRate: 'upfrontFeeRate', 'guaranteeFee.annualRate': 'guaranteeRate', 'subsidy.annualPoints': 'subsidyPoints',
  'subsidy.share': 'subsidyShare', 'ipPledge.appraisedValue': 'ipValue', 'ipPledge.pledgeRatio': 'ipRatio',
};
const BOND_FIELDS: Record<string, string> = {
  faceValue: 'faceValue', couponRate: 'couponRate', termYears: 'termYears', couponsPerYear: 'couponsPerYear',
  issuePrice: 'issuePrice', upfrontCostRate: 'upfrontCostRate', annualCostRate: 'annualCostRate', issueDate: 'issueDate',
  'riskSharing.defaultProbability': 'defaultProbability', 'riskSharing.lossGivenDefault': 'lossGivenDefault',
  'riskSharing.shares': 'share-pboc', 'riskSharing.shares.pboc': 'share-pboc', 'riskSharing.shares.local': 'share-local',
  'riskSharing.shares.enhancer': 'share-enhancer',
};

function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Percent text → fraction without binary dust (4.35 → 0.0435). */
function percentToFraction(p: number): number {
  return Number((p / 100).toPrecision(12));
}
function fractionToPercent(f: number): string {
  return String(Number((f * 100).toPrecision(12)));
}

/**
 * Prices a loan or a tech-innovation bond: schedule, annualized rate (PBoC announcement [2021] No. 3), all-in cost,
 * IP-pledge cap, issuer cost and risk-sharing split, with a chart, a paged schedule, comparison and CSV export.
 * @tag chanrong-financing-calculator
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-change - `{ request }` when a valid request is priced.
 * @fires chanrong-quote - `{ quote }` after every quote (loan or bond).
 * @fires chanrong-error - `{ error }` when the client fails.
 * @csspart base - The widget's frame.
 * @cssprop [--chanrong-chart-principal=#0b5cad] - Principal bars of the chart.
 * @cssprop [--chanrong-chart-interest=#e07b00] - Interest bars of the chart.
 * @cssprop [--chanrong-chart-balance=#5c6470] - The balance line of the chart.
 * @csspart form - The input form.
 * @csspart results - The key figures.
 * @csspart chart - The chart figure.
 * @csspart schedule - The schedule table.
 * @csspart comparison - The comparison table.
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
  /** Fixed annual rate as a fraction (0.0435); without it, the 1-year LPR plus `lpr-spread-bps`. */
  declare rate: number | undefined;
  /** Spread over the LPR in basis points. */
  declare lprSpreadBps: number | undefined;
  /** Interest-only months at the start. */
  declare graceMonths: number | undefined;
  /** A program id whose financing preset fills the form. */
  declare program: string | undefined;

  #mode: Mode = 'loan';
  #loan: Drafts = {};
  #bond: Drafts = {};
  #errors: Record<string, string> = {};
  #page = 1;
  #scenarios: Scenario[] = [];
  #notice = '';
  #announcement = '';
  #lastRequest: FinancingRequest | undefined;
  #rates = new Loader<ReferenceRates>(() => this.requestUpdate());
  #programs = new Loader<Program[]>(() => this.requestUpdate());
  #quote = new Loader<FinancingQuote>(() => this.requestUpdate());
  #bondQuote = new Loader<BondQuote>(() => this.requestUpdate());

  constructor() {
    super();
    this.#loan = {
      principal: '1000000', termMonths: '36', repayment: 'equal-installment', graceMonths: '0', rateType: 'lpr', annualRate: '3.5',
      tenor: '1y', spreadBps: '0', startDate: todayLocal(), upfrontFeeRate: '', guaranteeRate: '', subsidyType: 'none',
      subsidyPoints: '', subsidyShare: '', ipValue: '', ipRatio: '',
    };
    this.#bond = {
      faceValue: '100000000', couponRate: '2.5', termYears: '3', couponsPerYear: '1', issuePrice: '100', upfrontCostRate: '0.3',
      annualCostRate: '0.1', issueDate: todayLocal(), useRisk: '', defaultProbability: '2', lossGivenDefault: '60',
      'share-pboc': '40', 'share-local': '30', 'share-enhancer': '30',
    };
  }

  /** The request the form describes now, if it is valid. */
  get request(): FinancingRequest | undefined {
    return this.#lastRequest;
  }
  set request(request: FinancingRequest | undefined) {
    if (!request) return;
    this.#fillLoan(request);
    this.#mode = 'loan';
    if (this.hasUpdated) void this.#calculate();
  }

  /** Fills the form with a program's financing preset and prices it (used by the eligibility checker). */
  applyProgram(program: Program): void {
    if (program.financing) this.#fillLoan(program.financing);
    this.#mode = 'loan';
    this.#notice = this.t.calculator.fromProgram(localize(program.title, this.resolvedLocale));
    if (this.program !== program.id) this.program = program.id;
    if (this.hasUpdated) void this.#calculate();
  }

  #fillLoan(f: Partial<FinancingRequest>): void {
    const d = { ...this.#loan };
    if (f.principal !== undefined) d['principal'] = String(f.principal);
    if (f.termMonths !== undefined) d['termMonths'] = String(f.termMonths);
    if (f.repayment) d['repayment'] = f.repayment;
    d['graceMonths'] = String(f.graceMonths ?? 0);
    if (f.rate?.type === 'fixed') Object.assign(d, { rateType: 'fixed', annualRate: fractionToPercent(f.rate.annualRate) });
    if (f.rate?.type === 'lpr') Object.assign(d, { rateType: 'lpr', tenor: f.rate.tenor, spreadBps: String(f.rate.spreadBps) });
    if (f.startDate) d['startDate'] = f.startDate;
    d['upfrontFeeRate'] = f.upfrontFeeRate !== undefined ? fractionToPercent(f.upfrontFeeRate) : '';
    d['guaranteeRate'] = f.guaranteeFee ? fractionToPercent(f.guaranteeFee.annualRate) : '';
    d['subsidyType'] = f.subsidy?.type ?? 'none';
    d['subsidyPoints'] = f.subsidy?.type === 'rate-points' ? fractionToPercent(f.subsidy.annualPoints) : '';
    d['subsidyShare'] = f.subsidy?.type === 'share-of-interest' ? fractionToPercent(f.subsidy.share) : '';
    if (f.ipPledge) Object.assign(d, { ipValue: String(f.ipPledge.appraisedValue), ipRatio: fractionToPercent(f.ipPledge.pledgeRatio) });
    this.#loan = d;
    this.#errors = {};
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const d = { ...this.#loan };
    let touched = false;
    const set = (key: string, value: string) => { d[key] = value; touched = true; };
    if (changed.has('principal') && this.principal !== undefined) set('principal', String(this.principal));
    if (changed.has('termMonths') && this.termMonths !== undefined) set('termMonths', String(this.termMonths));
    if (changed.has('repayment') && this.repayment) set('repayment', this.repayment);
    if (changed.has('graceMonths') && this.graceMonths !== undefined) set('graceMonths', String(this.graceMonths));
    if (changed.has('rate') && this.rate !== undefined) { set('rateType', 'fixed'); set('annualRate', fractionToPercent(this.rate)); }
    if (changed.has('lprSpreadBps') && this.lprSpreadBps !== undefined && this.rate === undefined) { set('rateType', 'lpr'); set('spreadBps', String(this.lprSpreadBps)); }
    if (touched) this.#loan = d;
    if (this.hasUpdated && touched) void this.#calculate();
    if (this.hasUpdated && changed.has('program') && this.program && changed.get('program') !== undefined) void this.#applyProgramId(this.program);
  }

  protected clientChanged(): void {
    void this.#start();
  }

  async #start(): Promise<void> {
    const client = this.resolvedClient;
    await Promise.all([
      this.#rates.load((signal) => client.referenceRates.list({ signal })),
      this.#programs.load(async (signal) => (await client.programs.list({}, { signal })).programs.filter((p) => p.financing)),
    ]);
    for (const state of [this.#rates.state, this.#programs.state]) if (state.status === 'error') this.reportError(state.error);
    if (this.program) await this.#applyProgramId(this.program);
    await this.#calculate();
    await this.markReady();
  }

  async #applyProgramId(id: string): Promise<void> {
    const program = this.#programs.previous?.find((p) => p.id === id);
    if (program) this.applyProgram(program);
  }

  // ---- building requests -------------------------------------------------------------------------------------

  #number(drafts: Drafts, key: string, errors: Record<string, string>, optional = false): number | undefined {
    const text = (drafts[key] ?? '').trim().replace(/[,，\s]/g, '');
    if (!text) {
      if (!optional) errors[key] = this.t.calculator.required;
      return undefined;
    }
    const n = Number(text);
    if (!Number.isFinite(n)) {
      errors[key] = this.t.calculator.notNumber;
      return undefined;
    }
    return n;
  }

  /** Maps contract issues to the form's fields, in the widget's language. */
  #schemaErrors(issues: readonly IssueLike[], fields: Record<string, string>, errors: Record<string, string>): void {
    for (const issue of issues) {
      const path = issuePath(issue.path);
      const field = fields[path] ?? fields[path.split('.').slice(0, 2).join('.')] ?? fields[path.split('.')[0]!];
      if (field && !errors[field]) errors[field] = issueMessage(issue, this.resolvedLocale);
    }
  }

  /** The contract's schemas, loaded with the first calculation (they carry zod, which the first paint does not need). */
  #schemas(): Promise<typeof import('../../contract/financing.js')> {
    return import('../../contract/financing.js');
  }

  async #buildLoan(): Promise<{ request?: FinancingRequest; errors: Record<string, string> }> {
    const { FinancingRequest: FinancingRequestSchema } = await this.#schemas();
    const d = this.#loan;
    const errors: Record<string, string> = {};
    const principal = this.#number(d, 'principal', errors);
    const termMonths = this.#number(d, 'termMonths', errors);
    const graceMonths = this.#number(d, 'graceMonths', errors, true) ?? 0;
    const rate = d['rateType'] === 'fixed'
      ? { type: 'fixed' as const, annualRate: percentToFraction(this.#number(d, 'annualRate', errors) ?? NaN) }
      : { type: 'lpr' as const, tenor: (d['tenor'] === '5y' ? '5y' : '1y') as '1y' | '5y', spreadBps: this.#number(d, 'spreadBps', errors) ?? NaN };
    const candidate: Record<string, unknown> = {
      principal, termMonths, repayment: d['repayment'], graceMonths, rate, startDate: d['startDate'],
    };
    const upfront = this.#number(d, 'upfrontFeeRate', errors, true);
    if (upfront !== undefined) candidate['upfrontFeeRate'] = percentToFraction(upfront);
    const guarantee = this.#number(d, 'guaranteeRate', errors, true);
    if (guarantee !== undefined) candidate['guaranteeFee'] = { annualRate: percentToFraction(guarantee) };
    if (d['subsidyType'] === 'rate-points') candidate['subsidy'] = { type: 'rate-points', annualPoints: percentToFraction(this.#number(d, 'subsidyPoints', errors) ?? NaN) };
    if (d['subsidyType'] === 'share-of-interest') candidate['subsidy'] = { type: 'share-of-interest', share: percentToFraction(this.#number(d, 'subsidyShare', errors) ?? NaN) };
    const ipValue = this.#number(d, 'ipValue', errors, true);
    const ipRatio = this.#number(d, 'ipRatio', errors, ipValue === undefined);
    if (ipValue !== undefined) candidate['ipPledge'] = { appraisedValue: ipValue, pledgeRatio: percentToFraction(ipRatio ?? NaN) };
    const parsed = FinancingRequestSchema.safeParse(candidate, { reportInput: true });
    if (!parsed.success) this.#schemaErrors(parsed.error.issues as IssueLike[], LOAN_FIELDS, errors);
    return Object.keys(errors).length || !parsed.success ? { errors } : { request: parsed.data, errors };
  }

  async #buildBond(): Promise<{ request?: BondRequest; errors: Record<string, string> }> {
    const { BondRequest: BondRequestSchema } = await this.#schemas();
    const d = this.#bond;
    const errors: Record<string, string> = {};
    const candidate: Record<string, unknown> = {
      faceValue: this.#number(d, 'faceValue', errors),
      couponRate: percentToFraction(this.#number(d, 'couponRate', errors) ?? NaN),
      termYears: this.#number(d, 'termYears', errors),
      couponsPerYear: Number(d['couponsPerYear']),
      issueDate: d['issueDate'],
    };
    const price = this.#number(d, 'issuePrice', errors, true);
    if (price !== undefined) candidate['issuePrice'] = price;
    const up = this.#number(d, 'upfrontCostRate', errors, true);
    if (up !== undefined) candidate['upfrontCostRate'] = percentToFraction(up);
    const annual = this.#number(d, 'annualCostRate', errors, true);
    if (annual !== undefined) candidate['annualCostRate'] = percentToFraction(annual);
    if (d['useRisk']) {
      candidate['riskSharing'] = {
        defaultProbability: percentToFraction(this.#number(d, 'defaultProbability', errors) ?? NaN),
        lossGivenDefault: percentToFraction(this.#number(d, 'lossGivenDefault', errors) ?? NaN),
        shares: Object.fromEntries(PARTIES.map((p) => [p, percentToFraction(this.#number(d, `share-${p}`, errors) ?? NaN)])),
      };
    }
    const parsed = BondRequestSchema.safeParse(candidate, { reportInput: true });
    if (!parsed.success) this.#schemaErrors(parsed.error.issues as IssueLike[], BOND_FIELDS, errors);
    return Object.keys(errors).length || !parsed.success ? { errors } : { request: parsed.data, errors };
  }

  async #calculate(focusOnError = false): Promise<void> {
    const t = this.t.calculator;
    const built = this.#mode === 'loan' ? await this.#buildLoan() : await this.#buildBond();
    this.#errors = built.errors;
    if (!built.request) {
      const n = Object.keys(built.errors).length;
      this.#announcement = t.fixErrors(n);
      this.requestUpdate();
      if (focusOnError) {
        await this.updateComplete;
        (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      }
      return;
    }
    const client = this.resolvedClient;
    if (this.#mode === 'loan') {
      const request = built.request as FinancingRequest;
      this.#lastRequest = request;
      this.emit('chanrong-change', { request });
      const state = await this.#quote.load((signal) => client.financing.quote(request, { signal }));
      this.#afterQuote(state, LOAN_FIELDS);
      if (state.status === 'ready') this.#page = Math.min(this.#page, Math.max(1, Math.ceil(state.value.schedule.length / PAGE_SIZE)));
    } else {
      const request = built.request as BondRequest;
      this.emit('chanrong-change', { request });
      const state = await this.#bondQuote.load((signal) => client.financing.bondQuote(request, { signal }));
      this.#afterQuote(state, BOND_FIELDS);
    }
  }

  #afterQuote(state: { status: string; value?: unknown; error?: unknown }, fields: Record<string, string>): void {
    if (state.status === 'ready') {
      this.emit('chanrong-quote', { quote: state.value });
      this.#announcement = this.t.calculator.results;
    } else if (state.status === 'error') {
      // The server may refuse what the form allowed (no LPR before the start date, say): show it at the field.
      if (state.error instanceof ChanrongValidationError) {
        const errors: Record<string, string> = {};
        for (const e of state.error.errors) {
          const field = fields[e.path];
          if (field) errors[field] = e.message;
        }
        this.#errors = errors;
      }
      this.reportError(state.error);
    }
    this.requestUpdate();
  }

  #set(drafts: 'loan' | 'bond', key: string, value: string): void {
    if (drafts === 'loan') this.#loan = { ...this.#loan, [key]: value };
    else this.#bond = { ...this.#bond, [key]: value };
    if (this.#errors[key]) {
      const { [key]: _gone, ...rest } = this.#errors;
      this.#errors = rest;
    }
    this.requestUpdate();
  }

  #setMode(mode: Mode): void {
    this.#mode = mode;
    this.#errors = {};
    this.requestUpdate();
    if ((mode === 'bond' ? this.#bondQuote : this.#quote).state.status === 'idle') void this.#calculate();
  }

  // ---- comparison and export ---------------------------------------------------------------------------------

  #addScenario(): void {
    const quote = this.#quote.state.status === 'ready' ? this.#quote.state.value : undefined;
    if (!quote || !this.#lastRequest || this.#scenarios.length >= MAX_SCENARIOS) return;
    const n = this.#scenarios.length + 1;
    this.#scenarios = [...this.#scenarios, { label: this.t.calculator.scenario(n), request: this.#lastRequest, quote }];
    this.requestUpdate();
  }

  #removeScenario(i: number): void {
    this.#scenarios = this.#scenarios.filter((_, j) => j !== i).map((s, j) => ({ ...s, label: this.t.calculator.scenario(j + 1) }));
    this.requestUpdate();
  }

  #download(name: string, rows: (string | number)[][]): void {
    const csv = rows.map((r) => r.map((c) => {
      const s = String(c);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    }).join(',')).join('\r\n');
    // A BOM so spreadsheet programs read the Chinese headers as UTF-8.
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** The schedule as CSV rows (header first), in the widget's language. */
  scheduleCsv(): (string | number)[][] {
    const t = this.t.calculator;
    const quote = this.#quote.previous;
    if (!quote) return [];
    return [
      [t.period, t.date, t.opening, t.interest, t.principalPart, t.payment, t.guaranteeFee, t.subsidy, t.closing],
      ...quote.schedule.map((r) => [r.period, r.date, r.openingBalance.toFixed(2), r.interest.toFixed(2), r.principal.toFixed(2),
        r.payment.toFixed(2), r.guaranteeFee.toFixed(2), r.subsidy.toFixed(2), r.closingBalance.toFixed(2)]),
    ];
  }

  /** The comparison as CSV rows: one column per scenario. */
  comparisonCsv(): (string | number)[][] {
    const t = this.t.calculator;
    const rows = this.#comparisonRows();
    return [['', ...this.#scenarios.map((s) => s.label)], ...rows.map(([label, values]) => [label, ...values.map((v) => v.csv)])];
  }

  // ---- formatting --------------------------------------------------------------------------------------------

  #money(n: number): string {
    return new Intl.NumberFormat(this.resolvedLocale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  }
  #plain(n: number): string {
    return new Intl.NumberFormat(this.resolvedLocale, { maximumFractionDigits: 0 }).format(n);
  }
  #percent(rate: number, digits = 2): string {
    return new Intl.NumberFormat(this.resolvedLocale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rate);
  }

  #comparisonRows(): [string, { text: string; csv: string }[]][] {
    const t = this.t.calculator;
    const money = (n: number) => ({ text: this.#money(n), csv: n.toFixed(2) });
    const pct = (n: number) => ({ text: this.#percent(n, 3), csv: n.toFixed(6) });
    return [
      [t.principal, this.#scenarios.map((s) => money(s.request.principal))],
      [t.termMonths, this.#scenarios.map((s) => ({ text: `${s.request.termMonths} ${t.units.months}`, csv: String(s.request.termMonths) }))],
      [t.repayment, this.#scenarios.map((s) => ({ text: t.repayments[s.request.repayment], csv: t.repayments[s.request.repayment] }))],
      [t.firstPayment, this.#scenarios.map((s) => money(s.quote.schedule[0]?.payment ?? 0))],
      [t.totalInterest, this.#scenarios.map((s) => money(s.quote.totals.interest))],
      [t.nominalRate, this.#scenarios.map((s) => pct(s.quote.annualRate))],
      [t.annualizedRate, this.#scenarios.map((s) => pct(s.quote.annualizedRate))],
      [t.effectiveRate, this.#scenarios.map((s) => pct(s.quote.effectiveAnnualRate))],
      [t.allInCost, this.#scenarios.map((s) => pct(s.quote.allInCost))],
    ];
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  protected override render() {
    const t = this.t.calculator;
    const busy = this.#quote.state.status === 'loading' || this.#bondQuote.state.status === 'loading';
    return html`<section part="base" lang=${this.resolvedLocale} aria-labelledby="title" class="stack" aria-busy=${busy ? 'true' : 'false'}>
      <h2 id="title">${t.title}</h2>
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
      ${this.#renderRates()}
      <fieldset class="mode no-print">
        <legend>${t.mode}</legend>
        ${(['loan', 'bond'] as const).map((m) => html`<label><input type="radio" name="mode" .checked=${this.#mode === m}
          @change=${() => this.#setMode(m)}> ${m === 'loan' ? t.modeLoan : t.modeBond}</label>`)}
      </fieldset>
      ${this.#notice && this.#mode === 'loan' ? html`<p class="notice">${this.#notice}</p>` : nothing}
      ${this.#mode === 'loan' ? this.#renderLoanForm() : this.#renderBondForm()}
      ${this.#mode === 'loan' ? this.#renderLoanResults() : this.#renderBondResults()}
    </section>`;
  }

  #renderRates() {
    const t = this.t.calculator;
    const state = this.#rates.state;
    if (state.status !== 'ready') return state.status === 'error' ? html`<p class="error" role="alert">${this.describeError(state.error)}</p>` : nothing;
    const latest = state.value.lpr[0]!;
    return html`<section class="lpr">
      <h3 id="lpr">${t.lprTitle}</h3>
      <dl class="rates" part="rates">
        <div class="rate"><dt>${t.lprOneYear}</dt><dd data-lpr="1y">${this.#percent(latest.oneYear)}</dd></div>
        <div class="rate"><dt>${t.lprFiveYear}</dt><dd data-lpr="5y">${this.#percent(latest.fiveYear)}</dd></div>
      </dl>
      <p class="muted">${t.lprDate(latest.date)}</p>
      ${state.value.checkedOn ? html`<p class="muted" data-lpr-checked=${state.value.checkedOn}>${t.lprChecked(state.value.checkedOn)}</p>` : nothing}
    </section>`;
  }

  /** A labelled text field with unit, help and error wired for assistive technology. */
  #field(drafts: 'loan' | 'bond', key: string, label: string, unit = '', opts: { type?: string; help?: string; inputmode?: string } = {}): TemplateResult {
    const value = (drafts === 'loan' ? this.#loan : this.#bond)[key] ?? '';
    const error = this.#errors[key];
    const id = `f-${key}`;
    const described = [opts.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<div class="field" data-field=${key}>
      <label for=${id}>${label}</label>
      <span class="with-unit">
        <input id=${id} type=${opts.type ?? 'text'} inputmode=${opts.type === 'date' ? nothing : (opts.inputmode ?? 'decimal')} .value=${value}
          autocomplete="off" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}
          @input=${(e: Event) => this.#set(drafts, key, (e.target as HTMLInputElement).value)}>
        ${unit ? html`<span class="unit">${unit}</span>` : nothing}
      </span>
      ${opts.help ? html`<span class="help" id=${`${id}-help`}>${opts.help}</span>` : nothing}
      ${error ? html`<span class="field-error" id=${`${id}-error`}>${label}${this.t.common.colon}${error}</span>` : nothing}
    </div>`;
  }

  #select(drafts: 'loan' | 'bond', key: string, label: string, options: [string, string][]): TemplateResult {
    const value = (drafts === 'loan' ? this.#loan : this.#bond)[key] ?? '';
    const id = `f-${key}`;
    return html`<div class="field" data-field=${key}>
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => this.#set(drafts, key, (e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  #submit(e: Event): void {
    e.preventDefault();
    void this.#calculate(true);
  }

  #renderLoanForm() {
    const t = this.t.calculator;
    const d = this.#loan;
    const u = t.units;
    const rates = this.#rates.previous;
    let lprNote = '';
    if (d['rateType'] === 'lpr' && rates && d['startDate']) {
      const fixing = rates.lpr.find((f) => f.date <= d['startDate']!);
      if (fixing) lprNote = t.baseRateNote(this.#percent(d['tenor'] === '5y' ? fixing.fiveYear : fixing.oneYear), fixing.date);
    }
    return html`<form part="form" novalidate @submit=${(e: Event) => this.#submit(e)} class="stack no-print">
      ${this.#renderPresets()}
      <fieldset><legend>${t.loanTerms}</legend><div class="grid">
        ${this.#field('loan', 'principal', t.principal, u.yuan)}
        ${this.#field('loan', 'termMonths', t.termMonths, u.months, { inputmode: 'numeric' })}
        ${this.#select('loan', 'repayment', t.repayment, Object.entries(t.repayments))}
        ${this.#field('loan', 'graceMonths', t.graceMonths, u.months, { inputmode: 'numeric' })}
        ${this.#select('loan', 'rateType', t.rateType, [['lpr', t.rateLpr], ['fixed', t.rateFixed]])}
        ${d['rateType'] === 'fixed'
          ? this.#field('loan', 'annualRate', t.annualRate, u.percent)
          : html`${this.#select('loan', 'tenor', t.tenor, Object.entries(t.tenors))}
              ${this.#field('loan', 'spreadBps', t.spreadBps, u.bps, { inputmode: 'numeric', ...(lprNote ? { help: lprNote } : {}) })}`}
        ${this.#field('loan', 'startDate', t.startDate, '', { type: 'date' })}
      </div></fieldset>
      <fieldset><legend>${t.costs}</legend><div class="grid">
        ${this.#field('loan', 'upfrontFeeRate', t.upfrontFeeRate, u.percent)}
        ${this.#field('loan', 'guaranteeRate', t.guaranteeRate, u.percent)}
        ${this.#select('loan', 'subsidyType', t.subsidyType, Object.entries(t.subsidies))}
        ${d['subsidyType'] === 'rate-points' ? this.#field('loan', 'subsidyPoints', t.subsidyPoints, u.percent) : nothing}
        ${d['subsidyType'] === 'share-of-interest' ? this.#field('loan', 'subsidyShare', t.subsidyShare, u.percent) : nothing}
      </div></fieldset>
      <fieldset><legend>${t.ipTitle}</legend><div class="grid">
        ${this.#field('loan', 'ipValue', t.ipValue, u.yuan)}
        ${this.#field('loan', 'ipRatio', t.ipRatio, u.percent)}
      </div></fieldset>
      <div class="actions"><button type="submit">${t.calculate}</button></div>
    </form>`;
  }

  #renderPresets() {
    const programs = this.#programs.previous ?? [];
    if (!programs.length) return nothing;
    const t = this.t.calculator;
    const l = this.resolvedLocale;
    return html`<div class="field">
      <label for="f-program">${t.presetsTitle}</label>
      <select id="f-program" @change=${(e: Event) => {
        const id = (e.target as HTMLSelectElement).value;
        const program = programs.find((p) => p.id === id);
        if (program) this.applyProgram(program);
      }}>
        <option value="">${this.t.checker.choose}</option>
        ${programs.map((p) => html`<option value=${p.id} ?selected=${p.id === this.program} data-program=${p.id}>${localize(p.title, l)}</option>`)}
      </select>
    </div>`;
  }

  #renderLoanResults() {
    const t = this.t.calculator;
    const state = this.#quote.state;
    const quote = state.status === 'ready' ? state.value : this.#quote.previous;
    return html`
      ${state.status === 'error' ? html`<div role="alert" class="error"><p>${this.describeError(state.error)}</p></div>` : nothing}
      ${quote ? html`
        <section class="stack" part="results">
          <h3 id="results">${t.results}</h3>
          ${quote.warnings.map((w) => html`<p class="warning" role="note" data-warning=${w.code}>${localize(w.message, this.resolvedLocale)}</p>`)}
          <dl class="figures">
            ${this.#figure(t.firstPayment, this.#money(quote.schedule[0]?.payment ?? 0), 'first-payment')}
            ${this.#figure(t.totalInterest, this.#money(quote.totals.interest), 'total-interest')}
            ${this.#figure(t.totalPayment, this.#money(quote.totals.payment), 'total-payment')}
            ${this.#figure(t.netAmount, this.#money(quote.disbursement.netAmount), 'net-amount')}
            ${this.#figure(t.nominalRate, this.#percent(quote.annualRate, 3), 'annual-rate')}
            ${this.#figure(t.annualizedRate, this.#percent(quote.annualizedRate, 3), 'annualized-rate', t.annualizedNote)}
            ${this.#figure(t.effectiveRate, this.#percent(quote.effectiveAnnualRate, 3), 'effective-rate')}
            ${this.#figure(t.allInCost, this.#percent(quote.allInCost, 3), 'all-in-cost', t.allInNote)}
            ${quote.limits ? this.#figure(t.maxPrincipal, this.#money(quote.limits.maxPrincipal), 'max-principal') : nothing}
          </dl>
          <div class="actions no-print">
            <button type="button" class="secondary" @click=${() => this.#addScenario()} ?disabled=${this.#scenarios.length >= MAX_SCENARIOS}
              aria-describedby=${this.#scenarios.length >= MAX_SCENARIOS ? 'compare-full' : nothing}>${t.compare}</button>
            ${this.#scenarios.length >= MAX_SCENARIOS ? html`<span id="compare-full" class="muted">${t.compareFull}</span>` : nothing}
            <button type="button" class="secondary" @click=${() => this.#download('schedule.csv', this.scheduleCsv())}>${t.exportSchedule}</button>
            <button type="button" class="secondary" @click=${() => window.print()}>${t.print}</button>
          </div>
        </section>
        ${this.#renderComparison()}
        ${this.#renderChart(quote.schedule)}
        ${this.#renderSchedule(quote.schedule)}` : nothing}`;
  }

  #figure(label: string, value: string, key: string, note?: string) {
    return html`<div class="figure" data-figure=${key}><dt>${label}</dt><dd>${value}</dd>${note ? html`<dd class="note">${note}</dd>` : nothing}</div>`;
  }

  #renderComparison() {
    if (!this.#scenarios.length) return nothing;
    const t = this.t.calculator;
    return html`<section class="stack" part="comparison">
      <h3 id="compare">${t.compareTitle}</h3>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare"><table>
        <thead><tr><td></td>${this.#scenarios.map((s, i) => html`<th scope="col">${s.label}
          <button type="button" class="link no-print" aria-label=${`${t.remove}: ${s.label}`} @click=${() => this.#removeScenario(i)}>${t.remove}</button></th>`)}</tr></thead>
        <tbody>${this.#comparisonRows().map(([label, values]) => html`<tr><th scope="row">${label}</th>${values.map((v) => html`<td>${v.text}</td>`)}</tr>`)}</tbody>
      </table></div>
      <div class="actions no-print"><button type="button" class="secondary" @click=${() => this.#download('comparison.csv', this.comparisonCsv())}>${t.exportCompare}</button></div>
    </section>`;
  }

  #renderChart(rows: ScheduleRow[]) {
    const t = this.t.calculator;
    const years = new Map<number, { principal: number; interest: number; closing: number }>();
    for (const r of rows) {
      const y = Math.ceil(r.period / 12);
      const acc = years.get(y) ?? { principal: 0, interest: 0, closing: 0 };
      acc.principal += Math.round(r.principal * 100);
      acc.interest += Math.round(r.interest * 100);
      acc.closing = r.closingBalance;
      years.set(y, acc);
    }
    const compact = (n: number) => new Intl.NumberFormat(this.resolvedLocale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
    return html`<figure class="chart-figure" part="chart" aria-labelledby="chart-title">
      <figcaption id="chart-title">${t.chartTitle}
        <span class="legend"><span class="key principal"></span>${t.principalPart} <span class="key interest"></span>${t.interest} <span class="key balance"></span>${t.closing}</span>
      </figcaption>
      ${scheduleChart(rows, compact)}
      <div class="table-wrap" tabindex="0" role="region" aria-label=${t.chartTable}><table>
        <caption>${t.chartTable}</caption>
        <thead><tr><th scope="col">${t.year}</th><th scope="col">${t.principalPart}</th><th scope="col">${t.interest}</th><th scope="col">${t.closing}</th></tr></thead>
        <tbody>${[...years].map(([y, v]) => html`<tr><th scope="row">${y}</th><td>${this.#money(v.principal / 100)}</td><td>${this.#money(v.interest / 100)}</td><td>${this.#money(v.closing)}</td></tr>`)}</tbody>
      </table></div>
    </figure>`;
  }

  #renderSchedule(rows: ScheduleRow[]) {
    const t = this.t.calculator;
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    const page = Math.min(this.#page, pages);
    const slice = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const go = async (p: number) => {
      this.#page = p;
      this.requestUpdate();
      await this.updateComplete;
      (this.renderRoot.querySelector('#schedule-status') as HTMLElement | null)?.focus();
    };
    const money = (n: number) => new Intl.NumberFormat(this.resolvedLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
    return html`<section class="stack" part="schedule">
      <h3 id="schedule">${t.scheduleTitle}</h3>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="schedule"><table class="schedule">
        <thead><tr>${[t.period, t.date, t.opening, t.interest, t.principalPart, t.payment, t.guaranteeFee, t.subsidy, t.closing].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${slice.map((r) => html`<tr><th scope="row">${r.period}</th><td>${r.date}</td><td>${money(r.openingBalance)}</td><td>${money(r.interest)}</td>
          <td>${money(r.principal)}</td><td>${money(r.payment)}</td><td>${money(r.guaranteeFee)}</td><td>${money(r.subsidy)}</td><td>${money(r.closingBalance)}</td></tr>`)}</tbody>
      </table></div>
      ${pages > 1 ? html`<div class="pager no-print">
        <button type="button" class="secondary" ?disabled=${page <= 1} @click=${() => go(page - 1)}>${t.prev}</button>
        <span id="schedule-status" tabindex="-1" aria-live="polite">${t.pageOf(page, pages)}</span>
        <button type="button" class="secondary" ?disabled=${page >= pages} @click=${() => go(page + 1)}>${t.next}</button>
      </div>` : nothing}
    </section>`;
  }

  #renderBondForm() {
    const t = this.t.calculator;
    const u = t.units;
    return html`<form part="form" novalidate @submit=${(e: Event) => this.#submit(e)} class="stack no-print">
      <fieldset><legend>${t.bondTerms}</legend><div class="grid">
        ${this.#field('bond', 'faceValue', t.faceValue, u.yuan)}
        ${this.#field('bond', 'couponRate', t.couponRate, u.percent)}
        ${this.#field('bond', 'termYears', t.termYears, u.years, { inputmode: 'numeric' })}
        ${this.#select('bond', 'couponsPerYear', t.couponsPerYear, Object.entries(t.frequencies) as [string, string][])}
        ${this.#field('bond', 'issuePrice', t.issuePrice, u.yuan)}
        ${this.#field('bond', 'upfrontCostRate', t.upfrontCostRate, u.percent)}
        ${this.#field('bond', 'annualCostRate', t.annualCostRate, u.percent)}
        ${this.#field('bond', 'issueDate', t.issueDate, '', { type: 'date' })}
      </div></fieldset>
      <fieldset><legend>${t.riskTitle}</legend>
        <label><input type="checkbox" .checked=${!!this.#bond['useRisk']} @change=${(e: Event) => this.#set('bond', 'useRisk', (e.target as HTMLInputElement).checked ? '1' : '')}> ${t.useRisk}</label>
        ${this.#bond['useRisk'] ? html`<div class="grid">
          ${this.#field('bond', 'defaultProbability', t.defaultProbability, u.percent)}
          ${this.#field('bond', 'lossGivenDefault', t.lossGivenDefault, u.percent)}
          ${PARTIES.map((p) => this.#field('bond', `share-${p}`, `${t.shares} · ${t.parties[p]}`, u.percent))}
        </div>` : nothing}
      </fieldset>
      <div class="actions"><button type="submit">${t.calculate}</button></div>
    </form>`;
  }

  #renderBondResults() {
    const t = this.t.calculator;
    const state = this.#bondQuote.state;
    const quote = state.status === 'ready' ? state.value : this.#bondQuote.previous;
    const money = (n: number) => this.#money(n);
    return html`
      ${state.status === 'error' ? html`<div role="alert" class="error"><p>${this.describeError(state.error)}</p></div>` : nothing}
      ${quote ? html`<section class="stack" part="results">
        <h3 id="bond-results">${t.results}</h3>
        <dl class="figures">
          ${this.#figure(t.issuerCost, this.#percent(quote.issuerCost, 3), 'issuer-cost')}
          ${quote.riskSharing ? this.#figure(t.expectedLoss, money(quote.riskSharing.expectedLoss), 'expected-loss') : nothing}
          ${quote.riskSharing ? Object.entries(quote.riskSharing.byParty).map(([party, amount]) =>
            this.#figure(t.parties[party as keyof typeof t.parties] ?? party, money(amount), `party-${party}`)) : nothing}
        </dl>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${t.cashFlows}><table>
          <caption>${t.cashFlows}</caption>
          <thead><tr>${[t.period, t.date, t.coupon, t.cost, t.principalPart, t.net].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
          <tbody>${quote.cashFlows.map((c) => html`<tr><th scope="row">${c.period}</th><td>${c.date}</td><td>${money(c.coupon)}</td><td>${money(c.cost)}</td><td>${money(c.principal)}</td><td>${money(c.net)}</td></tr>`)}</tbody>
        </table></div>
      </section>` : nothing}`;
  }
}
