// The printable one-page summary of a decision record (CONTRACT.md, "Decision records (v2)"). Loaded by the checker
// with the first record it makes (download or print), not with the widget.
import { html, nothing, svg, type TemplateResult } from 'lit';
import { localize, type DecisionRecord } from '../../../contract/index.js';
import type { CheckerV2Messages } from '../../messages/checker-v2.js';
import { formatValue } from './format-value.js';
import { qrPath } from './qr.js';
import type { CheckerView } from './view.js';

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
    ${digestQr(record.digest, m.digest)}
    <p class="muted">${m.verifyHint}</p>
  </section>`;
}

/** The digest as a QR code (4 modules of quiet zone), drawn in the text colour. */
function digestQr(digest: string, label: string): TemplateResult {
  const { size, d } = qrPath(digest);
  return html`<svg class="record-qr" part="record-qr" viewBox=${`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-label=${label}>${svg`<path d=${d}></path>`}</svg>`;
}
