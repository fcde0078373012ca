// The checker's decision record (CONTRACT.md "Decision records (v2)"), as a reactive controller: made on demand for
// a download or a print, of the real answers (never a what-if), with its summary renderer (render/record-summary.ts)
// loaded with the first record so the checker's first paint does not carry it, and a failure kept in words.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AcceleratorClient, DecisionRecord, Locale, RecordRequest } from '../../contract/index.js';
import { describeError } from '../core/errors.js';
import { commonMessages } from '../messages/common.js';

export interface RecordHost extends ReactiveControllerHost, HTMLElement {
  readonly resolvedClient: AcceleratorClient;
  readonly resolvedLocale: Locale;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class DecisionRecordController implements ReactiveController {
  record: DecisionRecord | undefined;
  /** The summary renderer, there once a record was made. */
  summary: typeof import('./render/record-summary.js') | undefined;
  /** Why the last record could not be made, in the widget's language; '' when it was. */
  error = '';

  /** `request` gives what to record: the real answers, the date and the programs. */
  constructor(private readonly host: RecordHost, private readonly request: () => RecordRequest) {
    host.addController(this);
  }

  hostConnected(): void {}

  async make(): Promise<DecisionRecord | undefined> {
    try {
      this.error = '';
      const [record, summary] = await Promise.all([
        this.host.resolvedClient.eligibility.record(this.request()),
        this.summary ?? import('./render/record-summary.js'),
      ]);
      this.summary = summary;
      this.record = record;
    } catch (error) {
      this.error = describeError(error, commonMessages[this.host.resolvedLocale]);
      this.record = undefined;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    return this.record;
  }

  /** Saves the record as JSON (the file a bank keeps). */
  async download(): Promise<void> {
    const record = await this.make();
    if (!record) return;
    const { downloadText } = await import('../core/download.js');
    downloadText(this.host.renderRoot, `chanrong-record-${record.asOf}-${record.digest.slice(7, 15)}.json`, JSON.stringify(record, null, 2), 'application/json');
  }

  /** Prints the one-page summary alone (the styles hide the rest while `data-print="record"` is set). */
  async print(): Promise<void> {
    if (!(await this.make())) return;
    this.host.setAttribute('data-print', 'record');
    try { window.print(); } finally { this.host.removeAttribute('data-print'); }
  }
}
