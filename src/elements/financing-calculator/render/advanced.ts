// The loan form's "advanced" group (contract v2): payment frequency, day count, LPR repricing with a path editor and
// one-click scenarios, guarantee basis and coverage, subsidy duration and timing, and prepayment rows. This is the
// inside of the group: its closed <details> and title are drawn by loan-form.ts (eager), and opening it fetches
// the v2 chunk that carries this module. It opens by itself when a preset or a request uses it.
import { html, nothing, type TemplateResult } from 'lit';
import type { LprFixing } from '../../../contract/index.js';
import { field, selectInput, textInput } from '../../core/form/field.js';
import type { CalculatorV2Messages } from '../../messages/calculator-v2.js';
import { V2_DEFAULTS, v2Def, v2Label, MAX_PATH_ROWS, MAX_PREPAYMENT_ROWS } from '../state/v2-builder.js';
import type { CalculatorView } from './view.js';

export interface AdvancedProps {
  t2: CalculatorV2Messages;
  /** The newest published fixing, the start of a scenario. */
  latest: LprFixing | undefined;
  onScenario(bpsPerYear: number): void;
  onAddRow(kind: 'path' | 'pp'): void;
  onRemoveRow(kind: 'path' | 'pp', i: number): void;
  onClearPath(): void;
}

function select(v: CalculatorView, key: string, label: string, options: Record<string, string>): TemplateResult {
  return field({
    id: `f-${key}`, key, label, error: v.errors[key],
    control: (ids) => selectInput(ids, v.drafts[key] ?? V2_DEFAULTS[key] ?? '', Object.entries(options), (value) => v.set(key, value)),
  });
}

function text(v: CalculatorView, key: string, label: string, opts: { date?: boolean; unit?: string } = {}): TemplateResult {
  const def = v2Def(key);
  return field({
    id: `f-${key}`, key, label, error: v.errors[key], unit: opts.unit,
    control: (ids) => textInput(ids, v.drafts[key] ?? V2_DEFAULTS[key] ?? '', (value) => v.set(key, value),
      opts.date ? { type: 'date' } : { inputmode: def?.inputmode ?? 'decimal' }),
  });
}

export function renderAdvanced(v: CalculatorView, p: AdvancedProps): TemplateResult {
  const t2 = p.t2;
  const d = v.drafts;
  const pct = v.t.units.percent;
  const lpr = d['rateType'] !== 'fixed';
  const pathRows = Math.min(MAX_PATH_ROWS, Number(d['pathRows'] ?? 0) || 0);
  const ppRows = Math.min(MAX_PREPAYMENT_ROWS, Number(d['prepaymentRows'] ?? 0) || 0);
  const hasGuarantee = !!(d['guaranteeRate'] ?? '').trim();
  const hasSubsidy = (d['subsidyType'] ?? 'none') !== 'none';
  return html`<p class="muted">${t2.advancedHint}</p>
    <div class="grid">
      ${select(v, 'frequency', t2.frequency, t2.frequencies)}
      ${select(v, 'dayCount', t2.dayCount, t2.dayCounts)}
      ${lpr ? select(v, 'repricing', t2.repricing, t2.repricings) : nothing}
      ${hasGuarantee ? html`${select(v, 'guaranteeBasis', t2.guaranteeBasis, t2.guaranteeBases)}${text(v, 'guaranteeCoverage', t2.guaranteeCoverage, { unit: pct })}` : nothing}
      ${hasSubsidy ? html`${text(v, 'subsidyMonths', t2.subsidyMonths, { unit: v.t.units.months })}${text(v, 'subsidyUntil', t2.subsidyUntil, { date: true })}
        ${select(v, 'subsidyTiming', t2.subsidyTiming, t2.subsidyTimings)}` : nothing}
    </div>
    ${lpr ? html`<fieldset class="lpr-path" data-group="lpr-path">
      <legend>${t2.lprPathTitle}</legend>
      <p class="muted">${t2.lprPathHint}</p>
      <div class="actions">
        ${[-10, 25].map((bps) => html`<button type="button" class="secondary" data-scenario=${bps} ?disabled=${!p.latest} @click=${() => p.onScenario(bps)}>${t2.scenario(bps)}</button>`)}
        ${pathRows ? html`<button type="button" class="link" @click=${p.onClearPath}>${t2.clearPath}</button>` : nothing}
      </div>
      ${Array.from({ length: pathRows }, (_, i) => html`<div class="grid row" data-row=${`path-${i}`}>
        ${text(v, `path-${i}-date`, v2Label(`path-${i}-date`, v.locale)!, { date: true })}
        ${text(v, `path-${i}-oneYear`, `${v.t.lprOneYear} #${i + 1}`, { unit: pct })}
        ${text(v, `path-${i}-fiveYear`, `${v.t.lprFiveYear} #${i + 1}`, { unit: pct })}
        <button type="button" class="link" aria-label=${`${t2.removeRow}: ${v2Label(`path-${i}-date`, v.locale)}`} @click=${() => p.onRemoveRow('path', i)}>${t2.removeRow}</button>
      </div>`)}
      ${pathRows < MAX_PATH_ROWS ? html`<button type="button" class="secondary" data-add="path" @click=${() => p.onAddRow('path')}>${t2.addFixing}</button>` : nothing}
    </fieldset>` : nothing}
    <fieldset class="prepayments" data-group="prepayments">
      <legend>${v.t.prepaymentsTitle}</legend>
      ${Array.from({ length: ppRows }, (_, i) => html`<div class="grid row" data-row=${`pp-${i}`}>
        ${text(v, `pp-${i}-period`, v2Label(`pp-${i}-period`, v.locale)!)}
        ${text(v, `pp-${i}-amount`, v2Label(`pp-${i}-amount`, v.locale)!, { unit: v.t.units.yuan })}
        ${select(v, `pp-${i}-mode`, v2Label(`pp-${i}-mode`, v.locale)!, t2.prepaymentModes)}
        ${text(v, `pp-${i}-feeRate`, v2Label(`pp-${i}-feeRate`, v.locale)!, { unit: pct })}
        <button type="button" class="link" aria-label=${`${t2.removeRow}: ${v2Label(`pp-${i}-amount`, v.locale)}`} @click=${() => p.onRemoveRow('pp', i)}>${t2.removeRow}</button>
      </div>`)}
      ${ppRows < MAX_PREPAYMENT_ROWS ? html`<button type="button" class="secondary" data-add="pp" @click=${() => p.onAddRow('pp')}>${t2.addPrepayment}</button>` : nothing}
    </fieldset>`;
}
