// The side panel's saved scorecard (issue #6, "Speed"): every write the scorecard reads moves
// the data version in its own transaction; a saved scorecard is shown at once on open, as
// the exact scorecard while version, plan and day match, else marked "Updating…" and replaced.
import { effect, signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bumpDataVersion, DATA_VERSION_KEY, readDataVersion } from '../../lib/data-version';
import { openDb, type PacerDb } from '../../lib/db';
import { erasePerson, eraseEverything } from '../../lib/erase';
import { deleteEvents, storeBatch } from '../../lib/ingest';
import type { ActivityEvent } from '../../lib/model';
import { applyRetention } from '../../lib/retention';
import { period, scorecard, scorecardUpdating, watchScorecard } from '../../lib/scorecard-store';
import { planHash, readSnapshot } from '../../lib/scorecard-snapshot';
import { planSettings } from '../../lib/settings';
import { importExport } from '../../lib/transfer';
import { commitImport, type TextSource } from '../../lib/transfer-import';
import type { Scorecard } from '../../lib/metrics/scorecard';
import { call, deal, plan, won } from '../metrics/make';

// Counts the computations, so "no recompute" is observed, not assumed.
const computed = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../lib/metrics/scorecard', async importOriginal => {
  const real = await importOriginal<typeof import('../../lib/metrics/scorecard')>();
  return { ...real, scorecardFromAggregates: (...args: Parameters<typeof real.scorecardFromAggregates>) => (computed.n++, real.scorecardFromAggregates(...args)) };
});

const TZ = 'UTC';
const NOW = new Date('2026-03-16T12:00:00Z');
const P = plan();
const SEEN = '2026-03-16T10:00:00.000Z';
const EVENTS: ActivityEvent[] = [call('2026-01-05T10:00Z'), call('2026-03-16T09:00Z'), won('a', '2026-02-11T00:00Z', 30_000)];
const observation = (id: string) => {
  const { stageEnteredAt: _s, lastSeenAt: _l, ...rest } = deal(id, { amount: 5_000 });
  return rest;
};
const batch = (events: ActivityEvent[], deals = [] as ReturnType<typeof observation>[]) => ({ batchId: crypto.randomUUID(), site: 'salesforce' as const, seenAt: SEEN, events, deals });
const exportText = (events: ActivityEvent[], deals: unknown[] = []) =>
  JSON.stringify({ format: 'pacer-export', version: 1, exportedAt: SEEN, rep: { name: 'Sam', email: 's@example.com' }, events, deals });
const source = (text: string): TextSource => async function* () { yield text; };

let db: PacerDb;
let stop: (() => void) | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`snapshot-${crypto.randomUUID()}`);
  period.value = 'quarter';
  await planSettings.setValue(P);
  computed.n = 0;
});
afterEach(async () => {
  stop?.();
  stop = undefined;
  await db.delete();
});

describe('the data version', () => {
  const moves = async (write: () => Promise<unknown>) => {
    const before = await readDataVersion(db);
    await write();
    return (await readDataVersion(db)) > before;
  };

  it('starts at 0, and a bump outside the data’s transaction rolls back with it', async () => {
    expect(await readDataVersion(db)).toBe(0);
    await expect(db.transaction('rw', [db.meta, db.events], async () => {
      await bumpDataVersion(db);
      throw new Error('write failed');
    })).rejects.toThrow('write failed');
    expect(await readDataVersion(db)).toBe(0);
    await db.meta.put({ key: DATA_VERSION_KEY, value: 'garbage' });
    expect(await readDataVersion(db)).toBe(0); // unreadable counts as never written; the next write moves it on
  });

  it('moves with every write the scorecard reads, through each path', async () => {
    expect(await moves(() => storeBatch(db, batch([call(SEEN)]), TZ))).toBe(true); // capture: events
    expect(await moves(() => storeBatch(db, batch([], [observation('d1')]), TZ))).toBe(true); // capture: a deal page only
    const stored = await db.events.toCollection().primaryKeys();
    expect(await moves(() => deleteEvents(db, [stored[0] as string], NOW, TZ))).toBe(true); // manual delete
    expect(await moves(() => importExport(db, { format: 'pacer-export', version: 1, exportedAt: SEEN, rep: { name: 'S', email: 's@x' }, events: [call('2026-03-02T10:00Z')], deals: [] } as never, TZ))).toBe(true);
    expect(await moves(() => commitImport(db, source(exportText([call('2026-03-03T10:00Z')])), { size: 1, timeZone: TZ }))).toBe(true);
    expect(await moves(() => commitImport(db, source(exportText([], [{ ...deal('salesforce:006D2'), lastSeenAt: SEEN }])), { size: 1, timeZone: TZ }))).toBe(true); // deals only
    await storeBatch(db, batch([{ ...call('2026-03-04T10:00Z'), person: { name: 'Ann Lee', crmId: 'salesforce:003A' } }]), TZ);
    expect(await moves(() => erasePerson(db, { crmId: 'salesforce:003A' }, NOW, TZ))).toBe(true);
    await storeBatch(db, batch([call('2020-01-01T10:00Z')]), TZ);
    expect(await moves(() => applyRetention(db, { months: 12 }, NOW, TZ))).toBe(true);
  });

  it('does not move for a write that changes nothing (a resent batch)', async () => {
    const e = call(SEEN);
    await storeBatch(db, batch([e]), TZ);
    expect(await moves(() => storeBatch(db, batch([e]), TZ))).toBe(false);
  });

  it('erasing everything clears the saved scorecards with the data', async () => {
    await storeBatch(db, batch(EVENTS), TZ);
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(async () => expect(await readSnapshot(db, 'quarter')).toBeDefined());
    await eraseEverything(db, NOW);
    expect(await db.scorecardSnapshots.count()).toBe(0);
  });
});

