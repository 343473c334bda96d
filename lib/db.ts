// The one place that declares the IndexedDB schema. Every version stays here,
// unedited once released; each has an upgrade test in tests/db.test.ts.
import Dexie, { type EntityTable } from 'dexie';
import type { ActivityEvent, DealSnapshot } from './model';

export const DB_NAME = 'pacer';

export type PacerDb = Dexie & {
  events: EntityTable<ActivityEvent, 'id'>;
  deals: EntityTable<DealSnapshot, 'id'>;
};

export function openDb(name = DB_NAME): PacerDb {
  const db = new Dexie(name) as PacerDb;
  // v1 (issue #2): events are immutable facts keyed by their deterministic id;
  // deals hold the latest snapshot per `site:recordId`.
  db.version(1).stores({
    events: 'id, type, at, site, [type+at], deal.id',
    deals: 'id, status, stage, lastSeenAt',
  });
  return db;
}
