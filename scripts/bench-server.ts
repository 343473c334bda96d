// `npm run bench:server` (issue #7): the team server on a throwaway local PostgreSQL.
// 50 reps × one year (5,000 activities per rep-year plus deal closes, ~255,000 events) are
// pushed over HTTP in the extension's batch size, 10 reps at a time; then the manager's
// team_summary is timed for the current quarter and the whole year, and a rep's for the quarter.
// Prints `name: value unit` lines. Target: team summary ≤ 200 ms.
import { performance } from 'node:perf_hooks';
import { toServerDeal, toServerEvent } from '../lib/sync-map';
import { startLocalTeamServer } from '../server/local';
import { generateRepYear, seededPlan } from '../server/seed';

const REPS = Number(process.env.BENCH_REPS ?? 50);
const EVENTS_PER_REP = Number(process.env.BENCH_EVENTS_PER_REP ?? 5000);
const BATCH = 500; // lib/sync.ts BATCH_LIMITS.events
const CONCURRENCY = 10;
const RUNS = 25;

const line = (name: string, value: number, unit: string) => console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;

async function call(url: string, token: string, fn: string, args: object) {
  const res = await fetch(`${url}/rpc/${fn}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${fn}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function main() {
  const server = await startLocalTeamServer({ gateway: { poolSize: CONCURRENCY } });
  try {
    const now = new Date();
    const year = now.getUTCFullYear();
    await server.admin.createTeam('bench', 'Benchmark team');
    await server.admin.addMember('bench', 'boss', 'Manager', 'manager');
    const manager = (await server.admin.issueToken('bench', 'boss')).token;
    await call(server.url, manager, 'set_team_plan', { plan: seededPlan(year), effective_from: `${year - 1}-01-01` });
    const reps: { id: string; token: string }[] = [];
    for (let i = 0; i < REPS; i++) {
      const id = `rep${String(i + 1).padStart(3, '0')}`;
      await server.admin.addMember('bench', id, `Rep ${i + 1}`, 'rep', `Territory ${(i % 5) + 1}`);
      reps.push({ id, token: (await server.admin.issueToken('bench', id)).token });
      await call(server.url, manager, 'set_allocation', { rep: id, effective_from: `${year - 1}-01-01`, annual_quota: 800_000 });
    }

    const batches = reps.map((rep, i) => {
      const { events, deals } = generateRepYear({ rep: rep.id, seed: 7 + i, eventsPerYear: EVENTS_PER_REP, end: now });
      const server_events = events.map(e => toServerEvent(e, { shareNames: false }));
      const out: { fn: string; args: object }[] = [];
      for (let j = 0; j < server_events.length; j += BATCH) out.push({ fn: 'push_events', args: { events: server_events.slice(j, j + BATCH) } });
      out.push({ fn: 'push_deals', args: { deals: deals.map(toServerDeal) } });
      return { rep, calls: out, events: server_events.length };
    });
    const totalEvents = batches.reduce((n, b) => n + b.events, 0);

    const latencies: number[] = [];
    const queue = [...batches];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let b = queue.shift(); b; b = queue.shift()) {
          for (const c of b.calls) {
            const s = performance.now();
            await call(server.url, b.rep.token, c.fn, c.args);
            if (c.fn === 'push_events') latencies.push(performance.now() - s);
          }
        }
      }),
    );
    const pushMs = performance.now() - t0;
    line('server_events_pushed', totalEvents, 'events');
    line('server_push_throughput', totalEvents / (pushMs / 1000), 'events/s');
    line('server_push_batch_p50', quantile(latencies, 0.5), 'ms');
    line('server_push_batch_p95', quantile(latencies, 0.95), 'ms');

    // Re-push one rep's year: every event a duplicate (what a resend after a crash costs).
    const again = batches[0]!;
    const r0 = performance.now();
    for (const c of again.calls) await call(server.url, again.rep.token, c.fn, c.args);
    line('server_repush_throughput', again.events / ((performance.now() - r0) / 1000), 'events/s');

    await server.db.query('VACUUM ANALYZE'); // what autovacuum does on a live server after a bulk load

    const month = now.getUTCMonth();
    const qStart = new Date(Date.UTC(year, month - (month % 3), 1));
    const qEnd = new Date(Date.UTC(year, month - (month % 3) + 3, 1));
    const d = (x: Date) => x.toISOString().slice(0, 10);
    const time = async (name: string, token: string, args: object) => {
      await call(server.url, token, 'team_summary', args); // warm
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        await call(server.url, token, 'team_summary', args);
        xs.push(performance.now() - s);
      }
      line(`${name}_p50`, quantile(xs, 0.5), 'ms');
      line(`${name}_p95`, quantile(xs, 0.95), 'ms');
    };
    await time('team_summary_quarter', manager, { from: d(qStart), to: d(qEnd) });
    await time('team_summary_year', manager, { from: d(new Date(now.getTime() - 365 * 86_400_000)), to: d(new Date(now.getTime() + 86_400_000)) });
    await time('team_summary_rep_quarter', reps[0]!.token, { from: d(qStart), to: d(qEnd) });
    line('team_summary_target', 200, 'ms');
  } finally {
    await server.stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
