// The per-deal history rows the background keeps (lib/deal-history-store.ts), through the
// real write paths (capture, import, manual delete): after any sequence they equal a full
// recompute of the stored events; a write that cannot reach them makes readers fall back;
// schema v6 upgrades an existing store.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { DEAL_HISTORY_KEY, ensureDealHistory, readDealHistory, rebuildDealHistory } from '../../lib/deal-history-store';
import { deleteEvents, storeBatch } from '../../lib/ingest';
import { dealHistoryOf, decodeRow, type DealHistoryRow } from '../../lib/metrics/deal-history';
import type { ActivityEvent, EventType } from '../../lib/model';
import { importExport } from '../../lib/transfer';
import { mulberry32 as prng } from '../../lib/prng';

let db: PacerDb;
beforeEach(() => {
  db = openDb(`deal-history-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});


const TZ = 'UTC';
const SEEN = '2026-10-28T00:00:00.000Z';
const decode = (rows: DealHistoryRow[], codes: readonly string[]) =>
  Object.fromEntries([...rows].sort((a, b) => (a.dealId < b.dealId ? -1 : 1)).map(r => [r.dealId, decodeRow(r, codes)]));

async function expectRowsEqualRecompute() {
  const stored = await readDealHistory(db);
  expect(stored).not.toBeNull();
  const full = dealHistoryOf(await db.events.toArray());
  expect(decode([...stored!.rows], stored!.codes)).toEqual(decode([...full.rows.values()], full.codes.names));
  expect(stored!.rows.map(r => r.dealId)).toEqual([...stored!.rows.map(r => r.dealId)].sort()); // key order, as the scorecard merges them
  expect(stored!.trainings.map(e => e.id).sort()).toEqual((await db.events.where('type').equals('training').toArray()).map(e => e.id).sort());
}

function pool(rand: () => number, seed: number): ActivityEvent[] {
  const types: EventType[] = ['deal_stage_changed', 'deal_won', 'deal_lost', 'call', 'training'];
  const stages = ['Prospecting', 'Qualification', 'Proposal', 'Closed Won', 'Closed Lost'];
  return Array.from({ length: 50 }, (_, i) => {
    const type = types[Math.floor(rand() * types.length)]!;
    const at = new Date(Date.UTC(2026, 9, 20) + Math.floor(rand() * 8) * 43_200_000).toISOString();
    const e: ActivityEvent = { id: `e${seed}-${i}`, type, at, site: 'salesforce', url: 'u', capturedAt: at };
    if (type !== 'training') e.deal = { id: `salesforce:00${Math.floor(rand() * 5)}`, name: rand() < 0.5 ? 'Acme' : 'Globex' };
    if (type === 'deal_stage_changed') e.meta = { fromStage: stages[Math.floor(rand() * 5)]!, toStage: stages[Math.floor(rand() * 5)]! };
    if ((type === 'deal_won' || type === 'deal_lost' || type === 'training') && rand() < 0.8) {
      e.amount = Math.round(rand() * 1e7) / 100;
      e.currency = rand() < 0.5 ? 'USD' : 'EUR';
    }
    return e;
  });
}

describe('the deal history rows', () => {
  it('equal a full recompute after any sequence of captures, duplicates, imports and deletes (property)', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rand = prng(seed);
      const events = pool(rand, seed);
      const pick = (n: number) => Array.from({ length: n }, () => events[Math.floor(rand() * events.length)]!);
      for (let step = 0; step < 20; step++) {
        const r = rand();
        if (r < 0.45) await storeBatch(db, { batchId: `b${step}`, site: 'salesforce', seenAt: SEEN, events: pick(1 + Math.floor(rand() * 6)), deals: [] }, TZ);
        else if (r < 0.7) await importExport(db, { format: 'pacer-export', version: 1, exportedAt: SEEN, rep: { name: '', email: '' }, events: pick(8), deals: [] }, TZ);
        else await deleteEvents(db, pick(1 + Math.floor(rand() * 3)).map(e => e.id), new Date(SEEN), TZ);
      }
      await expectRowsEqualRecompute();
      await Promise.all([db.events.clear(), db.tombstones.clear(), db.days.clear(), db.dealHistory.clear(), db.meta.clear()]);
    }
  });

  it('a delete inside a caller’s transaction without the table marks them stale: readers fall back, the next write rebuilds', async () => {
    const w: ActivityEvent = { id: 'w', type: 'deal_won', at: '2026-10-21T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: SEEN, deal: { id: 'salesforce:001' }, amount: 10, currency: 'USD' };
    const l: ActivityEvent = { ...w, id: 'l', type: 'deal_lost', deal: { id: 'salesforce:002' } };
    await storeBatch(db, { batchId: 'a', site: 'salesforce', seenAt: SEEN, events: [w, l], deals: [] }, TZ);
    expect((await readDealHistory(db))!.rows.map(r => r.dealId)).toEqual(['salesforce:001', 'salesforce:002']);
    // As an older caller would: its own table list, without dealHistory.
    await db.transaction('rw', [db.events, db.tombstones, db.days, db.meta], () => deleteEvents(db, ['w'], new Date(SEEN), TZ));
    expect(await db.meta.get(DEAL_HISTORY_KEY)).toBeUndefined();
    expect(await readDealHistory(db)).toBeNull();
    const call: ActivityEvent = { id: 'c', type: 'call', at: SEEN, site: 'salesforce', url: 'u', capturedAt: SEEN };
    await storeBatch(db, { batchId: 'b', site: 'salesforce', seenAt: SEEN, events: [call], deals: [] }, TZ); // not history: nothing to rebuild for
    expect(await readDealHistory(db)).toBeNull();
    await storeBatch(db, { batchId: 'c', site: 'salesforce', seenAt: SEEN, events: [{ ...l, id: 'l2', deal: { id: 'salesforce:003' } }], deals: [] }, TZ);
    expect((await readDealHistory(db))!.rows.map(r => r.dealId)).toEqual(['salesforce:002', 'salesforce:003']);
    await expectRowsEqualRecompute();
  });

  it('rebuildDealHistory replaces whatever the rows held', async () => {
    await db.dealHistory.put({ dealId: 'ghost', names: [], entries: new Float64Array(0) });
    await rebuildDealHistory(db);
    expect(await db.dealHistory.count()).toBe(0);
    expect(await readDealHistory(db)).toEqual({ rows: [], codes: [], trainings: [] });
  });
});

describe('schema v6', () => {
  it('v4 → v6: events and day rows survive; the deal history starts stale and is built when the background starts', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const raw = new Dexie(name);
    raw.version(1).stores({ events: 'id, type, at, site, [type+at], deal.id', deals: 'id, status, stage, lastSeenAt' });
    raw.version(2).stores({ events: 'id, type, at, site, [type+at], deal.id, person.crmId', sightings: 'fingerprint' });
    raw.version(3).stores({ events: 'id, type, at, site, [type+at], deal.id, person.crmId, person.profileUrl', people: 'profileUrl, nameKey, *crmIds' });
    raw.version(4).stores({ days: 'day', tombstones: 'id', meta: 'key' });
    const old: ActivityEvent = { id: 'old', type: 'deal_stage_changed', at: '2026-10-01T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: SEEN, deal: { id: 'salesforce:001' }, meta: { fromStage: 'Prospecting', toStage: 'Proposal' } };
    await raw.table('events').add(old);
    await raw.table('days').put({ day: '2026-10-01', counts: { deal_stage_changed: 1 }, conversations: 0, wonHundredths: {}, lostHundredths: {}, wonUnknownAmounts: 0, lostUnknownAmounts: 0 });
    await raw.table('meta').put({ key: 'daysTimeZone', value: TZ });
    raw.close();
    const upgraded = openDb(name);
    try {
      expect(upgraded.verno).toBeGreaterThanOrEqual(6);
      expect(upgraded.table('dealHistory').schema.primKey.keyPath).toBe('dealId');
      expect(await upgraded.events.get('old')).toEqual(old);
      expect(await upgraded.days.count()).toBe(1);
      expect(await readDealHistory(upgraded)).toBeNull(); // the scorecard reads the events meanwhile
      // The background's start builds them at once (and a second start finds them current)…
      expect(await ensureDealHistory(upgraded)).toBe(true);
      expect(decode([...(await readDealHistory(upgraded))!.rows], (await readDealHistory(upgraded))!.codes)['salesforce:001']!.map(e => e.kind)).toEqual(['stage']);
      expect(await ensureDealHistory(upgraded)).toBe(false);
      // …and a later history write moves them like any other.
      const won: ActivityEvent = { id: 'new', type: 'deal_won', at: '2026-10-02T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: SEEN, deal: { id: 'salesforce:001' } };
      await storeBatch(upgraded, { batchId: 'a', site: 'salesforce', seenAt: SEEN, events: [won], deals: [] }, TZ);
      const stored = (await readDealHistory(upgraded))!;
      expect(decode([...stored.rows], stored.codes)['salesforce:001']!.map(e => e.kind)).toEqual(['stage', 'won']);
    } finally {
      await upgraded.delete();
    }
  });
});

describe('the side panel’s reads', () => {
  it('take the deal rows when they are current, the history events while they are not, and give the same scorecard', async () => {
    const { readScorecardInputs } = await import('../../lib/scorecard-store');
    const { computeScorecard, scorecardFromAggregates } = await import('../../lib/metrics/scorecard');
    const { defaultPlan } = await import('../../lib/metrics/plan');
    const events = pool(prng(99), 99);
    await storeBatch(db, { batchId: 'a', site: 'salesforce', seenAt: SEEN, events, deals: [] }, TZ);
    const plan = defaultPlan(TZ);
    const now = new Date(SEEN);
    const reference = computeScorecard(await db.events.toArray(), [], plan, 'quarter', now);
    const fast = await readScorecardInputs(db);
    expect(fast.dealHistory).not.toBeNull();
    expect(fast.history).toEqual([]);
    expect(scorecardFromAggregates(fast.days, fast.dealHistory!, fast.deals, plan, 'quarter', now)).toEqual(reference);
    await db.meta.delete(DEAL_HISTORY_KEY); // as after a write that could not reach the rows
    const slow = await readScorecardInputs(db);
    expect(slow.dealHistory).toBeNull();
    expect(slow.history.length).toBeGreaterThan(0);
    expect(scorecardFromAggregates(slow.days, slow.history, slow.deals, plan, 'quarter', now)).toEqual(reference);
  });
});
