// A decision record made by the engine's one dispatch (service.ts): the `asOf` it is evaluated on (the one asked
// for, or today in China by the caller's clock) and the catalog its digest binds it to (the document as loaded when
// the service was given one, the catalog otherwise). Expectations by hand: the validity windows decide which program
// is in the report, China is UTC+8, and digests come from json-canonicalize (an RFC 8785 implementation other than
// the one the code uses) with node:crypto's SHA-256. Each service is made inside its test.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { canonicalize as independentJcs } from 'json-canonicalize';
import { createService } from '../../src/engine/service.js';
import { windowedCatalog } from './windowed-catalog.js';

const sha = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
const catalog = windowedCatalog('svc-rec');
const base = { catalog, referenceRates: { lpr: [] }, incubators: [], provinceNames: {} };
// 2026-02-28 20:00 UTC is 2026-03-01 04:00 in China: "today" is 2026-03-01, when only "new" is in force.
const clock = () => new Date('2026-02-28T20:00:00Z');
const ids = (r: { report: { results: { programId: string }[] } }) => r.report.results.map((x) => x.programId);

describe('service: decision records', () => {
  it('evaluates on the asOf asked for, and on today in China by the clock when none is asked for', async () => {
    const service = createService(base, clock);
    const asked = await service.record({ profile: { a: true }, asOf: '2025-06-01' });
    assert.equal(asked.asOf, '2025-06-01');
    assert.equal(asked.report.asOf, '2025-06-01');
    assert.deepEqual(ids(asked), ['old']);
    const today = await service.record({ profile: { a: true } });
    assert.equal(today.asOf, '2026-03-01');
    assert.equal(today.report.asOf, '2026-03-01');
    assert.deepEqual(ids(today), ['new']);
    assert.equal(today.issuedAt, '2026-02-28T20:00:00.000Z');
  });

  it('binds the record to the catalog document as loaded when there is one, to the catalog otherwise', async () => {
    // As loaded: members the schema does not keep (here "$comment") are part of what the digest covers.
    const document = { $comment: 'as loaded, before schema parsing', ...catalog };
    const fromDocument = await createService({ ...base, catalogDocument: document }, clock).record({ profile: { a: true } });
    assert.equal(fromDocument.catalogDigest, sha(independentJcs(document)));
    assert.notEqual(fromDocument.catalogDigest, sha(independentJcs(catalog)));
    const fromCatalog = await createService(base, clock).record({ profile: { a: true } });
    assert.equal(fromCatalog.catalogDigest, sha(independentJcs(catalog)));
    assert.equal(fromCatalog.catalogVersion, 'svc-rec');
  });
});
