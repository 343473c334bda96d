// The side panel's scorecard (issue #6): a signal model fed by reads after every write
// (watchWrites: like liveQuery, but at most one read per RECOMPUTE_EVERY_MS) of the day rows,
// the per-deal history rows the background keeps
// (while they are rebuilt, the deal-history events by the [type+at] index, only
// HISTORY_TYPES) and the deal snapshots, recomputed with scorecardFromAggregates.
// Also the pure shaping the Scorecard component renders, tested without a DOM.
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import Dexie, { type ObservabilitySet } from 'dexie';
import type { PacerDb } from './db';
import { readDataVersion } from './data-version';
import { isExact, planHash, readSnapshot, saveSnapshot, type ScorecardSnapshot } from './scorecard-snapshot';
import { DAYS_TIME_ZONE_KEY } from './days';
import type { DailyAggregate } from './metrics/aggregate';
import { wonDeals, type WonDeal } from './metrics/charts';
import { HISTORY_TYPES, toDealHistory } from './metrics/deals';
import type { StoredDealHistory } from './metrics/deal-history';
import { readDealHistory } from './deal-history-store';
import { driversFromCounts, type Driver } from './metrics/drivers';
import { addDays, eachDate, localDateOf, periodContaining, previousPeriod, startOfLocalDate, type PeriodKind } from './metrics/periods';
import type { Plan } from './metrics/plan';
import { scorecardFromAggregates, type Scorecard } from './metrics/scorecard';
import type { ActivityEvent, DealSnapshot } from './model';
import { planSettings } from './settings';
import type { Loadable } from './store';

export type { Loadable };
export type ScorecardPeriod = 'week' | 'month' | 'quarter' | 'year';
export const SCORECARD_PERIODS: readonly { value: ScorecardPeriod; label: string }[] = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
];
export const periodKindOf = (p: ScorecardPeriod): PeriodKind => (p === 'year' ? 'fiscalYear' : p);

export const period = signal<ScorecardPeriod>('quarter');
export const scorecard = signal<Loadable<Scorecard>>({ status: 'loading' });
/** The plan in force for the scorecard (undefined until read). */
export const scorecardPlan = signal<Plan | undefined>(undefined);
/** Day rows of the period and the previous one: the sparklines' source. */
export const scorecardDays = signal<DailyAggregate[]>([]);
/** Won deals rebuilt from the same history: the bookings and cycle-length charts' source. */
export const scorecardWins = signal<WonDeal[]>([]);
/**
 * True while the scorecard shown is the one saved at the last open (lib/scorecard-snapshot.ts)
 * and the data, plan or day have changed since: the panel marks it "Updating…" until recomputed.
 */
export const scorecardUpdating = signal(false);

