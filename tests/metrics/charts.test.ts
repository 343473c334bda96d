import { describe, expect, it } from 'vitest';
import { emptyDay, type DailyAggregate } from '../../lib/metrics/aggregate';
import { chartWeeks, cumulativeBookings, cycleHistogram, weekStartOfDate, weeklyActivity, wonDeals, type WonDeal } from '../../lib/metrics/charts';
import { periodForDate } from '../../lib/metrics/periods';
import type { CountsByType } from '../../lib/metrics/counts';
import { deal, ev, move, numbersIn, plan, won } from './make';

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(iso);

describe('weekStartOfDate', () => {
  it.each([
    ['a Monday, weeks from Monday', '2026-03-16', 1, '2026-03-16'],
    ['a Sunday, weeks from Monday', '2026-03-22', 1, '2026-03-16'],
    ['a Sunday, weeks from Sunday', '2026-03-22', 0, '2026-03-22'],
    ['a Saturday, weeks from Sunday', '2026-03-21', 0, '2026-03-15'],
  ] as const)('%s', (_name, date, startsOn, expected) => expect(weekStartOfDate(date, startsOn)).toBe(expected));
});

describe('chartWeeks', () => {
  it.each([
    // Q1 2026 on Monday 16 March: from the week holding 1 January to this week.
    ['a quarter under way', { startDate: '2026-01-01', endDate: '2026-04-01' }, '2026-03-16', 1, 12, '2025-12-29', '2026-03-16'],
    // A week alone is no trend: at least eight weeks, ending with this one.
    ['a week', { startDate: '2026-03-16', endDate: '2026-03-23' }, '2026-03-18', 1, 8, '2026-01-26', '2026-03-16'],
    // A period already over ends with its own last week, not today's.
    ['a past month', { startDate: '2026-02-01', endDate: '2026-03-01' }, '2026-03-16', 1, 8, '2026-01-05', '2026-02-23'],
    ['weeks from Sunday', { startDate: '2026-03-01', endDate: '2026-04-01' }, '2026-03-18', 0, 8, '2026-01-25', '2026-03-15'],
  ] as const)('%s', (_name, period, today, startsOn, count, first, last) => {
    const weeks = chartWeeks(period, today, startsOn);
    expect(weeks).toHaveLength(count);
    expect(weeks[0]).toBe(first);
    expect(weeks.at(-1)).toBe(last);
    weeks.slice(1).forEach((w, i) => expect(utc(w) - utc(weeks[i]!)).toBe(7 * DAY));
  });
});

const day = (date: string, counts: CountsByType, conversations = 0): DailyAggregate => ({ ...emptyDay(date), counts, conversations });

describe('weeklyActivity', () => {
  const weeks = ['2026-03-02', '2026-03-09', '2026-03-16'];
  const chart = weeklyActivity(
    [
      day('2026-03-01', { call: 9 }), // the Sunday before: outside the weeks
      day('2026-03-02', { call: 3, email: 1 }, 2), // conversations are calls already: not added again
      day('2026-03-08', { call: 2, meeting: 1 }),
      day('2026-03-10', { linkedin_connect_sent: 2, linkedin_message_sent: 1, linkedin_inmail_sent: 1, linkedin_profile_view: 5 }),
      day('2026-03-18', { lead_created: 1, referral_given: 1, referral_received: 1, event_attended: 1, proposal_sent: 2, deal_won: 4 }),
      day('2026-03-23', { call: 7 }), // after the last week
    ],
    weeks,
    'UTC',
  );
  it.each([
    ['calls', [5, 0, 0]],
    ['emails', [1, 0, 0]],
    ['meetings', [1, 0, 0]],
    // Connects, messages and InMails; profile views are not outreach.
    ['linkedin', [0, 4, 0]],
    ['other', [0, 0, 6]],
  ] as const)('%s per week', (key, values) => expect(chart.series.find(s => s.key === key)!.values).toEqual(values));
  it('totals each week and places it at its local start', () => {
    expect(chart.totals).toEqual([7, 4, 6]);
    expect(chart.weeks).toEqual(weeks);
    expect(chart.x).toEqual(weeks.map(w => utc(`${w}T00:00:00Z`) / 1000));
  });
  it('places weeks at local midnight in the plan zone', () => {
    expect(weeklyActivity([], ['2026-03-16'], 'America/New_York').x).toEqual([utc('2026-03-16T04:00:00Z') / 1000]);
  });
  it('no weeks, no data', () => expect(weeklyActivity([day('2026-03-02', { call: 1 })], [], 'UTC')).toEqual({ weeks: [], x: [], series: expect.any(Array), totals: [] }));
});

