// <chanrong-incubator-map>: data in, a drawn map, a synchronized list, filters, details, keyboard, host basemaps.
import { expect } from '@open-wc/testing';
import type { Incubator } from '../../src/contract/index.js';
import type { ChanrongIncubatorMap } from '../../src/elements/index.js';
import { syntheticIncubators } from '../../src/sdk/synthetic.js';
import { cleanup, mount, text, waitFor } from './helpers.js';

type MapEl = ChanrongIncubatorMap;
const $ = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as T;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const listedIds = (el: Element) => $$(el, '.list-scroll button.row').map((b) => b.getAttribute('data-id'));
const nextRender = (el: Element) => new Promise<{ durationMs: number; points: number }>((r) =>
  el.addEventListener('chanrong-render', (e) => r((e as CustomEvent<{ durationMs: number; points: number }>).detail), { once: true }));

describe('<chanrong-incubator-map>', () => {
  afterEach(cleanup);

  it('draws the incubators set as a property and lists the viewport, virtualized', async () => {
    const el = await mount<MapEl>('<chanrong-incubator-map locale="en" style="width:900px"></chanrong-incubator-map>');
    const items = syntheticIncubators(5000, 11);
    const render = nextRender(el);
    el.incubators = items;
    const detail = await render;
    expect(detail.points).to.be.greaterThan(0);
    await waitFor(() => text(el).includes('5000 in view') || text(el).includes('5,000 in view'), 'list title');
    const rows = $$(el, '.list-scroll li');
    expect(rows.length).to.be.greaterThan(5).and.lessThan(40); // virtualized: a window of rows, not 1000
    expect($<HTMLElement>(el, '.list-scroll ul').style.height).to.equal('48000px');
  });

  it('filters by level and searches names, keeping the list in sync', async () => {
    const el = await mount<MapEl>('<chanrong-incubator-map locale="zh-CN" level="national"></chanrong-incubator-map>');
    await waitFor(() => listedIds(el).length > 0, 'national list');
    expect(listedIds(el)).to.include('tsinghua-university-science-park');
    const search = $<HTMLInputElement>(el, 'input[type=search]');
    search.value = '光谷';
    search.dispatchEvent(new Event('input'));
    await waitFor(() => listedIds(el).join() === 'optics-valley-biomed-incubator', 'search result');
  });

  it('opens details from the list, fires chanrong-select and moves focus to them', async () => {
    // Regional entries only, so the East Lake centre is in the list's first rendered rows (national entries come first).
    const el = await mount<MapEl>('<chanrong-incubator-map locale="zh-TW" level="regional"></chanrong-incubator-map>');
    await waitFor(() => listedIds(el).length > 0, 'list');
    const selected: Incubator[] = [];
    el.addEventListener('chanrong-select', (e) => selected.push(e.detail.incubator as Incubator));
    ($$(el, '.list-scroll button.row').find((b) => b.getAttribute('data-id') === 'wuhan-east-lake-innovation-center') as HTMLButtonElement).click();
    await waitFor(() => !!$(el, '[part="details"]'), 'details');
    expect(selected[0]!.id).to.equal('wuhan-east-lake-innovation-center');
    expect($(el, '#details-title').textContent).to.equal('武漢東湖新技術創業中心');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'details-title', 'focus on details');
  });

  it('opens a cluster of entries at one and the same place as a list (no zoom could split it)', async () => {
    const el = await mount<MapEl>('<chanrong-incubator-map locale="en" style="width:900px"></chanrong-incubator-map>');
    // 13 entries at one point in Zhengzhou (as the sample data has), 40 others far from it.
    const far = [[87.6, 43.8], [126.6, 45.8], [102.7, 25.0], [121.5, 31.2]] as const;
    const items = syntheticIncubators(53, 5).map((it, i) => (i < 13 ? { ...it, lon: 113.6253, lat: 34.7466 } : { ...it, lon: far[i % 4]![0] + (i % 7) * 0.05, lat: far[i % 4]![1] + (i % 5) * 0.05 }));
    el.incubators = items;
    const canvas = $<HTMLCanvasElement>(el, 'canvas');
    let at: [number, number] | undefined;
    await waitFor(() => {
      for (let x = 0; x < canvas.clientWidth; x += 2) for (let y = 0; y < canvas.clientHeight; y += 2) if (el.hitTest(x, y)?.count === 13) { at = [x, y]; return true; }
      return false;
    }, 'a cluster of 13 drawn');
    const rect = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent('click', { clientX: rect.left + at![0], clientY: rect.top + at![1], bubbles: true }));
    await waitFor(() => $(el, '.list-title').textContent === '13 at this one place', 'the place list');
    expect(listedIds(el).sort()).to.deep.equal(items.slice(0, 13).map((it) => it.id).sort());
    expect(el.hitTest(at![0], at![1])?.count, 'the view did not fly').to.equal(13);
  });

  it('hit-tests the drawn points where they were drawn', async () => {
    const el = await mount<MapEl>('<chanrong-incubator-map style="width:800px"></chanrong-incubator-map>');
    await waitFor(() => listedIds(el).length > 0, 'list');
    const canvas = $<HTMLCanvasElement>(el, 'canvas');
    let found = 0;
    for (let x = 0; x < canvas.clientWidth; x += 4) for (let y = 0; y < canvas.clientHeight; y += 4) if (el.hitTest(x, y)) found++;
    expect(found).to.be.greaterThan(0);
    expect(el.hitTest(-50, -50)).to.equal(undefined);
  });

  it('zooms and pans with the keyboard, and redraws when the gesture ends', async () => {
    const el = await mount<MapEl>('<chanrong-incubator-map style="width:800px"></chanrong-incubator-map>');
    await waitFor(() => listedIds(el).length > 0, 'list');
    const before = $$(el, '.list-scroll button.row').length;
    const focus = $<HTMLElement>(el, '.map-focus');
    focus.focus();
    const render = nextRender(el);
    focus.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    await render;
    for (let i = 0; i < 3; i++) {
      const r = nextRender(el);
      focus.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
      await r;
    }
    await waitFor(() => $$(el, '.list-scroll button.row').length < before, 'fewer incubators in a closer view');
  });

  it('shows counts by province in choropleth mode', async () => {
    const el = await mount<MapEl>('<chanrong-incubator-map locale="en"></chanrong-incubator-map>');
    ($$(el, 'fieldset.modes input')[1] as HTMLInputElement).click();
    await waitFor(() => $$(el, 'table.stats tbody tr').length === 34, 'province table');
    expect($(el, 'table.stats tbody tr th').textContent).to.not.equal('');
  });

  it("draws a host's approved basemap (GeoJSON or TopoJSON) and shows its review number instead of 示意图", async () => {
    const square = { type: 'FeatureCollection', features: [{ type: 'Feature', id: '440000', properties: { adcode: '440000' }, geometry: { type: 'Polygon', coordinates: [[[110, 20], [110, 25], [117, 25], [117, 20], [110, 20]]] } }] };
    const el = document.createElement('chanrong-incubator-map');
    el.basemap = square;
    el.setAttribute('review-number', 'GS(2024)1234号');
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    expect(text(el)).to.include('审图号：GS(2024)1234号');
    expect(text(el)).to.not.include('示意图');
    expect(text(el)).to.not.include('南海诸岛');
    const topo = { type: 'Topology', arcs: [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]], transform: { scale: [1, 1], translate: [110, 20] },
      objects: { provinces: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: '440000' }] } } };
    const render = nextRender(el);
    el.basemap = topo;
    await render;
  });

  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    it(`is axe-clean with list, details and stats in ${locale}`, async () => {
      const el = await mount<MapEl>(`<chanrong-incubator-map locale="${locale}"></chanrong-incubator-map>`);
      await waitFor(() => listedIds(el).length > 0, 'list');
      ($$(el, '.list-scroll button.row')[0] as HTMLButtonElement).click();
      await waitFor(() => !!$(el, '[part="details"]'), 'details');
      await expect(el).to.be.accessible();
      ($$(el, 'fieldset.modes input')[1] as HTMLInputElement).click();
      await waitFor(() => $$(el, 'table.stats tbody tr').length === 34, 'stats');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<chanrong-incubator-map> with the keyboard only', () => {
  afterEach(cleanup);

  it('zooms with +, reaches the list with Tab and opens an incubator with Enter', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await mount<MapEl>('<chanrong-incubator-map locale="en" style="width:800px"></chanrong-incubator-map>');
    await waitFor(() => listedIds(el).length > 0, 'list');
    $<HTMLElement>(el, '.map-focus').focus();
    const render = nextRender(el);
    await sendKeys({ press: '+' });
    await render;
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' }); // zoom in, zoom out, reset, first row
    expect(el.shadowRoot!.activeElement?.classList.contains('row')).to.equal(true);
    const selected = new Promise<Incubator>((r) => el.addEventListener('chanrong-select', (e) => r(e.detail.incubator as Incubator), { once: true }));
    await sendKeys({ press: 'Enter' });
    const it = await selected;
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'details-title', 'focus on details');
    expect($(el, '#details-title').textContent).to.equal(it.name.en);
  });
});

