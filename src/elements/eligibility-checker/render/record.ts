// The decision record in the checker (CONTRACT.md, "Decision records (v2)"): "download record" (the JSON a bank
// files) and a printable one-page summary with the catalog version, date, answers, each program's result and
// sources, and the digests. Shown on screen as a summary block; printed alone (see styles).
import { html, nothing, type TemplateResult } from 'lit';
import { localize, type DecisionRecord } from '../../../contract/index.js';
import type { CheckerV2Messages } from '../../messages/checker-v2.js';
import { formatValue } from './format-value.js';
import type { CheckerView } from './view.js';

export interface RecordActions {
  onDownload(): void;
  onPrint(): void;
}

export function renderRecordActions(m: CheckerV2Messages, error: string | undefined, a: RecordActions): TemplateResult {
  return html`<div class="record-actions no-print" part="record-actions">
    <button type="button" class="secondary" @click=${() => a.onDownload()}>${m.downloadRecord}</button>
    <button type="button" class="secondary" @click=${() => a.onPrint()}>${m.printSummary}</button>
    ${error ? html`<p class="error" role="alert">${m.recordFailed}${error}</p>` : nothing}
  </div>`;
}

/** The one-page summary of a record: everything needed to read it on paper and to find it again by digest. */
export function renderRecordSummary(v: CheckerView, m: CheckerV2Messages, record: DecisionRecord | undefined): TemplateResult | typeof nothing {
  if (!record) return nothing;
  const l = v.locale;
  const c = v.c;
  const t = v.t;
  const programs = new Map(v.catalog.programs.map((p) => [p.id, p]));
  const answered = Object.entries(record.profile);
  return html`<section class="record-summary print-only" part="record-summary" aria-label=${m.summaryTitle}>
    <h3>${m.summaryTitle}</h3>
    <dl class="record-meta">
      <dt>${c.catalogVersion}</dt><dd>${record.catalogVersion}</dd>
      <dt>${c.asOf}</dt><dd>${record.asOf}</dd>
      <dt>${m.issuedAt}</dt><dd>${record.issuedAt}</dd>
      <dt>${m.signedBy}</dt><dd>${record.signature ? record.signature.keyId : m.unsigned}</dd>
    </dl>
    <h4>${m.answers}</h4>
    <ul class="record-answers">${answered.map(([fact, value]) => {
      const def = v.catalog.facts[fact];
      return html`<li>${localize(def?.label, l) || fact}${c.colon}${formatValue(v, def, value)}</li>`;
    })}</ul>
    <table class="record-results">
      <thead><tr><th scope="col">${m.program}</th><th scope="col">${m.result}</th><th scope="col">${m.sources}</th></tr></thead>
      <tbody>${record.report.results.map((r) => {
        const p = programs.get(r.programId);
        return html`<tr><td>${p ? localize(p.title, l) : r.programId}</td><td>${t[r.status]}</td>
          <td>${(p?.sources ?? []).map((s) => html`<div>${localize(s.title, l)}${s.date ? ` (${s.date})` : ''}${s.url ? html` <span class="url">${s.url}</span>` : nothing}</div>`)}</td></tr>`;
      })}</tbody>
    </table>
    <dl class="record-meta digests">
      <dt>${m.digest}</dt><dd><code>${record.digest}</code></dd>
      <dt>${m.catalogDigest}</dt><dd><code>${record.catalogDigest}</code></dd>
    </dl>
    <p class="muted">${m.verifyHint}</p>
  </section>`;
}
