// chanrong/vue (types only): the raw tags as Vue GlobalComponents, so vue-tsc checks their props and
// `@chanrong-*` handlers. Vue must also be told they are custom elements: isCustomElement in the compiler
// options (see the README).
//   /// <reference types="chanrong/vue" />   or   "types": ["chanrong/vue"] in tsconfig.json
import type { DefineComponent } from 'vue';
import type { ChanrongTagEvents, ChanrongTagProps, VueEventProps } from './attributes.js';

type Tag<T extends keyof ChanrongTagProps> = DefineComponent<ChanrongTagProps[T] & VueEventProps<ChanrongTagEvents[T]>>;

declare module 'vue' {
  interface GlobalComponents {
    'chanrong-services': Tag<'chanrong-services'>;
    'chanrong-eligibility-checker': Tag<'chanrong-eligibility-checker'>;
    'chanrong-financing-calculator': Tag<'chanrong-financing-calculator'>;
    'chanrong-incubator-map': Tag<'chanrong-incubator-map'>;
  }
}

export type * from './attributes.js';
