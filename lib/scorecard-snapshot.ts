// The side panel's last scorecard per period (issue #6, "Speed"): saved after each
// computation with the data version (lib/data-version.ts) and the plan it came from, read
// on open so the panel draws a full scorecard at once. Exact while the version, the plan and
// the period's dates are the same; otherwise shown marked "Updating…" until recomputed.
import type { PacerDb } from './db';
import type { DailyAggregate } from './metrics/aggregate';
import type { WonDeal } from './metrics/charts';
import type { Plan } from './metrics/plan';
import type { Scorecard } from './metrics/scorecard';

/** Who computed a snapshot: the background after writes (lib/scorecard-refresh-background.ts), or the panel itself as the fallback. */
export type SnapshotSource = 'background' | 'panel';

export interface ScorecardSnapshot {
  /** The panel's period choice ('week', 'quarter', …): the row's key. */
  period: string;
  /** The period's dates and today's local date: the same data gives another scorecard tomorrow. */
  periodKey: string;
  dataVersion: number;
  planHash: string;
  computedAt: string;
  /** Absent in rows saved before the background kept them (the panel computed those). */
  source?: SnapshotSource;
  scorecard: Scorecard;
  days: DailyAggregate[];
  wins: WonDeal[];
}

/** FNV-1a of the plan's JSON: settings are part of the key. */
export function planHash(plan: Plan): string {
  const text = JSON.stringify(plan);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}:${text.length}`;
}

const isSnapshot = (row: unknown): row is ScorecardSnapshot => {
  const r = row as Partial<ScorecardSnapshot> | undefined;
  return (
    !!r &&
    typeof r.period === 'string' &&
    typeof r.periodKey === 'string' &&
    typeof r.dataVersion === 'number' &&
    typeof r.planHash === 'string' &&
    typeof r.computedAt === 'string' &&
    typeof r.scorecard === 'object' && r.scorecard !== null &&
    typeof (r.scorecard as Partial<Scorecard>).current === 'object' &&
    typeof (r.scorecard as Partial<Scorecard>).pacing === 'object' &&
    Array.isArray(r.days) &&
    Array.isArray(r.wins)
  );
};

/** The saved snapshot for a period, or undefined (none, unreadable or malformed: the caller computes). */
export async function readSnapshot(db: PacerDb, period: string): Promise<ScorecardSnapshot | undefined> {
  try {
    const row = await db.scorecardSnapshots.get(period);
    return isSnapshot(row) ? row : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a snapshot; a failure only costs the next open its head start. */
export async function saveSnapshot(db: PacerDb, snapshot: ScorecardSnapshot): Promise<void> {
  try {
    await db.scorecardSnapshots.put({ ...snapshot });
  } catch {
    // Quota or a closing database: the next open computes, as before snapshots.
  }
}

/**
 * Saves a snapshot unless the row already holds a newer one for the same period key and plan
 * (the panel's fallback and the background may both compute; the later data wins, whoever
 * finished last). Returns whether it was saved.
 */
export async function saveSnapshotIfNewer(db: PacerDb, snapshot: ScorecardSnapshot): Promise<boolean> {
  try {
    return await db.transaction('rw', db.scorecardSnapshots, async () => {
      const row = await db.scorecardSnapshots.get(snapshot.period);
      const old = isSnapshot(row) ? row : undefined;
      if (old && old.periodKey === snapshot.periodKey && old.planHash === snapshot.planHash && old.dataVersion > snapshot.dataVersion) return false;
      await db.scorecardSnapshots.put({ ...snapshot });
      return true;
    });
  } catch {
    return false; // quota or a closing database: the next open computes
  }
}

/** What the background tells pages when it has saved a snapshot (lib/messages.ts `scorecardSaved`): enough to judge it before reading it. */
export interface SnapshotNotice {
  period: string;
  periodKey: string;
  dataVersion: number;
  planHash: string;
  source: SnapshotSource;
}

export const noticeOf = (s: ScorecardSnapshot): SnapshotNotice => ({
  period: s.period,
  periodKey: s.periodKey,
  dataVersion: s.dataVersion,
  planHash: s.planHash,
  source: s.source ?? 'panel',
});

/** True when the snapshot is the scorecard these inputs would compute now. */
export const isExact = (s: ScorecardSnapshot, key: { periodKey: string; dataVersion: number; planHash: string }): boolean =>
  s.periodKey === key.periodKey && s.dataVersion === key.dataVersion && s.planHash === key.planHash;
