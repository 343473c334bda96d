// The side panel's charts (issue #6), as data: weekly activity by type, cumulative
// bookings against the quota line with the run-rate projection, and the distribution of
// sales-cycle lengths. Pure: the components hand these columns to uPlot as they are
// (x first, then one array per series) and read the same numbers into a text table.
import type { DailyAggregate } from './aggregate';
import { DealHistory, buildDealTable, WON, type DealTable } from './deals';
import { driversFromCounts, type Driver } from './drivers';
import { pacing, quotaFor } from './goals';
import { convert, type Rates } from './money';
import { addDays, daysBetween, localDateOf, startOfLocalDate, weekdayOf, type ZonedPeriod } from './periods';
import type { Plan } from './plan';
import type { ActivityEvent, DealSnapshot } from '../model';
import { DAY_MS, round2, summarize } from './stats';

// ---- weekly activity by type ---------------------------------------------------------------

/** The activity types a week's bar is split into; each sums one or more drivers. */
export const ACTIVITY_GROUPS: readonly { key: string; label: string; drivers: readonly Driver[] }[] = [
  { key: 'calls', label: 'Calls', drivers: ['calls'] },
  { key: 'emails', label: 'Emails', drivers: ['emails'] },
  { key: 'meetings', label: 'Meetings', drivers: ['meetings'] },
  { key: 'linkedin', label: 'LinkedIn', drivers: ['linkedinConnects', 'linkedinMessages', 'linkedinInmails'] },
  { key: 'other', label: 'Leads, referrals, events, proposals', drivers: ['leads', 'referralsGiven', 'referralsReceived', 'eventsAttended', 'proposalsSubmitted'] },
];

export interface WeeklyActivityChart {
  /** Local start date of each week, oldest first. */
  weeks: string[];
  /** Each week's start in Unix seconds (uPlot's x). */
  x: number[];
  /** One series per ACTIVITY_GROUPS entry, one value per week. */
  series: { key: string; label: string; values: number[] }[];
  /** All types per week. */
  totals: number[];
}

/** The local start date of the week holding `date`. */
export const weekStartOfDate = (date: string, weekStartsOn: number): string => addDays(date, -((weekdayOf(date) - weekStartsOn + 7) % 7));

/**
 * The weeks the activity chart shows: those overlapping the period up to today, and at
 * least `minWeeks` ending with today's week (a week-long period still shows a trend).
 */
