// The checker's "changed since" comparison, pure: hand-made baselines whose differences are known.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asBaseline, baselineOf, changesSince } from '../../src/elements/eligibility-checker/state/since.js';

const old = { catalogVersion: 'v1', results: [
  { programId: 'a', status: 'eligible' as const }, { programId: 'b', status: 'undetermined' as const }, { programId: 'gone', status: 'ineligible' as const },
] };
const now = { catalogVersion: 'v2', results: [
  { programId: 'new', status: 'eligible' as const }, { programId: 'b', status: 'undetermined' as const }, { programId: 'a', status: 'ineligible' as const },
] };

describe('changesSince', () => {
  it('names changed, new and dropped programs, in today\'s order then the dropped ones', () => {
    assert.deepEqual(changesSince(old, now), [
      { programId: 'new', after: 'eligible' },
      { programId: 'a', before: 'eligible', after: 'ineligible' },
      { programId: 'gone', before: 'ineligible' },
    ]);
  });
  it('reports nothing for the same catalog version', () => {
    assert.deepEqual(changesSince(old, { ...now, catalogVersion: 'v1' }), []);
  });
  it('limits the comparison to the programs checked now', () => {
    assert.deepEqual(changesSince(old, now, ['a', 'b']), [{ programId: 'new', after: 'eligible' }, { programId: 'a', before: 'eligible', after: 'ineligible' }]);
  });
  it('reads a saved baseline defensively and keeps only statuses', () => {
    assert.equal(asBaseline(null), undefined);
    assert.equal(asBaseline({ results: [] }), undefined);
    assert.deepEqual(asBaseline({ catalogVersion: 'v', results: [{ programId: 'x', status: 'maybe' }, { programId: 'y', status: 'eligible', trace: {} }] }),
      { catalogVersion: 'v', results: [{ programId: 'y', status: 'eligible' }] });
    assert.deepEqual(baselineOf({ catalogVersion: 'v', results: [{ programId: 'y', status: 'eligible', trace: {} } as never] }), { catalogVersion: 'v', results: [{ programId: 'y', status: 'eligible' }] });
  });
});
