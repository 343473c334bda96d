// The side panel's scorecard (issue #6): a signal model fed by the saved scorecards the
// background keeps current (lib/scorecard-refresh-background.ts). Opening the panel reads
// the saved one for the rep's chosen period: exact when the data version, the plan and the
// day match, otherwise shown marked "Updating…" while the background is asked for a current
// one. While the panel is open, the background tells it (`scorecardSaved`) when a newer one is
// saved, and the panel reads that row: its main thread never computes a scorecard while the
// background keeps up. Only when no current snapshot can come (no background answers, its
// worker stopped mid-request, or a request has hung for PATIENCE_MS) does the panel read the
// inputs and compute it itself, as it always did.
// Also the pure shaping the Scorecard component renders, tested without a DOM: numbers, codes
// and keys only; lib/scorecard-words.ts is where they become words, in the interface's language.
import { batch, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { ObservabilitySet } from 'dexie';
import { onStorageMutated } from './storage-mutated';
import type { PacerDb } from './db';
import { readDataVersion, touchesScorecard } from './data-version';
import { onMessage, sendMessage } from './messages';
import type { DailyAggregate } from './metrics/aggregate';
import type { WonDeal } from './metrics/charts';
import { driversFromCounts, type Driver } from './metrics/drivers';
import { addDays, eachDate, periodContaining, previousPeriod, startOfLocalDate } from './metrics/periods';
import type { Pacing } from './metrics/goals';
import type { Plan } from './metrics/plan';
import type { Scorecard } from './metrics/scorecard';
import {
  inputsFitPlan,
  isScorecardPeriod,
  periodKindOf,
  readScorecardInputs,
  SCORECARD_PERIOD_VALUES,
  snapshotFrom,
  snapshotPeriodKey,
  winsOf,
  type ScorecardPeriod,
} from './scorecard-refresh';
import { chosenPeriod, scorecardPeriodSetting } from './scorecard-refresh-period';
import { planHash, readSnapshot, saveSnapshotIfNewer, type ScorecardSnapshot, type SnapshotNotice, type SnapshotSource } from './scorecard-snapshot';
import { planSettings } from './settings';

export type { ScorecardPeriod };
export { periodKindOf, readScorecardInputs, snapshotDays, snapshotPeriodKey } from './scorecard-refresh';

export const period = signal<ScorecardPeriod>('quarter');
/**
 * Why the scorecard could not be built, beside the error's own text (lib/scorecard-words.ts
 * words it): the plan cannot place the period, or the plan could not be read. Absent for any
 * other failure, whose text is then all there is to say.
 */
export type ScorecardFailure = 'period' | 'plan';
export type ScorecardState = { status: 'loading' } | { status: 'ready'; value: Scorecard } | { status: 'error'; message: string; failure?: ScorecardFailure };
export const scorecard = signal<ScorecardState>({ status: 'loading' });
/** The plan in force for the scorecard (undefined until read). */
export const scorecardPlan = signal<Plan | undefined>(undefined);
/** Day rows of the period and the previous one: the sparklines' source. */
export const scorecardDays = signal<DailyAggregate[]>([]);
/** Won deals rebuilt from the same history: the bookings and cycle-length charts' source. */
export const scorecardWins = signal<WonDeal[]>([]);
/**
 * True while the scorecard on screen is older than the data, the plan or the day (a saved one
 * from before the latest writes): the panel marks it "Updating…" until a current one replaces it.
 */
export const scorecardUpdating = signal(false);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Without a background (the fallback), the panel's own reads run at most this often during a burst of writes, the last write always included. */
export const RECOMPUTE_EVERY_MS = 500;
/** After a write, how long the panel waits for the background's newer scorecard before marking the one on screen "Updating…" and asking for it. */
export const WRITE_GRACE_MS = 1_000;
/** While behind and nothing newer has arrived for this long, the panel asks the background again (a stopped worker may have missed the writes). */
export const FALLBACK_MS = 3_000;
/**
 * How long an unanswered request is trusted before the panel computes itself. A worker that
 * stops rejects the request at once (that falls back at once); a working one may be slow:
 * right after a burst of writes the database itself can take seconds to answer any read,
 * and the panel's own reads would wait just as long.
 */
export const PATIENCE_MS = 20_000;

/** Performance entries the side-panel benchmark and browser tests read (scripts/bench-sidepanel.ts): reads done, each computation's time, what was shown. */
export const INPUTS_READ = 'pacer:scorecard-inputs-read';
export const COMPUTED = 'pacer:scorecard-computed';
export const WINS_COMPUTED = 'pacer:scorecard-wins-computed';
export const SNAPSHOT_SHOWN = 'pacer:scorecard-snapshot-shown';
/** Beside SNAPSHOT_SHOWN when the saved scorecard was shown marked "Updating…". */
export const SNAPSHOT_STALE = 'pacer:scorecard-snapshot-stale';
/** Each time the scorecard on screen is replaced: detail { source, dataVersion, exact } says whose computation it is. */
export const SCORECARD_SHOWN = 'pacer:scorecard-shown';
const mark = (name: string, detail?: unknown) => typeof performance !== 'undefined' && performance.mark?.(name, detail === undefined ? undefined : { detail });
const measure = (name: string, start: number) => typeof performance !== 'undefined' && performance.measure?.(name, { start, end: performance.now() });
const perfNow = () => (typeof performance !== 'undefined' ? performance.now() : NaN);

/** True when a commit (Dexie's storagemutated) touched what the scorecard reads in this database. */
const isDataChange = (db: Pick<PacerDb, 'name'>, parts: ObservabilitySet) => touchesScorecard(db.name, parts);

/**
 * Calls `read` at once, then again after writes to what the scorecard reads: from this page
 * or any other context (the background's writes arrive through Dexie's BroadcastChannel, as
 * they do for liveQuery). A burst of writes costs one read per `everyMs`, never one per
 * commit. Never two reads at once; the last write always gets a read after it.
 */
export function watchWrites<T>(
  db: Pick<PacerDb, 'name'>,
  read: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
  everyMs = RECOMPUTE_EVERY_MS,
): (() => void) & { refresh(): void } {
  const stopRuns = throttled(async () => {
    const value = await read();
    onValue(value);
  }, onError, everyMs);
  const unwatch = onStorageMutated(parts => {
    if (isDataChange(db, parts)) stopRuns.refresh();
  });
  stopRuns.refresh();
  const stop = () => {
    stopRuns();
    unwatch();
  };
  return Object.assign(stop, { refresh: () => stopRuns.refresh() });
}

/** `run` on refresh(), never two at once, at most once per everyMs; a refresh during a run gets one more run after it. */
function throttled(run: () => Promise<void>, onError: (error: unknown) => void, everyMs: number): (() => void) & { refresh(): void } {
  let stopped = false;
  let running = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastAt = -Infinity;
  const go = async () => {
    timer = undefined;
    if (stopped) return;
    running = true;
    dirty = false;
    try {
      await run();
    } catch (error) {
      if (!stopped) onError(error);
    } finally {
      running = false;
      lastAt = Date.now();
      if (dirty && !stopped) refresh();
    }
  };
  const refresh = () => {
    if (stopped) return;
    if (running) dirty = true;
    else if (timer === undefined) timer = setTimeout(() => void go(), Math.max(0, lastAt + everyMs - Date.now()));
  };
  return Object.assign(() => ((stopped = true), clearTimeout(timer)), { refresh });
}

type OpenReads = Promise<[Plan, ScorecardPeriod, ScorecardSnapshot | undefined, number]>;
let prefetched: { db: PacerDb; reads: OpenReads; written: boolean; stop(): void } | undefined;
const openReads = (db: PacerDb): OpenReads => {
  const chosen = chosenPeriod();
  return Promise.all([planSettings.getValue(), chosen, chosen.then(p => readSnapshot(db, p)), readDataVersion(db)]);
};

/** Starts the open's small reads (plan, chosen period, its saved scorecard, data version) before the page's first render; watchScorecard takes them up. */
export function prefetchScorecard(db: PacerDb): void {
  prefetched?.stop();
  // A write before watchScorecard starts watching may land after these reads: remember it,
  // so the saved scorecard is then shown as updating, never as exact. A plan change likewise
  // (settings are part of the snapshot's key).
  const state = { db, written: false, stop: () => (unwatch(), unwatchPlan()), reads: openReads(db) };
  const unwatch = onStorageMutated(parts => {
    if (isDataChange(db, parts)) state.written = true;
  });
  const unwatchPlan = planSettings.watch(() => (state.written = true));
  state.reads.catch(() => {}); // watchScorecard reports, or reads again
  prefetched = state;
}

/** What is on screen: enough to tell whether it is older than the data, plan or day. */
interface OnScreen {
  period: ScorecardPeriod;
  periodKey: string;
  planHash: string;
  dataVersion: number;
  source: SnapshotSource;
}
const metaOf = (s: ScorecardSnapshot): OnScreen => ({ period: s.period as ScorecardPeriod, periodKey: s.periodKey, planHash: s.planHash, dataVersion: s.dataVersion, source: s.source ?? 'panel' });

export interface WatchTiming {
  graceMs: number;
  fallbackMs: number;
  patienceMs: number;
  everyMs: number;
}
export const WATCH_TIMING: WatchTiming = { graceMs: WRITE_GRACE_MS, fallbackMs: FALLBACK_MS, patienceMs: PATIENCE_MS, everyMs: RECOMPUTE_EVERY_MS };

/**
 * Keeps `scorecard` current: call in the side panel's useEffect and return the stop
 * function. `clock` is the UI's clock signal (lib/store's `now`): a new day (or period)
 * shows the saved scorecard for that day, or asks for it. Within a day a scorecard is
 * current while the data and plan are (the saved scorecards' contract).
 */
export function watchScorecard(
  db: PacerDb,
  clock: ReadonlySignal<Date> | { readonly value: Date } = signal(new Date()),
  timing: WatchTiming = WATCH_TIMING,
): () => void {
  let stopped = false;
  scorecard.value = { status: 'loading' };
  scorecardUpdating.value = false;
  let onScreen: OnScreen | null = null;
  /** No background answered the last request: writes are computed here, as before the background kept snapshots. */
  let backgroundDown = false;
  /** The period a request to the background is out for. */
  let asking: ScorecardPeriod | null = null;
  let askedAt = -Infinity;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  /** When a newer scorecard last arrived from the background. */
  let heardAt = -Infinity;
  /** Set by a write seen after the open's reads began: the saved scorecard they read is not exact. */
  let changedSinceOpen = false;
  /** True until the open's reads have set the period from the rep's last choice. */
  let opening = true;

  const wanted = () => {
    const plan = scorecardPlan.peek();
    if (!plan) return null;
    const p = period.peek();
    return { plan, period: p, periodKey: snapshotPeriodKey(plan, p, clock.value), planHash: planHash(plan) };
  };
  const fitsWanted = (s: { period: string; periodKey: string; planHash: string }) => {
    const w = wanted();
    return !!w && w.periodKey !== null && s.period === w.period && s.periodKey === w.periodKey && s.planHash === w.planHash;
  };
  const exactNow = (s: OnScreen, version: number) => fitsWanted(s) && s.dataVersion === version;
  /** Whether `s` should replace what is on screen: it is for the period and day wanted, and newer (or nothing that fits is shown). */
  const replaces = (s: OnScreen) => {
    if (!onScreen || onScreen.period !== s.period) return s.period === period.peek();
    if (!fitsWanted(s)) return false;
    return !fitsWanted(onScreen) || s.dataVersion > onScreen.dataVersion;
  };

  const show = (s: { scorecard: Scorecard; days: DailyAggregate[]; wins: WonDeal[] }, meta: OnScreen, exact: boolean) => {
    batch(() => {
      scorecardDays.value = s.days;
      scorecardWins.value = s.wins;
      scorecardUpdating.value = !exact;
      scorecard.value = { status: 'ready', value: s.scorecard };
    });
    onScreen = meta;
    mark(SCORECARD_SHOWN, { source: meta.source, dataVersion: meta.dataVersion, exact });
    if (exact) stopFallbackTimer();
  };

  // ---- the fallback: the panel computes, as it did before the background kept snapshots ----
  const local = throttled(async () => {
    const inputs = await readScorecardInputs(db);
    const plan = scorecardPlan.peek();
    if (stopped || !plan) return;
    mark(INPUTS_READ);
    const p = period.peek();
    // The background rebuilds the day rows after the plan's zone changes; until then they count other days.
    if (!inputsFitPlan(inputs, plan)) {
      if (!onScreen) scorecard.value = { status: 'loading' };
      return;
    }
    const now = clock.value;
    try {
      previousPeriod(periodContaining(periodKindOf(p), now, plan), plan);
    } catch (error) {
      scorecard.value = { status: 'error', message: errorText(error), failure: 'period' };
      return;
    }
    const winsStarted = perfNow();
    let wins: WonDeal[];
    try {
      wins = winsOf(inputs, plan);
    } catch {
      wins = []; // the scorecard itself shows the error
    }
    if (winsStarted === winsStarted) measure(WINS_COMPUTED, winsStarted);
    const started = perfNow();
    const snap = snapshotFrom(inputs, plan, p, now, wins, 'panel');
    if (started === started) measure(COMPUTED, started);
    if (!snap || stopped || period.peek() !== p) return;
    const meta = metaOf(snap);
    if (onScreen && onScreen.period === p && fitsWanted(onScreen) && onScreen.dataVersion > meta.dataVersion) return; // the background's is newer
    // Drawn with every day row read; saved with the ones the period draws.
    show({ ...snap, days: inputs.days }, meta, true);
    void saveSnapshotIfNewer(db, snap);
  }, error => !stopped && (scorecard.value = { status: 'error', message: errorText(error) }), timing.everyMs);

  const stopFallbackTimer = () => {
    clearTimeout(fallbackTimer);
    fallbackTimer = undefined;
  };
  /**
   * While behind: if nothing newer arrives in time, ask the background again (its worker may
   * have stopped and missed the writes), unless a request is still out and within patience;
   * past it, compute here.
   */
  const startFallbackTimer = () => {
    if (fallbackTimer !== undefined) return;
    fallbackTimer = setTimeout(() => {
      fallbackTimer = undefined;
      if (stopped || (onScreen && !scorecardUpdating.peek())) return;
      if (asking === null) ask();
      else if (Date.now() - askedAt >= timing.patienceMs) local.refresh();
      else startFallbackTimer();
    }, Math.min(timing.fallbackMs, timing.patienceMs));
  };
  /** Asks the background for a current snapshot of the period (a message wakes a stopped worker); no answer means computing here. */
  const ask = () => {
    const p = period.peek();
    if (asking === p || stopped) return;
    asking = p;
    askedAt = Date.now();
    startFallbackTimer();
    sendMessage('refreshScorecard', { period: p }).then(
      (notice: SnapshotNotice | null | undefined) => {
        if (asking === p) asking = null;
        if (stopped) return;
        if (notice === undefined) {
          backgroundDown = true; // nobody answered: a page without a background
          local.refresh();
        } else if (notice === null) local.refresh(); // it could not (the plan cannot place the period, the day rows are being rebuilt): compute here, to say why
        else void check(false);
      },
      () => {
        if (asking === p) asking = null;
        if (stopped) return;
        backgroundDown = true;
        local.refresh();
      },
    );
  };

  /** Reads the saved scorecard and the data version; shows the saved one if it replaces what is on screen; when still behind, asks the background (if `askIfBehind`) or waits for it. */
  let checking = false;
  let checkAgain: boolean | null = null;
  const check = async (askIfBehind: boolean): Promise<void> => {
    if (checking) {
      checkAgain = (checkAgain ?? false) || askIfBehind;
      return;
    }
    checking = true;
    try {
      // The plan too: it may have changed before this page watched it (settings are part of the key).
      const [plan, saved, version] = await Promise.all([planSettings.getValue(), readSnapshot(db, period.peek()), readDataVersion(db)]);
      if (stopped) return;
      const before = scorecardPlan.peek();
      if (!before || planHash(before) !== planHash(plan)) scorecardPlan.value = plan;
      const w = wanted();
      if (!w) return;
      if (w.periodKey === null) return void local.refresh(); // the plan cannot place the period: the computation says why
      if (saved) {
        const meta = metaOf(saved);
        if (replaces(meta)) {
          show(saved, meta, exactNow(meta, version));
          if (meta.source === 'background') heardAt = Date.now();
        }
      }
      const behind = !onScreen || !exactNow(onScreen, version);
      if (onScreen) scorecardUpdating.value = behind;
      if (!behind) return stopFallbackTimer();
      if (backgroundDown) local.refresh();
      else if (askIfBehind) ask();
      else startFallbackTimer();
    } catch (error) {
      if (!stopped && !onScreen) scorecard.value = { status: 'error', message: errorText(error) };
    } finally {
      checking = false;
      if (checkAgain !== null && !stopped) {
        const again = checkAgain;
        checkAgain = null;
        void check(again);
      }
    }
  };

  // ---- open: the reads started before the first render (prefetchScorecard), or the same now ----
  const early = prefetched?.db === db ? prefetched : undefined;
  if (prefetched !== early) prefetched?.stop();
  prefetched = undefined; // once: a later watch reads afresh
  let lastKey: string | null | undefined;
  void (early?.reads ?? openReads(db)).then(
    ([plan, chosen, snap, version]) => {
      early?.stop();
      if (stopped) return;
      batch(() => {
        scorecardPlan.value = plan;
        period.value = chosen;
      });
      opening = false;
      lastKey = snapshotPeriodKey(plan, chosen, clock.value);
      if (snap && snap.period === chosen) {
        const meta = metaOf(snap);
        // A write or plan change since the reads began makes it stale (from here on the watch below sees every write).
        const exact = exactNow(meta, version) && !early?.written && !changedSinceOpen;
        show(snap, meta, exact);
        mark(SNAPSHOT_SHOWN);
        if (!exact) mark(SNAPSHOT_STALE);
        if (exact) return;
      }
      void check(true);
    },
    error => {
      early?.stop();
      opening = false;
      if (!stopped) scorecard.value = { status: 'error', message: errorText(error), failure: 'plan' };
    },
  );

  // ---- while open ----
  const onMutated = (parts: ObservabilitySet) => {
    if (stopped || !isDataChange(db, parts)) return;
    changedSinceOpen = true;
    if (backgroundDown) return local.refresh();
    if (graceTimer !== undefined) return;
    // The background serves a write within its quiet time and one computation; only if nothing
    // newer has arrived by then is the scorecard on screen marked behind (and the background
    // asked again, in case its worker was stopped and missed the write).
    const since = Date.now();
    graceTimer = setTimeout(() => {
      graceTimer = undefined;
      if (!stopped) void check(heardAt < since);
    }, timing.graceMs);
  };
  const unwatchWrites = onStorageMutated(onMutated);
  const stopMessages = onMessage('scorecardSaved', notice => {
    if (stopped || notice.period !== period.peek()) return;
    backgroundDown = false;
    heardAt = Date.now();
    stopFallbackTimer(); // the background is working: give it the full time again
    if (onScreen && fitsWanted(onScreen) && fitsWanted(notice) && onScreen.dataVersion >= notice.dataVersion) return;
    void check(false);
  });
  const unwatchPlan = planSettings.watch(p => {
    if (!p || stopped) return;
    scorecardPlan.value = p;
    void check(true);
  });
  // Another period, or a new day (the clock): the saved scorecard for it, or ask.
  const stopKey = effect(() => {
    const p = period.value;
    const plan = scorecardPlan.value;
    const now = clock.value;
    if (!plan || opening) return;
    const key = snapshotPeriodKey(plan, p, now);
    if (key === lastKey) return;
    lastKey = key;
    if (onScreen && onScreen.period !== p) {
      onScreen = null;
      scorecard.value = { status: 'loading' }; // not another period's numbers under this one's name
      scorecardUpdating.value = false;
    }
    void check(true);
  });
  // The rep's choice outlives the panel: the next open shows it, and the background keeps it current first.
  const stopSavePeriod = effect(() => {
    const p = period.value;
    if (!opening && isScorecardPeriod(p)) void scorecardPeriodSetting.setValue(p).catch(() => {});
  });
  return () => {
    stopped = true;
    local();
    clearTimeout(graceTimer);
    stopFallbackTimer();
    unwatchWrites();
    stopMessages();
    unwatchPlan();
    stopKey();
    stopSavePeriod();
  };
}

// ---- shaping for the UI (pure): numbers, codes and keys; lib/scorecard-words.ts words them ----

/** The period switch's choices, in the order shown. */
export const SCORECARD_PERIODS: readonly ScorecardPeriod[] = SCORECARD_PERIOD_VALUES;

/** The drivers the scorecard shows, each a sum of metrics drivers (LinkedIn and referrals group several). */
export const SCORECARD_DRIVERS = [
  { key: 'calls', drivers: ['calls'] },
  { key: 'emails', drivers: ['emails'] },
  { key: 'meetings', drivers: ['meetings'] },
  { key: 'linkedin', drivers: ['linkedinConnects', 'linkedinMessages', 'linkedinInmails'] },
  { key: 'leads', drivers: ['leads'] },
  { key: 'referrals', drivers: ['referralsGiven', 'referralsReceived'] },
  { key: 'events', drivers: ['eventsAttended'] },
] as const satisfies readonly { key: string; drivers: readonly Driver[] }[];

export type ScorecardDriver = (typeof SCORECARD_DRIVERS)[number]['key'];

/** The metrics' pacing codes (lib/metrics/goals), used for the drivers too. */
export type PaceStatus = Pacing['status'];

export interface DriverRow {
  driver: ScorecardDriver;
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
const elapsedShare = (s: Scorecard): number => (s.pacing.workingDays ?? s.pacing.linear).elapsed;

/** Driver rows against the period's targets, paced by the share of the period gone by. */
export function driverRows(s: Scorecard): DriverRow[] {
  const elapsed = elapsedShare(s);
  return SCORECARD_DRIVERS.map(({ key, drivers }) => {
    const actual = drivers.reduce((sum, d) => sum + (s.current.drivers[d] ?? 0), 0);
    const targets = drivers.map(d => s.current.targets[d]).filter((t): t is number => typeof t === 'number');
    const target = targets.length ? round1(targets.reduce((a, b) => a + b, 0)) : null;
    const expected = target === null ? null : round1(target * elapsed);
    let pace: PaceStatus | null = null;
    if (expected !== null) pace = Math.abs(actual - expected) < 0.5 ? 'on pace' : actual > expected ? 'ahead' : 'behind';
    return { driver: key, drivers, actual, target, expected, pace };
  });
}

export type KpiKey = 'winRate' | 'cycle' | 'proposals' | 'discount' | 'coverage';

/**
 * One KPI this period and its change against the previous one, in the KPI's own unit: a
 * share (0–1) for winRate, proposals and discount, whose change is in the same share;
 * days for cycle; a multiple for coverage. Null is unknown.
 */
export interface KpiRow {
  key: KpiKey;
  value: number | null;
  change: number | null;
  /** Proposals only: how many of the submitted ones were accepted. */
  accepted?: { count: number; of: number };
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function kpiRows(s: Scorecard): KpiRow[] {
  const cur = s.current;
  const prev = s.previous;
  return [
    { key: 'winRate', value: cur.winRate.rate, change: diff(cur.winRate.rate, prev.winRate.rate) },
    { key: 'cycle', value: cur.salesCycle.median, change: diff(cur.salesCycle.median, prev.salesCycle.median) },
    { key: 'proposals', value: cur.proposals.rate, change: diff(cur.proposals.rate, prev.proposals.rate), accepted: { count: cur.proposals.accepted, of: cur.proposals.submitted } },
    { key: 'discount', value: cur.discounting.average, change: diff(cur.discounting.average, prev.discounting.average) },
    // Coverage is "now" (open pipeline against quota still to close): the scorecard keeps no previous value.
    { key: 'coverage', value: s.coverage.coverage, change: null },
  ];
}

/** The goals in the plan's currency (`currency`). */
export interface GoalSummary {
  /** False when the plan sets no quota for the period: the UI asks for a plan. */
  hasPlan: boolean;
  currency: string;
  attained: number;
  quota: number;
  /** attained / quota; null without a quota. */
  attainment: number | null;
  status: PaceStatus;
  /** Against the pace: positive ahead, negative behind. */
  ahead: number;
  /** Where the period ends at the current run rate; null before it starts. */
  projected: number | null;
  /** Null without a quota. */
  commission: number | null;
  /** Won amounts not in `attained`: other currencies without a rate (amount by currency), and won deals without an amount. */
  notCounted: { unconverted: [currency: string, amount: number][]; unknownAmounts: number };
}

export function goalSummary(s: Scorecard): GoalSummary {
  const pace = s.pacing.workingDays ?? s.pacing.linear;
  const a = s.current.attainment;
  return {
    hasPlan: s.current.quota > 0,
    currency: s.currency,
    attained: a.attained,
    quota: s.current.quota,
    attainment: a.ratio,
    status: s.pacing.status,
    ahead: pace.ahead,
    projected: pace.projected,
    commission: s.commission.result.payout,
    notCounted: { unconverted: Object.entries(a.unconverted).filter(([, v]) => v !== 0), unknownAmounts: a.unknownAmounts },
  };
}

export type PyramidTier = 'drivers' | 'kpis' | 'goals';
/** What can be behind: a scorecard driver, a KPI, or the quota. */
export type PyramidItem = ScorecardDriver | Extract<KpiKey, 'coverage' | 'winRate'> | 'quota';
export type CatchUpKey = 'quotaToClose' | 'dealsToWin' | 'dealsToWork' | 'proposals' | 'meetings' | 'calls';

export interface PyramidFocus {
  /** The lowest tier that is behind; null when nothing is behind. */
  tier: PyramidTier | null;
  /** What is behind in that tier. */
  behind: PyramidItem[];
  /** What it takes to close the quota still open (from the pyramid gap): quotaToClose in the plan's currency, the rest counts; null is unknown. */
  catchUp: { key: CatchUpKey; value: number | null }[];
}

/** Drivers → KPIs → goals: the lowest tier that is behind, and the pyramid's catch-up numbers. */
export function pyramidFocus(s: Scorecard): PyramidFocus {
  const drivers = driverRows(s)
    .filter(r => r.pace === 'behind')
    .map(r => r.driver);
  const kpis: PyramidItem[] = [];
  if (s.coverage.coverage !== null && s.coverage.coverage < 1) kpis.push('coverage');
  if (s.change.winRate !== null && s.change.winRate < 0) kpis.push('winRate');
  const goals: PyramidItem[] = s.current.quota > 0 && s.pacing.status === 'behind' ? ['quota'] : [];
  const [tier, behind]: [PyramidTier | null, PyramidItem[]] = drivers.length ? ['drivers', drivers] : kpis.length ? ['kpis', kpis] : goals.length ? ['goals', goals] : [null, []];
  const p = s.pyramid;
  const catchUp: PyramidFocus['catchUp'] =
    p.gap > 0
      ? [
          { key: 'quotaToClose', value: p.gap },
          { key: 'dealsToWin', value: p.deals },
          { key: 'dealsToWork', value: p.dealsToWork },
          { key: 'proposals', value: p.proposals },
          { key: 'meetings', value: p.meetings },
          { key: 'calls', value: p.calls },
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

/** A sparkline's numbers for its accessible name (the canvas is not accessible); null for a series with no days. */
export function sparklineTotals(data: readonly [readonly number[], readonly number[]]): { days: number; total: number; best: number; last: number } | null {
  const ys = data[1];
  if (ys.length === 0) return null;
  return { days: ys.length, total: ys.reduce((a, b) => a + b, 0), best: Math.max(...ys), last: ys[ys.length - 1]! };
}
