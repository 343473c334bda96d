import { describe, expect, it } from 'vitest';
import { aggregateAll } from '../../lib/metrics/aggregate';
import { buildDealTable } from '../../lib/metrics/deals';
import {
  closedWonOfEntered,
  dealsOverTarget,
  discountBandOf,
  discounting,
  pipeline,
  pipelineCoverage,
  proposalAcceptance,
  salesCycle,
  stageConversion,
  stageProbability,
  timeInStage,
  trainingRoi,
  winRate,
} from '../../lib/metrics/kpis';
import { sumMoney } from '../../lib/metrics/money';
import { summarize } from '../../lib/metrics/stats';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { deal, ev, lost, move, STAGES, won } from './make';

const rates = { currency: 'USD', rates: { EUR: 1.1 } };
const table = (history: ActivityEvent[], deals: DealSnapshot[] = []) => buildDealTable(history, deals, STAGES, 'UTC');
const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

describe('proposal acceptance', () => {
  it.each([
    [0, 0, null],
    [4, 1, 0.25],
    [1, 1, 1],
  ])('%i submitted, %i accepted → %s', (s, a, rate) => expect(proposalAcceptance(s, a)).toEqual({ submitted: s, accepted: a, rate }));
});

describe('win rate', () => {
  it.each<[string, ActivityEvent[], DealSnapshot[], { won: number; lost: number; rate: number | null; wonTotal: number; unconverted: Record<string, number> }]>([
    ['no data', [], [], { won: 0, lost: 0, rate: null, wonTotal: 0, unconverted: {} }],
    ['one deal won', [won('a', '2026-03-10T00:00Z', 100)], [], { won: 1, lost: 0, rate: 1, wonTotal: 100, unconverted: {} }],
    ['won and lost', [won('a', '2026-03-10T00:00Z', 100), lost('b', '2026-03-11T00:00Z', 50), lost('c', '2026-03-12T00:00Z', 50)], [], { won: 1, lost: 2, rate: 1 / 3, wonTotal: 100, unconverted: {} }],
    ['closes outside the period do not count', [won('a', '2026-02-28T23:59:59Z', 100), lost('b', '2026-04-01T00:00Z')], [], { won: 0, lost: 0, rate: null, wonTotal: 0, unconverted: {} }],
    [
      'a deal lost, reopened and won counts once, as won',
      [lost('a', '2026-03-02T00:00Z', 100), move('a', '2026-03-03T00:00Z', 'Closed Lost', 'Proposal'), won('a', '2026-03-20T00:00Z', 100)],
      [],
      { won: 1, lost: 0, rate: 1, wonTotal: 100, unconverted: {} },
    ],
    ['mixed currencies', [won('a', '2026-03-10T00:00Z', 100, 'EUR'), won('b', '2026-03-10T00:00Z', 100, 'USD'), won('c', '2026-03-10T00:00Z', 100, 'JPY')], [], { won: 3, lost: 0, rate: 1, wonTotal: 210, unconverted: { JPY: 100 } }],
  ])('%s', (_name, history, deals, expected) => {
    const r = winRate(table(history, deals), march, rates);
    expect({ won: r.won, lost: r.lost, rate: r.rate, wonTotal: r.wonValue.total, unconverted: r.wonValue.unconverted }).toEqual(expected);
  });

  it('by value as well as by count', () => {
    const r = winRate(table([won('a', '2026-03-10T00:00Z', 300), lost('b', '2026-03-11T00:00Z', 100)]), march, rates);
    expect(r.valueRate).toBe(0.75);
  });
});

describe('closed-won over pipeline entered', () => {
  const deals = [
    deal('a', { createdAt: '2026-03-02T00:00:00.000Z', status: 'won', stage: 'Closed Won', amount: 100 }),
    deal('b', { createdAt: '2026-03-05T00:00:00.000Z', amount: 300 }),
    deal('c', { createdAt: '2026-02-05T00:00:00.000Z', status: 'won', stage: 'Closed Won', amount: 1000 }),
  ];
  it('of the deals created in the period, the share won by now', () => {
    const r = closedWonOfEntered(table([], deals), march, rates);
    expect([r.entered, r.won, r.rate, r.enteredValue.total, r.wonValue.total, r.valueRate]).toEqual([2, 1, 0.5, 400, 100, 0.25]);
  });
  it('is unknown with nothing entered', () => expect(closedWonOfEntered(table([], []), march, rates).rate).toBeNull());
});

