// Manual logging (issue #5, item 3) through the real write path: events, tombstones
// and day aggregates move together, and an invalid entry writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { DAYS_TIME_ZONE_KEY } from '../../lib/days';
import { stableId } from '../../lib/ids';
import { storeBatch } from '../../lib/ingest';
import { deleteManual, editManual, entryLabel, entryOf, listManual, logManual, ManualEntryError, validateManual, type ManualEntry } from '../../lib/manual';
import { aggregateAll } from '../../lib/metrics/aggregate';
import type { ActivityEvent } from '../../lib/model';
import { importExport } from '../../lib/transfer';

let db: PacerDb;
beforeEach(() => { db = openDb(`manual-${crypto.randomUUID()}`); });
afterEach(async () => { await db.delete(); });

const TZ = 'Europe/Berlin';
const NOW = new Date('2026-05-14T12:00:00.000Z');
const referral: ManualEntry = { type: 'referral_received', at: '2026-05-14T09:30:00.000Z', person: { name: 'Dana Scully' }, key: 'k1' };

const sorted = <T extends { day: string }>(rows: T[]) => [...rows].sort((a, b) => a.day.localeCompare(b.day));
async function expectDaysEqualRecompute() {
  const events = await db.events.toArray();
  expect(sorted(await db.days.toArray())).toEqual(sorted([...aggregateAll(events, TZ).days.values()]));
}
/** Everything a write could touch: an invalid entry must leave all of it as it was. */
const snapshot = async () => ({
  events: await db.events.toArray(), days: await db.days.toArray(), tombstones: await db.tombstones.toArray(), meta: await db.meta.toArray(),
});

describe('logManual', () => {
  it('stores one manual event with a stable id, and counts it in its day', async () => {
    const { id, stored } = await logManual(db, referral, NOW, TZ);
    expect(stored).toBe(true);
    expect(id).toBe(stableId('manual', 'k1', 'referral_received'));
    expect(await db.events.get(id)).toEqual({
      id, type: 'referral_received', at: '2026-05-14T09:30:00.000Z', site: 'manual', url: '',
      person: { name: 'Dana Scully' }, capturedAt: NOW.toISOString(),
    });
    expect(await db.days.get('2026-05-14')).toMatchObject({ counts: { referral_received: 1 } });
    await expectDaysEqualRecompute();
  });

  it('keeps amount, currency, deal and subject; trims and normalises the time to UTC', async () => {
    const { id } = await logManual(db, {
      type: 'proposal_sent', at: '2026-05-14T11:15:00+02:00', amount: 12500.5, currency: 'eur', subject: '  Renewal\n  2027 ',
      deal: { id: 'salesforce:006A', name: 'Acme' }, person: { name: '  ' }, key: 'k2',
    }, NOW, TZ);
    expect(await db.events.get(id)).toMatchObject({
      at: '2026-05-14T09:15:00.000Z', amount: 12500.5, currency: 'EUR', meta: { subject: 'Renewal 2027' }, deal: { id: 'salesforce:006A', name: 'Acme' },
    });
    expect((await db.events.get(id))!.person).toBeUndefined(); // a blank name is no person
  });

  it('a resend of the same entry is stored once', async () => {
    const first = await logManual(db, referral, NOW, TZ);
    const again = await logManual(db, { ...referral }, new Date(NOW.getTime() + 5_000), TZ);
    expect(again).toEqual({ id: first.id, stored: false });
    expect(await db.events.count()).toBe(1);
    expect((await db.days.get('2026-05-14'))!.counts).toEqual({ referral_received: 1 });
  });

  it('without a key, the log time identifies the entry: the same instant is one, another is a second entry', async () => {
    const { key: _, ...noKey } = referral;
    const a = await logManual(db, noKey, NOW, TZ);
    expect((await logManual(db, noKey, NOW, TZ)).stored).toBe(false);
    const b = await logManual(db, noKey, new Date(NOW.getTime() + 1), TZ);
    expect(b.id).not.toBe(a.id);
    expect(a.id).toBe(stableId('manual', NOW.toISOString(), 'referral_received'));
    expect(await db.events.count()).toBe(2);
  });

  it('never brings back an entry that was deleted (tombstone), even if resent', async () => {
    const { id } = await logManual(db, referral, NOW, TZ);
    await deleteManual(db, id, NOW, TZ);
    expect(await logManual(db, referral, NOW, TZ)).toEqual({ id, stored: false });
    expect(await db.events.count()).toBe(0);
  });

  it('writes day rows in the zone they are already in, not the browser\'s, when none is given', async () => {
    await db.meta.put({ key: DAYS_TIME_ZONE_KEY, value: 'Pacific/Auckland' });
    await logManual(db, { type: 'call', at: '2026-05-13T13:00:00.000Z', key: 'nz' }, NOW);
    expect((await db.days.toArray()).map(d => d.day)).toEqual(['2026-05-14']); // 01:00 the next day in Auckland
    expect((await db.meta.get(DAYS_TIME_ZONE_KEY))!.value).toBe('Pacific/Auckland');
  });
});

