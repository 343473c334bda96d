// Issue #7, load and faults: 20 reps push a year of events each at once, through the
// extension's own sync (lib/sync.ts runSync over lib/sync-client.ts's TeamClient, IndexedDB
// acknowledgements in fake-indexeddb), with the backoff the background uses, 300 times
// faster. Mid-push the network is cut and restored, PostgreSQL is SIGKILLed
// and restarted, and the gateway process is SIGKILLed and restarted; new events keep arriving.
// At the end the server holds exactly the union of the clients' events: nothing lost, nothing twice.
// A "year" is 2,500 activities per rep (10 a working day) plus its deal closes: 50,000+ events.
import 'fake-indexeddb/auto';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { openDb, type PacerDb } from '../../lib/db';
import { backoffMs, pendingWork, runSync } from '../../lib/sync';
import { TeamClient } from '../../lib/sync-client';
import { Admin } from '../../server/admin';
import { freePort, startLocalPostgres, type LocalPostgres } from '../../server/pg-local';
import { generateRepYear, type RepYear } from '../../server/seed';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const REPS = 20;
const EVENTS_PER_REP = 2500;
const TEAM = 'load';
const TIME_SCALE = 300;

let postgres: LocalPostgres;
let owner: pg.Pool;
let proxy: TcpProxy;
let gateway: ChildProcess | undefined;
let gatewayPort: number;
const secret = randomBytes(32).toString('base64url');

/** Set when the gateway exits without the test killing it: PostgreSQL dying must not take it down. */
let gatewayCrashed: string | undefined;
let killing = false;

