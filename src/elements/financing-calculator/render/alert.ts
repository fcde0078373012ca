// What went wrong with the last request, once: a sentence, the messages no field shows, and "try again" where
// trying again can help (not for bad input, which is fixed at its field).
import { html, nothing, type TemplateResult } from 'lit';
import { describeError, errorKind } from '../../core/errors.js';
import type { CalculatorView } from './view.js';

export function renderAlert(v: CalculatorView, error: unknown, other: readonly string[], retry: () => void): TemplateResult | typeof nothing {
  if (!error && !other.length) return nothing;
  return html`<div role="alert" class="alert">
    ${error ? html`<p>${describeError(error, v.c)}</p>` : nothing}
    ${other.map((m) => html`<p>${m}</p>`)}
    ${error && errorKind(error) !== 'invalid' ? html`<div class="actions"><button type="button" class="secondary" @click=${retry}>${v.c.retry}</button></div>` : nothing}
  </div>`;
}
