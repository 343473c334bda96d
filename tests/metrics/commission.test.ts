import { describe, expect, it } from 'vitest';
import { commissionFor, whatThisDealEarns } from '../../lib/metrics/commission';
import type { CommissionPlan } from '../../lib/metrics/plan';
import { deal, plan } from './make';

const standard: CommissionPlan = {
  period: 'quarter',
  tiers: [{ fromAttainment: 0, rate: 0.1 }],
  accelerator: { above: 1, multiplier: 1.5 },
  decelerator: { below: 0.5, multiplier: 0.5 },
};
const tiered: CommissionPlan = {
  period: 'quarter',
  tiers: [
    { fromAttainment: 0, rate: 0.05 },
    { fromAttainment: 0.5, rate: 0.1 },
    { fromAttainment: 1, rate: 0.15 },
  ],
};

describe('commissionFor', () => {
  it.each<[string, number, number, CommissionPlan, number | null, boolean, boolean]>([
    // name, attained, quota, plan, payout, decelerated, capped
    ['nothing won', 0, 100_000, standard, 0, true, false],
    ['below the decelerator threshold: the whole payout halves', 40_000, 100_000, standard, 2_000, true, false],
    ['at the threshold: full rate', 50_000, 100_000, standard, 5_000, false, false],
    ['at quota', 100_000, 100_000, standard, 10_000, false, false],
    ['above quota: accelerated on the excess only', 120_000, 100_000, standard, 13_000, false, false],
    ['tiers apply marginally', 120_000, 100_000, tiered, 10_500, false, false],
    ['an attainment cap stops commission at 150 %', 200_000, 100_000, { ...standard, cap: { maxAttainment: 1.5 } }, 17_500, false, true],
    ['a payout cap', 120_000, 100_000, { ...standard, cap: { maxPayout: 12_000 } }, 12_000, false, true],
    ['a payout cap not reached', 50_000, 100_000, { ...standard, cap: { maxPayout: 12_000 } }, 5_000, false, false],
    ['without a quota: unknown', 50_000, 0, standard, null, false, false],
    ['refunds never make it negative', -5_000, 100_000, tiered, 0, false, false],
  ])('%s', (_name, attained, quota, p, payout, decelerated, capped) => {
    const r = commissionFor(attained, quota, p);
    expect([r.payout, r.decelerated, r.capped]).toEqual([payout, decelerated, capped]);
  });

  it('shows the bands it paid', () => {
    const r = commissionFor(120_000, 100_000, tiered);
    expect(r.bands).toEqual([
      { fromAttainment: 0, toAttainment: 0.5, revenue: 50_000, rate: 0.05, payout: 2_500 },
      { fromAttainment: 0.5, toAttainment: 1, revenue: 50_000, rate: 0.1, payout: 5_000 },
      { fromAttainment: 1, toAttainment: null, revenue: 20_000, rate: 0.15, payout: 3_000 },
    ]);
    expect([r.attainment, r.effectiveRate]).toEqual([1.2, 0.0875]);
  });

  it('payout never goes down as revenue goes up', () => {
    let last = -1;
    for (let a = 0; a <= 250_000; a += 2_500) {
      const p = commissionFor(a, 100_000, { ...standard, cap: { maxAttainment: 2 } }).payout!;
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
  });
});

describe('what this deal earns', () => {
  const p = plan({ commission: standard, rates: { EUR: 1.1 } });
  const at40 = { attained: 40_000, quota: 100_000 };

  it('a deal that lifts attainment past the decelerator earns back the difference', () => {
    const r = whatThisDealEarns(deal('a', { stage: 'Proposal', amount: 20_000 }), p, at40);
    expect(r).toEqual({ dealId: 'a', probability: 0.6, amount: 20_000, earns: 4_000, expected: 2_400, attainmentAfter: 0.6 });
  });

  it('converts the deal currency', () => {
    expect(whatThisDealEarns(deal('a', { amount: 10_000, currency: 'EUR' }), p, { attained: 100_000, quota: 100_000 }).earns).toBe(1_650);
  });

  it.each([
    ['no amount', deal('a', { amount: null }), at40, 'no amount'],
    ['no rate for its currency', deal('a', { currency: 'JPY' }), at40, 'no exchange rate'],
    ['no quota', deal('a'), { attained: 0, quota: 0 }, 'no quota'],
    ['a closed deal', deal('a', { status: 'won' }), at40, 'not open'],
  ] as const)('unknown with %s', (_name, d, current, reason) => {
    const r = whatThisDealEarns(d, p, current);
    expect([r.earns, r.expected, r.reason]).toEqual([null, null, reason]);
  });
});
