// The demo's team (issue #7): a local team server (throwaway PostgreSQL + gateway on loopback)
// seeded the way a real team fills it: the admin creates the team and its people, the manager
// sets the plan and allocates it, and each rep's year of activity arrives through push_events
// in the extension's batch size. `npm run demo` starts it; `npm run server -- --demo` too.
import { toServerDeal, toServerEvent } from '../lib/sync-map';
import { startLocalTeamServer, type LocalTeamServer } from './local';
import { generateRepYear, seededPlan } from './seed';

export interface DemoTeam {
  url: string;
  teamName: string;
  managerToken: string;
  /** The first rep's token (Sam Rivera, the demo browser's own rep). */
  repToken: string;
  /** Every member's token by id; `manager` is the manager's. */
  tokens: { manager: string } & Record<string, string>;
  server: LocalTeamServer;
  stop(): Promise<void>;
}

export const DEMO_TEAM = {
  id: 'northwind',
  name: 'Northwind Sales',
  manager: { id: 'morgan', name: 'Morgan Lee' },
  // skill scales deal sizes and win rates so the leaderboard has a spread.
  reps: [
    { id: 'sam', name: 'Sam Rivera', territory: 'East', skill: 1.1 },
    { id: 'priya', name: 'Priya Shah', territory: 'East', skill: 1.4 },
    { id: 'diego', name: 'Diego Alvarez', territory: 'East', skill: 0.8 },
    { id: 'hana', name: 'Hana Kim', territory: 'Central', skill: 1.2 },
    { id: 'oliver', name: 'Oliver Brooks', territory: 'Central', skill: 0.6 },
    { id: 'amara', name: 'Amara Okafor', territory: 'West', skill: 1.3 },
    { id: 'lucas', name: 'Lucas Martin', territory: 'West', skill: 0.9 },
    { id: 'nina', name: 'Nina Petrova', territory: 'West', skill: 0.7 },
  ],
} as const;

async function call(url: string, token: string, fn: string, args: object): Promise<unknown> {
  const res = await fetch(`${url}/rpc/${fn}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`Seeding the demo team: ${fn} answered HTTP ${res.status}: ${(body as { message?: string }).message}`);
  return body;
}

export async function startDemoTeam(options: { port?: number; eventsPerRep?: number; now?: Date } = {}): Promise<DemoTeam> {
  const server = await startLocalTeamServer({ port: options.port });
  try {
    const now = options.now ?? new Date();
    const year = now.getUTCFullYear();
    const { id: team, name: teamName, manager, reps } = DEMO_TEAM;
    await server.admin.createTeam(team, teamName);
    await server.admin.addMember(team, manager.id, manager.name, 'manager');
    const tokens: Record<string, string> = { manager: (await server.admin.issueToken(team, manager.id, { note: 'demo' })).token };
    for (const r of reps) {
      await server.admin.addMember(team, r.id, r.name, 'rep', r.territory);
      tokens[r.id] = (await server.admin.issueToken(team, r.id, { note: 'demo' })).token;
    }

    // The manager's plan for last year and this one, and each rep's share, with a quarterly update.
    const plan = seededPlan(year);
    await call(server.url, tokens.manager!, 'set_team_plan', { plan, effective_from: `${year - 1}-01-01` });
    for (const [i, r] of reps.entries()) {
      const annual = 600_000 + i * 25_000;
      await call(server.url, tokens.manager!, 'set_allocation', { rep: r.id, effective_from: `${year - 1}-01-01`, annual_quota: annual });
      if (i % 3 === 0) {
        await call(server.url, tokens.manager!, 'set_allocation', {
          rep: r.id,
          effective_from: `${year}-07-01`,
          annual_quota: annual + 40_000,
          quarter_quotas: [annual / 4, annual / 4, annual / 4 + 20_000, annual / 4 + 20_000],
          note: 'Q3 update: bigger second half',
        });
      }
    }

    // Each rep's Pacer pushes its year, 500 events a call (lib/sync.ts BATCH_LIMITS).
    await Promise.all(
      reps.map(async (r, i) => {
        const { events, deals } = generateRepYear({
          rep: r.id,
          seed: 4242 + i,
          // Busier reps log more: the leaderboard's activity column has a spread too.
          eventsPerYear: Math.round((options.eventsPerRep ?? 3000) * (0.6 + 0.4 * r.skill)),
          end: now,
          skill: r.skill,
        });
        const mapped = events.map(e => toServerEvent(e, { shareNames: false }));
        for (let j = 0; j < mapped.length; j += 500) await call(server.url, tokens[r.id]!, 'push_events', { events: mapped.slice(j, j + 500) });
        const snapshots = deals.map(toServerDeal);
        for (let j = 0; j < snapshots.length; j += 200) await call(server.url, tokens[r.id]!, 'push_deals', { deals: snapshots.slice(j, j + 200) });
      }),
    );

    // Last week's 1:1 notes for the demo rep: the side panel shows them.
    const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)));
    await call(server.url, tokens.manager!, 'set_feedback', {
      rep: 'sam',
      week: monday.toISOString().slice(0, 10),
      kudos: 'Two proposals out and a clean pipeline review. Nice work.',
      focus: 'Book three discovery meetings with the new leads from the webinar.',
    });

    return {
      url: server.url,
      teamName,
      managerToken: tokens.manager!,
      repToken: tokens.sam!,
      tokens: tokens as DemoTeam['tokens'],
      server,
      stop: () => server.stop(),
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
