// Whole reports of catalogs with more programs than a report builds traces for at once (over 32: decided
// programs then get a trace built on first read), against the naive reference of eligibility-reference.ts
// (CONTRACT.md's semantics, no code shared with the engine): full and status-only, through every entry point, a
// selection of programs on both sides of 32, each profile asked twice (the second answer comes from the results
// shared per key), and with the memory budget for shared results exhausted or nearly so (`rowBudget`, a field of
// the compiled catalog: a test sets it to reach the branches a 2-million-slot budget reaches only on huge catalogs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Profile } from '../../src/contract/index.js';
import { checkEligibility, checkMany, compileCatalog, createScreener, evaluateProfile } from '../../src/engine/eligibility/evaluate.js';
import { AS_OF, prng, randomProfile } from './random-catalog.js';
import { referenceReport, sharingCatalog } from './eligibility-reference.js';
import { SCREEN_LEAVES } from '../../src/engine/eligibility/generated-status.js';

const json = (x: unknown) => JSON.stringify(x);

describe('eligibility reports of catalogs over 32 programs against the naive reference', () => {
  it('full and status-only, every entry point, selections, asked twice, with the shared-result budget at full, small and none', () => {
    let compared = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const catalog = sharingCatalog(seed, 14 + (seed % 5)); // 35 to 45 programs
      const ids = catalog.programs.map((p) => p.id);
      assert.ok(ids.length > 32, `${ids.length}`);
      const r = prng(seed + 500);
      const profiles: Profile[] = Array.from({ length: 12 }, (_, i) => randomProfile(r, catalog, [0.3, 0.7, 1][i % 3]!, 0.15));
      for (const budget of [undefined, 0, 40]) {
        const compiled = compileCatalog(catalog);
        if (budget !== undefined) compiled.rowBudget = budget;
        const full = createScreener(compiled, { asOf: AS_OF });
        const status = createScreener(compiled, { asOf: AS_OF, detail: 'status' });
        for (let round = 0; round < 2; round++) {
          profiles.forEach((profile, i) => {
            const want = json(referenceReport(catalog, profile, AS_OF, 'full'));
            assert.equal(json(full(profile, i)), want, `seed ${seed} budget ${budget} round ${round} ${json(profile)}`);
            assert.equal(json(status(profile, i)), json(referenceReport(catalog, profile, AS_OF, 'status')), `status seed ${seed}`);
            for (const programIds of [ids.slice(0, 33), ids.slice(2, 7)]) {
              assert.equal(json(checkEligibility(compiled, profile, { asOf: AS_OF, programIds })), json(referenceReport(catalog, profile, AS_OF, 'full', programIds)), `seed ${seed} ${programIds.length} programs`);
            }
            compared += 4;
          });
        }
        checkMany(compiled, profiles, { asOf: '2025-07-01' }).forEach((report, i) => {
          assert.equal(json(report), json(referenceReport(catalog, profiles[i]!, '2025-07-01', 'full')), `checkMany seed ${seed}`);
        });
        assert.equal(json(evaluateProfile(compiled, profiles[0]!, { asOf: AS_OF })), json(referenceReport(catalog, profiles[0]!, AS_OF, 'full')));
      }
    }
    assert.ok(compared > 500, `${compared}`);
  });

  it('traces built on first read describe the answers the report was made from, with or without shared results', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const catalog = sharingCatalog(seed, 15);
      for (const budget of [undefined, 0]) {
        const compiled = compileCatalog(catalog);
        if (budget !== undefined) compiled.rowBudget = budget;
        const screen = createScreener(compiled, { asOf: AS_OF });
        const r = prng(seed + 2000);
        const profiles = Array.from({ length: 5 }, () => randomProfile(r, catalog, 0.8, 0.1));
        const wants = profiles.map((p) => json(referenceReport(catalog, p, AS_OF, 'full')));
        const reports = profiles.map((p, i) => screen(p, i));
        for (const p of profiles) {
          for (const v of Object.values(p)) if (Array.isArray(v)) v.push('changed');
          for (const k of Object.keys(p)) delete p[k];
        }
        // Read in reverse order, then again: a trace read once is the same when read twice.
        for (let i = reports.length - 1; i >= 0; i--) assert.equal(json(reports[i]), wants[i], `seed ${seed} budget ${budget} report ${i}`);
        reports.forEach((report, i) => assert.equal(json(report), wants[i]));
      }
    }
  });

  it('reports of catalogs past SCREEN_LEAVES, whose programs are decided in one generated pass, equal the reference', () => {
    let compared = 0;
    for (const seed of [3, 4]) {
      const catalog = sharingCatalog(seed, 120);
      const leaves = JSON.stringify(catalog.programs).split('"fact"').length - 1;
      assert.ok(leaves > SCREEN_LEAVES, `${leaves} leaves`);
      const ids = catalog.programs.map((p) => p.id);
      const r = prng(seed + 900);
      const profiles: Profile[] = Array.from({ length: 8 }, (_, i) => randomProfile(r, catalog, [0.4, 0.8, 1][i % 3]!, 0.15));
      for (const budget of [undefined, 0]) {
        const compiled = compileCatalog(catalog);
        assert.ok(compiled.machine.decideAll, 'a large catalog has the generated pass');
        if (budget !== undefined) compiled.rowBudget = budget;
        for (const asOf of [AS_OF, '2025-07-01']) {
          const full = createScreener(compiled, { asOf });
          const status = createScreener(compiled, { asOf, detail: 'status' });
          profiles.forEach((profile, i) => {
            assert.equal(json(full(profile, i)), json(referenceReport(catalog, profile, asOf, 'full')), `seed ${seed} budget ${budget} ${asOf} ${json(profile)}`);
            assert.equal(json(status(profile, i)), json(referenceReport(catalog, profile, asOf, 'status')), `status seed ${seed} ${asOf}`);
            // A selection of a few programs asks each of them, not the whole catalog.
            const few = ids.slice(5, 45);
            assert.equal(json(checkEligibility(compiled, profile, { asOf, programIds: few })), json(referenceReport(catalog, profile, asOf, 'full', few)));
            compared += 3;
          });
        }
      }
    }
    assert.ok(compared > 150, `${compared}`);
  });
});
