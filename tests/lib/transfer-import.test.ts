import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { deleteEvents } from '../../lib/ingest';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { blobSource, commitImport, dryRunImport, INVALID_LIST_CAP, type TextSource } from '../../lib/transfer-import';
import { ExportFileError } from '../../lib/transfer-scan';

let db: PacerDb;
beforeEach(() => { db = openDb(`import-${crypto.randomUUID()}`); });
afterEach(async () => { vi.restoreAllMocks(); await db.delete(); });

const event = (id: string, over: Partial<ActivityEvent> = {}): ActivityEvent => ({
  id, type: 'call', at: '2026-11-26T10:00:00.000Z', site: 'salesforce', url: 'https://acme.lightning.force.com/x', capturedAt: '2026-11-26T10:00:00.000Z', ...over,
});
const deal = (over: Partial<DealSnapshot> = {}): DealSnapshot => ({
  id: 'salesforce:006', name: 'Acme', stage: 'Qualification', stageEnteredAt: '2026-11-01T00:00:00.000Z', amount: 100, currency: 'USD',
  status: 'open', url: 'u', lastSeenAt: '2026-11-20T00:00:00.000Z', ...over,
});
const fileText = (events: unknown[], deals: unknown[] = []) =>
  JSON.stringify({ format: 'pacer-export', version: 1, exportedAt: '2026-11-27T12:00:00.000Z', rep: { name: 'Sam', email: 's@example.com' }, events, deals });
/** The text in chunks of 100 characters, as a File's stream would give it. */
const source = (text: string): TextSource => async function* () {
  for (let i = 0; i < text.length; i += 100) yield text.slice(i, i + 100);
};
const dryRun = (text: string) => dryRunImport(db, source(text), { size: text.length });
const commit = (text: string) => commitImport(db, source(text), { size: text.length, timeZone: 'UTC' });
/** Every table, for "the store is exactly as it was". */
const dump = async () => Object.fromEntries(await Promise.all(db.tables.map(async t => [t.name, await t.toArray()] as const)));