interface Inputs {
  /** The data version read before the rest (lib/data-version.ts): the inputs are at least this new. */
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

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** During a burst of writes the scorecard's inputs are read (and it is rebuilt) at most this often, the last write always included. */
export const RECOMPUTE_EVERY_MS = 500;

/** Performance entries the side-panel benchmark reads (scripts/bench-sidepanel.ts): reads done, and each scorecard computation's time. */
export const INPUTS_READ = 'pacer:scorecard-inputs-read';
export const COMPUTED = 'pacer:scorecard-computed';
export const WINS_COMPUTED = 'pacer:scorecard-wins-computed';
export const SNAPSHOT_SHOWN = 'pacer:scorecard-snapshot-shown';
/** Beside SNAPSHOT_SHOWN when the saved scorecard was shown marked "Updating…". */
export const SNAPSHOT_STALE = 'pacer:scorecard-snapshot-stale';
const mark = (name: string) => typeof performance !== 'undefined' && performance.mark?.(name);
const measure = (name: string, start: number) => typeof performance !== 'undefined' && performance.measure?.(name, { start, end: performance.now() });

/** The reads behind one scorecard: the day rows, the history events by type, the deals; never a scan of all events. */
export async function readScorecardInputs(db: PacerDb): Promise<Inputs> {
  // First, and awaited: a write between this read and the rest leaves the saved scorecard
  // labelled older than its data (recomputed at the next open), never newer.
  const dataVersion = await readDataVersion(db);
  const [meta, days, dealHistory, deals] = await Promise.all([
    db.meta.get(DAYS_TIME_ZONE_KEY),
    // Every day row, not just the two periods': streaks, personal bests, badges and the
    // pyramid's conversion ratios read the whole history. Rows are small (one a day,
    // about 365 a year); the raw events are never scanned.
    db.days.toArray(),
    readDealHistory(db),
    db.deals.toArray(),
  ]);
  const history = dealHistory
    ? []
    : (await Promise.all(HISTORY_TYPES.map(t => db.events.where('[type+at]').between([t, Dexie.minKey], [t, Dexie.maxKey], true, true).toArray()))).flat();
  return { dataVersion, daysTimeZone: meta?.value, days, history, dealHistory, deals };
}

/**
 * Reads at once, then again after writes to the database: from this page or any other
 * context (the background's writes arrive through Dexie's BroadcastChannel, as they do for
 * liveQuery). Unlike liveQuery, a burst of writes costs one read per RECOMPUTE_EVERY_MS,
 * never one per commit: reading every day row, deal and history row is what a burst of
 * 100 capture batches would otherwise repeat 100 times. Never two reads at once; the
 * last write always gets a read after it.
 */
/** True when a commit (Dexie's storagemutated) touched this database's data; the panel's own saved scorecards are not data. */
function isDataChange(db: Pick<PacerDb, 'name'>, parts: ObservabilitySet): boolean {
  const prefix = `idb://${db.name}/`;
  const own = `${prefix}scorecardSnapshots/`;
  for (const key in parts) if (key.startsWith(prefix) && !key.startsWith(own)) return true;
  return false;
}

export function watchWrites<T>(
  db: Pick<PacerDb, 'name'>,
  read: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
  everyMs = RECOMPUTE_EVERY_MS,
): (() => void) & { refresh(): void } {
  let stopped = false;
  let reading = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastReadAt = -Infinity;
  const run = async () => {
    timer = undefined;
    if (stopped) return;
    reading = true;
    dirty = false;
    try {
      const value = await read();
      if (!stopped) onValue(value);
    } catch (error) {
      if (!stopped) onError(error);
    } finally {
      reading = false;
      lastReadAt = Date.now();
      if (dirty && !stopped) schedule();
    }
  };
  const schedule = () => {
    if (reading) dirty = true;
    else if (timer === undefined) timer = setTimeout(() => void run(), Math.max(0, lastReadAt + everyMs - Date.now()));
  };
  const onMutated = (parts: ObservabilitySet) => isDataChange(db, parts) && schedule();
  Dexie.on('storagemutated', onMutated);
  void run();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
  /** Reads again (at most once per everyMs), as after a write. */
  return Object.assign(stop, { refresh: () => !stopped && schedule() });
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

type OpenReads = Promise<[Plan, ScorecardSnapshot | undefined, number]>;
let prefetched: { db: PacerDb; period: ScorecardPeriod; reads: OpenReads; written: boolean; stop(): void } | undefined;
const openReads = (db: PacerDb, p: ScorecardPeriod): OpenReads => Promise.all([planSettings.getValue(), readSnapshot(db, p), readDataVersion(db)]);

/** Starts the open's small reads (plan, saved scorecard, data version) before the page's first render; watchScorecard takes them up. */
export function prefetchScorecard(db: PacerDb): void {
  prefetched?.stop();
  // A write before watchScorecard starts watching may land after these reads: remember it,
  // so the saved scorecard is then shown as updating, never as exact.
  // A plan change likewise (settings are part of the snapshot's key).
  const state = { db, period: period.peek(), written: false, stop: () => (Dexie.on.storagemutated.unsubscribe(onMutated), unwatchPlan()), reads: openReads(db, period.peek()) };
  const onMutated = (parts: ObservabilitySet) => void (isDataChange(db, parts) && (state.written = true));
  Dexie.on('storagemutated', onMutated);
  const unwatchPlan = planSettings.watch(() => (state.written = true));
  state.reads.catch(() => {}); // watchScorecard reports, or reads again
  prefetched = state;
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

/**
 * Keeps `scorecard` current: call in the side panel's useEffect and return the stop
 * function. `clock` is the UI's clock signal (lib/store's `now`); a tick recomputes the
 * pacing, and re-queries only when the period's dates change.
 */
export function watchScorecard(db: PacerDb, clock: ReadonlySignal<Date> | { readonly value: Date } = signal(new Date())): () => void {
  let stopped = false;
  const inputs = signal<Loadable<Inputs>>({ status: 'loading' });
  scorecard.value = { status: 'loading' };
  scorecardUpdating.value = false;
  let watched = false; // a change seen by watch is newer than the first read
  /** The saved scorecard on screen until the first computation replaces it. */
  const shown = signal<ScorecardSnapshot | null>(null);
  const skippedFirstRead = signal(false); // a signal: the stale check below runs again once it is known
  // Two tiny reads, beside the plan's: the saved scorecard and the data version. Resolves
  // true when the saved one is exact, and the big read can wait for the next write.
  const early = prefetched?.db === db && prefetched.period === period.peek() ? prefetched : undefined;
  if (prefetched !== early) prefetched?.stop();
  prefetched = undefined; // once: a later watch reads afresh
  const opened = (early?.reads ?? openReads(db, period.peek())).then(
    ([plan, snap, dataVersion]) => {
      early?.stop();
      if (stopped || watched || !snap || snap.period !== period.peek()) return false;
      const periodKey = snapshotPeriodKey(plan, period.peek(), clock.value); // not in an effect: no subscription
      if (periodKey === null) return false;
      // A write since the prefetch's reads began makes the snapshot stale (from here on watchWrites sees every write).
      const exact = isExact(snap, { periodKey, dataVersion, planHash: planHash(plan) }) && !early?.written;
      batch(() => {
        shown.value = snap;
        scorecardPlan.value = plan;
        scorecardDays.value = snap.days;
        scorecardWins.value = snap.wins;
        scorecardUpdating.value = !exact;
        scorecard.value = { status: 'ready', value: snap.scorecard };
      });
      mark(SNAPSHOT_SHOWN);
      if (!exact) mark(SNAPSHOT_STALE);
      return exact;
    },
    () => (early?.stop(), false),
  );
  void planSettings.getValue().then(
    p => !stopped && !watched && (scorecardPlan.value = p),
    e => !stopped && (scorecard.value = { status: 'error', message: `Could not read your plan: ${errorText(e)}` }),
  );
  const unwatchPlan = planSettings.watch(p => {
    watched = true;
    scorecardPlan.value = p ?? undefined;
  });

  // The period and the one before it, for a plan that cannot place them (an error, not a crash).
  const range = computed(() => {
    const plan = scorecardPlan.value;
    if (!plan) return null;
    try {
      const cur = periodContaining(periodKindOf(period.value), clock.value, plan);
      const prev = previousPeriod(cur, plan);
      return `${prev.startDate}|${cur.endDate}`;
    } catch (error) {
      return { error: errorText(error) };
    }
  });
  // Every read covers all periods (all day rows, every deal), so reading need not wait for
  // the plan: it starts at once, beside the plan's read.
  let first = true;
  const stopQuery = watchWrites(
    db,
    async () => {
      if (first) {
        first = false;
        // An exact saved scorecard needs no read until the next write (or another period or day).
        if (await opened) return (skippedFirstRead.value = true), null;
      }
      return readScorecardInputs(db);
    },
    value => {
      if (value === null) return;
      mark(INPUTS_READ);
      inputs.value = { status: 'ready', value }; // runs the compute effects synchronously
    },
    error => (inputs.value = { status: 'error', message: errorText(error) }),
  );
  // After both effects of a read (scorecard, wins) have run: save what the panel shows.
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveLater = (dataVersion: number, plan: Plan, now: Date) => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const s = scorecard.peek();
      const periodKey = snapshotPeriodKey(plan, period.peek(), now);
      if (stopped || s.status !== 'ready' || periodKey === null) return;
      const days = snapshotDays(scorecardDays.peek(), plan, period.peek(), now);
      const snapshot = { period: period.peek(), periodKey, dataVersion, planHash: planHash(plan), computedAt: new Date().toISOString(), scorecard: s.value, days, wins: scorecardWins.peek() };
      void saveSnapshot(db, snapshot);
    }, 0);
  };
  // While an exact saved scorecard stands in for the first read: another period, another day
  // or another plan makes it not exact any more, so read (and mark it, if it is still shown).
  const stopStale = effect(() => {
    const plan = scorecardPlan.value;
    const p = period.value;
    const now = clock.value;
    const s = shown.value;
    if (inputs.value.status !== 'loading' || !skippedFirstRead.value || !plan) return;
    if (s && s.period === p && snapshotPeriodKey(plan, p, now) === s.periodKey && planHash(plan) === s.planHash) return;
    if (s && s.period === p) scorecardUpdating.value = true;
    stopQuery.refresh();
  });
  const stopCompute = effect(() => {
    const r = range.value;
    if (r && typeof r !== 'string') {
      scorecard.value = { status: 'error', message: `Your plan cannot place this period: ${r.error}` };
      return;
    }
    const input = inputs.value;
    const plan = scorecardPlan.value;
    const kind = periodKindOf(period.value);
    const now = clock.value;
    if (input.status !== 'ready' || !plan) {
      if (input.status === 'error') scorecard.value = input;
      else if (shown.value?.period === period.value) return; // the saved scorecard stays on screen
      else if (scorecard.peek().status !== 'error') scorecard.value = { status: 'loading' };
      return;
    }
    // The background rebuilds the day rows after the plan's zone changes; until then they count other days.
    if (input.value.daysTimeZone !== undefined && input.value.daysTimeZone !== plan.timeZone) {
      scorecard.value = { status: 'loading' };
      return;
    }
    try {
      scorecardDays.value = input.value.days;
      const started = typeof performance !== 'undefined' ? performance.now() : NaN;
      const value = scorecardFromAggregates(input.value.days, input.value.dealHistory ?? input.value.history, input.value.deals, plan, kind, now);
      if (started === started) measure(COMPUTED, started);
      batch(() => {
        shown.value = null;
        scorecardUpdating.value = false;
        scorecard.value = { status: 'ready', value };
      });
      saveLater(input.value.dataVersion, plan, now);
    } catch (error) {
      scorecard.value = { status: 'error', message: errorText(error) };
    }
  });
  // Apart from stopCompute: the clock's tick must not rebuild the deal table.
  const stopWins = effect(() => {
    const input = inputs.value;
    const plan = scorecardPlan.value;
    if (input.status !== 'ready' || !plan) return;
    try {
      const started = typeof performance !== 'undefined' ? performance.now() : NaN;
      scorecardWins.value = wonDeals(input.value.dealHistory ? toDealHistory(input.value.dealHistory, plan.stages) : input.value.history, input.value.deals, plan);
      if (started === started) measure(WINS_COMPUTED, started);
    } catch {
      scorecardWins.value = []; // the scorecard itself shows the error
    }
  });
  return () => {
    stopped = true;
    unwatchPlan();
    stopQuery();
    stopStale();
    stopCompute();
    stopWins();
    clearTimeout(saveTimer);
  };
}

