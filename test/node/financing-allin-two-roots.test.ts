// allInCost of loans whose all-in flows have two rates of return: the one docs/contract.md ("Rates") names, of the
// roots whose sign is the net cost's (−Σ flows: the borrower receives 5,000 and pays back far more, so a positive
// cost), the one nearest the nominal periodic rate in ln(1 + r). Here the negative root is the nearer one: the rule
// before 2026-11-27 (nearest of all) reported a negative all-in cost of −316 % a year for a borrower who receives
// 5,000 and pays back 100,000 more, which no bank would sign. The quote carries the warning `several-rates-of-return`.
//
// Oracle: the flows are worked out by hand from the contract, the roots by scripts/oracle/allin_roots.py (Python
// `decimal`, 60 digits, a scan of ln(1 + r) over [-12, 12] and bisection; no code shared with irr.ts). Its numbers
// are pasted below (it applies the rule from the contract's text, too). Each flow list's signs change twice, so (Descartes' rule of signs in v = 1 / (1 + r)) there are
// at most two roots above -100 %; the script found two, so these are all of them. The engine's schedule is checked
// against the hand flows first, so the roots are roots of the flows the engine reports.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { FinancingRequest, type ReferenceRates } from '../../src/contract/index.js';
import { quoteLoan } from '../../src/engine/financing/loan.js';

const RATES: ReferenceRates = { lpr: [{ date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 }] };

interface Case {
  name: string;
  request: FinancingRequest;
  perYear: number;
  /** By hand: net amount at t0, then each period's payment and credited subsidy (yuan). */
  net: number;
  payments: number[];
  subsidies: number[];
  /** The two roots a period, from allin_roots.py. */
  roots: [number, number];
  /** Which of them the contract's rule picks (allin_roots.py; worked out below from the numbers, too). */
  want: 0 | 1;
}

const CASES: Case[] = [
  {
    // 100,000 at 60 % for 12 months, quarterly, equal principal, 95 % upfront fee, all interest subsidized in arrears.
    // Nominal 15 % a quarter (ln 1.15 = 0.1398); roots -79.07 % (ln: -1.5637, 1.7035 away) and +789.5 % (ln: 2.1854,
    // 2.0457 away). The flows sum to -95,000 (a positive net cost): the upper one, though the lower one is nearer.
    name: 'quarterly',
    request: {
      principal: 100_000, termMonths: 12, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0.6 },
      startDate: '2026-01-15', frequency: 'quarterly', upfrontFeeRate: 0.95,
      subsidy: { type: 'share-of-interest', share: 1, timing: 'annual-in-arrears' },
    },
    perYear: 4,
    net: 5000,
    payments: [40_000, 36_250, 32_500, 28_750],
    subsidies: [0, 0, 0, 37_500],
    roots: [-0.79065048692051194567, 7.89475722928698366210],
    want: 1,
  },
  {
    // 1,200 at 60 % for 12 months, monthly, equal principal, 95 % upfront fee, all interest subsidized in arrears.
    // Nominal 5 % a month (ln 0.0488); roots -29.24 % (0.3947 away in ln) and +263.5 % (1.2418 away). The flows sum
    // to -1,140 (a positive net cost): the upper one, though the lower one is nearer.
    name: 'monthly',
    request: {
      principal: 1200, termMonths: 12, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0.6 },
      startDate: '2026-01-15', upfrontFeeRate: 0.95,
      subsidy: { type: 'share-of-interest', share: 1, timing: 'annual-in-arrears' },
    },
    perYear: 12,
    net: 60,
    payments: [160, 155, 150, 145, 140, 135, 130, 125, 120, 115, 110, 105],
    subsidies: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 390],
    roots: [-0.29239243006931942257, 2.63503804457847287492],
    want: 1,
  },
];

/** NPV of the flows at r, over the sum of the flows' absolute present values (so ~1e-15 at a root). */
function relativeNpv(flows: readonly number[], r: number): number {
  let npv = 0, abs = 0, disc = 1;
  for (const f of flows) {
    npv += f * disc;
    abs += Math.abs(f) * disc;
    disc /= 1 + r;
  }
  return npv / abs;
}

