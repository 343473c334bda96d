import { describe, expect, it } from 'vitest';
import { eventProblem } from '../../lib/export-format';
import type { ActivityEvent } from '../../lib/model';
import { ExportFileError, ExportScanner, MAX_ROW_CHARS, type ScannedRow } from '../../lib/transfer-scan';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// The collector on demand, for measuring what is live (see the 100 MB test).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const event = (i: number): ActivityEvent => ({
  id: `evt-${i}`, type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
  person: { name: 'Dana "D" Whit\\ney, {CFO}', crmId: 'salesforce:003' }, deal: { id: 'salesforce:006', name: 'Acme [renewal]' },
  meta: { subject: 'Call: pricing, terms } and ] brackets', outcome: 'Connected' }, capturedAt: '2026-11-27T10:00:00.000Z',
});
const exportText = (events: unknown[], deals: unknown[] = [], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'pacer-export', version: 1, exportedAt: '2026-11-27T12:00:00.000Z', rep: { name: 'Sam', email: 's@example.com' }, events, deals, ...extra }, null, 1);

/** Scans a text cut into chunks of `size` characters; returns the rows and the header. */
function scan(text: string, size = text.length) {
  const scanner = new ExportScanner();
  const rows: ScannedRow[] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...scanner.push(text.slice(i, i + size)));
  return { rows, header: scanner.finish() };
}
const scanError = (text: string) => {
  try {
    scan(text);
  } catch (error) {
    if (error instanceof ExportFileError) return error.message;
    throw error;
  }
  throw new Error('expected the file to be rejected');
};

describe('ExportScanner: a Pacer export read in chunks, one row at a time', () => {
  const text = exportText([event(0), event(1), event(2)], [{ id: 'salesforce:006', name: 'Acme' }]);

  it('hands over each row as its own JSON text, and the top-level fields at the end', () => {
    const { rows, header } = scan(text);
    expect(rows.map(r => [r.list, r.index])).toEqual([['events', 0], ['events', 1], ['events', 2], ['deals', 0]]);
    expect(JSON.parse(rows[1]!.text!)).toEqual(event(1));
    expect(header).toEqual({ format: 'pacer-export', version: 1, exportedAt: '2026-11-27T12:00:00.000Z', rep: { name: 'Sam', email: 's@example.com' } });
  });

  it('reads the same rows whatever the chunk boundaries (strings with quotes, escapes and brackets split anywhere)', () => {
    const whole = scan(text).rows;
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(scan(text, size).rows).toEqual(whole);
  });

  it('reads a file whose lists come first, or are empty, and one with a byte-order mark', () => {
    const reordered = `\uFEFF{"events":[],"deals":[],"rep":{"name":"","email":""},"exportedAt":"2026-11-27T12:00:00Z","version":1,"format":"pacer-export"}`;
    expect(scan(reordered).rows).toEqual([]);
  });

  it.each([
    ['truncated inside a row', text.slice(0, text.indexOf('evt-1') + 20), 'The file ends before the export does while reading events[1]: it looks truncated. Nothing was imported.'],
    ['truncated after a row', text.slice(0, text.indexOf('"deals"')), 'The file ends before the export does: it looks truncated. Nothing was imported.'],
    ['empty', '', 'This file is empty.'],
    ['not JSON', 'id,type,at\n1,call,2026-11-27', 'This file is not JSON, so it is not a Pacer export.'],
    ['a JSON list', '[1,2,3]', 'This file is not JSON, so it is not a Pacer export.'],
    ['another format', JSON.stringify({ format: 'crm-dump', rows: [] }), 'This file is not a Pacer export (its "format" is not "pacer-export").'],
    ['another version', exportText([]).replace('"version": 1', '"version": 2'), 'This export is version 2; this Pacer reads version 1.'],
    ['no version', exportText([]).replace('"version": 1,', ''), 'This export is version null; this Pacer reads version 1.'],
    ['events not a list', exportText([]).replace('"events": []', '"events": {}'), 'The export needs "events" and "deals" lists.'],
    ['no deals list', exportText([]).replace(',\n "deals": []', ''), 'The export needs "events" and "deals" lists.'],
    ['missing a colon', '{"format" "pacer-export"}', 'This file is not valid JSON, so nothing was imported.'],
    ['an empty row', exportText([1, 2]).replace(/1,\s*2/, '1,,2'), 'This file is not valid JSON near events[1], so nothing was imported.'],
    ['a trailing comma', exportText([1]).replace(/1\s*]/, '1,]'), 'This file is not valid JSON near events[1], so nothing was imported.'],
    ['more after the end', `${exportText([])} {}`, 'This file has more after the end of the export, so it is not a Pacer export.'],
  ])('rejects a file that is %s, naming the problem', (_name, bad, message) => {
    expect(scanError(bad)).toBe(message);
  });

  it('stops at a wrong version without reading the rows that follow', () => {
    const scanner = new ExportScanner();
    expect(() => scanner.push('{"format":"pacer-export","version":3,"events":[')).toThrow('This export is version 3');
  });

  it('leaves a malformed row to the row (one invalid row, not a broken file)', () => {
    const { rows } = scan(exportText([]).replace('"events": []', '"events": [{"id": "a", "at": 2026-11-27}, 1 2, {"id": "b"}]'));
    expect(rows.map(r => r.text)).toEqual(['{"id": "a", "at": 2026-11-27}', '1 2', '{"id": "b"}']);
    expect(() => JSON.parse(rows[0]!.text!)).toThrow();
  });

  it('drops a row larger than 256 KB without keeping its text', () => {
    const huge = { ...event(0), meta: { subject: 'x'.repeat(MAX_ROW_CHARS) } };
    const { rows } = scan(exportText([huge, event(1)]), 4096);
    expect(rows.map(r => [r.index, r.text === null])).toEqual([[0, true], [1, false]]);
    expect(JSON.parse(rows[1]!.text!)).toEqual(event(1));
  });

  it('rejects a file whose top-level field is huge (not an export)', () => {
    expect(scanError(exportText([], [], { padding: 'x'.repeat(100_000) }))).toBe('The export\'s "padding" field is far too large for a Pacer export.');
  });
});

