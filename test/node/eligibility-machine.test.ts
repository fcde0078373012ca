// The eligibility machine's less common codings against the engine it replaced (test/fixtures/eligibility-old):
// option lists long enough to be looked up in a map (enums over 16 options), option sets too large for a bit
// mask (over 31 options) or too large to key a program (13–31 options), options whose names collide in the
// machine's slot table (same length, same first character), string facts compared with many words, integers and
// dates; answers read from inherited and non-enumerable properties. Every report and refusal must be the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Profile } from '../../src/contract/index.js';
import * as next from '../../src/engine/eligibility/evaluate.js';
import * as old from '../fixtures/eligibility-old/evaluate.js';
import { EngineError } from '../../src/engine/errors.js';
import { outcome } from './engine-outcome.js';
import { AS_OF, prng } from './random-catalog.js';
import { BAD_ANSWERS, catalogOf, profileOf } from './machine-codings.js';

const json = (x: unknown) => JSON.stringify(x);

describe('the eligibility machine: less common codings', () => {
  it('gives the same reports and refusals as the engine it replaced', () => {
    const bad = BAD_ANSWERS;
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const catalog = catalogOf(seed);
      const a = next.compileCatalog(catalog), b = old.compileCatalog(catalog);
      const r = prng(seed * 7);
      for (const options of [{ asOf: AS_OF }, { asOf: AS_OF, detail: 'status' as const }]) {
        const sa = next.createScreener(a, options), sb = old.createScreener(b, options);
        for (let i = 0; i < 40; i++) {
          const p = profileOf(r);
          assert.equal(outcome(() => sa(p, i)), outcome(() => sb(p, i)), `seed ${seed} ${json(p)}`);
          compared++;
        }
        for (const [fact, values] of Object.entries(bad)) {
          for (const v of values) {
            const p = { ...profileOf(r), [fact]: v } as Profile;
            assert.equal(outcome(() => sa(p, 2)), outcome(() => sb(p, 2)), `${fact} ${json(v)}`);
          }
        }
      }
    }
    assert.ok(compared > 3000);
  });

  it('reads answers the profile inherits or does not enumerate, and checks them too', () => {
    const catalog = catalogOf(3);
    const compiled = next.compileCatalog(catalog);
    const r = prng(11);
    for (let i = 0; i < 200; i++) {
      const own = profileOf(r);
      const want = json(next.checkEligibility(compiled, own, { asOf: AS_OF }));
      // Inherited: the same answers, read through the prototype.
      assert.equal(json(next.checkEligibility(compiled, Object.create(own) as Profile, { asOf: AS_OF })), want);
      // Not enumerable: read by key as well.
      const hidden = {} as Profile;
      for (const [k, v] of Object.entries(own)) Object.defineProperty(hidden, k, { value: v, enumerable: false });
      assert.equal(json(next.checkEligibility(compiled, hidden, { asOf: AS_OF })), want);
    }
    // A bad answer out of sight is still refused, naming its fact.
    for (const [fact, v] of [['flag', 'yes'], ['count', 2.5], ['wide', ['ka0', 'ka0']], ['where', '1'], ['day', '2023-02-29']] as const) {
      const hidden = {} as Profile;
      Object.defineProperty(hidden, fact, { value: v, enumerable: false });
      assert.throws(() => next.checkEligibility(compiled, hidden, { asOf: AS_OF }), (e: unknown) => e instanceof EngineError && e.path === `profile.${fact}` || (e as EngineError).path?.startsWith(`profile.${fact}.`) === true, fact);
      assert.throws(() => next.checkEligibility(compiled, Object.create({ [fact]: v }) as Profile, { asOf: AS_OF }), EngineError, fact);
    }
  });
});
