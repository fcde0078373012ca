// Input as Chinese users type it, totals that add up, stale results, and saved answers that no longer fit
// (issue 14 demands 3 and 4, issue 15 demand 5), driven through the widgets in a real browser.
import { expect } from '@open-wc/testing';
import type { AcceleratorClient, FinancingQuote } from '../../src/contract/index.js';
import type { ChanrongEligibilityChecker, ChanrongFinancingCalculator } from '../../src/elements/index.js';
import { createLocalClient } from '../../src/sdk/local-client.js';
import { $, $$, figure, type, cleanup, mount, text, waitFor } from './helpers.js';

async function submit(el: ChanrongFinancingCalculator): Promise<void> {
  $<HTMLButtonElement>(el, 'form button[type=submit]').click();
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}
const nextQuote = (el: HTMLElement) => new Promise<FinancingQuote>((r) => el.addEventListener('chanrong-quote', (e) => r(e.detail.quote as FinancingQuote), { once: true }));
const errorOf = (el: Element, field: string) => $(el, `[data-field="${field}"] .field-error`)?.textContent ?? null;

describe('input a Chinese user types', () => {
  afterEach(cleanup);

  it('takes "８００万", "1,000,000" and percentages typed with %, refuses "0x10", "1e3" and "12,5" saying what is expected', async () => {
    const el = await mount<ChanrongFinancingCalculator>('<chanrong-financing-calculator principal="500000" term-months="12" rate="0.04"></chanrong-financing-calculator>');
    type(el, 'principal', '８００万');
    let q = nextQuote(el);
    await submit(el);
    expect((await q).disbursement.principal).to.equal(8_000_000);
    type(el, 'principal', '1,000,000');
    type(el, 'guaranteeRate', '１．５％');
    q = nextQuote(el);
    await submit(el);
    expect((await q).disbursement.principal).to.equal(1_000_000);
    expect(el.request?.guaranteeFee?.annualRate).to.equal(0.015);
    for (const [typed, message] of [
      ['0x10', '贷款本金请用十进制数字填写，例如 1000000（不支持 0x 开头的写法）'],
      ['1e3', '贷款本金请直接写出数字，例如 1000000，不要用科学计数法'],
      ['12,5', '贷款本金的小数请用小数点，例如 12.5；逗号只用作千位分隔，例如 1,000,000'],
    ] as const) {
      type(el, 'principal', typed);
      await submit(el);
      await waitFor(() => errorOf(el, 'principal') === message, `the message for ${typed}`);
      expect($<HTMLInputElement>(el, '[data-field="principal"] input').value).to.equal(typed); // kept as typed
      expect(el.request?.principal).to.equal(1_000_000); // nothing priced
    }
  });

  it('one error per field in plain words ("年担保费率不得超过 100 %"), cleared when fixed', async () => {
    const el = await mount<ChanrongFinancingCalculator>('<chanrong-financing-calculator principal="500000" term-months="12" rate="0.04"></chanrong-financing-calculator>');
    type(el, 'guaranteeRate', '150');
    await submit(el);
    await waitFor(() => errorOf(el, 'guaranteeRate') === '年担保费率不得超过 100 %', 'the guarantee error');
    expect($$(el, '.field-error')).to.have.length(1);
    expect(text(el)).to.not.include('guaranteeFee.annualRate');
    expect($(el, '[part="results"]').getAttribute('data-stale')).to.equal('invalid'); // the quote shown is for other inputs
    type(el, 'guaranteeRate', '1.5');
    await el.updateComplete;
    expect(errorOf(el, 'guaranteeRate')).to.equal(null);
  });
});

describe('totals that add up: the first-year guarantee fee', () => {
  afterEach(cleanup);

  it('shows the t0 guarantee fee in the figures, as row 0 of the schedule and in the CSV', async () => {
    const el = await mount<ChanrongFinancingCalculator>('<chanrong-financing-calculator principal="1000000" term-months="24" rate="0.04"></chanrong-financing-calculator>');
    type(el, 'guaranteeRate', '1');
    type(el, 'upfrontFeeRate', '0.5');
    const quote = await (async () => { const q = nextQuote(el); await submit(el); return q; })();
    await el.updateComplete;
    // 1 % of 1,000,000 kept at disbursement; 0.5 % upfront: 1,000,000 − 10,000 − 5,000 received.
    expect(quote.disbursement.guaranteeFee).to.equal(10_000);
    expect(figure(el, 'guarantee-at-start')).to.equal('¥10,000.00');
    expect(figure(el, 'net-amount')).to.equal('¥985,000.00');
    const row0 = $$(el, 'table.schedule tr.disbursement td').map((td) => td.textContent!.trim());
    expect(row0).to.include('10,000.00');
    expect(row0).to.include('5,000.00');
    const csv = el.scheduleCsv();
    expect(csv[1]![0]).to.equal('0 放款');
    expect(csv[1]![7]).to.equal('10000.00');
    expect(csv.at(-1)![7]).to.equal(quote.totals.guaranteeFee.toFixed(2)); // the column's total includes row 0
  });
});

