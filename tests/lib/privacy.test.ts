import { describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../../lib/capture-batch';
import type { ActivityEvent } from '../../lib/model';
import { applyPrivacy, neverCaptureMatcher } from '../../lib/privacy';

const event = (over: Partial<ActivityEvent>): ActivityEvent => ({
  id: 'e', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'https://acme.lightning.force.com/x', capturedAt: '2026-11-27T10:00:00.000Z', ...over,
});
const deal = { id: 'salesforce:006', name: 'Acme', stage: 'A', amount: null, currency: null, status: 'open' as const, url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view' };
const batch: CaptureBatch = { batchId: 'b', site: 'salesforce', seenAt: '2026-11-27T10:00:00.000Z', events: [event({})], deals: [deal], listRows: [deal] };

describe('pause capture', () => {
  it('stores nothing from any batch while paused', () => {
    const withPeople = { ...batch, people: [{ name: 'Dana Park', profileUrl: 'https://www.linkedin.com/in/dana-park/', connection: 'pending' as const }] };
    expect(applyPrivacy(withPeople, { paused: true, neverCapture: [] })).toEqual({ ...batch, events: [], deals: [], listRows: [], people: [] });
  });
  it('passes everything when not paused and nothing is listed', () => {
    expect(applyPrivacy(batch, { paused: false, neverCapture: [] })).toBe(batch);
  });
});

describe('the never-capture list', () => {
  const m = neverCaptureMatcher([
    'bigclient.com',
    'https://www.linkedin.com/in/Dana-Park/',
    'Jordan Lee',
    'salesforce:00Q5e00000AbCdE',
    'ceo@example.org',
    '   ',
  ]);
  it.each([
    ['a page on a listed domain', event({ url: 'https://crm.bigclient.com/deal/1' }), true],
    ['a page on another domain that merely contains it', event({ url: 'https://notbigclient.com/x' }), false],
    ['a person by LinkedIn profile, whatever the case or query', event({ person: { profileUrl: 'https://www.linkedin.com/in/dana-park/?trk=x' } }), true],
    ['a person by name, case-insensitively', event({ person: { name: 'jordan lee' } }), true],
    ['a person by CRM id', event({ person: { crmId: 'salesforce:00Q5e00000AbCdE' } }), true],
    ['a deal named like a listed person', event({ deal: { id: 'x', name: 'Jordan Lee' } }), true],
    ['anyone else', event({ person: { name: 'Sam Ortiz', profileUrl: 'https://www.linkedin.com/in/sam-ortiz/' } }), false],
  ])('%s → blocked: %s', (_name, e, blocked) => expect(m.event(e)).toBe(blocked));

  it('matches emails exactly or by listed domain', () => {
    expect(m.email('CEO@example.org')).toBe(true);
    expect(m.email('someone@bigclient.com')).toBe(true);
    expect(m.email('someone@example.org')).toBe(false);
  });

  it('drops listed people, by profile, name or CRM id, so nothing about them is kept', () => {
    const b: CaptureBatch = { ...batch, people: [
      { name: 'Dana', profileUrl: 'https://www.linkedin.com/in/dana-park/' },
      { name: 'Jordan Lee' },
      { name: 'X', crmId: 'salesforce:00Q5e00000AbCdE' },
      { name: 'Sam Ortiz', profileUrl: 'https://www.linkedin.com/in/sam-ortiz/' },
    ] };
    const out = applyPrivacy(b, { paused: false, neverCapture: ['https://www.linkedin.com/in/Dana-Park/', 'Jordan Lee', 'salesforce:00Q5e00000AbCdE'] });
    expect(out.people).toEqual([{ name: 'Sam Ortiz', profileUrl: 'https://www.linkedin.com/in/sam-ortiz/' }]);
  });

  it('drops listed events and deals from a batch and keeps the rest', () => {
    const b: CaptureBatch = { ...batch, events: [event({ id: 'keep' }), event({ id: 'drop', person: { name: 'Jordan Lee' } })], deals: [deal, { ...deal, id: 'salesforce:007', name: 'Jordan Lee' }] };
    const out = applyPrivacy(b, { paused: false, neverCapture: ['Jordan Lee'] });
    expect(out.events.map(e => e.id)).toEqual(['keep']);
    expect(out.deals.map(d => d.id)).toEqual(['salesforce:006']);
  });
});
