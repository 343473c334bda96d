// team_summary, rep_review and team_plan: the popup's numbers computed in SQL, checked
// against figures worked out by hand for a small team in fiscal Q3 2026 (66 working days).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTeamServer, type LocalTeamServer } from '../../server/local';
import { rpc, seedTeam } from './helpers';

let server: LocalTeamServer;
let tok: Record<string, string>;
const Q3 = { from: '2026-07-01', to: '2026-10-01' };

const plan = {
  fiscalYearStartMonth: 1,
  weekStartsOn: 1,
  timeZone: 'UTC',
  currency: 'USD',
  rates: { EUR: 1.1 },
  annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000 }],
  weeklyTargets: { calls: 10, meetings: 2, proposalsSubmitted: 1 },
  activityWeights: { calls: 1, meetings: 5, conversations: 2, proposalsSubmitted: 10 },
  stageTargets: { Qualification: 10 },
  holidays: [],
};

const ev = (id: string, type: string, at: string, extra: Record<string, unknown> = {}) => ({ id, type, at, site: 'salesforce', ...extra });

beforeAll(async () => {
  server = await startLocalTeamServer();
  ({ tokens: tok } = await seedTeam(server, 'acme', 'Acme Sales', [
    { id: 'ana', name: 'Ana Alves', role: 'rep', territory: 'North' },
    { id: 'ben', name: 'Ben Brown', role: 'rep', territory: 'South' },
    { id: 'rex', name: 'Rex Reed', role: 'rep' },
    { id: 'mia', name: 'Mia Manager', role: 'manager' },
  ]));
  const m = (fn: string, args: object) => rpc(server.url, tok.mia, fn, args).then(r => expect(r.status, JSON.stringify(r.body)).toBe(200));
  await m('set_team_plan', { plan, effective_from: '2026-01-01' });
  await m('set_allocation', { rep: 'ana', effective_from: '2026-01-01', annual_quota: 400_000 });
  await m('set_allocation', { rep: 'ben', effective_from: '2026-01-01', annual_quota: 280_000, quarter_quotas: [50_000, 60_000, 80_000, 90_000] });
  // Mid-quarter revision: from 15 August Ben's Q3 is 160,000; it also moves him to North.
  await m('set_allocation', { rep: 'ben', effective_from: '2026-08-15', annual_quota: 360_000, quarter_quotas: [50_000, 60_000, 160_000, 90_000], territory: 'North' });

  const push = (rep: string, events: object[]) => rpc(server.url, tok[rep], 'push_events', { events }).then(r => expect(r.status, JSON.stringify(r.body)).toBe(200));
  await push('ana', [
    ev('a-won-1', 'deal_won', '2026-07-10T15:00:00Z', { deal_id: 'sf:D1', amount: 10_000, currency: 'USD' }),
    ev('a-won-2', 'deal_won', '2026-08-03T09:00:00Z', { deal_id: 'sf:D2', amount: 1_000, currency: 'EUR' }),
    ev('a-won-5', 'deal_won', '2026-08-04T09:00:00Z', { deal_id: 'sf:D5', amount: 500, currency: 'GBP' }),
    ev('a-lost-3', 'deal_lost', '2026-09-01T09:00:00Z', { deal_id: 'sf:D3' }),
    // Won, reopened, then lost: counts by its latest close only.
    ev('a-won-4', 'deal_won', '2026-07-20T09:00:00Z', { deal_id: 'sf:D4', amount: 7_000, currency: 'USD' }),
    ev('a-lost-4', 'deal_lost', '2026-09-10T09:00:00Z', { deal_id: 'sf:D4' }),
    ev('a-call-1', 'call', '2026-07-06T09:00:00Z', { meta: { outcome: 'Connected' } }),
    ev('a-call-2', 'call', '2026-07-07T09:00:00Z', { meta: { outcome: 'Left voicemail' } }),
    ev('a-call-3', 'call', '2026-07-08T09:00:00Z', { meta: { outcome: 'spoke with CFO' } }),
    ev('a-mail-1', 'email', '2026-07-08T10:00:00Z', { meta: { outcome: 'inbound' } }),
    ev('a-meet-1', 'meeting', '2026-07-09T10:00:00Z'),
    ev('a-call-out', 'call', '2026-10-05T09:00:00Z', { meta: { outcome: 'Connected' } }),
  ]);
  await push('ben', [
    ev('b-won-1', 'deal_won', '2026-09-15T12:00:00Z', { deal_id: 'sf:B1', amount: 200_000, currency: 'USD' }),
    ...Array.from({ length: 12 }, (_, i) => ev(`b-call-${i}`, 'call', `2026-07-${String(6 + i).padStart(2, '0')}T09:00:00Z`)),
  ]);
  const deals = await rpc(server.url, tok.ana, 'push_deals', {
    deals: [
      { id: 'sf:A1', stage: 'Qualification', status: 'open', amount: 5_000, currency: 'USD', stage_entered_at: '2026-01-01T00:00:00Z', last_seen_at: '2026-06-01T00:00:00Z' },
      { id: 'sf:A1', name: 'Big one', stage: 'Qualification', status: 'open', amount: 20_000, currency: 'USD', stage_entered_at: '2026-01-01T00:00:00Z', last_seen_at: '2026-09-01T00:00:00Z' },
      { id: 'sf:A2', stage: 'Proposal', status: 'open', amount: 1_000, currency: 'EUR', stage_entered_at: '2026-01-01T00:00:00Z', last_seen_at: '2026-09-01T00:00:00Z' },
      { id: 'sf:D3', stage: 'Closed Lost', status: 'lost', amount: 9_000, currency: 'USD', last_seen_at: '2026-09-01T10:00:00Z' },
    ],
  });
  expect(deals.body).toEqual({ inserted: 4, duplicates: 0 });
});
afterAll(() => server?.stop());

