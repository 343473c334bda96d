// The extension's push to the team server (issue #7). Pure Dexie + an injected client:
// no WXT, so it runs in Node and in the tests; lib/sync-background.ts wires it to alarms
// and settings. What the server acknowledged is written to IndexedDB (db v5) after each
// batch, so a worker killed mid-push resends at most the batch in flight, which the
// server ignores (the event id is its primary key): nothing lost, nothing twice.
import type { PacerDb } from './db';
import { t } from './i18n';
import type { DealSnapshot } from './model';
import { SyncError, type Feedback, type TeamPlanAnswer, type WhoAmI } from './sync-client';
import { toServerDeal, toServerEvent } from './sync-map';
import type { Waiting } from './sync-state';

/** At most this many per call (server/API.md, "Requests from the client" 3). */
export const BATCH_LIMITS = { events: 500, deals: 200, erasures: 1000 } as const;
/** A run stops marking single events as refused after this many: past it the server refuses everything, and that is an error, not bad rows. */
export const MAX_REJECTED_PER_RUN = 10;

/** The calls a run makes; TeamClient implements it over HTTP. */
export interface TeamApi {
  whoami(): Promise<WhoAmI>;
  pushEvents(events: ReturnType<typeof toServerEvent>[]): Promise<{ inserted: number; duplicates: number }>;
  pushDeals(deals: ReturnType<typeof toServerDeal>[]): Promise<{ inserted: number; duplicates?: number }>;
  eraseEvents(ids: string[]): Promise<{ erased: number }>;
  teamPlan(): Promise<TeamPlanAnswer>;
  myFeedback(week: string): Promise<Feedback | null>;
}

// ---- what waits ---------------------------------------------------------------------------

/**
 * The keys of `all` that are not in `done`. Both come from IndexedDB primary-key cursors,
 * sorted by code units, which is how JavaScript compares strings too: one merge pass.
 */
export function sortedMinus(all: readonly string[], done: readonly string[]): string[] {
  const out: string[] = [];
  let j = 0;
  for (const key of all) {
    while (j < done.length && done[j]! < key) j++;
    if (j < done.length && done[j] === key) continue;
    out.push(key);
  }
  return out;
}

const keysOf = (table: { toCollection(): { primaryKeys(): Promise<unknown[]> } }) =>
  table.toCollection().primaryKeys() as Promise<string[]>;

export async function pendingEventIds(db: PacerDb): Promise<string[]> {
  const [all, done] = await Promise.all([keysOf(db.events), keysOf(db.syncedEvents)]);
  return sortedMinus(all, done);
}

export async function pendingErasureIds(db: PacerDb): Promise<string[]> {
  const [all, done] = await Promise.all([keysOf(db.tombstones), keysOf(db.syncedErasures)]);
  return sortedMinus(all, done);
}

/**
 * What the server's copy of a deal says, apart from when it was last seen: a deal page
 * viewed again with nothing changed is not a new version worth sending.
 */
export function dealFingerprint(d: DealSnapshot): string {
  const { last_seen_at: _seen, ...rest } = toServerDeal(d);
  return JSON.stringify(rest);
}

/** Deals whose state the server does not hold yet. */
export async function pendingDeals(db: PacerDb): Promise<DealSnapshot[]> {
  const [deals, synced] = await Promise.all([db.deals.toArray(), db.syncedDeals.toArray()]);
  const held = new Map(synced.map(s => [s.id, s]));
  return deals.filter(d => {
    const s = held.get(d.id);
    return !s || (s.fingerprint !== undefined ? s.fingerprint !== dealFingerprint(d) : s.lastSeenAt !== d.lastSeenAt);
  });
}

export async function pendingWork(db: PacerDb): Promise<Waiting> {
  const [events, deals, erasures] = await Promise.all([pendingEventIds(db), pendingDeals(db), pendingErasureIds(db)]);
  return { events: events.length, deals: deals.length, erasures: erasures.length };
}

/**
 * What waits, cheaply, for screens that follow every write (the side panel, the options
 * page): table counts, no key scans. Exact for events and erasures because an erased id's
 * acknowledgement is dropped (runSync), so every acknowledged event is still stored; deals
 * need a comparison, so their count comes from the last run (`lastDeals`).
 */
