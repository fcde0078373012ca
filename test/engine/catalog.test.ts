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

  it('covers the policy brief and the instruments the seed names (issue 10)', () => {
    const ids = catalog.programs.map((p) => p.id);
    expect(ids.length).to.be.at.least(12);
    for (const id of [
      'tech-bond-enterprise', 'tech-bond-equity-investor', 'ip-pledge-loan', 'tech-credit-loan',
      'tech-sme-first-loan-relending', 'tech-upgrade-relending', 'government-financing-guarantee', 'aic-equity-investment-pilot',
      'mna-loan', 'incubator-admission', 'accelerator-operator-qualification',
      'tech-innovation-guarantee-plan', 'equipment-renewal-interest-subsidy', 'supply-chain-finance', 'startup-guarantee-loan',
      'ip-finance-ecosystem-pilot',
    ]) expect(ids).to.include(id);
    // Invented programs are gone, or kept as proposals.
    for (const id of ['tech-insurance', 'accelerator-admission', 'tech-mna-loan']) expect(ids).to.not.include(id);
  });

  for (const program of catalog.programs) {
    it(`${program.id}: cites a dated or quoted source and is reachable`, () => {
      expect(program.sources.length).to.be.at.least(1);
      expect(program.standing, 'standing').to.be.oneOf(['regulation', 'pilot', 'proposal']);
      // A proposal of the brief is not law and has no validity window of its own.
      if (program.standing !== 'proposal') expect(program.validFrom, 'validity window').to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(program.sources.some((s) => s.quote || s.date)).to.equal(true);
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(program.title[locale], locale).to.be.a('string');
      const profile: Profile = {};
      witness(program.criteria, true, profile);
      const report = checkEligibility(compileCatalog(catalog), profile, { asOf: ASOF, programIds: [program.id] });
      expect(report.results[0]!.status, JSON.stringify(profile)).to.equal('eligible');
    });
  }

  it('every source has a url and was reviewed within a year of the catalog date; official texts over https', () => {
    const sources = catalog.programs.flatMap((p) => {
      const nodes: Criterion[] = [p.criteria];
      const out = [...p.sources];
      while (nodes.length) {
        const n = nodes.pop()!;
        if (n.source) out.push(n.source);
        if ('all' in n) nodes.push(...n.all); else if ('any' in n) nodes.push(...n.any); else if ('not' in n) nodes.push(n.not);
      }
      return out;
    });
    // Only the brief and one press report have no https copy (src/data/catalog/PROVENANCE.md says so).
    const httpOnly = ['http://www.rainbowmusic.cn/news/414963.html', 'http://www.jiashengsw.com/news/44f14699809.html'];
    for (const s of sources) {
      expect(s.url, s.title['zh-CN']).to.be.a('string');
      if (!httpOnly.includes(s.url!)) expect(s.url, s.title['zh-CN']).to.match(/^https:\/\//);
      expect(s.reviewedOn, s.title['zh-CN']).to.be.a('string');
      const age = (Date.parse('2026-11-26') - Date.parse(s.reviewedOn!)) / 86_400_000;
      expect(age, s.title['zh-CN']).to.be.within(0, 365);
    }
  });

  it('states the rules in force: 2026 tool name, 3000万 plan, subsidy end date, proposals marked', () => {
    const byId = new Map(catalog.programs.map((p) => [p.id, p]));
    expect(byId.get('tech-bond-enterprise')!.summary!['zh-CN']).to.include('科技创新与民营企业债券风险分担工具');
    const plan = JSON.stringify(byId.get('tech-innovation-guarantee-plan')!.criteria);
    expect(plan).to.include('"fact":"requestedAmount","op":"lte","value":3000');
    const subsidy = byId.get('equipment-renewal-interest-subsidy')!;
    expect(subsidy.validUntil).to.equal('2026-12-31');
    const upgrade = byId.get('tech-upgrade-relending')!.financing!.subsidy!;
    expect(upgrade).to.include({ type: 'rate-points', annualPoints: 0.015, months: 24, until: '2026-12-31' });
    expect(byId.get('incubator-admission')!.standing).to.equal('proposal');
    expect(byId.get('accelerator-operator-qualification')!.standing).to.equal('proposal');
    expect(byId.get('aic-equity-investment-pilot')!.standing).to.equal('pilot');
    for (const p of catalog.programs) if (p.standing === 'proposal') expect(p.summary!.en, p.id).to.include('not a regulation');
  });

  it('financing presets stay within the contract (tech credit loans up to 60 months, LPR based)', () => {
    const credit = catalog.programs.find((p) => p.id === 'tech-credit-loan')!;
    expect(credit.financing!.termMonths).to.be.at.most(60);
    expect(credit.financing!.rate!.type).to.equal('lpr');
  });

  it('applies gates only where their source says so', () => {
    const ids = (c: Criterion): string[] => ('all' in c ? c.all.flatMap(ids) : 'any' in c ? c.any.flatMap(ids) : 'not' in c ? ids(c.not) : [c.fact]);
    const using = (fact: string) => catalog.programs.filter((p) => ids(p.criteria).includes(fact)).map((p) => p.id);
    // The brief's negative list governs its own incubation system, not national programs.
    expect(using('restrictedActivities')).to.deep.equal(['incubator-admission']);
    // The dishonesty-list condition is written into the private-investment guarantee plan (财金〔2026〕6号) only.
    expect(using('abnormalOrDishonest')).to.deep.equal(['private-investment-guarantee-plan']);
    // Energy-intensive firms retrofitting are the target of the upgrade programs, not shut out of them.
    const upgrade = compileCatalog(catalog);
    const report = checkEligibility(upgrade, { entityType: 'enterprise', techUpgradeProject: true, restrictedActivities: ['high-energy'] }, { asOf: ASOF, programIds: ['tech-upgrade-relending'] });
    expect(report.results[0]!.status).to.equal('eligible');
  });
});

