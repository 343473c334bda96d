// The scorecard's words (lib/scorecard-words.ts): English as the side panel has always written
// it (Node and unit tests get the English messages), every unknown as a word, and the
// interface's language when the browser speaks another. The numbers behind them are
// lib/scorecard-store's, tested in tests/lib/scorecard-store.test.ts.
import { describe, expect, it } from 'vitest';
import { computeScorecard } from '../../lib/metrics/scorecard';
import { driverRows, SCORECARD_DRIVERS, SCORECARD_PERIODS } from '../../lib/scorecard-store';
import {
  driverRowLabel,
  formatters,
  goalSummaryWords,
  kpiRowsWords,
  paceWord,
  periodOptionLabel,
  pyramidFocusWords,
  pyramidItemLabel,
  scorecardErrorText,
  sparklineSummaryWords,
  tierWord,
} from '../../lib/scorecard-words';
import { useLocale } from '../helpers/pseudo-locale';
import { call, deal, ev, lost, move, numbersIn, plan, won } from '../metrics/make';

const NOW = new Date('2026-03-16T12:00:00Z'); // a Monday, Q1 2026; the previous quarter is Q4 2025
const P = plan({ rates: { EUR: 1.1 } });
const calls = (dates: string[], perDay: number) =>
  dates.flatMap(d => Array.from({ length: perDay }, (_, i) => call(`${d}T${String(9 + i).padStart(2, '0')}:00:00Z`, i === 0 ? 'Connected' : 'No answer')));
const EVENTS = [
  ...calls(['2025-12-01', '2025-12-02'], 2),
  won('old', '2025-11-10T10:00Z', 20_000),
  ...calls(['2026-01-05', '2026-01-06', '2026-03-16'], 3),
  ev('meeting', '2026-02-02T14:00Z'),
  ev('proposal_sent', '2026-01-20T12:00Z', { deal: { id: 'a' } }),
  ev('proposal_sent', '2026-02-05T12:00Z', { deal: { id: 'b' } }),
  ev('proposal_accepted', '2026-02-10T12:00Z', { deal: { id: 'a' } }),
  move('a', '2026-01-10T00:00Z', 'Prospecting', 'Qualification'),
  won('a', '2026-02-11T00:00Z', 30_000, 'USD', 0.1),
  lost('b', '2026-02-25T00:00Z', 10_000, 'EUR'),
];
const DEALS = [deal('a', { status: 'won', stage: 'Closed Won', amount: 30_000, createdAt: '2026-01-01T00:00:00Z' }), deal('c', { stage: 'Qualification', amount: 50_000 })];
const S = computeScorecard(EVENTS, DEALS, P, 'quarter', NOW);
const EMPTY = computeScorecard([], [], plan({ annual: [{ effectiveFrom: '2020-01-01', annualQuota: 0 }] }), 'quarter', NOW);
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatters', () => {
  const f = formatters('en-US');
  it.each([null, undefined, NaN, Infinity])('%s is unknown in every format', n => {
    for (const text of [f.int(n), f.one(n), f.pct(n), f.signed(n), f.money(n, 'USD'), f.points(n), f.days(n), f.wholeDays(n), f.signedDays(n), f.times(n)]) expect(text).toBe('unknown');
  });
  it.each([
    ['int', f.int(1234.5), '1,235'],
    ['one', f.one(2.345), '2.3'],
    ['pct', f.pct(0.456), '46%'],
    ['signed', f.signed(-1.25), '-1.3'],
    ['money', f.money(1234.5, 'EUR'), '€1,235'],
    ['money in a code Intl does not know', f.money(300, '???'), '300'],
    ['points', f.points(0.035), '+3.5 pt'],
    ['points, no change', f.points(0), '0 pt'],
    ['days', f.days(12.25), '12.3 d'],
    ['whole days', f.wholeDays(12.6), '13 d'],
    ['signed days', f.signedDays(2), '+2 d'],
    ['times', f.times(2.54), '2.5×'],
  ])('%s', (_name, got, expected) => expect(got).toBe(expected));
});

