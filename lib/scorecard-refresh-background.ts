// The background keeps the saved scorecards current (issue #6, "Speed"): after writes to
// what a scorecard reads (from this worker or any page: Dexie's cross-context change events),
// coalesced by lib/scorecard-refresh-schedule.ts, it recomputes the rep's chosen period first,
// then the other periods the rep has looked at, saves each and tells open pages
// (`scorecardSaved`). The side panel then opens on an exact scorecard read from storage and
// never computes one on its own thread while the background keeps up.
//
// A snapshot is only a cache: a worker stopped mid-computation loses nothing (the data
// version no longer matches, so the panel shows the saved one as "Updating…" and asks again).
import { onStorageMutated } from './storage-mutated';
import type { PacerDb } from './db';
import { touchesScorecard } from './data-version';
import { onMessage, sendMessage } from './messages';
import { isScorecardPeriod, refreshSnapshots, SCORECARD_PERIOD_VALUES, type ScorecardPeriod } from './scorecard-refresh';
import { chosenPeriod } from './scorecard-refresh-period';
import { createRefreshScheduler, REFRESH_TIMING, type RefreshTiming } from './scorecard-refresh-schedule';
import { noticeOf, readSnapshot, type ScorecardSnapshot, type SnapshotNotice } from './scorecard-snapshot';
import { planSettings } from './settings';

/** Tells open pages; nobody listening (no page open) is the usual case, not an error. */
const announce = (s: ScorecardSnapshot) => void sendMessage('scorecardSaved', noticeOf(s)).catch(() => {});

/** Wires the refresh into the background. Call from main(), synchronously: listeners first. Returns the stop function (tests). */
export function startScorecardRefresh(db: PacerDb, timing: RefreshTiming = REFRESH_TIMING, clock: () => Date = () => new Date()): () => void {
  /** Periods a page asked for: computed first in the next run. */
  const asked = new Set<ScorecardPeriod>();
  const scheduler = createRefreshScheduler(async ({ force, writtenSince }) => {
    const [plan, chosen] = await Promise.all([planSettings.getValue(), chosenPeriod()]);
    const first = [...new Set([...asked, chosen])];
    asked.clear();
    // After writes, the other periods the rep has looked at (they have a saved row), unless
    // newer writes already wait: during a burst only the chosen period is kept current.
    const others = force ? SCORECARD_PERIOD_VALUES.filter(p => !first.includes(p)) : [];
    const looked = others.length ? new Set((await db.scorecardSnapshots.toCollection().primaryKeys()) as string[]) : new Set<string>();
    await refreshSnapshots(db, {
      plan,
      periods: [...first, ...others.filter(p => looked.has(p))],
      required: first.length,
      now: clock(),
      force,
      interrupted: writtenSince,
      onSaved: announce,
    });
  }, timing);

  const unwatchWrites = onStorageMutated(parts => {
    if (touchesScorecard(db.name, parts)) scheduler.poke();
  });
  const unwatchPlan = planSettings.watch(() => scheduler.poke()); // settings are part of every snapshot's key
  const stopMessages = onMessage('refreshScorecard', async ({ period }): Promise<SnapshotNotice | null> => {
    if (!isScorecardPeriod(period)) throw new Error(`Not a scorecard period: ${String(period)}`);
    asked.add(period);
    await scheduler.request();
    const saved = await readSnapshot(db, period);
    return saved ? noticeOf(saved) : null;
  });
  // A worker that starts (after the browser restarted, or Chrome stopped the last one, maybe
  // mid-computation) checks the chosen period's snapshot: one small read when it is current.
  void scheduler.request().catch(error => console.warn('[pacer] scorecard refresh failed', error));
  return () => {
    scheduler.stop();
    unwatchWrites();
    unwatchPlan();
    stopMessages();
  };
}
