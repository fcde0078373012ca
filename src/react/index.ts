// chanrong/react: React components for the widgets, generated with @lit/react (properties set as properties,
// events as typed on* props). Importing this registers the tags (guarded), like chanrong/define.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define.js';
import {
  ChanrongEligibilityChecker as CheckerElement, ChanrongFinancingCalculator as CalculatorElement,
  ChanrongIncubatorMap as MapElement, ChanrongServices as ServicesElement,
} from '../elements/index.js';
import type { ChanrongEventDetails } from '../elements/core/events/index.js';

type Ev<K extends keyof ChanrongEventDetails> = EventName<CustomEvent<ChanrongEventDetails[K]>>;
const common = {
  onChanrongReady: 'chanrong-ready' as Ev<'chanrong-ready'>,
  onChanrongError: 'chanrong-error' as Ev<'chanrong-error'>,
};

export const ChanrongServices = createComponent({ react: React, tagName: 'chanrong-services', elementClass: ServicesElement });

export const ChanrongEligibilityChecker = createComponent({
  react: React, tagName: 'chanrong-eligibility-checker', elementClass: CheckerElement,
  events: {
    ...common,
    onChanrongChange: 'chanrong-change' as Ev<'chanrong-change'>,
    onChanrongResult: 'chanrong-result' as Ev<'chanrong-result'>,
    onChanrongSelectProgram: 'chanrong-select-program' as Ev<'chanrong-select-program'>,
  },
});

export const ChanrongFinancingCalculator = createComponent({
  react: React, tagName: 'chanrong-financing-calculator', elementClass: CalculatorElement,
  events: {
    ...common,
    onChanrongChange: 'chanrong-change' as Ev<'chanrong-change'>,
    onChanrongQuote: 'chanrong-quote' as Ev<'chanrong-quote'>,
  },
});

export const ChanrongIncubatorMap = createComponent({
  react: React, tagName: 'chanrong-incubator-map', elementClass: MapElement,
  events: {
    ...common,
    onChanrongRender: 'chanrong-render' as Ev<'chanrong-render'>,
    onChanrongSelect: 'chanrong-select' as Ev<'chanrong-select'>,
  },
});
export type * from '../entries/events.js';
