// `chanrong keygen [--out FILE]`: a new Ed25519 key pair for signing decision records. The private JWK goes to
// FILE (created with mode 0600, never overwritten) for `chanrong serve --signing-key FILE`; the public JWK is
// printed, to hand to whoever verifies records (`chanrong record verify --key`), and GET /v1/keys serves it too.
import { writeFileSync } from 'node:fs';
import { parseCommandArgs } from './args.js';

export const USAGE = `Usage: chanrong keygen [--out FILE]

  Writes a new Ed25519 private key (JWK) to FILE (mode 0600; refuses to overwrite), or to stdout without
  --out, and prints the public key (JWK, kid = RFC 7638 thumbprint).`;

export async function keygen(args: string[]): Promise<number> {
  const cli = parseCommandArgs(args, { command: 'keygen', usage: USAGE, options: { out: { type: 'string' } } });
  if (!cli.ok) return cli.exitCode;
  const { values } = cli;
  const { generateKeyPair } = await import('../engine/records/record.js');
  const { privateJwk, publicJwk } = await generateKeyPair();
  if (values.out) {
    try {
      writeFileSync(values.out, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      console.error(`chanrong keygen: cannot write ${values.out}: ${(error as Error).message}`);
      return 1;
    }
    console.error(`private key written to ${values.out}; the public key:`);
    console.log(JSON.stringify(publicJwk));
  } else {
    console.log(JSON.stringify(privateJwk));
    console.error(`public key: ${JSON.stringify(publicJwk)}`);
  }
  return 0;
}
