// Writes dist/cdn/integrity.json: the sha384 Subresource Integrity hash of every CDN file (entries and the
// chunks they load lazily), for <script integrity="…" crossorigin="anonymous">.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../dist/cdn/', import.meta.url).pathname;
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.js')) files.push(path);
  }
};
walk(root);
const integrity = Object.fromEntries(files.sort().map((f) => [relative(root, f), `sha384-${createHash('sha384').update(readFileSync(f)).digest('base64')}`]));
writeFileSync(join(root, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
console.log(`dist/cdn/integrity.json: ${files.length} files`);
