// Writes openapi.json at the package root from the contract's zod schemas.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from '../src/server/openapi.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const out = new URL('../openapi.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(buildOpenApi(pkg.version), null, 2)}\n`);
console.log(`openapi.json written (${Object.keys((buildOpenApi(pkg.version) as { paths: object }).paths).length} paths)`);