// Entries written for these tests (not the bundled sample, which the catalog replaces with sourced entries).
const place = (id: string, zh: string, en: string, adcode: string, lon: number, lat: number, level: Incubator['level'] = 'local'): Incubator => ({
  id, name: { 'zh-CN': zh, 'zh-TW': zh, en }, kind: 'incubator', level, lon, lat, adcode, industries: ['ai'],
});
const FIXTURE: Incubator[] = [
  place('zgc', '中关村创业大街', 'Zhongguancun Inno Way', '110108', 116.31, 39.98, 'national'),
  place('nanshan', '南山智园', 'Nanshan iPark', '440305', 113.95, 22.54),
  place('urumqi', '乌鲁木齐高新区孵化器', 'Urumqi Hi-tech Incubator', '650100', 87.6, 43.8),
  place('sansha', '三沙示例载体', 'Sansha sample', '460300', 112.34, 16.83),
  ...syntheticIncubators(3000, 5),
];
const mapWith = async (attrs: string, items: Incubator[] = FIXTURE) => {
  const el = document.createElement('chanrong-incubator-map') as MapEl;
  el.setAttribute('style', 'display:block;width:900px');
  for (const [k, v] of attrs.split(' ').filter(Boolean).map((a) => a.split('='))) el.setAttribute(k!, v ?? '');
  const drawn = new Promise<void>((resolve) => el.addEventListener('chanrong-render', (e) => { if ((e as CustomEvent).detail.points > 0) resolve(); }));
  el.incubators = items;
  document.body.append(el);
  await drawn;
  return el;
};
const press = async (el: MapEl, key: string, shiftKey = false) => {
  const r = nextRender(el);
  $<HTMLElement>(el, '.map-focus').dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
  await r;
};
const search = (el: MapEl, q: string) => {
  const input = $<HTMLInputElement>(el, 'input[type=search]');
  input.value = q;
  input.dispatchEvent(new Event('input'));
};
/** Every drawn mark, found by hit-testing a grid over the canvas. */
const scan = (el: MapEl, step = 3) => {
  const canvas = $<HTMLCanvasElement>(el, 'canvas');
  const found = new Set<ReturnType<MapEl['hitTest']>>();
  for (let x = 0; x < canvas.clientWidth; x += step) for (let y = 0; y < canvas.clientHeight; y += step) found.add(el.hitTest(x, y));
  found.delete(undefined);
  return [...found] as NonNullable<ReturnType<MapEl['hitTest']>>[];
};