// ---- shaping for the UI (pure) ------------------------------------------------------------

export const UNKNOWN = 'unknown';

/** The drivers the scorecard shows, each a sum of metrics drivers (LinkedIn and referrals group several). */
export const SCORECARD_DRIVERS: readonly { key: string; label: string; drivers: readonly Driver[] }[] = [
  { key: 'calls', label: 'Calls', drivers: ['calls'] },
  { key: 'emails', label: 'Emails', drivers: ['emails'] },
  { key: 'meetings', label: 'Meetings', drivers: ['meetings'] },
  { key: 'linkedin', label: 'LinkedIn', drivers: ['linkedinConnects', 'linkedinMessages', 'linkedinInmails'] },
  { key: 'leads', label: 'Leads', drivers: ['leads'] },
  { key: 'referrals', label: 'Referrals', drivers: ['referralsGiven', 'referralsReceived'] },
  { key: 'events', label: 'Events', drivers: ['eventsAttended'] },
];

export type PaceStatus = 'ahead' | 'on pace' | 'behind';

export interface DriverRow {
  driver: string;
  label: string;
  /** The metrics drivers summed in this row. */
  drivers: readonly Driver[];
  actual: number;
  /** Target for the whole period; null when the plan sets none. */
  target: number | null;
  /** What the target asks for by now; null without a target. */
  expected: number | null;
  /** Against `expected`; null without a target. */
  pace: PaceStatus | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Share of the period gone by, by working days when the period has any. */
export const elapsedShare = (s: Scorecard): number => (s.pacing.workingDays ?? s.pacing.linear).elapsed;

/** Driver rows against the period's targets, paced by the share of the period gone by. */
export function driverRows(s: Scorecard): DriverRow[] {
  const elapsed = elapsedShare(s);
  return SCORECARD_DRIVERS.map(({ key, label, drivers }) => {
    const actual = drivers.reduce((sum, d) => sum + (s.current.drivers[d] ?? 0), 0);
    const targets = drivers.map(d => s.current.targets[d]).filter((t): t is number => typeof t === 'number');
    const target = targets.length ? round1(targets.reduce((a, b) => a + b, 0)) : null;
    const expected = target === null ? null : round1(target * elapsed);
    let pace: PaceStatus | null = null;
    if (expected !== null) pace = Math.abs(actual - expected) < 0.5 ? 'on pace' : actual > expected ? 'ahead' : 'behind';
    return { driver: key, label, drivers, actual, target, expected, pace };
  });
}

/** Number formatting for the browser's locale (or a given one). */
export function formatters(locale?: string) {
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const signedPct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const signedOne = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const money = (currency: string, signed = false) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, ...(signed ? { signDisplay: 'exceptZero' as const } : {}) });
    } catch {
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    }
  };
  const known = (n: number | null | undefined, f: Intl.NumberFormat): string => (n === null || n === undefined || !Number.isFinite(n) ? UNKNOWN : f.format(n));
  return {
    int: (n: number | null | undefined) => known(n, int),
    one: (n: number | null | undefined) => known(n, one),
    pct: (n: number | null | undefined) => known(n, pct),
    /** A change in a ratio, as percentage points. */
    pctPoints: (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? UNKNOWN : `${signedOne.format(Math.round(n * 1000) / 10)} pt`),
    signed: (n: number | null | undefined) => known(n, signedOne),
    money: (n: number | null | undefined, currency: string) => known(n, money(currency)),
    signedMoney: (n: number | null | undefined, currency: string) => known(n, money(currency, true)),
    signedPct: (n: number | null | undefined) => known(n, signedPct),
  };
}

