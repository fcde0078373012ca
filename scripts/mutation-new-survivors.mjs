// Survivors of a new mutation report that have no twin among an old report's survivors (same file, mutator,
// replacement and source-line text), i.e. the ones no earlier classification covers.
// usage (from the repository): node scripts/mutation-new-survivors.mjs <old report.json> <its commit> <new report.json> <new tree>
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const [oldPath, oldCommit, newPath, newRoot] = process.argv.slice(2);
const oldR = JSON.parse(readFileSync(oldPath, 'utf8')), newR = JSON.parse(readFileSync(newPath, 'utf8'));
const live = (m) => m.status === 'Survived' || m.status === 'NoCoverage';
const lineOf = (text, n) => (text.split('\n')[n - 1] ?? '').trim();
const oldKeys = new Map();
for (const [file, d] of Object.entries(oldR.files)) {
  let text = ''; try { text = execSync(`git show ${oldCommit}:${file}`, { encoding: 'utf8' }); } catch {}
  for (const m of d.mutants.filter(live)) { const k = `${file}|${m.mutatorName}|${m.replacement}|${lineOf(text, m.location.start.line)}`; oldKeys.set(k, (oldKeys.get(k) ?? 0) + 1); }
}
const byFile = {};
let total = 0, fresh = 0;
for (const [file, d] of Object.entries(newR.files)) {
  const text = readFileSync(`${newRoot}/${file}`, 'utf8');
  for (const m of d.mutants.filter(live)) {
    total++;
    const k = `${file}|${m.mutatorName}|${m.replacement}|${lineOf(text, m.location.start.line)}`;
    if ((oldKeys.get(k) ?? 0) > 0) { oldKeys.set(k, oldKeys.get(k) - 1); continue; }
    fresh++;
    (byFile[file] ??= []).push(`${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement).slice(0, 80)}  | ${lineOf(text, m.location.start.line).slice(0, 110)}`);
  }
}
console.log(`survivors (incl. no coverage): ${total}; without a twin in the old report: ${fresh}`);
for (const [f, xs] of Object.entries(byFile)) { console.log(`${f} (${xs.length})`); for (const x of xs) console.log(`  ${x}`); }
