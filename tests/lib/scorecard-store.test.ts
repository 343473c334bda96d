// The scorecard's signal model against fake-indexeddb and WXT's fake storage, and the
// pure shaping the component renders: numbers, codes and keys (its words are
// tests/lib/scorecard-words.test.ts's).
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import { aggregateUnique, emptyDay } from '../../lib/metrics/aggregate';
import { computeScorecard } from '../../lib/metrics/scorecard';
import type { ActivityEvent } from '../../lib/model';
import {
  driverRows,
  goalSummary,
  kpiRows,
  period,
  pyramidFocus,
  readScorecardInputs,
  scorecard,
  scorecardDays,
  sparklineData,
  sparklineTotals,
  watchScorecard,
  RECOMPUTE_EVERY_MS,
} from '../../lib/scorecard-store';
import { planSettings } from '../../lib/settings';
import { call, deal, ev, lost, move, numbersIn, plan, won } from '../metrics/make';

const NOW = new Date('2026-03-16T12:00:00Z'); // a Monday, Q1 2026; the previous quarter is Q4 2025
const P = plan({ rates: { EUR: 1.1 } });

const calls = (dates: string[], perDay: number) =>
  dates.flatMap(d => Array.from({ length: perDay }, (_, i) => call(`${d}T${String(9 + i).padStart(2, '0')}:00:00Z`, i === 0 ? 'Connected' : 'No answer')));

const EVENTS: ActivityEvent[] = [
  ...calls(['2025-12-01', '2025-12-02'], 2),
  ev('meeting', '2025-12-10T10:00Z'),
  won('old', '2025-11-10T10:00Z', 20_000),
  ...calls(['2026-01-05', '2026-01-06', '2026-03-16'], 3),
  ev('meeting', '2026-02-02T14:00Z'),
  ev('proposal_sent', '2026-01-20T12:00Z', { deal: { id: 'a' } }),
  ev('proposal_sent', '2026-02-05T12:00Z', { deal: { id: 'b' } }),
  ev('proposal_accepted', '2026-02-10T12:00Z', { deal: { id: 'a' } }),
  move('a', '2026-01-10T00:00Z', 'Prospecting', 'Qualification'),
  won('a', '2026-02-11T00:00Z', 30_000, 'USD', 0.1),
  lost('b', '2026-02-25T00:00Z', 10_000, 'EUR'),
  ev('training', '2026-02-01T09:00Z', { amount: 1_000, currency: 'USD' }),
];
const DEALS = [
  deal('a', { status: 'won', stage: 'Closed Won', amount: 30_000, createdAt: '2026-01-01T00:00:00Z' }),
  deal('c', { stage: 'Qualification', amount: 50_000 }),
];

let db: PacerDb;
let stop: (() => void) | undefined;

async function seed(events = EVENTS) {
  await db.events.bulkPut(events);
  await db.days.bulkPut([...aggregateUnique(events, P.timeZone).values()]);
  await db.deals.bulkPut(DEALS);
}
const ready = async () => {
  await vi.waitFor(() => expect(scorecard.value.status).toBe('ready'));
  return (scorecard.value as { value: ReturnType<typeof computeScorecard> }).value;
};

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`scorecard-${crypto.randomUUID()}`);
  period.value = 'quarter';
  await planSettings.setValue(P);
});
afterEach(async () => {
  stop?.();
  stop = undefined;
  await db.delete();
});

