/** @vitest-environment happy-dom */
// The custom adapter against a CRM Pacer ships no adapter for: an EspoCRM opportunity
// (tests/fixtures/custom/espocrm-opportunity.html, assembled from EspoCRM's own templates).
import { describe, expect, it } from 'vitest';
import { observe } from '../../lib/observe';
import { configProblems, customAdapter, originPattern, type CustomAdapterConfig } from '../../lib/sites/custom';
import { loadFixture } from '../helpers/fixtures';

const espo: CustomAdapterConfig = {
  name: 'EspoCRM',
  urlPattern: 'https://crm.pacer-test.example/#Opportunity/view/*',
  selectors: {
    name: '.page-header h3.header-title .title',
    stage: '.cell[data-name="stage"] .field',
    amount: '.cell[data-name="amount"] .field',
    closeDate: '.cell[data-name="closeDate"] .field',
    activityRows: '.panel[data-name="stream"] li.list-row',
    activitySubject: '.message',
    activityDate: '.stream-date-container',
  },
};
const doc = loadFixture('custom/espocrm-opportunity.html');
const url = new URL('https://crm.pacer-test.example/#Opportunity/view/6571f0c2a1b2c3d4e');
const now = new Date('2026-11-27T12:00:00');
const me = { name: 'Sam Rivera', email: 'sam@example.com' };
const isValid = (s: string) => {
  try {
    document.createDocumentFragment().querySelector(s);
    return true;
  } catch {
    return false;
  }
};

describe('custom adapter: selectors on the EspoCRM fixture', () => {
  it.each([
    ['name', 1], ['stage', 1], ['amount', 1], ['closeDate', 1], ['activityRows', 3],
  ] as const)('%s matches %i', (key, n) => {
    expect(doc.querySelectorAll(espo.selectors[key]!)).toHaveLength(n);
  });
});

