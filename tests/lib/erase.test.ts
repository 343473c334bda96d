import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb, type Person } from '../../lib/db';
import { eraseEverything, erasePerson, findPerson } from '../../lib/erase';
import { readDealHistory } from '../../lib/deal-history-store';
import { addNewEvents, captureTables } from '../../lib/ingest';
import type { ActivityEvent } from '../../lib/model';

let db: PacerDb;
beforeEach(() => { db = openDb(`erase-${crypto.randomUUID()}`); });
afterEach(async () => { await db.delete(); });

const dana = 'https://www.linkedin.com/in/dana-park/';
const event = (id: string, person: ActivityEvent['person'], over: Partial<ActivityEvent> = {}): ActivityEvent => ({
  id, type: 'call', at: '2026-11-26T10:00:00.000Z', site: 'salesforce', url: 'https://acme.lightning.force.com/x', capturedAt: '2026-11-26T10:00:00.000Z',
  ...(person ? { person } : {}), ...over,
});
const person = (over: Partial<Person>): Person => ({
  profileUrl: dana, name: 'Dana Park', nameKey: 'dana park', company: 'Acme', connection: 'connected', crmIds: ['salesforce:00Q1'], updatedAt: '2026-11-20T00:00:00.000Z', ...over,
});

async function seed() {
  await db.people.bulkAdd([
    person({}),
    person({ profileUrl: 'https://www.linkedin.com/in/dana-park-2/', company: 'Globex', crmIds: ['hubspot:77'] }), // a namesake elsewhere
    person({ profileUrl: 'https://www.linkedin.com/in/lee/', name: 'Lee Wong', nameKey: 'lee wong', crmIds: [] }),
  ]);
  await db.transaction('rw', captureTables(db), () => addNewEvents(db, [
    event('li-view', { name: 'Dana Park', profileUrl: dana }, { type: 'linkedin_profile_view', site: 'linkedin', url: dana }),
    event('sf-call', { name: 'Dana Park', crmId: 'salesforce:00Q1' }),
    event('manual', { name: '  dana  PARK ' }, { site: 'manual' }),
    event('lead', undefined, { type: 'lead_created', deal: { id: 'salesforce:00Q1', name: 'Dana Park' } }),
    event('lee-call', { name: 'Lee Wong', profileUrl: 'https://www.linkedin.com/in/lee/' }),
    event('no-person', undefined, { type: 'email' }),
  ], 'UTC'));
  await db.sightings.bulkAdd([
    { fingerprint: 'f-dana', actions: ['sf-call'], timeline: [] },
    { fingerprint: 'f-mixed', actions: ['sf-call'], timeline: ['no-person'] },
    { fingerprint: 'f-lee', actions: ['lee-call'], timeline: [] },
  ]);
}

