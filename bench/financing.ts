// npm run bench:financing — quotes per second for a 60-month and a 360-month loan with every rate (annualized,
// effective, all-in), side by side with the same computation done with @formulajs/formulajs (PMT per loan,
// IPMT per period, IRR on the flows), medians of repeated runs in one process.
import * as formulajs from '@formulajs/formulajs';
import type { FinancingRequest, ReferenceRates } from '../src/contract/index.js';
import { quoteLoan } from '../src/engine/financing/loan.js';
import { fmt, median } from './median.js';

const F = formulajs as unknown as {
  PMT: (rate: number, n: number, pv: number) => number;
  IPMT: (rate: number, per: number, n: number, pv: number) => number;
  IRR: (values: number[], guess?: number) => number;
};
const rates: ReferenceRates = { lpr: [{ date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 }] };
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

function request(termMonths: number): FinancingRequest {
  return {
    principal: 3_000_000, termMonths, repayment: 'equal-installment', rate: { type: 'lpr', tenor: '1y', spreadBps: 35 },
    startDate: '2025-06-15', upfrontFeeRate: 0.005, guaranteeFee: { annualRate: 0.01 }, subsidy: { type: 'rate-points', annualPoints: 0.01 },
  };
}

/** The same schedule and rates with formulajs: PMT, IPMT per period, ROUND to the fen, IRR twice. */
function formulajsQuote(termMonths: number): number {
  const P = 3_000_000, annual = 0.0335, monthly = annual / 12;
  const round = (x: number) => Math.round(x * 100) / 100;
  const installment = round(F.PMT(monthly, termMonths, -P));
  const lender = [P - round(P * 0.005)];
  const allIn = [P - round(P * 0.005) - round(P * 0.01)];
  let balance = P;
  for (let k = 1; k <= termMonths; k++) {
    const interest = round(-F.IPMT(monthly, k, termMonths, P));
    const principal = k === termMonths ? balance : Math.min(balance, round(installment - interest));
    const opening = balance;
    balance = round(balance - principal);
    const fee = k % 12 === 0 && k < termMonths ? round(balance * 0.01) : 0;
    const subsidy = Math.min(interest, round(opening * 0.01 / 12));
    lender.push(-(interest + principal));
    allIn.push(-(interest + principal) - fee + subsidy);
  }
  return F.IRR(lender, monthly) * 12 + F.IRR(allIn, monthly) * 12;
}

function perQuoteMicros(fn: () => unknown, minMs = 300): number[] {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < minMs) { fn(); n++; }
    samples.push(((performance.now() - start) * 1000) / n);
  }
  return samples;
}

console.log(`financing quotes, Node ${process.version}, ${ROUNDS} rounds of ≥300 ms each, medians`);
for (const term of [60, 360]) {
  const req = request(term);
  quoteLoan(req, rates); formulajsQuote(term); // warm up both
  const ours = median(perQuoteMicros(() => quoteLoan(req, rates)));
  const theirs = median(perQuoteMicros(() => formulajsQuote(term)));
  console.log(`${String(term).padStart(3)}-month: chanrong ${fmt(ours, 1)} µs/quote (${fmt(1e6 / ours)} quotes/s) · formulajs ${fmt(theirs, 1)} µs/quote (${fmt(1e6 / theirs)} quotes/s) · ratio ${fmt(theirs / ours, 1)}×${term === 60 ? ` · aim < 50 µs: ${ours < 50 ? 'met' : 'NOT met'}` : ''}`);
}
