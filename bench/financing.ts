// npm run bench:financing — quotes per second for a 60-month and a 360-month loan with every rate (annualized,
// effective, all-in), side by side with the same computation done with @formulajs/formulajs (PMT per loan,
// IPMT per period, IRR on the flows), medians of repeated runs in one process. Then the v2 case (120 months,
// anniversary LPR repricing, two prepayments, actual/360), and the 60-month v1 quote against the engine as it was
// before Financing v2 (extracted from git into a temporary directory and run in this same process, rounds
// interleaved, so both see the same machine load). BENCH_BASELINE=<git rev> picks the old engine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** µs per call over one round of at least `minMs`. */
function oneRound(fn: () => unknown, minMs = 300): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) { fn(); n++; }
  return ((performance.now() - start) * 1000) / n;
}

function perQuoteMicros(fn: () => unknown, minMs = 300): number[] {
  return Array.from({ length: ROUNDS }, () => oneRound(fn, minMs));
}

console.log(`financing quotes, Node ${process.version}, ${ROUNDS} rounds of ≥300 ms each, medians`);
for (const term of [60, 360]) {
  const req = request(term);
  quoteLoan(req, rates); formulajsQuote(term); // warm up both
  const ours = median(perQuoteMicros(() => quoteLoan(req, rates)));
  const theirs = median(perQuoteMicros(() => formulajsQuote(term)));
  console.log(`${String(term).padStart(3)}-month: chanrong ${fmt(ours, 1)} µs/quote (${fmt(1e6 / ours)} quotes/s) · formulajs ${fmt(theirs, 1)} µs/quote (${fmt(1e6 / theirs)} quotes/s) · ratio ${fmt(theirs / ours, 1)}×${term === 60 ? ` · aim < 50 µs: ${ours < 50 ? 'met' : 'NOT met'}` : ''}`);
}

// v2: a 10-year M&A-style loan that reprices every anniversary on an LPR path, with two prepayments, actual/360.
const v2: FinancingRequest = {
  principal: 10_000_000, termMonths: 120, repayment: 'equal-installment', dayCount: 'actual/360', startDate: '2025-06-15',
  rate: { type: 'lpr', tenor: '5y', spreadBps: 0, repricing: 'anniversary', lprPath: [{ date: '2026-05-20', fiveYear: 0.034 }, { date: '2027-05-20', fiveYear: 0.0325 }] },
  prepayments: [{ period: 24, amount: 1_000_000, mode: 'reduce-payment', feeRate: 0.01 }, { period: 60, amount: 2_000_000, mode: 'shorten-term' }],
};
quoteLoan(v2, rates);
const v2Samples = Array.from({ length: 25 }, () => oneRound(() => quoteLoan(v2, rates), 40));
const v2Micros = median(v2Samples);
console.log(`v2 120-month, anniversary repricing, 2 prepayments, actual/360: median ${fmt(v2Micros, 1)} µs/quote, best round ${fmt(Math.min(...v2Samples), 1)} µs (25 rounds of ≥40 ms) · aim ≤ 60 µs: ${v2Micros <= 60 ? 'met' : 'NOT met'}`);

// The 60-month v1 quote, this engine against the one before v2, interleaved in one process.
const baseline = process.env.BENCH_BASELINE ?? '4ddd0d5';
let dir: string | undefined;
try {
  dir = mkdtempSync(join(tmpdir(), 'chanrong-bench-'));
  const archive = execFileSync('git', ['archive', baseline, 'src'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  // The old sources import packages (zod/mini since 2cf2cbf): they resolve from this checkout's node_modules.
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
  const old = (await import(join(dir, 'src/engine/financing/loan.ts'))) as { quoteLoan: typeof quoteLoan };
  const req = request(60);
  const a = JSON.stringify(old.quoteLoan(req, rates)), b = JSON.stringify(quoteLoan(req, rates));
  const newSamples: number[] = [], oldSamples: number[] = [];
  for (let round = 0; round < 30; round++) {
    oldSamples.push(oneRound(() => old.quoteLoan(req, rates), 40));
    newSamples.push(oneRound(() => quoteLoan(req, rates), 40));
  }
  const o = median(oldSamples), n = median(newSamples);
  console.log(`60-month v1 quote, 30 interleaved rounds of ≥40 ms: now median ${fmt(n, 1)} µs (best ${fmt(Math.min(...newSamples), 1)}) · before v2 (${baseline}) median ${fmt(o, 1)} µs (best ${fmt(Math.min(...oldSamples), 1)}) · ratio of medians ${fmt(n / o, 2)} · same answer: ${a === b}`);
} catch (error) {
  console.log(`(baseline ${baseline} not measured: ${(error as Error).message.split('\n')[0]})`);
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
