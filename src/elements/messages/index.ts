// The message system: one table per namespace (common, checker, calculator, map), each with the three locales.
// A widget imports only its own namespace and `common`, so a per-widget bundle carries only its own strings.
// `messages` below joins them in the shape the incubator map (not yet on the core) still reads as `this.t`.
import type { Locale } from '../../contract/index.js';
import { calculatorMessages, type CalculatorMessages } from './calculator.js';
import { checkerMessages, type CheckerMessages } from './checker.js';
import { commonMessages, type CommonMessages } from './common.js';
import { checkerV2Messages, type CheckerV2Messages } from './checker-v2.js';
import { mapMessages, type MapMessages } from './map.js';

export { calculatorMessages, checkerMessages, checkerV2Messages, commonMessages, mapMessages };
export type { CalculatorMessages, CheckerMessages, CheckerV2Messages, CommonMessages, MapMessages };

/** Every namespace, for tests and tools that walk all strings. */
export const NAMESPACES = { common: commonMessages, checker: checkerMessages, checkerV2: checkerV2Messages, calculator: calculatorMessages, map: mapMessages } as const;

/** @deprecated The joined table of the old base class; widgets on the core read their own namespace. */
export interface Messages {
  common: CommonMessages;
  errors: CommonMessages['errors'];
  kinds: CheckerMessages['kinds'];
  levels: MapMessages['levels'];
  checker: CheckerMessages;
  calculator: CalculatorMessages;
  map: MapMessages;
}
function joined(l: Locale): Messages {
  return { common: commonMessages[l], errors: commonMessages[l].errors, kinds: checkerMessages[l].kinds, levels: mapMessages[l].levels, checker: checkerMessages[l], calculator: calculatorMessages[l], map: mapMessages[l] };
}
export const messages: Record<Locale, Messages> = { 'zh-CN': joined('zh-CN'), 'zh-TW': joined('zh-TW'), en: joined('en') };