describe('stage-to-stage conversion', () => {
  const rates = (history: ActivityEvent[], deals: DealSnapshot[] = [], period?: typeof march) =>
    stageConversion(table(history, deals), period).map(s => [s.from, s.to, s.reached, s.advanced]);

  it('no data: every step unknown', () => {
    expect(stageConversion(table([], [])).map(s => s.rate)).toEqual([null, null, null, null]);
  });

  it('one deal walking the pipeline to a win reaches every step', () => {
    const history = [
      move('a', '2026-03-01T00:00Z', 'Prospecting', 'Qualification'),
      move('a', '2026-03-02T00:00Z', 'Qualification', 'Proposal'),
      move('a', '2026-03-03T00:00Z', 'Proposal', 'Negotiation'),
      move('a', '2026-03-04T00:00Z', 'Negotiation', 'Closed Won'),
      won('a', '2026-03-04T00:00Z'),
    ];
    expect(rates(history)).toEqual([
      ['Prospecting', 'Qualification', 1, 1],
      ['Qualification', 'Proposal', 1, 1],
      ['Proposal', 'Negotiation', 1, 1],
      ['Negotiation', 'Won', 1, 1],
    ]);
  });

  it('a skipped stage counts as reached', () => {
    expect(rates([move('a', '2026-03-01T00:00Z', 'Prospecting', 'Proposal')])).toEqual([
      ['Prospecting', 'Qualification', 1, 1],
      ['Qualification', 'Proposal', 1, 1],
      ['Proposal', 'Negotiation', 1, 0],
      ['Negotiation', 'Won', 0, 0],
    ]);
  });

  it('a deal moved backwards and forwards again counts once', () => {
    const history = [
      move('a', '2026-03-01T00:00Z', 'Prospecting', 'Qualification'),
      move('a', '2026-03-02T00:00Z', 'Qualification', 'Prospecting'),
      move('a', '2026-03-03T00:00Z', 'Prospecting', 'Qualification'),
    ];
    expect(rates(history)).toEqual([
      ['Prospecting', 'Qualification', 1, 1],
      ['Qualification', 'Proposal', 1, 0],
      ['Proposal', 'Negotiation', 0, 0],
      ['Negotiation', 'Won', 0, 0],
    ]);
  });

  it('a lost deal stops where it was', () => {
    const history = [move('a', '2026-03-01T00:00Z', 'Prospecting', 'Qualification'), move('a', '2026-03-05T00:00Z', 'Qualification', 'Closed Lost'), lost('a', '2026-03-05T00:00Z')];
    expect(rates(history).map(r => r[3])).toEqual([1, 0, 0, 0]);
  });

  it('with a period, the cohort is the deals that reached the stage in it', () => {
    const history = [
      move('a', '2026-02-10T00:00Z', 'Prospecting', 'Qualification'), // Prospecting entered in Feb (estimated), Qualification in Feb
      move('b', '2026-03-10T00:00Z', 'Prospecting', 'Qualification'),
    ];
    const deals = [deal('a', { createdAt: '2026-02-01T00:00:00.000Z', stage: 'Qualification' }), deal('b', { createdAt: '2026-03-01T00:00:00.000Z', stage: 'Qualification' })];
    expect(rates(history, deals, march)[0]).toEqual(['Prospecting', 'Qualification', 1, 1]);
    expect(rates(history, deals)[0]).toEqual(['Prospecting', 'Qualification', 2, 2]);
  });
});

