import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { storeBatch } from '../../lib/ingest';
import { linkedinActionEvent, messageFingerprint, observeLinkedIn } from '../../lib/linkedin-observe';
import { identitiesOf } from '../../lib/people';
import type { LinkedInReading } from '../../lib/sites/linkedin';
import { healthy } from '../../lib/sites/types';
import type { CaptureBatch } from '../../lib/capture-batch';

const dana = 'https://www.linkedin.com/in/dana-park/';
const seenAt = '2026-11-27T15:00:00.000Z';
const profile = (connection: 'none' | 'pending' | 'connected'): LinkedInReading => ({
  kind: 'profile', person: { name: 'Dana Park', profileUrl: dana, headline: 'VP Sales', company: 'Acme' }, connection, degree: 2, health: healthy,
});

describe('observeLinkedIn', () => {
  it('records one profile view per person per day', () => {
    const a = observeLinkedIn(profile('none'), dana, seenAt).events;
    const b = observeLinkedIn(profile('none'), dana, '2026-11-27T16:00:00.000Z').events;
    const nextDay = observeLinkedIn(profile('none'), dana, '2026-11-29T09:00:00.000Z').events;
    expect(a.map(e => e.type)).toEqual(['linkedin_profile_view']);
    expect(a[0]!.id).toBe(b[0]!.id);
    expect(a[0]!.id).not.toBe(nextDay[0]!.id);
    expect(a[0]!.person).toEqual({ name: 'Dana Park', profileUrl: dana });
  });

  it('hands on the connection state the profile shows', () => {
    expect(observeLinkedIn(profile('pending'), dana, seenAt).people).toEqual([
      { name: 'Dana Park', profileUrl: dana, company: 'Acme', headline: 'VP Sales', connection: 'pending' },
    ]);
  });

  it("records the rep's sent messages by key, never their text, and nothing from the future", () => {
    const reading: LinkedInReading = {
      kind: 'messaging',
      threads: [{ threadId: 't1', participants: [{ name: 'Dana Park', profileUrl: dana }], sentByMe: [
        { at: '2026-11-27T10:00:00.000Z', key: 'urn:li:msg:1' },
        { at: '2026-11-27T11:00:00.000Z', key: 'urn:li:msg:2' },
        { at: '2026-11-28T11:00:00.000Z', key: 'urn:li:msg:3' },
      ] }],
      health: healthy,
    };
    const { events } = observeLinkedIn(reading, 'https://www.linkedin.com/messaging/thread/t1/', seenAt);
    expect(events.map(e => [e.type, e.at])).toEqual([
      ['linkedin_message_sent', '2026-11-27T10:00:00.000Z'],
      ['linkedin_message_sent', '2026-11-27T11:00:00.000Z'],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/meta/);
    expect(events[0]!.sighting).toEqual({ fingerprint: messageFingerprint('dana park', '2026-11-27T10:00:00.000Z'), source: 'timeline' });
  });

  it('agrees with the Send click on a connect: one per person per day', () => {
    const click = linkedinActionEvent({ type: 'linkedin_connect_sent', person: { name: 'Dana Park', profileUrl: dana }, confirm: () => ({ status: 'saved' }) }, seenAt, dana);
    const sentList = observeLinkedIn(
      { kind: 'invitations', direction: 'sent', people: [{ name: 'Dana Park', profileUrl: dana, sentAt: '2026-11-27T09:00:00.000Z' }], health: healthy },
      'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
      seenAt,
    ).events;
    expect(sentList[0]!.id).toBe(click.id);
  });
});

describe('people across sites (background)', () => {
  let db: PacerDb;
  beforeEach(() => { db = openDb(`people-${crypto.randomUUID()}`); });
  afterEach(async () => { await db.delete(); });
  const batch = (over: Partial<CaptureBatch>): CaptureBatch => ({ batchId: crypto.randomUUID(), site: 'linkedin', seenAt, events: [], deals: [], ...over });

  it('records a connect accepted once when a person seen pending is later seen connected', async () => {
    await storeBatch(db, batch({ people: observeLinkedIn(profile('pending'), dana, seenAt).people }));
    await storeBatch(db, batch({ seenAt: '2026-11-28T10:00:00.000Z', people: observeLinkedIn(profile('connected'), dana, seenAt).people }));
    await storeBatch(db, batch({ seenAt: '2026-11-29T10:00:00.000Z', people: observeLinkedIn(profile('connected'), dana, seenAt).people }));
    const accepted = await db.events.where('type').equals('linkedin_connect_accepted').toArray();
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ at: '2026-11-28T10:00:00.000Z', person: { profileUrl: dana } });
  });

  it('a connect the rep sends makes the person pending, so their acceptance is seen too', async () => {
    const click = linkedinActionEvent({ type: 'linkedin_connect_sent', person: { name: 'Dana Park', profileUrl: dana }, confirm: () => ({ status: 'saved' }) }, seenAt, dana);
    await storeBatch(db, batch({ events: [click] }));
    expect((await db.people.get(dana))!.connection).toBe('pending');
    await storeBatch(db, batch({ seenAt: '2026-11-30T10:00:00.000Z', people: [{ name: 'Dana Park', profileUrl: dana, connection: 'connected' }] }));
    expect(await db.events.where('type').equals('linkedin_connect_accepted').count()).toBe(1);
  });

  it('never invents an acceptance for someone never seen pending', async () => {
    await storeBatch(db, batch({ people: [{ name: 'Dana Park', profileUrl: dana, connection: 'connected' }] }));
    expect(await db.events.count()).toBe(0);
  });

  it('links a CRM record by its LinkedIn URL, or by the same name at the same company', async () => {
    await storeBatch(db, batch({ people: observeLinkedIn(profile('none'), dana, seenAt).people }));
    await storeBatch(db, batch({ site: 'salesforce', people: [{ name: 'Dana Park', crmId: 'salesforce:00Q1', profileUrl: dana }] }));
    await storeBatch(db, batch({ site: 'hubspot', people: [{ name: 'dana  park', crmId: 'hubspot:77', company: 'ACME' }] }));
    await storeBatch(db, batch({ site: 'pipedrive', people: [{ name: 'Dana Park', crmId: 'pipedrive:person-9', company: 'Other Corp' }] }));
    expect(await identitiesOf(db, { profileUrl: dana })).toEqual({ profileUrls: [dana], crmIds: ['salesforce:00Q1', 'hubspot:77'] });
    expect(await identitiesOf(db, { crmId: 'hubspot:77' })).toEqual({ profileUrls: [dana], crmIds: ['hubspot:77', 'salesforce:00Q1'] });
    expect(await identitiesOf(db, { crmId: 'pipedrive:person-9' })).toEqual({ profileUrls: [], crmIds: ['pipedrive:person-9'] });
  });
});