describe('<chanrong-incubator-map>, issue 13', () => {
  afterEach(cleanup);

  it('finds a name outside the view by search, lists it as such, and flies to it when chosen', async () => {
    const el = await mapWith('locale=zh-CN');
    // Into the west: zoom on Xinjiang until Beijing is far outside the view.
    for (let i = 0; i < 3; i++) await press(el, '+');
    for (let i = 0; i < 6; i++) await press(el, 'ArrowLeft', true);
    search(el, '中关村');
    await waitFor(() => listedIds(el).join() === 'zgc', 'the match in the whole directory');
    expect(text(el)).to.include('搜索到 1 个载体');
    expect(text(el)).to.include('不在当前视野内');
    search(el, 'zgc'); // pinyin initials
    await waitFor(() => listedIds(el).join() === 'zgc' && text(el).includes('不在当前视野内'), 'pinyin match');
    const flown = new Promise<void>((resolve) => el.addEventListener('chanrong-render', () => {
      const c = $<HTMLCanvasElement>(el, 'canvas');
      if (el.hitTest(c.clientWidth / 2, c.clientHeight / 2)?.item?.id === 'zgc') resolve();
    }));
    ($$(el, '.list-scroll button.row')[0] as HTMLButtonElement).click();
    await flown;
    await waitFor(() => !text(el).includes('不在当前视野内'), 'now in view');
    expect($(el, '#details-title').textContent).to.equal('中关村创业大街');
  });

  it('searches city names: 深圳 finds the Shenzhen entry wherever the map looks', async () => {
    const el = await mapWith('locale=en');
    search(el, '深圳');
    await waitFor(() => listedIds(el).join() === 'nanshan', 'Shenzhen by city name');
    search(el, 'shenzhen');
    await waitFor(() => listedIds(el).join() === 'nanshan', 'Shenzhen in pinyin');
  });

  it('shows an unreachable endpoint as an error with retry, in the map and the list, never as an empty result', async () => {
    const el = document.createElement('chanrong-incubator-map') as MapEl;
    el.setAttribute('endpoint', 'http://127.0.0.1:9');
    const errors: unknown[] = [];
    el.addEventListener('chanrong-error', (e) => errors.push(e.detail.error));
    document.body.append(el);
    await waitFor(() => !!$(el, '.load-error.map') && !!$(el, '.load-error.list'), 'errors in map and list', 15_000);
    expect(text(el)).to.not.include('没有符合条件');
    expect($(el, '.load-error.map').getAttribute('role')).to.equal('alert');
    const before = errors.length;
    $<HTMLButtonElement>(el, '.load-error.list button.retry').click();
    await waitFor(() => errors.length > before, 'the retry tried again', 15_000);
    await waitFor(() => !!$(el, '.load-error.list'), 'still an error, still no empty list', 15_000);
  });

  it('keeps one selection for map, list and details; a search with no match closes the details', async () => {
    const el = await mapWith('locale=en');
    const hit = scan(el, 4).find((m) => m.item);
    expect(hit, 'a single point drawn').to.not.equal(undefined);
    const canvas = $<HTMLCanvasElement>(el, 'canvas');
    const rect = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent('click', { clientX: rect.left + hit!.x, clientY: rect.top + hit!.y, bubbles: true }));
    await waitFor(() => $(el, '#details-title')?.textContent === hit!.item!.name.en, 'details of the point');
    await waitFor(() => $$(el, 'button.row[aria-pressed=true]').every((b) => b.getAttribute('data-id') === hit!.item!.id), 'its row marked');
    search(el, 'no such incubator anywhere');
    await waitFor(() => text(el).includes('Nothing matches the search.'), 'no matches');
    expect($(el, '[part="details"]')).to.equal(null);
  });

  it('is a listbox for the keyboard: arrows move through clusters and points, each with a name and a place', async () => {
    const el = await mapWith('locale=zh-CN');
    const focus = $<HTMLElement>(el, '.map-focus');
    expect(focus.getAttribute('role')).to.equal('listbox');
    await press(el, 'ArrowRight');
    expect(focus.getAttribute('aria-activedescendant')).to.equal('map-option');
    const names = new Set<string>();
    for (let i = 0; i < 8; i++) {
      names.add($(el, '#map-option').textContent!.trim());
      await press(el, 'ArrowRight');
    }
    const cluster = [...names].find((n) => /^[\d,]+ 家孵化器，/.test(n));
    expect(cluster, [...names].join(' | ')).to.match(/^[\d,]+ 家孵化器，\S+(省|市|区)/);
    await expect(el).to.be.accessible();
  });

  it('draws non-overlapping marks, fills its box at every size, and shows the South China Sea entry in the inset', async () => {
    const el = await mapWith('locale=zh-CN', [...FIXTURE, ...syntheticIncubators(20_000, 9)]);
    const marks = scan(el, 2);
    for (let a = 0; a < marks.length; a++) for (let b = a + 1; b < marks.length; b++) {
      const [m, n] = [marks[a]!, marks[b]!];
      expect(Math.hypot(m.x - n.x, m.y - n.y), 'circles apart').to.be.at.least(m.r + n.r);
    }
    expect(marks.some((m) => m.inset), 'something drawn in the inset').to.equal(true);
    const { basemap } = await import('../../src/data/geo/index.js');
    const { layoutMap } = await import('../../src/elements/incubator-map/geometry.js');
    const c0 = $<HTMLCanvasElement>(el, 'canvas');
    const [bx, by, bw, bh] = layoutMap({ provinces: basemap.provinces.features as never, southChinaSea: basemap.southChinaSea!, schematic: true }, c0.clientWidth, c0.clientHeight).inset!.box;
    for (const m of marks.filter((k) => !k.inset)) {
      const nx = Math.max(bx, Math.min(m.x, bx + bw)), ny = Math.max(by, Math.min(m.y, by + bh));
      expect(Math.hypot(nx - m.x, ny - m.y), 'a mark clear of the inset').to.be.at.least(m.r);
    }
    expect(marks.filter((m) => !m.inset).every((m) => m.lat >= 18 || m.lon < 106), 'nothing south of Hainan in the main frame').to.equal(true);
    const frame = $<HTMLElement>(el, '.map-frame'), canvas = $<HTMLCanvasElement>(el, 'canvas');
    for (const width of ['700px', '480px', '320px']) {
      const r = nextRender(el);
      el.style.width = width;
      await r;
      expect(Math.abs(canvas.clientHeight - frame.clientHeight), width).to.be.at.most(2);
      expect(Math.abs(canvas.clientWidth - frame.clientWidth), width).to.be.at.most(2);
    }
    await press(el, '+');
    await press(el, 'ArrowUp', true);
    // The bottom row of pixels is painted (sea or land), not left blank after the gesture.
    const ctx = canvas.getContext('2d')!;
    const row = ctx.getImageData(0, canvas.height - 1, canvas.width, 1).data;
    for (let i = 3; i < row.length; i += 4) expect(row[i], 'opaque').to.equal(255);
  });

  it('formats counts with Intl and shows the choropleth scale', async () => {
    const el = await mapWith('locale=en', [...FIXTURE, ...syntheticIncubators(12_000, 3)]);
    await waitFor(() => /\d{1,2},\d{3} in view/.test(text(el)), 'grouped digits');
    ($$(el, 'fieldset.modes input')[1] as HTMLInputElement).click();
    await waitFor(() => !!$(el, 'figure.scale'), 'the scale');
    expect($(el, 'figure.scale figcaption').textContent).to.equal('Incubators per province');
    expect($$(el, 'figure.scale li').length).to.be.at.least(3);
    expect(text(el)).to.match(/\d{1,3}(,\d{3})*–\d{1,3}(,\d{3})*/);
  });
});

