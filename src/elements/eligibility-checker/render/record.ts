// The decision record in the checker (CONTRACT.md, "Decision records (v2)"): "download record" (the JSON a bank
// files) and a printable one-page summary with the catalog version, date, answers, each program's result and
// sources, and the digests. Shown on screen as a summary block; printed alone (see styles). The summary lives in
// record-summary.ts, loaded with the first record, so the checker's first paint does not carry it.
import { html, nothing, type TemplateResult } from 'lit';
import type { CheckerV2Messages } from '../../messages/checker-v2.js';

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
