// The background's per-day aggregates, through the real write paths (capture,
// import, delete): after any sequence, they equal a full recompute of the events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { rebuildDays } from '../../lib/days';
import { deleteEvents, storeBatch } from '../../lib/ingest';
import { aggregateAll } from '../../lib/metrics/aggregate';
import { EVENT_TYPES, type ActivityEvent } from '../../lib/model';
import { importExport } from '../../lib/transfer';
import { mulberry32 as prng } from '../../lib/prng';

let db: PacerDb;
beforeEach(() => { db = openDb(`days-${crypto.randomUUID()}`); });
afterEach(async () => { await db.delete(); });


const TZ = 'Europe/Berlin';
const sorted = <T extends { day: string }>(rows: T[]) => [...rows].sort((a, b) => a.day.localeCompare(b.day));

async function expectDaysEqualRecompute() {
  const events = await db.events.toArray();
  expect(sorted(await db.days.toArray())).toEqual(sorted([...aggregateAll(events, TZ).days.values()]));
}

describe('per-day aggregates', () => {
  it('equal a full recompute after any sequence of inserts, duplicates, deletes and imports (property)', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rand = prng(seed);
      const pool: ActivityEvent[] = Array.from({ length: 60 }, (_, i) => {
        const type = EVENT_TYPES[Math.floor(rand() * EVENT_TYPES.length)]!;
        // Around the DST change in Berlin (2026-10-25), so day boundaries are exercised.
        const at = new Date(Date.UTC(2026, 9, 23) + Math.floor(rand() * 5 * 86_400_000)).toISOString();
        return {
          id: `e${seed}-${i}`, type, at, site: 'salesforce', url: 'u', capturedAt: at,
          ...(type === 'deal_won' || type === 'deal_lost' ? (rand() < 0.8 ? { amount: Math.round(rand() * 1e7) / 100, currency: rand() < 0.5 ? 'USD' : 'EUR' } : {}) : {}),
          ...(type === 'call' && rand() < 0.5 ? { meta: { outcome: 'Connected' } } : {}),
        };
      });
      const pick = (n: number) => Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!);
      for (let step = 0; step < 25; step++) {
        const r = rand();
        if (r < 0.45) {
          await storeBatch(db, { batchId: `b${step}`, site: 'salesforce', seenAt: '2026-10-28T00:00:00.000Z', events: pick(1 + Math.floor(rand() * 6)), deals: [] }, TZ);
        } else if (r < 0.7) {
          await importExport(db, { format: 'pacer-export', version: 1, exportedAt: '2026-10-28T00:00:00.000Z', rep: { name: '', email: '' }, events: pick(8), deals: [] }, TZ);
        } else {
          await deleteEvents(db, pick(1 + Math.floor(rand() * 3)).map(e => e.id), new Date('2026-10-28T00:00:00.000Z'), TZ);
        }
      }
      await expectDaysEqualRecompute();
      await db.events.clear();
      await db.tombstones.clear();
      await db.days.clear();
    }
  });

  it('a deleted event stays deleted: a resend or a re-import does not bring it back', async () => {
    const e: ActivityEvent = { id: 'x', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-27T10:00:00.000Z' };
    await storeBatch(db, { batchId: 'a', site: 'salesforce', seenAt: e.at, events: [e], deals: [] }, TZ);
    expect(await deleteEvents(db, ['x'], new Date('2026-11-27T11:00:00.000Z'), TZ)).toBe(1);
    expect(await db.days.count()).toBe(0);
    await storeBatch(db, { batchId: 'a', site: 'salesforce', seenAt: e.at, events: [e], deals: [] }, TZ);
    await importExport(db, { format: 'pacer-export', version: 1, exportedAt: e.at, rep: { name: '', email: '' }, events: [e], deals: [] }, TZ);
    expect(await db.events.count()).toBe(0);
    expect(await db.tombstones.get('x')).toEqual({ id: 'x', deletedAt: '2026-11-27T11:00:00.000Z' });
  });

  it('are rebuilt in the new zone when the plan moves to another time zone', async () => {
    const late: ActivityEvent = { id: 'late', type: 'call', at: '2026-11-27T23:30:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-27T23:30:00.000Z' };
    await storeBatch(db, { batchId: 'a', site: 'salesforce', seenAt: late.at, events: [late], deals: [] }, 'UTC');
    expect((await db.days.toArray()).map(d => d.day)).toEqual(['2026-11-27']);
    await storeBatch(db, { batchId: 'b', site: 'salesforce', seenAt: late.at, events: [], deals: [] }, TZ);
    await rebuildDays(db, TZ);
    expect((await db.days.toArray()).map(d => d.day)).toEqual(['2026-11-28']);
  });
});
