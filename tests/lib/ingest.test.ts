import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { storeBatch } from '../../lib/ingest';
import type { CaptureBatch } from '../../lib/capture-batch';
import type { ActivityEvent } from '../../lib/model';

let db: PacerDb;
beforeEach(() => { db = openDb(`ingest-${crypto.randomUUID()}`); });
afterEach(async () => { await db.delete(); });

const call = (id: string, over: Partial<ActivityEvent> = {}): ActivityEvent => ({
  id, type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'https://x.lightning.force.com/', capturedAt: '2026-11-27T10:00:01.000Z', ...over,
});
const deal = (stage: string) => ({
  id: 'salesforce:006Hs00001AbCdEIAZ', name: 'Acme', stage, amount: 1000, currency: 'USD', status: 'open' as const, url: 'https://x.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAZ/view',
});
const batch = (seenAt: string, events: ActivityEvent[], deals: ReturnType<typeof deal>[] = []): CaptureBatch => ({
  batchId: crypto.randomUUID(), site: 'salesforce', seenAt, events, deals,
});

describe('storeBatch', () => {
  it('stores new events and acknowledges how many were new', async () => {
    const ack = await storeBatch(db, batch('2026-11-27T10:00:00.000Z', [call('a'), call('b')]));
    expect(ack.stored).toBe(2);
    expect(await db.events.count()).toBe(2);
  });

  it('stores a resent batch zero times more and never overwrites the first copy', async () => {
    const b = batch('2026-11-27T10:00:00.000Z', [call('a')]);
    await storeBatch(db, b);
    const again = await storeBatch(db, { ...b, events: [call('a', { capturedAt: '2026-11-27T11:00:00.000Z' })] });
    expect(again.stored).toBe(0);
    expect((await db.events.get('a'))!.capturedAt).toBe('2026-11-27T10:00:01.000Z');
  });

  it('counts duplicates inside one batch once', async () => {
    expect((await storeBatch(db, batch('2026-11-27T10:00:00.000Z', [call('a'), call('a')]))).stored).toBe(1);
  });

  it('snapshots the deal and records a stage change against the stored stage', async () => {
    await storeBatch(db, batch('2026-11-27T10:00:00.000Z', [], [deal('Qualification')]));
    const ack = await storeBatch(db, batch('2026-11-27T10:05:00.000Z', [], [deal('Needs Analysis')]));
    expect(ack.stored).toBe(1);
    expect(ack.deals[0]).toMatchObject({ stage: 'Needs Analysis', stageEnteredAt: '2026-11-27T10:05:00.000Z' });
    const [changed] = await db.events.where('type').equals('deal_stage_changed').toArray();
    expect(changed!.meta).toEqual({ fromStage: 'Qualification', toStage: 'Needs Analysis' });
    // Seeing the same page again changes nothing.
    expect((await storeBatch(db, batch('2026-11-27T10:06:00.000Z', [], [deal('Needs Analysis')]))).stored).toBe(0);
    expect(await db.events.count()).toBe(1);
  });

  it('writes nothing when the batch fails midway (one transaction)', async () => {
    const bad = { ...call('b'), id: undefined as unknown as string };
    await expect(storeBatch(db, batch('2026-11-27T10:00:00.000Z', [call('a'), bad]))).rejects.toThrow();
    expect(await db.events.count()).toBe(0);
  });
});