describe('team_summary for the manager', () => {
  let s: any;
  beforeAll(async () => {
    const res = await rpc(server.url, tok.mia, 'team_summary', Q3);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    s = res.body;
  });
  const row = (rep: string) => s.reps.find((r: { rep: string }) => r.rep === rep);

  it('ranks reps by attainment, the rep without a quota last', () => {
    expect(s.reps.map((r: any) => [r.rep, r.rank])).toEqual([['ben', 1], ['ana', 2], ['rex', 3]]);
    expect(s.viewer).toEqual({ rep: 'mia', role: 'manager' });
    expect(s).toMatchObject({ from: '2026-07-01', to: '2026-10-01', timeZone: 'UTC', currency: 'USD' });
  });

  it("measures attainment against each rep's allocation in force, day by day", () => {
    expect(row('ana')).toMatchObject({ quota: 100_000, won: 11_100, attainment: 0.111, wonCount: 3, lostCount: 2, winRate: 0.6 });
    expect(row('ana').unconverted).toEqual({ GBP: 500 });
    expect(row('ben')).toMatchObject({ quota: 120_000, won: 200_000, attainment: 1.6667, winRate: 1 });
    expect(row('rex')).toMatchObject({ quota: null, won: 0, attainment: null, winRate: null, pacing: null, behind: false, behindTier: null });
  });

  it('counts drivers, conversations and the activity score with the plan weights; targets are weekly × weeks', () => {
    expect(row('ana').drivers.calls).toEqual({ actual: 3, target: 131.43 });
    expect(row('ana').drivers.conversations).toEqual({ actual: 3, target: null });
    expect(row('ana').drivers.meetings).toEqual({ actual: 1, target: 26.29 });
    expect(row('ana').activityScore).toBe(3 * 1 + 1 * 5 + 3 * 2);
    expect(row('ben').activityScore).toBe(12);
  });

  it('says who is behind and on which tier of the pyramid', () => {
    expect(row('ana')).toMatchObject({ behind: true, behindTier: 'calls', pacing: { expected: 100_000, actual: 11_100, delta: -88_900 } });
    expect(row('ben')).toMatchObject({ behind: false, behindTier: null });
  });

  it('sums open pipeline from the latest snapshot of each deal and lists stalled deals', () => {
    expect(row('ana')).toMatchObject({ pipeline: 21_100, pipelineCount: 2 });
    expect(s.stalled).toEqual([
      expect.objectContaining({ rep: 'ana', repName: 'Ana Alves', deal_id: 'sf:A1', name: 'Big one', stage: 'Qualification', target_days: 10, amount: 20_000 }),
    ]);
  });

  it('totals the team and its territories', () => {
    expect(s.team).toMatchObject({ id: 'acme', name: 'Acme Sales', reps: 3, quota: 220_000, won: 211_100, attainment: 0.9595, pipeline: 21_100 });
    expect(s.team.pacing).toEqual({ expected: 220_000, actual: 211_100, delta: -8_900 });
    expect(s.territories).toEqual([
      { territory: 'North', reps: 2, quota: 220_000, won: 211_100, attainment: 0.9595, pipeline: 21_100 },
      { territory: 'Unassigned', reps: 1, quota: null, won: 0, attainment: null, pipeline: 0 },
    ]);
  });

  it('gives a weekly trend for the team and per rep', () => {
    const week = (w: string) => s.trend.find((t: { week: string }) => t.week === w);
    expect(week('2026-07-06')).toEqual({ week: '2026-07-06', won: 10_000, activityScore: 14 + 7 }); // Ana's 14 and Ben's calls of 6–12 July
    expect(week('2026-08-03')).toEqual({ week: '2026-08-03', won: 1_100, activityScore: 0 });
    expect(s.repTrend).toContainEqual({ week: '2026-09-14', rep: 'ben', won: 200_000, activityScore: 0 });
  });
});