describe('invalid entries write nothing and say why', () => {
  const cases: [string, unknown, string, string][] = [
    ['unknown type', { ...referral, type: 'deal_won' }, 'type', '"deal_won" is not something to log by hand; pick one of: referral given, referral received, event attended, training, proposal sent, proposal accepted, call (off-crm).'],
    ['no type', { at: referral.at }, 'type', 'null is not something to log by hand'],
    ['no date', { ...referral, at: '' }, 'at', 'Enter when it happened: a date and a time.'],
    ['bad date', { ...referral, at: 'last Tuesday' }, 'at', '"last Tuesday" is not a valid date and time (ISO 8601 with a zone, like 2026-05-14T09:30:00Z).'],
    ['impossible date', { ...referral, at: '2026-02-31T10:00:00Z' }, 'at', 'is not a valid date and time'],
    ['hour 24', { ...referral, at: '2026-05-14T24:30:00Z' }, 'at', 'is not a valid date and time'],
    ['a date without a zone', { ...referral, at: '2026-05-14T09:30' }, 'at', 'is not a valid date and time'],
    ['a future date', { ...referral, at: '2026-05-15T09:30:00Z' }, 'at', 'That time is in the future: log an activity once it has happened.'],
    ['negative amount', { type: 'training', at: referral.at, amount: -10, currency: 'EUR' }, 'amount', 'The amount cannot be negative.'],
    ['NaN amount', { type: 'training', at: referral.at, amount: Number.NaN, currency: 'EUR' }, 'amount', 'The amount must be a number, like 1500 or 1500.50.'],
    ['infinite amount', { type: 'proposal_sent', at: referral.at, amount: Infinity, currency: 'EUR' }, 'amount', 'The amount must be a number'],
    ['text amount', { type: 'proposal_sent', at: referral.at, amount: '100', currency: 'EUR' }, 'amount', 'The amount must be a number'],
    ['amount without currency', { type: 'training', at: referral.at, amount: 450 }, 'currency', 'Give the currency of the amount: a three-letter code like EUR.'],
    ['malformed currency', { type: 'training', at: referral.at, amount: 450, currency: 'euro' }, 'currency', '"EURO" is not a three-letter currency code like EUR.'],
    ['unknown currency', { type: 'training', at: referral.at, amount: 450, currency: 'XYZ' }, 'currency', 'XYZ is not a known ISO 4217 currency.'],
    ['an amount on a type that has none', { ...referral, amount: 5, currency: 'EUR' }, 'amount', 'A referral received has no amount; leave it empty.'],
    ['a subject over 120 characters', { ...referral, subject: 'x'.repeat(121) }, 'subject', 'The subject is too long: at most 120 characters (a title, not notes).'],
    ['a note (bodies are never kept)', { ...referral, note: 'Long story…' }, 'entry', 'Manual entries keep no "note": only a type, a time, who, a deal, an amount and a short subject.'],
    ['a deal without a site:recordId', { ...referral, deal: { id: '006A' } }, 'deal', 'The deal needs its "site:recordId" id.'],
    ['not an object', 'call', 'entry', 'Nothing to log'],
  ];
  it.each(cases)('%s', async (_name, entry, field, message) => {
    await logManual(db, { type: 'call', at: '2026-05-13T10:00:00Z', key: 'seed' }, NOW, TZ); // something already there
    const before = await snapshot();
    const error = await logManual(db, entry as ManualEntry, NOW, TZ).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ManualEntryError);
    expect((error as ManualEntryError).problems.map(p => p.field)).toContain(field);
    expect((error as ManualEntryError).message.toLowerCase()).toContain(message.toLowerCase());
    expect(await snapshot()).toEqual(before);
  });

  it('reports every problem at once', () => {
    const v = validateManual({ type: 'training', at: 'soon', amount: -1, subject: 'y'.repeat(200) }, NOW);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problems.map(p => p.field)).toEqual(['at', 'amount', 'subject']);
  });

  it('accepts zero (a free training) and drops a currency given without an amount', () => {
    expect(validateManual({ type: 'training', at: referral.at, amount: 0, currency: 'USD' }, NOW)).toMatchObject({ ok: true, entry: { amount: 0, currency: 'USD' } });
    const v = validateManual({ type: 'training', at: referral.at, currency: 'USD' }, NOW);
    expect(v.ok && v.entry).toEqual({ type: 'training', at: referral.at });
  });
});

