// The bundled catalog: every program loads, cites its sources, and is reachable (some profile makes it eligible: one
// written by hand from its source, and one found by exhaustive search under an oracle written apart from the engine).
import { expect } from 'chai';
import type { Catalog, Criterion, FactDef, Profile } from '../../src/contract/index.js';
import { Catalog as CatalogSchema } from '../../src/contract/index.js';
import { checkEligibility, compileCatalog } from '../../src/engine/eligibility/evaluate.js';
import catalogJson from '../../src/data/catalog/catalog.json' with { type: 'json' };
import casesJson from '../../src/data/catalog/cases.json' with { type: 'json' };

const catalog = catalogJson as unknown as Catalog;
/** Cases written by hand from each program's source text (src/data/catalog/PROVENANCE.md). */
const cases = casesJson as unknown as { name: string; asOf: string; profile: Profile; expect: Record<string, string> }[];
const ASOF = '2026-06-01';

// Reachability, with an oracle that does not use the engine: the contract's semantics (docs/contract.md, "Operators,
// by fact type" and "Semantics") written out again here, plainly, and an exhaustive search over small candidate
// domains. The engine must agree with that oracle on every profile searched, and find each witness eligible.
type Kleene = 'pass' | 'fail' | 'unknown';
type Value = Profile[string] | undefined;

/** docs/contract.md: "whole years completed … a birthday rule". */
function yearsCompleted(from: string, to: string): number {
  const whole = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? whole - 1 : whole;
}

/** docs/contract.md: a target ending in 0000 is a province (2 digits), in 00 a prefecture (4 digits), else exact. */
function inRegion(code: string, target: string): boolean {
  const digits = /0000$/.test(target) ? 2 : /00$/.test(target) ? 4 : 6;
  return code.substring(0, digits) === target.substring(0, digits);
}

function oracleLeaf(op: string, expected: unknown, actual: Value, asOf: string): Kleene {
  if (actual === undefined || actual === null) return 'unknown';
  const list = expected as unknown[];
  const truth = (b: boolean): Kleene => (b ? 'pass' : 'fail');
  // Numbers compare as numbers, ISO dates as text (YYYY-MM-DD sorts as time does).
  const cmp = (a: unknown, b: unknown) => (a === b ? 0 : (a as number | string) < (b as number | string) ? -1 : 1);
  switch (op) {
    case 'eq': return truth(actual === expected);
    case 'ne': return truth(actual !== expected);
    case 'lt': return truth(cmp(actual, expected) < 0);
    case 'lte': return truth(cmp(actual, expected) <= 0);
    case 'gt': return truth(cmp(actual, expected) > 0);
    case 'gte': return truth(cmp(actual, expected) >= 0);
    case 'between': return truth(cmp(actual, list[0]) >= 0 && cmp(actual, list[1]) <= 0);
    case 'in': return truth(list.includes(actual));
    case 'notIn': return truth(!list.includes(actual));
    case 'includesAny': return truth((actual as unknown[]).some((v) => list.includes(v)));
    case 'includesAll': return truth(list.every((v) => (actual as unknown[]).includes(v)));
    case 'excludesAll': return truth(!(actual as unknown[]).some((v) => list.includes(v)));
    case 'withinRegion': return truth(list.some((t) => inRegion(actual as string, t as string)));
    case 'yearsSinceLte': return truth(yearsCompleted(actual as string, asOf) <= (expected as number));
    case 'yearsSinceGte': return truth(yearsCompleted(actual as string, asOf) >= (expected as number));
    default: throw new Error(`the test's oracle does not know the operator ${op}`);
  }
}

function oracle(node: Criterion, profile: Record<string, Value>, asOf: string): Kleene {
  if ('all' in node || 'any' in node) {
    const seen = ('all' in node ? node.all : node.any).map((c) => oracle(c, profile, asOf));
    const [decisive, otherwise] = 'all' in node ? ['fail', 'pass'] as const : ['pass', 'fail'] as const;
    return seen.includes(decisive) ? decisive : seen.includes('unknown') ? 'unknown' : otherwise;
  }
  if ('not' in node) return ({ pass: 'fail', fail: 'pass', unknown: 'unknown' } as const)[oracle(node.not, profile, asOf)];
  return oracleLeaf(node.op, node.value, profile[node.fact], asOf);
}