describe('wonDeals', () => {
  it('takes each deal by its latest close, with its creation only when the CRM showed it', () => {
    const stages = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];
    const wins = wonDeals(
      [
        won('a', '2026-02-10T10:00Z', 30_000),
        // b: won, reopened, won again: one win, the later one
        won('b', '2026-02-01T10:00Z', 5_000),
        move('b', '2026-02-03T10:00Z', 'Closed Won', 'Negotiation'),
        won('b', '2026-03-02T10:00Z', 6_000),
        ev('deal_lost', '2026-03-03T10:00Z', { deal: { id: 'c' } }),
      ],
      [deal('a', { status: 'won', stage: 'Closed Won', createdAt: '2026-01-01T10:00:00.000Z', amount: 30_000 })],
      { stages, timeZone: 'UTC' },
    );
    const byId = Object.fromEntries(wins.map(w => [w.id, w]));
    expect(Object.keys(byId).sort()).toEqual(['a', 'b']);
    expect(byId.a).toMatchObject({ closedMs: utc('2026-02-10T10:00Z'), createdMs: utc('2026-01-01T10:00Z'), amount: 30_000, currency: 'USD' });
    expect(byId.b).toMatchObject({ closedMs: utc('2026-03-02T10:00Z'), createdMs: null, amount: 6_000 });
  });
});

const win = (id: string, closed: string, amount: number | null, currency: string | null = 'USD', created?: string): WonDeal => ({
  id,
  closedMs: utc(closed),
  createdMs: created === undefined ? null : utc(created),
  amount,
  currency,
});