describe('names', () => {
  it('periods, drivers, paces and tiers', () => {
    expect(SCORECARD_PERIODS.map(periodOptionLabel)).toEqual(['Week', 'Month', 'Quarter', 'Year']);
    expect(SCORECARD_DRIVERS.map(d => driverRowLabel(d.key))).toEqual(['Calls', 'Emails', 'Meetings', 'LinkedIn', 'Leads', 'Referrals', 'Events']);
    expect((['ahead', 'on pace', 'behind'] as const).map(paceWord)).toEqual(['ahead', 'on pace', 'behind']);
    expect((['drivers', 'kpis', 'goals'] as const).map(tierWord)).toEqual(['Drivers', 'KPIs', 'Goals']);
    expect((['calls', 'linkedin', 'coverage', 'winRate', 'quota'] as const).map(pyramidItemLabel)).toEqual(['Calls', 'LinkedIn', 'Pipeline coverage', 'Win rate', 'Quota']);
  });
});

describe('kpiRowsWords', () => {
  it('words each KPI in its unit', () => {
    expect(kpiRowsWords(S, 'en-US')).toEqual([
      { key: 'winRate', label: 'Win rate', value: '50%', change: '-50 pt' },
      { key: 'cycle', label: 'Cycle length (median)', value: '41 d', change: 'unknown' },
      { key: 'proposals', label: 'Proposals accepted', value: '1 of 2 (50%)', change: 'unknown' },
      { key: 'discount', label: 'Average discount', value: '10%', change: 'unknown' },
      { key: 'coverage', label: 'Pipeline coverage', value: '0.7×', change: 'unknown' },
    ]);
  });
  it('shows unknown, never NaN, with no data', () => {
    for (const r of kpiRowsWords(EMPTY, 'en-US')) expect([r.value, r.change]).toEqual(['unknown', 'unknown']);
  });
  it('formats a known change in percentage points, and in days for the cycle', () => {
    const s = structuredClone(S);
    s.previous.winRate.rate = 0.25;
    s.previous.salesCycle.median = 30;
    const rows = kpiRowsWords(s, 'en-US');
    expect(rows.find(r => r.key === 'winRate')!.change).toBe('+25 pt');
    expect(rows.find(r => r.key === 'cycle')!.change).toBe('+11 d');
  });
});

describe('goalSummaryWords', () => {
  it('formats attainment, pacing, projection and commission for the locale', () => {
    const g = goalSummaryWords(S, 'en-US');
    expect(g).toMatchObject({ hasPlan: true, attained: '$30,000', quota: '$100,000', attainment: '30%', status: 'behind', caveat: null });
    // Working-day pace: 82,031.25 expected by now, 30,000 won.
    expect(g.pacing).toBe('Behind by $52,031');
    expect(g.projected).toMatch(/^\$[\d,]+$/);
    expect(g.commission).toMatch(/^\$[\d,]+$/);
    expect(nbsp(goalSummaryWords(S, 'de-DE').attained)).toBe('30.000 $');
  });
  it.each([
    ['ahead', 1_200.4, 'Ahead by $1,200'],
    ['on pace', 3, 'On pace'],
  ] as const)('%s', (status, ahead, pacing) => {
    const s = structuredClone(S);
    s.pacing.status = status;
    s.pacing.workingDays!.ahead = ahead;
    expect(goalSummaryWords(s, 'en-US').pacing).toBe(pacing);
  });
  it.each([
    [1, 'Not counted: 4,000 JPY without a rate; 1 won deal without an amount.'],
    [2, 'Not counted: 4,000 JPY without a rate; 2 won deals without an amount.'],
  ])('says what is not counted (%i without an amount)', (unknownAmounts, caveat) => {
    const s = structuredClone(S);
    s.current.attainment.unconverted = { JPY: 4_000 };
    s.current.attainment.unknownAmounts = unknownAmounts;
    expect(goalSummaryWords(s, 'en-US').caveat).toBe(caveat);
  });
  it('asks for a plan when the period has no quota', () => {
    expect(goalSummaryWords(EMPTY, 'en-US')).toMatchObject({ hasPlan: false, attainment: 'unknown', commission: 'unknown' });
  });
  it('never formats NaN', () => {
    const g = goalSummaryWords(EMPTY);
    expect(numbersIn(g)).toEqual([]);
    expect(JSON.stringify(g)).not.toMatch(/NaN|Infinity/);
  });
});