const leavesOf = (c: Criterion): Extract<Criterion, { fact: string }>[] =>
  ('all' in c ? c.all.flatMap(leavesOf) : 'any' in c ? c.any.flatMap(leavesOf) : 'not' in c ? leavesOf(c.not) : [c]);

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every value worth trying for one fact: each side of every bound the catalog sets on it, every option, every subset. */
function candidates(def: FactDef, leaves: Extract<Criterion, { fact: string }>[]): Value[] {
  const out: Value[] = [];
  const anchors = leaves.flatMap((l) => (Array.isArray(l.value) ? l.value : [l.value]));
  const options = def.options?.map((o) => o.value) ?? [];
  switch (def.type) {
    case 'boolean': out.push(true, false); break;
    case 'enum': out.push(...options); break;
    case 'string': out.push(...(anchors as string[]), 'no such value'); break;
    case 'enum-set':
      for (let mask = 0; mask < 2 ** options.length; mask++) out.push(options.filter((_, i) => mask & (1 << i)));
      break;
    case 'number': case 'integer':
      for (const a of anchors as number[]) for (const v of [a - 1, a, a + 1]) {
        if ((def.min === undefined || v >= def.min) && (def.max === undefined || v <= def.max) && !out.includes(v)) out.push(v);
      }
      break;
    case 'region':
      // The target itself, codes inside it that differ from it in every digit it leaves free, and one (Urumqi's
      // Tianshan district) inside none of the bundled targets.
      for (const t of anchors as string[]) {
        out.push(t);
        if (t.endsWith('0000')) out.push(`${t.slice(0, 2)}0101`, `${t.slice(0, 2)}9999`);
        else if (t.endsWith('00')) out.push(`${t.slice(0, 4)}01`, `${t.slice(0, 4)}99`);
      }
      out.push('650102');
      break;
    case 'date':
      for (const l of leaves) {
        const years = l.op.startsWith('yearsSince') ? [l.value as number] : [];
        const dates = years.length ? years.map((y) => `${Number(ASOF.slice(0, 4)) - y}${ASOF.slice(4)}`) : (Array.isArray(l.value) ? l.value : [l.value]) as string[];
        for (const d of dates) out.push(shiftDays(d, -1), d, shiftDays(d, 1));
      }
      break;
  }
  out.push(undefined); // unanswered, last: the answered values come first
  return out;
}

/**
 * Every combination of candidates, as profiles without the unanswered facts; past `cap` combinations, `cap` of them
 * evenly spread over the whole product (a stride that reaches every value of every fact), so the search stays cheap
 * enough to run under mutation testing.
 */
function* profiles(domains: [string, Value[]][], cap: number): Generator<Record<string, Value>> {
  const total = domains.reduce((n, [, values]) => n * values.length, 1);
  let stride = Math.max(1, Math.floor(total / cap));
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  while (stride > 1 && gcd(stride, total) !== 1) stride++;
  for (let n = 0, at = 0; n < Math.min(total, cap); n++, at = (at + stride) % total) {
    let rest = at;
    const profile: Record<string, Value> = {};
    for (let i = domains.length - 1; i >= 0; i--) {
      const [fact, values] = domains[i]!;
      const v = values[rest % values.length];
      rest = Math.floor(rest / values.length);
      if (v !== undefined) profile[fact] = v;
    }
    yield profile;
  }
}

const STATUS: Record<Kleene, string> = { pass: 'eligible', fail: 'ineligible', unknown: 'undetermined' };

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
    it(`${program.id}: cites a dated or quoted source`, () => {
      expect(program.sources.length).to.be.at.least(1);
      expect(program.standing, 'standing').to.be.oneOf(['regulation', 'pilot', 'proposal']);
      // A proposal of the brief is not law and has no validity window of its own.
      if (program.standing !== 'proposal') expect(program.validFrom, 'validity window').to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(program.sources.some((s) => s.quote || s.date)).to.equal(true);
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(program.title[locale], locale).to.be.a('string');
    });

    it(`${program.id}: the engine agrees with the contract's semantics on every small profile, and some is eligible`, () => {
      expect(!program.validFrom || program.validFrom <= ASOF, 'in force on the test date').to.equal(true);
      expect(!program.validUntil || ASOF <= program.validUntil, 'in force on the test date').to.equal(true);
      const leaves = leavesOf(program.criteria);
      const facts = [...new Set(leaves.map((l) => l.fact))];
      const domains = facts.map((f) => [f, candidates(catalog.facts[f]!, leaves.filter((l) => l.fact === f))] as [string, Value[]]);
      const compiled = compileCatalog(catalog);
      let eligible = 0;
      let searched = 0;
      for (const profile of profiles(domains, 3_000)) {
        searched++;
        const want = STATUS[oracle(program.criteria, profile, ASOF)];
        if (want === 'eligible') eligible++;
        const got = checkEligibility(compiled, profile as Profile, { asOf: ASOF, programIds: [program.id] }).results[0]!.status;
        expect(got, JSON.stringify(profile)).to.equal(want);
      }
      expect(eligible, `no eligible profile among ${searched}`).to.be.greaterThan(0);
    });

    it(`${program.id}: a hand-written case from its source text is eligible`, () => {
      const mine = cases.filter((c) => c.expect[program.id] === 'eligible');
      expect(mine.length, 'src/data/catalog/cases.json has an eligible case').to.be.at.least(1);
      for (const c of mine) {
        const report = checkEligibility(compileCatalog(catalog), c.profile, { asOf: c.asOf, programIds: [program.id] });
        expect(report.results[0]?.status, c.name).to.equal('eligible');
      }
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
