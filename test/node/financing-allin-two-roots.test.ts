// allInCost of loans whose all-in flows have two rates of return: the one docs/contract.md ("Rates") names, the root
// nearest the nominal periodic rate measured in ln(1 + r), and not the root nearest some other starting point (the
// search for the root starting at the annual rate × periods a year found the other root here: loan.ts's IRR guess).
//
// Oracle: the flows are worked out by hand from the contract, the roots by scripts/oracle/allin_roots.py (Python
// `decimal`, 60 digits, a scan of ln(1 + r) over [-12, 12] and bisection; no code shared with irr.ts). Its numbers
// are pasted below. Each flow list's signs change twice, so (Descartes' rule of signs in v = 1 / (1 + r)) there are
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
  /** Which of them the contract's rule picks (worked out below from the numbers, too). */
  want: 0 | 1;
}

const CASES: Case[] = [
  {
    // 100,000 at 60 % for 12 months, quarterly, equal principal, 95 % upfront fee, all interest subsidized in arrears.
    // Nominal 15 % a quarter (ln 1.15 = 0.1398); roots -79.07 % (ln: -1.5637, 1.7035 away) and +789.5 % (ln: 2.1854,
    // 2.0457 away): the lower one. A start at 0.6 × 4 = 240 % a quarter (ln 1.2238) is nearer the upper one.
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
    want: 0,
  },
  {
    // 1,200 at 60 % for 12 months, monthly, equal principal, 95 % upfront fee, all interest subsidized in arrears.
    // Nominal 5 % a month (ln 0.0488); roots -29.24 % (0.3947 away in ln) and +263.5 % (1.2418 away): the lower one.
    // A start at 0.6 × 12 = 720 % a month (ln 2.0857) is nearer the upper one.
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
    want: 0,
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

describe('allInCost with two roots (subsidy credited annually in arrears): the root nearest the nominal rate', () => {
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
      // The contract's rule: nearest the nominal periodic rate in ln(1 + r).
      const nominal = 0.6 / c.perYear;
      const dist = c.roots.map((r) => Math.abs(Math.log1p(r) - Math.log1p(nominal)));
      expect(dist[c.want]! + 0.3, 'a clear choice, not a near tie').to.be.below(dist[1 - c.want]!);
      // Exact to 1e-9 (the contract's promise), and far from the other root.
      expect(q.allInCost).to.be.closeTo(c.roots[c.want] * c.perYear, 1e-9);
      expect(Math.abs(q.allInCost - c.roots[1 - c.want]! * c.perYear)).to.be.above(30);
    });
  }
});
