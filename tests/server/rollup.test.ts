// The weekly rollup (server/migrations/008_activity_weeks.sql) must never change a number:
// team_summary read through it equals team_summary read from the events alone, after pushes,
// resends, erasures and a plan that moves the team to another time zone and week start.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prng } from '../../server/seed';
import { startLocalTeamServer, type LocalTeamServer } from '../../server/local';
import { rpc, seedTeam } from './helpers';

let server: LocalTeamServer;
let tok: Record<string, string>;
const TYPES = ['call', 'email', 'meeting', 'proposal_sent', 'lead_created', 'linkedin_connect_sent', 'deal_won', 'deal_lost'];
const OUTCOMES = ['Connected', 'No answer', 'inbound', 'outbound', undefined];

beforeAll(async () => {
  server = await startLocalTeamServer();
  ({ tokens: tok } = await seedTeam(server, 'roll', 'Rollup team', [
    { id: 'r1', name: 'One', role: 'rep' },
    { id: 'r2', name: 'Two', role: 'rep' },
    { id: 'r3', name: 'Three', role: 'rep' },
    { id: 'boss', name: 'Boss', role: 'manager' },
  ]));
});
afterAll(() => server?.stop());

const setPlan = (timeZone: string, weekStartsOn: number, from = '2025-01-01') =>
  rpc(server.url, tok.boss, 'set_team_plan', { plan: { timeZone, weekStartsOn, currency: 'USD', weeklyTargets: { calls: 5 } }, effective_from: from });

const PERIODS = [
  { from: '2026-03-01', to: '2026-04-01' }, // the US DST change
  { from: '2026-10-01', to: '2027-01-01' },
  { from: '2026-01-01', to: '2027-01-01' },
  { from: '2026-03-05', to: '2026-03-15' },
  { from: '2026-06-03', to: '2026-06-06' }, // no whole week
];

async function summaries() {
  const out = [];
  for (const period of PERIODS) {
    const res = await rpc(server.url, tok.boss, 'team_summary', period);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { asOf: _asOf, ...rest } = res.body;
    out.push(rest);
  }
  return out;
}

/** The same summaries with the rollup out of the picture: its basis no longer matches the plan. */
async function summariesFromEventsAlone() {
  const { rows } = await server.db.query("SELECT time_zone, week_starts_on FROM pacer.activity_weeks_basis WHERE team = 'roll'");
  await server.db.query("UPDATE pacer.activity_weeks_basis SET time_zone = 'Etc/GMT+12' WHERE team = 'roll'");
  try {
    return await summaries();
  } finally {
    await server.db.query("UPDATE pacer.activity_weeks_basis SET time_zone = $1, week_starts_on = $2 WHERE team = 'roll'", [rows[0].time_zone, rows[0].week_starts_on]);
  }
}

/** The rollup's rows against a count of the events, in the basis' zone and week start. */
async function rollupMatchesEvents() {
  const { rows } = await server.db.query(`
    WITH counted AS (
      SELECT e.rep, pacer.week_start((e.at AT TIME ZONE b.time_zone)::date, b.week_starts_on) AS week, e.type,
             count(*)::int AS n, count(*) FILTER (WHERE e.conv)::int AS conv
        FROM pacer.events e JOIN pacer.activity_weeks_basis b ON b.team = e.team WHERE e.team = 'roll' GROUP BY 1, 2, 3)
    SELECT count(*)::int AS differences FROM (
      (SELECT rep, week, type, n, conv FROM pacer.activity_weeks WHERE team = 'roll' EXCEPT SELECT * FROM counted)
      UNION ALL
      (SELECT * FROM counted EXCEPT SELECT rep, week, type, n, conv FROM pacer.activity_weeks WHERE team = 'roll')) d`);
  return rows[0].differences;
}

it('gives the same summaries as the events alone, through resends, erasures and a change of zone and week start', async () => {
  expect((await setPlan('America/New_York', 0)).status).toBe(200);
  const rnd = prng(99);
  const pushed: Record<string, string[]> = { r1: [], r2: [], r3: [] };
  for (let batch = 0; batch < 12; batch++) {
    for (const rep of ['r1', 'r2', 'r3']) {
      const events = Array.from({ length: 120 }, (_, i) => {
        // Times cluster around local midnights and the DST changes, where a week is easiest to get wrong.
        const base = Date.UTC(2026, 0, 1) + Math.floor(rnd() * 365) * 86_400_000 + (rnd() < 0.5 ? 4 * 3_600_000 + rnd() * 2 * 3_600_000 : rnd() * 86_400_000);
        const type = TYPES[Math.floor(rnd() * TYPES.length)]!;
        const outcome = OUTCOMES[Math.floor(rnd() * OUTCOMES.length)];
        return { id: `${rep}-${batch}-${i}`, type, at: new Date(base).toISOString(), site: 'manual', ...(outcome ? { meta: { outcome } } : {}), ...(type === 'deal_won' ? { amount: 1000, currency: 'USD', deal_id: `d-${rep}-${batch}-${i}` } : {}) };
      });
      expect((await rpc(server.url, tok[rep], 'push_events', { events })).status).toBe(200);
      pushed[rep]!.push(...events.map(e => e.id));
      if (batch % 4 === 3) {
        // A resend of the whole batch, and the rep erasing a few events.
        expect((await rpc(server.url, tok[rep], 'push_events', { events })).body).toEqual({ inserted: 0, duplicates: 120 });
        const erase = pushed[rep]!.filter(() => rnd() < 0.05);
        expect((await rpc(server.url, tok[rep], 'erase_my_events', { ids: erase })).body).toEqual({ erased: erase.length });
        pushed[rep] = pushed[rep]!.filter(id => !erase.includes(id));
      }
    }
  }
  expect(await rollupMatchesEvents()).toBe(0);
  const viaRollup = await summaries();
  expect(viaRollup).toEqual(await summariesFromEventsAlone());
  expect(viaRollup[2].reps.reduce((n: number, r: { drivers: { calls: { actual: number } } }) => n + r.drivers.calls.actual, 0)).toBeGreaterThan(100);

  // The team moves to Berlin and Monday weeks: the rollup is re-keyed and still agrees.
  expect((await setPlan('Europe/Berlin', 1, '2025-01-02')).status).toBe(200);
  const { rows } = await server.db.query("SELECT time_zone, week_starts_on FROM pacer.activity_weeks_basis WHERE team = 'roll'");
  expect(rows[0]).toEqual({ time_zone: 'Europe/Berlin', week_starts_on: 1 });
  expect(await rollupMatchesEvents()).toBe(0);
  expect(await summaries()).toEqual(await summariesFromEventsAlone());

  // Erasing a rep removes their weeks from the rollup too.
  await server.admin.eraseRep('roll', 'r3');
  expect(await rollupMatchesEvents()).toBe(0);
  const { rows: left } = await server.db.query("SELECT count(*)::int AS n FROM pacer.activity_weeks WHERE team = 'roll' AND rep = 'r3'");
  expect(left[0].n).toBe(0);
});
