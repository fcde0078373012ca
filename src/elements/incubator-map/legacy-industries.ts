// TEMPORARY, until the catalog's `industry` fact lands on main (the catalog helper is restoring it): the labels the
// map used to hard-code, used only when the client's catalog has no industry fact. Delete this file then.
import type { FactDef, LocalizedText } from '../../contract/index.js';

const INDUSTRY_OPTIONS = ['ai', 'quantum', 'semiconductor', 'biomed', 'green', 'new-energy', 'new-materials', 'high-end-equipment', 'digital', 'aerospace', 'nev'];
const INDUSTRY_NAMES: Record<string, LocalizedText> = {
  ai: { 'zh-CN': '人工智能', 'zh-TW': '人工智慧', en: 'AI' }, quantum: { 'zh-CN': '量子科技', en: 'Quantum' },
  semiconductor: { 'zh-CN': '集成电路', 'zh-TW': '積體電路', en: 'Semiconductors' }, biomed: { 'zh-CN': '生物医药', 'zh-TW': '生物醫藥', en: 'Biomedicine' },
  green: { 'zh-CN': '绿色低碳', 'zh-TW': '綠色低碳', en: 'Green' }, 'new-energy': { 'zh-CN': '新能源', en: 'New energy' },
  'new-materials': { 'zh-CN': '新材料', en: 'New materials' }, 'high-end-equipment': { 'zh-CN': '高端装备', 'zh-TW': '高端裝備', en: 'High-end equipment' },
  digital: { 'zh-CN': '新一代信息技术', 'zh-TW': '新一代資訊技術', en: 'Next-generation IT' }, aerospace: { 'zh-CN': '航空航天', 'zh-TW': '航空航太', en: 'Aerospace' },
  nev: { 'zh-CN': '新能源汽车', 'zh-TW': '新能源汽車', en: 'New-energy vehicles' },
};

export const legacyIndustryOptions: NonNullable<FactDef['options']> = INDUSTRY_OPTIONS.map((value) => ({ value, label: INDUSTRY_NAMES[value]! }));
