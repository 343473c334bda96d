// The deal history the background keeps beside the day rows (issue #5): one row per deal
// (lib/metrics/deal-history.ts), moved by every stored or deleted stage change, win and
// loss inside the same transaction, so opening the side panel reads 50,000 small rows
// instead of every history event. The shared stage/currency codes live in meta under
// DEAL_HISTORY_KEY; that row also says the history is current. When a write could not
// update the rows (a caller's transaction without the table) the meta row is removed:
// readers then fall back to the history events, and the next write rebuilds the rows.
import Dexie from 'dexie';
import type { PacerDb } from './db';
import { applyHistoryEvent, createDealHistory, DealHistoryCodes, type DealHistoryRow, type StoredDealHistory } from './metrics/deal-history';
import type { ActivityEvent } from './model';

export const DEAL_HISTORY_KEY = 'dealHistory';
/** The event types a deal's row is made of. */
export const DEAL_ROW_TYPES = ['deal_stage_changed', 'deal_won', 'deal_lost'] as const;
const ROW_TYPES = new Set<string>(DEAL_ROW_TYPES);

/** The codes, or null when the rows are not current (never built, or a write skipped them). */
async function readCodes(db: PacerDb): Promise<string[] | null> {
  const row = await db.meta.get(DEAL_HISTORY_KEY);
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as { codes?: unknown };
    return Array.isArray(value.codes) && value.codes.every(c => typeof c === 'string') ? (value.codes as string[]) : null;
  } catch {
    return null;
  }
}

const writeCodes = (db: PacerDb, codes: readonly string[]) => db.meta.put({ key: DEAL_HISTORY_KEY, value: JSON.stringify({ codes }) });

/** True when the running transaction (if any) may write the deal history. */
const canWrite = () => {
  const tx = Dexie.currentTransaction;
  return !tx || (tx.storeNames.includes('dealHistory') && tx.storeNames.includes('meta'));
};

/** [db.dealHistory] unless a caller's transaction without it is running (a nested transaction must not ask for more). */
export const dealHistoryInScope = (db: PacerDb) => {
  const tx = Dexie.currentTransaction;
  return !tx || tx.storeNames.includes('dealHistory') ? [db.dealHistory] : [];
};

/**
 * Moves the deal rows by events just stored (1) or just deleted (-1): same contract as
 * applyToDays (new events, or deleted ones as they were stored), and called beside it.
 * The events table must already hold the change (a rebuild reads it).
 */
export async function applyToDealHistory(db: PacerDb, events: readonly ActivityEvent[], sign: 1 | -1): Promise<void> {
  const relevant = events.filter(e => ROW_TYPES.has(e.type) && e.deal?.id);
  if (relevant.length === 0) return;
  if (!canWrite()) {
    await db.meta.delete(DEAL_HISTORY_KEY); // not current any more: readers fall back, the next write rebuilds
    return;
  }
  const codes = await readCodes(db);
  if (!codes) return rebuildDealHistory(db);
  const state = { rows: new Map<string, DealHistoryRow>(), codes: new DealHistoryCodes(codes) };
  const before = codes.length;
  const ids = [...new Set(relevant.map(e => e.deal!.id))];
  (await db.dealHistory.bulkGet(ids)).forEach(r => r && state.rows.set(r.dealId, r));
  for (const e of relevant) applyHistoryEvent(state, e, sign);
  const kept = ids.flatMap(id => state.rows.get(id) ?? []);
  const emptied = ids.filter(id => !state.rows.has(id));
  if (kept.length) await db.dealHistory.bulkPut(kept);
  if (emptied.length) await db.dealHistory.bulkDelete(emptied);
  if (state.codes.names.length !== before) await writeCodes(db, state.codes.names);
}

/** The full recompute: every stored stage change, win and loss, once. */
export async function rebuildDealHistory(db: PacerDb): Promise<void> {
  const state = createDealHistory();
  for (const t of DEAL_ROW_TYPES) {
    await db.events
      .where('[type+at]')
      .between([t, Dexie.minKey], [t, Dexie.maxKey], true, true)
      .each(e => void applyHistoryEvent(state, e, 1));
  }
  await db.dealHistory.clear();
  await db.dealHistory.bulkPut([...state.rows.values()]);
  await writeCodes(db, state.codes.names);
}

/**
 * Builds the rows when they are not current (a store upgraded to v6, or a write that could
 * not reach them), so the side panel doesn't read the history events until the next stage
 * change happens to rebuild them. The background calls it when the worker starts; a
 * current store costs one meta read.
 */
export async function ensureDealHistory(db: PacerDb): Promise<boolean> {
  return db.transaction('rw', [db.events, db.dealHistory, db.meta], async () => {
    if (await readCodes(db)) return false;
    await rebuildDealHistory(db);
    return true;
  });
}

/**
 * What the scorecard needs of the history, as cheaply as the store can give it: the
 * per-deal rows (in key order) and the trainings; null while the rows are not current,
 * and the caller reads the history events instead.
 */
export async function readDealHistory(db: PacerDb): Promise<StoredDealHistory | null> {
  const codes = await readCodes(db);
  if (!codes) return null;
  const [rows, trainings] = await Promise.all([
    db.dealHistory.toArray(),
    db.events.where('[type+at]').between(['training', Dexie.minKey], ['training', Dexie.maxKey], true, true).toArray(),
  ]);
  return { rows, codes, trainings };
}
