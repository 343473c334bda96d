import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../scripts/demo/data';
import { applyEvents, createAggregates } from '../../lib/metrics/aggregate';
import { HISTORY_TYPES, isHistoryEvent } from '../../lib/metrics/deals';
import { countDrivers } from '../../lib/metrics/drivers';
import { periodContaining, periodForDate, PERIOD_KINDS } from '../../lib/metrics/periods';
import { defaultPlan } from '../../lib/metrics/plan';
import { computeScorecard, scorecardFromAggregates, targetsFor } from '../../lib/metrics/scorecard';
import type { ActivityEvent } from '../../lib/model';
import { call, deal, ev, lost, move, numbersIn, plan, won } from './make';

const now = new Date('2026-03-16T12:00:00Z'); // a Monday in Q1
const p = plan({ rates: { EUR: 1.1 } });

const dayCalls = (dates: string[], perDay: number) =>
  dates.flatMap(d => Array.from({ length: perDay }, (_, i) => call(`${d}T${String(9 + i).padStart(2, '0')}:00:00Z`, i === 0 ? 'Connected' : 'No answer')));

const events: ActivityEvent[] = [
  // Q4 2025, the previous quarter
  ...dayCalls(['2025-12-01', '2025-12-02', '2025-12-03', '2025-12-04', '2025-12-05'], 2),
  ev('meeting', '2025-12-10T10:00Z'),
  ev('meeting', '2025-12-11T10:00Z'),
  won('old', '2025-11-10T10:00Z', 20_000),
  // Q1 2026
  ...dayCalls(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16'], 3),
  ...['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-09'].map(d => ev('meeting', `${d}T14:00Z`)),
  ev('proposal_sent', '2026-01-20T12:00Z', { deal: { id: 'a' } }),
  ev('proposal_sent', '2026-02-05T12:00Z', { deal: { id: 'b' } }),
  ev('proposal_sent', '2026-03-12T12:00Z'),
  ev('proposal_accepted', '2026-02-10T12:00Z', { deal: { id: 'a' } }),
  move('a', '2026-01-10T00:00Z', 'Prospecting', 'Qualification'),
  move('a', '2026-01-20T00:00Z', 'Qualification', 'Proposal'),
  move('a', '2026-02-01T00:00Z', 'Proposal', 'Negotiation'),
  move('a', '2026-02-11T00:00Z', 'Negotiation', 'Closed Won'),
  won('a', '2026-02-11T00:00Z', 30_000, 'USD', 0.1),
  move('b', '2026-02-05T00:00Z', 'Prospecting', 'Proposal'), // skips Qualification
  move('b', '2026-02-25T00:00Z', 'Proposal', 'Closed Lost'),
  lost('b', '2026-02-25T00:00Z', 10_000, 'EUR'),
  move('c', '2026-02-20T00:00Z', 'Prospecting', 'Qualification'),
  ev('training', '2026-02-01T09:00Z', { amount: 1_000, currency: 'USD', meta: { subject: 'MEDDICC' } }),
];
const deals = [
  deal('a', { createdAt: '2026-01-05T00:00:00.000Z', stage: 'Closed Won', status: 'won', stageEnteredAt: '2026-02-11T00:00:00.000Z', lastSeenAt: '2026-02-11T00:00:00.000Z', amount: 30_000, discount: 0.1 }),
  deal('b', { createdAt: '2026-02-01T00:00:00.000Z', stage: 'Closed Lost', status: 'lost', stageEnteredAt: '2026-02-25T00:00:00.000Z', lastSeenAt: '2026-02-25T00:00:00.000Z', amount: 10_000, currency: 'EUR' }),
  deal('c', { createdAt: '2026-02-15T00:00:00.000Z', stage: 'Qualification', stageEnteredAt: '2026-02-20T00:00:00.000Z', amount: 40_000, closeDate: '2026-03-30' }),
  deal('d', { createdAt: '2026-03-10T00:00:00.000Z', stage: 'Prospecting', stageEnteredAt: '2026-03-10T00:00:00.000Z', amount: 8_000 }),
];

describe('computeScorecard', () => {
  const sc = computeScorecard(events, deals, p, 'quarter', now);

  it('covers the quarter containing now and the one before', () => {
    expect([sc.current.period.label, sc.previous.period.label, sc.current.period.from, sc.previous.period.from]).toEqual([
      'Q1 FY2026',
      'Q4 FY2025',
      '2026-01-01T00:00:00.000Z',
      '2025-10-01T00:00:00.000Z',
    ]);
  });

  it('drivers, and their change against the previous period', () => {
    expect(sc.current.drivers).toMatchObject({ calls: 30, conversations: 10, meetings: 6, proposalsSubmitted: 3 });
    expect(sc.previous.drivers).toMatchObject({ calls: 10, conversations: 5, meetings: 2, proposalsSubmitted: 0 });
    expect(sc.change.drivers).toMatchObject({ calls: 20, conversations: 5, meetings: 4, proposalsSubmitted: 3 });
    expect(sc.current.proposals).toEqual({ submitted: 3, accepted: 1, rate: 1 / 3 });
    expect(sc.current.targets.calls).toBe(640); // 50 a week × 64 working days / 5
  });

  it('win rate, attainment and the pipeline entered', () => {
    expect(sc.current.winRate).toMatchObject({ won: 1, lost: 1, rate: 0.5, wonValue: { total: 30_000 }, lostValue: { total: 11_000 } });
    expect(sc.current.attainment).toMatchObject({ attained: 30_000, quota: 100_000, ratio: 0.3 });
    expect(sc.previous.attainment).toMatchObject({ attained: 20_000, quota: 100_000, ratio: 0.2 });
    expect(sc.change.attainment).toBeCloseTo(0.1, 10);
    expect(sc.current.enteredPipeline).toMatchObject({ entered: 4, won: 1, rate: 0.25 });
  });

  it('conversion with a skipped stage, cycle length and time in stage', () => {
    expect(sc.current.conversion.map(s => [s.from, s.reached, s.advanced])).toEqual([
      ['Prospecting', 4, 3],
      ['Qualification', 3, 2],
      ['Proposal', 2, 1],
      ['Negotiation', 1, 1],
    ]);
    expect(sc.current.salesCycle).toEqual({ count: 1, mean: 37, median: 37, p90: 37 });
    expect(sc.current.timeInStage.map(s => [s.stage, s.count, s.median])).toEqual([
      ['Prospecting', 3, 5],
      ['Qualification', 1, 10],
      ['Proposal', 2, 16],
      ['Negotiation', 1, 10],
    ]);
    expect(sc.current.discounting).toMatchObject({ average: 0.1, count: 1, unknown: 1 });
  });

  it('pipeline, coverage, leads on deck and the river', () => {
    expect([sc.pipeline.value.total, sc.pipeline.weighted.total, sc.pipeline.closing!.total]).toEqual([48_000, 17_600, 48_000]);
    expect(sc.coverage).toMatchObject({ remaining: 70_000 });
    expect(sc.coverage.coverage).toBeCloseTo(48 / 70, 10);
    expect([sc.leadsOnDeck.count, sc.leadsOnDeck.value.total]).toEqual([2, 48_000]);
    expect(sc.overTarget.map(d => [d.id, d.days])).toEqual([['c', 24.5]]);
    expect(sc.river.stage?.stage).toBe('Qualification');
    expect(sc.river.deals.map(d => d.id)).toEqual(['c']);
  });

  it('pacing, the pyramid and commission', () => {
    expect(sc.pacing.linear.elapsed).toBeCloseTo(74.5 / 90, 10);
    expect(sc.pacing.workingDays!.elapsed).toBeCloseTo(52.5 / 64, 10);
    expect(sc.pacing.status).toBe('behind');
    expect(sc.pyramid).toMatchObject({ gap: 70_000, deals: 3, dealsToWork: 5, proposals: 5, meetings: 14, calls: 70 });
    expect(sc.pyramid.ratios).toMatchObject({ averageDealSize: 25_000, callsToMeetings: 0.2, meetingsToProposals: 0.375 });
    expect([sc.commission.period.label, sc.commission.result.payout, sc.commission.result.decelerated]).toEqual(['Q1 FY2026', 1_500, true]);
  });

  it('training ROI, badges and personal bests', () => {
    expect(sc.trainingRoi).toHaveLength(1);
    expect(sc.trainingRoi[0]).toMatchObject({ estimate: true, subject: 'MEDDICC', windowDays: 30, revenueDifference: 30_000, roi: 29 });
    expect(sc.badges.map(b => b.id)).toEqual(['first-deal-won', 'first-proposal-accepted']);
    expect(sc.personalBests.biggestDealWon).toMatchObject({ dealId: 'a', amount: 30_000 });
    expect(sc.streak).toMatchObject({ current: 0 });
  });

  it('never holds NaN or Infinity', () => expect(numbersIn(sc).filter(([, v]) => !Number.isFinite(v))).toEqual([]));

  it('is the same from incremental aggregates plus the history events alone', () => {
    const state = createAggregates(p.timeZone);
    applyEvents(state, events.slice(0, 20));
    applyEvents(state, events); // an import overlapping what was there
    const history = events.filter(isHistoryEvent);
    expect(history.every(e => (HISTORY_TYPES as readonly string[]).includes(e.type))).toBe(true);
    expect(scorecardFromAggregates(state.days.values(), history, deals, p, 'quarter', now)).toEqual(sc);
  });

  it.each(PERIOD_KINDS)('gives drivers equal to counting raw events for a %s', kind => {
    const s = computeScorecard(events, deals, p, kind, new Date('2026-02-05T15:00:00Z'));
    expect(s.current.drivers).toEqual(countDrivers(events, s.current.period));
    expect(s.previous.drivers).toEqual(countDrivers(events, s.previous.period));
  });

  it('a plan revised mid-quarter: quota and attainment against the plan in force', () => {
    const revised = plan({ rates: { EUR: 1.1 }, annual: [{ effectiveFrom: '2020-01-01', annualQuota: 400_000 }, { effectiveFrom: '2026-02-16', annualQuota: 600_000 }] });
    const s = computeScorecard(events, deals, revised, 'quarter', now);
    expect(s.current.quota).toBe(125_000);
    expect(s.current.attainment.ratio).toBe(0.24);
  });

  it('an explicit period must be in the plan\'s zone', () => {
    const berlinWeek = periodContaining('week', now, { ...p, timeZone: 'Europe/Berlin' });
    expect(() => computeScorecard(events, deals, p, berlinWeek, now)).toThrow(/Europe\/Berlin but the plan counts days in UTC/);
  });
});

describe('edge cases', () => {
  it.each(PERIOD_KINDS)('no data, per %s: everything empty or unknown, never NaN', kind => {
    const s = computeScorecard([], [], defaultPlan('UTC'), kind, now);
    expect(numbersIn(s).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
    expect([s.current.winRate.rate, s.current.attainment.ratio, s.coverage.coverage, s.river.stage, s.pyramid.deals]).toEqual([null, null, null, null, 0]);
  });

  it('a DST day in Berlin holds 23 hours of events', () => {
    const berlin = plan({ timeZone: 'Europe/Berlin' });
    const day = periodForDate('day', '2026-03-29', berlin);
    const s = computeScorecard(
      [call('2026-03-28T22:59:00Z'), call('2026-03-28T23:30:00Z'), call('2026-03-29T21:30:00Z'), call('2026-03-29T22:00:00Z')],
      [],
      berlin,
      day,
      new Date('2026-03-29T20:00:00Z'),
    );
    expect([s.current.period.from, s.current.period.to, s.current.drivers.calls, s.previous.drivers.calls]).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
      2,
      1,
    ]);
  });

  it('a fiscal year from July, across calendar years', () => {
    const july = plan({ fiscalYearStartMonth: 7 });
    const s = computeScorecard([won('x', '2025-12-31T10:00Z', 100), won('y', '2026-06-30T10:00Z', 50), won('z', '2026-07-01T10:00Z', 1)], [], july, 'fiscalYear', new Date('2026-06-30T12:00:00Z'));
    expect([s.current.period.label, s.current.attainment.attained, s.previous.attainment.attained]).toEqual(['FY2025/26', 150, 0]);
  });

  it('mixed currencies are converted or kept apart, never added silently', () => {
    const s = computeScorecard([won('x', '2026-03-02T10:00Z', 100, 'EUR'), won('y', '2026-03-02T10:00Z', 100, 'JPY'), won('z', '2026-03-02T10:00Z', 100, 'USD')], [], p, 'month', now);
    expect(s.current.attainment).toMatchObject({ attained: 210, unconverted: { JPY: 100 } });
  });

  it('targets for a day and for a month', () => {
    expect(targetsFor(p, periodForDate('day', '2026-03-16', p))).toEqual(p.dailyTargets);
    expect(targetsFor(p, periodForDate('day', '2026-03-15', p))).toEqual({ calls: 0, emails: 0, meetings: 0 });
    expect(targetsFor(p, periodForDate('month', '2026-03-16', p)).meetings).toBe(35.2); // 8 a week × 22 / 5
  });
});

describe('the demo quarter', () => {
  const demoNow = new Date('2026-11-27T15:00:00Z');
  const demo = demoDataset(demoNow);
  const demoPlan = { ...defaultPlan('America/New_York'), annual: [{ effectiveFrom: '2026-01-01', annualQuota: 2_000_000 }] };
  const s = computeScorecard(demo.events, demo.deals, demoPlan, 'quarter', demoNow);

  it('agrees with the raw events and the snapshots', () => {
    expect(s.current.drivers).toEqual(countDrivers(demo.events, s.current.period));
    const wonInQuarter = demo.deals.filter(d => d.status === 'won' && d.stageEnteredAt >= s.current.period.from && d.stageEnteredAt < s.current.period.to);
    expect(s.current.winRate.won).toBe(wonInQuarter.length);
    expect(s.pipeline.count).toBe(demo.deals.filter(d => d.status === 'open').length);
    expect(numbersIn(s).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
  });
});