describe('watchScorecard', () => {
  it('starts loading, then equals the scorecard computed from raw events', async () => {
    await seed();
    stop = watchScorecard(db, signal(NOW));
    expect(scorecard.value.status).toBe('loading');
    const value = await ready();
    expect(value).toEqual(computeScorecard(EVENTS, DEALS, P, 'quarter', NOW));
    expect(value.current.drivers.calls).toBe(9);
    expect(value.previous.drivers.calls).toBe(4);
    expect(scorecardDays.value.map(d => d.day)).toContain('2026-03-16');
  });

  it('updates when the background writes a day row (liveQuery)', async () => {
    await seed();
    stop = watchScorecard(db, signal(NOW));
    expect((await ready()).current.drivers.meetings).toBe(1);
    const row = emptyDay('2026-03-16');
    const existing = await db.days.get('2026-03-16');
    await db.days.put({ ...(existing ?? row), counts: { ...(existing ?? row).counts, meeting: 4 } });
    await vi.waitFor(() => expect(scorecard.value.status === 'ready' && scorecard.value.value.current.drivers.meetings).toBe(5));
  });

  it('during a burst of writes, rebuilds at most every RECOMPUTE_EVERY_MS and ends on the latest data', async () => {
    await seed();
    stop = watchScorecard(db, signal(NOW));
    await ready();
    const builds: number[] = [];
    const unwatch = scorecard.subscribe(s => s.status === 'ready' && builds.push(s.value.current.drivers.meetings));
    builds.length = 0;
    const started = Date.now();
    for (let i = 1; i <= 20; i++) {
      const existing = (await db.days.get('2026-03-16')) ?? emptyDay('2026-03-16');
      await db.days.put({ ...existing, counts: { ...existing.counts, meeting: (existing.counts.meeting ?? 0) + 1 } });
    }
    await vi.waitFor(() => expect(builds.at(-1)).toBe(21));
    const elapsed = Date.now() - started;
    unwatch();
    // Twenty commits, far fewer rebuilds: one per interval gone by, plus the trailing one.
    expect(builds.length).toBeLessThanOrEqual(Math.ceil(elapsed / RECOMPUTE_EVERY_MS) + 1);
    expect(builds.length).toBeLessThan(20);
  });

  it('follows the period and the plan', async () => {
    await seed();
    stop = watchScorecard(db, signal(NOW));
    await ready();
    period.value = 'week';
    await vi.waitFor(() => expect(scorecard.value.status === 'ready' && scorecard.value.value.current.period.kind).toBe('week'));
    expect(scorecard.value.status === 'ready' && scorecard.value.value.current.drivers.calls).toBe(3);
    period.value = 'year';
    await vi.waitFor(() => expect(scorecard.value.status === 'ready' && scorecard.value.value.current.period.kind).toBe('fiscalYear'));
    await planSettings.setValue({ ...P, currency: 'EUR', rates: { USD: 0.9 } });
    await vi.waitFor(() => expect(scorecard.value.status === 'ready' && scorecard.value.value.currency).toBe('EUR'));
  });

  it('reads every day row (streaks, bests and the pyramid need the history) but, of the events, only history events', async () => {
    const early = [call('2024-01-03T10:00Z'), won('z', '2024-01-03T11:00Z', 5)];
    await seed([...EVENTS, ...early]);
    const inputs = await readScorecardInputs(db);
    expect(inputs.days.map(d => d.day)).toContain('2024-01-03');
    expect(new Set(inputs.history.map(e => e.type))).toEqual(new Set(['deal_stage_changed', 'deal_won', 'deal_lost', 'training']));
    expect(inputs.history.map(e => e.id)).toContain(early[1]!.id); // history is all-time
  });

  it('waits while the day rows are in another time zone, then computes once rebuilt', async () => {
    await seed();
    await db.meta.put({ key: 'daysTimeZone', value: 'Europe/Paris' });
    stop = watchScorecard(db, signal(NOW));
    await new Promise(r => setTimeout(r, 50));
    expect(scorecard.value.status).toBe('loading');
    await db.meta.put({ key: 'daysTimeZone', value: 'UTC' });
    expect((await ready()).timeZone).toBe('UTC');
  });

  it("reports an error instead of throwing: a code for what failed and the error's own text, no sentence", async () => {
    await seed();
    await planSettings.setValue({ ...P, timeZone: 'Not/AZone' });
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(() => expect(scorecard.value.status).toBe('error'));
    expect(scorecard.value).toEqual({ status: 'error', failure: 'period', message: expect.stringContaining('Not/AZone') });
  });
});

// ---- shaping --------------------------------------------------------------------------------

const S = computeScorecard(EVENTS, DEALS, P, 'quarter', NOW);
const EMPTY = computeScorecard([], [], plan({ annual: [{ effectiveFrom: '2020-01-01', annualQuota: 0 }] }), 'quarter', NOW);

describe('driverRows', () => {
  const rows = driverRows(S);
  it.each([
    // driver, actual, target (weekly × working days / 5), pace
    // Q1 2026 has 64 working days: calls 50 a week → 640.
    ['calls', 9, 640, 'behind'],
    ['emails', 0, 512, 'behind'],
    ['meetings', 1, 102.4, 'behind'],
    ['linkedin', 0, 256, 'behind'],
    ['leads', 0, 128, 'behind'],
    ['referrals', 0, null, null],
    ['events', 0, null, null],
  ] as const)('%s: %i done of %s', (driver, actual, target, pace) => {
    const row = rows.find(r => r.driver === driver)!;
    expect(row).toMatchObject({ actual, target, pace });
  });
  it('paces by the share of working days gone by', () => {
    const calls = rows.find(r => r.driver === 'calls')!;
    const share = S.pacing.workingDays!.elapsed;
    expect(calls.expected).toBeCloseTo(640 * share, 0);
  });
});

describe('kpiRows', () => {
  it('each KPI in its own unit, with the change against the previous quarter', () => {
    expect(kpiRows(S)).toEqual([
      // Q1: a won, b lost; Q4 2025: one won, none lost.
      { key: 'winRate', value: 0.5, change: 0.5 - 1 },
      // a: created 1 January, won 11 February; Q4 2025 won a deal with no creation date.
      { key: 'cycle', value: 41, change: null },
      // Sent for a and b, accepted for a; none sent in Q4 2025.
      { key: 'proposals', value: 0.5, change: null, accepted: { count: 1, of: 2 } },
      // a was won at 10 % off; the Q4 2025 win had no discount recorded.
      { key: 'discount', value: 0.1, change: null },
      // Open: c at 50,000 against 70,000 still to close; coverage keeps no previous value.
      { key: 'coverage', value: 50_000 / 70_000, change: null },
    ]);
  });
  it('is unknown (null), never NaN, with no data', () => {
    for (const r of kpiRows(EMPTY)) expect([r.key, r.value, r.change]).toEqual([r.key, null, null]);
    expect(kpiRows(EMPTY).find(r => r.key === 'proposals')!.accepted).toEqual({ count: 0, of: 0 });
  });
});

