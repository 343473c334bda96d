// Team sync's pure parts (issue #7): where a server may be, which plan is in force, the
// status after a run, the leaderboard's sorting and CSV, and the words the UI shows.
import { describe, expect, it } from 'vitest';
import { defaultPlan, type Plan } from '../../lib/metrics/plan';
import { statusAfter } from '../../lib/sync-background';
import { SyncError, type RepRow } from '../../lib/sync-client';
import { planSource, planToApply, teamPlanStateOf, withTeamPlan } from '../../lib/sync-plan';
import { leaderboardCsv, periodRange, sortReps, trendData } from '../../lib/sync-team';
import { checkServerUrl } from '../../lib/sync-url';
import { planLine, syncLine, waitingLine } from '../../lib/sync-view';

describe('the team server URL', () => {
  it.each([
    ['https://pacer.example.com/', 'https://pacer.example.com'],
    ['  https://x.supabase.co/rest/v1/ ', 'https://x.supabase.co/rest/v1'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('accepts %s as %s', (input, url) => expect(checkServerUrl(input)).toMatchObject({ ok: true, url }));

  it.each([
    ['', 'Enter the team server URL'],
    ['pacer.example.com', 'is not a URL'],
    ['http://pacer.example.com', 'Plain http:// is refused'],
    ['http://10.0.0.5:8787', 'Plain http:// is refused'],
    ['https://user:secret@pacer.example.com', 'not in the URL'],
    ['ftp://pacer.example.com', 'not supported'],
    ['https://pacer.example.com/?token=abc', 'no ?query'],
  ])('refuses %j in words', (input, words) => expect(checkServerUrl(input)).toMatchObject({ ok: false, error: expect.stringContaining(words) }));
});

const local: Plan = { ...defaultPlan('Europe/Berlin'), annual: [{ effectiveFrom: '2026-01-01', annualQuota: 100_000 }] };
const teamPlan: Plan = { ...defaultPlan('UTC'), currency: 'EUR', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 4_000_000 }] };
const answer = {
  plan: teamPlan,
  allocation: { rep: 'sam', repName: 'Sam', territory: 'West', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 480_000 }], updatedAt: '2026-01-02T00:00:00Z' },
};
const at = new Date('2026-11-27T10:00:00Z');

describe('the plan in force', () => {
  it("is the team's plan with the rep's allocation as its quota", () => {
    const state = teamPlanStateOf(answer, 'Acme Sales', at)!;
    const plan = withTeamPlan(local, state);
    expect(plan.annual).toEqual([{ effectiveFrom: '2026-01-01', annualQuota: 480_000 }]);
    expect([plan.currency, plan.timeZone]).toEqual(['EUR', 'UTC']);
    expect(state).toMatchObject({ fromAllocation: true, territory: 'West', teamName: 'Acme Sales' });
  });

  it('takes the last of two revisions the manager saved for one date: the correction', () => {
    const corrected = { ...answer.allocation, annual: [...answer.allocation.annual, { effectiveFrom: '2026-01-01', annualQuota: 510_000 }] };
    const state = teamPlanStateOf({ plan: teamPlan, allocation: corrected }, 'Acme Sales', at)!;
    expect(state.annual).toEqual([{ effectiveFrom: '2026-01-01', annualQuota: 510_000 }]);
    expect(planToApply(local, state).kind).toBe('apply');
  });

  it("without a team plan, only the quota is the team's; without any quota, nothing is", () => {
    const state = teamPlanStateOf({ plan: null, allocation: answer.allocation }, 'Acme', at)!;
    expect(withTeamPlan(local, state)).toEqual({ ...local, annual: answer.allocation.annual });
    expect(teamPlanStateOf({ plan: null, allocation: null }, 'Acme', at)).toBeNull();
  });

  it("a rep's local edit is seen, and the team's plan is put back", () => {
    const state = teamPlanStateOf(answer, 'Acme Sales', at)!;
    const applied = planToApply(local, state);
    expect(applied.kind).toBe('apply');
    const inForce = (applied as { plan: Plan }).plan;
    expect(planSource(inForce, state)).toBe('team');
    expect(planToApply(inForce, state)).toEqual({ kind: 'unchanged' });
    const edited = { ...inForce, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1 }] };
    expect(planSource(edited, state)).toBe('own');
    expect(planSource(JSON.parse(JSON.stringify({ ...inForce, weekStartsOn: inForce.weekStartsOn })), state)).toBe('team');
  });

  it('refuses a team plan the validator refuses, in words', () => {
    const state = teamPlanStateOf({ ...answer, plan: { ...teamPlan, currency: 'nope' } }, 'Acme', at)!;
    expect(planToApply(local, state)).toMatchObject({ kind: 'invalid', message: expect.stringContaining("Your team's plan cannot be used") });
  });

  it('says which plan is in force', () => {
    const state = teamPlanStateOf(answer, 'Acme Sales', at)!;
    const inForce = withTeamPlan(local, state);
    expect(planLine(true, inForce, state, at)).toMatch(/^Plan in force: from your team, Acme Sales \(quota: your allocation \(West\); pulled /);
    expect(planLine(false, local, state, at)).toBe("Plan in force: your own. Your team's plan (Acme Sales) applies while team sync is on.");
    expect(planLine(true, local, null, at)).toBeNull();
  });
});

