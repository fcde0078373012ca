// Text search (src/engine/directory/search.ts) against a linear scan: an entry matches when one of its own texts
// (name, operator, address in each locale; the pinyin of its Chinese name) holds the query, or it lies in a place
// whose name does. The directory spans three blocks of 2,048 entries, and queries hit entries at the start and end
// of blocks, at the start of an entry's text, and never across two texts or two entries.
import { expect } from 'chai';
import type { Incubator, LocalizedText } from '../../src/contract/index.js';
import { BLOCK, createSearcher, normalizeQuery, pinyinOf, type SearchData } from '../../src/engine/directory/search.js';
import { createDirectory } from '../../src/engine/directory/directory.js';

const data: SearchData = {
  // "bad" (no colon), ":空" (no syllable) and "x:" (no characters) are skipped; 深 keeps its first reading.
  pinyin: 'shen:深申|zhen:圳|wan:湾|bad|:空|x:|sen:深|hai:海|dian:淀|guang:光|gu:谷|shi:市',
  places: {
    '440300': ['深圳市', '深圳市', 'Shenzhen'],
    '110000': ['北京市', '北京市', 'Beijing'],
    '420000': ['湖北省', '湖北省', 'Hubei'],
    '310000': ['上海市', '上海市', 'Shanghai'],
  },
};

const text = (zh: string, tw?: string, en?: string): LocalizedText => ({ 'zh-CN': zh, ...(tw !== undefined ? { 'zh-TW': tw } : {}), ...(en !== undefined ? { en } : {}) });

function entry(i: number, over: Partial<Incubator> = {}): Incubator {
  return {
    id: `e${i}`, name: text(`entry ${i}`, `條目 ${i}`, `Entry No${i}`), kind: 'incubator', level: 'local', lon: 110, lat: 30,
    adcode: '500101', industries: ['ai'], ...over,
  };
}

/** Every text of an entry a query may match, lowercased, each on its own. */
const texts = (it: Incubator, pinyin: Record<string, string>) => [
  ...[it.name, it.operator, it.address].flatMap((t) => (t ? [t['zh-CN'], t['zh-TW'] ?? '', t.en ?? ''] : [])),
  pinyin[it.id] ?? '',
].map((s) => s.toLowerCase());

const PLACE_TEXT: Record<string, string[]> = {
  '440300': ['深圳市', 'shenzhen', 'shenzhenshi szs'], '110000': ['北京市', 'beijing', 'shi s'], '420000': ['湖北省', 'hubei'], '310000': ['上海市', 'shanghai', 'haishi hs'],
};
/** The linear scan: own texts, then places (an adcode, its city xxxx00, its province xx0000). */
function scan(items: Incubator[], q: string, pinyin: Record<string, string>): string[] {
  const places = Object.entries(PLACE_TEXT).filter(([, ts]) => ts.some((t) => t.includes(q))).map(([a]) => a);
  return items.filter((it) => texts(it, pinyin).some((t) => t.includes(q))
    || places.some((p) => p === it.adcode || p === `${it.adcode.slice(0, 4)}00` || p === `${it.adcode.slice(0, 2)}0000`)).map((it) => it.id);
}

function run(items: Incubator[], q: string, d: SearchData | null = data): string[] {
  const s = createSearcher(items, d ?? undefined);
  const hit = new Uint8Array(items.length);
  const places = s.placesMatching(q);
  for (let b = 0; b < s.blocks; b++) s.matchBlock(b, q, places, hit);
  return items.filter((_, i) => hit[i]).map((it) => it.id);
}