export function chartWeeks(period: Pick<ZonedPeriod, 'startDate' | 'endDate'>, today: string, weekStartsOn: number, minWeeks = 8): string[] {
  const lastDay = today < period.endDate ? today : addDays(period.endDate, -1);
  const last = weekStartOfDate(lastDay, weekStartsOn);
  const first = weekStartOfDate(period.startDate, weekStartsOn);
  const earliest = addDays(last, -7 * (minWeeks - 1));
  const weeks: string[] = [];
  for (let w = first < earliest ? first : earliest; w <= last; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** Activity per week and type, from the day rows (rows outside the weeks are ignored). */
export function weeklyActivity(days: Iterable<DailyAggregate>, weeks: readonly string[], timeZone: string): WeeklyActivityChart {
  const series = ACTIVITY_GROUPS.map(g => ({ key: g.key, label: g.label, values: weeks.map(() => 0) }));
  const first = weeks[0];
  const end = weeks.length ? addDays(weeks[weeks.length - 1]!, 7) : '';
  for (const d of days) {
    if (first === undefined || d.day < first || d.day >= end) continue;
    // Weeks are consecutive: a day's week is its offset from the first, in sevens.
    const i = Math.floor(daysBetween(first, d.day) / 7);
    const drivers = driversFromCounts(d.counts, d.conversations);
    ACTIVITY_GROUPS.forEach((g, k) => {
      for (const driver of g.drivers) series[k]!.values[i]! += drivers[driver] ?? 0;
    });
  }
  const totals = weeks.map((_, i) => series.reduce((sum, s) => sum + s.values[i]!, 0));
  return { weeks: [...weeks], x: weeks.map(w => Math.floor(startOfLocalDate(w, timeZone) / 1000)), series, totals };
}

// ---- won deals, shared by bookings and the cycle histogram ------------------------------------

export interface WonDeal {
  id: string;
  /** When the deal was (last) won, epoch ms. */
  closedMs: number;
  /** Creation as the CRM showed it, epoch ms; null when unknown (no cycle length). */
  createdMs: number | null;
  amount: number | null;
  currency: string | null;
}

/** The won deals of a deal table, by their latest close (a reopened deal counts once). */
export function wonDealsOf(t: DealTable): WonDeal[] {
  const out: WonDeal[] = [];
  for (let i = 0; i < t.n; i++) {
    if (t.outcome[i] !== WON) continue;
    const amount = t.amount[i]!;
    out.push({
      id: t.ids[i]!,
      closedMs: t.closedMs[i]!,
      createdMs: t.createdKnown[i] === 1 && t.createdMs[i] === t.createdMs[i] ? t.createdMs[i]! : null,
      amount: amount === amount ? amount : null,
      currency: t.currency[i] ?? null,
    });
  }
  return out;
}

/** The won deals from the history events and snapshots, rebuilt the way the scorecard rebuilds them. */
export function wonDeals(history: readonly ActivityEvent[] | DealHistory, deals: readonly DealSnapshot[], plan: Pick<Plan, 'stages' | 'timeZone'>): WonDeal[] {
  return wonDealsOf(buildDealTable(history, deals, plan.stages, plan.timeZone));
}

// ---- cumulative bookings against quota ---------------------------------------------------------

export interface BookingsChart {
  /** Every local date of the period. */
  dates: string[];
  /** Each date's start in Unix seconds. */
  x: number[];
  /** Won amount (plan currency) booked up to and including each date; null after today. */
  actual: (number | null)[];
  /** The quota prorated up to and including each date (working days carry it). */
  quota: number[];
  /** From today's actual to the run-rate finish at the period's end; null before today. */
  projection: (number | null)[];
  /** Booked so far, the period's quota, and the projected finish (null before the period starts). */
  booked: number;
  quotaTotal: number;
  projected: number | null;
  /** Won deals in the period left out of the line: no amount, or no rate for their currency. */
  leftOut: number;
}

/** Cumulative bookings per day of the period, the quota line, and the projection from today. */
export function cumulativeBookings(
  wins: readonly WonDeal[],
  plan: Pick<Plan, 'annual' | 'fiscalYearStartMonth' | 'holidays' | 'timeZone'> & Rates,
  period: ZonedPeriod,
  now: Date,
): BookingsChart {
  const tz = plan.timeZone;
  const dates: string[] = [];
  for (let d = period.startDate; d < period.endDate; d = addDays(d, 1)) dates.push(d);
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const nowMs = now.getTime();
  const perDay = new Map<string, number>();
  let leftOut = 0;
  for (const w of wins) {
    if (!(w.closedMs >= from && w.closedMs < to && w.closedMs <= nowMs)) continue;
    const v = w.amount === null ? null : convert(w.amount, w.currency, plan);
    if (v === null) {
      leftOut++;
      continue;
    }
    const day = localDateOf(w.closedMs, tz);
    perDay.set(day, (perDay.get(day) ?? 0) + v);
  }
  const today = localDateOf(now, tz);
  const actual: (number | null)[] = [];
  const running: number[] = [];
  let booked = 0;
  let quotaSum = 0;
  for (const d of dates) {
    booked += perDay.get(d) ?? 0;
    actual.push(d <= today ? round2(booked) : null);
    quotaSum += quotaFor(plan, { startDate: d, endDate: addDays(d, 1) });
    running.push(quotaSum);
  }
  const bookedNow = round2(booked);
  const quotaTotal = quotaFor(plan, period);
  // Each day's quota is rounded to cents: scale the running sum so the line ends exactly on the period's quota.
  const quota = running.map(q => (quotaSum > 0 ? round2((quotaTotal * q) / quotaSum) : 0));
  const p = pacing(plan, period, quotaTotal, bookedNow, now);
  const projected = (p.workingDays ?? p.linear).projected;
  const projection: (number | null)[] = dates.map(() => null);
  const todayIndex = dates.indexOf(today);
  if (projected !== null && todayIndex >= 0) {
    // A straight line from today's total to the run-rate finish on the last day.
    const last = dates.length - 1;
    const start = actual[todayIndex]!;
    for (let i = todayIndex; i <= last; i++) projection[i] = round2(last === todayIndex ? projected : start + ((projected - start) * (i - todayIndex)) / (last - todayIndex));
  }
  return {
    dates,
    x: dates.map(d => Math.floor(startOfLocalDate(d, tz) / 1000)),
    actual,
    quota,
    projection,
    booked: bookedNow,
    quotaTotal,
    projected,
    leftOut,
  };
}

// ---- sales-cycle lengths --------------------------------------------------------------------

export interface CycleHistogram {
  /** Days per bin. */
  binWidth: number;
  /** Bins from 0 days up, the last one holding the longest cycle. */
  bins: { from: number; to: number; count: number }[];
  /** Deals won in the period with a known creation date. */
  count: number;
  median: number | null;
}

/** Bin widths tried in order: the first that needs at most MAX_BINS bins is used. */
const BIN_WIDTHS = [7, 14, 30, 60, 90, 180, 365];
const MAX_BINS = 8;

/**
 * Cycle lengths (creation → win, days) of the deals won in the period, binned. The same
 * deals the cycle KPI counts: known creation date, won inside the period, not before created.
 */
export function cycleHistogram(wins: readonly WonDeal[], period: Pick<ZonedPeriod, 'from' | 'to'>): CycleHistogram {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const lengths: number[] = [];
  for (const w of wins) {
    if (w.createdMs === null || !(w.closedMs >= from && w.closedMs < to)) continue;
    const d = w.closedMs - w.createdMs;
    if (d >= 0) lengths.push(d / DAY_MS);
  }
  if (lengths.length === 0) return { binWidth: BIN_WIDTHS[0]!, bins: [], count: 0, median: null };
  const longest = Math.max(...lengths);
  const binWidth = BIN_WIDTHS.find(w => Math.floor(longest / w) + 1 <= MAX_BINS) ?? Math.ceil((longest + 1) / MAX_BINS);
  const n = Math.floor(longest / binWidth) + 1;
  const bins = Array.from({ length: n }, (_, i) => ({ from: i * binWidth, to: (i + 1) * binWidth, count: 0 }));
  for (const l of lengths) bins[Math.floor(l / binWidth)]!.count++;
  return { binWidth, bins, count: lengths.length, median: summarize(lengths).median };
}
