import { describe, expect, it } from 'vitest';
import { buildExport, exportFileName, parseExport } from '../../lib/export-format';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';

const event: ActivityEvent = {
  id: 'e1', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'https://x.lightning.force.com/', capturedAt: '2026-11-27T10:00:01.000Z',
};
const deal: DealSnapshot = {
  id: 'salesforce:006', name: 'Acme', stage: 'Qualification', stageEnteredAt: '2026-11-01T00:00:00.000Z', amount: null, currency: null,
  status: 'open', url: 'https://x.lightning.force.com/lightning/r/Opportunity/006/view', lastSeenAt: '2026-11-27T10:00:00.000Z',
};
const rep = { name: 'Sam Rep', email: 'sam@example.com' };

describe('export format', () => {
  it('has the documented envelope', () => {
    const now = new Date('2026-11-27T10:00:00.000Z');
    expect(buildExport(rep, [event], [deal], now)).toEqual({
      format: 'pacer-export', version: 1, exportedAt: '2026-11-27T10:00:00.000Z', rep, events: [event], deals: [deal],
    });
  });

  it('names the file by the local date', () => {
    expect(exportFileName(new Date(2026, 10, 7, 23, 59))).toBe('pacer-export-2026-11-07.json');
  });

  it('round-trips through parseExport', () => {
    const data = buildExport(rep, [event], [deal], new Date('2026-11-27T10:00:00.000Z'));
    expect(parseExport(JSON.stringify(data))).toEqual({ ok: true, data });
  });

  it('accepts 29 February in a leap year, and the last day of each month', () => {
    const days = ['2028-02-29', '2000-02-29', '2026-01-31', '2026-04-30', '2026-12-31'];
    const data = buildExport(rep, [event], days.map((closeDate, i) => ({ ...deal, id: `salesforce:00${i}`, closeDate })), new Date('2026-11-27T10:00:00.000Z'));
    expect(parseExport(JSON.stringify(data)).ok).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-02-31', '2026-04-31', '2026-00-10', '2026-13-01', '2026-06-00'])('refuses a deal closing on %s, a day no calendar has', closeDate => {
    const data = buildExport(rep, [event], [{ ...deal, closeDate }], new Date('2026-11-27T10:00:00.000Z'));
    const r = parseExport(JSON.stringify(data));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('deals[0] has a closeDate that is not a real YYYY-MM-DD day') });
  });

  const valid = () => buildExport(rep, [event], [deal], new Date('2026-11-27T10:00:00.000Z')) as unknown as Record<string, unknown>;
  it.each([
    ['not JSON', '{"format":', 'not JSON'],
    ['another format', JSON.stringify({ format: 'something-else' }), '"format" is not "pacer-export"'],
    ['a newer version', JSON.stringify({ ...valid(), version: 2 }), 'version 2'],
    ['no rep', JSON.stringify({ ...valid(), rep: null }), '"rep"'],
    ['events not a list', JSON.stringify({ ...valid(), events: {} }), '"events" and "deals" lists'],
    ['an event of unknown type', JSON.stringify({ ...valid(), events: [{ ...event, type: 'fax' }] }), 'events[0] has an unknown type "fax"'],
    ['an event with a bad date', JSON.stringify({ ...valid(), events: [event, { ...event, at: 'yesterday' }] }), 'events[1] has an "at"'],
    ['a deal with a NaN-ish amount', JSON.stringify({ ...valid(), deals: [{ ...deal, amount: '12k' }] }), 'deals[0] has an amount'],
    ['a deal with a bad status', JSON.stringify({ ...valid(), deals: [{ ...deal, status: 'maybe' }] }), 'deals[0] has a status'],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const r = parseExport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});