describe('cumulativeBookings', () => {
  // 400k a year: 100k in Q1 2026, spread over its 64 working days (22 + 20 + 22): 1,562.50 a working day.
  const p = plan({ rates: { EUR: 1.1 } });
  const q1 = periodForDate('quarter', '2026-01-01', p);
  const now = new Date('2026-03-16T12:00:00Z'); // a Monday, half over
  const chart = cumulativeBookings(
    [
      win('old', '2025-12-20T10:00Z', 50_000), // last quarter
      win('a', '2026-01-02T10:00Z', 10_000),
      win('b', '2026-02-10T10:00Z', 20_000, 'EUR'), // 22,000 at 1.1
      win('c', '2026-03-16T09:00Z', 18_000), // today, before now
      win('d', '2026-03-16T18:00Z', 99_000), // today, after now: not yet
      win('e', '2026-02-11T10:00Z', 7_000, 'GBP'), // no rate: left out, counted
      win('f', '2026-02-12T10:00Z', null), // no amount: left out, counted
    ],
    p,
    q1,
    now,
  );
  const at = (date: string) => chart.dates.indexOf(date);
  it('has every date of the quarter', () => {
    expect(chart.dates).toHaveLength(90);
    expect(chart.dates[0]).toBe('2026-01-01');
    expect(chart.dates.at(-1)).toBe('2026-03-31');
    expect(chart.x[1]! - chart.x[0]!).toBe(86_400);
  });
  it.each([
    ['2026-01-01', 0, 1_562.5],
    ['2026-01-02', 10_000, 3_125],
    ['2026-01-03', 10_000, 3_125], // a Saturday carries no quota
    ['2026-02-10', 32_000, 1_562.5 * (22 + 7)],
    ['2026-03-15', 32_000, 1_562.5 * (22 + 20 + 10)],
    ['2026-03-16', 50_000, 1_562.5 * (22 + 20 + 11)],
    ['2026-03-31', null, 100_000],
  ] as const)('on %s: booked %s, quota %s', (date, actual, quota) => {
    expect(chart.actual[at(date)]).toBe(actual);
    expect(chart.quota[at(date)]).toBeCloseTo(quota, 2);
  });
  it('projects the working-day run rate from today to the last day', () => {
    // 52.5 of 64 working days gone (today half over): 50,000 ÷ (52.5 / 64).
    const projected = Math.round((50_000 / (52.5 / 64)) * 100) / 100;
    expect(chart.projected).toBe(projected);
    expect(chart.projection[at('2026-03-15')]).toBeNull();
    expect(chart.projection[at('2026-03-16')]).toBe(50_000);
    expect(chart.projection.at(-1)).toBe(projected);
    // A straight line: equal steps.
    const step = (projected - 50_000) / 15;
    expect(chart.projection[at('2026-03-17')]).toBeCloseTo(50_000 + step, 1);
  });
  it('sums what it booked and says what it left out', () => {
    expect(chart.booked).toBe(50_000);
    expect(chart.quotaTotal).toBe(100_000);
    expect(chart.leftOut).toBe(2);
  });
  it('ends the quota line exactly on the period quota, whatever the rounding of each day', () => {
    const odd = plan({ annual: [{ effectiveFrom: '2020-01-01', annualQuota: 1_200_000 }] }); // 300,000 over 64 days: 4,687.50 a day
    const q4 = periodForDate('quarter', '2026-10-01', odd); // 64 working days too, 300,000 ÷ 64 rounds per day
    const c = cumulativeBookings([], { ...odd, annual: [{ effectiveFrom: '2020-01-01', annualQuota: 1_000_003 }] }, q4, now);
    expect(c.quota.at(-1)).toBe(c.quotaTotal);
    expect(c.quotaTotal).toBe(250_000.75);
  });
  it('a period not started yet has no line and no projection', () => {
    const q2 = periodForDate('quarter', '2026-04-01', p);
    const future = cumulativeBookings([win('a', '2026-01-02T10:00Z', 10_000)], p, q2, now);
    expect(future.actual.every(v => v === null)).toBe(true);
    expect(future.projection.every(v => v === null)).toBe(true);
    expect(future.booked).toBe(0);
  });
  it('a plan without quota draws a flat zero quota and never NaN', () => {
    const none = cumulativeBookings([win('a', '2026-01-02T10:00Z', 10_000)], plan({ annual: [] }), q1, now);
    expect(none.quotaTotal).toBe(0);
    expect(none.quota.every(v => v === 0)).toBe(true);
    expect(numbersIn(none).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
  });
});

describe('cycleHistogram', () => {
  const q1 = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
  const cycle = (id: string, days: number, closed = '2026-03-01T00:00Z') => win(id, closed, 1, 'USD', new Date(utc(closed) - days * DAY).toISOString());
  it.each([
    ['nothing won', [], { binWidth: 7, bins: [], count: 0, median: null }],
    ['one same-day win', [cycle('a', 0)], { binWidth: 7, bins: [{ from: 0, to: 7, count: 1 }], count: 1, median: 0 }],
    [
      'weeks while they fit in eight bins',
      [cycle('a', 3), cycle('b', 8), cycle('c', 13.5), cycle('d', 50)],
      {
        binWidth: 7,
        bins: [
          { from: 0, to: 7, count: 1 },
          { from: 7, to: 14, count: 2 },
          { from: 14, to: 21, count: 0 },
          { from: 21, to: 28, count: 0 },
          { from: 28, to: 35, count: 0 },
          { from: 35, to: 42, count: 0 },
          { from: 42, to: 49, count: 0 },
          { from: 49, to: 56, count: 1 },
        ],
        count: 4,
        median: 10.75,
      },
    ],
    [
      'two-week bins for a 100-day cycle',
      [cycle('a', 10), cycle('b', 20), cycle('c', 45), cycle('d', 100)],
      {
        binWidth: 14,
        bins: [0, 1, 2, 3, 4, 5, 6, 7].map(i => ({ from: i * 14, to: (i + 1) * 14, count: [1, 1, 0, 1, 0, 0, 0, 1][i] })),
        count: 4,
        median: 32.5,
      },
    ],
    [
      'only deals won in the period, with a known creation, not won before created',
      [cycle('a', 10), cycle('old', 5, '2025-12-31T23:00Z'), win('unknown', '2026-02-01T00:00Z', 1), win('neg', '2026-02-01T00:00Z', 1, 'USD', '2026-02-03T00:00Z')],
      { binWidth: 7, bins: [{ from: 0, to: 7, count: 0 }, { from: 7, to: 14, count: 1 }], count: 1, median: 10 },
    ],
  ] as const)('%s', (_name, wins, expected) => expect(cycleHistogram(wins, q1)).toEqual(expected));
});
