import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { parseExport } from '../../lib/export-format';
import type { DealSnapshot } from '../../lib/model';
import { exportAll, importExport } from '../../lib/transfer';

let db: PacerDb;
beforeEach(() => { db = openDb(`transfer-${crypto.randomUUID()}`); });
afterEach(async () => { await db.delete(); });

const deal = (over: Partial<DealSnapshot> = {}): DealSnapshot => ({
  id: 'salesforce:006', name: 'Acme', stage: 'Qualification', stageEnteredAt: '2026-11-01T00:00:00.000Z', amount: 100, currency: 'USD',
  status: 'open', url: 'u', lastSeenAt: '2026-11-20T00:00:00.000Z', ...over,
});

describe('export and import', () => {
  it('exports everything, and importing that file into an empty store reproduces it', async () => {
    await db.events.bulkAdd([
      { id: 'b', type: 'email', at: '2026-11-27T11:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-27T11:00:00.000Z' },
      { id: 'a', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-27T10:00:00.000Z' },
    ]);
    await db.deals.add(deal());
    const file = await exportAll(db, { name: 'Sam', email: 's@example.com' }, new Date('2026-11-27T12:00:00.000Z'));
    expect(file.events.map(e => e.id)).toEqual(['a', 'b']);
    const parsed = parseExport(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    const other = openDb(`transfer-${crypto.randomUUID()}`);
    expect(await importExport(other, parsed.data)).toEqual({ eventsAdded: 2, eventsPresent: 0, dealsUpdated: 1 });
    expect(await other.events.orderBy('at').toArray()).toEqual(file.events);
    expect(await other.deals.toArray()).toEqual(file.deals);
    // Twice changes nothing.
    expect(await importExport(other, parsed.data)).toEqual({ eventsAdded: 0, eventsPresent: 2, dealsUpdated: 0 });
    expect(await other.events.count()).toBe(2);
    await other.delete();
  });

  it('never rolls a deal back to an older snapshot', async () => {
    await db.deals.add(deal({ stage: 'Negotiation', lastSeenAt: '2026-11-25T00:00:00.000Z' }));
    const r = await importExport(db, { format: 'pacer-export', version: 1, exportedAt: '2026-11-27T00:00:00.000Z', rep: { name: '', email: '' }, events: [], deals: [deal()] });
    expect(r.dealsUpdated).toBe(0);
    expect((await db.deals.get('salesforce:006'))!.stage).toBe('Negotiation');
  });
});
