import { describe, expect, it } from 'vitest';
import { countByType, total } from '../../lib/metrics/counts';
import { dayPeriod, weekPeriod, wholeDaysBetween } from '../../lib/metrics/periods';
import { stableId } from '../../lib/ids';

describe('periods', () => {
  it('a week starts on Monday at local midnight and lasts seven days', () => {
    const p = weekPeriod(new Date(2026, 10, 27, 15, 30)); // Friday
    expect(p).toEqual({ from: new Date(2026, 10, 23).toISOString(), to: new Date(2026, 10, 30).toISOString() });
  });
  it('a Sunday belongs to the week that began the Monday before', () => {
    expect(weekPeriod(new Date(2026, 10, 29, 9)).from).toBe(new Date(2026, 10, 23).toISOString());
  });
  it('weeks can start on Sunday', () => {
    expect(weekPeriod(new Date(2026, 10, 27), 0).from).toBe(new Date(2026, 10, 22).toISOString());
  });
  it('a day is local midnight to midnight', () => {
    expect(dayPeriod(new Date(2026, 10, 27, 15))).toEqual({ from: new Date(2026, 10, 27).toISOString(), to: new Date(2026, 10, 28).toISOString() });
  });
  it.each([
    ['2026-11-20T10:00:00.000Z', '2026-11-27T09:59:59.000Z', 6],
    ['2026-11-20T10:00:00.000Z', '2026-11-27T10:00:00.000Z', 7],
    ['2026-11-28T10:00:00.000Z', '2026-11-27T10:00:00.000Z', 0],
    ['not a date', '2026-11-27T10:00:00.000Z', 0],
  ])('whole days from %s to %s is %i', (from, to, days) => {
    expect(wholeDaysBetween(from, new Date(to))).toBe(days);
  });
});

describe('countByType', () => {
  const events = [
    { type: 'call' as const, at: '2026-11-23T08:00:00.000Z' },
    { type: 'call' as const, at: '2026-11-24T08:00:00.000Z' },
    { type: 'email' as const, at: '2026-11-24T09:00:00.000Z' },
    { type: 'call' as const, at: '2026-11-30T00:00:00.000Z' },
  ];
  it('counts within a half-open period', () => {
    const counts = countByType(events, { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' });
    expect(counts).toEqual({ call: 2, email: 1 });
    expect(total(counts)).toBe(3);
  });
  it('is empty for no events', () => expect(countByType([])).toEqual({}));
});

describe('stableId', () => {
  it('is the same for the same parts and differs otherwise', () => {
    expect(stableId('salesforce', 'activity', '00T1')).toBe(stableId('salesforce', 'activity', '00T1'));
    expect(stableId('salesforce', 'activity', '00T1')).not.toBe(stableId('salesforce', 'activity', '00T2'));
    // Part boundaries matter: ("ab","c") is not ("a","bc").
    expect(stableId('ab', 'c')).not.toBe(stableId('a', 'bc'));
    expect(stableId('x')).toMatch(/^[0-9a-z]{22}$/);
  });
});
