// Computing the saved scorecards (issue #6, "Speed"): the reads behind a scorecard, and one
// snapshot per period from them (lib/scorecard-snapshot.ts). The background runs this after
// writes (lib/scorecard-refresh-background.ts), so the side panel opens on an exact scorecard
// read from storage; the panel runs the same code itself only when no current one arrives.
// No signals, no WXT: it runs in the service worker, in pages and in Node.
import Dexie from 'dexie';
import type { PacerDb } from './db';
import { readDataVersion } from './data-version';
import { DAYS_TIME_ZONE_KEY } from './days';
import { readDealHistory } from './deal-history-store';
import type { DailyAggregate } from './metrics/aggregate';
import { wonDeals, type WonDeal } from './metrics/charts';
import type { StoredDealHistory } from './metrics/deal-history';
import { HISTORY_TYPES, toDealHistory } from './metrics/deals';
import { addDays, localDateOf, periodContaining, previousPeriod, type PeriodKind } from './metrics/periods';
import type { Plan } from './metrics/plan';
import { scorecardFromAggregates } from './metrics/scorecard';
import type { ActivityEvent, DealSnapshot } from './model';
import { isExact, planHash, readSnapshot, saveSnapshotIfNewer, type ScorecardSnapshot, type SnapshotSource } from './scorecard-snapshot';

export type ScorecardPeriod = 'week' | 'month' | 'quarter' | 'year';
export const SCORECARD_PERIOD_VALUES: readonly ScorecardPeriod[] = ['week', 'month', 'quarter', 'year'];
export const isScorecardPeriod = (p: unknown): p is ScorecardPeriod => SCORECARD_PERIOD_VALUES.includes(p as ScorecardPeriod);
export const periodKindOf = (p: ScorecardPeriod): PeriodKind => (p === 'year' ? 'fiscalYear' : p);

export interface ScorecardInputs {
  /** The data version the inputs were read at (one transaction: exactly this version). */
  dataVersion: number;
  /** The zone the day rows are counted in (meta), when recorded. */
  daysTimeZone: string | undefined;
  days: DailyAggregate[];
  /** History events: read only while `dealHistory` is null (being rebuilt); else empty. */
  history: ActivityEvent[];
  /** The per-deal history rows the background keeps (schema v6): one row a deal, not every event. */
  dealHistory: StoredDealHistory | null;
  deals: DealSnapshot[];
}

/**
 * The reads behind one scorecard: the day rows, the deal-history rows (or, while they are
 * rebuilt, the history events by type), the deals; never a scan of all events. One read
 * transaction, so the data version names exactly the data read.
 */
export function readScorecardInputs(db: PacerDb): Promise<ScorecardInputs> {
  return db.transaction('r', [db.meta, db.days, db.dealHistory, db.deals, db.events], async () => {
    const [dataVersion, meta, days, dealHistory, deals] = await Promise.all([
      readDataVersion(db),
      db.meta.get(DAYS_TIME_ZONE_KEY),
      // Every day row, not just the two periods': streaks, personal bests, badges and the
      // pyramid's conversion ratios read the whole history. Rows are small (one a day).
      db.days.toArray(),
      readDealHistory(db),
      db.deals.toArray(),
    ]);
    const history = dealHistory
      ? []
      : (await Promise.all(HISTORY_TYPES.map(t => db.events.where('[type+at]').between([t, Dexie.minKey], [t, Dexie.maxKey], true, true).toArray()))).flat();
    return { dataVersion, daysTimeZone: meta?.value, days, history, dealHistory, deals };
  });
}

/** What, besides data and plan, a saved scorecard depends on: the period's dates and today's date (pacing); null when the plan cannot place it. */
export function snapshotPeriodKey(plan: Plan, p: ScorecardPeriod, now: Date): string | null {
  try {
    const cur = periodContaining(periodKindOf(p), now, plan);
    return `${p}|${cur.startDate}|${cur.endDate}|${localDateOf(now, plan.timeZone)}`;
  } catch {
    return null;
  }
}

/**
 * The day rows a saved scorecard keeps: what the panel draws from them (the period's and the
 * previous one's sparklines, "This week", the charts' eight weeks or more), not all history,
 * so the saved row stays small and quick to read.
 */
export function snapshotDays(days: readonly DailyAggregate[], plan: Plan, p: ScorecardPeriod, now: Date): DailyAggregate[] {
  const cur = periodContaining(periodKindOf(p), now, plan);
  const prev = previousPeriod(cur, plan);
  const today = localDateOf(now, plan.timeZone);
  const from = [prev.startDate, addDays(cur.startDate, -7), addDays(today, -70)].sort()[0]!;
  return days.filter(d => d.day >= from && d.day < cur.endDate);
}

/** False while the day rows are counted in another zone than the plan's (the background rebuilds them): no scorecard from them. */
export const inputsFitPlan = (inputs: Pick<ScorecardInputs, 'daysTimeZone'>, plan: Pick<Plan, 'timeZone'>): boolean =>
  inputs.daysTimeZone === undefined || inputs.daysTimeZone === plan.timeZone;

