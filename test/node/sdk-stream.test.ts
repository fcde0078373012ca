// The local client's streaming `checkMany`: awaitable (an array) and async-iterable (one report at a time), from
// arrays, generators and async iterables; input read lazily, one profile per report; errors naming the profile's
// position after the reports before it; early exit closing the source; an aborted signal honoured; the event loop
// served during a long stream. Every report equals the one-by-one `check`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EligibilityReport, Profile } from '../../src/contract/index.js';
import { ChanrongValidationError } from '../../src/sdk/errors.js';
import { createLocalClient } from '../../src/sdk/local-client.js';

const AS_OF = '2026-06-01';
const client = createLocalClient();
const profiles: Profile[] = [
  { entityType: 'enterprise', certifications: ['tech-sme'], enterpriseSize: 'small' },
  {},
  { entityType: 'accelerator-operator', capitalAdequacyRatio: 13, riskReserveCoverage: 10 },
  { entityType: 'enterprise', hasPledgeableIp: true, region: '320100' },
  { entityType: 'enterprise', privateEnterprise: null, requestedAmount: 800 },
];
const json = (x: unknown) => JSON.stringify(x);

async function collect(stream: AsyncIterable<EligibilityReport>): Promise<EligibilityReport[]> {
  const out: EligibilityReport[] = [];
  for await (const report of stream) out.push(report);
  return out;
}

describe('local client checkMany streams', () => {
  it('gives the one-by-one reports, awaited or iterated, from an array, a generator or an async iterable', async () => {
    const one = await Promise.all(profiles.map((profile) => client.eligibility.check({ profile, asOf: AS_OF })));
    function* gen() { yield* profiles; }
    async function* agen() { for (const p of profiles) { await null; yield p; } }
    assert.equal(json(await client.eligibility.checkMany(profiles, { asOf: AS_OF })), json(one));
    assert.equal(json(await collect(client.eligibility.checkMany(profiles, { asOf: AS_OF }))), json(one));
    assert.equal(json(await collect(client.eligibility.checkMany(gen(), { asOf: AS_OF }))), json(one));
    assert.equal(json(await collect(client.eligibility.checkMany(agen(), { asOf: AS_OF }))), json(one));
    const status = await client.eligibility.checkMany(profiles, { asOf: AS_OF, detail: 'status' });
    assert.deepEqual(status.map((r) => r.results.map((x) => [x.programId, x.status])), one.map((r) => r.results.map((x) => [x.programId, x.status])));
  });

  it('reads one profile per report, and closes the source when the consumer stops early', async () => {
    let pulled = 0, closed = false;
    function* source() {
      try { for (let i = 0; i < 1000; i++) { pulled++; yield profiles[i % profiles.length]!; } } finally { closed = true; }
    }
    const stream = client.eligibility.checkMany(source(), { asOf: AS_OF });
    assert.equal(pulled, 0, 'nothing runs before the stream is read');
    let seen = 0;
    for await (const report of stream) {
      assert.ok(report.results.length > 0);
      assert.equal(pulled, ++seen);
      if (seen === 3) break;
    }
    assert.equal(closed, true);
  });

  it('reads an array as its iterator would: grown while streamed, read through an iterator of its own, and stopped early', async () => {
    // An array with the default iterator is read by position (no iterator object); it must see what the iterator
    // sees: the length afresh at each step, so profiles pushed while streaming are screened too.
    const growing = [profiles[0]!, profiles[1]!];
    const seen: string[] = [];
    for await (const report of client.eligibility.checkMany(growing, { asOf: AS_OF, detail: 'status' })) {
      seen.push(json(report.results));
      if (growing.length < 4) growing.push(profiles[growing.length]!);
    }
    const want = await Promise.all(profiles.slice(0, 4).map(async (profile) => json((await client.eligibility.checkMany([profile], { asOf: AS_OF, detail: 'status' }))[0]!.results)));
    assert.deepEqual(seen, want);
    // An array with an iterator of its own is read through it, and closed when the consumer stops.
    let pulled = 0, closed = false;
    const own = [profiles[0]!, profiles[1]!];
    Object.defineProperty(own, Symbol.iterator, {
      value: function* () { try { for (const p of profiles) { pulled++; yield p; } } finally { closed = true; } },
    });
    let n = 0;
    for await (const report of client.eligibility.checkMany(own, { asOf: AS_OF })) { assert.ok(report.results.length > 0); if (++n === 3) break; }
    assert.equal(pulled, 3, 'the array\'s own iterator gave the profiles');
    assert.equal(closed, true);
    // Stopping early from an array, and reading past its end, end the stream.
    const stream = client.eligibility.checkMany([profiles[0]!], { asOf: AS_OF })[Symbol.asyncIterator]();
    assert.equal((await stream.next()).done, false);
    assert.equal((await stream.next()).done, true);
    assert.equal((await stream.next()).done, true);
  });

  it('rejects a bad profile naming its position, after the reports before it', async () => {
    const bad = [...profiles.slice(0, 3), { requestedAmount: 'lots' } as unknown as Profile, profiles[0]!];
    const got: EligibilityReport[] = [];
    await assert.rejects(async () => { for await (const r of client.eligibility.checkMany(bad, { asOf: AS_OF })) got.push(r); },
      (e: unknown) => e instanceof ChanrongValidationError && e.status === 400 && e.errors.some((x) => x.path === 'profiles.3.requestedAmount'));
    assert.equal(got.length, 3);
    await assert.rejects(async () => client.eligibility.checkMany([{ noSuchFact: 1 } as unknown as Profile], { asOf: AS_OF }),
      (e: unknown) => e instanceof ChanrongValidationError && e.errors.some((x) => x.path === 'profiles.0.noSuchFact'));
  });

  it('rejects bad options and an aborted signal when read, not when made', async () => {
    const stream = client.eligibility.checkMany(profiles, { asOf: '2026-02-30' });
    await assert.rejects(collect(stream), (e: unknown) => e instanceof ChanrongValidationError);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(collect(client.eligibility.checkMany(profiles, { asOf: AS_OF }, { signal: controller.signal })), (e: unknown) => (e as Error).name === 'AbortError');
  });

  it('serves the event loop during a long stream, and stops when aborted meanwhile', async () => {
    const controller = new AbortController();
    let timerRan = false, count = 0;
    setTimeout(() => { timerRan = true; controller.abort(); }, 5);
    function* endless() { for (let i = 0; i < 5_000_000; i++) yield profiles[i % profiles.length]!; }
    const started = Date.now();
    await assert.rejects(async () => {
      for await (const r of client.eligibility.checkMany(endless(), { asOf: AS_OF, detail: 'status' }, { signal: controller.signal })) count += r.results.length ? 1 : 0;
    }, (e: unknown) => (e as Error).name === 'AbortError');
    assert.equal(timerRan, true);
    assert.ok(count < 5_000_000 && Date.now() - started < 60_000, `stopped after ${count} reports`);
  });
});
