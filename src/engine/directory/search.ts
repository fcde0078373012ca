// Text search over the whole directory: names, operators and addresses in every locale, the names of the
// province and city an entry lies in, and the pinyin of its Chinese name (full syllables and initials:
// "shenzhen", "sz"). Pinyin comes from a table built at data-build time (scripts/build-basemap.mjs), so no
// pinyin library ships in the bundle. The searchable text is built once, lazily, in blocks of entries joined
// into one string each, which `indexOf` scans much faster than a million small strings.
import type { Incubator, LocalizedText } from '../../contract/index.js';

export interface SearchData {
  /** Syllable groups: "a:阿啊…|ai:爱…" — each character with its most common reading. */
  pinyin: string;
  /** Names of provinces and cities by adcode: [zh-CN, zh-TW, en]. */
  places: Record<string, readonly string[]>;
}

/** Entries per block of searchable text. */
export const BLOCK = 2048;
const SEP = '\u0000';

export const normalizeQuery = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\u0000]+/g, ' ').trim();

export interface Searcher {
  /** Marks in `hit` (by directory position) the entries of block `b` that match `q` or lie in one of `places`. */
  matchBlock(b: number, q: string, places: ReadonlySet<string>, hit: Uint8Array): void;
  /** Adcodes whose place names (or their pinyin) contain the query. */
  placesMatching(q: string): Set<string>;
  blocks: number;
}

export function createSearcher(items: readonly Incubator[], data: SearchData | undefined): Searcher {
  const table = new Map<string, string>();
  for (const group of (data?.pinyin ?? '').split('|')) {
    const [syllable, chars] = group.split(':');
    if (syllable && chars) for (const ch of chars) if (!table.has(ch)) table.set(ch, syllable);
  }
  const places = Object.entries(data?.places ?? {}).map(([adcode, names]) => [adcode, normalizeQuery(`${names.join(SEP)}${SEP}${pinyinOf(names[0] ?? '', table)}`)] as const);
  const loc = (t: LocalizedText | undefined) => (t ? `${t['zh-CN']}\u0001${t['zh-TW'] ?? ''}\u0001${t.en ?? ''}` : '');
  const blocks: { text: string; starts: Uint32Array }[] = [];
  function block(b: number) {
    let blk = blocks[b];
    if (!blk) {
      const from = b * BLOCK, to = Math.min(items.length, from + BLOCK);
      const starts = new Uint32Array(to - from);
      let text = '';
      for (let i = from; i < to; i++) {
        const it = items[i]!;
        starts[i - from] = text.length;
        text += `${loc(it.name)}\u0001${loc(it.operator)}\u0001${loc(it.address)}\u0001${pinyinOf(it.name['zh-CN'], table)}${SEP}`;
      }
      blk = blocks[b] = { text: text.toLowerCase(), starts };
    }
    return blk;
  }
  return {
    blocks: Math.ceil(items.length / BLOCK),
    matchBlock(b, q, placeHits, hit) {
      const from = b * BLOCK, to = Math.min(items.length, from + BLOCK);
      if (placeHits.size) {
        for (let i = from; i < to; i++) {
          const a = items[i]!.adcode;
          if (placeHits.has(a) || placeHits.has(`${a.slice(0, 4)}00`) || placeHits.has(`${a.slice(0, 2)}0000`)) hit[i] = 1;
        }
      }
      const { text, starts } = block(b);
      let pos = text.indexOf(q);
      while (pos >= 0) {
        // The entry whose text holds this position: the last start at or before it.
        let lo = 0, hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= pos) lo = mid;
          else hi = mid - 1;
        }
        hit[from + lo] = 1;
        const next = lo + 1 < starts.length ? starts[lo + 1]! : text.length;
        pos = text.indexOf(q, next);
      }
    },
    placesMatching(q) {
      return new Set(places.filter(([, text]) => text.includes(q)).map(([adcode]) => adcode));
    },
  };
}

/** "深圳湾" → "shenzhenwan szw": full pinyin and initials of the Han characters, other characters dropped. */
export function pinyinOf(text: string, table: ReadonlyMap<string, string>): string {
  if (!table.size) return '';
  let full = '', initials = '';
  for (const ch of text) {
    const s = table.get(ch);
    if (!s) continue;
    full += s;
    initials += s[0];
  }
  return full ? `${full} ${initials}` : '';
}
