// Regenerates test/fixtures/financing-oracle.json: each scenario of scenarios.json becomes a spreadsheet whose
// formulas (EDATE, ROUND, PMT, IRR) implement CONTRACT.md's financing rules on their own; LibreOffice Calc
// computes them headless and the CSV it writes becomes the expected values. CI does not need LibreOffice:
// the fixtures are committed. Run: node scripts/oracle/build-financing-fixtures.mjs (needs `soffice`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url);
const { loans, bonds } = JSON.parse(readFileSync(new URL('scenarios.json', here), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'chanrong-oracle-'));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cell = (formula) => `<table:table-cell table:formula="${esc(`of:=${formula}`)}" office:value-type="string"/>`;
const text = (s) => `<table:table-cell office:value-type="string"><text:p>${esc(s)}</text:p></table:table-cell>`;
const row = (cells) => `<table:table-row>${cells.join('')}</table:table-row>`;
function document(rows) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="oracle">${rows.join('\n')}</table:table></office:spreadsheet></office:body></office:document>`;
}
const money = (ref) => `TEXT(${ref};"0.00")`;
const rate = (ref) => `TEXT(${ref};"0.000000000000")`;

// Loan sheet: rows 2..term+1 are periods; columns (1-based) A period, B date, C opening, D interest, E principal,
// F payment, G closing, H guarantee fee, I subsidy, J lender flow, K all-in flow (row 1 holds the t0 flows).
function loanSheet(r) {
  const P = r.principal, term = r.termMonths, grace = r.graceMonths ?? 0, n = term - grace;
  const annual = r.rate.type === 'fixed' ? r.rate.annualRate : Math.round(r.rate.baseRate * 10000 + r.rate.spreadBps) / 10000;
  const g = r.guaranteeFee?.annualRate ?? 0, up = r.upfrontFeeRate ?? 0;
  const rows = [];
  // Hidden working columns (values) L..V; visible text outputs A..K.
  // Row 1: t0 flows and parameters.
  rows.push(row([
    text('t0'), cell(`TEXT(DATEVALUE("${r.startDate}");"YYYY-MM-DD")`), text(''), text(''), text(''), text(''), text(''),
    cell(money(`ROUND(${P}*${g};2)`)), text(''), cell(money(`${P}-ROUND(${P}*${up};2)`)), cell(money(`${P}-ROUND(${P}*${up};2)-ROUND(${P}*${g};2)`)),
    // L1: lender t0 flow value, M1: all-in t0 flow value
    cell(`${P}-ROUND(${P}*${up};2)`), cell(`${P}-ROUND(${P}*${up};2)-ROUND(${P}*${g};2)`),
  ]));
  for (let k = 1; k <= term; k++) {
    const i = k + 1; // sheet row
    const opening = k === 1 ? `${P}` : `[.Q${i - 1}]`; // Q = closing value
    const interest = `ROUND(${opening}*${annual}/12;2)`;
    let principal;
    if (k <= grace) principal = '0';
    else if (k === term) principal = opening;
    else if (r.repayment === 'equal-installment') principal = `MIN(${opening};ROUND(PMT(${annual}/12;${n};-${P});2)-[.O${i}])`;
    else if (r.repayment === 'equal-principal') principal = `MIN(${opening};ROUND(${P}/${n};2))`;
    else principal = '0';
    const subsidy = r.subsidy?.type === 'rate-points' ? `MIN([.O${i}];ROUND(${opening}*${r.subsidy.annualPoints}/12;2))`
      : r.subsidy?.type === 'share-of-interest' ? `ROUND([.O${i}]*${r.subsidy.share};2)` : '0';
    const fee = g && k % 12 === 0 && k < term ? `ROUND([.Q${i}]*${g};2)` : '0';
    // Values: N opening, O interest, P principal, Q closing, R payment, S fee, T subsidy, L lender flow, M all-in flow.
    rows.push(row([
      text(String(k)), cell(`TEXT(EDATE(DATEVALUE("${r.startDate}");${k});"YYYY-MM-DD")`),
      cell(money(`[.N${i}]`)), cell(money(`[.O${i}]`)), cell(money(`[.P${i}]`)), cell(money(`[.R${i}]`)), cell(money(`[.Q${i}]`)),
      cell(money(`[.S${i}]`)), cell(money(`[.T${i}]`)), cell(money(`[.L${i}]`)), cell(money(`[.M${i}]`)),
      cell(`-[.R${i}]`), cell(`-[.R${i}]-[.S${i}]+[.T${i}]`),
      cell(opening), cell(interest), cell(principal), cell(`[.N${i}]-[.P${i}]`), cell(`[.O${i}]+[.P${i}]`), cell(fee), cell(subsidy),
    ]));
  }
  const last = term + 1;
  rows.push(row([
    text('rates'), cell(rate(`IRR([.L1:.L${last}];${annual / 12})*12`)), cell(rate(`(1+IRR([.L1:.L${last}];${annual / 12}))^12-1`)),
    cell(rate(`IRR([.M1:.M${last}];${annual / 12})*12`)), cell(money(`ROUND(PMT(${annual}/12;${n};-${P});2)`)),
  ]));
  return document(rows);
}

function bondSheet(r) {
  const f = r.couponsPerYear, N = r.termYears * f, face = r.faceValue;
  const price = r.issuePrice ?? 100, up = r.upfrontCostRate ?? 0, ac = r.annualCostRate ?? 0;
  const rows = [row([
    text('0'), cell(`TEXT(DATEVALUE("${r.issueDate}");"YYYY-MM-DD")`), cell(money('0')), cell(money(`ROUND(${face}*${up};2)`)),
    cell(money(`ROUND(${face}*${price}/100;2)`)), cell(money(`[.G1]`)), cell(`ROUND(${face}*${price}/100;2)-ROUND(${face}*${up};2)`),
  ])];
  for (let k = 1; k <= N; k++) {
    const i = k + 1;
    const principal = k === N ? `${face}` : '0';
    rows.push(row([
      text(String(k)), cell(`TEXT(EDATE(DATEVALUE("${r.issueDate}");${(k * 12) / f});"YYYY-MM-DD")`),
      cell(money(`ROUND(${face}*${r.couponRate}/${f};2)`)), cell(money(`ROUND(${face}*${ac}/${f};2)`)), cell(money(principal)),
      cell(money(`[.G${i}]`)), cell(`-(ROUND(${face}*${r.couponRate}/${f};2)+ROUND(${face}*${ac}/${f};2)+${principal})`),
    ]));
  }
  rows.push(row([text('rates'), cell(rate(`IRR([.G1:.G${N + 1}];${r.couponRate / f})*${f}`))]));
  return document(rows);
}

const files = [];
loans.forEach((s, i) => { const file = join(dir, `loan-${i}.fods`); writeFileSync(file, loanSheet(s.request)); files.push(file); });
bonds.forEach((s, i) => { const file = join(dir, `bond-${i}.fods`); writeFileSync(file, bondSheet(s.request)); files.push(file); });
execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'csv', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 300_000 });

const csv = (file) => readFileSync(file.replace(/\.fods$/, '.csv'), 'utf8').trim().split('\n').map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
const num = Number;
const fixtures = {
  generatedBy: 'scripts/oracle/build-financing-fixtures.mjs with LibreOffice Calc (EDATE, ROUND, PMT, IRR)',
  loans: loans.map((s, i) => {
    const rows = csv(join(dir, `loan-${i}.fods`));
    const [t0, ...rest] = rows;
    const periods = rest.slice(0, -1);
    const rates = rest.at(-1);
    return {
      name: s.name,
      request: s.request,
      expected: {
        disbursementGuaranteeFee: num(t0[7]), lenderFlow0: num(t0[9]), allInFlow0: num(t0[10]), installment: num(rates[4]),
        schedule: periods.map((c) => ({
          period: num(c[0]), date: c[1], openingBalance: num(c[2]), interest: num(c[3]), principal: num(c[4]), payment: num(c[5]),
          closingBalance: num(c[6]), guaranteeFee: num(c[7]), subsidy: num(c[8]),
        })),
        annualizedRate: num(rates[1]), effectiveAnnualRate: num(rates[2]), allInCost: num(rates[3]),
      },
    };
  }),
  bonds: bonds.map((s, i) => {
    const rows = csv(join(dir, `bond-${i}.fods`));
    const flows = rows.slice(0, -1);
    return {
      name: s.name,
      request: s.request,
      expected: {
        cashFlows: flows.map((c) => ({ period: num(c[0]), date: c[1], coupon: num(c[2]), cost: num(c[3]), principal: num(c[4]), net: num(c[6]) })),
        issuerCost: num(rows.at(-1)[1]),
      },
    };
  }),
};
writeFileSync(new URL('../../test/fixtures/financing-oracle.json', here), `${JSON.stringify(fixtures, null, 1)}\n`);
console.log(`financing-oracle.json: ${fixtures.loans.length} loans, ${fixtures.bonds.length} bonds (from ${dir})`);
