// Named event types for every event a Chanrong widget fires, with details typed by the contract (the details
// themselves are declared beside the widgets, in the events table ChanrongEventDetails). Use them for handlers
// written apart from addEventListener: `const onQuote = (e: ChanrongQuoteEvent) => save(e.detail.quote)`.
import type { ChanrongEventDetails } from '../elements/index.js';

export type { ChanrongEventDetails };
/** Every Chanrong event name. */
export type ChanrongEventName = keyof ChanrongEventDetails;
/** The event a widget dispatches for `K`: a CustomEvent whose detail is typed by the contract. */
export type ChanrongEvent<K extends ChanrongEventName = ChanrongEventName> = CustomEvent<ChanrongEventDetails[K]>;
/** `chanrong-ready`: once per widget, after its first complete render. */
export type ChanrongReadyEvent = ChanrongEvent<'chanrong-ready'>;
/** `chanrong-error`: the client (or the map's basemap) failed. */
export type ChanrongErrorEvent = ChanrongEvent<'chanrong-error'>;
/** `chanrong-change`: the checker's answers (`profile`) or the calculator's request (`request`) changed. */
export type ChanrongChangeEvent = ChanrongEvent<'chanrong-change'>;
/** `chanrong-result`: the checker has a new eligibility report. */
export type ChanrongResultEvent = ChanrongEvent<'chanrong-result'>;
/** `chanrong-select-program`: "测算融资" on a program; cancelable. */
export type ChanrongSelectProgramEvent = ChanrongEvent<'chanrong-select-program'>;
/** `chanrong-quote`: the calculator priced a loan or a bond. */
export type ChanrongQuoteEvent = ChanrongEvent<'chanrong-quote'>;
/** `chanrong-render`: the map finished a draw. */
export type ChanrongRenderEvent = ChanrongEvent<'chanrong-render'>;
/** `chanrong-select`: an incubator was picked on the map or in its list. */
export type ChanrongSelectEvent = ChanrongEvent<'chanrong-select'>;
