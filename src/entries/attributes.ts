// What a template may set on each raw tag, for the JSX and Vue declarations (chanrong/jsx, chanrong/vue):
// the widget's public properties (frameworks set them as properties when the element has them), the
// presentation attributes every widget honours through CSS, and the events with their typed details.
import type { Locale } from '../contract/index.js';
import type {
  ChanrongEligibilityChecker, ChanrongFinancingCalculator, ChanrongIncubatorMap, ChanrongServices,
} from '../elements/index.js';
import type { ChanrongEvent, ChanrongEventName } from './events.js';

/** Attributes every widget honours: the locale (a union, not any string), and the CSS-only presets. */
export interface ChanrongCommonProps {
  endpoint?: string;
  locale?: Locale;
  /** `dark`: the dark preset. */
  theme?: 'light' | 'dark';
  /** `large`: the elderly-friendly (适老化) mode, where the widgets support it. */
  size?: 'normal' | 'large';
}

type Props<E, K extends keyof E> = Partial<Pick<E, K>>;
export type ChanrongServicesProps = Props<ChanrongServices, 'client'> & Pick<ChanrongCommonProps, 'endpoint' | 'locale'>;
export type ChanrongEligibilityCheckerProps = Props<ChanrongEligibilityChecker, 'asOf' | 'programs' | 'persist' | 'profile' | 'client'> & ChanrongCommonProps;
export type ChanrongFinancingCalculatorProps = Props<ChanrongFinancingCalculator, 'principal' | 'termMonths' | 'rate' | 'lprSpreadBps' | 'graceMonths' | 'program' | 'client'>
  & ChanrongCommonProps & { repayment?: 'equal-installment' | 'equal-principal' | 'interest-only' };
export type ChanrongIncubatorMapProps = Props<ChanrongIncubatorMap, 'industry' | 'basemap' | 'reviewNumber' | 'incubators' | 'client'>
  & ChanrongCommonProps & { level?: 'national' | 'regional' | 'local' | 'cluster' };

/** The events each tag fires. */
export interface ChanrongTagEvents {
  'chanrong-services': never;
  'chanrong-eligibility-checker': 'chanrong-ready' | 'chanrong-error' | 'chanrong-change' | 'chanrong-result' | 'chanrong-select-program';
  'chanrong-financing-calculator': 'chanrong-ready' | 'chanrong-error' | 'chanrong-change' | 'chanrong-quote';
  'chanrong-incubator-map': 'chanrong-ready' | 'chanrong-error' | 'chanrong-render' | 'chanrong-select';
}
export interface ChanrongTagProps {
  'chanrong-services': ChanrongServicesProps;
  'chanrong-eligibility-checker': ChanrongEligibilityCheckerProps;
  'chanrong-financing-calculator': ChanrongFinancingCalculatorProps;
  'chanrong-incubator-map': ChanrongIncubatorMapProps;
}

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${Camel<T>}` : Capitalize<S>;
/** React 19 listens to `on<event name>` on a custom element: `onchanrong-quote`. */
export type ReactEventProps<N extends ChanrongEventName> = { [K in N as `on${K}`]?: (event: ChanrongEvent<K>) => void };
/** Vue's `@chanrong-quote` is the prop `onChanrongQuote`. */
export type VueEventProps<N extends ChanrongEventName> = { [K in N as `on${Camel<K>}`]?: (event: ChanrongEvent<K>) => void };
