// Whole eligibility reports against a naive reference written from CONTRACT.md ("Semantics", the report and trace
// shapes): one recursive, eager evaluation per program, no compilation, no sharing, no laziness. The engine's
// fast machinery (answers read once per profile, leaves shared between programs and decided once, traces of
// decided programs built on first read, status-only results shared) must give the same report, byte for byte
// once serialized, on random catalogs whose programs repeat each other's rules, with unanswered and "don't know"
// answers, in both detail modes, through every entry point; and a trace read after the caller changed its
// profile must still describe the answers the report was made from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EligibilityReport, Profile } from '../../src/contract/index.js';
import { checkEligibility, checkMany, compileCatalog, createScreener, evaluateProfile } from '../../src/engine/eligibility/evaluate.js';
import { EngineError } from '../../src/engine/errors.js';
import { AS_OF, domainOf, prng, randomCatalog, randomProfile } from './random-catalog.js';
import { referenceReport, sharingCatalog } from './eligibility-reference.js';

const json = (x: unknown) => JSON.stringify(x);

describe('eligibility reports against a naive reference', () => {
  it('full and status-only reports equal the reference on random catalogs, through every entry point', () => {
    let compared = 0;
    for (let seed = 1; seed <= 160; seed++) {
      const catalog = sharingCatalog(seed);
      const compiled = compileCatalog(catalog);
      const r = prng(seed);
      const full = createScreener(compiled, { asOf: AS_OF });
      const status = createScreener(compiled, { asOf: AS_OF, detail: 'status' });
      const profiles = Array.from({ length: 40 }, (_, i) => randomProfile(r, catalog, [0.2, 0.6, 1][i % 3]!, 0.15));
      profiles.forEach((profile, i) => {
        const want = json(referenceReport(catalog, profile, AS_OF, 'full'));
        const wantStatus = json(referenceReport(catalog, profile, AS_OF, 'status'));
        assert.equal(json(full(profile, i)), want, `seed ${seed} profile ${json(profile)}`);
        assert.equal(json(checkEligibility(compiled, profile, { asOf: AS_OF })), want);
        assert.equal(json(evaluateProfile(compiled, profile, { asOf: AS_OF })), want);
        assert.equal(json(status(profile, i)), wantStatus, `seed ${seed} status ${json(profile)}`);
        compared += 4;
      });
      const many = checkMany(compiled, profiles, { asOf: AS_OF });
      many.forEach((report, i) => assert.equal(json(report), json(referenceReport(catalog, profiles[i]!, AS_OF, 'full'))));
    }
    assert.ok(compared > 20_000);
  });

  it('a lazy trace is an ordinary own property: structuredClone, spread and keys see it', () => {
    const catalog = sharingCatalog(7);
    const compiled = compileCatalog(catalog);
    const profile = randomProfile(prng(3), catalog, 1, 0);
    const report = checkEligibility(compiled, profile, { asOf: AS_OF }) as EligibilityReport;
    const want = json(referenceReport(catalog, profile, AS_OF, 'full'));
    assert.equal(json(structuredClone(report)), want);
    assert.equal(json({ ...report, results: report.results.map((x) => ({ ...x })) }), want);
    for (const result of report.results) assert.deepEqual(Object.keys(result), ['programId', 'status', 'missingFacts', 'trace']);
  });

  it('traces read later describe the answers the report was made from, not the caller’s later changes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const catalog = sharingCatalog(seed);
      const compiled = compileCatalog(catalog);
      const r = prng(seed + 1000);
      const screen = createScreener(compiled, { asOf: AS_OF });
      const profiles = Array.from({ length: 6 }, () => randomProfile(r, catalog, 0.8, 0.1));
      const wants = profiles.map((p) => json(referenceReport(catalog, p, AS_OF, 'full')));
      // Reports of several profiles made first (the evaluator moves on to each next profile), traces read after
      // every profile was emptied and its lists changed in place.
      const reports = profiles.map((p, i) => screen(p, i));
      for (const p of profiles) {
        for (const v of Object.values(p)) if (Array.isArray(v)) v.push('changed');
        for (const k of Object.keys(p)) delete p[k];
      }
      reports.forEach((report, i) => assert.equal(json(report), wants[i], `seed ${seed} report ${i}`));
    }
  });

  it('refuses every answer that does not fit its fact, naming it, however the profile is read', () => {
    const wrong: Record<string, unknown[]> = {
      boolean: ['true', 1, [], {}], integer: [1.5, '3', -1, 7, NaN, Infinity], number: [-0.5, 5.5, '2', NaN, -Infinity, true],
      enum: ['d', 1, ['a'], 'A'], string: [1, false, ['a']], 'enum-set': ['x', ['w'], ['x', 'x'], ['y', 'z', 'y'], [1], [null], {}],
      date: ['2025-02-29', '2025-13-01', '2025-1-01', 20250101, '0000-02-30', '2025-04-31'], region: ['32010', '3201000', 320100, '32010a', '３２０１００'],
    };
    // The error names the fact (and, in a list, the position of the bad option: `profiles.7.certs.0`).
    const names = (path: string | undefined, fact: string) => path === fact || !!path?.startsWith(`${fact}.`);
    let refused = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const catalog = randomCatalog(seed, { facts: 8, programs: 3 });
      const compiled = compileCatalog(catalog);
      const screen = createScreener(compiled, { asOf: AS_OF, detail: 'status' });
      const r = prng(seed);
      for (const [fact, def] of Object.entries(catalog.facts)) {
        for (const bad of wrong[def.type]!) {
          const profile = { ...randomProfile(r, catalog, 1, 0), [fact]: bad } as Profile;
          assert.throws(() => screen(profile, 7), (e: unknown) => e instanceof EngineError && names(e.path, `profiles.7.${fact}`), `${def.type} ${JSON.stringify(bad)}`);
          assert.throws(() => checkEligibility(compiled, profile, { asOf: AS_OF }), (e: unknown) => e instanceof EngineError && names(e.path, `profile.${fact}`));
          refused++;
        }
        // Every value of the fact's test domain fits, and so do null and leaving it out.
        for (const good of [...domainOf(def), null]) screen({ ...randomProfile(r, catalog, 1, 0), [fact]: good } as Profile, 0);
      }
      assert.throws(() => screen({ ...randomProfile(r, catalog), undeclared: 1 } as Profile, 2), (e: unknown) => e instanceof EngineError && e.path === 'profiles.2.undeclared');
      assert.throws(() => screen({ [Object.keys(catalog.facts)[0]!]: undefined } as unknown as Profile, 1), (e: unknown) => e instanceof EngineError);
    }
    assert.ok(refused > 300);
  });
});
