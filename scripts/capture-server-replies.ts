// Captures what the real team server answers to every call the extension makes, for the
// reply-shape tests (tests/lib/sync-reply.test.ts): a throwaway PostgreSQL with the
// migrations (server/local.ts), a small team seeded through the admin commands and the API,
// then each call as TeamClient makes it. Every reply is also run through its check
// (lib/sync-reply.ts) here, so a server change that the checks would refuse fails now.
//
//   node scripts/ensure-postgres.mjs && npx tsx scripts/capture-server-replies.ts
//
// Writes tests/fixtures/team-server/replies.json. Times (asOf, updatedAt, set_at) are the
// capture's; the tests use the shapes, not the values.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalTeamServer } from '../server/local';
import {
  eraseReply, feedbackReply, pushReply, repReviewReply, revisionReply, teamPlanReply, teamSummaryReply, whoamiReply, type ReplyCheck,
} from '../lib/sync-reply';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tests/fixtures/team-server/replies.json');

interface Capture {
  call: string;
  why: string;
  /** How many items the call sent (push and erase checks compare their counts with it). */
  sent?: number;
  reply: unknown;
}

const server = await startLocalTeamServer();
const captures: Capture[] = [];
try {
  const members = [
    { id: 'ana', name: 'Ana Alves', role: 'rep' as const, territory: 'North' },
    { id: 'ben', name: 'Ben Brown', role: 'rep' as const, territory: 'South' },
    { id: 'rex', name: 'Rex Reed', role: 'rep' as const },
    { id: 'mia', name: 'Mia Manager', role: 'manager' as const },
  ];
  const tok: Record<string, string> = {};
  await server.admin.createTeam('acme', 'Acme Sales', {});
  for (const m of members) {
    await server.admin.addMember('acme', m.id, m.name, m.role, m.territory);
    tok[m.id] = (await server.admin.issueToken('acme', m.id)).token;
  }
  // A second team with reps but no plan, no quota and no data: the nulls a new team sees.
  await server.admin.createTeam('fresh', 'Fresh Team', {});
  await server.admin.addMember('fresh', 'zoe', 'Zoe Zhang', 'rep');
  await server.admin.addMember('fresh', 'max', 'Max Meyer', 'manager');
  tok.zoe = (await server.admin.issueToken('fresh', 'zoe')).token;
  tok.max = (await server.admin.issueToken('fresh', 'max')).token;

  const rpc = async (who: string, fn: string, args: object = {}) => {
    const res = await fetch(`${server.url}/rpc/${fn}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tok[who]}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(args),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${fn} as ${who}: HTTP ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };
  const capture = async (why: string, who: string, fn: string, args: object, check: ReplyCheck<unknown>, sent?: number) => {
    const reply = await rpc(who, fn, args);
    const result = check(reply);
    if (!result.ok) throw new Error(`The check refuses the real server's ${fn} (${why}): ${JSON.stringify(result)}\n${JSON.stringify(reply)}`);
    captures.push({ call: fn, why, ...(sent !== undefined ? { sent } : {}), reply });
  };

  const plan = {
    fiscalYearStartMonth: 1, weekStartsOn: 1, timeZone: 'UTC', currency: 'USD', rates: { EUR: 1.1 },
    annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000 }],
    weeklyTargets: { calls: 10, meetings: 2, proposalsSubmitted: 1 },
    activityWeights: { calls: 1, meetings: 5, conversations: 2, proposalsSubmitted: 10 },
    stageTargets: { Qualification: 10 }, holidays: [],
  };
  await capture('a manager sets the team plan', 'mia', 'set_team_plan', { plan, effective_from: '2026-01-01' }, revisionReply);
  await capture('an allocation without quarters', 'mia', 'set_allocation', { rep: 'ana', effective_from: '2026-01-01', annual_quota: 400_000 }, revisionReply);
  await capture('an allocation with quarters, a note and a new territory', 'mia', 'set_allocation',
    { rep: 'ben', effective_from: '2026-01-01', annual_quota: 280_000, quarter_quotas: [50_000, 60_000, 80_000, 90_000], territory: 'North', note: 'Ramp-up year' }, revisionReply);

  const ev = (id: string, type: string, at: string, extra: object = {}) => ({ id, type, at, site: 'salesforce', ...extra });
  const anaEvents = [
    ev('a-won-1', 'deal_won', '2026-07-10T15:00:00Z', { deal_id: 'sf:D1', amount: 10_000, currency: 'USD' }),
    ev('a-won-5', 'deal_won', '2026-08-04T09:00:00Z', { deal_id: 'sf:D5', amount: 500, currency: 'GBP' }),
    ev('a-lost-3', 'deal_lost', '2026-09-01T09:00:00Z', { deal_id: 'sf:D3' }),
    ev('a-call-1', 'call', '2026-07-06T09:00:00Z', { meta: { outcome: 'Connected' } }),
    ev('a-call-2', 'call', '2026-07-07T09:00:00Z', { meta: { outcome: 'Left voicemail' } }),
    ev('a-meet-1', 'meeting', '2026-07-09T10:00:00Z'),
  ];
  await capture('new events', 'ana', 'push_events', { events: anaEvents }, pushReply(anaEvents.length), anaEvents.length);
  await capture('the same batch again: all duplicates', 'ana', 'push_events', { events: anaEvents }, pushReply(anaEvents.length), anaEvents.length);
  const benEvents = [ev('b-won-1', 'deal_won', '2026-09-15T12:00:00Z', { deal_id: 'sf:B1', amount: 200_000, currency: 'USD' }), ev('b-call-1', 'call', '2026-07-06T09:00:00Z')];
  await rpc('ben', 'push_events', { events: benEvents });
  const deals = [
    { id: 'sf:A1', name: 'Big one', stage: 'Qualification', status: 'open', amount: 20_000, currency: 'USD', stage_entered_at: '2026-01-01T00:00:00Z', last_seen_at: '2026-09-01T00:00:00Z' },
    { id: 'sf:A2', stage: 'Proposal', status: 'open', amount: 1_000, currency: 'EUR', stage_entered_at: '2026-01-01T00:00:00Z', last_seen_at: '2026-09-01T00:00:00Z' },
  ];
  await capture('deal snapshots', 'ana', 'push_deals', { deals }, pushReply(deals.length), deals.length);
  await capture('one id the server holds, one it never had', 'ana', 'erase_my_events', { ids: ['a-call-2', 'never-pushed'] }, eraseReply(2), 2);

  await capture('kudos and a focus', 'mia', 'set_feedback', { rep: 'ana', week: '2026-07-06', kudos: 'Two connects in a week', focus: 'Book meetings' }, revisionReply);
  await capture('a rep, a week with feedback', 'ana', 'my_feedback', { week: '2026-07-06' }, feedbackReply);
  await capture('a rep, a week without feedback: nulls', 'ana', 'my_feedback', { week: '2026-07-13' }, feedbackReply);

  await capture('a rep', 'ana', 'whoami', {}, whoamiReply);
  await capture('a manager (no territory)', 'mia', 'whoami', {}, whoamiReply);
  await capture('a rep: the team plan and their own allocation', 'ben', 'team_plan', {}, teamPlanReply);
  await capture("a manager: every rep's allocation, none of their own", 'mia', 'team_plan', {}, teamPlanReply);
  await capture('a team with no plan and no allocation', 'zoe', 'team_plan', {}, teamPlanReply);

  const q3 = { from: '2026-07-01', to: '2026-10-01' };
  await capture('a manager, a quarter', 'mia', 'team_summary', q3, teamSummaryReply);
  await capture('a rep: their own row, the team totals null', 'ana', 'team_summary', q3, teamSummaryReply);
  await capture('a manager whose reps have no quota: pacing without an expected figure', 'max', 'team_summary', q3, teamSummaryReply);
  await capture("a manager, a rep's week with feedback", 'mia', 'rep_review', { rep: 'ana', week: '2026-07-06' }, repReviewReply);
  await capture('a rep, their own week without feedback', 'ana', 'rep_review', { rep: 'ana', week: '2026-07-13' }, repReviewReply);
} finally {
  await server.stop();
}

const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ provenance: `Captured by scripts/capture-server-replies.ts from the real team server (server/, migrations 001-008) at commit ${commit}, ${new Date().toISOString().slice(0, 10)}.`, replies: captures }, null, 2)}\n`,
);
console.log(`replies captured: ${captures.length} calls`);
