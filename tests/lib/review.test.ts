// The weekly 1:1 review's numbers and words (issue #6, item 2), table by table.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { emptyDay, type DailyAggregate } from '../../lib/metrics/aggregate';
import type { CountsByType } from '../../lib/metrics/counts';
import { periodForDate } from '../../lib/metrics/periods';
import type { Plan } from '../../lib/metrics/plan';
import { praiseAndOpportunities, readReviewDays, reviewMarkdown, weekRangeLabel, weeklyReview, type ReviewRow } from '../../lib/review';
import { plan } from '../metrics/make';

// Monday 2026-03-16 … Sunday 2026-03-22; last week 2026-03-09 … 2026-03-15.
const P = plan({ weeklyTargets: { calls: 50, meetings: 8, leads: 10, proposalsSubmitted: 2 } });
const WEEK = periodForDate('week', '2026-03-18', P);
const day = (date: string, counts: CountsByType): DailyAggregate => ({ ...emptyDay(date), counts });

type Case = [name: string, plan: Plan, thisWeek: DailyAggregate[], lastWeek: DailyAggregate[], expected: Omit<ReviewRow, 'label'>[]];
const row = (driver: ReviewRow['driver'], thisWeek: number, lastWeek: number, target: number | null): Omit<ReviewRow, 'label'> => ({
  driver, thisWeek, lastWeek, target, change: thisWeek - lastWeek, met: target === null ? null : thisWeek >= target,
});

const cases: Case[] = [
  ['no data', P, [], [], [row('calls', 0, 0, 50), row('meetings', 0, 0, 8), row('leads', 0, 0, 10), row('proposalsSubmitted', 0, 0, 2)]],
  [
    'sums days; exactly at target is met',
    P,
    [day('2026-03-16', { call: 30, meeting: 4, lead_created: 10 }), day('2026-03-17', { call: 24, meeting: 3, proposal_sent: 2 })],
    [day('2026-03-10', { call: 40, meeting: 9, lead_created: 2 })],
    [row('calls', 54, 40, 50), row('meetings', 7, 9, 8), row('leads', 10, 2, 10), row('proposalsSubmitted', 2, 0, 2)],
  ],
  [
    'targets missing → null',
    plan({ weeklyTargets: { calls: 50 } }),
    [day('2026-03-16', { call: 5, meeting: 1 })],
    [],
    [row('calls', 5, 0, 50), row('meetings', 1, 0, null), row('leads', 0, 0, null), row('proposalsSubmitted', 0, 0, null)],
  ],
  [
    'a holiday shortens the target; rows outside each week are ignored',
    { ...P, holidays: ['2026-03-20'] },
    [day('2026-03-16', { call: 40 }), day('2026-03-23', { call: 99 }), day('2026-03-10', { call: 99 })],
    [day('2026-03-15', { call: 3 }), day('2026-03-16', { call: 99 })],
    [row('calls', 40, 3, 40), row('meetings', 0, 0, 6.4), row('leads', 0, 0, 8), row('proposalsSubmitted', 0, 0, 1.6)],
  ],
];

describe('weeklyReview', () => {
  it.each(cases)('%s', (_name, p, thisWeek, lastWeek, expected) => {
    const rows = weeklyReview(thisWeek, lastWeek, p, WEEK);
    expect(rows.map(({ label: _l, ...r }) => r)).toEqual(expected);
    expect(rows.map(r => r.label)).toEqual(['Calls made', 'Meetings attended', 'Good leads (leads created)', 'Proposals made']);
  });
});

const r = (driver: ReviewRow['driver'], thisWeek: number, target: number | null, lastWeek = 0): ReviewRow => ({
  driver, label: driver, thisWeek, lastWeek, target, change: thisWeek - lastWeek, met: target === null ? null : thisWeek >= target,
});