describe('allInCost with two roots (subsidy credited annually in arrears): the root of the net cost\'s sign', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.roots[c.want] * c.perYear} a year, not ${c.roots[1 - c.want]! * c.perYear}`, () => {
      expect(FinancingRequest.safeParse(c.request).success, 'a contract-valid request').to.equal(true);
      const q = quoteLoan(c.request, RATES);
      // The flows are the hand-worked ones.
      expect(q.disbursement.netAmount).to.equal(c.net);
      expect(q.schedule.map((r) => r.payment)).to.deep.equal(c.payments);
      expect(q.schedule.map((r) => r.subsidy)).to.deep.equal(c.subsidies);
      expect(q.schedule.every((r) => r.guaranteeFee === 0)).to.equal(true);
      const flows = [c.net, ...c.payments.map((p, i) => c.subsidies[i]! - p)];
      // The pasted roots are roots of these flows, and the only two (two sign changes).
      for (const r of c.roots) expect(Math.abs(relativeNpv(flows, r)), `root ${r}`).to.be.below(1e-12);
      let changes = 0;
      for (let t = 1; t < flows.length; t++) if (Math.sign(flows[t]!) !== Math.sign(flows[t - 1]!)) changes++;
      expect(changes).to.equal(2);
      // The contract's rule: of the roots of the net cost's sign (−Σ > 0 here: positive), the nearest the nominal
      // rate — here the only positive one, while the negative one is the nearer (which the old rule reported).
      const sum = flows.reduce((a, b) => a + b, 0);
      expect(sum, 'pays back more than received').to.be.below(0);
      expect(c.roots.filter((r) => r > 0)).to.deep.equal([c.roots[c.want]]);
      const nominal = 0.6 / c.perYear;
      const dist = c.roots.map((r) => Math.abs(Math.log1p(r) - Math.log1p(nominal)));
      expect(dist[1 - c.want]! + 0.3, 'the other root is clearly nearer').to.be.below(dist[c.want]!);
      expect(q.allInCost, 'a positive cost').to.be.above(0);
      // The warning: several sign changes, so several rates; in three languages.
      const w = q.warnings.find((x) => x.code === 'several-rates-of-return');
      expect(w, 'the several-rates-of-return warning').to.not.equal(undefined);
      expect(Object.keys(w!.message).sort()).to.deep.equal(['en', 'zh-CN', 'zh-TW']);
      expect(w!.message.en).to.match(/arrears/).and.match(/more than one rate/);
      // Exact to 1e-9 (the contract's promise), and far from the other root.
      expect(q.allInCost).to.be.closeTo(c.roots[c.want] * c.perYear, 1e-9);
      expect(Math.abs(q.allInCost - c.roots[1 - c.want]! * c.perYear)).to.be.above(30);
    });
  }
});

describe('the several-rates-of-return warning: only when the all-in flows change sign more than once', () => {
  const flowsOf = (q: ReturnType<typeof quoteLoan>) => [q.disbursement.netAmount, ...q.schedule.map((r) => r.subsidy - r.payment - r.guaranteeFee)];
  const changes = (flows: number[]) => {
    let n = 0;
    for (let t = 1; t < flows.length; t++) if (Math.sign(flows[t]!) !== Math.sign(flows[t - 1]!)) n++;
    return n;
  };
  const base: FinancingRequest = {
    principal: 100_000, termMonths: 12, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.0435 },
    startDate: '2026-01-15', upfrontFeeRate: 0.01,
  };

  it('none for a subsidy in arrears too small to turn a flow positive (one sign change), nor for one with each payment', () => {
    // 30 % of a year's interest (about 2,380 × 0.3 = 714) is far below the 12th payment (about 8,530): every flow after
    // t0 stays negative.
    for (const timing of ['annual-in-arrears', 'with-payment'] as const) {
      const q = quoteLoan({ ...base, subsidy: { type: 'share-of-interest', share: 0.3, timing } }, RATES);
      const flows = flowsOf(q);
      expect(flows.every((f, t) => (t === 0 ? f > 0 : f < 0)), timing).to.equal(true);
      expect(changes(flows)).to.equal(1);
      expect(q.warnings, timing).to.deep.equal([]);
      expect(q.allInCost, timing).to.be.above(0);
    }
  });

  it('present for two years of interest-only with the whole interest subsidized in arrears (three sign changes)', () => {
    // 100,000 at 4.35 % interest-only for 24 months: −362.50 × 11, +3,987.50 (12 months' interest less the payment),
    // −362.50 × 11, then −100,362.50 + 4,350.
    const q = quoteLoan({ ...base, termMonths: 24, repayment: 'interest-only', subsidy: { type: 'share-of-interest', share: 1, timing: 'annual-in-arrears' } }, RATES);
    const flows = flowsOf(q);
    expect(flows[12]).to.equal(4350 - 362.5);
    expect(changes(flows)).to.equal(3);
    expect(q.warnings.map((w) => w.code)).to.deep.equal(['several-rates-of-return']);
    expect(Object.values(q.warnings[0]!.message).every((m) => m.length > 20)).to.equal(true);
    expect(q.warnings[0]!.message['zh-CN']).to.include('按年后付');
    expect(q.warnings[0]!.message['zh-TW']).to.include('按年後付');
  });
});
