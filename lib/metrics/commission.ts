// Incentive compensation estimate (issue #5): tiered rates by attainment band, an
// accelerator above 100 %, a decelerator below a threshold, caps; and what one more
// deal would add. Tier rates and the accelerator apply marginally, like tax brackets
// (revenue above 100 % earns the accelerated rate). The decelerator is a state: while
// attainment stays below its threshold the whole payout is scaled down, so the deal that
// crosses the threshold earns back the difference. Tiers alone already express
// per-band rates; that is why the decelerator means something else.
import type { DealSnapshot } from '../model';
import { stageProbability } from './kpis';
import { convert } from './money';
import type { CommissionPlan, Plan } from './plan';
import { round2 } from './stats';

export interface CommissionBand {
  fromAttainment: number;
  /** null for the open-ended last band. */
  toAttainment: number | null;
  /** Revenue falling in the band. */
  revenue: number;
  /** Effective rate: tier rate × accelerator (× decelerator while below its threshold); 0 beyond an attainment cap. */
  rate: number;
  payout: number;
}

export interface CommissionResult {
  attained: number;
  quota: number;
  attainment: number | null;
  /** Estimated payout in the plan's currency; null without a quota (attainment undefined). */
  payout: number | null;
  /** payout / attained. */
  effectiveRate: number | null;
  /** Bands with revenue in them. */
  bands: CommissionBand[];
  /** True when attainment is below the decelerator's threshold. */
  decelerated: boolean;
  /** True when a cap cut the payout. */
  capped: boolean;
}

/** The marginal rate of revenue just above attainment a (tier × accelerator; 0 past an attainment cap). */
function rateBetween(plan: CommissionPlan, a: number): number {
  let rate = 0;
  for (const t of plan.tiers) if (t.fromAttainment <= a + 1e-12) rate = t.rate;
  if (plan.accelerator && a >= plan.accelerator.above - 1e-12) rate *= plan.accelerator.multiplier;
  if (plan.cap?.maxAttainment !== undefined && a >= plan.cap.maxAttainment - 1e-12) rate = 0;
  return rate;
}

/** Commission on `attained` revenue against `quota`, both in the plan's currency. */
export function commissionFor(attained: number, quota: number, plan: CommissionPlan): CommissionResult {
  const revenue = Math.max(0, Number.isFinite(attained) ? attained : 0);
  if (!(quota > 0)) return { attained: revenue, quota, attainment: null, payout: null, effectiveRate: null, bands: [], decelerated: false, capped: false };
  const attainment = revenue / quota;
  const points = new Set<number>([0]);
  for (const t of plan.tiers) points.add(t.fromAttainment);
  if (plan.accelerator) points.add(plan.accelerator.above);
  if (plan.cap?.maxAttainment !== undefined) points.add(plan.cap.maxAttainment);
  const breaks = [...points].filter(p => p >= 0).sort((x, y) => x - y);
  const bands: CommissionBand[] = [];
  let payout = 0;
  for (let i = 0; i < breaks.length; i++) {
    const a = breaks[i]!;
    const b = breaks[i + 1] ?? null;
    if (attainment <= a) break;
    const upTo = b === null ? attainment : Math.min(b, attainment);
    const bandRevenue = (upTo - a) * quota;
    const rate = rateBetween(plan, a);
    const bandPayout = bandRevenue * rate;
    payout += bandPayout;
    bands.push({ fromAttainment: a, toAttainment: b, revenue: round2(bandRevenue), rate, payout: round2(bandPayout) });
  }
  const decelerated = plan.decelerator !== undefined && attainment < plan.decelerator.below - 1e-12;
  if (decelerated) {
    payout *= plan.decelerator!.multiplier;
    for (const band of bands) {
      band.rate *= plan.decelerator!.multiplier;
      band.payout = round2(band.payout * plan.decelerator!.multiplier);
    }
  }
  let capped = false;
  if (plan.cap?.maxPayout !== undefined && payout > plan.cap.maxPayout) {
    payout = plan.cap.maxPayout;
    capped = true;
  }
  if (plan.cap?.maxAttainment !== undefined && attainment > plan.cap.maxAttainment) capped = true;
  payout = round2(payout);
  return { attained: round2(revenue), quota, attainment, payout, effectiveRate: revenue > 0 ? payout / revenue : null, bands, decelerated, capped };
}

export interface DealEarnings {
  dealId: string;
  /** The deal's amount in the plan's currency; null when unknown or not convertible. */
  amount: number | null;
  /** Extra commission if the deal is won now, on top of what is already earned. */
  earns: number | null;
  /** `earns` × the stage's win probability. */
  expected: number | null;
  probability: number | null;
  attainmentAfter: number | null;
  /** Why `earns` is unknown, when it is. */
  reason?: 'no amount' | 'no exchange rate' | 'no quota' | 'not open';
}

/** "What this deal earns you": payout(attained + deal) − payout(attained), in the plan's currency. */
export function whatThisDealEarns(
  deal: DealSnapshot,
  plan: Pick<Plan, 'commission' | 'currency' | 'rates' | 'stages' | 'stageProbabilities'>,
  current: { attained: number; quota: number },
): DealEarnings {
  const probability = deal.status === 'open' ? stageProbability(deal.stage, plan.stages, plan.stageProbabilities) : null;
  const base = { dealId: deal.id, probability };
  if (deal.status !== 'open') return { ...base, amount: null, earns: null, expected: null, attainmentAfter: null, reason: 'not open' };
  if (deal.amount === null) return { ...base, amount: null, earns: null, expected: null, attainmentAfter: null, reason: 'no amount' };
  const amount = convert(deal.amount, deal.currency, plan);
  if (amount === null) return { ...base, amount: null, earns: null, expected: null, attainmentAfter: null, reason: 'no exchange rate' };
  const before = commissionFor(current.attained, current.quota, plan.commission);
  const after = commissionFor(current.attained + amount, current.quota, plan.commission);
  if (before.payout === null || after.payout === null) return { ...base, amount, earns: null, expected: null, attainmentAfter: null, reason: 'no quota' };
  const earns = round2(after.payout - before.payout);
  return { ...base, amount, earns, expected: probability === null ? null : round2(earns * probability), attainmentAfter: after.attainment };
}
