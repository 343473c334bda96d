// Shaping for the river and the achievements (issue #6): scorecards built from small
// seeded cases, expected strings worked out by hand from the seed.
import { describe, expect, it } from 'vitest';
import { computeScorecard, type Scorecard } from '../../lib/metrics/scorecard';
import type { Money } from '../../lib/metrics/money';
import { achievementsView, formatLocalDate, formatMoney, riverView, safeUrl } from '../../lib/scorecard-extras';
import { formatters } from '../../lib/scorecard-words';
import { call, deal, ev, move, numbersIn, plan, won } from '../metrics/make';

const NOW = new Date('2026-03-16T12:00:00Z'); // a Monday
const P = plan();

// Proposal: a (43 d, $12,000) and b (15 d, no amount) past its 14-day target; c in
// Qualification within target; e in Negotiation in EUR without a rate; x won after
// 10 days in Proposal (the only stay that ended there), 1 of 2 deals moved on from Proposal.
const DEALS = [
  deal('a', { name: 'Acme renewal', stage: 'Proposal', stageEnteredAt: '2026-02-01T12:00:00Z', amount: 12_000 }),
  deal('b', { name: 'Beta pilot', stage: 'Proposal', stageEnteredAt: '2026-03-01T12:00:00Z', amount: null, url: 'javascript:alert(1)' }),
  deal('c', { stage: 'Qualification', stageEnteredAt: '2026-03-10T12:00:00Z', amount: 5_000 }),
  deal('e', { stage: 'Negotiation', stageEnteredAt: '2026-03-10T12:00:00Z', amount: 7_000, currency: 'EUR' }),
  deal('x', { name: 'Xeno', stage: 'Closed Won', status: 'won', amount: 9_000 }),
];
const EVENTS = [
  move('x', '2026-01-20T12:00Z', 'Qualification', 'Proposal'),
  move('x', '2026-01-30T12:00Z', 'Proposal', 'Negotiation'),
  won('x', '2026-02-10T12:00Z', 9_000),
  call('2026-03-16T09:00Z'),
  call('2026-03-16T10:00Z'),
  call('2026-03-10T10:00Z'),
];
const FULL = computeScorecard(EVENTS, DEALS, P, 'quarter', NOW);
const EMPTY = computeScorecard([], [], P, 'quarter', NOW);
const FLOWING = computeScorecard([], [deal('c', { stage: 'Qualification', stageEnteredAt: '2026-03-15T12:00:00Z', amount: 5_000 })], P, 'quarter', NOW);
const NO_TARGETS = computeScorecard([], [], plan({ dailyTargets: {}, weeklyTargets: {} }), 'quarter', NOW);

// Five working days in a row (Mon 9 – Fri 13 March) on the daily targets (a fifth of the weekly ones), and today too.
const dayOnTarget = (day: string) => [
  ...Array.from({ length: 10 }, (_, i) => call(`${day}T0${i % 9}:0${i}Z`)),
  ...Array.from({ length: 8 }, (_, i) => ev('email', `${day}T1${i}:00Z`)),
  ev('meeting', `${day}T19:00Z`),
  ev('meeting', `${day}T20:00Z`),
];
const STREAK_EVENTS = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-16'].flatMap(dayOnTarget);
const STREAK = computeScorecard(STREAK_EVENTS, [], P, 'quarter', NOW);

/** How an unknown reads in English. */
const UNKNOWN = 'unknown';
const money = (over: Partial<Money>): Money => ({ total: 0, currency: 'USD', unconverted: {}, unknownAmounts: 0, ...over });

