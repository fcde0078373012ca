// Writes dist/cdn/integrity.json — the sha384 Subresource Integrity hash of every CDN file (entries and every
// chunk, eager or lazy) — and dist/cdn/importmap.json, an import map whose "integrity" section covers every one
// of them, so a page can pin the chunks too (<script type="importmap">; Chromium 127+, Firefox 138+, Safari 18+).
// The import map's URLs are relative to dist/cdn/ ("./chunks/…"); `node scripts/integrity.mjs --base URL`
// prints it for the place the files are served from (e.g. https://cdn.example/chanrong/0.1.0/cdn/).
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

/** The import map for files served from `base` (a URL ending in /, or './'). */
export function importMap(base = './') {
  return { imports: {}, integrity: Object.fromEntries(Object.entries(integrity).map(([file, hash]) => [`${base}${file}`, hash])) };
}

const baseArg = process.argv.indexOf('--base');
if (baseArg > 0) {
  const base = process.argv[baseArg + 1].replace(/\/?$/, '/');
  process.stdout.write(`<script type="importmap">\n${JSON.stringify(importMap(base), null, 2)}\n</script>\n`);
} else {
  writeFileSync(join(root, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
  writeFileSync(join(root, 'importmap.json'), `${JSON.stringify(importMap('./'), null, 2)}\n`);
  console.log(`dist/cdn/integrity.json, dist/cdn/importmap.json: ${files.length} files`);
}
