// `chanrong record verify` with a catalog file that has no canonical form (a lone surrogate, "\ud800", which JSON
// reads and RFC 8785 cannot write): the command says so and exits 1 ("not verified"), with no stack trace. Before,
// verifyRecord threw from its catalog digest and the command died with one. Temp folder made in before().
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
let dir: string;

describe('chanrong record verify, a catalog with no canonical form', () => {
  before(() => { dir = mkdtempSync(join(tmpdir(), 'chanrong-verify-cli-')); });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('is refused in words, exit 1', () => {
    writeFileSync(join(dir, 'record.json'), '{"format":"chanrong-decision/1","digest":"sha256:00"}');
    writeFileSync(join(dir, 'catalog.json'), '{"version":"\\ud800"}');
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'record', 'verify', join(dir, 'record.json'), '--catalog', join(dir, 'catalog.json')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /catalog:\s+FAILED/);
    assert.match(r.stdout, /- the catalog given cannot be canonicalized: .*surrogate/i);
    assert.match(r.stdout, /record NOT verified/);
    assert.doesNotMatch(r.stderr, /\bat \S+ \(/, 'no stack trace');
  });
});
