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
    expect(db.verno).toBe(2);
    expect(db.table('sightings').schema.primKey.keyPath).toBe('fingerprint');
    const events = db.table('events').schema;
    expect(events.primKey.keyPath).toBe('id');
    expect(events.indexes.map(i => i.name).sort()).toEqual(['[type+at]', 'at', 'deal.id', 'person.crmId', 'site', 'type']);
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
    expect(await db.events.where('[type+at]').between(['call', '2026'], ['call', '2027']).count()).toBe(1);
    await db.delete();
  });
});
