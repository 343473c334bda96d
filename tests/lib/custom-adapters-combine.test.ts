/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { combinedCustomAdapter } from '../../lib/custom-adapters-combine';
import type { CustomAdapterConfig } from '../../lib/sites/custom';
import { loadFixture } from '../helpers/fixtures';

const deals: CustomAdapterConfig = {
  name: 'EspoCRM', urlPattern: 'https://crm.pacer-test.example/#Opportunity/view/*',
  selectors: { name: '.header-title .title', stage: '.cell[data-name="stage"] .field', activityRows: 'li.list-row' },
};
const other: CustomAdapterConfig = { ...deals, name: 'Other', urlPattern: 'https://other.example/deal/*' };
const doc = loadFixture('custom/espocrm-opportunity.html');
const url = new URL('https://crm.pacer-test.example/#Opportunity/view/6571f0c2a1b2c3d4e');

describe('the custom adapters of one host', () => {
  it('uses only the configs of the page\'s host, and none elsewhere', () => {
    expect(combinedCustomAdapter([deals, other], 'crm.pacer-test.example')?.label).toBe('EspoCRM');
    expect(combinedCustomAdapter([deals], 'unrelated.example')).toBeUndefined();
  });

  it('attributes rows with the identity stored at start, before the runner knows it', () => {
    const adapter = combinedCustomAdapter([deals], 'crm.pacer-test.example', { name: 'Sam Rivera', email: '' })!;
    const reading = adapter.read(doc, url, new Date('2026-11-27T12:00:00'));
    expect(reading.kind === 'deal' && reading.activities.map(a => a.byMe)).toEqual([true, true, false]);
  });

  it('reads with whichever config matches the page; another page of the host is unknown', () => {
    const leads: CustomAdapterConfig = { ...deals, name: 'EspoCRM leads', urlPattern: 'https://crm.pacer-test.example/#Lead/view/*' };
    const adapter = combinedCustomAdapter([leads, deals], 'crm.pacer-test.example')!;
    expect(adapter.read(doc, url).kind).toBe('deal');
    expect(adapter.read(doc, new URL('https://crm.pacer-test.example/#Account/list'))).toEqual({ kind: 'unknown', health: { ok: false, missing: ['a page matching the URL pattern'] } });
  });
});
