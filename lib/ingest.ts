// The background's single write path: one batch, one transaction, then the ack.
import { mergeDealObservation } from './deal-merge';
import type { PacerDb } from './db';
import type { ActivityEvent, DealSnapshot } from './model';
import type { CaptureAck, CaptureBatch } from './capture-batch';

/** Adds events whose id is not stored yet. Events are immutable: an existing one is never overwritten. */
export async function addNewEvents(db: PacerDb, events: readonly ActivityEvent[]): Promise<number> {
  const unique = [...new Map(events.map(e => [e.id, e])).values()];
  if (unique.length === 0) return 0;
  const existing = await db.events.bulkGet(unique.map(e => e.id));
  const fresh = unique.filter((_, i) => existing[i] === undefined);
  if (fresh.length) await db.events.bulkAdd(fresh);
  return fresh.length;
}

export async function storeBatch(db: PacerDb, batch: CaptureBatch): Promise<CaptureAck> {
  return db.transaction('rw', db.events, db.deals, async () => {
    const events: ActivityEvent[] = [...batch.events];
    const deals: DealSnapshot[] = [];
    for (const seen of batch.deals) {
      const { snapshot, events: implied } = mergeDealObservation(await db.deals.get(seen.id), seen, batch.seenAt);
      await db.deals.put(snapshot);
      deals.push(snapshot);
      events.push(...implied);
    }
    return { batchId: batch.batchId, stored: await addNewEvents(db, events), deals };
  });
}