describe('text search against a linear scan', () => {
  it('normalizes a query: NFKC, lower case, runs of blanks and NULs to one space, trimmed', () => {
    expect(normalizeQuery('  ＡＢ\tc\n\n d\u0000\u0000e  ')).to.equal('ab c d e');
    expect(normalizeQuery('ＳＨＥＮ　ＺＨＥＮ')).to.equal('shen zhen');
    expect(normalizeQuery('x')).to.equal('x');
  });

  it('pinyin: full syllables and initials of the characters it knows, nothing without a table', () => {
    const table = new Map([['深', 'shen'], ['圳', 'zhen'], ['湾', 'wan']]);
    expect(pinyinOf('深圳湾', table)).to.equal('shenzhenwan szw');
    expect(pinyinOf('A深x圳!', table)).to.equal('shenzhen sz');
    expect(pinyinOf('abc', table)).to.equal('');
    expect(pinyinOf('深圳', new Map())).to.equal('');
  });

  it('reads the pinyin table: each character\'s first reading, malformed groups skipped', () => {
    const items = [entry(0, { name: text('深圳湾', '深圳灣', 'Bay') }), entry(1, { name: text('空港', '空港', 'Port') }), entry(2, { name: text('申海', '申海', 'Sea') })];
    expect(run(items, 'shenzhenwan')).to.deep.equal(['e0']);
    expect(run(items, 'szw')).to.deep.equal(['e0']);
    expect(run(items, 'senzhen')).to.deep.equal([]);
    expect(run(items, 'shenhai')).to.deep.equal(['e2']);
    expect(run(items, 'sh')).to.deep.equal(['e0', 'e2']); // 申海 → "shenhai sh"
    // Without search data: no pinyin, no places, the texts still match.
    expect(run(items, 'shenzhen', null)).to.deep.equal([]);
    expect(run(items, '深圳', null)).to.deep.equal(['e0']);
    expect(run(items, 'bay', { pinyin: '', places: {} })).to.deep.equal(['e0']);
  });

  it('matches each text on its own: never across a field, a locale or an entry', () => {
    const items = [
      entry(0, { name: text('foo', 'bar', 'baz'), operator: text('qux', 'quux'), address: text('corge') }),
      entry(1, { name: text('grault', undefined, undefined), address: text('garply', 'waldo', 'fred') }),
    ];
    for (const q of ['foobar', 'barbaz', 'bazqux', 'quxquux', 'quuxcorge', 'foo bar', 'graultgarply', 'corgegrault', 'undefined', 'waldofred']) {
      expect(run(items, q), q).to.deep.equal([]);
    }
    expect(run(items, 'bar')).to.deep.equal(['e0']);
    expect(run(items, 'quux')).to.deep.equal(['e0']);
    expect(run(items, 'corge')).to.deep.equal(['e0']);
    expect(run(items, 'waldo')).to.deep.equal(['e1']);
    expect(run(items, 'fred')).to.deep.equal(['e1']);
    expect(run(items, 'grault')).to.deep.equal(['e1']);
  });

  it('a missing locale or field adds no text: an entry with only a Chinese name matches no Latin letter or sign', () => {
    // The bare entry is first in its block (its text starts the block's string) and has no zh-TW, en, operator or
    // address; without a pinyin table its name gives no pinyin either. Whatever a missing text were replaced by,
    // some printable ASCII character would match it.
    const bare: Incubator = { id: 'bare', name: { 'zh-CN': '深圳湾' }, kind: 'incubator', level: 'local', lon: 110, lat: 30, adcode: '500101', industries: [] };
    const items = [bare, entry(1, { name: text('空港', undefined, undefined) })];
    const ascii = Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k).toLowerCase()).filter((c) => c.trim());
    for (const d of [null, { pinyin: '', places: {} }] as (SearchData | null)[]) {
      for (const q of ascii) expect(run(items, q, d), `${JSON.stringify(q)} with ${JSON.stringify(d)}`).to.deep.equal([]);
      expect(run(items, '深圳', d)).to.deep.equal(['bare']);
    }
  });

  it('places: an entry in a matching city or province, by Chinese name, English name or pinyin', () => {
    const items = [
      entry(0, { adcode: '440305' }), entry(1, { adcode: '440300' }), entry(2, { adcode: '441900' }),
      entry(3, { adcode: '110108' }), entry(4, { adcode: '420111' }), entry(5, { adcode: '310000' }),
    ];
    expect(run(items, '深圳')).to.deep.equal(['e0', 'e1']);
    expect(run(items, 'shenzhen')).to.deep.equal(['e0', 'e1']);
    expect(run(items, 'szs')).to.deep.equal(['e0', 'e1']);
    expect(run(items, '北京')).to.deep.equal(['e3']);
    expect(run(items, 'hubei')).to.deep.equal(['e4']);
    expect(run(items, '上海')).to.deep.equal(['e5']);
    expect(run(items, 'guangzhou')).to.deep.equal([]);
    const s = createSearcher(items, data);
    expect([...s.placesMatching('shen')].sort()).to.deep.equal(['440300']);
    expect([...s.placesMatching('市')].sort()).to.deep.equal(['110000', '310000', '440300']);
    expect([...s.placesMatching('nowhere')]).to.deep.equal([]);
  });

  it('three blocks of entries: every query gives what the linear scan gives', () => {
    expect(BLOCK).to.equal(2048);
    const n = 2 * BLOCK + 904;
    const pinyin: Record<string, string> = {};
    const items: Incubator[] = [];
    for (let i = 0; i < n; i++) {
      const it = entry(i, {
        name: text(`名${i}号`, `名${i}號`, `Name${i}z`),
        ...(i % 3 === 0 ? { operator: text(`op${i % 50}`, undefined, `Operator ${i % 7}`) } : {}),
        ...(i % 5 === 0 ? { address: text(`road ${i % 11}`, `路 ${i % 11}`, `Road ${i % 13}`) } : {}),
        adcode: ['440305', '110108', '500101', '420111', '650102'][i % 5]!,
      });
      if (i === 17 || i === 2047 || i === 2048 || i === n - 1) it.name = text('深圳湾', '深圳灣', `Bay${i}`);
      if (i === 2047 || i === 2048) pinyin[it.id] = 'shenzhenwan szw';
      if (i === 17 || i === n - 1) pinyin[it.id] = 'shenzhenwan szw';
      items.push(it);
    }
    const queries = ['名0号', '名2047号', '名2048号', `名${n - 1}号`, 'name4095z', 'name4096z', 'name1', 'name20', '1z', '號', 'z',
      'op7', 'operator 3', 'road 1', 'road 12', '路 3', 'bay', 'bay2047', 'shenzhenwan', 'szw', '深圳', 'szs', 'hubei', '北京', 'nothing',
      `name${n - 1}z`, 'name0z', 'e', '名4', '3号'];
    for (const q of queries) {
      const got = run(items, q);
      expect(got, q).to.deep.equal(scan(items, q, pinyin));
    }
    // The same through the directory (every entry is local: the directory keeps their order).
    const dir = createDirectory(items, { search: data });
    for (const q of ['名2048号', 'NAME4095Z', 'bay', '  Shenzhen  ', 'szw', 'op7']) {
      expect(dir.query({ q, limit: 5000 }).items.map((i) => i.id), q).to.deep.equal(scan(items, normalizeQuery(q), pinyin));
    }
  });

  it('loads the search data only when the first text query needs it, and once', () => {
    let loads = 0;
    const items = [entry(0, { adcode: '440305' }), entry(1, { name: text('光谷', '光谷', 'Optics Valley') })];
    const dir = createDirectory(items, { search: () => { loads++; return data; } });
    expect(dir.query({ zoom: 5 }).total).to.equal(2);
    expect(dir.query({ level: 'local' }).total).to.equal(2);
    expect(loads).to.equal(0);
    expect(dir.query({ q: 'guanggu' }).items.map((i) => i.id)).to.deep.equal(['e1']);
    expect(dir.query({ q: 'shenzhen' }).items.map((i) => i.id)).to.deep.equal(['e0']);
    expect(loads).to.equal(1);
    const none = createDirectory(items, { search: () => undefined });
    expect(none.query({ q: 'optics' }).items.map((i) => i.id)).to.deep.equal(['e1']);
    expect(none.query({ q: 'guanggu' }).items).to.deep.equal([]);
  });
});
