import { describe, expect, it } from 'vitest';
import {
  LocalDayKeyer,
  datesFrom,
  eachDate,
  weekdayOf,
  addDays,
  dayLengthHours,
  daysBetween,
  isCivilDate,
  isoMs,
  isValidTimeZone,
  localDateOf,
  nextPeriod,
  periodContaining,
  periodForDate,
  previousPeriod,
  startOfLocalDateIso,
  workingDaysBetween,
  type PeriodKind,
  type PeriodOptions,
} from '../../lib/metrics/periods';

const opts = (timeZone: string, fiscalYearStartMonth = 1, weekStartsOn = 1): PeriodOptions => ({ timeZone, fiscalYearStartMonth, weekStartsOn });

describe('periodContaining', () => {
  it.each<[string, PeriodKind, string, PeriodOptions, string, string, string, string]>([
    // name, kind, instant, options, from, to, label, startDate
    ['a UTC day', 'day', '2026-03-04T15:00:00Z', opts('UTC'), '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z', '2026-03-04', '2026-03-04'],
    ['a Berlin day seen late in UTC', 'day', '2026-03-04T23:30:00Z', opts('Europe/Berlin'), '2026-03-04T23:00:00.000Z', '2026-03-05T23:00:00.000Z', '2026-03-05', '2026-03-05'],
    ['Berlin spring forward: 23 hours', 'day', '2026-03-29T12:00:00Z', opts('Europe/Berlin'), '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-29', '2026-03-29'],
    ['Berlin fall back: 25 hours', 'day', '2026-10-25T12:00:00Z', opts('Europe/Berlin'), '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', '2026-10-25', '2026-10-25'],
    ['New York spring forward: 23 hours', 'day', '2026-03-08T12:00:00Z', opts('America/New_York'), '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', '2026-03-08', '2026-03-08'],
    ['a Monday week', 'week', '2026-03-29T12:00:00Z', opts('Europe/Berlin'), '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 'Week of 2026-03-23', '2026-03-23'],
    ['a Sunday week', 'week', '2026-03-04T12:00:00Z', opts('UTC', 1, 0), '2026-03-01T00:00:00.000Z', '2026-03-08T00:00:00.000Z', 'Week of 2026-03-01', '2026-03-01'],
    ['a month across the spring change', 'month', '2026-03-15T12:00:00Z', opts('Europe/Berlin'), '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', '2026-03', '2026-03-01'],
    ['a calendar quarter', 'quarter', '2026-05-15T12:00:00Z', opts('UTC'), '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', 'Q2 FY2026', '2026-04-01'],
    ['fiscal Q4 of an April year', 'quarter', '2026-02-10T12:00:00Z', opts('UTC', 4), '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 'Q4 FY2025/26', '2026-01-01'],
    ['fiscal Q1 of a July year', 'quarter', '2026-07-01T00:30:00Z', opts('UTC', 7), '2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', 'Q1 FY2026/27', '2026-07-01'],
    ['fiscal Q2 of a February year', 'quarter', '2026-06-30T12:00:00Z', opts('UTC', 2), '2026-05-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z', 'Q2 FY2026/27', '2026-05-01'],
    ['a calendar fiscal year', 'fiscalYear', '2026-12-31T23:59:59Z', opts('UTC'), '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'FY2026', '2026-01-01'],
    ['an April fiscal year across calendar years', 'fiscalYear', '2027-03-31T12:00:00Z', opts('UTC', 4), '2026-04-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z', 'FY2026/27', '2026-04-01'],
    ['a July fiscal year in New York', 'fiscalYear', '2026-07-01T03:00:00Z', opts('America/New_York', 7), '2025-07-01T04:00:00.000Z', '2026-07-01T04:00:00.000Z', 'FY2025/26', '2025-07-01'],
  ])('%s', (_name, kind, at, options, from, to, label, startDate) => {
    const p = periodContaining(kind, at, options);
    expect({ from: p.from, to: p.to, label: p.label, startDate: p.startDate }).toEqual({ from, to, label, startDate });
  });

  it('carries the fiscal year and quarter of its start', () => {
    const p = periodContaining('month', '2026-02-10T12:00:00Z', opts('UTC', 4));
    expect([p.fiscalYear, p.fiscalQuarter, p.endDate]).toEqual([2025, 4, '2026-03-01']);
  });

  it('rejects an unknown zone loudly', () => {
    expect(() => periodContaining('day', '2026-03-04T00:00:00Z', opts('Mars/Olympus'))).toThrow(RangeError);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
  });
});

describe('previous and next period', () => {
  it.each<[PeriodKind, string, number, string, string]>([
    ['day', '2026-03-30', 1, '2026-03-29', '2026-03-30'],
    ['week', '2026-03-04', 1, '2026-02-23', '2026-03-02'],
    ['month', '2026-03-31', 1, '2026-02-01', '2026-03-01'],
    ['quarter', '2026-05-20', 1, '2026-01-01', '2026-04-01'],
    ['quarter', '2026-04-15', 4, '2026-01-01', '2026-04-01'], // April fiscal year: Q1 → Q4 of the year before
    ['fiscalYear', '2026-04-15', 4, '2025-04-01', '2026-04-01'],
  ])('the %s before the one containing %s (FY from month %i) runs %s → %s', (kind, date, fy, start, end) => {
    const o = opts('Europe/Berlin', fy);
    const prev = previousPeriod(periodForDate(kind, date, o), o);
    expect([prev.kind, prev.startDate, prev.endDate]).toEqual([kind, start, end]);
    expect(nextPeriod(prev, o).startDate).toBe(end);
  });

  it('a previous period of the 23-hour day is a 24-hour day', () => {
    const o = opts('Europe/Berlin');
    const prev = previousPeriod(periodForDate('day', '2026-03-29', o), o);
    expect(prev).toMatchObject({ from: '2026-03-27T23:00:00.000Z', to: '2026-03-28T23:00:00.000Z' });
  });
});

describe('DST day lengths', () => {
  it.each([
    ['Europe/Berlin', '2026-03-29', 23],
    ['Europe/Berlin', '2026-10-25', 25],
    ['Europe/Berlin', '2026-06-01', 24],
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['UTC', '2026-03-29', 24],
    ['America/Santiago', '2026-09-06', 23], // clocks jump at midnight: the day starts at 01:00
  ])('%s %s lasts %i hours', (tz, date, hours) => expect(dayLengthHours(date, tz)).toBe(hours));

  it('a day without a local midnight starts at the first instant after the gap', () => {
    expect(startOfLocalDateIso('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateOf('2026-09-06T04:00:00.000Z', 'America/Santiago')).toBe('2026-09-06');
    expect(localDateOf('2026-09-06T03:59:59.999Z', 'America/Santiago')).toBe('2026-09-05');
  });
});

describe('LocalDayKeyer', () => {
  it.each([
    ['Europe/Berlin', '2026-03-28T22:59:59.999Z', '2026-03-28'],
    ['Europe/Berlin', '2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['Europe/Berlin', '2026-03-29T21:59:59.000Z', '2026-03-29'],
    ['Europe/Berlin', '2026-03-29T22:00:00.000Z', '2026-03-30'],
    ['Europe/Berlin', '2026-10-25T22:59:59.000Z', '2026-10-25'],
    ['Europe/Berlin', '2026-10-25T23:00:00.000Z', '2026-10-26'],
    ['America/New_York', '2026-03-08T04:59:59.000Z', '2026-03-07'],
    ['America/New_York', '2026-03-08T05:00:00.000Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T03:59:59.000Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T04:00:00.000Z', '2026-03-09'],
    ['Asia/Kolkata', '2026-03-08T18:29:59.000Z', '2026-03-08'],
    ['Asia/Kolkata', '2026-03-08T18:30:00.000Z', '2026-03-09'],
    ['UTC', '2026-03-08T23:59:59Z', '2026-03-08'], // no milliseconds: still the fast path
    ['Europe/Berlin', '2026-03-29T01:30:00+02:00', '2026-03-29'], // an offset (23:30 UTC): read through Date
    ['UTC', 'not a date', null],
    ['UTC', '2026-02-30T10:00:00.000Z', null],
    ['UTC', '2026-0x-10T10:00:00.000Z', null],
  ])('in %s, %s is on %s', (tz, at, day) => {
    const keyer = new LocalDayKeyer(tz);
    keyer.key('2026-03-29T12:00:00.000Z'); // a warm cache must not leak into the next answer
    expect(keyer.key(at)).toBe(day);
  });

  it('agrees with Intl on every hour of a DST year', () => {
    const keyer = new LocalDayKeyer('Europe/Berlin');
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000 - 1000) {
      const iso = new Date(t).toISOString();
      expect(keyer.key(iso)).toBe(localDateOf(t, 'Europe/Berlin'));
    }
  });
});

describe('civil dates and working days', () => {
  it.each([
    ['a week', '2026-03-02', '2026-03-09', [], 5],
    ['a weekend', '2026-03-07', '2026-03-09', [], 0],
    ['March 2026', '2026-03-01', '2026-04-01', [], 22],
    ['with a holiday on a weekday', '2026-03-30', '2026-04-06', ['2026-04-03'], 4],
    ['a holiday on a Saturday changes nothing', '2026-03-30', '2026-04-06', ['2026-04-04'], 5],
    ['a holiday outside the range', '2026-03-30', '2026-04-06', ['2026-05-01'], 5],
    ['an empty range', '2026-03-30', '2026-03-30', [], 0],
    ['a reversed range', '2026-04-30', '2026-03-30', [], 0],
    ['a fiscal year from April', '2026-04-01', '2027-04-01', [], 261],
  ])('%s', (_n, from, to, holidays, n) => expect(workingDaysBetween(from, to, holidays)).toBe(n));

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['26-01-01', false],
    [20260101, false],
  ])('%s is a date: %s', (v, ok) => expect(isCivilDate(v)).toBe(ok));

  it.each([
    '2026-03-29T01:30:00.000Z',
    '2026-03-29T01:30:00Z',
    '1999-12-31T23:59:59.999Z',
    '2026-03-29T01:30:00+02:00',
    'nonsense',
  ])('isoMs(%s) is Date.parse', s => expect(isoMs(s)).toEqual(Date.parse(s)));
});

describe('datesFrom', () => {
  it('walks every date with its weekday across month ends, a leap day and a year end, like addDays and weekdayOf', () => {
    const walked = [...datesFrom('2023-12-28', '2024-03-02')];
    const expected = eachDate('2023-12-28', '2024-03-03').map(d => [d, weekdayOf(d)]);
    expect(walked).toEqual(expected);
    expect(walked.map(([d]) => d)).toContain('2024-02-29');
  });
  it('is empty when the last date is before the first', () => expect([...datesFrom('2026-03-02', '2026-03-01')]).toEqual([]));
});