describe('bundled sample directory', () => {
  it('is real incubation carriers, each with its source, recognition where sourced, positioned inside its division', async () => {
    const { Incubator: IncubatorSchema } = await import('../../src/contract/index.js');
    const sample = (await import('../../src/data/incubators/sample.json', { with: { type: 'json' } })).default as unknown[];
    const { geoContains } = await import('d3-geo');
    const basemap = (await import('../../src/data/geo/china.json', { with: { type: 'json' } })).default as unknown as { provinces: { features: { id?: string; properties?: { adcode?: string } }[] } };
    const province = (adcode: string) => basemap.provinces.features.find((f) => (f.id ?? f.properties?.adcode) === `${adcode.slice(0, 2)}0000`);
    expect(sample.length).to.be.at.least(10);
    for (const raw of sample) {
      const parsed = IncubatorSchema.safeParse(raw);
      expect(parsed.success, JSON.stringify(raw)).to.equal(true);
      const item = parsed.data!;
      expect(['incubator', 'accelerator', 'maker-space', 'science-park']).to.include(item.kind);
      // Parks and zones are gone: a science park here is a 国家大学科技园, and says so.
      if (item.kind === 'science-park') expect(item.recognition?.map((r) => r.kind), item.id).to.include('national-university-science-park');
      expect(item.sources?.length, item.id).to.be.at.least(1);
      for (const s of item.sources!) {
        expect(s.url, item.id).to.match(/^https?:\/\//);
        expect(s.reviewedOn, item.id).to.equal('2026-11-26');
      }
      if (item.level === 'national') expect(item.recognition?.length, `${item.id} is national only by a recognition`).to.be.at.least(1);
      // The point lies inside the province its adcode names (the basemap's own polygons).
      const shape = province(item.adcode);
      expect(shape, item.id).to.not.equal(undefined);
      expect(geoContains(shape as never, [item.lon, item.lat]), item.id).to.equal(true);
    }
  });

  it('names industries only from the catalog\'s industry vocabulary, which the checker never asks about', async () => {
    const { DIRECTORY_INDUSTRY_FACT } = await import('../../src/contract/index.js');
    const sample = (await import('../../src/data/incubators/sample.json', { with: { type: 'json' } })).default as { id: string; industries: string[] }[];
    const vocabulary = catalog.facts[DIRECTORY_INDUSTRY_FACT];
    expect(DIRECTORY_INDUSTRY_FACT).to.equal('industry');
    expect(vocabulary?.type).to.equal('enum-set');
    const options = vocabulary!.options!.map((o) => o.value);
    for (const o of vocabulary!.options!) for (const l of ['zh-CN', 'zh-TW', 'en'] as const) expect(o.label[l], `${o.value} ${l}`).to.be.a('string').and.not.equal('');
    for (const item of sample) for (const code of item.industries) expect(options, `${item.id}: ${code}`).to.include(code);
    // The codes the contract names as examples, and every code an entry uses, are options.
    for (const code of ['ai', 'quantum', 'green', 'semiconductor', 'biomed']) expect(options).to.include(code);
    // No criterion names it, so no answer set can make the checker ask it: not for an empty profile, nor for any
    // shipped case, nor after answering each other question with "don't know".
    const compiled = compileCatalog(catalog);
    const cases = (await import('../../src/data/catalog/cases.json', { with: { type: 'json' } })).default as unknown as { asOf: string; profile: Profile }[];
    const dontKnow = Object.fromEntries(Object.keys(catalog.facts).filter((f) => f !== 'industry').map((f) => [f, null])) as Profile;
    for (const [profile, asOf] of [[{}, ASOF], [dontKnow, ASOF], ...cases.map((c) => [c.profile, c.asOf] as const)] as [Profile, string][]) {
      const report = checkEligibility(compiled, profile, { asOf });
      expect(report.nextQuestions).to.not.include('industry');
      for (const r of report.results) expect(r.missingFacts).to.not.include('industry');
    }
  });
});
