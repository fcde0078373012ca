// `chanrong-ready`: fired once per widget, after its first complete render (data loaded or an error shown).
export const READY = 'chanrong-ready';
/** Nothing to report: the widget is on screen. */
export type ChanrongReadyDetail = Record<string, never>;