/** The won deals the charts draw: period-independent, so one list serves every period's snapshot. */
export const winsOf = (inputs: ScorecardInputs, plan: Plan): WonDeal[] =>
  wonDeals(inputs.dealHistory ? toDealHistory(inputs.dealHistory, plan.stages) : inputs.history, inputs.deals, plan);

/**
 * The won deals a saved scorecard keeps: those closed within its period, the only ones its two
 * charts draw (bookings to date, cycle lengths; lib/metrics/charts.ts). All of them made the
 * saved row two or three times larger (175 KB of 275 KB with 100,000 events), and the open reads it.
 */
export const winsIn = (wins: readonly WonDeal[], p: { from: string; to: string }): WonDeal[] => {
  const from = Date.parse(p.from);
  const to = Date.parse(p.to);
  return wins.filter(w => w.closedMs >= from && w.closedMs < to);
};

/** One period's snapshot from read inputs. Throws what the metrics throw (a plan that cannot place the period). */
export function snapshotFrom(inputs: ScorecardInputs, plan: Plan, p: ScorecardPeriod, now: Date, wins: WonDeal[], source: SnapshotSource): ScorecardSnapshot | null {
  const periodKey = snapshotPeriodKey(plan, p, now);
  if (periodKey === null) return null;
  const scorecard = scorecardFromAggregates(inputs.days, inputs.dealHistory ?? inputs.history, inputs.deals, plan, periodKindOf(p), now);
  return {
    period: p,
    periodKey,
    dataVersion: inputs.dataVersion,
    planHash: planHash(plan),
    computedAt: new Date().toISOString(),
    source,
    scorecard,
    days: snapshotDays(inputs.days, plan, p, now),
    wins: winsIn(wins, scorecard.current.period),
  };
}

export interface RefreshOptions {
  plan: Plan;
  /** In order: the first is computed and saved before the others are begun. */
  periods: readonly ScorecardPeriod[];
  now: Date;
  /** Recompute even a snapshot that looks current (a write happened: trust the write, not the version). */
  force: boolean;
  /** How many of `periods` are computed whatever happens; the rest are skipped once `interrupted` says newer writes wait (the next run serves them). */
  required?: number;
  interrupted?: () => boolean;
  /** Called as each period's snapshot is saved. */
  onSaved?: (snapshot: ScorecardSnapshot) => void;
}

const yieldToEvents = () => new Promise<void>(resolve => setTimeout(resolve, 0));

/** Performance marks of each refresh, read by the side-panel benchmark from the worker (scripts/bench-sidepanel.ts): begun, inputs read, each period saved. */
export const REFRESH_BEGUN = 'pacer:refresh-begun';
export const REFRESH_INPUTS_READ = 'pacer:refresh-inputs-read';
export const REFRESH_SAVED = 'pacer:refresh-saved';
/** A long-lived worker keeps at most this many of each mark. */
const MARKS_KEPT = 500;
function mark(name: string, detail: unknown): void {
  if (typeof performance === 'undefined' || !performance.mark) return;
  if (performance.getEntriesByName(name).length >= MARKS_KEPT) performance.clearMarks(name);
  performance.mark(name, { detail });
}

/**
 * Brings the saved scorecards of `periods` up to date: reads the inputs once (only if one of
 * them needs computing), computes each period in turn and saves it. Returns the periods saved.
 * Between periods it yields, so a capture waiting in the worker is stored without waiting
 * for all four.
 */
export async function refreshSnapshots(db: PacerDb, o: RefreshOptions): Promise<ScorecardPeriod[]> {
  const hash = planHash(o.plan);
  let todo = [...new Set(o.periods)];
  if (!o.force) {
    const version = await readDataVersion(db);
    const current = await Promise.all(todo.map(async p => {
      const saved = await readSnapshot(db, p);
      const periodKey = snapshotPeriodKey(o.plan, p, o.now);
      return !!saved && periodKey !== null && isExact(saved, { periodKey, dataVersion: version, planHash: hash });
    }));
    todo = todo.filter((_, i) => !current[i]);
  }
  if (todo.length === 0) return [];
  mark(REFRESH_BEGUN, { periods: todo, force: o.force });
  const inputs = await readScorecardInputs(db);
  mark(REFRESH_INPUTS_READ, { dataVersion: inputs.dataVersion });
  if (!inputsFitPlan(inputs, o.plan)) return [];
  let wins: WonDeal[];
  try {
    wins = winsOf(inputs, o.plan);
  } catch {
    wins = []; // the scorecard itself says what is wrong
  }
  const saved: ScorecardPeriod[] = [];
  for (const [i, p] of todo.entries()) {
    if (i > 0) {
      await yieldToEvents();
      if (i >= (o.required ?? 1) && o.interrupted?.()) break;
    }
    let snapshot: ScorecardSnapshot | null;
    try {
      snapshot = snapshotFrom(inputs, o.plan, p, o.now, wins, 'background');
    } catch {
      continue; // the plan cannot place this period: the panel computes it and shows why
    }
    if (!snapshot || !(await saveSnapshotIfNewer(db, snapshot))) continue;
    saved.push(p);
    mark(REFRESH_SAVED, { period: p, dataVersion: snapshot.dataVersion });
    o.onSaved?.(snapshot);
  }
  return saved;
}
