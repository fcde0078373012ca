// The CLI's shared argument parsing (src/cli/args.ts) and the four commands that use it: `--help` prints the usage
// and exits 0; a bad argument prints one line naming it (then the usage) and exits 2; values arrive typed.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { calendarDate, integer, oneOf, parseCommandArgs, positiveNumber, type ArgsOutput } from '../../src/cli/args.js';

function capture(): ArgsOutput & { outText: () => string; errText: () => string } {
  const out: string[] = [], err: string[] = [];
  return { out: (t) => out.push(t), err: (t) => err.push(t), outText: () => out.join('\n'), errText: () => err.join('\n') };
}

const SPEC = {
  command: 'demo',
  usage: 'Usage: chanrong demo [--port N] [--rate R] [--mode a|b] [--on DATE] [--tag T]... [--quiet] FILE',
  positionals: { min: 1, max: 1, name: 'FILE' },
  options: {
    port: { type: 'string', default: '8787', parse: integer({ min: 0, max: 65535 }) },
    rate: { type: 'string', parse: positiveNumber('seconds') },
    mode: { type: 'string', default: 'a', parse: oneOf(['a', 'b']) },
    on: { type: 'string', parse: calendarDate() },
    name: { type: 'string' },
    tag: { type: 'string', multiple: true },
    quiet: { type: 'boolean', short: 'q' },
  },
} as const;

describe('parseCommandArgs', () => {
  it('types the values: defaults parsed, absent options undefined, lists and booleans', () => {
    const io = capture();
    const r = parseCommandArgs(['in.json', '--rate', '2.5', '--tag', 'x', '--tag', 'y', '-q', '--on', '2024-02-29'], SPEC, io);
    assert.ok(r.ok);
    const port: number = r.values.port;
    const rate: number | undefined = r.values.rate;
    const mode: 'a' | 'b' = r.values.mode;
    assert.deepEqual({ port, rate, mode, on: r.values.on, name: r.values.name, tag: r.values.tag, quiet: r.values.quiet }, {
      port: 8787, rate: 2.5, mode: 'a', on: '2024-02-29', name: undefined, tag: ['x', 'y'], quiet: true,
    });
    assert.deepEqual(r.positionals, ['in.json']);
    assert.equal(parseCommandArgs(['f'], SPEC, io).ok && (parseCommandArgs(['f'], SPEC, io) as { values: { quiet: boolean } }).values.quiet, false);
    assert.equal(io.outText() + io.errText(), '', 'nothing printed when all is well');
  });

  it('prints the usage to stdout and exits 0 for --help or -h, even beside a bad argument', () => {
    for (const args of [['--help'], ['-h'], ['--port', 'x', '--help'], ['--nope', '-h']]) {
      const io = capture();
      assert.deepEqual(parseCommandArgs(args, SPEC, io), { ok: false, exitCode: 0 }, args.join(' '));
      assert.equal(io.outText(), SPEC.usage);
      assert.equal(io.errText(), '');
    }
    // After `--`, "--help" is a positional, not a request for help.
    const io = capture();
    assert.ok(parseCommandArgs(['--', '--help'], SPEC, io).ok);
  });

  const refusals: [string[], RegExp][] = [
    [['f', '--colour'], /^chanrong demo: Unknown option '--colour'/],
    [['f', '--port'], /^chanrong demo: Option '--port <value>' argument missing/],
    [['f', '--port', 'eighty'], /^chanrong demo: --port must be a whole number from 0 to 65535, got "eighty"$/m],
    [['f', '--port', '65536'], /--port must be a whole number from 0 to 65535, got "65536"/],
    [['f', '--port', '1.5'], /--port must be a whole number from 0 to 65535, got "1.5"/],
    [['f', '--port', ''], /--port must be a whole number from 0 to 65535, got ""/],
    [['f', '--rate', '0'], /--rate must be a positive number of seconds, got "0"/],
    [['f', '--rate', 'Infinity'], /--rate must be a positive number of seconds, got "Infinity"/],
    [['f', '--mode', 'c'], /--mode must be one of a, b, got "c"/],
    [['f', '--on', '2025-02-29'], /--on must be a calendar date YYYY-MM-DD, got "2025-02-29"/],
    [['f', '--quiet=yes'], /^chanrong demo: Option '-q, --quiet' does not take an argument/],
    [[], /^chanrong demo: takes one FILE$/m],
    [['a', 'b'], /^chanrong demo: takes at most 1 FILE, got 2: "a" "b"$/m],
  ];
  for (const [args, message] of refusals) {
    it(`refuses ${JSON.stringify(args)} with exit 2 and a line naming the problem`, () => {
      const io = capture();
      assert.deepEqual(parseCommandArgs(args, SPEC, io), { ok: false, exitCode: 2 });
      assert.match(io.errText(), message);
      assert.ok(io.errText().endsWith(`\n\n${SPEC.usage}`), 'the usage follows');
      assert.equal(io.outText(), '');
    });
  }

  it('refuses positionals for a command that takes none', () => {
    const io = capture();
    assert.deepEqual(parseCommandArgs(['stray'], { command: 'x', usage: 'u', options: {} }, io), { ok: false, exitCode: 2 });
    assert.match(io.errText(), /^chanrong x: unexpected argument "stray"/);
  });
});