describe('sales cycle', () => {
  const wonDeal = (id: string, created: string, closed: string) => [
    deal(id, { createdAt: created, status: 'won', stage: 'Closed Won', lastSeenAt: closed }),
    won(id, closed, 1),
  ] as const;
  it.each<[string, (readonly [DealSnapshot, ActivityEvent])[], ReturnType<typeof summarize>]>([
    ['no data', [], { count: 0, mean: null, median: null, p90: null }],
    ['one deal', [wonDeal('a', '2026-03-01T00:00:00.000Z', '2026-03-11T00:00:00.000Z')], { count: 1, mean: 10, median: 10, p90: 10 }],
    [
      'three deals',
      [wonDeal('a', '2026-03-01T00:00:00.000Z', '2026-03-11T00:00:00.000Z'), wonDeal('b', '2026-02-01T00:00:00.000Z', '2026-03-03T00:00:00.000Z'), wonDeal('c', '2026-03-20T00:00:00.000Z', '2026-03-22T00:00:00.000Z')],
      { count: 3, mean: 14, median: 10, p90: 30 },
    ],
  ])('%s', (_name, pairs, expected) => {
    expect(salesCycle(table(pairs.map(p => p[1]), pairs.map(p => p[0])), march)).toEqual(expected);
  });
  it('skips deals whose creation the CRM never showed', () => {
    expect(salesCycle(table([move('a', '2026-03-01T00:00Z', 'Prospecting', 'Closed Won'), won('a', '2026-03-05T00:00Z')]), march).count).toBe(0);
  });
});

describe('time in stage', () => {
  const days = (history: ActivityEvent[], deals: DealSnapshot[] = [], period?: typeof march) =>
    Object.fromEntries(timeInStage(table(history, deals), { Prospecting: 7 }, period).map(s => [s.stage, [s.count, s.mean, s.median, s.p90, s.targetDays]]));

  it('no data: every plan stage, empty', () => {
    expect(days([])).toEqual({
      Prospecting: [0, null, null, null, 7],
      Qualification: [0, null, null, null, 10],
      Proposal: [0, null, null, null, 14],
      Negotiation: [0, null, null, null, 21],
    });
  });

  it('a deal moved backwards counts once per stage with both stays added up', () => {
    const history = [
      move('a', '2026-03-03T00:00Z', 'Prospecting', 'Qualification'),
      move('a', '2026-03-05T00:00Z', 'Qualification', 'Prospecting'),
      move('a', '2026-03-06T00:00Z', 'Prospecting', 'Qualification'),
      move('a', '2026-03-16T00:00Z', 'Qualification', 'Closed Lost'),
      lost('a', '2026-03-16T00:00Z'),
    ];
    const r = days(history, [deal('a', { createdAt: '2026-03-01T00:00:00.000Z', stage: 'Closed Lost', status: 'lost', lastSeenAt: '2026-03-16T00:00:00.000Z' })]);
    expect(r.Prospecting).toEqual([1, 3, 3, 3, 7]);
    expect(r.Qualification).toEqual([1, 12, 12, 12, 10]);
    expect(r['Closed Lost']).toBeUndefined(); // closed stages are no stage to sit in
  });

  it('skips the first stage when creation is unknown, and the current stage (still open)', () => {
    const r = days([move('a', '2026-03-03T00:00Z', 'Prospecting', 'Qualification'), move('a', '2026-03-08T00:00Z', 'Qualification', 'Proposal')]);
    expect([r.Prospecting![0], r.Qualification![0], r.Proposal![0]]).toEqual([0, 1, 0]);
  });

  it('in a period: stays that ended in it', () => {
    const history = [move('a', '2026-02-20T00:00Z', 'Prospecting', 'Qualification'), move('a', '2026-03-02T00:00Z', 'Qualification', 'Proposal')];
    const deals = [deal('a', { createdAt: '2026-02-10T00:00:00.000Z', stage: 'Proposal' })];
    const r = days(history, deals, march);
    expect([r.Prospecting![0], r.Qualification![1]]).toEqual([0, 10]);
  });

  it('open stages outside the plan are listed after it', () => {
    const r = days([move('a', '2026-03-03T00:00Z', 'Discovery', 'Prospecting')], [deal('a', { createdAt: '2026-03-01T00:00:00.000Z' })]);
    expect(Object.keys(r)).toEqual([...STAGES, 'Discovery']);
    expect(r.Discovery).toEqual([1, 2, 2, 2, 10]); // its target: the default for discovery stages
  });
});