describe('ExportScanner on a 100 MB file', () => {
  it('reads and validates every row of a generated 100 MB export in 1 MB chunks, with bounded memory', () => {
    const row = (i: number) => JSON.stringify({ ...event(i), meta: { subject: `Call ${i}: <script>alert(1)</script> =HYPERLINK("http://x")` } });
    const head = '{"format":"pacer-export","version":1,"exportedAt":"2026-11-27T12:00:00.000Z","rep":{"name":"Sam","email":"s@example.com"},"events":[';
    const target = 100 * 1024 * 1024;
    const scanner = new ExportScanner();
    let produced = 0;
    let rows = 0;
    let invalid = 0;
    let i = 0;
    let peak = 0;
    // What the scanner keeps alive, not garbage the collector hasn't reached yet (that depends
    // on when V8 chooses to collect, which made the bound flaky): collect, then measure.
    const live = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const base = live();
    let chunks = 0;
    const feed = (chunk: string) => {
      produced += chunk.length;
      for (const r of scanner.push(chunk)) {
        rows++;
        if (eventProblem(JSON.parse(r.text!))) invalid++;
      }
      if (++chunks % 4 === 0) peak = Math.max(peak, live() - base);
    };
    feed(head);
    // Generated 1 MB at a time, never as one string: the scanner sees what a File stream gives.
    while (produced < target) {
      const parts: string[] = [];
      let size = 0;
      while (size < 1024 * 1024) {
        const r = (i ? ',' : '') + row(i++);
        parts.push(r);
        size += r.length;
      }
      feed(parts.join(''));
    }
    feed('],"deals":[]}');
    scanner.finish();
    expect(produced).toBeGreaterThanOrEqual(target);
    expect(rows).toBe(i);
    expect(invalid).toBe(0);
    // The file is never held whole: the live heap grows by a few chunks' worth, not by 100 MB.
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});
