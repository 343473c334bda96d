// Goals (issue #5): the plan in force, quota for any period, attainment, pacing,
// projection and the gap worked back down the pyramid.
import type { Money } from './money';
import {
  addDays,
  datesFrom,
  daysBetween,
  fiscalOf,
  holidaySet,
  isWorkingDay,
  localDateOf,
  periodDates,
  startOfLocalDate,
  workingDaysBetween,
  type ZonedPeriod,
} from './periods';
import type { Plan, PlanRevision } from './plan';
import { ratio, round2 } from './stats';

/** The latest revision effective on or before the local date, or null before the first one. */
export function planInForce(plan: Pick<Plan, 'annual'>, date: string): PlanRevision | null {
  let best: PlanRevision | null = null;
  for (const r of plan.annual) if (r.effectiveFrom <= date && (best === null || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

/** The revision that governs a date: the one in force, else the earliest (a plan entered mid-year covers the year). */
export function governingRevision(plan: Pick<Plan, 'annual'>, date: string): PlanRevision | null {
  const inForce = planInForce(plan, date);
  if (inForce) return inForce;
  let earliest: PlanRevision | null = null;
  for (const r of plan.annual) if (earliest === null || r.effectiveFrom < earliest.effectiveFrom) earliest = r;
  return earliest;
}

/** A fiscal quarter's quota in a revision: its own figure when given, else a quarter of the annual quota. */
export const quarterQuota = (r: PlanRevision, quarter: number): number => r.quarterQuotas?.[quarter - 1] ?? r.annualQuota / 4;

type QuotaPlan = Pick<Plan, 'annual' | 'fiscalYearStartMonth' | 'holidays'>;

/**
 * The quota of any run of local days. Each working day carries its fiscal quarter's
 * quota (from the revision in force that day) divided by the quarter's working days,
 * so a quarter adds up to its quota, a month or week is prorated by working days, and
 * a revision made mid-quarter counts from the day it takes effect.
 */
export function quotaFor(plan: QuotaPlan, period: Pick<ZonedPeriod, 'startDate' | 'endDate'>): number {
  if (plan.annual.length === 0) return 0;
  const holidays = holidaySet(plan.holidays);
  let total = 0;
  // The fiscal quarter the walk is in: found once per quarter, not once per day (the
  // badges ask for the quota of every quarter with a win, the scorecard for three periods).
  let quarterEnd = '';
  let working = 0;
  let calendar = 0;
  let fiscalQuarter = 0;
  for (const [d, weekday] of datesFrom(period.startDate, addDays(period.endDate, -1))) {
    if (d >= quarterEnd) {
      const q = periodDates('quarter', d, { weekStartsOn: 1, fiscalYearStartMonth: plan.fiscalYearStartMonth });
      quarterEnd = q.endDate;
      working = workingDaysBetween(q.startDate, q.endDate, holidays);
      calendar = daysBetween(q.startDate, q.endDate);
      fiscalQuarter = fiscalOf(q.startDate, plan.fiscalYearStartMonth).fiscalQuarter;
    }
    const quota = quarterQuota(governingRevision(plan, d)!, fiscalQuarter);
    if (working > 0) {
      if (weekday !== 0 && weekday !== 6 && !holidays.has(d)) total += quota / working;
    } else {
      // A quarter with no working day at all (every day a holiday): spread over calendar days.
      total += quota / calendar;
    }
  }
  return round2(total);
}

export interface Attainment {
  /** Won in the period, converted to the plan's currency. */
  attained: number;
  quota: number;
  /** attained / quota; null without a quota. */
  ratio: number | null;
  currency: string;
  /** Won amounts that could not be converted, per currency: not in `attained`. */
  unconverted: Record<string, number>;
  /** Won deals with no amount. */
  unknownAmounts: number;
}

export function attainment(won: Money, quota: number): Attainment {
  return {
    attained: won.total,
    quota,
    ratio: quota > 0 ? won.total / quota : null,
    currency: won.currency,
    unconverted: won.unconverted,
    unknownAmounts: won.unknownAmounts,
  };
}

export interface Pace {
  /** Share of the period gone by: 0 to 1. */
  elapsed: number;
  /** What the quota asks for by now at this pace. */
  expected: number;
  /** actual − expected: positive is ahead, negative behind. */
  ahead: number;
  /** Where the period ends at the current run rate (actual / elapsed); null before it starts. */
  projected: number | null;
}

export interface Pacing {
  quota: number;
  actual: number;
  /** By time: every hour of the period weighs the same. */
  linear: Pace;
  /** By working days: weekends and holidays ask for nothing. Null in a period without working days. */
  workingDays: Pace | null;
  /** From the working-day pace (the linear one without working days): within 1 % of quota is on pace. */
  status: 'ahead' | 'on pace' | 'behind';
}

/** Share of the period's working days gone by at `now`, counting today's elapsed part. */
export function workingElapsed(period: ZonedPeriod, now: Date, holidays: ReadonlySet<string>): number | null {
  const total = workingDaysBetween(period.startDate, period.endDate, holidays);
  if (total === 0) return null;
  const iso = now.toISOString();
  if (iso < period.from) return 0;
  if (iso >= period.to) return 1;
  const today = localDateOf(now, period.timeZone);
  let done = workingDaysBetween(period.startDate, today, holidays);
  if (isWorkingDay(today, holidays)) {
    const start = startOfLocalDate(today, period.timeZone);
    const end = startOfLocalDate(addDays(today, 1), period.timeZone);
    done += (now.getTime() - start) / (end - start);
  }
  return done / total;
}

function pace(quota: number, actual: number, elapsed: number): Pace {
  const expected = round2(quota * elapsed);
  return { elapsed, expected, ahead: round2(actual - expected), projected: elapsed > 0 ? round2(actual / elapsed) : null };
}

/** Expected to date against actual, linear and by working days, and the run-rate projection. */
export function pacing(plan: Pick<Plan, 'holidays'>, period: ZonedPeriod, quota: number, actual: number, now: Date): Pacing {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const linearElapsed = Math.min(1, Math.max(0, (now.getTime() - from) / (to - from)));
  const linear = pace(quota, actual, linearElapsed);
  const w = workingElapsed(period, now, holidaySet(plan.holidays));
  const workingDays = w === null ? null : pace(quota, actual, w);
  const ahead = (workingDays ?? linear).ahead;
  const status = Math.abs(ahead) <= 0.01 * quota ? 'on pace' : ahead > 0 ? 'ahead' : 'behind';
  return { quota, actual, linear, workingDays, status };
}

// ---- the pyramid -------------------------------------------------------------------------

export interface FunnelHistory {
  calls: number;
  meetings: number;
  proposals: number;
  /** Deals won and lost (latest close per deal). */
  won: number;
  lost: number;
  /** Won value in the plan's currency, over `wonWithAmount` deals whose amount converted. */
  wonValue: number;
  wonWithAmount: number;
}

export interface ConversionRatios {
  /** Meetings per call. */
  callsToMeetings: number | null;
  /** Proposals per meeting. */
  meetingsToProposals: number | null;
  /** Wins per proposal. */
  proposalsToWins: number | null;
  /** won / (won + lost). */
  winRate: number | null;
  averageDealSize: number | null;
  history: FunnelHistory;
}

/** The rep's own ratios; null where there is no data (never NaN or Infinity). */
export function conversionRatios(h: FunnelHistory): ConversionRatios {
  return {
    callsToMeetings: ratio(h.meetings, h.calls),
    meetingsToProposals: ratio(h.proposals, h.meetings),
    proposalsToWins: ratio(h.won, h.proposals),
    winRate: ratio(h.won, h.won + h.lost),
    averageDealSize: h.wonWithAmount > 0 ? round2(h.wonValue / h.wonWithAmount) : null,
    history: h,
  };
}

export interface PyramidGap {
  /** Quota still to close, in the plan's currency. */
  gap: number;
  /** More deals to win at the average deal size; null when the size is unknown. */
  deals: number | null;
  /** Deals to work to a close at the win rate (won + lost) to win `deals`. */
  dealsToWork: number | null;
  proposals: number | null;
  meetings: number | null;
  calls: number | null;
  ratios: ConversionRatios;
}

/** Divides, rounding up; unknown (null) when either side is unknown or the ratio is 0. */
const needed = (n: number | null, per: number | null): number | null => (n === null || per === null || per <= 0 ? null : Math.ceil(n / per - 1e-9));

/**
 * "N more deals at your average size and win rate means M more proposals, K more
 * meetings, J more calls": the gap divided by the average deal size, then back down the
 * rep's own wins-per-proposal, proposals-per-meeting and meetings-per-call.
 */
export function pyramidGap(gap: number, ratios: ConversionRatios): PyramidGap {
  if (gap <= 0) return { gap: 0, deals: 0, dealsToWork: 0, proposals: 0, meetings: 0, calls: 0, ratios };
  const deals = needed(gap, ratios.averageDealSize);
  const proposals = needed(deals, ratios.proposalsToWins);
  const meetings = needed(proposals, ratios.meetingsToProposals);
  return {
    gap: round2(gap),
    deals,
    dealsToWork: needed(deals, ratios.winRate),
    proposals,
    meetings,
    calls: needed(meetings, ratios.callsToMeetings),
    ratios,
  };
}
