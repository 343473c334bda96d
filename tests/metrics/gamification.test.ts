import { describe, expect, it } from 'vitest';
import { aggregateAll } from '../../lib/metrics/aggregate';
import { buildDealTable } from '../../lib/metrics/deals';
import { emptyDrivers } from '../../lib/metrics/drivers';
import { activityScore, badges, dailyTargetsOf, personalBests, streaks } from '../../lib/metrics/gamification';
import type { ActivityEvent } from '../../lib/model';
import { call, ev, plan, STAGES, won } from './make';

const days = (events: ActivityEvent[]) => [...aggregateAll(events, 'UTC').days.values()];
const calls = (date: string, n: number, outcome?: string) => Array.from({ length: n }, (_, i) => call(`${date}T${String(8 + (i % 10)).padStart(2, '0')}:${String(i).padStart(2, '0')}:00Z`, outcome));

describe('activity score', () => {
  it.each([
    ['no activity', {}, {}, 0],
    ['weighted drivers', { calls: 10, meetings: 2 }, { calls: 1, meetings: 5 }, 20],
    ['drivers without a weight count nothing', { calls: 10, emails: 7 }, { calls: 0.5 }, 5],
    ['fractions stay tidy', { linkedinViews: 3 }, { linkedinViews: 0.1 }, 0.3],
  ])('%s', (_name, counts, weights, score) => expect(activityScore({ ...emptyDrivers(), ...counts }, weights)).toBe(score));
});

describe('daily targets', () => {
  it.each([
    ['the plan\'s own', { dailyTargets: { calls: 8 }, weeklyTargets: { calls: 50 } }, { calls: 8 }],
    ['a fifth of the weekly ones, rounded up', { dailyTargets: {}, weeklyTargets: { calls: 12, meetings: 0 } }, { calls: 3 }],
    ['none', { dailyTargets: {}, weeklyTargets: {} }, null],
  ])('%s', (_name, p, expected) => expect(dailyTargetsOf(p)).toEqual(expected));
});

describe('streaks', () => {
  const history = [
    ...calls('2026-03-02', 2), // Mon
    ...calls('2026-03-03', 3),
    ...calls('2026-03-04', 2),
    ...calls('2026-03-05', 1), // Thu: short
    ...calls('2026-03-06', 2),
    ...calls('2026-03-07', 9), // Saturday: neither counts nor breaks
    ...calls('2026-03-09', 2),
  ];
  const p = plan({ dailyTargets: { calls: 2 }, holidays: [] });

  it.each([
    ['today not met yet does not break the run', '2026-03-10', [], { current: 2, best: 3, todayMet: false }],
    ['today met extends it', '2026-03-10', calls('2026-03-10', 2), { current: 3, best: 3, todayMet: true }],
    ['on a Saturday the run stands as of Friday', '2026-03-07', [], { current: 1, best: 3, todayMet: false }],
    ['a missed working day ends it', '2026-03-11', [], { current: 0, best: 3, todayMet: false }],
  ])('%s', (_name, today, extra, expected) => expect(streaks(days([...history, ...extra]), p, today)).toMatchObject(expected));

  it('a holiday neither counts nor breaks', () => {
    const s = streaks(days(history), { ...p, holidays: ['2026-03-05'] }, '2026-03-10');
    expect(s).toMatchObject({ current: 5, best: 5, reached: { five: '2026-03-09', twenty: null } });
  });

  it('no targets: no streak', () => expect(streaks(days(history), { ...p, dailyTargets: {}, weeklyTargets: {} }, '2026-03-10')).toBeNull());
  it('no data: nothing met', () => expect(streaks([], p, '2026-03-10')).toMatchObject({ current: 0, best: 0 }));
});

describe('badges and personal bests', () => {
  const history = [
    ...calls('2026-03-02', 12, 'Connected'),
    ...calls('2026-03-03', 40),
    ...calls('2026-03-04', 1),
    ...calls('2026-03-05', 1),
    ...calls('2026-03-06', 1),
    ...Array.from({ length: 10 }, (_, i) => ev('meeting', `2026-03-${String(9 + (i % 3)).padStart(2, '0')}T10:00:00Z`)),
    won('a', '2026-03-04T15:00Z', 5_000),
    ev('referral_received', '2026-03-05T15:00Z'),
    won('b', '2026-03-20T15:00Z', 95_000),
    won('c', '2026-03-23T15:00Z', 2_000_000, 'JPY'),
  ];
  const p = plan({ dailyTargets: { calls: 1 } });

  it('each badge once, on the local day it was earned, in order', () => {
    expect(badges(days(history), p, '2026-03-31').map(b => [b.id, b.earnedAt])).toEqual([
      ['ten-conversations-day', '2026-03-02'],
      ['fifty-calls-week', '2026-03-03'],
      ['first-deal-won', '2026-03-04'],
      ['first-referral', '2026-03-05'],
      ['five-day-streak', '2026-03-06'],
      ['ten-meetings-week', '2026-03-11'],
      ['quarter-quota-hit', '2026-03-20'], // 5,000 + 95,000 of Q1's 100,000; JPY without a rate does not count
    ]);
  });

  it('none before they are earned, none without data', () => {
    expect(badges(days(history), p, '2026-03-01')).toEqual([]);
    expect(badges([], p, '2026-03-31')).toEqual([]);
  });

  it('labels each badge', () => expect(badges(days(history), p, '2026-03-31')[0]).toEqual({ id: 'ten-conversations-day', label: '10 conversations in a day', earnedAt: '2026-03-02' }));

  it('personal bests', () => {
    const deals = buildDealTable(history, [], STAGES, 'UTC');
    expect(personalBests(days(history), deals, p, '2026-03-31')).toEqual({
      mostCallsInADay: { value: 40, day: '2026-03-03' },
      mostCallsInAWeek: { value: 55, weekStart: '2026-03-02' },
      bestWeekScore: { value: 82, weekStart: '2026-03-02' }, // 55 calls + 12 conversations × 2 + a referral × 3
      biggestDealWon: { amount: 95_000, currency: 'USD', dealId: 'b', name: 'b', closedAt: '2026-03-20T15:00:00.000Z' },
    });
  });

  it('no personal bests without data', () => {
    expect(personalBests([], buildDealTable([], [], STAGES, 'UTC'), p, '2026-03-31')).toEqual({ mostCallsInADay: null, mostCallsInAWeek: null, bestWeekScore: null, biggestDealWon: null });
  });
});
