// Localized, field-naming messages for validation issues. The SDK, the server and the widgets all
// report bad input through this one table, so a field's error reads the same everywhere.
import type { Locale } from './common.js';

export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  divisor?: unknown;
  format?: string;
  keys?: string[];
  values?: unknown[];
  params?: Record<string, unknown>;
  input?: unknown;
  origin?: string;
  hasInput?: boolean;
}

type Table = Record<string, (i: IssueLike) => string>;

const fmt = (v: unknown) => (typeof v === 'bigint' ? v.toString() : String(v));

const zhCN: Table = {
  required: () => '必填',
  too_few: (i) => `至少需要 ${fmt(i.minimum)} ${i.origin === 'string' ? '个字' : '项'}`,
  too_many: (i) => `最多 ${fmt(i.maximum)} ${i.origin === 'string' ? '个字' : '项'}`,
  invalid_type: (i) => `类型应为${typeName(i.expected, 'zh-CN')}`,
  too_small: (i) => (typeof i.minimum === 'number' || typeof i.minimum === 'bigint'
    ? (i.inclusive ? `不得小于 ${fmt(i.minimum)}` : `须大于 ${fmt(i.minimum)}`) : '过短'),
  too_big: (i) => (i.inclusive ? `不得大于 ${fmt(i.maximum)}` : `须小于 ${fmt(i.maximum)}`),
  not_multiple_of: (i) => (i.divisor === 0.01 ? '金额最多保留两位小数（到分）' : `须为 ${fmt(i.divisor)} 的整数倍`),
  invalid_format: (i) => (i.format === 'url' ? '须为 https: 或 http: 网址' : '格式不正确'),
  invalid_value: (i) => `取值须为：${(i.values ?? []).map(fmt).join('、')}`,
  invalid_union: () => '取值不符合任何允许的形式',
  unrecognized_keys: (i) => `不认识的字段：${(i.keys ?? []).join('、')}`,
  invalid_key: () => '字段名不正确',
  not_a_date: () => '不是有效的日历日期（YYYY-MM-DD）',
  integer: () => '须为整数',
  unknown_fact: () => '目录中没有这个问题',
  no_lpr: () => '该日期及之前尚未公布 LPR（LPR 自 2019-08-20 起按新机制报价）',
  no_rate_of_return: () => '费用占去了全部到手金额，无法计算年化利率',
  too_deep: (i) => `嵌套层数过多（最多 ${fmt(i.maximum)} 层）`,
  duplicate_option: () => '选项不能重复',
  not_an_adcode: () => '须为 6 位行政区划代码',
  custom: (i) => customMessage(i, 'zh-CN'),
};
const zhTW: Table = {
  required: () => '必填',
  too_few: (i) => `至少需要 ${fmt(i.minimum)} ${i.origin === 'string' ? '個字' : '項'}`,
  too_many: (i) => `最多 ${fmt(i.maximum)} ${i.origin === 'string' ? '個字' : '項'}`,
  invalid_type: (i) => `類型應為${typeName(i.expected, 'zh-TW')}`,
  too_small: (i) => (typeof i.minimum === 'number' || typeof i.minimum === 'bigint'
    ? (i.inclusive ? `不得小於 ${fmt(i.minimum)}` : `須大於 ${fmt(i.minimum)}`) : '過短'),
  too_big: (i) => (i.inclusive ? `不得大於 ${fmt(i.maximum)}` : `須小於 ${fmt(i.maximum)}`),
  not_multiple_of: (i) => (i.divisor === 0.01 ? '金額最多保留兩位小數（到分）' : `須為 ${fmt(i.divisor)} 的整數倍`),
  invalid_format: (i) => (i.format === 'url' ? '須為 https: 或 http: 網址' : '格式不正確'),
  invalid_value: (i) => `取值須為：${(i.values ?? []).map(fmt).join('、')}`,
  invalid_union: () => '取值不符合任何允許的形式',
  unrecognized_keys: (i) => `不認識的欄位：${(i.keys ?? []).join('、')}`,
  invalid_key: () => '欄位名稱不正確',
  not_a_date: () => '不是有效的日曆日期（YYYY-MM-DD）',
  integer: () => '須為整數',
  unknown_fact: () => '目錄中沒有這個問題',
  no_lpr: () => '該日期及之前尚未公布 LPR（LPR 自 2019-08-20 起按新機制報價）',
  no_rate_of_return: () => '費用佔去了全部到手金額，無法計算年化利率',
  too_deep: (i) => `巢狀層數過多（最多 ${fmt(i.maximum)} 層）`,
  duplicate_option: () => '選項不能重複',
  not_an_adcode: () => '須為 6 位行政區劃代碼',
  custom: (i) => customMessage(i, 'zh-TW'),
};
const en: Table = {
  required: () => 'is required',
  too_few: (i) => `needs at least ${fmt(i.minimum)} ${i.origin === 'string' ? 'characters' : 'items'}`,
  too_many: (i) => `takes at most ${fmt(i.maximum)} ${i.origin === 'string' ? 'characters' : 'items'}`,
  invalid_type: (i) => `must be ${typeName(i.expected, 'en')}`,
  too_small: (i) => (typeof i.minimum === 'number' || typeof i.minimum === 'bigint'
    ? (i.inclusive ? `must be at least ${fmt(i.minimum)}` : `must be greater than ${fmt(i.minimum)}`) : 'is too short'),
  too_big: (i) => (i.inclusive ? `must be at most ${fmt(i.maximum)}` : `must be less than ${fmt(i.maximum)}`),
  not_multiple_of: (i) => (i.divisor === 0.01 ? 'must have at most 2 decimals (the fen)' : `must be a multiple of ${fmt(i.divisor)}`),
  invalid_format: (i) => (i.format === 'url' ? 'must be an https: or http: URL' : 'has the wrong format'),
  invalid_value: (i) => `must be one of: ${(i.values ?? []).map(fmt).join(', ')}`,
  invalid_union: () => 'matches none of the allowed forms',
  unrecognized_keys: (i) => `unknown field(s): ${(i.keys ?? []).join(', ')}`,
  invalid_key: () => 'has an invalid key',
  not_a_date: () => 'must be a real calendar date (YYYY-MM-DD)',
  integer: () => 'must be a whole number',
  unknown_fact: () => 'is not a question of this catalog',
  no_lpr: () => 'no LPR was published on or before this date (the reformed LPR starts on 2019-08-20)',
  no_rate_of_return: () => 'the charges take the whole amount received, so no rate of return exists',
  too_deep: (i) => `is nested too deeply (at most ${fmt(i.maximum)} levels)`,
  duplicate_option: () => 'lists an option twice',
  not_an_adcode: () => 'must be a 6-digit division code',
  custom: (i) => customMessage(i, 'en'),
};
const TABLES: Record<Locale, Table> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