describe('formatMoney', () => {
  const f = formatters('en-US');
  it.each([
    ['no deals', money({}), 0, '$0'],
    ['converted only', money({ total: 12_345.6 }), 2, '$12,346'],
    ['converted plus a currency without a rate', money({ total: 1_000, unconverted: { EUR: 7_000 } }), 2, '$1,000 + €7,000'],
    ['only unconverted', money({ unconverted: { EUR: 7_000 } }), 1, '€7,000'],
    ['no currency at all', money({ unconverted: { '???': 300 } }), 1, '300 (no currency)'],
    ['every amount unknown', money({ unknownAmounts: 2 }), 2, UNKNOWN],
    ['some amounts unknown', money({ total: 500, unknownAmounts: 1 }), 2, '$500'],
  ])('%s', (_name, m, count, expected) => {
    expect(formatMoney(m, count, f)).toBe(expected);
  });
  it('formats for the locale', () => {
    expect(formatMoney(money({ total: 12_345 }), 1, formatters('de-DE'))).toBe('12.345\u00a0$');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://acme.my.salesforce.com/006x', 'https://acme.my.salesforce.com/006x'],
    ['http://crm.local/deal/1', 'http://crm.local/deal/1'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['', null],
    [null, null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => expect(safeUrl(url)).toBe(expected));
});

describe('riverView', () => {
  const v = riverView(FULL, 'en-US');

  it('lists the stages in pipeline order with counts and values', () => {
    expect(v.stages.map(r => [r.stage, r.count, r.value, r.caveat, r.overTarget, r.stall])).toEqual([
      ['Prospecting', '0', '$0', null, '0', false],
      ['Qualification', '1', '$5,000', null, '0', false],
      ['Proposal', '2', '$12,000', '1 without an amount', '2', true],
      ['Negotiation', '1', '€7,000', null, '0', false],
    ]);
    expect(v.openDeals).toBe(4);
    expect(v.total).toEqual({ count: '4', value: '$17,000 + €7,000' });
  });

  it('flags the stall stage with its conversion, median time and deals, oldest first', () => {
    expect(v.stall).toEqual({
      stage: 'Proposal',
      conversion: '50%',
      medianDays: '10 d',
      targetDays: '14 d',
      overTarget: '2',
      deals: [
        { id: 'a', name: 'Acme renewal', days: '43 d', target: '14 d', summary: '43 d in stage, target 14 d', url: 'https://crm.example/a' },
        // A URL that is not http(s) is never a link.
        { id: 'b', name: 'Beta pilot', days: '15 d', target: '14 d', summary: '15 d in stage, target 14 d', url: null },
      ],
    });
  });

  it.each([
    ['no open deals', EMPTY, 0, null],
    ['every deal within target', FLOWING, 1, null],
  ])('%s: no stall stage', (_name, s, open, stall) => {
    const r = riverView(s, 'en-US');
    expect(r.openDeals).toBe(open);
    expect(r.stall).toBe(stall);
    expect(r.stages.every(x => !x.stall)).toBe(true);
  });

  it('keeps unknown conversion and median time explicit', () => {
    const s: Scorecard = { ...FULL, river: { ...FULL.river, stage: { ...FULL.river.stage!, conversion: null, medianDays: null } } };
    const r = riverView(s, 'en-US');
    expect([r.stall!.conversion, r.stall!.medianDays]).toEqual([UNKNOWN, UNKNOWN]);
  });

  it('formats numbers for the locale', () => {
    const de = riverView(FULL, 'de-DE');
    expect(de.stages[1]!.value).toBe('5.000\u00a0$');
    expect(de.stall!.conversion).toBe('50\u00a0%');
  });

  it('never yields NaN or a non-finite number', () => {
    for (const s of [FULL, EMPTY, FLOWING, NO_TARGETS]) {
      const r = riverView(s, 'en-US');
      expect(numbersIn(r).filter(([, n]) => !Number.isFinite(n))).toEqual([]);
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    }
  });
});

describe('achievementsView', () => {
  it.each([
    ['targets, no streak yet', FULL, { hasTargets: true, current: '0', best: '0', days: 0, todayMet: false }],
    ['no targets in the plan', NO_TARGETS, { hasTargets: false, current: UNKNOWN, best: UNKNOWN, days: 0, todayMet: null }],
    ['six working days on target', STREAK, { hasTargets: true, current: '6', best: '6', days: 6, todayMet: true }],
  ])('streak: %s', (_name, s, expected) => {
    expect(achievementsView(s, 'en-US').streak).toEqual(expected);
  });

  it.each([
    ['a deal won', FULL, [{ id: 'first-deal-won', label: 'First deal won', date: 'Feb 10, 2026' }]],
    ['nothing yet', EMPTY, []],
    // Mon–Fri 9–13 March: 2 meetings and 10 calls a day reach 10 meetings and 50 calls that week on Friday.
    [
      'a 5-day streak',
      STREAK,
      [
        { id: 'ten-meetings-week', label: '10 meetings in a week', date: 'Mar 13, 2026' },
        { id: 'fifty-calls-week', label: '50 calls in a week', date: 'Mar 13, 2026' },
        { id: 'five-day-streak', label: '5-day streak', date: 'Mar 13, 2026' },
      ],
    ],
  ])('badges: %s', (_name, s, expected) => {
    expect(achievementsView(s, 'en-US').badges).toEqual(expected);
  });

  it('lists personal bests with label, value and when', () => {
    expect(achievementsView(FULL, 'en-US').bests).toEqual([
      { key: 'callsDay', label: 'Most calls in a day', value: '2', detail: 'on Mar 16, 2026' },
      { key: 'callsWeek', label: 'Most calls in a week', value: '2', detail: 'week of Mar 16, 2026' },
      { key: 'weekScore', label: 'Best weekly score', value: '2', detail: 'week of Mar 16, 2026' },
      { key: 'biggestDeal', label: 'Biggest deal won', value: '$9,000', detail: 'Xeno, Feb 10, 2026' },
    ]);
  });

  it('keeps missing personal bests explicit', () => {
    expect(achievementsView(EMPTY, 'en-US').bests.map(b => [b.value, b.detail])).toEqual([
      [UNKNOWN, null],
      [UNKNOWN, null],
      [UNKNOWN, null],
      [UNKNOWN, null],
    ]);
  });

  it('formats dates and numbers for the locale', () => {
    const de = achievementsView(FULL, 'de-DE');
    expect(de.badges[0]!.date).toBe('10. Feb. 2026');
    expect(de.bests[3]!.value).toBe('9.000\u00a0$');
  });

  it('never yields NaN or a non-finite number', () => {
    for (const s of [FULL, EMPTY, NO_TARGETS, STREAK]) {
      const a = achievementsView(s, 'en-US');
      expect(numbersIn(a).filter(([, n]) => !Number.isFinite(n))).toEqual([]);
      expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
    }
  });
});

describe('formatLocalDate', () => {
  it.each([
    ['2026-03-13', 'en-US', 'Mar 13, 2026'],
    // A local date is shown as that date in every zone: never shifted a day.
    ['2026-01-01', 'en-GB', '1 Jan 2026'],
    ['', 'en-US', UNKNOWN],
    [null, 'en-US', UNKNOWN],
    ['2026-13-45', 'en-US', UNKNOWN],
  ])('%s (%s) → %s', (d, locale, expected) => expect(formatLocalDate(d, locale)).toBe(expected));
});
