// The loan form: program presets, terms, costs and subsidy, IP pledge.
import { html, nothing, type TemplateResult } from 'lit';
import { localize, type Program, type ReferenceRates } from '../../../contract/index.js';
import { field, selectInput } from '../../core/form/field.js';
import { LOAN_FIELDS } from '../state/fields.js';
import { advancedInUse } from '../state/v2-defaults.js';
import { dateField, numberField, selectField } from './fields.js';
import type { CalculatorView } from './view.js';

export interface LoanFormProps {
  rates: ReferenceRates | undefined;
  programs: readonly Program[];
  program: string | undefined;
  onProgram(program: Program): void;
  onSubmit(e: Event): void;
  /** The inside of the "advanced" group (advanced.ts: frequency, day count, repricing and its LPR path, fee bases,
   * prepayments), or undefined until the v2 chunk that draws it has loaded. */
  advanced: TemplateResult | undefined;
  /** The group was opened: the first use of a v2 feature, which fetches the v2 chunk. */
  onOpenAdvanced(): void;
}

export function renderLoanForm(v: CalculatorView, p: LoanFormProps): TemplateResult {
  const t = v.t;
  const d = v.drafts;
  const n = (key: string, help?: string) => numberField(v, key, LOAN_FIELDS[key]!, undefined, help);
  let lprNote: string | undefined;
  if (d['rateType'] === 'lpr' && p.rates && d['startDate']) {
    const fixing = p.rates.lpr.find((f) => f.date <= d['startDate']!);
    if (fixing) lprNote = t.baseRateNote(v.fmt.percent(d['tenor'] === '5y' ? fixing.fiveYear : fixing.oneYear), fixing.date);
  }
  return html`<form part="form" novalidate @submit=${p.onSubmit} class="stack no-print">
    ${p.programs.length ? field({
      id: 'f-program', key: 'program', label: t.presetsTitle,
      control: (ids) => selectInput(ids, p.program ?? '', p.programs.map((x) => [x.id, localize(x.title, v.locale)] as const), (id) => {
        const program = p.programs.find((x) => x.id === id);
        if (program) p.onProgram(program);
      }, { placeholder: v.c.choose }),
    }) : nothing}
    <fieldset><legend>${t.loanTerms}</legend><div class="grid">
      ${n('principal')}
      ${n('termMonths')}
      ${selectField(v, 'repayment', t.repayment, Object.entries(t.repayments))}
      ${n('graceMonths')}
      ${selectField(v, 'rateType', t.rateType, [['lpr', t.rateLpr], ['fixed', t.rateFixed]])}
      ${d['rateType'] === 'fixed' ? n('annualRate') : html`${selectField(v, 'tenor', t.tenor, Object.entries(t.tenors))}${n('spreadBps', lprNote)}`}
      ${dateField(v, 'startDate', t.startDate)}
    </div></fieldset>
    <fieldset><legend>${t.costs}</legend><div class="grid">
      ${n('upfrontFeeRate')}
      ${n('guaranteeRate')}
      ${selectField(v, 'subsidyType', t.subsidyType, Object.entries(t.subsidies))}
      ${d['subsidyType'] === 'rate-points' ? n('subsidyPoints') : nothing}
      ${d['subsidyType'] === 'share-of-interest' ? n('subsidyShare') : nothing}
    </div></fieldset>
    <fieldset><legend>${t.ipTitle}</legend><div class="grid">
      ${n('ipValue')}
      ${n('ipRatio')}
    </div></fieldset>
    <details class="advanced" data-group="advanced" ?open=${advancedInUse(d)}
      @toggle=${(e: Event) => { if ((e.target as HTMLDetailsElement).open) p.onOpenAdvanced(); }}>
      <summary>${t.advancedTitle}</summary>
      ${p.advanced ?? html`<p class="muted" role="status">${v.c.loading}</p>`}
    </details>
    <div class="actions"><button type="submit">${t.calculate}</button></div>
  </form>`;
}
