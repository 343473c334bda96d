// Schema v7 (issue #8): the import staging table. Kept beside tests/db.test.ts so
// parallel work on other versions does not collide in one file.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../lib/db';

describe('database schema v7', () => {
  it('v4 → v7: every row survives; an empty import staging table appears', async () => {
    const name = `upgrade-v4-v7-${crypto.randomUUID()}`;
    const raw = new Dexie(name);
    raw.version(4).stores({
      events: 'id, type, at, site, [type+at], deal.id, person.crmId, person.profileUrl',
      deals: 'id, status, stage, lastSeenAt',
      sightings: 'fingerprint',
      people: 'profileUrl, nameKey, *crmIds',
      days: 'day', tombstones: 'id', meta: 'key',
    });
    const event = { id: 'old', type: 'call', at: '2026-11-02T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-02T10:00:00.000Z' };
    await raw.table('events').add(event);
    await raw.table('tombstones').add({ id: 'gone', deletedAt: '2026-11-03T00:00:00.000Z' });
    await raw.table('days').add({ day: '2026-11-02', counts: { call: 1 } });
    raw.close();
    const db = openDb(name);
    expect(await db.events.toArray()).toEqual([event]);
    expect(await db.tombstones.get('gone')).toEqual({ id: 'gone', deletedAt: '2026-11-03T00:00:00.000Z' });
    expect(await db.days.get('2026-11-02')).toEqual({ day: '2026-11-02', counts: { call: 1 } });
    expect(await db.importStaging.count()).toBe(0);
    // Staged rows get increasing sequence numbers, the order the commit moves them in.
    await db.importStaging.bulkAdd([{ kind: 'event', row: event as never }, { kind: 'event', row: event as never }]);
    expect((await db.importStaging.toArray()).map(r => r.seq)).toEqual([1, 2]);
    await db.delete();
  });
});