describe('opening the panel', () => {
  /** Each ready scorecard the panel shows, with whether it was marked updating. */
  const watchShown = () => {
    const log: { updating: boolean; calls: number }[] = [];
    const dispose = effect(() => {
      const s = scorecard.value;
      if (s.status === 'ready') log.push({ updating: scorecardUpdating.value, calls: s.value.current.drivers.calls ?? 0 });
    });
    return { log, dispose };
  };
  const openAndSave = async () => {
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(async () => expect(await readSnapshot(db, 'quarter')).toBeDefined());
    const s = scorecard.value as { value: Scorecard };
    stop();
    stop = undefined;
    scorecard.value = { status: 'loading' };
    return s.value;
  };

  it('with unchanged data shows the saved scorecard, exact, and computes nothing', async () => {
    await storeBatch(db, batch(EVENTS), TZ);
    const first = await openAndSave();
    const saved = (await readSnapshot(db, 'quarter'))!;
    expect(saved).toMatchObject({ period: 'quarter', dataVersion: await readDataVersion(db), planHash: planHash(P) });
    computed.n = 0;
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(() => expect(scorecard.value.status).toBe('ready'));
    expect(scorecardUpdating.value).toBe(false);
    expect((scorecard.value as { value: Scorecard }).value).toEqual(first);
    await new Promise(r => setTimeout(r, 100));
    expect(computed.n).toBe(0);
    // The next write: with no background to answer (none runs in this test), the panel
    // computes it itself, as it did before the background kept the snapshots.
    stop();
    stop = watchScorecard(db, signal(NOW), { graceMs: 10, fallbackMs: 1_000, patienceMs: 1_000, everyMs: 100 });
    await vi.waitFor(() => expect(scorecard.value.status).toBe('ready'));
    await storeBatch(db, batch([call('2026-03-16T11:00Z')]), TZ);
    await vi.waitFor(() => expect((scorecard.value as { value: Scorecard }).value.current.drivers.calls).toBe(first.current.drivers.calls! + 1));
    expect(computed.n).toBeGreaterThan(0);
  });

  it('after a write shows the saved scorecard marked updating, then the new one unmarked', async () => {
    await storeBatch(db, batch(EVENTS), TZ);
    const first = await openAndSave();
    await storeBatch(db, batch([call('2026-03-16T11:00Z')]), TZ);
    const { log, dispose } = watchShown();
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(() => expect(log.at(-1)).toEqual({ updating: false, calls: first.current.drivers.calls! + 1 }));
    dispose();
    expect(log[0]).toEqual({ updating: true, calls: first.current.drivers.calls });
    expect(log.some(l => !l.updating && l.calls === first.current.drivers.calls)).toBe(false); // never stale unmarked
    expect((await readSnapshot(db, 'quarter'))!.dataVersion).toBe(await readDataVersion(db));
  });

  it('after a plan change, or on another day, marks the saved scorecard updating', async () => {
    await storeBatch(db, batch(EVENTS), TZ);
    await openAndSave();
    await planSettings.setValue({ ...P, currency: 'EUR', rates: { USD: 0.9 } });
    let shown = watchShown();
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(() => expect(shown.log.at(-1)?.updating).toBe(false));
    shown.dispose();
    expect(shown.log[0]!.updating).toBe(true);
    stop();
    scorecard.value = { status: 'loading' };
    shown = watchShown();
    stop = watchScorecard(db, signal(new Date('2026-03-17T12:00:00Z')));
    await vi.waitFor(() => expect(shown.log.at(-1)?.updating).toBe(false));
    shown.dispose();
    expect(shown.log[0]!.updating).toBe(true);
  });

  it('an exact snapshot is left for a computation when the rep picks another period', async () => {
    await storeBatch(db, batch(EVENTS), TZ);
    await openAndSave();
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(() => expect(scorecard.value.status).toBe('ready'));
    period.value = 'week';
    await vi.waitFor(() => expect((scorecard.value as { value: Scorecard }).value.current.period.kind).toBe('week'));
    expect(scorecardUpdating.value).toBe(false);
  });

  it('takes up the reads started before the first render (prefetchScorecard), and still marks what changed since', async () => {
    const { prefetchScorecard } = await import('../../lib/scorecard-store');
    await storeBatch(db, batch(EVENTS), TZ);
    const first = await openAndSave();
    prefetchScorecard(db);
    await storeBatch(db, batch([call('2026-03-16T11:00Z')]), TZ); // after the prefetch's reads began
    const { log, dispose } = watchShown();
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(() => expect(log.at(-1)).toEqual({ updating: false, calls: first.current.drivers.calls! + 1 }));
    dispose();
    expect(log.some(l => !l.updating && l.calls === first.current.drivers.calls)).toBe(false);
  });

  it('a plan changed between the prefetch and the watch also marks the saved scorecard, then replaces it', async () => {
    const { prefetchScorecard } = await import('../../lib/scorecard-store');
    await storeBatch(db, batch(EVENTS), TZ);
    await openAndSave();
    prefetchScorecard(db);
    await new Promise(r => setTimeout(r, 20)); // the prefetch's reads are done, with the old plan
    await planSettings.setValue({ ...P, currency: 'EUR', rates: { USD: 0.9 } });
    const states: [boolean, string][] = [];
    const dispose = effect(() => {
      const s = scorecard.value;
      if (s.status === 'ready') states.push([scorecardUpdating.value, s.value.currency]);
    });
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(() => expect(states.at(-1)).toEqual([false, 'EUR']));
    dispose();
    expect(states.some(([updating, currency]) => !updating && currency === 'USD')).toBe(false);
  });

  it('falls back to computing when the saved scorecard is missing or malformed', async () => {
    await storeBatch(db, batch(EVENTS), TZ);
    await db.scorecardSnapshots.put({ period: 'quarter', dataVersion: await readDataVersion(db), scorecard: 'not a scorecard' });
    expect(await readSnapshot(db, 'quarter')).toBeUndefined();
    stop = watchScorecard(db, signal(NOW));
    await vi.waitFor(() => expect(scorecard.value.status).toBe('ready'));
    expect(scorecardUpdating.value).toBe(false);
    expect(computed.n).toBeGreaterThan(0);
    await vi.waitFor(async () => expect((await readSnapshot(db, 'quarter'))?.planHash).toBe(planHash(P))); // replaced by a good one
  });
});

