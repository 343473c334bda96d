import { describe, expect, it } from 'vitest';
import { attainment, conversionRatios, governingRevision, pacing, planInForce, pyramidGap, quotaFor, type FunnelHistory } from '../../lib/metrics/goals';
import { sumMoney } from '../../lib/metrics/money';
import { periodForDate, type PeriodKind } from '../../lib/metrics/periods';
import type { Plan, PlanRevision } from '../../lib/metrics/plan';
import { numbersIn, plan } from './make';

const revisions: PlanRevision[] = [
  { effectiveFrom: '2026-01-01', annualQuota: 400_000 },
  { effectiveFrom: '2026-04-01', annualQuota: 480_000, quarterQuotas: [100_000, 120_000, 120_000, 140_000] },
  { effectiveFrom: '2026-07-15', annualQuota: 600_000 },
];

describe('plan in force', () => {
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', '2026-01-01'],
    ['2026-03-31', '2026-01-01'],
    ['2026-04-01', '2026-04-01'],
    ['2026-07-14', '2026-04-01'],
    ['2027-01-01', '2026-07-15'],
  ])('on %s: the revision of %s', (date, from) => expect(planInForce({ annual: revisions }, date)?.effectiveFrom ?? null).toBe(from));

  it('before the first revision, the earliest governs (a plan entered mid-year covers the year)', () => {
    expect(governingRevision({ annual: revisions }, '2025-06-01')?.effectiveFrom).toBe('2026-01-01');
    expect(governingRevision({ annual: [] }, '2025-06-01')).toBeNull();
  });
});

describe('quota for a period', () => {
  const p = (over: Partial<Plan> = {}) => plan({ timeZone: 'UTC', ...over });
  const quota = (kind: PeriodKind, date: string, over: Partial<Plan> = {}) => {
    const pl = p(over);
    return quotaFor(pl, periodForDate(kind, date, pl));
  };
  it.each<[string, PeriodKind, string, Partial<Plan>, number]>([
    ['a quarter: a quarter of the annual quota', 'quarter', '2026-02-10', {}, 100_000],
    ['a fiscal year', 'fiscalYear', '2026-02-10', {}, 400_000],
    ['a month, by working days (22 of the quarter\'s 64)', 'month', '2026-03-10', {}, 34_375],
    ['a week across two quarters (2 days of Q1, 3 of Q2)', 'week', '2026-04-01', {}, 7740.38],
    ['a working day', 'day', '2026-03-10', {}, 1562.5],
    ['a Sunday', 'day', '2026-03-08', {}, 0],
    ['a holiday shrinks the month and the quarter', 'month', '2026-03-10', { holidays: ['2026-03-31'] }, 33_333.33],
    ['a quarter from its own figure', 'quarter', '2026-11-10', { annual: [{ effectiveFrom: '2020-01-01', annualQuota: 400_000, quarterQuotas: [50_000, 100_000, 100_000, 150_000] }] }, 150_000],
    ['a plan revised mid-quarter counts each revision from the day it takes effect', 'quarter', '2026-02-10', { annual: [{ effectiveFrom: '2020-01-01', annualQuota: 400_000 }, { effectiveFrom: '2026-02-16', annualQuota: 600_000 }] }, 125_000],
    ['a fiscal year with quarterly updates', 'fiscalYear', '2026-06-10', { annual: revisions }, 100_000 + 120_000 + (10 * 120_000 + 56 * 150_000) / 66 + 150_000],
    ['an April fiscal year (across calendar years)', 'fiscalYear', '2027-02-10', { fiscalYearStartMonth: 4 }, 400_000],
    ['Q4 of an April fiscal year', 'quarter', '2027-02-10', { fiscalYearStartMonth: 4, annual: [{ effectiveFrom: '2020-01-01', annualQuota: 400_000, quarterQuotas: [70_000, 90_000, 110_000, 130_000] }] }, 130_000],
    ['no quota yet', 'quarter', '2026-02-10', { annual: [{ effectiveFrom: '1970-01-01', annualQuota: 0 }] }, 0],
  ])('%s', (_name, kind, date, over, expected) => expect(quota(kind, date, over)).toBeCloseTo(expected, 2));

  it('a quarter whose every day is a holiday spreads its quota over calendar days', () => {
    const q1 = Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(quota('month', '2026-01-10', { holidays: q1 })).toBeCloseTo((31 / 90) * 100_000, 2);
  });

  it('a run of days across quarters and fiscal years adds up each quarter in turn', () => {
    const pl = p({ fiscalYearStartMonth: 4, annual: revisions });
    const years = quotaFor(pl, { startDate: '2026-04-01', endDate: '2028-04-01' });
    const byQuarter = ['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01', '2028-01-01'].reduce(
      (sum, date) => sum + quotaFor(pl, periodForDate('quarter', date, pl)),
      0,
    );
    expect(years).toBeCloseTo(byQuarter, 1);
    expect(quotaFor(pl, { startDate: '2026-05-01', endDate: '2026-05-01' })).toBe(0);
  });
});

