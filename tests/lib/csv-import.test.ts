import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvParts, dealCells, eventCells, personCells } from '../../lib/csv';
import { CsvScanner, unescapeCell } from '../../lib/csv-parse';
import { openDb, type PacerDb } from '../../lib/db';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { commitImport, dryRunImport, type TextSource } from '../../lib/transfer-import';

const scanAll = (text: string, size: number) => {
  const s = new CsvScanner();
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  return [...out, ...s.finish()];
};

describe('CsvScanner', () => {
  const text = '\uFEFFa,b,c\r\n1,"two, with ""quotes""","line 1\r\nline 2"\r\n\r\n,,\nlast,row,"x"';
  it('reads RFC 4180 records: quotes, doubled quotes, line breaks in cells, CRLF or LF, blank lines skipped', () => {
    expect(scanAll(text, text.length)).toEqual([
      ['a', 'b', 'c'], ['1', 'two, with "quotes"', 'line 1\r\nline 2'], ['', '', ''], ['last', 'row', 'x'],
    ]);
  });
  it('reads the same records whatever the chunk size', () => {
    for (const size of [1, 2, 3, 5, 8]) expect(scanAll(text, size)).toEqual(scanAll(text, text.length));
  });
  it('says a file cut inside a quoted cell is truncated', () => {
    expect(() => scanAll('a,b\r\n1,"unfinished', 4)).toThrow('The CSV file ends inside a quoted cell: it looks truncated.');
  });
  it('takes off only the apostrophe Pacer put before a formula', () => {
    expect(["'=HYPERLINK(1)", "'+1 555", "'-2", "'@x", "'\tx", "'plain", "it's"].map(unescapeCell)).toEqual(['=HYPERLINK(1)', '+1 555', '-2', '@x', '\tx', "'plain", "it's"]);
  });
});

let db: PacerDb;
beforeEach(() => { db = openDb(`csv-import-${crypto.randomUUID()}`); });
afterEach(async () => { await db.delete(); });

const source = (text: string): TextSource => async function* () {
  for (let i = 0; i < text.length; i += 64) yield text.slice(i, i + 64);
};
const events: ActivityEvent[] = [
  { id: 'e1', type: 'call', at: '2026-11-26T10:00:00.000Z', site: 'salesforce', url: 'https://acme.lightning.force.com/x', person: { name: '=HYPERLINK("http://evil.example","x")', crmId: 'salesforce:003' }, deal: { id: 'salesforce:006', name: 'Acme, Inc. "renewal"' }, meta: { subject: 'Line 1\nline 2', outcome: 'Connected' }, capturedAt: '2026-11-26T10:00:01.000Z' },
  { id: 'e2', type: 'deal_won', at: '2026-11-26T11:00:00.000Z', site: 'hubspot', url: 'u', deal: { id: 'hubspot:9' }, amount: -1500.5, currency: 'EUR', meta: { fromStage: 'Proposal', toStage: 'Closed Won', discount: 0.15 }, capturedAt: '2026-11-26T11:00:00.000Z' },
  { id: 'e3', type: 'linkedin_profile_view', at: '2026-11-26T12:00:00.000Z', site: 'linkedin', url: 'https://www.linkedin.com/in/dana/', person: { name: '+Dana', profileUrl: 'https://www.linkedin.com/in/dana/' }, capturedAt: '2026-11-26T12:00:00.000Z' },
];
const deals: DealSnapshot[] = [
  { id: 'salesforce:006', name: '@Acme', stage: 'Proposal', stageEnteredAt: '2026-11-01T00:00:00.000Z', amount: null, currency: null, status: 'open', url: 'u', lastSeenAt: '2026-11-20T00:00:00.000Z' },
  { id: 'hubspot:9', name: 'Globex', stage: 'Closed Won', stageEnteredAt: '2026-11-02T00:00:00.000Z', amount: 1200, currency: 'USD', listAmount: 1500, discount: 0.2, createdAt: '2026-10-01T00:00:00.000Z', closeDate: '2026-11-30', status: 'won', url: 'u', lastSeenAt: '2026-11-21T00:00:00.000Z' },
];

describe('importing Pacer\'s own CSV files', () => {
  it('events.csv round-trips exactly: formula-looking names come back as the text they were', async () => {
    const text = csvParts('events', events, eventCells).join('');
    const summary = await dryRunImport(db, source(text), { size: text.length });
    expect(summary).toEqual({ events: { new: 3, present: 0, deleted: 0, repeated: 0, invalid: 0 }, deals: { new: 0, newer: 0, older: 0, invalid: 0 }, invalid: [] });
    expect(await commitImport(db, source(text), { size: text.length, timeZone: 'UTC' })).toEqual({ eventsAdded: 3, eventsPresent: 0, dealsUpdated: 0 });
    expect(await db.events.orderBy('at').toArray()).toEqual(events);
  });

  it('deals.csv round-trips exactly, unknown amounts included', async () => {
    const text = csvParts('deals', deals, dealCells).join('');
    await commitImport(db, source(text), { size: text.length, timeZone: 'UTC' });
    expect(await db.deals.orderBy('id').toArray()).toEqual([...deals].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('names invalid rows by their spreadsheet row', async () => {
    const text = `${csvParts('events', events.slice(0, 1), eventCells).join('')}e9,call,yesterday,salesforce,u\r\n${
      csvParts('events', [{ ...events[1]!, id: 'e10', type: 'fax' as never }], eventCells).slice(1).join('')}${
      csvParts('events', [{ ...events[1]!, id: 'e11' }], eventCells).slice(1).join('').replace('-1500.5', 'lots')}`;
    const summary = await dryRunImport(db, source(text), { size: text.length });
    expect(summary.invalid).toEqual([
      { where: 'row 3', reason: 'has 5 cells; the header has 19' },
      { where: 'row 4', reason: 'has an unknown type "fax"' },
      { where: 'row 5', reason: 'has an amount that is not a number' },
    ]);
    expect(summary.events.new).toBe(1);
  });

  it('refuses a CSV of another table, or of something else, as a whole', async () => {
    const people = csvParts('people', [{ profileUrl: 'p', name: 'n', nameKey: 'n', connection: 'none', crmIds: [], updatedAt: 'x' }], personCells).join('');
    await expect(dryRunImport(db, source(people), { size: people.length })).rejects.toThrow("This is Pacer's people table; Pacer imports events and deals (JSON, or their CSV files).");
    const other = 'Name,Phone\r\nDana,555\r\n';
    await expect(dryRunImport(db, source(other), { size: other.length })).rejects.toThrow("This CSV file is not one of Pacer's exports");
    const whole = csvParts('events', events, eventCells).join('');
    const cut = whole.slice(0, whole.indexOf('Line 1') + 3); // inside a quoted cell
    await expect(dryRunImport(db, source(cut), { size: cut.length })).rejects.toThrow('it looks truncated');
  });

  it('a CSV cut between cells ends in a short row, reported invalid (CSV has no end marker)', async () => {
    const whole = csvParts('events', events, eventCells).join('');
    const cut = whole.slice(0, whole.indexOf(',hubspot:9'));
    const summary = await dryRunImport(db, source(cut), { size: cut.length });
    expect(summary.invalid).toEqual([{ where: 'row 3', reason: 'has 8 cells; the header has 19' }]);
  });
});
