import { describe, expect, it } from 'vitest';
import { activityFingerprint, actionEvent, crmActivityEventId, localDay, observe } from '../../lib/observe';
import type { PageReading, RepAction, VisibleActivity } from '../../lib/sites/types';
import { healthy } from '../../lib/sites/types';

const seenAt = '2026-11-27T15:00:00.000Z';
const deal = {
  id: 'salesforce:006Hs00001AbCdEIAZ', name: 'Acme', stage: 'Qualification', amount: 1000, currency: 'USD', status: 'open' as const,
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAZ/view',
};
const row = (over: Partial<VisibleActivity> = {}): VisibleActivity => ({
  type: 'call', subject: 'Discovery call', dateText: '9:00am | 11/24/26', at: '2026-11-24T09:00:00.000Z', byMe: true, ...over,
});
const dealReading = (activities: VisibleActivity[]): PageReading => ({ kind: 'deal', deal, stages: [], activities, health: healthy });

describe('observe', () => {
  it("records the rep's own dated calls, emails and meetings, not tasks, not colleagues', not undated", () => {
    const { events, deals } = observe(
      dealReading([
        row({ crmId: '00T1' }),
        row({ type: 'email', subject: 'Pricing', crmId: '00T2', direction: 'outbound' }),
        row({ type: 'meeting', subject: 'Demo', crmId: '00U1' }),
        row({ type: 'task', subject: 'Send deck', crmId: '00T3' }),
        row({ byMe: false, crmId: '00T4' }),
        row({ at: undefined, dateText: 'sometime', crmId: '00T5' }),
      ]),
      'salesforce',
      seenAt,
    );
    expect(deals).toEqual([deal]);
    expect(events.map(e => [e.type, e.meta?.crmActivityId])).toEqual([['call', '00T1'], ['email', '00T2'], ['meeting', '00U1']]);
    expect(events[0]).toEqual({
      id: crmActivityEventId('salesforce', '00T1'),
      type: 'call',
      at: '2026-11-24T09:00:00.000Z',
      site: 'salesforce',
      url: deal.url,
      deal: { id: deal.id, name: 'Acme' },
      meta: { subject: 'Discovery call', crmActivityId: '00T1' },
      capturedAt: seenAt,
      sighting: { fingerprint: activityFingerprint('salesforce', deal.id, 'call', '2026-11-24T09:00:00.000Z'), source: 'timeline' },
    });
    expect(events[1]!.meta?.outcome).toBe('outbound');
  });

  it('gives a row without a CRM id the same id each time it is seen', () => {
    const a = observe(dealReading([row()]), 'salesforce', seenAt).events[0]!;
    const b = observe(dealReading([row()]), 'salesforce', '2026-11-28T10:00:00.000Z').events[0]!;
    expect(a.id).toBe(b.id);
  });

  it('ties activities on a person page to the person', () => {
    const reading: PageReading = {
      kind: 'person',
      person: { name: 'Dana Park', crmId: 'salesforce:00Q1', recordType: 'lead', url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q1/view', linkedinUrl: 'https://www.linkedin.com/in/dana-park/' },
      activities: [row({ crmId: '00T9' })],
      health: healthy,
    };
    const { events } = observe(reading, 'salesforce', seenAt);
    expect(events[0]!.person).toEqual({ name: 'Dana Park', crmId: 'salesforce:00Q1', profileUrl: 'https://www.linkedin.com/in/dana-park/' });
    expect(events[0]!.deal).toBeUndefined();
    // The person is handed on, so their LinkedIn profile and CRM record become one person.
    expect(observe(reading, 'salesforce', seenAt).people).toEqual([
      { name: 'Dana Park', crmId: 'salesforce:00Q1', profileUrl: 'https://www.linkedin.com/in/dana-park/' },
    ]);
  });

  it('hands list rows over as partial deal readings', () => {
    const reading: PageReading = { kind: 'list', rows: [deal], health: healthy };
    expect(observe(reading, 'salesforce', seenAt)).toEqual({ deals: [], listRows: [deal], events: [], people: [] });
  });

  it('records nothing from an unknown page', () => {
    expect(observe({ kind: 'unknown', health: { ok: false, missing: ['Path'] } }, 'salesforce', seenAt)).toEqual({ deals: [], listRows: [], events: [], people: [] });
  });
});

describe('fingerprints', () => {
  it('ignore the time of day and the subject, not the record, the type or the day', () => {
    const f = (at: string, type: 'call' | 'email' = 'call', record = 'salesforce:006') => activityFingerprint('salesforce', record, type, at);
    const noon = new Date(2026, 10, 24, 12).toISOString();
    const evening = new Date(2026, 10, 24, 18).toISOString();
    expect(f(noon)).toBe(f(evening));
    expect(f(noon)).not.toBe(f(new Date(2026, 10, 25, 12).toISOString()));
    expect(f(noon)).not.toBe(f(noon, 'email'));
    expect(f(noon)).not.toBe(f(noon, 'call', 'salesforce:007'));
    expect(localDay(new Date(2026, 10, 24, 23, 59).toISOString())).toBe('2026-11-24');
  });
});

describe('actionEvent', () => {
  const logCall: RepAction = {
    type: 'call', recordKey: deal.id, deal: { id: deal.id, name: 'Acme' }, subject: 'Discovery call', outcome: 'Connected', confirm: () => ({ status: 'saved' }),
  };

  it('records a saved Log a Call as a call at the click, paired later with its timeline row', () => {
    const e = actionEvent('salesforce', logCall, '2026-11-27T15:00:00.000Z', deal.url);
    expect(e).toMatchObject({ type: 'call', at: '2026-11-27T15:00:00.000Z', deal: { id: deal.id }, meta: { subject: 'Discovery call', outcome: 'Connected' } });
    expect(e.sighting).toEqual({ fingerprint: activityFingerprint('salesforce', deal.id, 'call', '2026-11-27T15:00:00.000Z'), source: 'action' });
    // The row the CRM shows afterwards has the same fingerprint.
    const later = observe(dealReading([row({ crmId: '00T7', at: '2026-11-27T15:00:00.000Z' })]), 'salesforce', seenAt).events[0]!;
    expect(later.sighting!.fingerprint).toBe(e.sighting!.fingerprint);
  });

  it('uses the date the form gives, and each Save is its own fact', () => {
    const e = actionEvent('salesforce', { ...logCall, at: '2026-11-26T10:00:00.000Z' }, '2026-11-27T15:00:00.000Z', deal.url);
    expect(e.at).toBe('2026-11-26T10:00:00.000Z');
    expect(actionEvent('salesforce', logCall, '2026-11-27T15:00:01.000Z', deal.url).id).not.toBe(actionEvent('salesforce', logCall, '2026-11-27T15:00:00.000Z', deal.url).id);
    expect(actionEvent('salesforce', logCall, '2026-11-27T15:00:00.000Z', deal.url).id).toBe(actionEvent('salesforce', logCall, '2026-11-27T15:00:00.000Z', deal.url).id);
  });

  it('records a created lead once per created record, with no sighting', () => {
    const create: RepAction = { type: 'lead_created', confirm: () => ({ status: 'saved', recordId: '00Q9' }) };
    const a = actionEvent('salesforce', create, '2026-11-27T15:00:00.000Z', 'https://acme.lightning.force.com/lightning/r/Lead/00Q9/view', 'salesforce:00Q9');
    const b = actionEvent('salesforce', create, '2026-11-27T16:00:00.000Z', 'https://acme.lightning.force.com/lightning/r/Lead/00Q9/view', 'salesforce:00Q9');
    expect(a.id).toBe(b.id);
    expect(a.sighting).toBeUndefined();
    expect(a.type).toBe('lead_created');
  });
});

describe('planned activities', () => {
  it('are not recorded until they are done', () => {
    const { events } = observe(
      dealReading([
        row({ crmId: 'planned', planned: true }),
        row({ crmId: 'future', at: '2026-12-02T10:30:00.000Z' }),
        row({ crmId: 'done' }),
      ]),
      'salesforce',
      seenAt,
    );
    expect(events.map(e => e.meta?.crmActivityId)).toEqual(['done']);
  });
});