describe('stale results', () => {
  afterEach(cleanup);

  it('marks the previous quote while a new one fails, says what failed, and prices again on retry', async () => {
    const base = createLocalClient();
    let fail: unknown;
    const client: AcceleratorClient = { ...base, financing: { ...base.financing, quote: async (r, o) => { if (fail) throw fail; return base.financing.quote(r, o); } } };
    const el = document.createElement('chanrong-financing-calculator');
    el.client = client;
    el.principal = 300_000;
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    const first = figure(el, 'first-payment');
    fail = new RangeError('no IRR'); // what a client from another bundle might throw: no problem fields at all
    type(el, 'termMonths', '48');
    await submit(el);
    await waitFor(() => $(el, '[part="results"]')?.getAttribute('data-stale') === 'failed', 'the quote marked stale');
    expect(text(el)).to.include('重新计算失败，以下为上一次的结果，已不适用');
    expect(figure(el, 'first-payment')).to.equal(first);
    expect($(el, '[role=alert]').textContent).to.include('发生意外错误');
    fail = { type: 'urn:chanrong:problem:network', title: 'down', status: 0 }; // a plain object: recognised by its fields
    $<HTMLButtonElement>(el, '[role=alert] button').click();
    await waitFor(() => $(el, '[role=alert]')?.textContent?.includes('无法连接服务器') ?? false, 'the network message');
    fail = undefined;
    const q = nextQuote(el);
    $<HTMLButtonElement>(el, '[role=alert] button').click();
    expect((await q).schedule).to.have.length(48);
    await el.updateComplete;
    expect($(el, '[part="results"]').getAttribute('data-stale')).to.equal('fresh');
    expect(!!$(el, '[role=alert]')).to.equal(false);
  });
});

describe('saved answers that no longer fit (persist)', () => {
  afterEach(() => { cleanup(); sessionStorage.clear(); });

  it('drops the answers the catalog no longer asks or allows, says which, and keeps the rest', async () => {
    sessionStorage.setItem('chanrong:eligibility:old', JSON.stringify({ entityType: 'enterprise', enterpriseSize: 'enormous', retiredFact: true }));
    const el = await mount<ChanrongEligibilityChecker>('<chanrong-eligibility-checker id="old" persist as-of="2026-01-01"></chanrong-eligibility-checker>');
    expect(el.profile).to.deep.equal({ entityType: 'enterprise' });
    const notice = $(el, '[data-notice="restored"]').textContent!;
    expect(notice).to.include('企业规模');
    expect(notice).to.include('retiredFact');
    expect(JSON.parse(sessionStorage.getItem('chanrong:eligibility:old')!)).to.deep.equal({ entityType: 'enterprise' });
    expect(!!$(el, '[role=alert]')).to.equal(false); // no error state: the checker works on
    expect($$(el, '[data-program]').length).to.be.greaterThan(0);
  });

  it('clears unreadable saved answers with a notice', async () => {
    sessionStorage.setItem('chanrong:eligibility:bad', '{not json');
    const el = await mount<ChanrongEligibilityChecker>('<chanrong-eligibility-checker id="bad" persist as-of="2026-01-01"></chanrong-eligibility-checker>');
    expect(el.profile).to.deep.equal({});
    expect($(el, '[data-notice="restored"]').textContent).to.include('无法读取');
    expect(sessionStorage.getItem('chanrong:eligibility:bad')).to.equal(null);
  });

  it('offers "clear" in an error state, which forgets the saved answers and starts again', async () => {
    sessionStorage.setItem('chanrong:eligibility:err', JSON.stringify({ entityType: 'enterprise' }));
    const base = createLocalClient();
    let fail = true;
    const client: AcceleratorClient = { ...base, eligibility: { ...base.eligibility, check: async (r, o) => { if (fail) throw { type: 'x', title: 'down', status: 503 }; return base.eligibility.check(r, o); } } };
    const el = document.createElement('chanrong-eligibility-checker');
    el.id = 'err';
    el.persist = true;
    el.client = client;
    el.asOf = '2026-01-01';
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    const clear = $$(el, '[role=alert] button').find((b) => b.textContent!.includes('清除')) as HTMLButtonElement;
    expect(clear, 'a clear button in the alert').to.not.equal(undefined);
    fail = false;
    clear.click();
    await waitFor(() => !$(el, '[role=alert]') && $$(el, '[data-program]').length > 0, 'a fresh start');
    expect(el.profile).to.deep.equal({});
    expect(sessionStorage.getItem('chanrong:eligibility:err')).to.equal(null);
  });
});