describe('import dry run: what would change, before anything is written', () => {
  it('counts new, already present, deleted, repeated and invalid rows, with reasons, and writes nothing', async () => {
    await db.events.bulkAdd([event('present')]);
    await db.events.add(event('gone'));
    await deleteEvents(db, ['gone'], new Date(), 'UTC');
    await db.deals.add(deal());
    const before = await dump();
    const text = fileText(
      [event('new-1'), event('present'), event('gone'), event('new-2'), event('new-1'), { ...event('bad-at'), at: 'last Tuesday' }, { id: 'x', type: 'fax' }, 'a string'],
      [deal({ lastSeenAt: '2026-11-25T00:00:00.000Z' }), deal({ id: 'hubspot:9' }), deal({ lastSeenAt: '2026-11-01T00:00:00.000Z' }), { id: 'no-colon' }],
    );
    const summary = await dryRun(text);
    expect(summary).toEqual({
      rep: { name: 'Sam', email: 's@example.com' },
      exportedAt: '2026-11-27T12:00:00.000Z',
      events: { new: 2, present: 1, deleted: 1, repeated: 1, invalid: 3 },
      deals: { new: 1, newer: 1, older: 1, invalid: 1 },
      invalid: [
        { where: 'events[5]', reason: 'has an "at" that is not an ISO 8601 time' },
        { where: 'events[6]', reason: 'has an unknown type "fax"' },
        { where: 'events[7]', reason: 'is not an object' },
        { where: 'deals[3]', reason: 'has no "site:recordId" id' },
      ],
    });
    expect(await dump()).toEqual(before);
  });

  it('lists at most the first 50 invalid rows, and counts them all', async () => {
    const bad = Array.from({ length: 120 }, (_, i) => ({ ...event(`b${i}`), capturedAt: 'soon' }));
    const summary = await dryRun(fileText(bad));
    expect(summary.events.invalid).toBe(120);
    expect(summary.invalid).toHaveLength(INVALID_LIST_CAP);
    expect(summary.invalid[49]).toEqual({ where: 'events[49]', reason: 'has a "capturedAt" that is not an ISO 8601 time' });
  });

  it('rejects a truncated, wrong-version or headless file as a whole, writing nothing', async () => {
    const good = fileText([event('a')]);
    await expect(dryRun(good.slice(0, 150))).rejects.toThrow(ExportFileError);
    await expect(dryRun(good.replace('"version":1', '"version":2'))).rejects.toThrow('This export is version 2; this Pacer reads version 1.');
    await expect(dryRun(good.replace('"rep":{"name":"Sam","email":"s@example.com"},', ''))).rejects.toThrow('The export has no "rep" with a name and an email.');
    await expect(commit(good.slice(0, 150))).rejects.toThrow('looks truncated');
    expect(await db.events.count()).toBe(0);
    expect(await db.importStaging.count()).toBe(0);
  });

  it('reports progress from 0 to 1 while checking', async () => {
    const text = fileText(Array.from({ length: 50 }, (_, i) => event(`e${i}`)));
    const seen: number[] = [];
    await dryRunImport(db, source(text), { size: text.length, onProgress: p => seen.push(p.fraction) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });
});

describe('import: the valid rows, in one transaction', () => {
  it('adds the new events and newer deals, keeps what is present, never revives a deleted one; twice changes nothing', async () => {
    await db.events.add(event('gone'));
    await deleteEvents(db, ['gone'], new Date(), 'UTC');
    const text = fileText([event('a'), event('b', { type: 'email' }), event('gone'), { bad: true }], [deal()]);
    expect(await commit(text)).toEqual({ eventsAdded: 2, eventsPresent: 1, dealsUpdated: 1 });
    expect((await db.events.toArray()).map(e => e.id).sort()).toEqual(['a', 'b']);
    expect((await db.days.get('2026-11-26'))?.counts).toEqual({ call: 1, email: 1 });
    expect(await db.importStaging.count()).toBe(0);
    const after = await dump();
    expect(await commit(text)).toEqual({ eventsAdded: 0, eventsPresent: 3, dealsUpdated: 0 });
    expect(await dump()).toEqual(after);
  });

  it('stores only the fields of the format: a hostile file cannot add a body or other fields', async () => {
    const hostile = {
      ...event('h'), body: 'the whole email text', person: { name: '<script>alert(1)</script>', secret: 1 },
      meta: { subject: '=HYPERLINK("http://evil.example","click")', note: 'a note body' },
    };
    await commit(fileText([hostile], [{ ...deal(), notes: 'x' }]));
    expect(await db.events.get('h')).toEqual({
      ...event('h'), person: { name: '<script>alert(1)</script>' }, meta: { subject: '=HYPERLINK("http://evil.example","click")' },
    });
    expect(await db.deals.get('salesforce:006')).toEqual(deal());
  });

  it('is atomic: a failure midway through a 5,000-event import leaves every table exactly as it was', async () => {
    await db.events.bulkAdd([event('kept-1'), event('kept-2', { at: '2026-11-25T09:00:00.000Z' })]);
    await db.deals.add(deal());
    await commit(fileText([event('kept-3')])); // day rows and meta exist too
    const before = await dump();
    const events = Array.from({ length: 5_000 }, (_, i) => event(`imp-${i}`, { at: new Date(Date.UTC(2026, 9, 1 + (i % 50), 10)).toISOString() }));
    const text = fileText(events, [deal({ stage: 'Proposal', lastSeenAt: '2026-11-26T00:00:00.000Z' })]);
    // The third page of the commit fails after two pages were written inside the transaction.
    const bulkAdd = db.events.bulkAdd.bind(db.events);
    let calls = 0;
    vi.spyOn(db.events, 'bulkAdd').mockImplementation(((rows: ActivityEvent[]) => {
      if (++calls === 3) throw new Error('disk full');
      return bulkAdd(rows);
    }) as typeof db.events.bulkAdd);
    await expect(commit(text)).rejects.toThrow('disk full');
    expect(calls).toBe(3);
    expect(await dump()).toEqual(before);
    vi.restoreAllMocks();
    // Nothing half-done stands in the way of a retry.
    expect(await commit(text)).toEqual({ eventsAdded: 5_000, eventsPresent: 0, dealsUpdated: 1 });
    expect(await db.events.count()).toBe(5_003);
  }, 60_000);

  it('reads a Blob (a chosen File) in chunks, multi-byte characters split across chunks included', async () => {
    const text = fileText([event('ü', { person: { name: 'Zoë Ångström 日本' } })]);
    const blob = new Blob([text]);
    expect(await commitImport(db, blobSource(blob), { size: blob.size, timeZone: 'UTC' })).toMatchObject({ eventsAdded: 1 });
    expect((await db.events.get('ü'))?.person?.name).toBe('Zoë Ångström 日本');
  });
});
