// npm test on a fresh machine: Chromium present → go on; missing as root with apt-get → installed; missing
// otherwise → stop at once with the one command that installs it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error -- plain ESM script without types
import { ensureChromium, INSTALL } from '../../scripts/ensure-chromium.mjs';

type Result = { ok: boolean; message?: string; installed?: boolean };
const quiet = () => {};

describe('ensureChromium', () => {
  it('goes on when Chromium is there', () => {
    const r = ensureChromium({ env: {}, exists: (p: string) => p === '/usr/bin/chromium', uid: 1000, run: () => assert.fail('no install'), log: quiet }) as Result;
    assert.deepEqual(r, { ok: true });
  });

  it('installs it with apt-get when root', () => {
    const installed = new Set(['/usr/bin/apt-get']);
    const calls: string[] = [];
    const r = ensureChromium({
      env: {}, uid: 0, log: quiet, exists: (p: string) => installed.has(p),
      run: (cmd: string, args: string[]) => { calls.push(`${cmd} ${args.join(' ')}`); if (args.includes('chromium')) installed.add('/usr/bin/chromium'); return true; },
    }) as Result;
    assert.deepEqual(r, { ok: true, installed: true });
    assert.deepEqual(calls, ['apt-get update -qq', 'apt-get install -y -qq chromium']);
  });

  it('stops at once with the command when it may not install', () => {
    const r = ensureChromium({ env: {}, uid: 1000, exists: () => false, run: () => assert.fail('no install'), log: quiet }) as Result;
    assert.equal(r.ok, false);
    assert.ok(r.message?.includes(`sudo sh -c '${INSTALL}'`), r.message);
  });

  it('reports a failed install with the command', () => {
    const r = ensureChromium({ env: {}, uid: 0, log: quiet, exists: (p: string) => p === '/usr/bin/apt-get', run: () => false }) as Result;
    assert.equal(r.ok, false);
    assert.ok(r.message?.includes(INSTALL));
  });

  it('does not install over a CHROME_PATH that is wrong', () => {
    const r = ensureChromium({ env: { CHROME_PATH: '/opt/none/chrome' }, uid: 0, exists: () => false, run: () => assert.fail('no install'), log: quiet }) as Result;
    assert.equal(r.ok, false);
    assert.match(r.message ?? '', /CHROME_PATH=\/opt\/none\/chrome/);
  });
});
