// `chanrong serve`: the reference server from the command line.
import { parseArgs } from 'node:util';
import { startServer } from '../server/node.js';
import { packageVersion } from './version.js';

export const USAGE = `Usage: chanrong serve [--port 8787] [--host 127.0.0.1] [--catalog FILE] [--incubators FILE]
                      [--rates FILE] [--cors-origin ORIGIN|'*']... [--body-limit BYTES] [--max-connections N]
                      [--request-timeout SECONDS] [--signing-key FILE] [--quiet]

Serves the Chanrong HTTP API (/v1/..., /openapi.json) backed by the bundled data or the files given.`;

/** Returns an exit code, or -1 while the server keeps the process alive. */
export async function serve(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        catalog: { type: 'string' },
        incubators: { type: 'string' },
        rates: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'body-limit': { type: 'string' },
        'signing-key': { type: 'string' },
        'max-connections': { type: 'string' },
        'request-timeout': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
    return 2;
  }
  const bodyLimit = values['body-limit'] === undefined ? undefined : Number(values['body-limit']);
  if (bodyLimit !== undefined && (!Number.isInteger(bodyLimit) || bodyLimit < 1)) {
    console.error(`--body-limit must be a positive whole number of bytes, got "${values['body-limit']}"`);
    return 2;
  }
  const maxConnections = values['max-connections'] === undefined ? undefined : Number(values['max-connections']);
  if (maxConnections !== undefined && (!Number.isInteger(maxConnections) || maxConnections < 1)) {
    console.error(`--max-connections must be a positive whole number, got "${values['max-connections']}"`);
    return 2;
  }
  const requestTimeout = values['request-timeout'] === undefined ? undefined : Number(values['request-timeout']);
  if (requestTimeout !== undefined && (!Number.isFinite(requestTimeout) || requestTimeout <= 0)) {
    console.error(`--request-timeout must be a positive number of seconds, got "${values['request-timeout']}"`);
    return 2;
  }
  try {
    const server = await startServer({
      ...(maxConnections ? { maxConnections } : {}),
      ...(requestTimeout ? { requestTimeoutMs: Math.round(requestTimeout * 1000) } : {}),
      port,
      host: values.host,
      version: packageVersion(),
      ...(values.catalog ? { catalogFile: values.catalog } : {}),
      ...(values.incubators ? { incubatorsFile: values.incubators } : {}),
      ...(values.rates ? { ratesFile: values.rates } : {}),
      ...(values['signing-key'] ? { signingKeyFile: values['signing-key'] } : {}),
      ...(values['cors-origin'] ? { corsOrigin: values['cors-origin'] } : {}),
      ...(bodyLimit ? { bodyLimitBytes: bodyLimit } : {}),
      ...(values.quiet ? { log: false as const } : {}),
    });
    console.log(`Chanrong API listening on ${server.url} (OpenAPI: ${server.url}/openapi.json)`);
    const stop = () => { void server.close().then(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  } catch (error) {
    console.error(`chanrong serve: ${(error as Error).message}`);
    return 1;
  }
}