describe('custom adapter: read()', () => {
  const adapter = customAdapter(espo);

  it('reads the deal, and the rep\'s own activities from the rows that name them', () => {
    expect(adapter.read(doc, url, now, me)).toEqual({
      kind: 'deal',
      deal: {
        id: 'custom:crm.pacer-test.example/6571f0c2a1b2c3d4e',
        name: 'Acme Corp renewal',
        stage: 'Proposal',
        amount: 12500,
        currency: 'USD',
        closeDate: '2026-12-18',
        status: 'open',
        url: url.href,
      },
      stages: ['Proposal'],
      activities: [
        { type: 'call', subject: 'Sam Rivera created call Discovery call with Dana related to Acme Corp renewal', dateText: '11/24/2026 10:15', at: new Date('2026-11-24T10:15:00').toISOString(), byMe: true },
        { type: 'meeting', subject: 'Sam Rivera created meeting Pricing review related to Acme Corp renewal', dateText: '11/25/2026 14:00', at: new Date('2026-11-25T14:00:00').toISOString(), byMe: true },
        { type: 'call', subject: 'Jordan Lee created call Intro call related to Acme Corp renewal', dateText: '11/20/2026 09:00', at: new Date('2026-11-20T09:00:00').toISOString(), byMe: false },
      ],
      health: { ok: true, missing: [] },
    });
  });

  it('turns the reading into events like any adapter: the rep\'s two activities, not a colleague\'s', () => {
    const reading = adapter.read(doc, url, now, me);
    const { events, deals } = observe(reading, 'custom', now.toISOString());
    expect(deals.map(d => d.id)).toEqual(['custom:crm.pacer-test.example/6571f0c2a1b2c3d4e']);
    expect(events.map(e => [e.type, e.site, e.deal?.id])).toEqual([
      ['call', 'custom', 'custom:crm.pacer-test.example/6571f0c2a1b2c3d4e'],
      ['meeting', 'custom', 'custom:crm.pacer-test.example/6571f0c2a1b2c3d4e'],
    ]);
  });

  it('says what is missing, and records nothing, when a required selector finds nothing', () => {
    const broken = customAdapter({ ...espo, selectors: { ...espo.selectors, stage: '.cell[data-name="salesStage"] .field' } });
    expect(broken.read(doc, url, now, me)).toEqual({ kind: 'unknown', health: { ok: false, missing: ['stage (.cell[data-name="salesStage"] .field)'] } });
  });

  it('reads the deal with an unknown amount when the amount selector finds nothing, and says so', () => {
    const reading = customAdapter({ ...espo, selectors: { ...espo.selectors, amount: '#nope' } }).read(doc, url, now, me);
    expect(reading.kind === 'deal' && reading.deal.amount).toBeNull();
    expect(reading.health).toEqual({ ok: false, missing: ['amount (#nope)'] });
  });

  it('treats an invalid selector as missing, never throwing into the page', () => {
    const reading = customAdapter({ ...espo, selectors: { ...espo.selectors, name: 'h3[[' } }).read(doc, url, now, me);
    expect(reading).toEqual({ kind: 'unknown', health: { ok: false, missing: ['record name (h3[[)'] } });
  });

  it('names the stage status: Closed Won and Closed Lost', () => {
    const won = loadFixture('custom/espocrm-opportunity.html');
    won.querySelector('.cell[data-name="stage"] .field')!.textContent = 'Closed Won';
    expect(adapter.read(won, url, now, me)).toMatchObject({ deal: { status: 'won' } });
    won.querySelector('.cell[data-name="stage"] .field')!.textContent = 'Closed Lost';
    expect(adapter.read(won, url, now, me)).toMatchObject({ deal: { status: 'lost' } });
  });

  it('counts every row as the rep\'s when no name is set', () => {
    const reading = adapter.read(doc, url, now);
    expect(reading.kind === 'deal' && reading.activities.map(a => a.byMe)).toEqual([true, true, true]);
  });

  it('matches only pages of the pattern', () => {
    expect([
      'https://crm.pacer-test.example/#Opportunity/view/6571f0c2a1b2c3d4e',
      'https://CRM.pacer-test.example/#Opportunity/view/abc?x=1',
      'https://crm.pacer-test.example/#Opportunity/list',
      'https://crm.pacer-test.example/#Account/view/6571f0c2a1b2c3d40',
      'https://evil.example/?https://crm.pacer-test.example/#Opportunity/view/1',
      'http://crm.pacer-test.example/#Opportunity/view/1',
    ].map(u => adapter.matches(new URL(u)))).toEqual([true, true, false, false, false, false]);
    expect(adapter.read(doc, new URL('https://crm.pacer-test.example/#Opportunity/list'), now)).toEqual({
      kind: 'unknown', health: { ok: false, missing: ['a page matching the URL pattern'] },
    });
  });
});

describe('custom adapter: config', () => {
  it('asks permission for exactly the pattern\'s host', () => {
    expect(originPattern(espo)).toBe('https://crm.pacer-test.example/*');
    expect(originPattern({ urlPattern: 'https://*.example.com/deals/*' })).toBeUndefined();
    expect(originPattern({ urlPattern: 'http://crm.example.com/deals/*' })).toBeUndefined();
  });

  it('accepts a complete config', () => {
    expect(configProblems(espo, isValid)).toEqual([]);
  });

  it('says what to fix, field by field', () => {
    expect(configProblems({ name: ' ', urlPattern: 'crm.example.com/deals', selectors: { name: '', stage: 'div[[', amount: '  ' } }, isValid)).toEqual([
      { field: 'urlPattern', message: 'The URL pattern must start with https://' },
      { field: 'crmName', message: 'Give the CRM a name.' },
      { field: 'name', message: 'The record name selector is required.' },
      { field: 'stage', message: 'The stage selector is not valid CSS.' },
    ]);
    expect(configProblems({ ...espo, urlPattern: 'https://*/deals/*' }, isValid)).toEqual([
      { field: 'urlPattern', message: 'The URL pattern needs a host name, like https://crm.example.com/deals/*' },
    ]);
    expect(configProblems({ ...espo, urlPattern: 'https://crm.example.com/deals/1' }, isValid)).toEqual([
      { field: 'urlPattern', message: 'Put a * where the record id is in the URL, like https://crm.example.com/deals/*' },
    ]);
  });
});