describe('<chanrong-incubator-map> details and industries', () => {
  afterEach(cleanup);

  it('shows who recognised an incubator, in which year, and the sources with links, in each locale', async () => {
    const expected = {
      'zh-CN': ['国家大学科技园（科技部、教育部）（2001 年名单）', '来源', '核对于 2026-11-26'],
      'zh-TW': ['國家大學科技園（科技部、教育部）（2001 年名單）', '來源', '核對於 2026-11-26'],
      en: ['National university science park (Ministry of Science and Technology, Ministry of Education) (2001 list)', 'Sources', 'checked 2026-11-26'],
    };
    for (const [locale, [recognition, sources, checked]] of Object.entries(expected)) {
      const el = await mount<MapEl>(`<chanrong-incubator-map locale="${locale}" level="national"></chanrong-incubator-map>`);
      await waitFor(() => listedIds(el).includes('tsinghua-university-science-park'), 'listed');
      ($$(el, '.list-scroll button.row').find((b) => b.getAttribute('data-id') === 'tsinghua-university-science-park') as HTMLButtonElement).click();
      await waitFor(() => !!$(el, '[part="details"]'), 'details');
      const details = $(el, '[part="details"]');
      expect(details.querySelector('dd.recognition')!.textContent!.trim(), locale).to.equal(recognition);
      expect([...details.querySelectorAll('dt')].map((d) => d.textContent), locale).to.include(sources);
      const link = details.querySelector<HTMLAnchorElement>('dd.sources a')!;
      expect(link.href).to.equal('https://mzt333.com/flfgk/95608.html');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(details.querySelector('dd.sources')!.textContent, locale).to.include(checked).and.include('2001-05-11');
      cleanup();
    }
  });

  it('takes industry options and labels from the catalog through the client, not from its own code', async () => {
    const [{ createLocalClient }, { bundledCatalog }] = await Promise.all([import('../../src/sdk/local-client.js'), import('../../src/data/bundled.js')]);
    const industry = { type: 'enum-set' as const, label: { 'zh-CN': '产业' }, options: [
      { value: 'ai', label: { 'zh-CN': '测试智能', 'zh-TW': '測試智慧', en: 'Test intelligence' } },
      { value: 'green', label: { 'zh-CN': '测试绿色', en: 'Test green' } },
    ] };
    const client = createLocalClient({ catalog: { ...bundledCatalog, facts: { ...bundledCatalog.facts, industry } }, incubators: FIXTURE.slice(0, 4) });
    const el = document.createElement('chanrong-incubator-map') as MapEl;
    el.setAttribute('locale', 'en');
    el.client = client;
    document.body.append(el);
    const select = () => $$(el, '.toolbar select')[1] as HTMLSelectElement;
    await waitFor(() => select()?.options.length === 3, 'the catalog\'s two options and "all"');
    expect([...select().options].map((o) => [o.value, o.textContent])).to.deep.equal([['', 'All'], ['ai', 'Test intelligence'], ['green', 'Test green']]);
    ($$(el, '.list-scroll button.row').find((b) => b.getAttribute('data-id') === 'zgc') as HTMLButtonElement).click();
    await waitFor(() => !!$(el, '[part="details"]'), 'details');
    expect($(el, '[part="details"]').textContent).to.include('Test intelligence');
    el.setAttribute('locale', 'zh-TW');
    await waitFor(() => [...select().options].some((o) => o.textContent === '測試智慧'), 'zh-TW label');
  });
});

