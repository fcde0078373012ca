// `chanrong <command>`: a thin dispatcher; each command lives in src/cli/<command>.ts and is loaded on demand,
// so `chanrong catalog check` does not load the server and `chanrong serve` does not load DuckDB.
import { packageVersion } from './cli/version.js';

type Command = { summary: string; run: (args: string[]) => Promise<number> };

// One line per command. A command returns its exit code, or -1 while it keeps the process alive (serve).
const COMMANDS: Record<string, Command> = {
  serve: { summary: 'serve the HTTP API', run: async (args) => (await import('./cli/serve.js')).serve(args) },
  catalog: { summary: 'check, test, diff a catalog file; print its JSON Schema', run: async (args) => (await import('./cli/catalog.js')).catalog(args) },
  screen: { summary: 'screen a population of profiles in SQL (DuckDB or PostgreSQL)', run: async (args) => (await import('./cli/screen.js')).screen(args) },
  record: { summary: 'verify a decision record (digest, signature, report)', run: async (args) => (await import('./cli/record.js')).record(args) },
  keygen: { summary: 'make an Ed25519 key pair for signing decision records', run: async (args) => (await import('./cli/keygen.js')).keygen(args) },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: chanrong <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n` +
    `chanrong <command> --help shows a command's options; chanrong --version prints the version.`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    console.log(packageVersion());
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h') {
    console[command ? 'log' : 'error'](usage());
    return command ? 0 : 2;
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    console.error(`Unknown command: ${command}\n\n${usage()}`);
    return 2;
  }
  return entry.run(rest);
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