describe('the four commands use it', () => {
  const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  const cases: { command: string[]; bad: string[]; names: RegExp }[] = [
    { command: ['serve'], bad: ['--workers=-1'], names: /^chanrong serve: --workers must be a whole number \(0 or more\), got "-1"/ },
    { command: ['screen'], bad: ['--engine', 'sqlite'], names: /^chanrong screen: --engine must be one of duckdb, postgres, got "sqlite"/ },
    { command: ['record', 'verify'], bad: ['--keys', 'k.json', 'r.json'], names: /^chanrong record verify: Unknown option '--keys'/ },
    { command: ['keygen'], bad: ['--out'], names: /^chanrong keygen: Option '--out <value>' argument missing/ },
    { command: ['catalog', 'check'], bad: ['--colour', 'c.json'], names: /^chanrong catalog: Unknown option '--colour'/ },
    { command: ['catalog', 'diff'], bad: ['a.json'], names: /^chanrong catalog: catalog diff takes OLD and NEW/ },
  ];
  it('chanrong screen with nothing to screen names what is missing', () => {
    const r = run(['screen']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^chanrong screen: --input and --output are required\n\nUsage: chanrong screen/);
  });
  for (const { command, bad, names } of cases) {
    it(`chanrong ${command.join(' ')}: --help exits 0 with the usage; ${bad.join(' ')} exits 2 naming it`, () => {
      const help = run([...command, '--help']);
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^Usage: chanrong ${command[0]}`));
      const refused = run([...command, ...bad]);
      assert.equal(refused.status, 2, refused.stderr);
      assert.match(refused.stderr, names);
      assert.match(refused.stderr, /\n\nUsage: chanrong /);
      assert.equal(refused.stdout, '');
    });
  }
});

describe('chanrong serve: the worker pool flags', () => {
  const cli = new URL('../../src/cli.ts', import.meta.url).pathname;

  it('refuses a bad --work-queue or --work-timeout, naming it', () => {
    for (const [flag, value, message] of [['--work-queue', '1.5', /--work-queue must be a whole number \(0 or more\), got "1.5"/], ['--work-timeout', '0', /--work-timeout must be a positive number of seconds, got "0"/]] as const) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'serve', flag, value], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
    }
  });

  it('serves with --workers 1 --work-queue 8 --work-timeout 5, and with --workers 0', async () => {
    for (const flags of [['--workers', '1', '--work-queue', '8', '--work-timeout', '5'], ['--workers', '0']]) {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--port', '0', '--quiet', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '', err = '';
          child.stdout.on('data', (d) => {
            out += d;
            const m = /listening on (http:\/\/\S+) /.exec(out);
            if (m) resolve(m[1]!);
          });
          child.stderr.on('data', (d) => { err += d; });
          child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
        });
        const res = await fetch(`${url}/v1/incubators?q=%E4%B8%8A&zoom=5`);
        assert.equal(res.status, 200, flags.join(' '));
        assert.ok(((await res.json()) as { total: number }).total >= 1);
      } finally {
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
