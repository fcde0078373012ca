// docs/contract.md stays in step with openapi.json: every endpoint (method and path) and every schema name of the
// generated OpenAPI document appears in the contract, and every endpoint of the contract's table and every schema
// the contract defines is in the OpenAPI document (except endpoints the contract lists as not yet served).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildOpenApi } from '../../src/server/openapi.js';

const doc = readFileSync('docs/contract.md', 'utf8');
const api = buildOpenApi('0.0.0-test') as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
const apiEndpoints = Object.entries(api.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
const apiSchemas = Object.keys(api.components.schemas);

describe('docs/contract.md and openapi.json', () => {
  it('names every endpoint of openapi.json', () => {
    const missing = apiEndpoints.filter((e) => !doc.includes(`\`${e}\``));
    assert.deepEqual(missing, [], 'endpoints served but not in docs/contract.md');
  });

  it('serves every endpoint of its table, except those it lists as not yet served', () => {
    const table = [...doc.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/[^`]+)`/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.ok(table.length >= 10, 'the endpoint table is found');
    const at = doc.indexOf('\nNot yet served');
    const paragraph = at < 0 ? '' : doc.slice(at, doc.indexOf('\n\n', at + 1) < 0 ? undefined : doc.indexOf('\n\n', at + 1));
    const notYet = [...paragraph.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`]+)`/g)].map((m) => `${m[1]} ${m[2]}`);
    const missing = table.filter((e) => !apiEndpoints.includes(e) && !notYet.includes(e) && e !== 'GET /openapi.json');
    assert.deepEqual(missing, [], 'endpoints in docs/contract.md that openapi.json does not have (serve them, or list them as not yet served)');
  });

  it('names every schema of openapi.json, and every schema it defines is in openapi.json', () => {
    const missing = apiSchemas.filter((name) => !new RegExp(`\\b${name}\\b`).test(doc));
    assert.deepEqual(missing, [], 'schemas in openapi.json but not in docs/contract.md');
    // Definitions are the code-block lines `Name { … }` / `Name = …`.
    const blocks = [...doc.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => m[1]).join('\n');
    const defined = [...new Set([...blocks.matchAll(/^([A-Z][A-Za-z]+)\s+(?:\{|=)/gm)].map((m) => m[1] ?? ''))];
    assert.ok(defined.length >= 10, `definitions found: ${defined.join(', ')}`);
    assert.deepEqual(defined.filter((name) => !apiSchemas.includes(name)), [], 'schemas docs/contract.md defines that openapi.json does not name');
  });
});