describe('the status after a run', () => {
  const previous = { failures: 0, waiting: { events: 0, deals: 0, erasures: 0 }, rejected: 0 };
  const failure = { ok: false as const, error: new SyncError('network', "Can't reach the team server at pacer.example.com (offline, or the server is down)."), pushed: { events: 0, deals: 0, erasures: 0 }, waiting: { events: 12, deals: 0, erasures: 0 } };

  it('counts failures in a row and schedules the next try by the backoff', () => {
    const once = statusAfter(previous, failure, at, 0);
    expect(once).toMatchObject({ failures: 1, lastError: failure.error.message, nextRetryAt: '2026-11-27T10:00:15.000Z', waiting: { events: 12 } });
    const twice = statusAfter(once, failure, at, 1);
    expect(twice).toMatchObject({ failures: 2, nextRetryAt: '2026-11-27T10:01:00.000Z' });
  });

  it('clears the error and the retry after a success, and records when', () => {
    const failed = statusAfter(previous, failure, at, 0);
    const ok = statusAfter(failed, { ok: true, whoami: { team: 't', teamName: 'T', teamSize: 3, rep: 'r', repName: null, role: 'rep', territory: null, shareNames: false }, identity: 'u|t|r', pushed: { events: 12, deals: 0, erasures: 0 }, rejected: 0, pulled: true, plan: null, feedback: null, waiting: { events: 0, deals: 0, erasures: 0 } }, at, 0);
    expect(ok).not.toHaveProperty('lastError');
    expect(ok).not.toHaveProperty('nextRetryAt');
    expect(ok).toMatchObject({ failures: 0, lastSyncAt: at.toISOString(), lastPullAt: at.toISOString(), identity: 'u|t|r' });
  });

  it('reads as one line for the side panel', () => {
    expect(waitingLine({ events: 1, deals: 2, erasures: 0 })).toBe('1 event, 2 deals waiting');
    expect(syncLine(false, previous, previous.waiting, at)).toEqual({ text: 'Team sync is off: everything stays in this browser.', error: false });
    const failed = statusAfter(previous, failure, at, 0);
    const line = syncLine(true, failed, failure.waiting, at);
    expect(line.error).toBe(true);
    expect(line.text).toMatch(/^Team sync: last sync never · 12 events waiting\. Can't reach the team server at pacer\.example\.com .+ Next try .+\.$/);
  });
});

const row = (rep: string, rank: number, o: Partial<RepRow> = {}): RepRow => ({
  rep, repName: rep.toUpperCase(), territory: 'West', rank, quota: 100, won: 10, attainment: 0.1, pacing: null, activityScore: 10, winRate: 0.5,
  wonCount: 1, lostCount: 1, pipeline: 100, pipelineCount: 1, drivers: {}, behind: false, behindTier: null, unconverted: {}, lastEventAt: null, ...o,
});

describe('the leaderboard', () => {
  const reps = [row('a', 1, { winRate: 0.2, pipeline: 300 }), row('b', 2, { winRate: null, pipeline: 100 }), row('c', 3, { winRate: 0.9, pipeline: 200 })];

  it('sorts by a column either way, unknown values last both ways', () => {
    expect(sortReps(reps, 'winRate', 'descending').map(r => r.rep)).toEqual(['c', 'a', 'b']);
    expect(sortReps(reps, 'winRate', 'ascending').map(r => r.rep)).toEqual(['a', 'c', 'b']);
    expect(sortReps(reps, 'pipeline', 'ascending').map(r => r.rep)).toEqual(['b', 'c', 'a']);
  });

  it('exports CSV with formula-looking text defused and numbers as numbers', () => {
    const csv = leaderboardCsv([row('x', 1, { repName: '=cmd|" /C calc"!A0', territory: '@West', won: -5 }), row('y', 2, { repName: 'Plain, Name' })], 'USD');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('rank,rep,territory,quota,won,attainment,activity_score,win_rate,pipeline,pipeline_deals,behind_tier,currency');
    expect(lines[1]).toBe(`1,"'=cmd|"" /C calc""!A0",'@West,100,-5,0.1,10,0.5,100,1,,USD`);
    expect(lines[2]).toBe('2,"Plain, Name",West,100,10,0.1,10,0.5,100,1,,USD');
  });

  it("places the period in the plan's calendar", () => {
    const plan = { ...defaultPlan('UTC'), fiscalYearStartMonth: 4 };
    expect(periodRange('quarter', at, plan)).toMatchObject({ from: '2026-10-01', to: '2027-01-01' });
    expect(periodRange('year', at, plan)).toMatchObject({ from: '2026-04-01', to: '2027-04-01' });
    expect(periodRange('week', at, plan)).toMatchObject({ from: '2026-11-23', to: '2026-11-30' });
  });

  it('shapes the trend as uPlot columns in week order', () => {
    expect(trendData({ trend: [{ week: '2026-11-09', won: 5, activityScore: 2 }, { week: '2026-11-02', won: 1, activityScore: 3 }] })).toEqual([
      [Date.parse('2026-11-02T00:00:00Z') / 1000, Date.parse('2026-11-09T00:00:00Z') / 1000],
      [1, 5],
      [3, 2],
    ]);
  });
});
