// A fact's value as the user would say it: option labels from the catalog, region names, numbers with their unit.
import { localize, type FactDef } from '../../../contract/index.js';
import type { CheckerView } from './view.js';

export function regionName(v: CheckerView, code: string): string {
  const province = v.regions?.find((r) => r.adcode.slice(0, 2) === code.slice(0, 2));
  if (!province) return code;
  if (code.endsWith('0000')) return localize(province.name, v.locale);
  const city = province.cities.find((c) => c.adcode.slice(0, 4) === code.slice(0, 4));
  return city ? `${localize(province.name, v.locale)} ${localize(city.name, v.locale)}` : code;
}

function optionLabel(v: CheckerView, def: FactDef | undefined, value: string): string {
  const option = def?.options?.find((o) => o.value === value);
  return option ? localize(option.label, v.locale) : value;
}

export function formatValue(v: CheckerView, def: FactDef | undefined, value: unknown): string {
  const t = v.t;
  if (value === null) return t.dontKnow;
  if (value === undefined) return t.notAnswered;
  if (Array.isArray(value)) {
    if (def?.type === 'enum-set' && value.length === 0) return t.noneOfThese;
    if (def?.type === 'number' || def?.type === 'integer' || def?.type === 'date') return value.map((x) => formatValue(v, def, x)).join(' – ');
    const sep = v.locale === 'en' ? ', ' : '、';
    return value.map((x) => (def?.type === 'region' ? regionName(v, String(x)) : optionLabel(v, def, String(x)))).join(sep);
  }
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') {
    const unit = def?.unit ? localize(def.unit, v.locale) : '';
    return `${v.fmt.number(value)}${unit ? ` ${unit}` : ''}`;
  }
  if (def?.type === 'region') return regionName(v, String(value));
  if (def?.type === 'enum' || def?.type === 'enum-set') return optionLabel(v, def, String(value));
  return String(value);
}
