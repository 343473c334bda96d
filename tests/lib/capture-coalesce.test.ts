// Capture batches that arrive while one is written are stored together (lib/capture-coalesce.ts):
// fewer write transactions in a burst, each batch with the ack it would have had alone, a bad
// batch failing alone, and nothing acknowledged before its group has committed.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaptureWriter } from '../../lib/capture-coalesce';
import type { CaptureBatch } from '../../lib/capture-batch';
import { openDb, type PacerDb } from '../../lib/db';
import { storeBatch } from '../../lib/ingest';
import { readDataVersion } from '../../lib/data-version';
import { call } from '../metrics/make';

const TZ = 'UTC';
const SEEN = '2026-03-16T10:00:00.000Z';
const batch = (n: number, per = 3): CaptureBatch => ({
  batchId: `b${n}`,
  site: 'salesforce',
  seenAt: SEEN,
  deals: [],
  events: Array.from({ length: per }, (_, i) => ({ ...call(`2026-03-16T09:${String(i).padStart(2, '0')}Z`), id: `b${n}-e${i}` })),
});

let db: PacerDb;
let other: PacerDb;
beforeEach(() => {
  db = openDb(`coalesce-${crypto.randomUUID()}`);
  other = openDb(`coalesce-alone-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
  await other.delete();
});

/** storeBatch, counting the transactions that reach IndexedDB (one begun inside another joins it and is not counted). */
function counting() {
  const seen = { transactions: 0, calls: 0 };
  const store: typeof storeBatch = (d, b, tz) => {
    seen.calls++;
    return storeBatch(d, b, tz);
  };
  const original = db.transaction.bind(db) as (...a: unknown[]) => unknown;
  (db as unknown as { transaction: (...a: unknown[]) => unknown }).transaction = (...args: unknown[]) => {
    if (!Dexie.currentTransaction) seen.transactions++;
    return original(...args);
  };
  return { seen, store };
}

describe('a burst of capture batches', () => {
  it('is written in a few transactions, not one per batch, and stores exactly what one-by-one writing stores', async () => {
    const { seen, store } = counting();
    const write = createCaptureWriter(db, store);
    const acks = await Promise.all(Array.from({ length: 40 }, (_, n) => write(batch(n), TZ)));
    expect(seen.calls).toBe(40);
    expect(seen.transactions).toBeLessThanOrEqual(3); // the first alone, then the rest together
    // The same batches, one transaction each, into another store: the same data, the same acks.
    const alone = [];
    for (let n = 0; n < 40; n++) alone.push(await storeBatch(other, batch(n), TZ));
    expect(acks).toEqual(alone);
    expect(await db.events.count()).toBe(120);
    expect(await db.days.toArray()).toEqual(await other.days.toArray());
    expect(await db.dealHistory.toArray()).toEqual(await other.dealHistory.toArray());
  });

  it('writes a lone batch at once, in its own transaction', async () => {
    const { seen, store } = counting();
    const write = createCaptureWriter(db, store);
    expect((await write(batch(1), TZ)).stored).toBe(3);
    expect(seen.transactions).toBe(1);
  });

  it('a batch that fails, fails alone: the others in its group are stored and acknowledged', async () => {
    let failing = true;
    const store: typeof storeBatch = async (d, b, tz) => {
      if (b.batchId === 'b3' && failing) throw new Error('bad batch');
      return storeBatch(d, b, tz);
    };
    const write = createCaptureWriter(db, store);
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, n) => write(batch(n), TZ)));
    expect(results.map(r => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await db.events.count()).toBe(15);
    expect(failing).toBe(true); // it failed every time it was tried
  });

  it('acknowledges nothing before its group has committed: a group that cannot commit stores none of it, then each is tried alone', async () => {
    const order: string[] = [];
    let groupFails = true;
    const store: typeof storeBatch = async (d, b, tz) => {
      const ack = await storeBatch(d, b, tz);
      // Fails the shared transaction after the last batch of the first group wrote.
      if (groupFails && b.batchId === 'b4' && Dexie.currentTransaction) {
        groupFails = false;
        throw new Error('the worker stopped');
      }
      return ack;
    };
    const write = createCaptureWriter(db, store);
    const version = await readDataVersion(db);
    const acks = await Promise.all(Array.from({ length: 5 }, (_, n) => write(batch(n), TZ).then(a => (order.push(a.batchId), a))));
    expect(acks.map(a => a.stored)).toEqual([3, 3, 3, 3, 3]); // each stored once, none twice
    expect(await db.events.count()).toBe(15);
    expect(await readDataVersion(db)).toBeGreaterThan(version);
    expect(order[0]).toBe('b0'); // the first, alone, before the group
  });
});
