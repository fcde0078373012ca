// Locale formatting for a widget, with the Intl formatters cached per locale and options (building an
// Intl.NumberFormat costs far more than using one; a 360-row schedule used to build thousands).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../../../contract/index.js';

const cache = new Map<string, Intl.NumberFormat>();

/** One shared formatter per locale and options. */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** How many formatters exist (for tests that check they are reused). */
export function formatterCount(): number {
  return cache.size;
}

export class FormatController implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly locale: () => Locale) {
    host.addController(this);
  }
  hostConnected(): void {}

  /** ¥1,234.50 */
  money(n: number): string {
    return numberFormat(this.locale(), { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  }
  /** 1,234.50 (table cells, where the column says it is yuan) */
  amount(n: number): string {
    return numberFormat(this.locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  }
  /** A fraction as a percentage: 0.0435 → 4.35% */
  percent(rate: number, digits = 2): string {
    return numberFormat(this.locale(), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rate);
  }
  number(n: number, maxDigits = 4): string {
    return numberFormat(this.locale(), { maximumFractionDigits: maxDigits }).format(n);
  }
  compact(n: number): string {
    return numberFormat(this.locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(n);
  }
}