describe('attainment', () => {
  const rates = { currency: 'USD', rates: { EUR: 1.1 } };
  it.each([
    ['no data', [], 100_000, { attained: 0, ratio: 0 }],
    ['half', [{ amount: 50_000, currency: 'USD' }], 100_000, { attained: 50_000, ratio: 0.5 }],
    ['mixed currencies converted', [{ amount: 50_000, currency: 'USD' }, { amount: 10_000, currency: 'EUR' }], 100_000, { attained: 61_000, ratio: 0.61 }],
    ['without a quota the ratio is unknown', [{ amount: 1, currency: 'USD' }], 0, { attained: 1, ratio: null }],
  ])('%s', (_name, items, quota, expected) => expect(attainment(sumMoney(items, rates), quota)).toMatchObject(expected));

  it('keeps what it could not convert apart', () => {
    const a = attainment(sumMoney([{ amount: 10, currency: 'USD' }, { amount: 1000, currency: 'JPY' }, { amount: null, currency: 'USD' }], rates), 100);
    expect(a).toEqual({ attained: 10, quota: 100, ratio: 0.1, currency: 'USD', unconverted: { JPY: 1000 }, unknownAmounts: 1 });
  });
});

describe('pacing', () => {
  const utc = plan({ timeZone: 'UTC' });
  const week = periodForDate('week', '2026-03-02', utc);

  it('midweek: linear against working days, and the run-rate projection', () => {
    const r = pacing(utc, week, 5000, 3000, new Date('2026-03-04T12:00:00Z'));
    expect(r.linear.elapsed).toBeCloseTo(2.5 / 7, 10);
    expect([r.linear.expected, r.linear.ahead, r.linear.projected]).toEqual([1785.71, 1214.29, 8400]);
    expect(r.workingDays).toEqual({ elapsed: 0.5, expected: 2500, ahead: 500, projected: 6000 });
    expect(r.status).toBe('ahead');
  });

  it.each([
    ['before the period', '2026-03-01T12:00:00Z', 0, null, 'ahead'],
    ['after it', '2026-03-10T00:00:00Z', 1, 3000, 'behind'],
    ['on the Saturday, all working days are done', '2026-03-07T12:00:00Z', 1, 3000, 'behind'],
  ] as const)('%s', (_name, now, elapsed, projected, status) => {
    const r = pacing(utc, week, 5000, 3000, new Date(now));
    expect([r.workingDays!.elapsed, r.workingDays!.projected, r.status]).toEqual([elapsed, projected, status]);
  });

  it('on pace within 1 % of quota', () => expect(pacing(utc, week, 5000, 2540, new Date('2026-03-04T12:00:00Z')).status).toBe('on pace'));

  it('counts hours of a DST week as they are (the Berlin week of 29 March has 167)', () => {
    const berlin = plan({ timeZone: 'Europe/Berlin' });
    const p = periodForDate('week', '2026-03-25', berlin);
    const r = pacing(berlin, p, 1000, 500, new Date('2026-03-29T10:00:00Z'));
    expect(r.linear.elapsed).toBeCloseTo(155 / 167, 10);
    expect(r.workingDays!.elapsed).toBe(1);
  });

  it('a period without working days has no working-day pace', () => {
    const sunday = periodForDate('day', '2026-03-08', utc);
    const r = pacing(utc, sunday, 0, 0, new Date('2026-03-08T12:00:00Z'));
    expect(r.workingDays).toBeNull();
    expect(r.status).toBe('on pace');
  });
});

describe('the pyramid', () => {
  const history: FunnelHistory = { calls: 200, meetings: 20, proposals: 10, won: 4, lost: 4, wonValue: 100_000, wonWithAmount: 4 };

  it('works the gap back down the rep\'s own ratios', () => {
    const r = pyramidGap(60_000, conversionRatios(history));
    expect(r.ratios).toMatchObject({ callsToMeetings: 0.1, meetingsToProposals: 0.5, proposalsToWins: 0.4, winRate: 0.5, averageDealSize: 25_000 });
    expect([r.gap, r.deals, r.dealsToWork, r.proposals, r.meetings, r.calls]).toEqual([60_000, 3, 6, 8, 16, 160]);
  });

  it('nothing to close: zeros', () => {
    expect(pyramidGap(0, conversionRatios(history))).toMatchObject({ gap: 0, deals: 0, proposals: 0, meetings: 0, calls: 0 });
  });

  it.each<[string, Partial<FunnelHistory>, [number | null, number | null, number | null, number | null]]>([
    ['no data at all', { calls: 0, meetings: 0, proposals: 0, won: 0, lost: 0, wonValue: 0, wonWithAmount: 0 }, [null, null, null, null]],
    ['no deal size known', { wonValue: 0, wonWithAmount: 0 }, [null, null, null, null]],
    ['calls but never a meeting', { meetings: 0 }, [3, 8, null, null]],
    ['no proposals logged', { proposals: 0 }, [3, null, null, null]],
    ['no calls logged', { calls: 0 }, [3, 8, 16, null]],
  ])('unknown, never NaN: %s', (_name, over, [deals, proposals, meetings, calls]) => {
    const r = pyramidGap(60_000, conversionRatios({ ...history, ...over }));
    expect([r.deals, r.proposals, r.meetings, r.calls]).toEqual([deals, proposals, meetings, calls]);
    expect(numbersIn(r).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
  });
});
