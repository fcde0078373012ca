// `chanrong record verify FILE [--catalog FILE] [--key JWK]...`: checks a decision record (CONTRACT.md,
// "Decision records (v2)"): its digest, its signature with the keys given, and with the catalog it names,
// that evaluating its profile again gives the same report. Exit 0 when every check passes, 1 otherwise.
import { readFileSync } from 'node:fs';
import { parseCommandArgs } from './args.js';

export const USAGE = `Usage: chanrong record verify FILE [--catalog FILE] [--key JWK|FILE]... [--json]

  FILE       a decision record (JSON) from POST /v1/eligibility/record or the checker's "download record"
  --catalog  the catalog file the record names: its digest must match, and the report must evaluate again
  --key      an Ed25519 public key as JWK (inline JSON, a file, or a {"keys":[…]} set from GET /v1/keys);
             with keys, an unsigned record or a bad signature fails`;

function readJson(textOrFile: string, what: string): unknown {
  // A file saved by a browser or an editor may start with a byte-order mark.
  const text = (textOrFile.trimStart().startsWith('{') ? textOrFile : readFileSync(textOrFile, 'utf8')).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function record(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === undefined) { console[sub ? 'log' : 'error'](USAGE); return sub ? 0 : 2; }
  if (sub !== 'verify') { console.error(`Unknown record command: ${sub}\n\n${USAGE}`); return 2; }
  const cli = parseCommandArgs(rest, {
    command: 'record verify', usage: USAGE, positionals: { min: 1, max: 1, name: 'FILE' },
    options: { catalog: { type: 'string' }, key: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  });
  if (!cli.ok) return cli.exitCode;
  const { values, positionals } = cli;
  let rec: unknown, catalog: unknown, keys: { kty?: string; crv?: string; x?: string; kid?: string }[] | undefined;
  try {
    rec = readJson(readFileSync(positionals[0]!, 'utf8').replace(/^\uFEFF/, ''), `the record ${positionals[0]}`);
    if (values.catalog) catalog = readJson(readFileSync(values.catalog, 'utf8').replace(/^\uFEFF/, ''), `the catalog ${values.catalog}`);
    if (values.key) {
      keys = values.key.flatMap((k) => {
        const v = readJson(k, 'the key') as { keys?: unknown[] };
        return (Array.isArray(v.keys) ? v.keys : [v]) as { kty?: string }[];
      });
    }
  } catch (error) {
    console.error(`chanrong record verify: ${(error as Error).message}`);
    return 2;
  }
  const { verifyRecord } = await import('../engine/records/record.js');
  const result = await verifyRecord(rec, { ...(catalog !== undefined ? { catalog } : {}), ...(keys ? { publicKeys: keys } : {}) });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    const mark = (v: boolean | undefined) => (v === undefined ? 'not checked' : v ? 'ok' : 'FAILED');
    console.log(`digest:    ${mark(result.digest)}`);
    console.log(`signature: ${mark(result.signature)}${result.signature === undefined && (rec as { signature?: unknown })?.signature ? ' (signed; pass --key to check)' : ''}`);
    console.log(`catalog:   ${mark(result.catalog)}`);
    console.log(`report:    ${mark(result.report)}`);
    for (const p of result.problems) console.log(`  - ${p}`);
    console.log(result.ok ? 'record verified' : 'record NOT verified');
  }
  return result.ok ? 0 : 1;
}
