// Gamification (issue #5): activity score, daily streaks, badges and personal bests,
// all from per-day aggregates (so the background can keep them current cheaply).
import { driversOfTotals, type DailyAggregate } from './aggregate';
import { WON, type DealTable } from './deals';
import { DRIVER_EVENT_TYPE, DRIVERS, type Driver, type DriverCounts } from './drivers';
import { quotaFor } from './goals';
import { convert, RateCache, UNKNOWN_CURRENCY } from './money';
import { addDays, datesFrom, holidaySet, isWorkingDay, periodDates, weekdayOf } from './periods';
import type { DriverTargets, Plan } from './plan';

/** Σ weight × count over the drivers; drivers without a weight count 0. */
export function activityScore(drivers: DriverCounts, weights: DriverTargets): number {
  let score = 0;
  for (const d of DRIVERS) {
    const w = weights[d];
    if (w !== undefined && Number.isFinite(w)) score += w * drivers[d];
  }
  return Math.round(score * 100) / 100;
}

export const dayDrivers = (d: DailyAggregate | undefined): DriverCounts => driversOfTotals(d ?? { counts: {}, conversations: 0 });

/** Daily targets: the plan's own, else a fifth of each weekly target (rounded up); null with neither. */
export function dailyTargetsOf(plan: Pick<Plan, 'dailyTargets' | 'weeklyTargets'>): DriverTargets | null {
  const own = Object.entries(plan.dailyTargets).filter(([, v]) => v !== undefined && v > 0);
  if (own.length > 0) return Object.fromEntries(own);
  const weekly = Object.entries(plan.weeklyTargets).filter(([, v]) => v !== undefined && v > 0);
  if (weekly.length > 0) return Object.fromEntries(weekly.map(([k, v]) => [k, Math.ceil(v! / 5)]));
  return null;
}

/** A day meets its targets when every driver with a target reaches it. */
export function meetsTargets(d: DailyAggregate | undefined, targets: DriverTargets): boolean {
  return meets(d, Object.entries(targets) as [Driver, number][]);
}

function meets(d: DailyAggregate | undefined, targets: readonly (readonly [Driver, number])[]): boolean {
  // Each driver's count read straight from the row (driversFromCounts' rule), without
  // building a DriverCounts per day: streaks ask this of every working day in the history.
  for (const [k, v] of targets) {
    const count = d === undefined ? 0 : k === 'conversations' ? d.conversations : (d.counts[DRIVER_EVENT_TYPE[k]] ?? 0);
    if (count < v) return false;
  }
  return true;
}

export interface Streak {
  targets: DriverTargets;
  /** Working days in a row meeting the targets, up to today (today counts once met; until then it does not break the run). */
  current: number;
  best: number;
  todayMet: boolean;
  /** The local dates on which each run reached 5 and 20 days, for badges. */
  reached: { five: string | null; twenty: string | null };
}

const byDay = (days: Iterable<DailyAggregate>): Map<string, DailyAggregate> => {
  if (days instanceof Map) return days as Map<string, DailyAggregate>;
  const m = new Map<string, DailyAggregate>();
  for (const d of days) m.set(d.day, d);
  return m;
};

/** Daily streaks against daily targets, over working days only (weekends and holidays neither count nor break). */
export function streaks(days: Iterable<DailyAggregate>, plan: Pick<Plan, 'dailyTargets' | 'weeklyTargets' | 'holidays'>, today: string): Streak | null {
  const targets = dailyTargetsOf(plan);
  if (targets === null) return null;
  const map = byDay(days);
  const holidays = holidaySet(plan.holidays);
  let first = today;
  for (const k of map.keys()) if (k < first) first = k;
  let run = 0;
  let best = 0;
  let five: string | null = null;
  let twenty: string | null = null;
  let todayMet = false;
  let current = 0;
  const wanted = Object.entries(targets) as [Driver, number][];
  const noRow = meets(undefined, wanted); // what a day without activity scores
  for (const [d, weekday] of datesFrom(first, today)) {
    if (weekday === 0 || weekday === 6 || holidays.has(d)) continue;
    const row = map.get(d);
    const met = row ? meets(row, wanted) : noRow;
    if (d === today) {
      todayMet = met;
      current = met ? run + 1 : run;
    }
    if (met) {
      run++;
      if (run === 5 && five === null) five = d;
      if (run === 20 && twenty === null) twenty = d;
      if (run > best) best = run;
    } else if (d !== today) run = 0;
  }
  if (!isWorkingDay(today, holidays)) current = run;
  return { targets, current, best, todayMet, reached: { five, twenty } };
}