describe('praiseAndOpportunities', () => {
  it.each<[string, ReviewRow[], string[], string[]]>([
    ['nothing without rows', [], [], []],
    ['no target: neither praise nor opportunity', [r('calls', 54, null), r('meetings', 0, null)], [], []],
    ['beats its target', [r('calls', 54, 50)], ['Calls: 54 against a target of 50 — ahead by 4.'], []],
    ['exactly at target is praise', [r('meetings', 8, 8)], ['Meetings: 8 against a target of 8 — right on target.'], []],
    ['a zero target met with nothing is neither', [r('leads', 0, 0)], [], []],
    [
      'falls short: gap and next step',
      [r('proposalsSubmitted', 1, 2)],
      [],
      ['Proposals: 1 against a target of 2 — short by 1. Next step: send a proposal to the deal furthest along in qualification.'],
    ],
    [
      'a fractional target rounds the gap up',
      [r('meetings', 5, 6.4)],
      [],
      ['Meetings: 5 against a target of 6.4 — short by 2. Next step: book 2 more meetings by asking for one at the end of every connected call.'],
    ],
    [
      'mixed, in row order',
      [r('calls', 1_200, 1_000), r('leads', 3, 10), r('meetings', 9, 8)],
      ['Calls: 1,200 against a target of 1,000 — ahead by 200.', 'Meetings: 9 against a target of 8 — ahead by 1.'],
      ['Leads: 3 against a target of 10 — short by 7. Next step: add 7 new leads from your target-account list.'],
    ],
  ])('%s', (_name, rows, praise, opportunities) => {
    expect(praiseAndOpportunities(rows, 'en-US')).toEqual({ praise, opportunities });
  });
});

describe('reviewMarkdown', () => {
  it('heading with the dates, table, lists and notes', () => {
    const rows = [r('calls', 54, 50, 40), r('meetings', 7, 8, 9), r('leads', 2, null, 2)].map(x => ({ ...x, label: x.driver }));
    const { praise, opportunities } = praiseAndOpportunities(rows, 'en-US');
    expect(reviewMarkdown(rows, praise, opportunities, '  Talked about Acme.\n', WEEK, 'en-US')).toBe(
      [
        '## Weekly 1:1 review: 2026-03-16 to 2026-03-22',
        '',
        '| Measure | This week | Last week | Target | Change | Target met |',
        '| --- | ---: | ---: | ---: | ---: | :---: |',
        '| calls | 54 | 40 | 50 | +14 | Yes |',
        '| meetings | 7 | 9 | 8 | −2 | No |',
        '| leads | 2 | 2 | — | 0 | — |',
        '',
        '### Praise',
        '',
        '- Calls: 54 against a target of 50 — ahead by 4.',
        '',
        '### Opportunities',
        '',
        '- Meetings: 7 against a target of 8 — short by 1. Next step: book 1 more meeting by asking for one at the end of every connected call.',
        '',
        '### Notes',
        '',
        'Talked about Acme.',
        '',
      ].join('\n'),
    );
  });

  it('empty lists and notes say so', () => {
    const md = reviewMarkdown([], [], [], '   ', WEEK, 'en-US');
    expect(md).toContain('### Praise\n\n_None this week._');
    expect(md).toContain('### Opportunities\n\n_None this week._');
    expect(md).toContain('### Notes\n\n_No notes._');
  });
});

describe('readReviewDays', () => {
  let db: PacerDb | undefined;
  afterEach(async () => {
    db?.close();
    await Dexie.delete('review-test');
  });

  it('reads only the two weeks, split by week', async () => {
    db = openDb('review-test');
    await db.days.bulkPut([
      day('2026-03-08', { call: 1 }), // the Sunday before last week
      day('2026-03-09', { call: 2 }),
      day('2026-03-15', { call: 3 }),
      day('2026-03-16', { call: 4 }),
      day('2026-03-22', { call: 5 }),
      day('2026-03-23', { call: 6 }), // next week
    ]);
    const got = await readReviewDays(db, P, new Date('2026-03-18T12:00:00Z'));
    expect(got.period.startDate).toBe('2026-03-16');
    expect(got.previous.startDate).toBe('2026-03-09');
    expect(got.thisWeek.map(d => d.day)).toEqual(['2026-03-16', '2026-03-22']);
    expect(got.lastWeek.map(d => d.day)).toEqual(['2026-03-09', '2026-03-15']);
  });

  it('an empty database gives empty weeks', async () => {
    db = openDb('review-test');
    const got = await readReviewDays(db, P, new Date('2026-03-18T12:00:00Z'));
    expect(got).toMatchObject({ thisWeek: [], lastWeek: [] });
  });
});

describe('weekRangeLabel', () => {
  it.each([
    ['en-US', '2026-11-23', '2026-11-30', 'Nov 23 – 29, 2026'],
    ['en-US', '2026-12-28', '2027-01-04', 'Dec 28, 2026 – Jan 3, 2027'],
    ['de-DE', '2026-11-23', '2026-11-30', '23.–29. Nov. 2026'],
  ] as const)('%s %s', (locale, startDate, endDate, expected) => expect(weekRangeLabel({ startDate, endDate }, locale).replace(/\u2009/g, ' ')).toBe(expected));
});
