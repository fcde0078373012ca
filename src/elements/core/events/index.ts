// Every event a Chanrong widget fires: one module per event, its detail typed with the contract's types, and
// all of them in HTMLElementEventMap, so `el.addEventListener('chanrong-quote', (e) => e.detail.quote)` is typed.
// (The `dist` build generates the manifest's and React's event types from this table.)
import type { ChanrongChangeDetail } from './change.js';
import type { ChanrongErrorDetail } from './error.js';
import type { ChanrongQuoteDetail } from './quote.js';
import type { ChanrongReadyDetail } from './ready.js';
import type { ChanrongRenderDetail } from './render.js';
import type { ChanrongResultDetail } from './result.js';
import type { ChanrongSelectProgramDetail } from './select-program.js';
import type { ChanrongSelectDetail } from './select.js';

export type { ChanrongChangeDetail, ChanrongErrorDetail, ChanrongQuoteDetail, ChanrongReadyDetail, ChanrongRenderDetail, ChanrongResultDetail, ChanrongSelectProgramDetail, ChanrongSelectDetail };

/** Event name → detail, for every event a Chanrong widget fires. */
export interface ChanrongEventDetails {
  'chanrong-ready': ChanrongReadyDetail;
  'chanrong-error': ChanrongErrorDetail;
  'chanrong-change': ChanrongChangeDetail;
  'chanrong-result': ChanrongResultDetail;
  'chanrong-select-program': ChanrongSelectProgramDetail;
  'chanrong-quote': ChanrongQuoteDetail;
  'chanrong-render': ChanrongRenderDetail;
  'chanrong-select': ChanrongSelectDetail;
}

/** Names of the events that can be cancelled with preventDefault(). */
export const CANCELABLE_EVENTS = ['chanrong-select-program'] as const;

/** A Chanrong event: bubbles, crosses shadow roots. */
export function chanrongEvent<K extends keyof ChanrongEventDetails>(type: K, detail: ChanrongEventDetails[K], cancelable = false): CustomEvent<ChanrongEventDetails[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable });
}

declare global {
  interface HTMLElementEventMap {
    'chanrong-ready': CustomEvent<ChanrongReadyDetail>;
    'chanrong-error': CustomEvent<ChanrongErrorDetail>;
    'chanrong-change': CustomEvent<ChanrongChangeDetail>;
    'chanrong-result': CustomEvent<ChanrongResultDetail>;
    'chanrong-select-program': CustomEvent<ChanrongSelectProgramDetail>;
    'chanrong-quote': CustomEvent<ChanrongQuoteDetail>;
    'chanrong-render': CustomEvent<ChanrongRenderDetail>;
    'chanrong-select': CustomEvent<ChanrongSelectDetail>;
  }
}
