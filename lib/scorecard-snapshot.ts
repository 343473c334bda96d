// The side panel's last scorecard per period (issue #6, "Speed"): saved after each
// computation with the data version (lib/data-version.ts) and the plan it came from, read
// on open so the panel draws a full scorecard at once. Exact while the version, the plan and
// the period's dates are the same; otherwise shown marked "Updating…" until recomputed.
import type { PacerDb } from './db';
import type { DailyAggregate } from './metrics/aggregate';
import type { WonDeal } from './metrics/charts';
import type { Plan } from './metrics/plan';
import type { Scorecard } from './metrics/scorecard';

export interface ScorecardSnapshot {
  /** The panel's period choice ('week', 'quarter', …): the row's key. */
  period: string;
  /** The period's dates and today's local date: the same data gives another scorecard tomorrow. */
  periodKey: string;
  dataVersion: number;
  planHash: string;
  computedAt: string;
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

/** True when the snapshot is the scorecard these inputs would compute now. */
export const isExact = (s: ScorecardSnapshot, key: { periodKey: string; dataVersion: number; planHash: string }): boolean =>
  s.periodKey === key.periodKey && s.dataVersion === key.dataVersion && s.planHash === key.planHash;
