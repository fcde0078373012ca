// One contract suite, run against every AcceleratorClient (the local one in Node and in Chromium, the HTTP one
// against a real reference server), so the clients cannot drift apart.
import { expect } from 'chai';
import type { AcceleratorClient, Profile } from '../../src/contract/index.js';
import { ChanrongHttpError, ChanrongValidationError } from '../../src/sdk/errors.js';

export interface SuiteApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void> | void) => void;
  before: (fn: () => Promise<void> | void) => void;
  after: (fn: () => Promise<void> | void) => void;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}

function expectValidation(error: unknown, path: string): void {
  expect(error, String(error)).to.be.instanceOf(ChanrongValidationError);
  const e = error as ChanrongValidationError;
  expect(e.status).to.equal(400);
  expect(e.errors.map((x) => x.path)).to.include(path);
  expect(e.errors.find((x) => x.path === path)!.message).to.be.a('string').and.not.equal('');
}

export function clientContractSuite(name: string, makeClient: () => Promise<AcceleratorClient> | AcceleratorClient, t: SuiteApi): void {
  t.describe(`AcceleratorClient contract: ${name}`, () => {
    let client: AcceleratorClient;
    t.before(async () => { client = await makeClient(); });

    t.it('reports health with a version', async () => {
      const health = await client.health();
      expect(health.status).to.equal('ok');
      expect(health.version).to.be.a('string').and.not.equal('');
    });

    t.it('lists the programs in force with their sources and the catalog version', async () => {
      const answer = await client.programs.list({ asOf: '2026-01-01' });
      expect(answer.catalogVersion).to.be.a('string').and.not.equal('');
      expect(answer.programs.length).to.be.at.least(8);
      for (const p of answer.programs) {
        expect(p.sources.length, p.id).to.be.at.least(1);
        expect(p.title['zh-CN'], p.id).to.be.a('string');
      }
      expect(Object.keys(answer.facts)).to.include('region');
    });

    t.it('leaves out programs not yet in force on asOf', async () => {
      const before = await client.programs.list({ asOf: '2025-05-06' });
      const after = await client.programs.list({ asOf: '2025-05-07' });
      const ids = (r: typeof before) => r.programs.map((p) => p.id);
      expect(ids(before)).to.not.include('tech-bond-enterprise');
      expect(ids(after)).to.include('tech-bond-enterprise');
    });

    t.it('rejects an impossible asOf date, naming the field', async () => {
      expectValidation(await rejection(client.programs.list({ asOf: '2025-02-30' })), 'asOf');
    });

    t.it('serves the published LPR history newest first, back to the 2019 reform', async () => {
      const { lpr } = await client.referenceRates.list();
      const dates = lpr.map((f) => f.date);
      expect(dates).to.deep.equal([...dates].sort().reverse());
      expect(lpr.at(-1)).to.deep.equal({ date: '2019-08-20', oneYear: 0.0425, fiveYear: 0.0485 });
      expect(lpr.find((f) => f.date === '2024-10-21')).to.deep.equal({ date: '2024-10-21', oneYear: 0.031, fiveYear: 0.036 });
    });

    t.it('validates a financing request field by field before anything runs', async () => {
      const error = await rejection(client.financing.quote({
        principal: 100.001, termMonths: 0, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.04 }, startDate: '2025-01-31',
      }));
      expectValidation(error, 'principal');
      expectValidation(error, 'termMonths');
    });

    t.it('rejects a grace period as long as the term', async () => {
      expectValidation(await rejection(client.financing.quote({
        principal: 1000, termMonths: 12, graceMonths: 12, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0.04 }, startDate: '2025-01-31',
      })), 'graceMonths');
    });

    t.it('answers directory queries: viewport items, clusters by zoom, one incubator, province statistics', async () => {
      const all = await client.incubators.query({});
      expect(all.total).to.be.at.least(10);
      expect(all.items.length).to.equal(all.total);
      expect(all.items[0]!.level).to.equal('national');
      const yrd = await client.incubators.query({ bbox: [118, 29, 123, 33] }); // Yangtze River Delta
      expect(yrd.items.map((i) => i.id)).to.include.members(['ecust-university-science-park', 'suzhou-nano-university-science-park', 'zhejiang-university-science-park']);
      expect(yrd.items.every((i) => i.lon >= 118 && i.lon <= 123 && i.lat >= 29 && i.lat <= 33)).to.equal(true);
      const far = await client.incubators.query({ zoom: 2 });
      expect(far.clusters.reduce((n, c) => n + c.count, 0) + far.items.length).to.equal(far.total);
      expect(far.clusters.length).to.be.greaterThan(0);
      const searched = await client.incubators.query({ q: 'optics valley' });
      expect(searched.items.map((i) => i.id)).to.deep.equal(['optics-valley-biomed-incubator']);
      const tw = await client.incubators.query({ q: '清華' });
      // National entries first, then the others in directory order; both Tsinghua carriers match the zh-TW name.
      expect(tw.items.map((i) => i.id)).to.deep.equal(['tsinghua-university-science-park', 'tsinghua-innovation-park']);
      const tsinghua = await client.incubators.get('tsinghua-university-science-park');
      expect(tsinghua.adcode).to.equal('110108');
      expect(tsinghua.recognition).to.deep.equal([{ kind: 'national-university-science-park', year: 2001 }]);
      expect(tsinghua.sources![0]!.url).to.match(/^https?:\/\//);
      const missing = await rejection(client.incubators.get('no-such-park'));
      expect((missing as ChanrongHttpError).status).to.equal(404);
      const stats = await client.regions.stats({ level: 'national' });
      expect(stats).to.have.length(34);
      const gd = stats.find((r) => r.adcode === '440000')!;
      expect(gd.name['zh-CN']).to.equal('广东省');
      expect(gd.byLevel.regional).to.equal(0);
      expect(stats.reduce((n, r) => n + r.count, 0)).to.equal(all.items.filter((i) => i.level === 'national').length);
    });

    const sme: Profile = {
      entityType: 'enterprise', certifications: ['tech-sme'], enterpriseSize: 'small',
      restrictedActivities: [], onRelendingList: true, region: '440305', hasPledgeableIp: null,
    };

    t.it('checks a profile: eligible first, each program traced, the questions still needed', async () => {
      const report = await client.eligibility.check({ profile: sme, asOf: '2026-01-01' });
      expect(report.asOf).to.equal('2026-01-01');
      expect(report.catalogVersion).to.be.a('string').and.not.equal('');
      const statuses = report.results.map((r) => r.status);
      const rank = { eligible: 0, undetermined: 1, ineligible: 2 } as const;
      expect(statuses).to.deep.equal([...statuses].sort((a, b) => rank[a] - rank[b]));
      const firstLoan = report.results.find((r) => r.programId === 'tech-sme-first-loan-relending')!;
      expect(firstLoan.status).to.equal('eligible');
      expect(report.results.find((r) => r.programId === 'accelerator-operator-qualification')!.status).to.equal('ineligible');
      const ip = report.results.find((r) => r.programId === 'ip-pledge-loan')!;
      expect(ip.status).to.equal('undetermined');
      expect(ip.missingFacts).to.not.include('hasPledgeableIp'); // "don't know" is never asked again
      expect(report.nextQuestions.length).to.be.greaterThan(0);
      for (const r of report.results) for (const f of r.missingFacts) expect(report.nextQuestions).to.include(f);
    });

    t.it('screens a portfolio with the same answers as one-by-one checks', async () => {
      const profiles: Profile[] = [sme, {}, { entityType: 'accelerator-operator', capitalAdequacyRatio: 13, riskReserveCoverage: 10 }];
      const many = await client.eligibility.checkMany(profiles, { asOf: '2026-01-01' });
      const one = await Promise.all(profiles.map((profile) => client.eligibility.check({ profile, asOf: '2026-01-01' })));
      expect(many).to.deep.equal(one);
      expect(many[2]!.results[0]).to.include({ programId: 'accelerator-operator-qualification', status: 'eligible' });
    });

    t.it('lists paths to eligibility that make each program eligible when applied (v2)', async () => {
      const profile: Profile = {
        entityType: 'enterprise', region: '320100', certifications: [], privateEnterprise: true, enterpriseSize: 'small',
        restrictedProducts: false, majorViolation3y: false, requestedAmount: 500, abnormalOrDishonest: null,
      };
      const report = await client.eligibility.check({ profile, asOf: '2026-06-01', paths: 2 });
      let tried = 0;
      for (const result of report.results) {
        if (result.status === 'eligible') { expect(result.paths).to.equal(undefined); continue; }
        expect(result.paths, result.programId).to.be.an('array');
        const sizes = result.paths!.map((p) => p.changes.length);
        expect(sizes).to.deep.equal([...sizes].sort((a, b) => a - b));
        for (const path of result.paths!) {
          for (const change of path.changes) expect(change.fact, 'region and entity type are never changed once answered').to.not.be.oneOf(['region', 'entityType']);
          const applied = { ...profile, ...Object.fromEntries(path.changes.map((c) => [c.fact, c.to])) };
          const again = await client.eligibility.check({ profile: applied, asOf: '2026-06-01', programIds: [result.programId] });
          expect(again.results[0]!.status, `${result.programId} ${JSON.stringify(path)}`).to.equal('eligible');
          tried++;
        }
      }
      expect(tried).to.be.greaterThan(5);
      const dontKnow = report.results.flatMap((r) => r.paths ?? []).flatMap((p) => p.changes).find((c) => c.fact === 'abnormalOrDishonest');
      expect(dontKnow).to.deep.equal({ fact: 'abnormalOrDishonest', from: null, to: false });
    });

    t.it('limits the check to programIds and answers unknown ids with 404', async () => {
      const report = await client.eligibility.check({ profile: {}, asOf: '2026-01-01', programIds: ['ip-pledge-loan'] });
      expect(report.results.map((r) => r.programId)).to.deep.equal(['ip-pledge-loan']);
      const error = await rejection(client.eligibility.check({ profile: {}, programIds: ['no-such-program'] }));
      expect(error).to.be.instanceOf(ChanrongHttpError);
      expect((error as ChanrongHttpError).status).to.equal(404);
    });

    t.it('refuses a profile that does not fit the catalog, naming each fact', async () => {
      const error = await rejection(client.eligibility.check({ profile: { capitalAdequacyRatio: 2000, region: '4403', enterpriseSize: 'giant', unknownFact: true } }));
      for (const path of ['profile.capitalAdequacyRatio', 'profile.region', 'profile.enterpriseSize', 'profile.unknownFact']) expectValidation(error, path);
    });

    t.it('quotes a loan: schedule to the fen, fees, subsidy and the annualized rate', async () => {
      const quote = await client.financing.quote({
        principal: 1_000_000, termMonths: 36, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.0435 },
        startDate: '2025-01-31', upfrontFeeRate: 0.01, guaranteeFee: { annualRate: 0.01 }, subsidy: { type: 'rate-points', annualPoints: 0.015 },
      });
      expect(quote.schedule).to.have.length(36);
      expect(quote.schedule.slice(0, 3).map((r) => r.date)).to.deep.equal(['2025-02-28', '2025-03-31', '2025-04-30']);
      expect(quote.schedule[0]).to.deep.equal({
        period: 1, date: '2025-02-28', openingBalance: 1_000_000, interest: 3625, principal: 26054.93, payment: 29679.93,
        guaranteeFee: 0, subsidy: 1250, closingBalance: 973945.07,
      });
      expect(quote.schedule.at(-1)!.closingBalance).to.equal(0);
      expect(quote.totals.principal).to.equal(1_000_000);
      expect(quote.disbursement).to.deep.equal({ date: '2025-01-31', principal: 1_000_000, upfrontFee: 10000, guaranteeFee: 10000, netAmount: 980000 });
      expect(quote.annualRate).to.equal(0.0435);
      expect(quote.annualizedRate).to.be.greaterThan(0.0435);
      expect(quote.allInCost).to.be.lessThan(quote.annualizedRate); // the subsidy outweighs the guarantee fee here
    });

    t.it('takes the LPR published on or before the start date and adds the spread', async () => {
      const quote = await client.financing.quote({ principal: 100_000, termMonths: 12, repayment: 'interest-only', rate: { type: 'lpr', tenor: '5y', spreadBps: -20 }, startDate: '2024-10-20' });
      expect(quote.annualRate).to.equal(0.0385 - 0.002); // 2024-07-22 fixing: 3.85 %
      const error = await rejection(client.financing.quote({ principal: 100_000, termMonths: 12, repayment: 'interest-only', rate: { type: 'lpr', tenor: '1y', spreadBps: 0 }, startDate: '2019-08-19' }));
      expectValidation(error, 'startDate');
    });

    t.it('says how far the LPR table was checked, and warns on a quote that starts later', async () => {
      const rates = await client.referenceRates.list();
      expect(rates.checkedOn).to.match(/^\d{4}-\d{2}-\d{2}$/);
      const day = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      const lpr = (startDate: string) => client.financing.quote({ principal: 100_000, termMonths: 12, repayment: 'interest-only', rate: { type: 'lpr', tenor: '1y', spreadBps: 0 }, startDate });
      expect((await lpr(rates.checkedOn!)).warnings.map((w) => w.code)).to.not.include('lpr-unchecked');
      const later = await lpr(day(rates.checkedOn!, 1));
      expect(later.warnings.map((w) => w.code)).to.include('lpr-unchecked');
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(later.warnings.find((w) => w.code === 'lpr-unchecked')!.message[locale]).to.be.a('string');
      // A fixed rate and a base rate the borrower supplies do not depend on the table.
      const fixed = await client.financing.quote({ principal: 100_000, termMonths: 12, repayment: 'interest-only', rate: { type: 'fixed', annualRate: 0.03 }, startDate: day(rates.checkedOn!, 30) });
      expect(fixed.warnings.map((w) => w.code)).to.not.include('lpr-unchecked');
    });

    t.it('warns when the principal exceeds the IP-pledge cap', async () => {
      const quote = await client.financing.quote({
        principal: 600_000, termMonths: 24, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0.04 }, startDate: '2025-03-01',
        ipPledge: { appraisedValue: 1_000_000, pledgeRatio: 0.5 },
      });
      expect(quote.limits).to.deep.equal({ maxPrincipal: 500_000 });
      expect(quote.warnings.map((w) => w.code)).to.deep.equal(['exceeds-pledge-cap']);
      expect(quote.warnings[0]!.message['zh-CN']).to.be.a('string');
    });

    t.it("quotes a bond's issuer flows, cost and risk-sharing split", async () => {
      const quote = await client.financing.bondQuote({
        faceValue: 100_000_000, couponRate: 0.025, termYears: 3, couponsPerYear: 2, issuePrice: 99.5, upfrontCostRate: 0.003,
        annualCostRate: 0.001, issueDate: '2025-06-30',
        riskSharing: { defaultProbability: 0.02, lossGivenDefault: 0.6, shares: { pboc: 0.4, local: 0.35, enhancer: 0.25 } },
      });
      expect(quote.cashFlows).to.have.length(7);
      expect(quote.cashFlows[0]).to.deep.equal({ period: 0, date: '2025-06-30', coupon: 0, cost: 300_000, principal: 99_500_000, net: 99_200_000 });
      expect(quote.cashFlows[6]!.net).to.equal(-101_300_000);
      expect(quote.riskSharing).to.deep.equal({ expectedLoss: 1_200_000, byParty: { pboc: 480_000, local: 420_000, enhancer: 300_000 } });
      expect(quote.issuerCost).to.be.greaterThan(0.026).and.lessThan(0.03);
    });

    t.it('validates eligibility, directory and region queries', async () => {
      expectValidation(await rejection(client.eligibility.check({ profile: { 'Bad key': 1 } } as never)), 'profile.Bad key');
      expectValidation(await rejection(client.incubators.query({ bbox: [120, 40, 110, 30] })), 'bbox');
      expectValidation(await rejection(client.regions.stats({ level: 'galactic' } as never)), 'level');
      expectValidation(await rejection(client.incubators.get('Not An Id!')), 'id');
      expectValidation(await rejection(client.financing.bondQuote({
        faceValue: 1e8, couponRate: 0.025, termYears: 3, couponsPerYear: 1, issueDate: '2025-06-01',
        riskSharing: { defaultProbability: 0.02, lossGivenDefault: 0.6, shares: { pboc: 0.5, local: 0.3 } },
      })), 'riskSharing.shares');
    });

    t.it('stops when the caller aborts', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(client.referenceRates.list({ signal: controller.signal }));
      expect((error as Error).name).to.equal('AbortError');
    });
  });
}
