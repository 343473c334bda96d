/** @vitest-environment happy-dom */
// The import dry run's summary, progress bar, preview and erasure report: what a file or a page
// contains is shown as text, never as markup.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomAdapterPreview } from '../../components/CustomAdapterPreview';
import { EraseReportView } from '../../components/EraseReportView';
import { ImportProgressBar } from '../../components/ImportProgressBar';
import { ImportSummaryView } from '../../components/ImportSummaryView';
import type { ImportSummary } from '../../lib/transfer-import';

let root: HTMLElement;
beforeEach(() => { root = document.createElement('div'); document.body.append(root); });
afterEach(() => { render(null, root); root.remove(); });

const hostile = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">=HYPERLINK("http://evil.example")';
const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  rep: { name: hostile, email: 'sam@example.com' }, exportedAt: '2026-11-27T12:00:00.000Z',
  events: { new: 12, present: 3, deleted: 1, repeated: 2, invalid: 60 }, deals: { new: 1, newer: 2, older: 0, invalid: 0 },
  invalid: Array.from({ length: 50 }, (_, i) => ({ where: `events[${i}]`, reason: `has an unknown type ${JSON.stringify(hostile)}` })),
  ...over,
});

describe('ImportSummaryView', () => {
  it('counts each kind of row, in a table with row headers', () => {
    render(<ImportSummaryView fileName="pacer.json" summary={summary()} cap={50} />, root);
    const rows = [...root.querySelectorAll('tbody tr')].map(r => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]);
    expect(rows).toEqual([
      ['New events (will be added)', '12'], ['Events already here (kept as they are)', '3'], ['Events you deleted here (not brought back)', '1'],
      ['Events listed twice in the file', '2'], ['Invalid events (skipped)', '60'], ['New deals', '1'],
      ['Deals newer than here (will be updated)', '2'], ['Deals older than here (kept as they are)', '0'], ['Invalid deals (skipped)', '0'],
    ]);
    expect(root.querySelector('summary')!.textContent).toBe('The first 50 of 60 invalid rows, and why');
    expect(root.querySelectorAll('[data-testid="import-invalid"] li')).toHaveLength(50);
  });

  it('shows hostile names and reasons as text: no element, no handler', () => {
    render(<ImportSummaryView fileName={'<b>x</b>.json'} summary={summary()} cap={50} />, root);
    expect(root.querySelector('script, img, b')).toBeNull();
    expect(root.textContent).toContain(hostile);
    expect(root.textContent).toContain("What importing <b>x</b>.json would do");
  });
});

describe('ImportProgressBar', () => {
  it.each([[0, '0'], [0.424, '42'], [1, '100'], [1.7, '100'], [-1, '0']])('%f shows as %s %%', (fraction, now) => {
    render(<ImportProgressBar label="Checking big.json" fraction={fraction} />, root);
    const bar = root.querySelector('[role="progressbar"]')!;
    expect([bar.getAttribute('aria-valuemin'), bar.getAttribute('aria-valuemax'), bar.getAttribute('aria-valuenow')]).toEqual(['0', '100', now]);
    expect(document.getElementById(bar.getAttribute('aria-labelledby')!)!.textContent).toBe(`Checking big.json… ${now} %`);
  });
});

describe('CustomAdapterPreview', () => {
  it('shows what a page read as text, with what was not found', () => {
    render(<CustomAdapterPreview preview={{
      title: hostile, url: 'https://crm.example.com/#Opportunity/view/1',
      reading: {
        kind: 'deal', stages: ['Proposal'], health: { ok: false, missing: ['amount (#nope)'] },
        deal: { id: 'custom:crm.example.com/1', name: hostile, stage: 'Proposal', amount: null, currency: null, status: 'open', url: 'u' },
        activities: [{ type: 'call', subject: hostile, dateText: 'someday', byMe: false }],
      },
    }} />, root);
    expect(root.querySelector('script, img')).toBeNull();
    expect([...root.querySelectorAll('tr')].map(r => r.textContent)).toEqual([
      `Record name${hostile}`, 'StageProposal (open)', 'Amountunknown', 'Close dateunknown', 'Activity rows1 (0 yours)',
    ]);
    expect(root.querySelector('li')!.textContent).toBe(`call: ${hostile} date not read (someday), not yours`);
    expect(root.querySelector('.error')!.textContent).toBe('Not found: amount (#nope)');
  });
});

describe('EraseReportView', () => {
  it('lists what was removed per table, and offers the report', () => {
    let downloaded = 0;
    render(<EraseReportView report={{ format: 'pacer-erasure-report', version: 1, scope: 'person', erasedAt: '2026-11-27T12:00:00.000Z',
      removed: { events: 4, deals: 0, people: 1, sightings: 2, days: 0 }, tombstones: 4 }} onDownload={() => downloaded++} />, root);
    expect([...root.querySelectorAll('tr')].map(r => r.textContent)).toEqual(['Events4', 'Deals0', 'People1', 'Sighting links2', 'Day totals0']);
    root.querySelector('button')!.click();
    expect(downloaded).toBe(1);
  });
});

describe('ImportSummaryView of a CSV file', () => {
  it('says the file names no rep and no export time', () => {
    render(<ImportSummaryView fileName="pacer-events.csv" summary={{ ...summary(), rep: undefined, exportedAt: undefined }} cap={50} />, root);
    expect(root.querySelector('p.muted')!.textContent).toBe('A CSV table: it names no rep and no export time.');
  });
});