export async function waitingEstimate(db: PacerDb, lastDeals = 0): Promise<Waiting> {
  const [events, synced, tombstones, erased] = await Promise.all([db.events.count(), db.syncedEvents.count(), db.tombstones.count(), db.syncedErasures.count()]);
  return { events: Math.max(0, events - synced), deals: lastDeals, erasures: Math.max(0, tombstones - erased) };
}

/** Forgets what a server acknowledged: another server, team or rep starts from nothing. */
export async function forgetAcknowledgements(db: PacerDb): Promise<void> {
  await db.transaction('rw', [db.syncedEvents, db.syncedErasures, db.syncedDeals], async () => {
    await Promise.all([db.syncedEvents.clear(), db.syncedErasures.clear(), db.syncedDeals.clear()]);
  });
}

// ---- refused events ---------------------------------------------------------------------
// A refused event is a syncedEvents row with `rejected` (the server's words, redacted by
// TeamClient): it is skipped like an acknowledged one. No index names them (db v5 keys the
// table by id only), so these scan the table: they run on a button or after a run, never per write.

const refusedRows = (db: PacerDb) => db.syncedEvents.filter(row => row.rejected !== undefined);

export async function countRefused(db: PacerDb): Promise<number> {
  return refusedRows(db).count();
}

export interface RefusalReason {
  reason: string;
  count: number;
}