describe('erase one person (a data-subject request)', () => {
  it('finds the person through any identifier, widened through the people table', async () => {
    await seed();
    for (const query of [{ profileUrl: 'linkedin.com/in/dana-park' }, { crmId: 'salesforce:00Q1' }, { name: 'Dana Park', company: 'acme' }]) {
      const match = await findPerson(db, query);
      expect(match.people).toEqual([dana]);
      expect(match.eventIds.sort()).toEqual(['lead', 'li-view', 'manual', 'sf-call']);
    }
  });

  it('removes every event, people row and sighting link of theirs, leaves tombstones, and reports counts per table', async () => {
    await seed();
    await db.importStaging.add({ kind: 'event', row: event('staged', { name: 'Dana Park', profileUrl: dana }) }); // an interrupted import
    const report = await erasePerson(db, { profileUrl: dana }, new Date('2026-11-27T12:00:00.000Z'), 'UTC');
    expect(report).toEqual({
      format: 'pacer-erasure-report', version: 1, scope: 'person', request: { profileUrl: dana }, erasedAt: '2026-11-27T12:00:00.000Z',
      matched: { profileUrls: [dana], crmIds: ['salesforce:00Q1'], names: ['dana park'] },
      removed: { events: 4, deals: 0, people: 1, sightings: 2, days: 0 },
      tombstones: 4,
    });
    expect((await db.events.toArray()).map(e => e.id).sort()).toEqual(['lee-call', 'no-person']);
    expect((await db.people.toArray()).map(p => p.profileUrl).sort()).toEqual(['https://www.linkedin.com/in/dana-park-2/', 'https://www.linkedin.com/in/lee/']);
    expect(await db.sightings.toArray()).toEqual([
      { fingerprint: 'f-lee', actions: ['lee-call'], timeline: [] },
      { fingerprint: 'f-mixed', actions: [], timeline: ['no-person'] },
    ]);
    expect((await db.tombstones.toArray()).map(t => t.id).sort()).toEqual(['lead', 'li-view', 'manual', 'sf-call']);
    expect((await db.days.get('2026-11-26'))?.counts).toEqual({ call: 1, email: 1 });
    expect(await db.importStaging.count()).toBe(0);
  });

  it('erasing by name at a company leaves the namesake at another company', async () => {
    await seed();
    await erasePerson(db, { name: 'Dana Park', company: 'Globex' }, new Date(), 'UTC');
    expect(await db.people.get(dana)).toBeDefined();
    expect(await db.people.get('https://www.linkedin.com/in/dana-park-2/')).toBeUndefined();
  });

  it('an erased event never comes back from a resend or an import', async () => {
    await seed();
    await erasePerson(db, { crmId: 'salesforce:00Q1' }, new Date(), 'UTC');
    const added = await db.transaction('rw', captureTables(db), () => addNewEvents(db, [event('sf-call', { name: 'Dana Park', crmId: 'salesforce:00Q1' })], 'UTC'));
    expect(added).toBe(0);
  });
  it("keeps the per-deal history rows current when the person's deal moves are erased", async () => {
    await seed();
    await db.transaction('rw', captureTables(db), () => addNewEvents(db, [
      event('dana-moved', { name: 'Dana Park', crmId: 'salesforce:00Q1' }, {
        type: 'deal_stage_changed', deal: { id: 'salesforce:006D', name: 'Acme renewal' }, meta: { fromStage: 'Prospecting', toStage: 'Proposal' },
      }),
    ], 'UTC'));
    expect((await readDealHistory(db))?.rows.map(r => r.dealId)).toEqual(['salesforce:006D']);
    await erasePerson(db, { profileUrl: dana });
    // Current at once (not stale until some later write rebuilds them): the deal's row is gone.
    expect((await readDealHistory(db))?.rows).toEqual([]);
  });

  it('drops the saved scorecards, which may name their deals, instead of showing them until the panel recomputes', async () => {
    await seed();
    await db.scorecardSnapshots.put({ period: 'quarter' } as never);
    await erasePerson(db, { name: 'Lee Wong' });
    expect(await db.scorecardSnapshots.count()).toBe(0);
  });
});

describe('erase everything', () => {
  it('empties every data table, keeps a tombstone per event, and says what went', async () => {
    await seed();
    await db.deals.add({ id: 'salesforce:006', name: 'Acme', stage: 'Proposal', stageEnteredAt: '2026-11-01T00:00:00.000Z', amount: 1, currency: 'USD', status: 'open', url: 'u', lastSeenAt: '2026-11-20T00:00:00.000Z' });
    const report = await eraseEverything(db, new Date('2026-11-27T12:00:00.000Z'));
    expect(report).toEqual({
      format: 'pacer-erasure-report', version: 1, scope: 'everything', erasedAt: '2026-11-27T12:00:00.000Z',
      removed: { events: 6, deals: 1, people: 3, sightings: 3, days: 1 }, tombstones: 6,
    });
    for (const t of db.tables.filter(t => t.name !== 'tombstones')) expect(await t.count(), t.name).toBe(0);
    expect(await db.tombstones.count()).toBe(6);
  });
});
