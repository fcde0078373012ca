// A throwaway PostgreSQL cluster for tests: initdb in a temp dir, a free port on 127.0.0.1, trust auth, stopped
// and removed afterwards. As root it runs the server as the `postgres` (or `nobody`) user, which initdb demands.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function postgresBinDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch { /* no pg_config: look in Debian's place */ }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  for (const v of readdirSync(root).sort().reverse()) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function userId(name: string): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return r.status === 0 && g.status === 0 ? { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) } : undefined;
}

export interface RunningPostgres { url: string; stop(): void }

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql (.ci/run does this)');
  const dir = mkdtempSync(join(tmpdir(), 'chanrong-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? (userId('postgres') ? 'postgres' : 'nobody') : undefined;
  if (runAs) {
    const ids = userId(runAs)!;
    chownSync(dir, ids.uid, ids.gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const full = runAs ? ['runuser', ['-u', runAs, '--', join(bin, cmd), ...args]] as const : [join(bin, cmd), args] as const;
    const r = spawnSync(full[0], full[1] as string[], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'chanrong', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'log'), '-o', `-p ${port} -h 127.0.0.1 -k ${dir} -F -c fsync=off -c full_page_writes=off`]);
  return {
    url: `postgres://chanrong@127.0.0.1:${port}/postgres`,
    stop() {
      try { run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']); } finally { rmSync(dir, { recursive: true, force: true }); }
    },
  };
}