describe('editManual', () => {
  it('tombstones the old, stores the new under a new id, and moves the day aggregates (one transaction)', async () => {
    await storeBatch(db, { batchId: 'b', site: 'salesforce', seenAt: NOW.toISOString(), deals: [], events: [
      { id: 'sf-call', type: 'call', at: '2026-05-12T08:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: NOW.toISOString() },
    ] }, TZ);
    const { id: oldId } = await logManual(db, referral, NOW, TZ);
    const later = new Date(NOW.getTime() + 60_000);
    // Wrong type and day: it was a referral *given*, two days earlier.
    const newId = await editManual(db, oldId, { ...referral, type: 'referral_given', at: '2026-05-12T15:00:00.000Z', key: 'k-edit' }, later, TZ);
    expect(newId).not.toBe(oldId);
    expect(await db.events.get(oldId)).toBeUndefined();
    expect(await db.tombstones.get(oldId)).toEqual({ id: oldId, deletedAt: later.toISOString() });
    expect(await db.events.get(newId)).toMatchObject({ type: 'referral_given', at: '2026-05-12T15:00:00.000Z', site: 'manual', capturedAt: later.toISOString() });
    expect(await db.days.get('2026-05-14')).toBeUndefined(); // nothing left that day
    expect((await db.days.get('2026-05-12'))!.counts).toEqual({ call: 1, referral_given: 1 });
    await expectDaysEqualRecompute();
  });

  it('an edit that keeps the key and type still gets a new id (the old one is tombstoned)', async () => {
    const { id: oldId } = await logManual(db, referral, NOW, TZ);
    const newId = await editManual(db, oldId, { ...referral, person: { name: 'Fox Mulder' } }, NOW, TZ);
    expect(newId).not.toBe(oldId);
    expect((await db.events.get(newId))!.person).toEqual({ name: 'Fox Mulder' });
    expect(await db.events.count()).toBe(1);
  });

  it('repeating the same edit is harmless', async () => {
    const { id: oldId } = await logManual(db, referral, NOW, TZ);
    const edit = { ...referral, subject: 'Intro to Globex', key: 'k-edit' };
    const newId = await editManual(db, oldId, edit, NOW, TZ);
    expect(await editManual(db, oldId, edit, NOW, TZ)).toBe(newId);
    expect((await db.events.toArray()).map(e => e.id)).toEqual([newId]);
    await expectDaysEqualRecompute();
  });

  it('an invalid edit changes nothing: the old entry stays', async () => {
    const { id: oldId } = await logManual(db, referral, NOW, TZ);
    const before = await snapshot();
    await expect(editManual(db, oldId, { ...referral, at: 'yesterday' }, NOW, TZ)).rejects.toThrow('"yesterday" is not a valid date and time');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to edit what is gone or was captured from a page, and writes nothing', async () => {
    await storeBatch(db, { batchId: 'b', site: 'salesforce', seenAt: NOW.toISOString(), deals: [], events: [
      { id: 'sf-call', type: 'call', at: '2026-05-12T08:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: NOW.toISOString() },
    ] }, TZ);
    const before = await snapshot();
    await expect(editManual(db, 'nope', referral, NOW, TZ)).rejects.toThrow('That entry (nope) is gone');
    await expect(editManual(db, 'sf-call', referral, NOW, TZ)).rejects.toThrow('was captured from a page, not logged by hand');
    await expect(deleteManual(db, 'sf-call', NOW, TZ)).rejects.toThrow('was captured from a page');
    expect(await snapshot()).toEqual(before);
  });

  it('rolls back the delete when the add fails', async () => {
    const { id: oldId } = await logManual(db, referral, NOW, TZ);
    const before = await snapshot();
    const add = db.events.bulkAdd.bind(db.events);
    db.events.bulkAdd = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.events.bulkAdd;
    try {
      await expect(editManual(db, oldId, { ...referral, key: 'k-edit' }, NOW, TZ)).rejects.toThrow('disk full');
    } finally {
      db.events.bulkAdd = add;
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('deleteManual', () => {
  it('tombstones the entry and takes it out of its day; a second delete is a no-op', async () => {
    const { id } = await logManual(db, referral, NOW, TZ);
    await logManual(db, { type: 'call', at: '2026-05-14T10:00:00.000Z', key: 'c' }, NOW, TZ);
    expect(await deleteManual(db, id, NOW, TZ)).toBe(true);
    expect(await db.events.get(id)).toBeUndefined();
    expect(await db.tombstones.get(id)).toBeDefined();
    expect((await db.days.get('2026-05-14'))!.counts).toEqual({ call: 1 });
    expect(await deleteManual(db, id, NOW, TZ)).toBe(false);
    await expectDaysEqualRecompute();
  });

  it('an import of an old export does not revive a deleted entry', async () => {
    const { id } = await logManual(db, referral, NOW, TZ);
    const exported = await db.events.toArray();
    await deleteManual(db, id, NOW, TZ);
    await importExport(db, { format: 'pacer-export', version: 1, exportedAt: NOW.toISOString(), rep: { name: '', email: '' }, events: exported, deals: [] }, TZ);
    expect(await db.events.count()).toBe(0);
    await expectDaysEqualRecompute();
  });
});

describe('listManual', () => {
  it('lists manual entries only, newest first, up to the limit', async () => {
    await storeBatch(db, { batchId: 'b', site: 'salesforce', seenAt: NOW.toISOString(), deals: [], events: [
      { id: 'sf-call', type: 'call', at: '2026-05-14T11:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: NOW.toISOString() },
    ] }, TZ);
    for (const [key, at] of [['a', '2026-05-10T09:00:00Z'], ['b', '2026-05-14T08:00:00Z'], ['c', '2026-05-12T09:00:00Z']] as const) {
      await logManual(db, { type: 'event_attended', at, key }, NOW, TZ);
    }
    const list = await listManual(db, 2);
    expect(list.map(e => e.at)).toEqual(['2026-05-14T08:00:00.000Z', '2026-05-12T09:00:00.000Z']);
    expect(list.every(e => e.site === 'manual')).toBe(true);
    expect(await listManual(db, 10)).toHaveLength(3);
  });
});

describe('entryOf and entryLabel', () => {
  const stored: ActivityEvent = {
    id: 'x', type: 'training', at: '2026-05-14T09:30:00.000Z', site: 'manual', url: '', capturedAt: NOW.toISOString(),
    person: { name: 'Acme Academy' }, amount: 450, currency: 'EUR', meta: { subject: 'Negotiation' },
  };
  it('turns a stored event back into the entry it came from', () => {
    expect(entryOf(stored)).toEqual({ type: 'training', at: stored.at, person: { name: 'Acme Academy' }, amount: 450, currency: 'EUR', subject: 'Negotiation' });
  });
  it('names an entry in one line', () => {
    expect(entryLabel(stored, 'en-GB', 'UTC')).toBe('Training, Acme Academy, 14 May 2026, 09:30');
    expect(entryLabel({ ...stored, person: undefined }, 'en-GB', 'UTC')).toBe('Training, Negotiation, 14 May 2026, 09:30');
  });
});
