// The per-day aggregates the background keeps beside the events (issue #5):
// every stored event adds to its local day's row, every delete takes it away,
// inside the same transaction, so the rows always equal a full recompute.
import type { PacerDb } from './db';
import { applyToDealHistory } from './deal-history-store';
import { addToDay, emptyDay, isEmptyDay, keyerFor, type DailyAggregate } from './metrics/aggregate';
import type { ActivityEvent } from './model';

export const DAYS_TIME_ZONE_KEY = 'daysTimeZone';

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Adds (1) or removes (-1) events from their day rows. Events must be new (or
 * stored, for -1), and `ensureTimeZone` must have run before they were written.
 */
export async function applyToDays(db: PacerDb, events: readonly ActivityEvent[], sign: 1 | -1, timeZone: string): Promise<void> {
  if (events.length === 0) return;
  const keyer = keyerFor(timeZone);
  const touched = new Map<string, DailyAggregate>();
  const keys = [...new Set(events.map(e => keyer.key(e.at)).filter((k): k is string => k !== null))];
  const rows = await db.days.bulkGet(keys);
  keys.forEach((k, i) => touched.set(k, rows[i] ?? emptyDay(k)));
  for (const e of events) {
    const key = keyer.key(e.at);
    if (key !== null) addToDay(touched.get(key)!, e, sign);
  }
  const [empty, full] = [[...touched.values()].filter(isEmptyDay), [...touched.values()].filter(d => !isEmptyDay(d))];
  if (full.length) await db.days.bulkPut(full);
  if (empty.length) await db.days.bulkDelete(empty.map(d => d.day));
  await applyToDealHistory(db, events, sign); // the deals' rows move with the day rows
}

/**
 * Day rows are in one time zone; when the plan's zone changes (or rows were never
 * built, after an upgrade), they are rebuilt from the events. Run before writing events.
 */
export async function ensureTimeZone(db: PacerDb, timeZone: string): Promise<void> {
  const stored = await db.meta.get(DAYS_TIME_ZONE_KEY);
  if (stored?.value === timeZone) return;
  if (stored) await rebuildDays(db, timeZone);
  else if ((await db.events.count()) > 0 && (await db.days.count()) === 0) await rebuildDays(db, timeZone);
  await db.meta.put({ key: DAYS_TIME_ZONE_KEY, value: timeZone });
}

/** The full recompute: clears the day rows and adds every stored event once. */
export async function rebuildDays(db: PacerDb, timeZone: string): Promise<void> {
  const keyer = keyerFor(timeZone);
  const days = new Map<string, DailyAggregate>();
  await db.events.each(e => {
    const key = keyer.key(e.at);
    if (key === null) return;
    let d = days.get(key);
    if (!d) days.set(key, (d = emptyDay(key)));
    addToDay(d, e, 1);
  });
  await db.days.clear();
  await db.days.bulkPut([...days.values()].filter(d => !isEmptyDay(d)));
  await db.meta.put({ key: DAYS_TIME_ZONE_KEY, value: timeZone });
}
