// Locales and localized text without zod, for code that must stay small (the widgets).
import type { LocalizedText, Locale } from './common.js';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text['zh-CN'];
}

export const LEVELS = ['national', 'regional', 'local', 'cluster'] as const;