describe('deals over their stage target', () => {
  const now = new Date('2026-03-31T00:00:00.000Z');
  it('open deals at or past target, oldest first', () => {
    const deals = [
      deal('a', { stage: 'Prospecting', stageEnteredAt: '2026-03-24T00:00:00.000Z' }), // 7 days: at target
      deal('b', { stage: 'Prospecting', stageEnteredAt: '2026-03-25T00:00:00.000Z' }), // 6 days
      deal('c', { stage: 'Negotiation', stageEnteredAt: '2026-02-01T00:00:00.000Z' }), // 58 days
      deal('d', { stage: 'Negotiation', stageEnteredAt: '2026-01-01T00:00:00.000Z', status: 'won' }),
    ];
    expect(dealsOverTarget(deals, { Prospecting: 7, Negotiation: 21 }, now).map(d => [d.id, d.days, d.targetDays])).toEqual([
      ['c', 58, 21],
      ['a', 7, 7],
    ]);
  });
  it('none without deals', () => expect(dealsOverTarget([], {}, now)).toEqual([]));
});

describe('pipeline', () => {
  const deals = [
    deal('a', { stage: 'Prospecting', amount: 1000 }),
    deal('b', { stage: 'Proposal', amount: 2000, closeDate: '2026-03-20' }),
    deal('c', { stage: 'Proposal', amount: 1000, currency: 'EUR', closeDate: '2026-05-01' }),
    deal('d', { stage: 'Custom stage', amount: 500 }),
    deal('e', { stage: 'Negotiation', amount: null }),
    deal('f', { stage: 'Negotiation', amount: 9999, status: 'won' }),
  ];

  it('by stage, weighted by position by default (stage i of n: (i + 1) / (n + 1))', () => {
    const p = pipeline(deals, rates, { stages: STAGES, closingBefore: '2026-04-01' });
    expect(p.stages.map(s => [s.stage, s.count, s.value.total, s.probability, s.weighted.total])).toEqual([
      ['Prospecting', 1, 1000, 0.2, 200],
      ['Qualification', 0, 0, 0.4, 0],
      ['Proposal', 2, 3100, 0.6, 1860],
      ['Negotiation', 1, 0, 0.8, 0],
      ['Custom stage', 1, 500, null, 0],
    ]);
    expect([p.count, p.value.total, p.value.unknownAmounts, p.weighted.total, p.unweightedDeals]).toEqual([5, 4600, 1, 2060, 1]);
    expect(p.closing!.total).toBe(3500); // b closes in March; a, d and e have no close date; c closes in May
  });

  it('configured probabilities win', () => {
    const p = pipeline(deals, rates, { stages: STAGES, stageProbabilities: { Proposal: 0.5, 'Custom stage': 0.1 } });
    expect(p.weighted.total).toBe(200 + 1550 + 50);
    expect(p.closing).toBeNull();
  });

  it.each([
    ['Prospecting', {}, 0.2],
    ['Negotiation', {}, 0.8],
    ['Elsewhere', {}, null],
    ['Elsewhere', { Elsewhere: 0.3 }, 0.3],
    ['Prospecting', { Prospecting: 2 }, 0.2], // nonsense is ignored
  ])('%s with %j has probability %s', (stage, configured, p) => expect(stageProbability(stage, STAGES, configured)).toBe(p));

  it.each([
    ['half covered', 50_000, 100_000, 0, 0.5],
    ['part attained', 50_000, 100_000, 75_000, 2],
    ['quota met', 50_000, 100_000, 120_000, null],
    ['no quota', 50_000, 0, 0, null],
  ])('coverage: %s', (_n, open, quota, attained, coverage) => {
    const c = pipelineCoverage(sumMoney([{ amount: open, currency: 'USD' }], rates), quota, attained);
    expect([c.remaining, c.coverage]).toEqual([Math.max(0, quota - attained), coverage]);
  });
});