describe('schema v8', () => {
  it('adds the snapshot table to a v7 store and keeps its data', async () => {
    const { default: Dexie } = await import('dexie');
    const name = `snapshot-upgrade-${crypto.randomUUID()}`;
    const v7 = new Dexie(name);
    v7.version(7).stores({
      events: 'id, type, at, site, [type+at], deal.id, person.crmId, person.profileUrl',
      deals: 'id, status, stage, lastSeenAt', sightings: 'fingerprint', people: 'profileUrl, nameKey, *crmIds',
      days: 'day', tombstones: 'id', meta: 'key', syncedEvents: 'id', syncedErasures: 'id', syncedDeals: 'id',
      dealHistory: 'dealId', importStaging: '++seq',
    });
    await v7.table('events').put(EVENTS[0]);
    await v7.table('meta').put({ key: 'daysTimeZone', value: TZ });
    v7.close();
    const upgraded = openDb(name);
    try {
      expect(await upgraded.events.get(EVENTS[0]!.id)).toEqual(EVENTS[0]);
      expect(await upgraded.scorecardSnapshots.count()).toBe(0);
      expect(upgraded.verno).toBe(8);
    } finally {
      await upgraded.delete();
    }
  });
});

describe('what a snapshot keeps', () => {
  it('the day rows the panel draws (this period, the previous one, ten weeks back), not all history', async () => {
    const { snapshotDays } = await import('../../lib/scorecard-store');
    const { emptyDay } = await import('../../lib/metrics/aggregate');
    const days = ['2024-06-01', '2025-09-30', '2025-10-01', '2026-01-05', '2026-03-16', '2026-03-31', '2026-04-01'].map(emptyDay);
    // Q1 2026 (to 2026-04-01), the previous quarter from 2025-10-01.
    expect(snapshotDays(days, P, 'quarter', NOW).map(d => d.day)).toEqual(['2025-10-01', '2026-01-05', '2026-03-16', '2026-03-31']);
    // A week: ten weeks back for the weekly chart.
    expect(snapshotDays(days, P, 'week', NOW).map(d => d.day)).toEqual(['2026-01-05', '2026-03-16']);
  });
});
