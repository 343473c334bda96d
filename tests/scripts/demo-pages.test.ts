/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { DEMO_STAGES, demoDataset } from '../../scripts/demo/data';
import { activityHref, formatTimelineDate, renderOpportunityPage } from '../../scripts/demo/pages';
import type { DealSnapshot } from '../../lib/model';
import { salesforce } from '../../lib/sites/salesforce';

// A Wednesday afternoon in UTC, as in demo-data.test.ts.
const now = new Date('2026-05-13T18:30:00.000Z');
const data = demoDataset(now);
const timelineEvents = (deal: DealSnapshot) =>
  data.events.filter(e => e.deal?.id === deal.id && ['call', 'email', 'meeting'].includes(e.type));

// The open deal with the most activity (so the 8-row cap is exercised), and the first won and lost ones.
const open = data.deals
  .filter(d => d.status === 'open')
  .sort((a, b) => timelineEvents(b).length - timelineEvents(a).length)[0]!;
const won = data.deals.find(d => d.status === 'won')!;
const lost = data.deals.find(d => d.status === 'lost')!;

const read = (deal: DealSnapshot) => {
  const doc = new DOMParser().parseFromString(renderOpportunityPage(deal, DEMO_STAGES, data.events), 'text/html');
  return salesforce.read(doc, new URL(deal.url));
};

describe('renderOpportunityPage', () => {
  it('picks an open deal with more activity than the timeline shows', () => {
    expect(timelineEvents(open).length).toBeGreaterThan(8);
  });

  it.each([
    ['open', open],
    ['won', won],
    ['lost', lost],
  ] as const)('renders the %s deal so the Salesforce reader reads it back', (_status, deal) => {
    const reading = read(deal);
    expect(reading.kind).toBe('deal');
    if (reading.kind !== 'deal') return;
    expect(reading.health).toEqual({ ok: true, missing: [] });
    expect(reading.deal).toEqual({
      id: deal.id,
      name: deal.name,
      stage: deal.stage,
      amount: deal.amount,
      currency: 'USD',
      closeDate: deal.closeDate,
      status: deal.status,
      url: deal.url,
    });
    expect(reading.stages).toEqual([...DEMO_STAGES.slice(0, 8), deal.status === 'open' ? 'Closed' : deal.stage]);
    expect(reading.activities).toHaveLength(Math.min(8, timelineEvents(deal).length));
  });

  it('shows the most recent calls, emails and meetings as the rep\'s own rows, newest first', () => {
    const reading = read(open);
    if (reading.kind !== 'deal') throw new Error('not read as a deal');
    const expected = timelineEvents(open)
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
      .slice(0, 8);
    expect(reading.activities.map(a => a.type)).toEqual(expected.map(e => e.type));
    expect(reading.activities.map(a => a.dateText)).toEqual(expected.map(e => formatTimelineDate(e.at)));
    // Minutes as shown: the page drops the seconds, in this machine's local time.
    expect(reading.activities.map(a => a.at)).toEqual(expected.map(e => new Date(Math.floor(Date.parse(e.at) / 60_000) * 60_000).toISOString()));
    expect(reading.activities.every(a => a.byMe)).toBe(true);
    expect(reading.activities.map(a => a.person?.name)).toEqual(expected.map(e => e.person?.name));
    expect(reading.activities.map(a => a.crmId)).toEqual(expected.map(e => /\/(\w{18})\/view$/.exec(activityHref(e))![1]));
  });

  it('derives Task and Event ids from the event id, the same every time', () => {
    const call = { id: 'abc', type: 'call' } as const;
    expect(activityHref(call)).toMatch(/^\/lightning\/r\/Task\/00THs0[a-z0-9]{9}[A-Z0-5]{3}\/view$/);
    expect(activityHref({ id: 'abc', type: 'meeting' })).toMatch(/^\/lightning\/r\/Event\/00UHs0\w{12}\/view$/);
    expect(activityHref(call)).toBe(activityHref({ ...call }));
    expect(activityHref({ id: 'abd', type: 'call' })).not.toBe(activityHref(call));
  });

  it('marks the Path as Lightning does for each status', () => {
    const classesOf = (deal: DealSnapshot) => {
      const doc = new DOMParser().parseFromString(renderOpportunityPage(deal, DEMO_STAGES, []), 'text/html');
      return [...doc.querySelectorAll('.slds-path__item')].map(li => li.className.replace('slds-path__item ', ''));
    };
    const at = DEMO_STAGES.indexOf(open.stage);
    expect(classesOf(open)).toEqual([
      ...Array(at).fill('slds-is-complete'),
      'slds-is-current slds-is-active',
      ...Array(8 - at).fill('slds-is-incomplete'),
    ]);
    expect(classesOf(won)).toEqual([...Array(8).fill('slds-is-complete'), 'slds-is-won slds-is-active slds-is-current']);
    expect(classesOf(lost)).toEqual([...Array(8).fill('slds-is-incomplete'), 'slds-is-lost slds-is-active slds-is-current']);
  });

  it('keeps the template\'s provenance comment and says the page was rendered from it', () => {
    const html = renderOpportunityPage(open, DEMO_STAGES, data.events);
    expect(html).toMatch(/^<!-- Built \d{4}-\d{2}-\d{2} from shared\/fixtures\/salesforce/);
    expect(html).toContain(`Rendered from tests/fixtures/salesforce/opportunity-negotiation.html by scripts/demo/pages.ts for the demo (deal ${open.id}`);
    expect(html).toContain('-->\n<!DOCTYPE html><html>');
  });

  it('refuses a deal whose stage is not on the Path', () => {
    expect(() => renderOpportunityPage({ ...open, stage: 'Nowhere' }, DEMO_STAGES, [])).toThrow(/not one of the stages/);
  });
});