describe('discounting', () => {
  it.each([
    [-0.02, 0],
    [0, 0],
    [0.049, 0],
    [0.05, 1],
    [0.1, 2],
    [0.2, 3],
    [0.3, 4],
    [0.6, 4],
  ])('a discount of %s falls in band %i', (d, band) => expect(discountBandOf(d)).toBe(band));

  it('average and distribution of won deals, win rate by band, unknowns counted apart', () => {
    const history = [
      won('a', '2026-03-02T00:00Z', 1, 'USD', 0.02),
      won('b', '2026-03-02T00:00Z', 1, 'USD', 0.12),
      won('c', '2026-03-02T00:00Z', 1, 'USD', 0.16),
      lost('d', '2026-03-02T00:00Z'),
      lost('e', '2026-03-02T00:00Z'),
      won('f', '2026-03-02T00:00Z', 1), // discount unknown
    ];
    const deals = [deal('d', { status: 'lost', discount: 0.15, lastSeenAt: '2026-03-01T00:00:00.000Z' }), deal('e', { status: 'lost', discount: 0.35, lastSeenAt: '2026-03-01T00:00:00.000Z' })];
    const r = discounting(table(history, deals), march);
    expect(r.average).toBeCloseTo(0.1, 10);
    expect([r.count, r.unknown]).toEqual([3, 1]);
    expect(r.bands.map(b => [b.label, b.won, b.lost, b.winRate])).toEqual([
      ['0–5 %', 1, 0, 1],
      ['5–10 %', 0, 0, null],
      ['10–20 %', 2, 1, 2 / 3],
      ['20–30 %', 0, 0, null],
      ['30 %+', 0, 1, 0],
    ]);
  });
  it('no data', () => expect(discounting(table([]), march)).toMatchObject({ average: null, count: 0, unknown: 0 }));
});

describe('ROI on training', () => {
  const tz = { ...rates, timeZone: 'UTC' };
  const history = [
    won('a', '2026-02-20T10:00Z', 1000), // before the training
    won('b', '2026-03-05T10:00Z', 3000), // after
    won('c', '2026-03-06T10:00Z', 1000, 'EUR'),
    ev('call', '2026-03-07T10:00Z'),
  ];
  const training = ev('training', '2026-03-01T09:00Z', { amount: 500, currency: 'USD', meta: { subject: 'Negotiation masterclass' } });

  it('compares equal windows before and after, and labels it an estimate', () => {
    const days = [...aggregateAll([...history, training], 'UTC').days.values()];
    const [r] = trainingRoi([training], days, tz, new Date('2026-06-01T00:00:00Z'), 30);
    expect(r).toMatchObject({ estimate: true, subject: 'Negotiation masterclass', date: '2026-03-01', cost: 500, windowDays: 30, revenueDifference: 3100, roi: 5.2 });
    expect([r!.before.startDate, r!.before.endDate, r!.after.startDate, r!.after.endDate]).toEqual(['2026-01-30', '2026-03-01', '2026-03-01', '2026-03-31']);
    expect([r!.before.dealsWon, r!.after.dealsWon, r!.after.calls, r!.after.winRate]).toEqual([1, 2, 1, 1]);
  });

  it('shortens both windows to what has happened since', () => {
    const days = [...aggregateAll(history, 'UTC').days.values()];
    const [r] = trainingRoi([training], days, tz, new Date('2026-03-11T12:00:00Z'), 30);
    expect([r!.windowDays, r!.before.startDate, r!.after.endDate]).toEqual([10, '2026-02-19', '2026-03-11']);
  });

  it('is unknown on the training day and without a cost', () => {
    const [today] = trainingRoi([training], [], tz, new Date('2026-03-01T12:00:00Z'));
    expect([today!.windowDays, today!.roi]).toEqual([0, null]);
    const [free] = trainingRoi([{ ...training, amount: undefined }], [], tz, new Date('2026-06-01T00:00:00Z'));
    expect([free!.cost, free!.roi]).toEqual([null, null]);
    const [unpriced] = trainingRoi([{ ...training, currency: undefined }], [], tz, new Date('2026-06-01T00:00:00Z'));
    expect(unpriced!.cost).toBeNull(); // no currency: not silently the plan's
  });

  it('ignores trainings still to come', () => expect(trainingRoi([training], [], tz, new Date('2026-02-01T00:00:00Z'))).toEqual([]));
});

describe('summarize', () => {
  it.each([
    [[], { count: 0, mean: null, median: null, p90: null }],
    [[5], { count: 1, mean: 5, median: 5, p90: 5 }],
    [[1, 3], { count: 2, mean: 2, median: 2, p90: 3 }],
    [[10, 1, 4, 7, 2, 9, 3, 8, 6, 5], { count: 10, mean: 5.5, median: 5.5, p90: 9 }],
    [[1, 1, 1, 100], { count: 4, mean: 25.75, median: 1, p90: 100 }],
  ])('%j', (values, expected) => expect(summarize(values)).toEqual(expected));
});