/** Why the server refused events: each distinct reason once, with how many, the commonest first. */
export async function refusalReasons(db: PacerDb): Promise<RefusalReason[]> {
  const counts = new Map<string, number>();
  await refusedRows(db).each(row => void counts.set(row.rejected!, (counts.get(row.rejected!) ?? 0) + 1));
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/**
 * Forgets the refusals, and only them, so the next run pushes those events like any unsent
 * one (the server may accept them now: a newer version, a constraint relaxed). What the server
 * acknowledged stays acknowledged: it is never sent twice. Answers how many were forgotten.
 */
export async function forgetRefusals(db: PacerDb): Promise<number> {
  return db.transaction('rw', db.syncedEvents, () => refusedRows(db).delete());
}

// ---- backoff ----------------------------------------------------------------------------

export const BACKOFF = { baseMs: 30_000, capMs: 30 * 60_000 } as const;

/**
 * Exponential backoff with jitter: the n-th failure in a row waits between half and all
 * of base × 2^(n−1), at most the cap, so a team of reps whose server restarts does not
 * come back in one wave. `random` is in [0, 1).
 */
export function backoffMs(failures: number, random: number, { baseMs, capMs } = BACKOFF): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

// ---- one run ----------------------------------------------------------------------------

export interface RunOptions {
  db: PacerDb;
  api: TeamApi;
  /** The server's base URL: with whoami's team and rep, whose acknowledgements these are. */
  serverUrl: string;
  /** The identity the stored acknowledgements belong to (SyncStatus.identity). */
  knownIdentity?: string;
  /** The local date this week starts, for the manager's feedback. */
  week: string;
  /** Whether to pull the plan and the feedback too (default true); a run for freshly captured events can skip them. */
  pull?: boolean;
  now?: () => Date;
  /** Retries inside one run for a blip (a restarting server); longer waits belong to the alarm. */
  quickRetriesMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Called after each acknowledged batch (status line, tests that kill the worker mid-run). */
  onBatch?: (kind: 'events' | 'deals' | 'erasures', count: number) => void | Promise<void>;
}

export interface RunSuccess {
  ok: true;
  whoami: WhoAmI;
  identity: string;
  pushed: Waiting;
  rejected: number;
  /** Whether `plan` and `feedback` were pulled in this run (else they are null and mean nothing). */
  pulled: boolean;
  plan: TeamPlanAnswer | null;
  feedback: Feedback | null;
  waiting: Waiting;
}
export interface RunFailure {
  ok: false;
  error: SyncError;
  whoami?: WhoAmI;
  identity?: string;
  pushed: Waiting;
  /** Events marked refused before the failure (a run that meets too many refusals ends in one). */
  rejected?: number;
  waiting: Waiting;
}
export type RunResult = RunSuccess | RunFailure;

const asSyncError = (error: unknown): SyncError =>
  error instanceof SyncError ? error : new SyncError('server', t('syncErrFailed', error instanceof Error ? error.message : String(error)));

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export async function runSync(options: RunOptions): Promise<RunResult> {
  const { db, api } = options;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(r => setTimeout(r, ms)));
  const quick = options.quickRetriesMs ?? [1000, 3000];
  const pushed: Waiting = { events: 0, deals: 0, erasures: 0 };
  let rejected = 0;
  let whoami: WhoAmI | undefined;
  let identity: string | undefined;

  /** One call, tried again after short pauses while the failure is one that can pass. */
  const attempt = async <T>(call: () => Promise<T>): Promise<T> => {
    for (let i = 0; ; i++) {
      try {
        return await call();
      } catch (error) {
        const e = asSyncError(error);
        if (!e.retry || i >= quick.length) throw e;
        await sleep(quick[i]!);
      }
    }
  };

  const pushEventIds = async (ids: string[]): Promise<void> => {
    // Deleted since it was listed: its tombstone is erased instead.
    const events = (await db.events.bulkGet(ids)).filter(e => e !== undefined);
    if (!events.length) return;
    try {
      await attempt(() => api.pushEvents(events.map(e => toServerEvent(e, { shareNames: whoami!.shareNames }))));
    } catch (error) {
      const e = asSyncError(error);
      if (e.kind !== 'rejected') throw e;
      // One malformed event must not hold back the rest: halve until it is alone.
      if (events.length > 1) {
        const half = Math.ceil(events.length / 2);
        await pushEventIds(events.slice(0, half).map(x => x.id));
        await pushEventIds(events.slice(half).map(x => x.id));
        return;
      }
      if (rejected >= MAX_REJECTED_PER_RUN) throw new SyncError('rejected', t('syncErrRefusesEvents', e.message), e.status);
      await db.syncedEvents.put({ id: events[0]!.id, at: now().toISOString(), rejected: e.message });
      rejected++; // only once marked: the count is the markers this run wrote, failed run or not
      return;
    }
    const at = now().toISOString();
    await db.syncedEvents.bulkPut(events.map(e => ({ id: e.id, at })));
    pushed.events += events.length;
    await options.onBatch?.('events', events.length);
  };

  try {
    whoami = await attempt(() => api.whoami());
    identity = `${options.serverUrl}|${whoami.team}|${whoami.rep}`;
    if (options.knownIdentity !== identity) await forgetAcknowledgements(db);

    // A manager's token reads the team and writes nothing but plans and feedback (server/API.md):
    // their own activity stays in this browser, and there is no feedback addressed to them.
    const pull = options.pull ?? true;
    if (whoami.role === 'manager') {
      const plan = pull ? await attempt(() => api.teamPlan()) : null;
      return { ok: true, whoami, identity, pushed, rejected, pulled: pull, plan, feedback: null, waiting: { events: 0, deals: 0, erasures: 0 } };
    }
    // Erasures first: a rep who deleted something wants it gone from the team's store before anything else.
    for (const ids of chunks(await pendingErasureIds(db), BATCH_LIMITS.erasures)) {
      await attempt(() => api.eraseEvents(ids));
      const at = now().toISOString();
      await db.transaction('rw', [db.syncedErasures, db.syncedEvents], async () => {
        await db.syncedErasures.bulkPut(ids.map(id => ({ id, at })));
        // Gone from the server too: its acknowledgement goes, so acknowledged events stay a subset of stored ones.
        await db.syncedEvents.bulkDelete(ids);
      });
      pushed.erasures += ids.length;
      await options.onBatch?.('erasures', ids.length);
    }
    for (const ids of chunks(await pendingEventIds(db), BATCH_LIMITS.events)) await pushEventIds(ids);
    for (const deals of chunks(await pendingDeals(db), BATCH_LIMITS.deals)) {
      await attempt(() => api.pushDeals(deals.map(toServerDeal)));
      await db.syncedDeals.bulkPut(deals.map(d => ({ id: d.id, lastSeenAt: d.lastSeenAt, fingerprint: dealFingerprint(d) })));
      pushed.deals += deals.length;
      await options.onBatch?.('deals', deals.length);
    }
    const [plan, feedback] = pull ? await Promise.all([attempt(() => api.teamPlan()), attempt(() => api.myFeedback(options.week))]) : [null, null];
    return { ok: true, whoami, identity, pushed, rejected, pulled: pull, plan, feedback, waiting: await pendingWork(db) };
  } catch (error) {
    return {
      ok: false,
      error: asSyncError(error),
      ...(whoami ? { whoami } : {}),
      ...(identity ? { identity } : {}),
      pushed,
      rejected,
      waiting: await pendingWork(db).catch(() => ({ events: 0, deals: 0, erasures: 0 })),
    };
  }
}
