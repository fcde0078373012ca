// Language: every zh-TW string (the widgets' messages and the bundled catalog) has no simplified-only character —
// a character OpenCC would convert when going from Simplified to Traditional (Taiwan) — and English strings carry no
// Chinese except a proper name given after its translation, in parentheses: "Specialized SME (专精特新)".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as OpenCC from 'opencc-js';
import catalog from '../../src/data/catalog/catalog.json' with { type: 'json' };
import { NAMESPACES } from '../../src/elements/messages/index.js';
import { calculatorV2Messages } from '../../src/elements/messages/calculator-v2.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Strings of a message table, functions called with sample arguments, by dotted key. */
function strings(table: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (v: unknown, key: string) => {
    if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'function') out.set(key, String((v as (...a: unknown[]) => unknown)('甲', 'X', 'Y', false)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, key ? `${key}.${k}` : k);
  };
  visit(table, prefix);
  return out;
}

/** Characters of a Traditional text that are simplified-only: OpenCC changes them both on their own and in context
 * (converting the whole text, so 上下游 keeps its 游), while a Taiwan variant preference such as 公布 → 公佈 or
 * 了解 → 瞭解 (both characters exist in Traditional) is not flagged. */
function simplifiedOnly(text: string): string[] {
  const chars = [...text];
  const converted = [...toTraditional(text)];
  const inContext = (c: string, i: number) => (converted.length === chars.length ? converted[i] !== c : true);
  return [...new Set(chars.filter((c, i) => /\p{Script=Han}/u.test(c) && toTraditional(c) !== c && inContext(c, i)))];
}

const tables: Record<string, Record<string, unknown>> = { ...NAMESPACES, calculatorV2: calculatorV2Messages };

/** Every LocalizedText of the catalog, by path. */
function catalogTexts(): { path: string; text: Record<string, string> }[] {
  const out: { path: string; text: Record<string, string> }[] = [];
  const visit = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}.${i}`));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['zh-CN'] === 'string') out.push({ path, text: o as Record<string, string> });
      else for (const [k, x] of Object.entries(o)) visit(x, path ? `${path}.${k}` : k);
    }
  };
  visit(catalog, '');
  return out;
}

/** English with Chinese only inside parentheses right after Latin text: a proper name with its translation. */
function untranslatedChinese(en: string): string[] {
  const withoutNames = en.replace(/([A-Za-z)”"'.\d]\s*)[（(][^()（）]*\p{Script=Han}[^()（）]*[)）]/gu, '$1');
  return [...withoutNames.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]);
}

describe('language', () => {
  it('zh-TW messages have no simplified-only characters (checked against OpenCC)', () => {
    const bad: string[] = [];
    for (const [ns, table] of Object.entries(tables)) {
      const cn = strings((table as Record<string, unknown>)['zh-CN'], ns);
      const tw = strings((table as Record<string, unknown>)['zh-TW'], ns);
      assert.deepEqual([...tw.keys()].sort(), [...cn.keys()].sort(), `${ns}: zh-TW has exactly the keys of zh-CN`);
      for (const [key, text] of tw) {
        const chars = simplifiedOnly(text);
        if (chars.length) bad.push(`${key}: ${chars.join('')} in “${text}” (OpenCC: “${toTraditional(cn.get(key) ?? '')}”)`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('zh-TW catalog texts have no simplified-only characters', () => {
    const bad = catalogTexts().filter((t) => t.text['zh-TW'] && simplifiedOnly(t.text['zh-TW']).length)
      .map((t) => `${t.path}: ${simplifiedOnly(t.text['zh-TW']!).join('')} in “${t.text['zh-TW']}”`);
    assert.deepEqual(bad, []);
  });

  it('English messages and catalog texts carry no untranslated Chinese', () => {
    const bad: string[] = [];
    for (const [ns, table] of Object.entries(tables)) {
      for (const [key, text] of strings((table as Record<string, unknown>)['en'], ns)) {
        const han = untranslatedChinese(text.replaceAll('甲', ''));
        if (han.length) bad.push(`${key}: ${han.join(' ')} in “${text}”`);
      }
    }
    for (const t of catalogTexts()) {
      const han = t.text['en'] ? untranslatedChinese(t.text['en']) : [];
      if (han.length) bad.push(`${t.path}: ${han.join(' ')} in “${t.text['en']}”`);
    }
    assert.deepEqual(bad, []);
  });

  it('the check can fail: it sees simplified characters and bare Chinese in English', () => {
    assert.deepEqual(simplifiedOnly('贷款'), ['贷']);
    assert.deepEqual(simplifiedOnly('貸款'), []);
    assert.deepEqual(untranslatedChinese('Specialized SME (专精特新)'), []);
    assert.deepEqual(untranslatedChinese('Listed as 失信被执行人'), ['失信被执行人']);
  });
});
