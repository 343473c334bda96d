import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, openDb } from '../lib/db';

describe('database schema', () => {
  it('is named pacer', () => {
    expect(DB_NAME).toBe('pacer');
    expect(openDb().name).toBe('pacer');
  });

  it('creates events and deals with the indexes the UI queries by, and the sightings table', async () => {
    const db = openDb(`schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(8); // v8: the side panel's saved scorecards (tests/lib/scorecard-snapshot.test.ts)
    expect(db.table('days').schema.primKey.keyPath).toBe('day');
    expect(db.table('tombstones').schema.primKey.keyPath).toBe('id');
    expect(db.table('people').schema.indexes.map(i => i.name).sort()).toEqual(['crmIds', 'nameKey']);
    expect(db.table('sightings').schema.primKey.keyPath).toBe('fingerprint');
    const events = db.table('events').schema;
    expect(events.primKey.keyPath).toBe('id');
    expect(events.indexes.map(i => i.name).sort()).toEqual(['[type+at]', 'at', 'deal.id', 'person.crmId', 'person.profileUrl', 'site', 'type']);
    const deals = db.table('deals').schema;
    expect(deals.primKey.keyPath).toBe('id');
    expect(deals.indexes.map(i => i.name).sort()).toEqual(['lastSeenAt', 'stage', 'status']);
    await db.delete();
  });

  it('v1 → v2: a database written by v1 opens with its rows intact and gains sightings', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const raw = new Dexie(name);
    raw.version(1).stores({ events: 'id, type, at, site, [type+at], deal.id', deals: 'id, status, stage, lastSeenAt' });
    await raw.table('events').add({ id: 'e1', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-27T10:00:00.000Z' });
    raw.close();
    const db = openDb(name);
    expect(await db.events.get('e1')).toMatchObject({ type: 'call' });
    expect(await db.sightings.count()).toBe(0);
    expect(await db.events.where('person.crmId').equals('salesforce:00Q1').count()).toBe(0);
    expect(await db.people.count()).toBe(0);
    expect(await db.events.where('[type+at]').between(['call', '2026'], ['call', '2027']).count()).toBe(1);
    await db.delete();
  });

  it('v2 → v3: sightings and events survive, people and the profile index appear', async () => {
    const name = `upgrade-v2-${crypto.randomUUID()}`;
    const raw = new Dexie(name);
    raw.version(1).stores({ events: 'id, type, at, site, [type+at], deal.id', deals: 'id, status, stage, lastSeenAt' });
    raw.version(2).stores({ events: 'id, type, at, site, [type+at], deal.id, person.crmId', sightings: 'fingerprint' });
    await raw.table('events').add({
      id: 'v1', type: 'linkedin_profile_view', at: '2026-11-27T10:00:00.000Z', site: 'linkedin', url: 'u', capturedAt: '2026-11-27T10:00:00.000Z',
      person: { name: 'Dana Park', profileUrl: 'https://www.linkedin.com/in/dana-park/' },
    });
    await raw.table('sightings').add({ fingerprint: 'f', actions: ['a'], timeline: [] });
    raw.close();
    const db = openDb(name);
    expect(await db.sightings.get('f')).toEqual({ fingerprint: 'f', actions: ['a'], timeline: [] });
    expect(await db.events.where('person.profileUrl').equals('https://www.linkedin.com/in/dana-park/').count()).toBe(1);
    expect(await db.people.count()).toBe(0);
    await db.delete();
  });

  it('v3 → v4: events survive; the day rows are built from them on the first write', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    const raw = new Dexie(name);
    raw.version(3).stores({
      events: 'id, type, at, site, [type+at], deal.id, person.crmId, person.profileUrl',
      deals: 'id, status, stage, lastSeenAt',
      sightings: 'fingerprint',
      people: 'profileUrl, nameKey, *crmIds',
    });
    await raw.table('events').add({ id: 'old', type: 'call', at: '2026-11-02T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-02T10:00:00.000Z' });
    raw.close();
    const db = openDb(name);
    expect(await db.days.count()).toBe(0);
    const { addNewEvents } = await import('../lib/ingest');
    await db.transaction('rw', [db.events, db.tombstones, db.days, db.meta], () =>
      addNewEvents(db, [{ id: 'new', type: 'email', at: '2026-11-03T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-03T10:00:00.000Z' }], 'UTC'),
    );
    expect((await db.days.toArray()).map(d => [d.day, d.counts])).toEqual([['2026-11-02', { call: 1 }], ['2026-11-03', { email: 1 }]]);
    await db.delete();
  });

  it('v4 → v5: events, tombstones and days survive; team sync starts with nothing acknowledged, so everything waits', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const raw = new Dexie(name);
    raw.version(4).stores({
      events: 'id, type, at, site, [type+at], deal.id, person.crmId, person.profileUrl',
      deals: 'id, status, stage, lastSeenAt',
      sightings: 'fingerprint',
      people: 'profileUrl, nameKey, *crmIds',
      days: 'day', tombstones: 'id', meta: 'key',
    });
    await raw.table('events').add({ id: 'kept', type: 'call', at: '2026-11-02T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-02T10:00:00.000Z' });
    await raw.table('tombstones').add({ id: 'gone', deletedAt: '2026-11-03T10:00:00.000Z' });
    await raw.table('days').add({ day: '2026-11-02', counts: { call: 1 } });
    raw.close();
    const db = openDb(name);
    expect(await db.events.get('kept')).toMatchObject({ type: 'call' });
    expect(await db.tombstones.get('gone')).toEqual({ id: 'gone', deletedAt: '2026-11-03T10:00:00.000Z' });
    expect(await db.days.get('2026-11-02')).toMatchObject({ counts: { call: 1 } });
    expect([await db.syncedEvents.count(), await db.syncedErasures.count(), await db.syncedDeals.count()]).toEqual([0, 0, 0]);
    const { pendingWork } = await import('../lib/sync');
    expect(await pendingWork(db)).toEqual({ events: 1, deals: 0, erasures: 1 });
    await db.delete();
  });
});