const TYPE_NAMES: Record<string, Record<Locale, string>> = {
  number: { 'zh-CN': '数字', 'zh-TW': '數字', en: 'a number' },
  int: { 'zh-CN': '整数', 'zh-TW': '整數', en: 'a whole number' },
  string: { 'zh-CN': '文本', 'zh-TW': '文字', en: 'text' },
  boolean: { 'zh-CN': '是/否', 'zh-TW': '是/否', en: 'true or false' },
  object: { 'zh-CN': '对象', 'zh-TW': '物件', en: 'an object' },
  array: { 'zh-CN': '列表', 'zh-TW': '清單', en: 'a list' },
  tuple: { 'zh-CN': '列表', 'zh-TW': '清單', en: 'a list' },
  record: { 'zh-CN': '对象', 'zh-TW': '物件', en: 'an object' },
};
function typeName(expected: unknown, locale: Locale): string {
  const t = TYPE_NAMES[String(expected)];
  return t ? t[locale] : String(expected);
}

const RULES: Record<string, Record<Locale, string>> = {
  'grace-below-term': { 'zh-CN': '宽限期须短于贷款期限', 'zh-TW': '寬限期須短於貸款期限', en: 'must be shorter than the term' },
  'shares-sum-to-one': { 'zh-CN': '各方分担比例之和须为 100%', 'zh-TW': '各方分擔比例之和須為 100%', en: 'shares must add up to 100%' },
  'whole-periods': { 'zh-CN': '须为还款周期（月或季）的整数倍', 'zh-TW': '須為還款週期（月或季）的整數倍', en: 'must be a whole number of periods (months or quarters)' },
  'prepayment-before-last': { 'zh-CN': '提前还款须在最后一期之前', 'zh-TW': '提前還款須在最後一期之前', en: 'a prepayment must fall before the last period' },
  'maturity-after-discount': { 'zh-CN': '到期日须晚于贴现日', 'zh-TW': '到期日須晚於貼現日', en: 'must be later than the discount date' },
  'discount-exceeds-face': { 'zh-CN': '贴现利息不能达到或超过票面金额', 'zh-TW': '貼現利息不能達到或超過票面金額', en: 'the discount interest would take the whole face value' },
  'bbox-order': { 'zh-CN': '范围须为 最小经度,最小纬度,最大经度,最大纬度', 'zh-TW': '範圍須為 最小經度,最小緯度,最大經度,最大緯度', en: 'must be minLon,minLat,maxLon,maxLat' },
  'date-range': { 'zh-CN': '日期须在 1900-01-01 至 2199-12-31 之间', 'zh-TW': '日期須在 1900-01-01 至 2199-12-31 之間', en: 'must be from 1900-01-01 to 2199-12-31' },
  'calendar-date': { 'zh-CN': '不是有效的日历日期（YYYY-MM-DD）', 'zh-TW': '不是有效的日曆日期（YYYY-MM-DD）', en: 'must be a real calendar date (YYYY-MM-DD)' },
};
function customMessage(i: IssueLike, locale: Locale): string {
  const rule = i.params?.['rule'];
  if (typeof rule === 'string' && RULES[rule]) return RULES[rule][locale];
  if (i.message === 'not a calendar date') return RULES['calendar-date']![locale];
  return i.message ?? TABLES[locale].invalid_union!(i);
}

/** Dotted path of an issue: `rate.spreadBps`, `profile.revenue`, `shares.0`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** The localized message for one issue, without the field name. */
export function issueMessage(issue: IssueLike, locale: Locale = 'zh-CN'): string {
  const table = TABLES[locale];
  // zod reports a missing field as invalid_type with an undefined input (parse with `reportInput: true`).
  if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) return table.required!(issue);
  const sized = issue.origin === 'array' || issue.origin === 'string' || issue.origin === 'set';
  if (sized && issue.code === 'too_small') return table.too_few!(issue);
  if (sized && issue.code === 'too_big') return table.too_many!(issue);
  const f = table[issue.code] ?? table.custom!;
  return f(issue);
}

/** The title of a bad-input problem, in every locale. */
export const INVALID_INPUT: Record<Locale, string> = { 'zh-CN': '输入有误', 'zh-TW': '輸入有誤', en: 'Invalid input' };

/** Error answers list at most this many field errors (and say how many there were): a body of 40,000 bad
 * fields must not get a 3 MB answer. */
export const MAX_ERRORS = 20;

/** Issues as problem+json `errors`: a dotted path (under `prefix`) and a localized message each. */
export function fieldErrors(issues: readonly IssueLike[], locale: Locale, prefix = ''): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issuePath(prefix ? [prefix, ...issue.path] : issue.path), message: issueMessage(issue, locale) }));
}