async function startGatewayProcess() {
  gateway = spawn(process.execPath, ['--import', 'tsx', 'server/gateway.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, PACER_DATABASE_URL: postgres.url('authenticator'), PACER_JWT_SECRET: secret, PACER_PORT: String(gatewayPort), PACER_HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  gateway.once('exit', (code, signal) => {
    if (!killing) gatewayCrashed = `the gateway exited by itself (code ${code}, signal ${signal})`;
  });
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    try {
      if ((await fetch(`http://127.0.0.1:${gatewayPort}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('gateway did not start');
}
async function killGatewayProcess() {
  const g = gateway!;
  if (g.exitCode !== null || g.signalCode !== null) return;
  killing = true;
  const exited = new Promise(r => g.once('exit', r));
  g.kill('SIGKILL');
  await exited;
  killing = false;
}

const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));
/** PACER_TEST_DEBUG=1 narrates the faults and the progress. */
const debug = (...args: unknown[]) => process.env.PACER_TEST_DEBUG && console.log(new Date().toISOString().slice(11, 23), ...args);

beforeAll(async () => {
  postgres = await startLocalPostgres();
  owner = new pg.Pool({ connectionString: postgres.url(), max: 2 });
  owner.on('error', () => {});
  gatewayPort = await freePort();
  await startGatewayProcess();
  proxy = await startTcpProxy(gatewayPort);
}, 120_000);

afterAll(async () => {
  if (gateway && gateway.exitCode === null) await killGatewayProcess();
  await proxy?.close();
  await owner?.end().catch(() => {});
  await postgres?.stop();
});

async function serverEventCount(): Promise<number> {
  try {
    const { rows } = await owner.query('SELECT count(*)::int AS n FROM pacer.events WHERE team = $1', [TEAM]);
    return rows[0].n;
  } catch {
    return -1; // PostgreSQL is down right now
  }
}
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    if (gatewayCrashed) throw new Error(gatewayCrashed);
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

it('20 reps push a year each through network cuts and server crashes: the server ends with exactly their events', async () => {
  const admin = new Admin(owner, secret);
  await admin.createTeam(TEAM, 'Load test team');
  const reps = Array.from({ length: REPS }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`);
  const tokens: Record<string, string> = {};
  for (const rep of reps) {
    await admin.addMember(TEAM, rep, `Rep ${rep}`, 'rep');
    tokens[rep] = (await admin.issueToken(TEAM, rep)).token;
  }

  // Each rep's browser: a year of activity, 70 % captured before sync starts, the rest during it.
  const end = new Date('2026-11-20T00:00:00Z');
  const years: Record<string, RepYear> = {};
  const dbs: Record<string, PacerDb> = {};
  for (const [i, rep] of reps.entries()) {
    years[rep] = generateRepYear({ rep, seed: 1000 + i, eventsPerYear: EVENTS_PER_REP, end });
    const db = (dbs[rep] = openDb(`pacer-load-${rep}`));
    const first = Math.floor(years[rep]!.events.length * 0.7);
    await db.events.bulkAdd(years[rep]!.events.slice(0, first));
    await db.deals.bulkAdd(years[rep]!.deals);
  }
  const total = reps.reduce((n, r) => n + years[r]!.events.length, 0);
  const firstWave = reps.reduce((n, r) => n + Math.floor(years[r]!.events.length * 0.7), 0);

  const url = `http://127.0.0.1:${proxy.port}`;
  let allCaptured = false;
  const failures: Record<string, number> = { network: 0, server: 0, other: 0 };
  const otherErrors: string[] = [];

  // The background's loop (lib/sync-background.ts): run, and after a failure wait
  // backoffMs(failures) before the next run: the extension's own curve, 300 times faster
  // (30 s base → 100 ms, 30 min cap → 6 s).
  const repLoop = async (rep: string) => {
    const db = dbs[rep]!;
    if (gatewayCrashed) throw new Error(gatewayCrashed);
    const api = new TeamClient({ url, token: tokens[rep]!, timeoutMs: 5000 });
    let identity: string | undefined;
    let failed = 0;
    for (;;) {
      if (gatewayCrashed) throw new Error(gatewayCrashed);
      const r = await runSync({ db, api, serverUrl: url, knownIdentity: identity, week: '2026-11-16', quickRetriesMs: [50, 150] });
      identity = r.identity ?? identity;
      if (r.ok) {
        failed = 0;
        if (allCaptured && r.waiting.events === 0 && r.waiting.deals === 0) return;
        await sleep(100); // the next alarm
      } else {
        const kind = r.error.kind === 'network' || r.error.kind === 'server' ? r.error.kind : 'other';
        failures[kind]!++;
        if (kind === 'other') otherErrors.push(`${rep}: ${r.error.kind} ${r.error.message}`);
        await sleep(backoffMs(++failed, Math.random()) / TIME_SCALE);
      }
    }
  };

  const faults = (async () => {
    await until(async () => (await serverEventCount()) >= firstWave * 0.15, '15 % pushed');
    debug('cut the network');
    proxy.cut();
    await sleep(1500);
    proxy.restore();

    await until(async () => (await serverEventCount()) >= firstWave * 0.35, '35 % pushed');
    debug('kill PostgreSQL');
    await postgres.kill();
    await sleep(1000);
    await postgres.restart();

    await until(async () => (await serverEventCount()) >= firstWave * 0.55, '55 % pushed');
    debug('kill the gateway');
    await killGatewayProcess();
    await sleep(500);
    await startGatewayProcess();

    // The rest of the year is captured while the pushes go on.
    for (const rep of reps) {
      const events = years[rep]!.events;
      await dbs[rep]!.events.bulkAdd(events.slice(Math.floor(events.length * 0.7)));
    }
    allCaptured = true;
    debug('all captured');
  })();
  const progress = setInterval(async () => debug('server holds', await serverEventCount(), 'of', total, failures), 5000);

  await Promise.all([faults, ...reps.map(repLoop)]).finally(() => clearInterval(progress));

  expect(otherErrors).toEqual([]);
  expect(failures.network).toBeGreaterThan(0); // the cut and the gateway crash were felt …
  expect(failures.server).toBeGreaterThan(0); // … and so was PostgreSQL going away (503)

  // Nothing lost, nothing twice: per rep, the server's ids are exactly the client's.
  const { rows } = await owner.query<{ rep: string; id: string }>('SELECT rep, id FROM pacer.events WHERE team = $1', [TEAM]);
  expect(rows.length).toBe(total);
  for (const rep of reps) {
    const onServer = rows.filter(r => r.rep === rep).map(r => r.id).sort();
    expect(onServer, rep).toEqual(years[rep]!.events.map(e => e.id).sort());
    expect(await pendingWork(dbs[rep]!)).toEqual({ events: 0, deals: 0, erasures: 0 });
  }
  const deals = await owner.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM (SELECT DISTINCT rep, id FROM pacer.deal_snapshots WHERE team = $1) d',
    [TEAM],
  );
  expect(deals.rows[0]!.n).toBe(reps.reduce((n, r) => n + years[r]!.deals.length, 0));
  // Pull cursors see every row once, in commit order.
  const seqs = await owner.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d FROM pacer.events WHERE team = $1', [TEAM]);
  expect(seqs.rows[0]).toEqual({ n: total, d: total });
}, 170_000);