describe('team_summary for a rep', () => {
  it('holds their own row and rank, and the team size, nothing else', async () => {
    const { body: s } = await rpc(server.url, tok.ana, 'team_summary', Q3);
    expect(s.reps).toHaveLength(1);
    expect(s.reps[0]).toMatchObject({ rep: 'ana', rank: 2, won: 11_100 });
    expect(s.team).toEqual({ id: 'acme', name: 'Acme Sales', reps: 3, quota: null, won: null, attainment: null, pipeline: null, activityScore: null, pacing: null });
    expect(s.territories).toEqual([]);
    expect(s.repTrend.every((t: { rep: string }) => t.rep === 'ana')).toBe(true);
    expect(JSON.stringify(s)).not.toMatch(/ben|Ben|rex/);
  });

  it('refuses a period that is not one', async () => {
    const res = await rpc(server.url, tok.ana, 'team_summary', { from: '2026-10-01', to: '2026-07-01' });
    expect(res).toMatchObject({ status: 400, body: { code: '22023' } });
    expect((await rpc(server.url, tok.ana, 'team_summary', { from: 'soon', to: '2026-07-01' })).status).toBe(400);
  });
});

describe('the weekly review and the plan', () => {
  it('rep_review shows a week and the one before against the targets, with the manager\'s notes', async () => {
    await rpc(server.url, tok.mia, 'set_feedback', { rep: 'ana', week: '2026-07-06', kudos: 'First', focus: 'x' });
    await rpc(server.url, tok.mia, 'set_feedback', { rep: 'ana', week: '2026-07-06', kudos: 'Two connects in a week', focus: 'Book meetings' });
    const res = await rpc(server.url, tok.mia, 'rep_review', { rep: 'ana', week: '2026-07-13' });
    expect(res.body).toMatchObject({ rep: 'ana', repName: 'Ana Alves', week: '2026-07-13', kudos: null, focus: null });
    expect(res.body.lastWeek).toMatchObject({ calls: 3, emails: 1, conversations: 3, meetings: 1, proposalsSubmitted: 0 });
    expect(res.body.thisWeek.calls).toBe(0);
    expect(res.body.activityScore).toEqual({ thisWeek: 0, lastWeek: 14 });
    expect(res.body.targets).toEqual(plan.weeklyTargets);
    const own = await rpc(server.url, tok.ana, 'rep_review', { rep: 'ana', week: '2026-07-06' });
    expect(own.body).toMatchObject({ kudos: 'Two connects in a week', focus: 'Book meetings', thisWeek: { calls: 3 } });
    expect((await rpc(server.url, tok.ana, 'my_feedback', {})).body.items).toEqual([
      expect.objectContaining({ week: '2026-07-06', kudos: 'Two connects in a week', by: 'mia' }),
    ]);
  });

  it("team_plan gives a rep the team plan and their own allocation's revisions only", async () => {
    const { body } = await rpc(server.url, tok.ben, 'team_plan', {});
    expect(body.plan).toMatchObject({ currency: 'USD', timeZone: 'UTC' });
    expect(body.allocation).toMatchObject({
      rep: 'ben',
      repName: 'Ben Brown',
      territory: 'North',
      annual: [
        { effectiveFrom: '2026-01-01', annualQuota: 280_000, quarterQuotas: [50_000, 60_000, 80_000, 90_000] },
        { effectiveFrom: '2026-08-15', annualQuota: 360_000, quarterQuotas: [50_000, 60_000, 160_000, 90_000] },
      ],
    });
    expect(body.allocations.map((a: { rep: string }) => a.rep)).toEqual(['ben']);
    const manager = await rpc(server.url, tok.mia, 'team_plan', {});
    expect(manager.body.allocations.map((a: { rep: string }) => a.rep)).toEqual(['ana', 'ben']);
    expect(manager.body.allocation).toBeNull();
    expect(manager.body.planRevisions).toHaveLength(1);
  });

  it('whoami names the member, their territory and the team', async () => {
    expect((await rpc(server.url, tok.ben, 'whoami', {})).body).toEqual({
      team: 'acme', teamName: 'Acme Sales', teamSize: 3, rep: 'ben', repName: 'Ben Brown', role: 'rep', territory: 'North', shareNames: false,
    });
  });
});