export interface KpiRow {
  key: 'winRate' | 'cycle' | 'proposals' | 'discount' | 'coverage';
  label: string;
  /** Formatted value, or 'unknown'. */
  value: string;
  /** Formatted change against the previous period, or 'unknown'. */
  change: string;
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function kpiRows(s: Scorecard, locale?: string): KpiRow[] {
  const f = formatters(locale);
  const cur = s.current;
  const prev = s.previous;
  const days = (n: number | null) => (n === null ? UNKNOWN : `${f.one(n)} d`);
  const signedDays = (n: number | null) => (n === null ? UNKNOWN : `${f.signed(n)} d`);
  return [
    { key: 'winRate', label: 'Win rate', value: f.pct(cur.winRate.rate), change: f.pctPoints(diff(cur.winRate.rate, prev.winRate.rate)) },
    { key: 'cycle', label: 'Cycle length (median)', value: days(cur.salesCycle.median), change: signedDays(diff(cur.salesCycle.median, prev.salesCycle.median)) },
    {
      key: 'proposals',
      label: 'Proposals accepted',
      value: cur.proposals.submitted === 0 ? UNKNOWN : `${f.int(cur.proposals.accepted)} of ${f.int(cur.proposals.submitted)} (${f.pct(cur.proposals.rate)})`,
      change: f.pctPoints(diff(cur.proposals.rate, prev.proposals.rate)),
    },
    { key: 'discount', label: 'Average discount', value: f.pct(cur.discounting.average), change: f.pctPoints(diff(cur.discounting.average, prev.discounting.average)) },
    // Coverage is "now" (open pipeline against quota still to close): the scorecard keeps no previous value.
    { key: 'coverage', label: 'Pipeline coverage', value: s.coverage.coverage === null ? UNKNOWN : `${f.one(s.coverage.coverage)}×`, change: UNKNOWN },
  ];
}

export interface GoalSummary {
  /** False when the plan sets no quota for the period: the UI asks for a plan. */
  hasPlan: boolean;
  attained: string;
  quota: string;
  attainment: string;
  status: PaceStatus;
  /** "Ahead by $1,200" / "Behind by $3,400" / "On pace". */
  pacing: string;
  projected: string;
  commission: string;
  /** Won amounts not in `attained` (other currencies without a rate, deals without amount). */
  caveat: string | null;
}

export function goalSummary(s: Scorecard, locale?: string): GoalSummary {
  const f = formatters(locale);
  const c = s.currency;
  const pace = s.pacing.workingDays ?? s.pacing.linear;
  const a = s.current.attainment;
  const status = s.pacing.status;
  const pacingText = status === 'on pace' ? 'On pace' : `${status === 'ahead' ? 'Ahead' : 'Behind'} by ${f.money(Math.abs(pace.ahead), c)}`;
  const unconverted = Object.entries(a.unconverted).filter(([, v]) => v !== 0);
  const caveats = [
    ...unconverted.map(([cur, v]) => `${f.int(v)} ${cur} without a rate`),
    ...(a.unknownAmounts > 0 ? [`${f.int(a.unknownAmounts)} won deal${a.unknownAmounts === 1 ? '' : 's'} without an amount`] : []),
  ];
  return {
    hasPlan: s.current.quota > 0,
    attained: f.money(a.attained, c),
    quota: f.money(s.current.quota, c),
    attainment: f.pct(a.ratio),
    status,
    pacing: pacingText,
    projected: f.money(pace.projected, c),
    commission: f.money(s.commission.result.payout, c),
    caveat: caveats.length ? `Not counted: ${caveats.join('; ')}.` : null,
  };
}

export type PyramidTier = 'drivers' | 'kpis' | 'goals';

export interface PyramidFocus {
  /** The lowest tier that is behind; null when nothing is behind. */
  tier: PyramidTier | null;
  /** What is behind in that tier, as labels. */
  behind: string[];
  /** What it takes to close the quota still open (from the pyramid gap); null items are unknown. */
  catchUp: { label: string; value: string }[];
}

/** Drivers → KPIs → goals: the lowest tier that is behind, and the pyramid's catch-up numbers. */
export function pyramidFocus(s: Scorecard, locale?: string): PyramidFocus {
  const f = formatters(locale);
  const drivers = driverRows(s).filter(r => r.pace === 'behind').map(r => r.label);
  const kpis: string[] = [];
  if (s.coverage.coverage !== null && s.coverage.coverage < 1) kpis.push('Pipeline coverage');
  if (s.change.winRate !== null && s.change.winRate < 0) kpis.push('Win rate');
  const goals = s.current.quota > 0 && s.pacing.status === 'behind' ? ['Quota'] : [];
  const [tier, behind]: [PyramidTier | null, string[]] = drivers.length ? ['drivers', drivers] : kpis.length ? ['kpis', kpis] : goals.length ? ['goals', goals] : [null, []];
  const p = s.pyramid;
  const catchUp =
    p.gap > 0
      ? [
          { label: 'Quota still to close', value: f.money(p.gap, s.currency) },
          { label: 'Deals to win', value: f.int(p.deals) },
          { label: 'Deals to work', value: f.int(p.dealsToWork) },
          { label: 'Proposals', value: f.int(p.proposals) },
          { label: 'Meetings', value: f.int(p.meetings) },
          { label: 'Calls', value: f.int(p.calls) },
        ]
      : [];
  return { tier, behind, catchUp };
}

/** uPlot data for one scorecard driver: x = each local day's start (seconds), y = that day's count. */
export function sparklineData(
  days: readonly DailyAggregate[],
  drivers: readonly Driver[],
  p: { startDate: string; endDate: string; timeZone: string },
  /** Local date of today: later days are left out (they have not happened). */
  today?: string,
): [number[], number[]] {
  const byDay = new Map(days.map(d => [d.day, d]));
  const xs: number[] = [];
  const ys: number[] = [];
  const end = today !== undefined && addDays(today, 1) < p.endDate ? addDays(today, 1) : p.endDate;
  for (const date of eachDate(p.startDate, end)) {
    const row = byDay.get(date);
    const counts = row ? driversFromCounts(row.counts, row.conversations) : null;
    xs.push(Math.floor(startOfLocalDate(date, p.timeZone) / 1000));
    ys.push(counts ? drivers.reduce((sum, d) => sum + (counts[d] ?? 0), 0) : 0);
  }
  return [xs, ys];
}

/** "Calls per day: total 42, best day 9, last day 3" — the canvas is not accessible, this is. */
export function sparklineSummary(label: string, data: readonly [readonly number[], readonly number[]], locale?: string): string {
  const ys = data[1];
  if (ys.length === 0) return `${label} per day: no days yet`;
  const f = formatters(locale);
  const total = ys.reduce((a, b) => a + b, 0);
  return `${label} per day over ${f.int(ys.length)} days: total ${f.int(total)}, best day ${f.int(Math.max(...ys))}, last day ${f.int(ys[ys.length - 1])}`;
}
