// The one place that declares the IndexedDB schema. Every version stays here,
// unedited once released; each has an upgrade test in tests/db.test.ts.
import Dexie, { type EntityTable } from 'dexie';
import type { DailyAggregate } from './metrics/aggregate';
import type { DealHistoryRow } from './metrics/deal-history';
import type { ActivityEvent, DealSnapshot } from './model';

/** A deleted event: kept so a resend, an import or a sync never brings it back. */
export interface Tombstone {
  id: string;
  deletedAt: string;
}

/** Small facts about the store itself (e.g. which time zone the day rows are in). */
export interface MetaRow {
  key: string;
  value: string;
}

/**
 * One activity can be seen twice: when the rep clicks Save in "Log a Call" and
 * later as a row of the record's timeline (with the CRM's own id). Both carry the
 * same fingerprint; this row remembers which sightings were counted, so the
 * activity is stored once.
 */
export interface Sighting {
  fingerprint: string;
  /** Event ids of the rep's Save/Send clicks with this fingerprint. */
  actions: string[];
  /** Event ids of timeline rows with this fingerprint. */
  timeline: string[];
}

/** The side panel's last scorecard for one period (lib/scorecard-snapshot.ts owns its shape). */
export interface ScorecardSnapshotRow {
  period: string;
  [field: string]: unknown;
}

export const DB_NAME = 'pacer';

/** One person across sites: their LinkedIn profile, and the CRM records that are them. */
export interface Person {
  /** Canonical https://www.linkedin.com/in/<slug>/. */
  profileUrl: string;
  name: string;
  /** Lower-cased name, for matching a CRM record that shows no LinkedIn URL. */
  nameKey: string;
  company?: string;
  headline?: string;
  connection: 'none' | 'pending' | 'connected' | 'unknown';
  /** `site:recordId` of the CRM leads and contacts that are this person. */
  crmIds: string[];
  updatedAt: string;
}

/**
 * Team sync's bookkeeping (issue #7): what the team server has acknowledged. An event
 * waits while its id is in `events` but not here; a tombstone waits for its erasure.
 */
export interface SyncedRow {
  id: string;
  /** When the server acknowledged it. */
  at: string;
  /** The server refused this one event (malformed); it stays local and is not retried until the rep sends refused events again (lib/sync.ts forgetRefusals). */
  rejected?: string;
}

/** The version of a deal the team server holds: its `lastSeenAt`, and what it said (lib/sync.ts dealFingerprint). */
export interface SyncedDeal {
  id: string;
  lastSeenAt: string;
  fingerprint?: string;
}

/**
 * A row of an import being committed (issue #8): a large file is staged here in
 * small writes, then moved into the store in one transaction, so a failure midway
 * leaves the store as it was and the page never holds the whole file.
 */
export interface StagedImportRow {
  seq?: number;
  kind: 'event' | 'deal';
  row: ActivityEvent | DealSnapshot;
}

export type PacerDb = Dexie & {
  events: EntityTable<ActivityEvent, 'id'>;
  deals: EntityTable<DealSnapshot, 'id'>;
  sightings: EntityTable<Sighting, 'fingerprint'>;
  people: EntityTable<Person, 'profileUrl'>;
  days: EntityTable<DailyAggregate, 'day'>;
  tombstones: EntityTable<Tombstone, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  dealHistory: EntityTable<DealHistoryRow, 'dealId'>;
  syncedEvents: EntityTable<SyncedRow, 'id'>;
  syncedErasures: EntityTable<SyncedRow, 'id'>;
  syncedDeals: EntityTable<SyncedDeal, 'id'>;
  importStaging: EntityTable<StagedImportRow, 'seq'>;
  scorecardSnapshots: EntityTable<ScorecardSnapshotRow, 'period'>;
};

export function openDb(name = DB_NAME): PacerDb {
  const db = new Dexie(name) as PacerDb;
  // v1 (issue #2): events are immutable facts keyed by their deterministic id;
  // deals hold the latest snapshot per `site:recordId`.
  db.version(1).stores({
    events: 'id, type, at, site, [type+at], deal.id',
    deals: 'id, status, stage, lastSeenAt',
  });
  // v2 (issue #3): reconciles an action seen at the click with its timeline row;
  // events gain a person index for "touches with this person".
  db.version(2).stores({
    events: 'id, type, at, site, [type+at], deal.id, person.crmId',
    sightings: 'fingerprint',
  });
  // v3 (issue #4): one person across LinkedIn and the CRMs; events by LinkedIn profile.
  db.version(3).stores({
    events: 'id, type, at, site, [type+at], deal.id, person.crmId, person.profileUrl',
    people: 'profileUrl, nameKey, *crmIds',
  });
  // v4 (issue #5): per-day aggregates kept up to date as events arrive, so no UI scans
  // the whole history; tombstones for deleted events; the day rows' time zone in meta.
  db.version(4).stores({ days: 'day', tombstones: 'id', meta: 'key' });
  // v5 (issue #7): team sync's progress beside the data it describes, so a worker killed
  // mid-push resumes where the server's acknowledgements stopped. Keyed like the rows they
  // follow, so "what waits" is a merge of two sorted key lists, never a scan of event bodies.
  db.version(5).stores({ syncedEvents: 'id', syncedErasures: 'id', syncedDeals: 'id' });
  // v6 (issue #5): each deal's stage changes, wins and losses, kept beside the day rows
  // (lib/deal-history-store.ts), so the scorecard reads one row a deal, not every history
  // event. Built from the events on the first write after the upgrade; until then readers
  // fall back to the events.
  db.version(6).stores({ dealHistory: 'dealId' });
  // v7 (issue #8): a scratch table for imports, emptied by the same transaction that commits one.
  db.version(7).stores({ importStaging: '++seq' });
  // v8 (issue #6): the side panel's last scorecard per period (lib/scorecard-snapshot.ts),
  // shown at once on open. Its own table so saving one does not wake the panel's write watch;
  // erase-everything clears it with the data.
  db.version(8).stores({ scorecardSnapshots: 'period' });
  return db;
}