describe('pyramidFocusWords', () => {
  it('names what is behind and what it takes', () => {
    const f = pyramidFocusWords(S, 'en-US');
    expect(f.tier).toBe('drivers');
    expect(f.behind).toEqual(['Calls', 'Emails', 'Meetings', 'LinkedIn', 'Leads']);
    expect(f.catchUp[0]).toEqual({ key: 'quotaToClose', label: 'Quota still to close', value: '$70,000' });
    expect(f.catchUp.map(r => r.label)).toEqual(['Quota still to close', 'Deals to win', 'Deals to work', 'Proposals', 'Meetings', 'Calls']);
    expect(f.catchUp.slice(1).every(r => /^\d+$|^unknown$/.test(r.value))).toBe(true);
  });
  it('names the KPIs behind', () => {
    const s = structuredClone(S);
    s.current.targets = {};
    s.coverage.coverage = 0.5;
    s.change.winRate = -0.1;
    expect(pyramidFocusWords(s, 'en-US')).toMatchObject({ tier: 'kpis', behind: ['Pipeline coverage', 'Win rate'] });
  });
});

describe('sparklineSummaryWords', () => {
  it('summarises the series for screen readers', () => {
    expect(sparklineSummaryWords('Calls', [[1, 2, 3], [3, 0, 2]], 'en-US')).toBe('Calls per day over 3 days: total 5, best day 3, last day 2');
    expect(sparklineSummaryWords('Calls', [[], []])).toBe('Calls per day: no days yet');
  });
  it('summarises a driver row as the scorecard draws it', () => {
    const row = driverRows(S).find(r => r.driver === 'calls')!;
    expect(sparklineSummaryWords(driverRowLabel(row.driver), [[1, 2], [3, 6]], 'en-US')).toBe('Calls per day over 2 days: total 9, best day 6, last day 6');
  });
});

describe('scorecardErrorText', () => {
  it.each([
    [{ message: 'Invalid time zone specified: Not/AZone', failure: 'period' as const }, 'Your plan cannot place this period: Invalid time zone specified: Not/AZone'],
    [{ message: 'QuotaExceededError', failure: 'plan' as const }, 'Could not read your plan: QuotaExceededError'],
    [{ message: 'disk full' }, 'disk full'],
  ])('%j', (error, text) => expect(scorecardErrorText(error)).toBe(text));
});

describe('in German', () => {
  it('words the numbers, the unknowns and the failures in German', () => {
    useLocale('de');
    expect(formatters('de-DE').pct(null)).toBe('unbekannt');
    expect(kpiRowsWords(S, 'de-DE').map(r => [r.label, nbsp(r.value)])).toEqual([
      ['Abschlussquote', '50 %'],
      ['Verkaufszyklus (Median)', '41 T'],
      ['Angenommene Angebote', '1 von 2 (50 %)'],
      ['Mittlerer Rabatt', '10 %'],
      ['Pipeline-Abdeckung', '0,7×'],
    ]);
    expect(pyramidFocusWords(S, 'de-DE').behind[0]).toBe('Anrufe');
    expect(scorecardErrorText({ message: 'x', failure: 'period' })).toBe('Ihr Plan kann diesen Zeitraum nicht einordnen: x');
  });
});
