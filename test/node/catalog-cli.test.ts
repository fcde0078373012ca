// `chanrong catalog check | test | diff | schema`: hand-made catalogs whose every fault and change is known
// in advance, so each assertion fails if the tool misses or invents one.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';

const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
const bundled = new URL('../../src/data/catalog/catalog.json', import.meta.url).pathname;
const bundledCases = new URL('../../src/data/catalog/cases.json', import.meta.url).pathname;
const bundledDirectory = new URL('../../src/data/incubators/sample.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'chanrong-catalog-'));

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

const t = (s: string) => ({ 'zh-CN': s, en: s });
const src = (over: Record<string, unknown> = {}) => ({ title: t('Doc'), url: 'https://example.gov.cn/doc', reviewedOn: '2026-11-01', ...over });
const facts = {
  size: { type: 'enum', label: t('size'), options: [{ value: 'small', label: t('small') }, { value: 'large', label: t('large') }] },
  revenue: { type: 'number', label: t('revenue'), min: 0 },
  founded: { type: 'date', label: t('founded') },
  region: { type: 'region', label: t('region') },
  honest: { type: 'boolean', label: t('honest') },
};

describe('chanrong catalog check', () => {
  it('names every bad path of a broken catalog and exits 1', async () => {
    const broken = {
      version: '1',
      facts: {
        ...facts,
        tags: { type: 'enum-set', label: t('tags') },                       // enum-set without options
        'Bad-Id': { type: 'boolean', label: t('bad') },                    // fact id breaks the pattern
      },
      programs: [
        { id: 'p0', kind: 'lottery', title: t('p0'), sources: [src()], criteria: { fact: 'honest', op: 'eq', value: true } },
        {
          id: 'p1', kind: 'loan', title: t('p1'), sources: [src()], validFrom: '2026-05-01', validUntil: '2026-01-01',
          criteria: { all: [
            { id: 'a', fact: 'revenue', op: 'includesAny', value: [1] },     // operator does not fit a number
            { id: 'b', fact: 'employees', op: 'gte', value: 5 },             // undeclared fact
            { id: 'c', fact: 'size', op: 'eq', value: 'huge' },              // not an option
            { id: 'a', fact: 'honest', op: 'eq', value: true },              // duplicate criterion id
          ] },
        },
        { id: 'p1', kind: 'loan', title: t('dup'), sources: [src()], criteria: { fact: 'honest', op: 'eq', value: true } },
        { id: 'p3', kind: 'loan', title: t('p3'), sources: [], criteria: { fact: 'region', op: 'withinRegion', value: ['44'] } },
        { id: 'p4', kind: 'loan', title: t('p4'), sources: [src({ url: 'not a url', reviewedOn: '2026-13-01' })], criteria: { fact: 'honest', op: 'eq', value: true } },
      ],
    };
    const r = await run(['catalog', 'check', file('broken.json', broken), '--today', '2026-11-26']);
    assert.equal(r.code, 1, r.out + r.err);
    const expected = [
      'programs.0.kind', 'facts.Bad-Id', 'facts.tags.options', 'programs.1.validUntil',
      'programs.1.criteria.all.0.op', 'programs.1.criteria.all.1.fact', 'programs.1.criteria.all.2.value',
      'programs.1.criteria.all.3.id', 'programs.2.id', 'programs.3.sources', 'programs.3.criteria.value',
      'programs.4.sources.0.url', 'programs.4.sources.0.reviewedOn',
    ];
    const errorPaths = [...r.out.matchAll(/^error\s+(\S+):/gm)].map((m) => m[1]);
    for (const path of expected) assert.ok(errorPaths.includes(path), `missing ${path} in:\n${r.out}`);
    assert.equal(errorPaths.length, new Set(errorPaths).size, `a path reported twice:\n${r.out}`);
    assert.ok(errorPaths.every((p) => expected.includes(p!)), `an error nobody made:\n${r.out}`);
  });

  it('warns, without failing, about sources, stale reviews, impossible programs and unused facts', async () => {
    const catalog = {
      version: '1',
      facts,
      programs: [
        { id: 'ok', kind: 'loan', title: t('ok'), sources: [src()], criteria: { all: [
          { fact: 'size', op: 'eq', value: 'small' }, { fact: 'honest', op: 'eq', value: true },
          { fact: 'founded', op: 'yearsSinceLte', value: 3 },
        ] } },
        { id: 'no-url', kind: 'loan', title: t('n'), sources: [{ title: t('Doc'), reviewedOn: '2026-11-01' }], criteria: { fact: 'revenue', op: 'gte', value: 1 } },
        { id: 'stale', kind: 'loan', title: t('s'), sources: [src({ reviewedOn: '2025-11-25' }), src({ title: t('x'), reviewedOn: '2025-11-26' })], criteria: { fact: 'honest', op: 'eq', value: true } },
        { id: 'never', kind: 'loan', title: t('v'), sources: [src()], criteria: { all: [
          { fact: 'revenue', op: 'gt', value: 500 }, { any: [{ fact: 'revenue', op: 'lt', value: 100 }, { not: { fact: 'size', op: 'in', value: ['small', 'large'] } }] },
        ] } },
        // Satisfiable only by a company founded exactly 5 years ago (a birthday rule on both sides).
        { id: 'narrow', kind: 'loan', title: t('w'), sources: [src()], criteria: { all: [
          { fact: 'founded', op: 'yearsSinceGte', value: 5 }, { fact: 'founded', op: 'yearsSinceLte', value: 5 },
          { fact: 'revenue', op: 'between', value: [10, 10] },
        ] } },
      ],
    };
    const r = await run(['catalog', 'check', file('warn.json', catalog), '--today', '2026-11-26']);
    assert.equal(r.code, 0, r.out + r.err);
    const warnings = [...r.out.matchAll(/^warning (\S+): (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(warnings.sort(), [
      'facts.region fact "region" is declared but no criterion uses it',
      'programs.1.sources.0 source has no url',
      'programs.2.sources.0.reviewedOn reviewed 366 days ago (2025-11-25), more than 365',
      'programs.3.criteria no profile can make program "never" eligible',
    ].sort());
    assert.match(r.out, /0 error\(s\), 4 warning\(s\)/);
  });

  it('finds the bundled catalog clean on its review date', async () => {
    const r = await run(['catalog', 'check', bundled, '--today', '2026-11-26']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /0 error\(s\), 0 warning\(s\)/, r.out);
  });

  it('checks the bundled directory against the bundled industry vocabulary', async () => {
    const r = await run(['catalog', 'check', bundled, '--today', '2026-11-26', '--incubators', bundledDirectory]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /0 error\(s\), 0 warning\(s\)/, r.out);
  });

  it('keeps the industry vocabulary fact without calling it unused, and names every directory entry outside it', async () => {
    const vocabulary = { type: 'enum-set', label: t('industry'), options: [{ value: 'ai', label: t('AI') }, { value: 'biomed', label: t('Bio') }] };
    const catalog = { version: '1', facts: { honest: facts.honest, industry: vocabulary, spare: facts.revenue }, programs: [
      { id: 'p', kind: 'loan', title: t('p'), sources: [src()], criteria: { fact: 'honest', op: 'eq', value: true } },
    ] };
    const at = { lon: 116.4, lat: 39.9, adcode: '110108', level: 'national', kind: 'incubator' };
    const directory = [
      { id: 'a', name: t('A'), ...at, industries: ['ai'] },
      { id: 'b', name: t('B'), ...at, industries: ['biomed', 'quantum', 'ai', 'nev'] },   // two codes outside
      { id: 'c', name: t('C'), ...at, lat: 95, industries: [] },                       // breaks the contract
      { id: 'a', name: t('A again'), ...at, industries: [] },                          // duplicate id
    ];
    const r = await run(['catalog', 'check', file('vocab.json', catalog), '--today', '2026-11-26', '--incubators', file('dir.json', directory)]);
    assert.equal(r.code, 1, r.out + r.err);
    const errors = [...r.out.matchAll(/^error\s+(\S+): /gm)].map((m) => m[1]);
    assert.deepEqual(errors, ['incubators.1.industries.1', 'incubators.1.industries.3', 'incubators.2.lat', 'incubators.3.id']);
    const clean = await run(['catalog', 'check', file('vocab.json', catalog), '--today', '2026-11-26', '--incubators', file('dir-ok.json', directory.slice(0, 1))]);
    assert.equal(clean.code, 0, clean.out);
    const warnings = [...clean.out.matchAll(/^warning (\S+): /gm)].map((m) => m[1]);
    assert.deepEqual(warnings, ['facts.spare'], 'the vocabulary is not unused; an ordinary fact still is');
    // A vocabulary fact of the wrong shape is named.
    const wrong = { ...catalog, facts: { ...catalog.facts, industry: { type: 'string', label: t('industry') } } };
    const w = await run(['catalog', 'check', file('vocab-wrong.json', wrong), '--today', '2026-11-26']);
    assert.match(w.out, /^warning facts\.industry: .*enum-set with options/m, w.out);
  });

  it('refuses a file that is not JSON and a missing argument', async () => {
    const r = await run(['catalog', 'check', file('bad.json', '{ "version": ')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /not valid JSON/);
    assert.equal((await run(['catalog', 'check'])).code, 2);
    assert.equal((await run(['catalog', 'lint', bundled])).code, 2);
  });
});

describe('chanrong catalog test', () => {
  it('passes the bundled cases (written from the source texts), one line per case', async () => {
    const r = await run(['catalog', 'test', bundled, bundledCases]);
    assert.equal(r.code, 0, r.out + r.err);
    const cases = JSON.parse(readFileSync(bundledCases, 'utf8')) as { expect: Record<string, string> }[];
    assert.match(r.out, new RegExp(`^${cases.length} passed, 0 failed$`, 'm'));
    assert.equal(r.out.trim().split('\n').length, cases.length + 1);
    // At least one eligible, one ineligible and one undetermined expectation for every program.
    const catalog = JSON.parse(readFileSync(bundled, 'utf8')) as { programs: { id: string }[] };
    for (const { id } of catalog.programs) {
      const seen = new Set(cases.flatMap((c) => (c.expect[id] ? [c.expect[id]] : [])));
      for (const status of ['eligible', 'ineligible', 'undetermined']) assert.ok(seen.has(status), `${id} has no ${status} case`);
    }
  });

  it('fails a case whose expectation is wrong and says what it got', async () => {
    const catalog = { version: '1', facts, programs: [
      { id: 'small', kind: 'loan', title: t('s'), sources: [src()], validUntil: '2026-12-31', criteria: { all: [
        { id: 'is-small', fact: 'size', op: 'eq', value: 'small' }, { id: 'honest', fact: 'honest', op: 'eq', value: true },
      ] } },
    ] };
    const cases = [
      { name: 'small and honest', asOf: '2026-11-26', profile: { size: 'small', honest: true }, expect: { small: 'eligible' } },
      { name: 'large is wrongly expected eligible', asOf: '2026-11-26', profile: { size: 'large' }, expect: { small: 'eligible' } },
      { name: 'unknown honesty', asOf: '2026-11-26', profile: { size: 'small', honest: null }, expect: { small: 'undetermined' } },
      { name: 'after its end', asOf: '2027-01-01', profile: { size: 'small', honest: true }, expect: { small: 'not-in-force' } },
    ];
    const r = await run(['catalog', 'test', file('small.json', catalog), file('small-cases.json', cases)]);
    assert.equal(r.code, 1);
    assert.match(r.out, /^FAIL large is wrongly expected eligible$/m);
    assert.match(r.out, /small: expected eligible, got ineligible; failed: is-small/);
    assert.match(r.out, /^3 passed, 1 failed$/m);
  });
});

describe('chanrong catalog diff', () => {
  const base = (over: Record<string, unknown>) => ({ kind: 'loan', title: t('x'), sources: [src()], ...over });
  const oldCatalog = { version: 'old', facts, programs: [
    base({ id: 'kept', criteria: { id: 'root', all: [
      { id: 'size', fact: 'size', op: 'eq', value: 'small' }, { id: 'rev', fact: 'revenue', op: 'gte', value: 100 },
    ] } }),
    base({ id: 'gone', criteria: { fact: 'honest', op: 'eq', value: true } }),
    base({ id: 'windowed', criteria: { fact: 'honest', op: 'eq', value: true } }),
    base({ id: 'same', criteria: { fact: 'honest', op: 'eq', value: true } }),
  ] };
  const newCatalog = { version: 'new', facts, programs: [
    base({ id: 'kept', criteria: { id: 'root', all: [
      { id: 'size', fact: 'size', op: 'eq', value: 'small' }, { id: 'rev', fact: 'revenue', op: 'gte', value: 200 },
      { id: 'honest', fact: 'honest', op: 'eq', value: true },
    ] } }),
    base({ id: 'windowed', validUntil: '2026-06-30', criteria: { fact: 'honest', op: 'eq', value: true } }),
    base({ id: 'same', sources: [src({ url: 'https://example.gov.cn/v2' })], criteria: { fact: 'honest', op: 'eq', value: true } }),
    base({ id: 'fresh', criteria: { fact: 'size', op: 'eq', value: 'large' } }),
  ] };

  it('names facts added, removed and changed (type, bounds, texts, options), and is silent on unchanged facts', async () => {
    const before = { version: 'a', facts: { ...facts, gone: facts.honest }, programs: [base({ id: 'p', criteria: { fact: 'honest', op: 'eq', value: true } })] };
    const after = { version: 'b', programs: before.programs, facts: {
      ...facts,
      size: { ...facts.size, options: [{ value: 'small', label: t('tiny') }, { value: 'medium', label: t('medium') }] },
      revenue: { ...facts.revenue, min: 1, unit: t('万元') },
      region: { ...facts.region, type: 'string' },
      added: facts.honest,
    } };
    const r = await run(['catalog', 'diff', file('facts-a.json', before), file('facts-b.json', after)]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n').filter((l) => l.startsWith('fact '));
    assert.deepEqual(lines, [
      'fact removed: gone',
      'fact added: added',
      'fact changed: size (options added: medium; options removed: large; option labels: small)',
      'fact changed: revenue (min 0 → 1; unit text)',
      'fact changed: region (type region → string)',
    ]);
  });

  it('names added, removed and changed programs by criterion path, window and source', async () => {
    const r = await run(['catalog', 'diff', file('old.json', oldCatalog), file('new.json', newCatalog)]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^removed gone$/m);
    assert.match(r.out, /^added {3}fresh$/m);
    assert.match(r.out, /^changed kept\n\s+criterion rev: revenue gte 100 → revenue gte 200\n\s+criterion honest added \(honest eq true\)$/m);
    assert.match(r.out, /^changed windowed\n\s+validUntil: \(none\) → 2026-06-30$/m);
    assert.match(r.out, /^changed same\n\s+source changed: Doc$/m);
    assert.doesNotMatch(r.out, /changed (gone|fresh)/);
  });

  it('names each profile whose status changes, from what to what, and why', async () => {
    const profiles = [
      { size: 'small', revenue: 150, honest: true },   // 0: kept eligible → ineligible (rev); windowed → not in force; gone → absent
      { size: 'large', revenue: 500 },                 // 1: kept stays ineligible; fresh new: eligible; gone/windowed were undetermined
      { size: 'small', revenue: 250, honest: true, employees: 3 }, // 2: kept stays eligible; fact unknown to both catalogs
    ].map((p) => JSON.stringify(p)).join('\n');
    const r = await run(['catalog', 'diff', file('old.json', oldCatalog), file('new.json', newCatalog), '--profiles', file('p.ndjson', profiles), '--as-of', '2026-11-26']);
    assert.equal(r.code, 0, r.err);
    const section = r.out.slice(r.out.indexOf('profiles (as of 2026-11-26)'));
    assert.match(section, /^profile 0\n {2}kept: eligible → ineligible; criterion rev: pass → fail \(revenue gte 100 → revenue gte 200\)$/m);
    assert.match(section, /^ {2}gone: eligible → absent; the program was removed$/m);
    assert.match(section, /^ {2}windowed: eligible → not-in-force; window …–… → …–2026-06-30$/m);
    assert.match(section, /^profile 1\n(?: {2}.*\n)* {2}fresh: absent → eligible; the program is new$/m);
    assert.doesNotMatch(section, /^profile 1\n(?: {2}.*\n)* {2}kept:/m);
    assert.doesNotMatch(section, /^profile 2\n {2}kept/m);
    assert.match(section, /^3 of 3 profile\(s\) changed status$/m);
  });

  it('reads profiles as a JSON array as well as NDJSON, named by index, and refuses a bad profiles file', async () => {
    const profiles = [{ size: 'large', revenue: 500 }, { size: 'small', revenue: 150, honest: true }];
    const asArray = await run(['catalog', 'diff', file('old.json', oldCatalog), file('new.json', newCatalog), '--profiles', file('p.json', profiles), '--as-of', '2026-11-26']);
    const asLines = await run(['catalog', 'diff', file('old.json', oldCatalog), file('new.json', newCatalog), '--profiles', file('p2.ndjson', profiles.map((p) => JSON.stringify(p)).join('\n')), '--as-of', '2026-11-26']);
    assert.equal(asArray.code, 0, asArray.err);
    assert.equal(asArray.out, asLines.out);
    assert.match(asArray.out, /^profile 1\n {2}kept: eligible → ineligible/m);
    const bad = await run(['catalog', 'diff', file('old.json', oldCatalog), file('new.json', newCatalog), '--profiles', file('bad.ndjson', '{"size":"small"}\n{oops')]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /line 2/);
  });
});

describe('chanrong catalog schema', () => {
  it('prints a JSON Schema that accepts the bundled catalog and rejects a broken one', async () => {
    const r = await run(['catalog', 'schema']);
    assert.equal(r.code, 0, r.err);
    const schema = JSON.parse(r.out) as Record<string, unknown>;
    assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const catalog = JSON.parse(readFileSync(bundled, 'utf8')) as Record<string, unknown>;
    assert.ok(validate(catalog), JSON.stringify(validate.errors));
    const broken = structuredClone(catalog) as { programs: Record<string, unknown>[] };
    broken.programs[0]!['kind'] = 'lottery';
    broken.programs[0]!['standing'] = 'rumour';
    assert.equal(validate(broken), false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    assert.ok(paths.includes('/programs/0/kind') && paths.includes('/programs/0/standing'), JSON.stringify(paths));
  });
});
