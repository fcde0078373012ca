// `chanrong serve`: the reference server from the command line.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startServer } from './server/node.js';

const USAGE = `Usage: chanrong serve [--port 8787] [--host 127.0.0.1] [--catalog FILE] [--incubators FILE]
                      [--cors-origin ORIGIN]... [--body-limit BYTES] [--quiet]

Serves the Chanrong HTTP API (/v1/..., /openapi.json) backed by the bundled data or the files given.`;

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    console.log(packageVersion());
    return 0;
  }
  if (command !== 'serve') {
    console.error(command && command !== '--help' && command !== '-h' ? `Unknown command: ${command}\n\n${USAGE}` : USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        catalog: { type: 'string' },
        incubators: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'body-limit': { type: 'string' },
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
  try {
    const server = await startServer({
      port,
      host: values.host,
      version: packageVersion(),
      ...(values.catalog ? { catalogFile: values.catalog } : {}),
      ...(values.incubators ? { incubatorsFile: values.incubators } : {}),
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

const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
