// `chanrong serve`: the reference server from the command line.
import { startServer } from '../server/node.js';
import { integer, parseCommandArgs, positiveNumber } from './args.js';
import { packageVersion } from './version.js';

export const USAGE = `Usage: chanrong serve [--port 8787] [--host 127.0.0.1] [--catalog FILE] [--incubators FILE]
                      [--rates FILE] [--cors-origin ORIGIN|'*']... [--body-limit BYTES] [--max-connections N]
                      [--request-timeout SECONDS] [--signing-key FILE] [--workers N] [--work-queue N]
                      [--work-timeout SECONDS] [--quiet]

Serves the Chanrong HTTP API (/v1/..., /openapi.json) backed by the bundled data or the files given.
Heavy work (directory search and views, region statistics, eligibility paths) runs on --workers threads
(one fewer than the CPUs by default; 0 computes on the event loop); when --work-queue requests already
wait (64), more get 503 with Retry-After, as does work not done within --work-timeout (10 s).`;

const ARGS = {
  command: 'serve',
  usage: USAGE,
  options: {
    port: { type: 'string', default: '8787', parse: integer({ min: 0, max: 65535 }) },
    host: { type: 'string', default: '127.0.0.1' },
    catalog: { type: 'string' },
    incubators: { type: 'string' },
    rates: { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    'body-limit': { type: 'string', parse: integer({ min: 1 }) },
    'signing-key': { type: 'string' },
    'max-connections': { type: 'string', parse: integer({ min: 1 }) },
    'request-timeout': { type: 'string', parse: positiveNumber('seconds') },
    workers: { type: 'string', parse: integer({ min: 0 }) },
    'work-queue': { type: 'string', parse: integer({ min: 0 }) },
    'work-timeout': { type: 'string', parse: positiveNumber('seconds') },
    quiet: { type: 'boolean' },
  },
} as const;

/** Returns an exit code, or -1 while the server keeps the process alive. */
export async function serve(args: string[]): Promise<number> {
  const cli = parseCommandArgs(args, ARGS);
  if (!cli.ok) return cli.exitCode;
  const { values } = cli;
  const port = values.port;
  const bodyLimit = values['body-limit'];
  const maxConnections = values['max-connections'];
  const requestTimeout = values['request-timeout'];
  const workers = values.workers === undefined && values['work-queue'] === undefined && values['work-timeout'] === undefined ? undefined
    : values.workers === 0 ? 0
      : {
        ...(values.workers !== undefined ? { threads: values.workers } : {}),
        ...(values['work-queue'] !== undefined ? { maxQueue: values['work-queue'] } : {}),
        ...(values['work-timeout'] !== undefined ? { timeoutMs: Math.round(values['work-timeout'] * 1000) } : {}),
      };
  try {
    const server = await startServer({
      ...(maxConnections ? { maxConnections } : {}),
      ...(workers !== undefined ? { workers } : {}),
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
