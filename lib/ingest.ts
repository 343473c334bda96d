// The background's single write path: one batch, one transaction, then the ack.
import { mergeDealObservation } from './deal-merge';
import type { PacerDb, Sighting } from './db';
import type { ActivityEvent, DealSnapshot, EventType } from './model';
import type { CaptureAck, CaptureBatch, CapturedEvent } from './capture-batch';
import { recordPeople } from './people';
import { applyToDays, browserTimeZone, ensureTimeZone } from './days';
import { dealHistoryInScope } from './deal-history-store';
import { bumpDataVersion } from './data-version';

/**
 * Adds events whose id is not stored yet, and never one the rep deleted (its
 * tombstone stays). Events are immutable: an existing one is never overwritten.
 * Their days' aggregates move with them. Call inside a transaction that includes
 * events, tombstones, days and meta.
 */
export async function addNewEvents(db: PacerDb, events: readonly ActivityEvent[], timeZone = browserTimeZone()): Promise<number> {
  const unique = [...new Map(events.map(e => [e.id, e])).values()];
  if (unique.length === 0) return 0;
  const ids = unique.map(e => e.id);
  const [existing, deleted] = await Promise.all([db.events.bulkGet(ids), db.tombstones.bulkGet(ids)]);
  const fresh = unique.filter((_, i) => existing[i] === undefined && deleted[i] === undefined);
  if (fresh.length) {
    await ensureTimeZone(db, timeZone);
    // First, beside the first writes: the whole transaction commits or rolls back together.
    await bumpDataVersion(db); // a saved scorecard is no longer current (lib/scorecard-snapshot.ts)
    await db.events.bulkAdd(fresh);
    await applyToDays(db, fresh, 1, timeZone);
  }
  return fresh.length;
}

/** Deletes events for good: a tombstone each, and their days' aggregates adjusted. */
export async function deleteEvents(db: PacerDb, ids: readonly string[], now = new Date(), timeZone = browserTimeZone()): Promise<number> {
  return db.transaction('rw', [db.events, db.tombstones, db.days, db.meta, ...dealHistoryInScope(db)], async () => {
    const unique = [...new Set(ids)]; // a twice-listed id is deleted once, and subtracted once
    const stored = (await db.events.bulkGet(unique)).filter((e): e is ActivityEvent => e !== undefined);
    await ensureTimeZone(db, timeZone);
    await bumpDataVersion(db); // a saved scorecard is no longer current (lib/scorecard-snapshot.ts)
    await db.tombstones.bulkPut(unique.map(id => ({ id, deletedAt: now.toISOString() })));
    await db.events.bulkDelete(stored.map(e => e.id));
    await applyToDays(db, stored, -1, timeZone);
    return stored.length;
  });
}

/** Every table a capture batch writes, for one transaction. */
export const captureTables = (db: PacerDb) => [db.events, db.deals, db.sightings, db.people, db.days, db.tombstones, db.meta, db.dealHistory];

/**
 * Decides, per fingerprint, whether a sighting is a new activity or the other
 * half of one already counted: the n-th Save click pairs with the n-th timeline row.
 */
async function reconcileSightings(db: PacerDb, events: readonly CapturedEvent[]): Promise<ActivityEvent[]> {
  const keep: ActivityEvent[] = [];
  const rows = new Map<string, Sighting>();
  for (const { sighting, ...event } of events) {
    if (!sighting) {
      keep.push(event);
      continue;
    }
    const row =
      rows.get(sighting.fingerprint) ??
      (await db.sightings.get(sighting.fingerprint)) ?? { fingerprint: sighting.fingerprint, actions: [], timeline: [] };
    rows.set(sighting.fingerprint, row);
    const mine = sighting.source === 'action' ? row.actions : row.timeline;
    const other = sighting.source === 'action' ? row.timeline : row.actions;
    if (mine.includes(event.id)) continue; // a resend: already decided
    mine.push(event.id);
    if (mine.length > other.length) keep.push(event); // nothing on the other side to pair with
  }
  if (rows.size) await db.sightings.bulkPut([...rows.values()]);
  return keep;
}

/** What counts as touching a deal, for "days since last touch". */
const TOUCH_TYPES: ReadonlySet<EventType> = new Set(['call', 'email', 'meeting', 'proposal_sent', 'proposal_accepted', 'linkedin_message_sent', 'linkedin_inmail_sent']);

async function lastTouchOf(db: PacerDb, dealId: string): Promise<string | undefined> {
  let latest: string | undefined;
  await db.events.where('deal.id').equals(dealId).each(e => {
    if (TOUCH_TYPES.has(e.type) && (!latest || e.at > latest)) latest = e.at;
  });
  return latest;
}

/** A list row says less than the deal's own page: keep what the row does not show. */
function fillFromStored(row: DealSnapshot, stored: DealSnapshot | undefined): DealSnapshot {
  if (!stored) return row;
  return {
    ...row,
    amount: row.amount ?? stored.amount,
    currency: row.currency ?? stored.currency,
    ...(row.closeDate === undefined && stored.closeDate !== undefined ? { closeDate: stored.closeDate } : {}),
    ...(row.createdAt === undefined && stored.createdAt !== undefined ? { createdAt: stored.createdAt } : {}),
    url: stored.url || row.url,
  };
}

export async function storeBatch(db: PacerDb, batch: CaptureBatch, timeZone = browserTimeZone()): Promise<CaptureAck> {
  return db.transaction('rw', captureTables(db), async () => {
    const events: ActivityEvent[] = await reconcileSightings(db, batch.events);
    events.push(...(await recordPeople(db, batch.people ?? [], events, batch.seenAt)));
    const deals: DealSnapshot[] = [];
    const sources = [
      ...batch.deals.map(d => ({ seen: d, partial: false })),
      ...(batch.listRows ?? []).map(d => ({ seen: d, partial: true })),
    ];
    if (sources.length) await bumpDataVersion(db); // deals move (addNewEvents bumps for events)
    for (const { seen, partial } of sources) {
      const stored = await db.deals.get(seen.id);
      const merged = mergeDealObservation(stored, seen, batch.seenAt);
      const snapshot = partial ? fillFromStored(merged.snapshot, stored) : merged.snapshot;
      await db.deals.put(snapshot);
      if (!partial) deals.push(snapshot);
      events.push(...merged.events);
    }
    const stored = await addNewEvents(db, events, timeZone);
    const lastTouch: Record<string, string> = {};
    for (const d of deals) {
      const at = await lastTouchOf(db, d.id);
      if (at) lastTouch[d.id] = at;
    }
    return { batchId: batch.batchId, stored, deals, lastTouch };
  });
}
