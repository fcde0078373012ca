// Before `npm test` (and .ci/run): the browser tests need Debian's Chromium. Where it is missing, install it when we
// may (root, with apt-get), or stop at once with the one command that does, instead of failing deep inside the
// browser runner. `ensureChromium` takes its world as arguments so test/node/ensure-chromium.test.ts can run it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const INSTALL = 'apt-get update && apt-get install -y chromium';

/** @returns {{ ok: boolean, message?: string, installed?: boolean }} */
export function ensureChromium({
  env = process.env,
  exists = existsSync,
  uid = process.getuid?.() ?? -1,
  run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
  log = console.log,
} = {}) {
  const chrome = env.CHROME_PATH ?? '/usr/bin/chromium';
  if (exists(chrome)) return { ok: true };
  if (env.CHROME_PATH) return { ok: false, message: `CHROME_PATH=${chrome} does not exist; point it at a Chromium binary, or unset it and run: sudo sh -c '${INSTALL}'` };
  if (uid === 0 && exists('/usr/bin/apt-get')) {
    log(`${chrome} is missing: installing Debian's Chromium (${INSTALL})`);
    const ok = run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']);
    if (ok && exists(chrome)) return { ok: true, installed: true };
    return { ok: false, message: `installing Chromium failed; run: ${INSTALL}` };
  }
  return { ok: false, message: `the browser tests need Debian's Chromium at ${chrome} (or CHROME_PATH). Install it with:\n  sudo sh -c '${INSTALL}'` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = ensureChromium();
  if (!result.ok) {
    console.error(`chanrong: ${result.message}`);
    process.exit(1);
  }
}
