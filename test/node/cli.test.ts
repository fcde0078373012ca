// `chanrong serve` from the command line: flags, bad flags, and a real listening server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const cli = new URL('../../src/cli.ts', import.meta.url).pathname;

function run(args: string[], untilLine?: RegExp): Promise<{ code: number | null; out: string; err: string; url?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', async (d) => {
      out += d;
      const m = untilLine && untilLine.exec(out);
      if (m) {
        const url = m[1]!;
        const res = await fetch(`${url}/v1/health`);
        const health = (await res.json()) as { version: string };
        child.kill('SIGTERM');
        resolve({ code: 0, out: out + JSON.stringify(health), err, url });
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('chanrong CLI', () => {
  it('serves the API on the port and host given', async () => {
    const r = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--quiet'], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    assert.ok(r.url, r.err);
    assert.match(r.out, /"version":"\d+\.\d+\.\d+/);
  });

  it('refuses a bad port with a message and exit code 2', async () => {
    const r = await run(['serve', '--port', 'eighty']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--port must be a whole number/);
  });

  it('refuses an unknown flag and an unknown command', async () => {
    assert.equal((await run(['serve', '--colour'])).code, 2);
    assert.equal((await run(['launch'])).code, 2);
  });

  it('refuses a catalog file that breaks the contract, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chanrong-'));
    const file = join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify({ version: '1', facts: {}, programs: [{ id: 'x', kind: 'lottery' }] }));
    const r = await run(['serve', '--port', '0', '--catalog', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /programs\.0\.kind/);
  });
});
