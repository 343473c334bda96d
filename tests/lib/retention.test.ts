import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { rebuildDays } from '../../lib/days';
import { addNewEvents, captureTables } from '../../lib/ingest';
import type { ActivityEvent } from '../../lib/model';
import { applyRetention, isRetention, retentionCutoff } from '../../lib/retention';

let db: PacerDb;
beforeEach(() => { db = openDb(`retention-${crypto.randomUUID()}`); });
afterEach(async () => { await db.delete(); });

const event = (id: string, at: string): ActivityEvent => ({ id, type: 'call', at, site: 'salesforce', url: 'u', capturedAt: at });

describe('retention', () => {
  it.each([
    [12, '2026-11-27T12:00:00.000Z', '2025-11-27T12:00:00.000Z'],
    [1, '2026-03-31T08:00:00.000Z', '2026-02-28T08:00:00.000Z'],
    [6, '2026-08-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z'],
    [24, '2028-02-29T10:00:00.000Z', '2026-02-28T10:00:00.000Z'],
  ])('keeps %i months before %s: events before %s go', (months, now, cutoff) => {
    expect(retentionCutoff(months, new Date(now)).toISOString()).toBe(cutoff);
  });

  it('accepts forever or 1 to 120 whole months, nothing else', () => {
    expect([{ months: null }, { months: 1 }, { months: 120 }].every(isRetention)).toBe(true);
    expect([{ months: 0 }, { months: 2.5 }, { months: 121 }, { months: '6' }, {}, null].some(isRetention)).toBe(false);
  });

  it('deletes older events through the delete path: tombstones, and day totals equal a full recompute', async () => {
    const events = [
      ...Array.from({ length: 4_500 }, (_, i) => event(`old-${i}`, new Date(Date.UTC(2025, 0, 1 + (i % 300), 9)).toISOString())),
      event('recent-1', '2026-10-01T09:00:00.000Z'),
      event('recent-2', '2026-11-26T09:00:00.000Z'),
    ];
    await db.transaction('rw', captureTables(db), () => addNewEvents(db, events, 'UTC'));
    const deleted = await applyRetention(db, { months: 6 }, new Date('2026-11-27T12:00:00.000Z'), 'UTC');
    expect(deleted).toBe(4_500);
    expect((await db.events.toArray()).map(e => e.id)).toEqual(['recent-1', 'recent-2']);
    expect(await db.tombstones.count()).toBe(4_500);
    const incremental = await db.days.toArray();
    await rebuildDays(db, 'UTC');
    expect(incremental).toEqual(await db.days.toArray());
    expect(incremental.map(d => d.day)).toEqual(['2026-10-01', '2026-11-26']);
  }, 60_000);

  it('keeps everything when set to forever, and does nothing the second time', async () => {
    await db.transaction('rw', captureTables(db), () => addNewEvents(db, [event('a', '2020-01-01T00:00:00.000Z')], 'UTC'));
    expect(await applyRetention(db, { months: null })).toBe(0);
    expect(await applyRetention(db, { months: 3 }, new Date('2026-11-27T00:00:00.000Z'), 'UTC')).toBe(1);
    expect(await applyRetention(db, { months: 3 }, new Date('2026-11-27T00:00:00.000Z'), 'UTC')).toBe(0);
  });
});
