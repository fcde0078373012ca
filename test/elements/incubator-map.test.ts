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
    const el = await mount<MapEl>('<chanrong-incubator-map locale="zh-TW"></chanrong-incubator-map>');
    await waitFor(() => listedIds(el).length > 0, 'list');
    const selected: Incubator[] = [];
    el.addEventListener('chanrong-select', (e) => selected.push(e.detail.incubator as Incubator));
    ($$(el, '.list-scroll button.row').find((b) => b.getAttribute('data-id') === 'wuhan-east-lake-innovation-center') as HTMLButtonElement).click();
    await waitFor(() => !!$(el, '[part="details"]'), 'details');
    expect(selected[0]!.id).to.equal('wuhan-east-lake-innovation-center');
    expect($(el, '#details-title').textContent).to.equal('武漢東湖新技術創業中心');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'details-title', 'focus on details');
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
