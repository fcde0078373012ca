// The bundled catalog: every program loads, cites its sources, and is reachable (some profile makes it eligible).
import { expect } from 'chai';
import type { Catalog, Criterion, FactDef, Profile } from '../../src/contract/index.js';
import { Catalog as CatalogSchema } from '../../src/contract/index.js';
import { checkEligibility, compileCatalog } from '../../src/engine/eligibility/evaluate.js';
import catalogJson from '../../src/data/catalog/catalog.json' with { type: 'json' };

const catalog = catalogJson as unknown as Catalog;
const ASOF = '2026-06-01';

/** A value of `def` that makes the leaf come out `want`, or undefined when none is found. */
function satisfy(def: FactDef, op: string, value: unknown, want: boolean): unknown {
  const options = def.options?.map((o) => o.value) ?? [];
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const candidates: unknown[] = [];
  if (def.type === 'boolean') candidates.push(true, false);
  if (def.type === 'enum') candidates.push(...options);
  if (def.type === 'enum-set') candidates.push([], ...options.map((o) => [o]), options);
  if (def.type === 'number' || def.type === 'integer') {
    const anchors = (Array.isArray(value) ? list : [value]) as number[];
    for (const a of anchors) candidates.push(a - 1, a, a + 1);
  }
  if (def.type === 'region') candidates.push(...list, '650100');
  if (def.type === 'date') candidates.push(ASOF, '2000-01-01', `${Number(ASOF.slice(0, 4)) - 2}-01-01`);
  if (def.type === 'string') candidates.push(value, 'zz');
  for (const candidate of candidates) {
    const probe = compileCatalog({ version: 'probe', facts: { f: def }, programs: [{ id: 'p', kind: 'loan', title: { 'zh-CN': 'p' }, sources: [{ title: { 'zh-CN': 's' } }], criteria: { fact: 'f', op, value } as Criterion }] });
    let status: string;
    try {
      status = checkEligibility(probe, { f: candidate } as Profile, { asOf: ASOF }).results[0]!.status;
    } catch {
      continue; // the candidate does not fit the fact (below min, say)
    }
    if (status === (want ? 'eligible' : 'ineligible')) return candidate;
  }
  return undefined;
}

/** Builds a profile that makes `node` come out `want` (first passing branch of an any). */
function witness(node: Criterion, want: boolean, profile: Profile): void {
  if ('all' in node || 'any' in node) {
    const children = 'all' in node ? node.all : node.any;
    const needsEvery = ('all' in node) === want;
    for (const child of needsEvery ? children : children.slice(0, 1)) witness(child, want, profile);
  } else if ('not' in node) {
    witness(node.not, !want, profile);
  } else {
    const v = satisfy(catalog.facts[node.fact]!, node.op, node.value, want);
    if (v !== undefined) profile[node.fact] = v as Profile[string];
  }
}

describe('bundled catalog', () => {
  it('fits the contract schema and loads', () => {
    expect(CatalogSchema.safeParse(catalog).success).to.equal(true);
    expect(() => compileCatalog(catalog)).to.not.throw();
  });

  it('has at least 12 programs covering the policy brief', () => {
    const ids = catalog.programs.map((p) => p.id);
    expect(ids.length).to.be.at.least(12);
    for (const id of [
      'tech-bond-enterprise', 'tech-bond-equity-investor', 'ip-pledge-loan', 'tech-credit-loan', 'tech-insurance',
      'tech-sme-first-loan-relending', 'tech-upgrade-relending', 'government-financing-guarantee', 'aic-equity-investment-pilot',
      'tech-mna-loan', 'incubator-admission', 'accelerator-admission', 'accelerator-operator-qualification',
    ]) expect(ids).to.include(id);
  });

  for (const program of catalog.programs) {
    it(`${program.id}: cites a dated or quoted source and is reachable`, () => {
      expect(program.sources.length).to.be.at.least(1);
      expect(program.validFrom, 'validity window').to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(program.sources.some((s) => s.quote || s.date)).to.equal(true);
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(program.title[locale], locale).to.be.a('string');
      const profile: Profile = {};
      witness(program.criteria, true, profile);
      const report = checkEligibility(compileCatalog(catalog), profile, { asOf: ASOF, programIds: [program.id] });
      expect(report.results[0]!.status, JSON.stringify(profile)).to.equal('eligible');
    });
  }

  it('financing presets stay within the contract (tech credit loans up to 60 months, LPR based)', () => {
    const credit = catalog.programs.find((p) => p.id === 'tech-credit-loan')!;
    expect(credit.financing!.termMonths).to.be.at.most(60);
    expect(credit.financing!.rate!.type).to.equal('lpr');
  });

  it('shares the negative-list and dishonest-debtor gates across enterprise programs', () => {
    const gates = (c: Criterion): string[] => ('all' in c ? c.all.flatMap(gates) : 'any' in c ? c.any.flatMap(gates) : 'not' in c ? gates(c.not) : c.id ? [c.id] : []);
    for (const p of catalog.programs) expect(gates(p.criteria), p.id).to.include('gate-dishonest');
    const neg = catalog.programs.filter((p) => gates(p.criteria).includes('gate-negative-list'));
    expect(neg.length).to.be.at.least(10);
  });
});
