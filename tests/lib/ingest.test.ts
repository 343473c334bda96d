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

describe('one activity seen twice: the Save click and the timeline row', () => {
  const fp = 'salesforce|006|call|discovery call|2026-11-27';
  const action = (id: string) => ({ ...call(id), sighting: { fingerprint: fp, source: 'action' as const } });
  const row = (id: string) => ({ ...call(id), meta: { crmActivityId: id }, sighting: { fingerprint: fp, source: 'timeline' as const } });
  const seenAt = '2026-11-27T10:00:00.000Z';

  it('stores the Save click and then pairs the timeline row with it', async () => {
    expect((await storeBatch(db, batch(seenAt, [action('click-1')]))).stored).toBe(1);
    expect((await storeBatch(db, batch(seenAt, [row('00T1')]))).stored).toBe(0);
    expect((await db.events.toArray()).map(e => e.id)).toEqual(['click-1']);
    expect(await db.sightings.get(fp)).toEqual({ fingerprint: fp, actions: ['click-1'], timeline: ['00T1'] });
  });

  it('stores the timeline row when it comes first and pairs the click with it', async () => {
    await storeBatch(db, batch(seenAt, [row('00T1')]));
    await storeBatch(db, batch(seenAt, [action('click-1')]));
    expect((await db.events.toArray()).map(e => e.id)).toEqual(['00T1']);
  });

  it('counts two calls with the same subject on the same day twice, however they are seen', async () => {
    await storeBatch(db, batch(seenAt, [action('click-1'), action('click-2')]));
    await storeBatch(db, batch(seenAt, [row('00T1'), row('00T2')]));
    await storeBatch(db, batch(seenAt, [row('00T3')])); // a third call, logged by other means
    expect((await db.events.toArray()).map(e => e.id).sort()).toEqual(['00T3', 'click-1', 'click-2']);
  });

  it('a resent batch changes nothing, whichever side it carries', async () => {
    const clicks = batch(seenAt, [action('click-1')]);
    const rows = batch(seenAt, [row('00T1'), row('00T2')]);
    for (const b of [clicks, rows, clicks, rows, clicks]) await storeBatch(db, b);
    expect((await db.events.toArray()).map(e => e.id).sort()).toEqual(['00T2', 'click-1']);
  });

  it('never stores the sighting itself', async () => {
    await storeBatch(db, batch(seenAt, [action('click-1')]));
    expect(await db.events.get('click-1')).not.toHaveProperty('sighting');
  });
});

describe('list rows', () => {
  it('create a deal at first sight and never wipe what the deal page showed', async () => {
    await storeBatch(db, batch('2026-11-27T10:00:00.000Z', [], [deal('Qualification')]));
    const row = { ...deal('Needs Analysis'), amount: null, currency: null, url: 'https://x.lightning.force.com/lightning/o/Opportunity/list' };
    const ack = await storeBatch(db, { ...batch('2026-11-27T11:00:00.000Z', []), listRows: [row] });
    expect(ack.deals).toEqual([]);
    const stored = (await db.deals.get(row.id))!;
    expect(stored).toMatchObject({ stage: 'Needs Analysis', amount: 1000, currency: 'USD', url: deal('x').url });
    // A stage move seen in a list is still a stage move.
    expect(await db.events.where('type').equals('deal_stage_changed').count()).toBe(1);
  });
});

describe('the ack', () => {
  it('tells the page when each deal was last touched', async () => {
    const d = deal('Qualification');
    const touch = call('c1', { at: '2026-11-26T09:00:00.000Z', deal: { id: d.id } });
    const older = call('c0', { at: '2026-11-20T09:00:00.000Z', deal: { id: d.id } });
    const ack = await storeBatch(db, batch('2026-11-27T10:00:00.000Z', [touch, older], [d]));
    expect(ack.lastTouch).toEqual({ [d.id]: '2026-11-26T09:00:00.000Z' });
  });
});
