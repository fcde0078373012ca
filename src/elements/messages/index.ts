import type { Locale } from '../../contract/index.js';
import { en } from './en.js';
import { zhCN, type Messages } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { Messages };
export const messages: Record<Locale, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
