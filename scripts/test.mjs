// `npm test`: Node tests (server, CLI, HTTP client, shared contract suite) and browser tests (elements, SDK,
// engine in Chromium), both always run; exits non-zero if either fails and ends with one summary line.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

import { ensureChromium } from './ensure-chromium.mjs';

// The browser tests (and the Node tests that drive a page) need Debian's Chromium: install it or stop at once.
const chromium = ensureChromium();
if (!chromium.ok) {
  console.error(`npm test: ${chromium.message}`);
  process.exit(1);
}

function run(label, command, args) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
    child.on('exit', (code) => resolve({ label, code: code ?? 1, output }));
  });
}

// Node 20's --test takes no globs and skips .ts files in folders: list the files.
const nodeFiles = readdirSync('test/node').filter((f) => f.endsWith('.test.ts')).map((f) => `test/node/${f}`);
const node = await run('node', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeFiles]);
const browser = await run('browser', process.execPath, ['node_modules/@web/test-runner/dist/bin.js']);

const count = (re, text) => [...text.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
const strip = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
const nodeOut = strip(node.output);
const browserOut = strip(browser.output);
const lastBrowserSummary = [...browserOut.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
const passed = count(/^ℹ pass (\d+)/gm, nodeOut) + Number(lastBrowserSummary?.[1] ?? 0);
const failed = count(/^ℹ fail (\d+)/gm, nodeOut) + Number(lastBrowserSummary?.[2] ?? 0);
const nodePassed = count(/^ℹ pass (\d+)/gm, nodeOut);
const ok = node.code === 0 && browser.code === 0 && nodePassed > 0 && Number(lastBrowserSummary?.[1] ?? 0) > 0;
console.log(`\nnode: exit ${node.code}; browser: exit ${browser.code}`);
console.log(`tests: ${passed} passed, ${failed + (ok ? 0 : failed === 0 ? 1 : 0)} failed`);
process.exit(ok ? 0 : 1);
