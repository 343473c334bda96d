import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvFileName, csvParts, eventCells } from '../../lib/csv';
import type { ActivityEvent } from '../../lib/model';

describe('CSV cells', () => {
  it.each([
    ['plain text', 'Acme', 'Acme'],
    ['a formula', '=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['a plus', '+1 555 0100', "'+1 555 0100"],
    ['a minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a leading carriage return', '\r=1', `"'\r=1"`],
    ['a comma', 'Acme, Inc.', '"Acme, Inc."'],
    ['quotes', 'Dana "D" Park', '"Dana ""D"" Park"'],
    ['a line break', 'line 1\nline 2', '"line 1\nline 2"'],
    ['a script tag', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['leading spaces', '  padded', '"  padded"'],
  ])('%s', (_name, value, cell) => expect(csvCell(value)).toBe(cell));

  it('writes numbers as numbers (a negative amount is not a formula), and unknown as empty', () => {
    expect([csvCell(-1500.5), csvCell(0), csvCell(null), csvCell(undefined), csvCell(Number.NaN)]).toEqual(['-1500.5', '0', '', '', '']);
  });
});

describe('CSV tables', () => {
  const e: ActivityEvent = {
    id: 'e1', type: 'deal_stage_changed', at: '2026-11-27T10:00:00.000Z', site: 'hubspot', url: 'https://app.hubspot.com/x',
    person: { name: '=HYPERLINK("http://x")' }, deal: { id: 'hubspot:1', name: 'Acme, Inc.' }, amount: 1200, currency: 'EUR',
    meta: { fromStage: 'Qualified', toStage: 'Proposal' }, capturedAt: '2026-11-27T10:00:01.000Z',
  };

  it('starts with a byte-order mark and the documented header, one CRLF line per row', () => {
    const text = csvParts('events', [e], eventCells).join('');
    expect(text).toBe(
      '\uFEFFid,type,at,site,url,person_name,person_profile_url,person_crm_id,deal_id,deal_name,amount,currency,from_stage,to_stage,outcome,discount,subject,crm_activity_id,captured_at\r\n' +
        `e1,deal_stage_changed,2026-11-27T10:00:00.000Z,hubspot,https://app.hubspot.com/x,"'=HYPERLINK(""http://x"")",,,hubspot:1,"Acme, Inc.",1200,EUR,Qualified,Proposal,,,,,2026-11-27T10:00:01.000Z\r\n`,
    );
  });

  it('has one cell per documented column', () => {
    expect(eventCells(e)).toHaveLength(CSV_COLUMNS.events.length);
  });

  it('names files pacer-<table>-YYYY-MM-DD.csv', () => {
    expect(csvFileName('deals', new Date(2026, 10, 27, 9))).toBe('pacer-deals-2026-11-27.csv');
  });
});
