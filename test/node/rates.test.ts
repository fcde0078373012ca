// A host's own LPR table: `chanrong serve --rates FILE` and createLocalClient({ referenceRates }) serve it, say how far
// it was checked, and quotes that start later carry the warning.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLocalClient } from '../../src/sdk/local-client.js';
import bundled from '../../src/data/rates/lpr.json' with { type: 'json' };

const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'chanrong-rates-'));
const hostRates = { checkedOn: '2030-03-20', lpr: [{ date: '2030-03-20', oneYear: 0.021, fiveYear: 0.026 }, { date: '2019-08-20', oneYear: 0.0425, fiveYear: 0.0485 }] };
const loan = (startDate: string) => ({ principal: 100_000, termMonths: 12, repayment: 'interest-only', rate: { type: 'lpr', tenor: '1y', spreadBps: 0 }, startDate });

/** Starts `chanrong serve` on an ephemeral port; resolves with its URL and a stop function, or its exit. */
function serve(args: string[]): Promise<{ url?: string; code?: number | null; err: string; stop: () => void }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => { child.kill('SIGTERM'); }, 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+) /.exec(out);
      if (m) resolve({ url: m[1], err, stop: () => { clearTimeout(timer); child.kill('SIGTERM'); } });
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, err, stop: () => {} }); });
  });
}

describe('reference rates supplied by the host', () => {
  it('the bundled table says how far it was checked', () => {
    assert.match(String(bundled.checkedOn), /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(bundled.checkedOn >= bundled.lpr[0]!.date, 'checked at least through the newest fixing');
  });

  it('chanrong serve --rates FILE serves the host table and warns past its checked date', async () => {
    const file = join(dir, 'rates.json');
    writeFileSync(file, JSON.stringify(hostRates));
    const s = await serve(['--rates', file]);
    assert.ok(s.url, s.err);
    try {
      const rates = await (await fetch(`${s.url}/v1/reference-rates`)).json() as typeof hostRates;
      assert.equal(rates.checkedOn, '2030-03-20');
      assert.equal(rates.lpr[0]!.oneYear, 0.021);
      const post = async (startDate: string) => (await (await fetch(`${s.url}/v1/financing/quote`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(loan(startDate)),
      })).json()) as { annualRate: number; warnings: { code: string }[] };
      const inTable = await post('2030-03-20');
      assert.equal(inTable.annualRate, 0.021);
      assert.deepEqual(inTable.warnings.map((w) => w.code), []);
      assert.deepEqual((await post('2030-03-21')).warnings.map((w) => w.code), ['lpr-unchecked']);
    } finally {
      s.stop();
    }
  });

  it('refuses a rates file that breaks the contract, naming the field', async () => {
    const file = join(dir, 'bad-rates.json');
    writeFileSync(file, JSON.stringify({ checkedOn: '2030-02-30', lpr: [{ date: '2030-03-20', oneYear: 'low', fiveYear: 0.026 }] }));
    const s = await serve(['--rates', file]);
    s.stop();
    assert.equal(s.code, 1);
    assert.match(s.err, /lpr\.0\.oneYear/);
    assert.match(s.err, /checkedOn/);
  });

  it('createLocalClient({ referenceRates }) takes the same table', async () => {
    const client = createLocalClient({ referenceRates: hostRates });
    assert.equal((await client.referenceRates.list()).checkedOn, '2030-03-20');
    const quote = await client.financing.quote(loan('2031-01-01') as Parameters<typeof client.financing.quote>[0]);
    assert.equal(quote.annualRate, 0.021);
    assert.deepEqual(quote.warnings.map((w) => w.code), ['lpr-unchecked']);
  });
  it('an lprPath fixing of the tenor between the checked date and the start supplies the base: no lpr-unchecked', async () => {
    const client = createLocalClient({ referenceRates: hostRates });
    type Request = Parameters<typeof client.financing.quote>[0];
    const quote = (startDate: string, lprPath: { date: string; oneYear?: number; fiveYear?: number }[]) =>
      client.financing.quote({ ...loan(startDate), rate: { type: 'lpr', tenor: '1y', spreadBps: 0, lprPath } } as Request);
    const codes = async (startDate: string, path: { date: string; oneYear?: number; fiveYear?: number }[]) => (await quote(startDate, path)).warnings.map((w) => w.code);
    // The path's 1y fixing of 2030-06-20 (after checkedOn 2030-03-20, before the start) is the base at the start.
    const supplied = await quote('2031-01-01', [{ date: '2030-06-20', oneYear: 0.019 }]);
    assert.equal(supplied.annualRate, 0.019);
    assert.deepEqual(supplied.warnings.map((w) => w.code), []);
    // On the start day itself it still decides the base.
    assert.deepEqual(await codes('2031-01-01', [{ date: '2031-01-01', oneYear: 0.019 }]), []);
    // Not supplied: only the other tenor, a date after the start, or a date not after the checked one.
    assert.deepEqual(await codes('2031-01-01', [{ date: '2030-06-20', fiveYear: 0.024 }]), ['lpr-unchecked']);
    assert.deepEqual(await codes('2031-01-01', [{ date: '2031-01-02', oneYear: 0.019 }]), ['lpr-unchecked']);
    assert.deepEqual(await codes('2031-01-01', [{ date: '2030-03-20', oneYear: 0.019 }]), ['lpr-unchecked']);
  });
});
