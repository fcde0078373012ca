// The answers given so far, each with "change".
import { html, type TemplateResult } from 'lit';
import { localize, type Profile } from '../../../contract/index.js';
import { formatValue } from './format-value.js';
import type { CheckerView } from './view.js';

export function renderAnswers(v: CheckerView, profile: Profile, answered: readonly string[], onChange: (facts: string[]) => void): TemplateResult {
  const t = v.t;
  return html`<section aria-labelledby="answers-title" part="answers" class="stack">
    <h3 id="answers-title">${t.yourAnswers}</h3>
    <dl class="answers">${answered.map((fact) => {
      const def = v.catalog.facts[fact]!;
      const label = localize(def.label, v.locale);
      return html`<div class="answer"><dt>${label}</dt><dd>${formatValue(v, def, profile[fact])}</dd>
        <dd><button type="button" class="secondary no-print" aria-label=${`${t.change}: ${label}`} @click=${() => onChange([fact])}>${t.change}</button></dd></div>`;
    })}</dl>
  </section>`;
}
