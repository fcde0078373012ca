// chanrong/jsx (types only): the raw tags in React 19's JSX, with typed properties and `on<event>` handlers.
//   /// <reference types="chanrong/jsx" />   or   "types": ["chanrong/jsx"] in tsconfig.json
// (chanrong/react's components need none of this.)
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  ChanrongEligibilityChecker, ChanrongFinancingCalculator, ChanrongIncubatorMap, ChanrongServices,
} from '../elements/index.js';
import type { ChanrongTagEvents, ChanrongTagProps, ReactEventProps } from './attributes.js';

type Tag<E extends HTMLElement, T extends keyof ChanrongTagProps> =
  Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof ChanrongTagProps[T]> & ChanrongTagProps[T] & ReactEventProps<ChanrongTagEvents[T]> & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'chanrong-services': Tag<ChanrongServices, 'chanrong-services'>;
      'chanrong-eligibility-checker': Tag<ChanrongEligibilityChecker, 'chanrong-eligibility-checker'>;
      'chanrong-financing-calculator': Tag<ChanrongFinancingCalculator, 'chanrong-financing-calculator'>;
      'chanrong-incubator-map': Tag<ChanrongIncubatorMap, 'chanrong-incubator-map'>;
    }
  }
}

export type * from './attributes.js';
