// The store's data version (issue #6, side panel speed): a counter in `meta` that every
// write changing what the scorecard reads (events, day rows, deals, deal history) moves
// inside its own transaction. A saved scorecard (lib/scorecard-snapshot.ts) records the
// version it was computed from; while the version is the same, the saved one is exact.
import type { PacerDb } from './db';

export const DATA_VERSION_KEY = 'dataVersion';

/** The current version: 0 for a store never written (or just erased: erasing clears meta and the snapshots together). */
export const readDataVersion = (db: PacerDb): Promise<number> => db.meta.get(DATA_VERSION_KEY).then(versionOf);

const versionOf = (row: { value: string } | undefined): number => {
  const n = row ? Number(row.value) : 0;
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
};

/**
 * Moves the version on. Call inside the transaction that writes the data (it must include
 * `meta`), so the version and the data commit, or roll back, together.
 */
export function bumpDataVersion(db: PacerDb): Promise<unknown> {
  // One Dexie promise chain, no native await between the read and the write: a caller's
  // transaction must not see a tick with nothing pending (it would commit early).
  return db.meta.get(DATA_VERSION_KEY).then(row => db.meta.put({ key: DATA_VERSION_KEY, value: String(versionOf(row) + 1) }));
}

/** The tables a scorecard is computed from; a write to any other (sync bookkeeping, people, sightings, saved scorecards) changes no scorecard. */
export const SCORECARD_TABLES = ['events', 'days', 'deals', 'dealHistory', 'meta'] as const;

/**
 * True when a commit's changed parts (Dexie's `storagemutated`, local or from another context)
 * touch what a scorecard reads. `all` is what Dexie sends when it cannot say (a page back from
 * the back-forward cache): assume everything changed.
 */
export function touchesScorecard(dbName: string, parts: Readonly<Record<string, unknown>>): boolean {
  if ('all' in parts) return true;
  const prefixes = SCORECARD_TABLES.map(t => `idb://${dbName}/${t}/`);
  for (const key in parts) if (prefixes.some(p => key.startsWith(p))) return true;
  return false;
}
