// A throwaway PostgreSQL cluster on loopback for tests, the demo and the benchmark: Debian's
// real binaries (never a mock), a temp data dir, a free port, the unix socket in the temp dir.
// PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` OS user
// and the server process is spawned with its uid (we keep the pid, so a test can SIGKILL it).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from './migrate';

export interface LocalPostgres {
  readonly port: number;
  readonly host: '127.0.0.1';
  readonly socketDir: string;
  readonly database: 'pacer';
  /** Superuser (owner of the schema; admin commands connect as it). */
  readonly superuser: 'postgres';
  /** Connection string for a role, over TCP on loopback (trust auth inside this cluster only). */
  url(user?: string): string;
  /** SIGKILL the server, as a crash would: nothing is flushed, clients see dropped connections. */
  kill(): Promise<void>;
  /** Start it again on the same data dir and port (crash recovery replays the WAL). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'postgres'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter(v => existsSync(join(root, v, 'bin', 'postgres')) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** uid/gid to run PostgreSQL as: ourselves, or the `postgres` OS user when we are root. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root, but there is no `postgres` OS user to run PostgreSQL as (install Debian\'s postgresql package).');
  }
}

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test runner or a script ending us must not leave a postmaster or its files behind.
  process.once('exit', () => {
    for (const child of live) child.kill('SIGQUIT');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

export interface StartOptions {
  /** Apply server/migrations (default true). */
  migrate?: boolean;
  port?: number;
  /** Print the server log to stderr (default: only on failure). */
  verbose?: boolean;
}

export async function startLocalPostgres(options: StartOptions = {}): Promise<LocalPostgres> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL binaries not found under /usr/lib/postgresql/*/bin. Install them (Debian/Ubuntu: `sudo apt-get install postgresql`; `node scripts/ensure-postgres.mjs` does it as root) or set PG_BIN.',
    );
  }
  const owner = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'pacer-pg-'));
  tempDirs.add(dir);
  installExitHook();
  const dataDir = join(dir, 'data');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const spawnOpts = { ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };

  execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions', '-N'], {
    ...spawnOpts,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined;
  let log = '';

  const start = async () => {
    log = '';
    // fsync off: a throwaway cluster; a killed *process* still recovers from the WAL in the
    // page cache, which is what the fault tests exercise (the machine itself never crashes).
    child = spawn(
      join(bin, 'postgres'),
      ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off',
        '-c', 'full_page_writes=off', '-c', 'max_connections=200', '-c', 'shared_buffers=128MB', '-c', 'log_min_messages=warning'],
      { ...spawnOpts, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    live.add(child);
    installExitHook();
    const c = child;
    c.stdout?.on('data', d => (log += d));
    c.stderr?.on('data', d => {
      log += d;
      if (options.verbose) process.stderr.write(d);
    });
    c.once('exit', () => live.delete(c));
    await waitReady(port, () => c.exitCode !== null || c.signalCode !== null, () => log);
  };

  const stopChild = async (signal: NodeJS.Signals) => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>(resolve => c.once('exit', () => resolve()));
    c.kill(signal);
    await exited;
  };

  await start();
  const url = (user = 'postgres') => `postgres://${user}@127.0.0.1:${port}/pacer`;
  {
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE pacer');
    await admin.end();
  }
  if (options.migrate !== false) await migrate(url());

  let stopped = false;
  return {
    port,
    host: '127.0.0.1',
    socketDir: dir,
    database: 'pacer',
    superuser: 'postgres',
    url,
    kill: () => stopChild('SIGKILL'),
    restart: async () => {
      await stopChild('SIGKILL');
      // A SIGKILLed postmaster leaves its backends running until they notice, and a new
      // postmaster refuses to start while they still hold the old shared memory. They go
      // within a second or two, so a start that dies at once is tried again, for a while.
      for (let attempt = 1; ; attempt++) {
        try {
          await start();
          return;
        } catch (e) {
          if (attempt >= 40 || !/exited while starting/.test(String(e))) throw e;
          await new Promise(r => setTimeout(r, 250));
        }
      }
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopChild('SIGINT'); // fast shutdown
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    },
  };
}

async function waitReady(port: number, died: () => boolean, log: () => string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (died()) throw new Error(`PostgreSQL exited while starting:\n${log()}`);
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 30 s:\n${log()}`);
      await new Promise(r => setTimeout(r, 100));
    }
  }
}