// ---- badges ------------------------------------------------------------------------------

export const BADGES = [
  { id: 'first-deal-won', label: 'First deal won' },
  { id: 'first-referral', label: 'First referral' },
  { id: 'first-proposal-accepted', label: 'First proposal accepted' },
  { id: 'ten-meetings-week', label: '10 meetings in a week' },
  { id: 'fifty-calls-week', label: '50 calls in a week' },
  { id: 'ten-conversations-day', label: '10 conversations in a day' },
  { id: 'five-day-streak', label: '5-day streak' },
  { id: 'twenty-day-streak', label: '20-day streak' },
  { id: 'quarter-quota-hit', label: 'Quarter quota hit' },
] as const;
export type BadgeId = (typeof BADGES)[number]['id'];

export interface Badge {
  id: BadgeId;
  label: string;
  /** The local date on which it was first earned. */
  earnedAt: string;
}

export const weekStartOf = (day: string, weekStartsOn: number): string => addDays(day, -((weekdayOf(day) - weekStartsOn + 7) % 7));

const sortedDays = (days: Iterable<DailyAggregate>): DailyAggregate[] => [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

/** Won revenue of a day in the plan's currency (convertible amounts only). */
const dayRevenue = (d: DailyAggregate, plan: Pick<Plan, 'currency' | 'rates'>): number => {
  let sum = 0;
  for (const [c, h] of Object.entries(d.wonHundredths)) sum += convert(h / 100, c === UNKNOWN_CURRENCY ? null : c, plan) ?? 0;
  return sum;
};

/** Every badge earned by `today`, in the order earned. */
export function badges(
  days: Iterable<DailyAggregate>,
  plan: Pick<Plan, 'weekStartsOn' | 'fiscalYearStartMonth' | 'annual' | 'holidays' | 'currency' | 'rates' | 'dailyTargets' | 'weeklyTargets'>,
  today: string,
  /** The streak, when already computed for today. */
  streak: Streak | null = streaks(days, plan, today),
): Badge[] {
  const earned = new Map<BadgeId, string>();
  const earn = (id: BadgeId, day: string) => {
    if (!earned.has(id)) earned.set(id, day);
  };
  const list = sortedDays(days).filter(d => d.day <= today);
  let week = '';
  let weekEnd = '';
  let weekCalls = 0;
  let weekMeetings = 0;
  let quarter = '';
  let quarterEnd = '';
  let quarterRevenue = 0;
  let quarterQuota = 0;
  for (const d of list) {
    const c = d.counts;
    if ((c.deal_won ?? 0) > 0) earn('first-deal-won', d.day);
    if ((c.referral_given ?? 0) + (c.referral_received ?? 0) > 0) earn('first-referral', d.day);
    if ((c.proposal_accepted ?? 0) > 0) earn('first-proposal-accepted', d.day);
    if (d.conversations >= 10) earn('ten-conversations-day', d.day);
    if (!(d.day >= week && d.day < weekEnd)) {
      week = weekStartOf(d.day, plan.weekStartsOn);
      weekEnd = addDays(week, 7);
      weekCalls = 0;
      weekMeetings = 0;
    }
    weekCalls += c.call ?? 0;
    weekMeetings += c.meeting ?? 0;
    if (weekCalls >= 50) earn('fifty-calls-week', d.day);
    if (weekMeetings >= 10) earn('ten-meetings-week', d.day);
    if ((c.deal_won ?? 0) > 0) {
      if (!(d.day >= quarter && d.day < quarterEnd)) {
        const q = periodDates('quarter', d.day, plan);
        quarter = q.startDate;
        quarterEnd = q.endDate;
        quarterRevenue = 0;
        quarterQuota = quotaFor(plan, q);
      }
      quarterRevenue += dayRevenue(d, plan);
      if (quarterQuota > 0 && quarterRevenue >= quarterQuota) earn('quarter-quota-hit', d.day);
    }
  }
  if (streak?.reached.five) earn('five-day-streak', streak.reached.five);
  if (streak?.reached.twenty) earn('twenty-day-streak', streak.reached.twenty);
  return BADGES.filter(b => earned.has(b.id))
    .map(b => ({ id: b.id, label: b.label, earnedAt: earned.get(b.id)! }))
    .sort((a, b) => (a.earnedAt < b.earnedAt ? -1 : a.earnedAt > b.earnedAt ? 1 : 0));
}

// ---- personal bests ----------------------------------------------------------------------

export interface PersonalBests {
  mostCallsInADay: { value: number; day: string } | null;
  mostCallsInAWeek: { value: number; weekStart: string } | null;
  bestWeekScore: { value: number; weekStart: string } | null;
  /** In the plan's currency; deals whose amount cannot be converted are not compared. */
  biggestDealWon: { amount: number; currency: string; dealId: string; name: string; closedAt: string } | null;
}

export function personalBests(
  days: Iterable<DailyAggregate>,
  deals: DealTable,
  plan: Pick<Plan, 'weekStartsOn' | 'activityWeights' | 'currency' | 'rates'>,
  today: string,
): PersonalBests {
  let day: PersonalBests['mostCallsInADay'] = null;
  const weeks = new Map<string, DailyAggregate[]>();
  let ws = '';
  let weekEnd = '';
  let list: DailyAggregate[] = [];
  for (const d of sortedDays(days)) {
    if (d.day > today) continue;
    const calls = d.counts.call ?? 0;
    if (calls > 0 && (day === null || calls > day.value)) day = { value: calls, day: d.day };
    if (!(d.day >= ws && d.day < weekEnd)) {
      ws = weekStartOf(d.day, plan.weekStartsOn);
      weekEnd = addDays(ws, 7);
      weeks.set(ws, (list = []));
    }
    list.push(d);
  }
  let weekCalls: PersonalBests['mostCallsInAWeek'] = null;
  let weekScore: PersonalBests['bestWeekScore'] = null;
  for (const [weekStart, list] of weeks) {
    const counts = { counts: {} as Record<string, number>, conversations: 0 };
    for (const d of list) {
      for (const k in d.counts) counts.counts[k] = (counts.counts[k] ?? 0) + d.counts[k as keyof typeof d.counts]!;
      counts.conversations += d.conversations;
    }
    const drivers = driversOfTotals(counts);
    if (drivers.calls > 0 && (weekCalls === null || drivers.calls > weekCalls.value)) weekCalls = { value: drivers.calls, weekStart };
    const score = activityScore(drivers, plan.activityWeights);
    if (score > 0 && (weekScore === null || score > weekScore.value)) weekScore = { value: score, weekStart };
  }
  let biggest: PersonalBests['biggestDealWon'] = null;
  let best = -1;
  let bestAmount = -Infinity;
  const rates = new RateCache(plan);
  for (let i = 0; i < deals.n; i++) {
    const a = deals.amount[i]!;
    if (deals.outcome[i] !== WON || a !== a || deals.closedMs[i]! !== deals.closedMs[i]!) continue;
    const amount = rates.convert(a, deals.currency[i]);
    // Ties go to the earlier close, then the smaller id: the same deal whatever the table's row order.
    const better =
      amount !== null &&
      (amount > bestAmount ||
        (amount === bestAmount && (deals.closedMs[i]! < deals.closedMs[best]! || (deals.closedMs[i] === deals.closedMs[best] && deals.ids[i]! < deals.ids[best]!))));
    if (better) {
      best = i;
      bestAmount = amount;
    }
  }
  if (best >= 0) {
    biggest = {
      amount: Math.round(bestAmount * 100) / 100,
      currency: plan.currency,
      dealId: deals.ids[best]!,
      name: deals.names[best]!,
      closedAt: new Date(deals.closedMs[best]!).toISOString(),
    };
  }
  return { mostCallsInADay: day, mostCallsInAWeek: weekCalls, bestWeekScore: weekScore, biggestDealWon: biggest };
}
