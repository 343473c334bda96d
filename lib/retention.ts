// Retention (issue #8): events older than the rep's chosen period are deleted by a
// background alarm, through the one delete path (lib/ingest.ts deleteEvents): each
// leaves a tombstone (so sync erases it on the team server too) and its day totals
// move with it. Pure of browser APIs: the alarm lives in entrypoints/background.ts.
import type { PacerDb } from './db';
import { deleteEvents } from './ingest';

export interface RetentionSettings {
  /** Keep events this many months; null keeps them forever (the default). */
  months: number | null;
}

export const defaultRetention = (): RetentionSettings => ({ months: null });
/** The choices the options page offers. */
export const RETENTION_CHOICES = [null, 3, 6, 12, 24, 36] as const;
export const ALARM_NAME = 'pacer-retention';
/** How often the background checks: daily is enough for a period counted in months. */
export const ALARM_PERIOD_MINUTES = 24 * 60;
const PAGE = 2_000;

/** The instant before which events go: `months` calendar months before `now` (UTC, clamped to the month's end). */
export function retentionCutoff(months: number, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}

/** A readable sentence for a setting ("Keep 12 months", "Keep forever"). */
export const retentionLabel = (months: number | null) => (months === null ? 'Keep forever' : `Keep ${months} months`);

/** True for a usable setting: forever, or a whole number of months from 1 to 120. */
export const isRetention = (v: unknown): v is RetentionSettings =>
  typeof v === 'object' && v !== null && ((v as RetentionSettings).months === null ||
    (Number.isInteger((v as RetentionSettings).months) && (v as { months: number }).months >= 1 && (v as { months: number }).months <= 120));

/**
 * Deletes every event that happened before the cutoff, a page at a time (each page one
 * transaction, so a worker stopped midway keeps what it finished and the next run goes on).
 * Returns how many were deleted.
 */
export async function applyRetention(db: PacerDb, settings: RetentionSettings, now = new Date(), timeZone?: string): Promise<number> {
  if (settings.months === null) return 0;
  const cutoff = retentionCutoff(settings.months, now).toISOString();
  let deleted = 0;
  for (;;) {
    const ids = (await db.events.where('at').below(cutoff).limit(PAGE).primaryKeys()) as string[];
    if (ids.length === 0) return deleted;
    deleted += await deleteEvents(db, ids, now, timeZone);
  }
}