describe('goalSummary', () => {
  it('attainment, working-day pacing, projection and commission in the plan currency', () => {
    const pace = S.pacing.workingDays!;
    expect(goalSummary(S)).toEqual({
      hasPlan: true,
      currency: 'USD',
      attained: 30_000,
      quota: 100_000,
      attainment: 0.3,
      status: 'behind',
      ahead: pace.ahead,
      projected: pace.projected,
      commission: S.commission.result.payout,
      notCounted: { unconverted: [], unknownAmounts: 0 },
    });
    expect(pace.ahead).not.toBe(S.pacing.linear.ahead); // the two paces differ: the working-day one is taken
  });
  it('paces linearly in a period without working days', () => {
    const s = structuredClone(S);
    s.pacing.workingDays = null;
    expect(goalSummary(s)).toMatchObject({ ahead: S.pacing.linear.ahead, projected: S.pacing.linear.projected });
  });
  it('lists what is not counted: currencies without a rate (not zeros), and won deals without an amount', () => {
    const s = structuredClone(S);
    s.current.attainment.unconverted = { JPY: 4_000, EUR: 0 };
    s.current.attainment.unknownAmounts = 2;
    expect(goalSummary(s).notCounted).toEqual({ unconverted: [['JPY', 4_000]], unknownAmounts: 2 });
  });
  it('asks for a plan when the period has no quota, with unknowns as null, never NaN', () => {
    const g = goalSummary(EMPTY);
    expect(g).toMatchObject({ hasPlan: false, quota: 0, attainment: null, commission: null });
    expect(numbersIn(g).filter(([, n]) => !Number.isFinite(n))).toEqual([]);
  });
});

describe('pyramidFocus', () => {
  it('names the lowest tier behind and what it takes', () => {
    const f = pyramidFocus(S);
    expect(f.tier).toBe('drivers');
    expect(f.behind).toEqual(['calls', 'emails', 'meetings', 'linkedin', 'leads']);
    expect(f.catchUp[0]).toEqual({ key: 'quotaToClose', value: 70_000 });
    const p = S.pyramid;
    expect(f.catchUp).toEqual([
      { key: 'quotaToClose', value: p.gap },
      { key: 'dealsToWin', value: p.deals },
      { key: 'dealsToWork', value: p.dealsToWork },
      { key: 'proposals', value: p.proposals },
      { key: 'meetings', value: p.meetings },
      { key: 'calls', value: p.calls },
    ]);
  });
  it.each([
    ['kpis', ['coverage', 'winRate'], { coverage: 0.5, winRate: -0.1, status: 'ahead' }],
    ['kpis', ['coverage'], { coverage: 0.5, winRate: 0, status: 'behind' }],
    ['goals', ['quota'], { coverage: 2, winRate: 0, status: 'behind' }],
    [null, [], { coverage: 2, winRate: 0, status: 'ahead' }],
  ] as const)('tier %s: %j', (tier, behind, c) => {
    const s = structuredClone(S);
    s.current.targets = {};
    s.coverage.coverage = c.coverage;
    s.change.winRate = c.winRate;
    s.pacing.status = c.status;
    expect(pyramidFocus(s)).toMatchObject({ tier, behind });
  });
  it('has nothing to catch up once the quota is closed', () => {
    const s = structuredClone(S);
    s.pyramid.gap = 0;
    expect(pyramidFocus(s).catchUp).toEqual([]);
  });
});

describe('sparklineData', () => {
  const days = [...aggregateUnique(EVENTS, 'UTC').values()];
  const week = { startDate: '2026-01-05', endDate: '2026-01-12', timeZone: 'UTC' };
  it.each([
    [['calls'], [3, 3, 0, 0, 0, 0, 0]],
    [['meetings'], [0, 0, 0, 0, 0, 0, 0]],
  ] as const)('%j per day', (drivers, ys) => {
    const [xs, got] = sparklineData(days, drivers, week);
    expect(got).toEqual(ys);
    expect(xs[0]).toBe(Date.parse('2026-01-05T00:00:00Z') / 1000);
    expect(xs[1]! - xs[0]!).toBe(86_400);
  });
  it('stops at today and sums grouped drivers', () => {
    expect(sparklineData(days, ['calls', 'meetings'], { startDate: '2026-03-14', endDate: '2026-03-21', timeZone: 'UTC' }, '2026-03-16')[1]).toEqual([0, 0, 3]);
  });
  it('totals the series for its accessible name', () => {
    expect(sparklineTotals([[1, 2, 3], [3, 0, 2]])).toEqual({ days: 3, total: 5, best: 3, last: 2 });
    expect(sparklineTotals([[], []])).toBeNull();
  });
});