describe("the map's number formats", () => {
  it('write small whole numbers without Intl exactly as Intl.NumberFormat does, in every locale, compact or not', async () => {
    const { NumberFormats } = await import('../../src/elements/incubator-map/panels.js');
    const f = new NumberFormats();
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      const plain = new Intl.NumberFormat(locale), compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
      for (const n of [...Array.from({ length: 1001 }, (_, i) => i), 0.5, 999.5, 1234, 12_345, -1, 200_000]) {
        expect(f.format(locale, n), `${locale} ${n}`).to.equal(plain.format(n));
        expect(f.format(locale, n, true), `${locale} ${n} compact`).to.equal(compact.format(n));
      }
    }
  });
});

describe('the bundled basemap and the public-map rules', () => {
  const bundled = async (which: 'full' | 'light') => {
    if (which === 'light') return (await import('../../src/data/geo/light.js')).lightBasemap();
    return (await import('../../src/data/geo/index.js')).basemap;
  };
  const polygonsOf = (g: { type: string; coordinates: unknown }) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  for (const which of ['full', 'light'] as const) {
    it(`keeps every island of the reference geometry, with an area, in the ${which} basemap (no ring collapses to a point)`, async () => {
      const { geoArea } = await import('d3-geo');
      const reference = (await import('../../src/data/geo/china.json', { with: { type: 'json' } })).default as unknown as { provinces: { features: { id: string; geometry: { type: string; coordinates: unknown } }[] }; southChinaSea: { features: { geometry: { type: string; coordinates: unknown } }[] } };
      const map = await bundled(which);
      const distinct = (ring: number[][]) => new Set(ring.map((c) => c.join())).size;
      const pairs: [string, number[][][][], number[][][][]][] = reference.provinces.features.map((f) => [f.id, polygonsOf(f.geometry), polygonsOf(map.provinces.features.find((g) => g.properties.adcode === f.id)!.geometry as never)]);
      pairs.push(['south-china-sea', polygonsOf(reference.southChinaSea.features[0]!.geometry), polygonsOf(map.southChinaSea!.features[0]!.geometry as never)]);
      let islands = 0;
      for (const [id, ref, got] of pairs) {
        expect(got.length, `${id}: polygons`).to.equal(ref.length);
        ref.forEach((poly, i) => poly.forEach((ring, j) => {
          if (distinct(ring) < 3) return; // a zero-area sliver in the source data
          islands++;
          const mine = got[i]![j]!;
          expect(distinct(mine), `${id} polygon ${i} ring ${j}: distinct points`).to.be.at.least(3);
          if (j === 0) expect(geoArea({ type: 'Polygon', coordinates: [mine] }), `${id} polygon ${i}: area (not inside out)`).to.be.within(1e-12, 2 * Math.PI);
        }));
      }
      expect(islands).to.be.above(150);
    });
  }
  it('draws first from the light basemap (no city labels); closer in, the full-detail one with its city labels', async () => {
    const { loadBasemap, loadDetailedBasemap } = await import('../../src/elements/incubator-map/geometry.js');
    const { lightBasemap } = await import('../../src/data/geo/light.js');
    const first = await loadBasemap(undefined), detail = (await loadDetailedBasemap())();
    expect(first.geo.provinces.length).to.equal(34);
    expect(first.cities).to.deep.equal([]);
    expect(JSON.stringify(first.geo.provinces)).to.equal(JSON.stringify(lightBasemap().provinces.features));
    expect(detail.geo.provinces.length).to.equal(34);
    expect(detail.cities.length).to.be.above(300);
    const points = (geo: { provinces: { geometry: unknown }[] }) => JSON.stringify(geo.provinces.map((p) => p.geometry)).split('],[').length;
    expect(points(first.geo), 'the light basemap has fewer points').to.be.below(points(detail.geo) * 0.6);
    for (const geo of [first.geo, detail.geo]) expect((geo.southChinaSea!.features[0]!.geometry as { coordinates: unknown[] }).coordinates.length).to.equal(16);
  });
  for (const which of ['full', 'light'] as const) it(`${which} basemap: has 钓鱼岛 and 赤尾屿, keeps Hainan's southern tip in the main frame and out from under the inset`, async () => {
    const basemap = await bundled(which);
    const { layoutMap } = await import('../../src/elements/incubator-map/geometry.js');
    const taiwan = basemap.provinces.features.find((f) => f.properties.adcode === '710000')!;
    const polygons = (taiwan.geometry.type === 'MultiPolygon' ? taiwan.geometry.coordinates : [(taiwan.geometry as { coordinates: number[][][] }).coordinates]) as number[][][][];
    const centre = (p: number[][][]) => [p[0]!.reduce((s, c) => s + c[0]!, 0) / p[0]!.length, p[0]!.reduce((s, c) => s + c[1]!, 0) / p[0]!.length];
    for (const [name, lon, lat] of [['钓鱼岛', 123.47, 25.74], ['赤尾屿', 124.56, 25.92]] as const) {
      expect(polygons.some((p) => { const [x, y] = centre(p); return Math.abs(x! - lon) < 0.3 && Math.abs(y! - lat) < 0.3 && new Set(p[0]!.map((c) => c.join())).size >= 3; }), name).to.equal(true);
    }
    expect(basemap.southChinaSea!.features[0]!.geometry.type).to.equal('MultiPolygon');
    expect((basemap.southChinaSea!.features[0]!.geometry as { coordinates: unknown[] }).coordinates.length).to.equal(16);
    const hainan = basemap.provinces.features.find((f) => f.properties.adcode === '460000')!;
    const tip = polygonsOf(hainan.geometry as never).flat(2).reduce((a, b) => (b[1]! < a[1]! ? b : a));
    expect(tip[1]).to.be.below(18.3);
    for (const [w, h] of [[320, 240], [480, 360], [960, 720], [1280, 960]] as const) {
      const layout = layoutMap({ provinces: basemap.provinces.features as never, southChinaSea: basemap.southChinaSea!, schematic: true }, w, h);
      const [x, y] = layout.projection(tip as [number, number])!;
      expect(x, `${w}`).to.be.within(0, w);
      expect(y, `${w}`).to.be.within(0, h);
      const [bx, by, bw, bh] = layout.inset!.box;
      expect(x >= bx && x <= bx + bw && y >= by && y <= by + bh, `tip under the inset at ${w}`).to.equal(false);
      // Nor does the inset cover Taiwan, 钓鱼岛 or 赤尾屿 (it did, at every size, until 2026-11-26).
      for (const [name, lon, lat] of [['钓鱼岛', 123.47, 25.74], ['赤尾屿', 124.56, 25.92], ['Taiwan, north', 121.5, 25.3], ['Taiwan, east', 121.7, 24]] as const) {
        const [ix, iy] = layout.projection([lon, lat])!;
        expect(ix >= bx - 2 && ix <= bx + bw + 2 && iy >= by - 2 && iy <= by + bh + 2, `${name} under the inset at ${w}×${h}`).to.equal(false);
      }
      expect(bw, `the inset keeps a legible size at ${w}`).to.be.at.least(w >= 480 ? 56 : 32);
    }
  });
});
