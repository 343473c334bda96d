/** @vitest-environment node */
import { crmActivityEventId } from '../../lib/observe';
import { describe, expect, it } from 'vitest';
import { DEMO_HOST, DEMO_STAGES, demoDataset } from '../../scripts/demo/data';
import { parseExport } from '../../lib/export-format';
import { dayPeriod, weekPeriod } from '../../lib/metrics/periods';
import type { ActivityEvent } from '../../lib/model';

// A Wednesday afternoon in UTC, when the rep is mid-week and mid-day.
const now = new Date('2026-05-13T18:30:00.000Z');
const data = demoDataset(now);
const ofType = (type: ActivityEvent['type']) => data.events.filter(e => e.type === type);
const inPeriod = (events: ActivityEvent[], { from, to }: { from: string; to: string }) =>
  events.filter(e => Date.parse(e.at) >= Date.parse(from) && Date.parse(e.at) < Date.parse(to));

describe('demoDataset', () => {
  it('is a valid Pacer export for Sam Rivera', () => {
    expect(parseExport(JSON.stringify(data))).toEqual({ ok: true, data });
    expect(data.rep).toEqual({ name: 'Sam Rivera', email: 'sam.rivera@example.com' });
    expect(data.exportedAt).toBe(now.toISOString());
  });

  it('is deterministic for a given now and seed', () => {
    expect(JSON.stringify(demoDataset(new Date(now)))).toBe(JSON.stringify(data));
    expect(demoDataset(now, 7).deals.map(d => d.id)).not.toEqual(data.deals.map(d => d.id));
  });

  it('has 24 opportunities: open, won and lost', () => {
    expect(data.deals.length).toBeGreaterThanOrEqual(20);
    const count = (status: string) => data.deals.filter(d => d.status === status).length;
    expect([count('open'), count('won'), count('lost')]).toEqual([15, 6, 3]);
    expect(new Set(data.deals.filter(d => d.status === 'open').map(d => d.stage)).size).toBeGreaterThanOrEqual(6);
  });

  it('gives every opportunity a Salesforce id, url, amount and dates', () => {
    for (const deal of data.deals) {
      const recordId = deal.id.replace(/^salesforce:/, '');
      expect(recordId).toMatch(/^006Hs00001[A-Za-z0-9]{8}$/);
      expect(deal.url).toBe(`https://${DEMO_HOST}/lightning/r/Opportunity/${recordId}/view`);
      expect(deal.name).toMatch(/^.+ — .+$/);
      expect(DEMO_STAGES).toContain(deal.stage);
      expect(deal.status === 'won').toBe(deal.stage === 'Closed Won');
      expect(deal.status === 'lost').toBe(deal.stage === 'Closed Lost');
      expect(deal.amount! % 500).toBe(0);
      expect(deal.amount).toBeGreaterThanOrEqual(8_000);
      expect(deal.amount).toBeLessThanOrEqual(250_000);
      expect(deal.currency).toBe('USD');
      expect(deal.closeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Date.parse(deal.createdAt!)).toBeLessThanOrEqual(Date.parse(deal.stageEnteredAt));
      expect(Date.parse(deal.stageEnteredAt)).toBeLessThan(now.getTime());
      expect(Date.parse(deal.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(deal.stageEnteredAt));
      expect(Date.parse(deal.lastSeenAt)).toBeLessThanOrEqual(now.getTime());
    }
    expect(new Set(data.deals.map(d => d.id)).size).toBe(data.deals.length);
  });

  it('discounts some deals from list, by at most 30 %', () => {
    const discounted = data.deals.filter(d => d.listAmount !== undefined);
    expect(discounted.length).toBeGreaterThan(0);
    for (const deal of discounted) {
      expect(deal.discount).toBeGreaterThan(0);
      expect(deal.discount).toBeLessThanOrEqual(0.3);
      expect(deal.discount).toBeCloseTo(1 - deal.amount! / deal.listAmount!, 3);
    }
  });

  it('has several hundred events, none after now, with unique ids', () => {
    expect(data.events.length).toBeGreaterThanOrEqual(300);
    expect(data.events.filter(e => Date.parse(e.at) > now.getTime())).toEqual([]);
    expect(new Set(data.events.map(e => e.id)).size).toBe(data.events.length);
    for (const e of data.events) {
      const lag = Date.parse(e.capturedAt) - Date.parse(e.at);
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThanOrEqual(60_000);
      expect(Date.parse(e.capturedAt)).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('spends the quarter mostly in weekday working hours (13:00–22:00 UTC)', () => {
    const quarterAgo = now.getTime() - 91 * 86_400_000;
    expect(data.events.every(e => Date.parse(e.at) >= quarterAgo)).toBe(true);
    const working = data.events.filter(e => {
      const at = new Date(e.at);
      return at.getUTCDay() % 6 !== 0 && at.getUTCHours() >= 13 && at.getUTCHours() < 22;
    });
    expect(working.length / data.events.length).toBeGreaterThan(0.95);
  });

  it('uses the whole vocabulary a rep produces', () => {
    for (const type of ['call', 'email', 'meeting', 'lead_created', 'proposal_sent', 'proposal_accepted', 'referral_given', 'referral_received',
      'event_attended', 'training', 'deal_stage_changed', 'deal_won', 'deal_lost', 'linkedin_profile_view', 'linkedin_connect_sent',
      'linkedin_connect_accepted', 'linkedin_message_sent', 'linkedin_inmail_sent'] as const) {
      expect(ofType(type).length, type).toBeGreaterThan(0);
    }
    expect(new Set(ofType('call').map(e => e.meta?.outcome))).toEqual(new Set(['Connected', 'Left voicemail', 'No answer']));
    expect(ofType('training').every(e => e.amount! > 0 && e.currency === 'USD')).toBe(true);
  });

  it('files each event under its site, about a deal or a person, without bodies', () => {
    for (const e of data.events) {
      if (e.type.startsWith('linkedin_')) {
        expect(e.site).toBe('linkedin');
        expect(e.person?.profileUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+\/$/);
      } else if (['referral_given', 'referral_received', 'event_attended', 'training'].includes(e.type)) {
        expect(e.site).toBe('manual');
      } else {
        expect(e.site).toBe('salesforce');
        expect(e.url.startsWith(`https://${DEMO_HOST}/lightning/r/`)).toBe(true);
      }
      expect(Object.keys(e.meta ?? {}).filter(k => !['fromStage', 'toStage', 'outcome', 'discount', 'subject', 'crmActivityId'].includes(k))).toEqual([]);
    }
    const about = data.events.filter(e => e.deal || e.person).length;
    expect(about / data.events.length).toBeGreaterThan(0.9);
    const dealIds = new Set(data.deals.map(d => d.id));
    expect(data.events.filter(e => e.deal && !dealIds.has(e.deal.id))).toEqual([]);
  });

  it('walks every deal through the stages in order, ending where the snapshot says', () => {
    for (const change of ofType('deal_stage_changed')) expect(DEMO_STAGES).toContain(change.meta?.toStage);
    for (const deal of data.deals) {
      const changes = ofType('deal_stage_changed').filter(e => e.deal?.id === deal.id).sort((a, b) => a.at.localeCompare(b.at));
      if (changes.length === 0) {
        expect(deal.stage).toBe('Prospecting');
        continue;
      }
      changes.forEach((change, i) => {
        const { fromStage, toStage } = change.meta!;
        expect(DEMO_STAGES.indexOf(toStage!)).toBeGreaterThan(DEMO_STAGES.indexOf(fromStage!));
        if (i > 0) expect(fromStage).toBe(changes[i - 1]!.meta!.toStage);
      });
      expect(changes.at(-1)!.meta!.toStage).toBe(deal.stage);
      expect(changes.at(-1)!.at).toBe(deal.stageEnteredAt);
    }
  });

  it('closes each won and lost deal exactly once, with its amount', () => {
    for (const deal of data.deals) {
      const won = ofType('deal_won').filter(e => e.deal?.id === deal.id);
      const lost = ofType('deal_lost').filter(e => e.deal?.id === deal.id);
      expect([won.length, lost.length]).toEqual([deal.status === 'won' ? 1 : 0, deal.status === 'lost' ? 1 : 0]);
      for (const close of [...won, ...lost]) {
        expect(close).toMatchObject({ at: deal.stageEnteredAt, amount: deal.amount, currency: 'USD' });
        expect(close.at.slice(0, 10)).toBe(deal.closeDate);
      }
      const accepted = ofType('proposal_accepted').filter(e => e.deal?.id === deal.id);
      expect(accepted.length).toBe(deal.status === 'won' ? 1 : 0);
      if (won[0]) expect(accepted[0]!.at < won[0].at).toBe(true);
    }
  });

  it('fills the current week and today', () => {
    expect(inPeriod(data.events, weekPeriod(now)).length).toBeGreaterThanOrEqual(25);
    expect(inPeriod(data.events, dayPeriod(now)).length).toBeGreaterThanOrEqual(3);
  });

  // Local times, so the week boundary holds in any time zone the tests run in.
  it.each([
    ['Monday just after midnight', new Date(2026, 4, 11, 0, 20)],
    ['Monday morning', new Date(2026, 4, 11, 9, 15)],
    ['Friday evening', new Date(2026, 4, 15, 23, 0)],
    ['Sunday', new Date(2026, 4, 17, 12, 0)],
    ['New Year', new Date(2027, 0, 1, 10, 0)],
  ])('fills the week on a %s, never after now', (_name, at) => {
    const { events } = demoDataset(at, 3);
    expect(inPeriod(events, weekPeriod(at)).length).toBeGreaterThanOrEqual(25);
    expect(events.filter(e => Date.parse(e.at) > at.getTime())).toEqual([]);
    expect(parseExport(JSON.stringify(demoDataset(at, 3))).ok).toBe(true);
  });

  // The popup's "Today" table and the demo's screenshots show work whenever they are run.
  it.each([
    ['Saturday just after midnight', new Date(2026, 10, 28, 0, 7)],
    ['Monday a minute after midnight', new Date(2026, 4, 11, 0, 1)],
    ['Wednesday before nine', new Date(2026, 4, 13, 6, 30)],
    ['Sunday night', new Date(2026, 4, 17, 23, 59)],
  ])('fills today at any hour: %s, never after now', (_name, at) => {
    const { events } = demoDataset(at);
    const today = inPeriod(events, dayPeriod(at));
    expect(today.length).toBeGreaterThanOrEqual(2);
    expect(events.filter(e => Date.parse(e.at) > at.getTime())).toEqual([]);
  });

  it('fills today once working hours have begun on a weekday', () => {
    const mondayAfternoon = new Date('2026-05-11T13:40:00.000Z');
    const { events } = demoDataset(mondayAfternoon);
    const today = events.filter(e => e.at.startsWith('2026-05-11') && e.at >= '2026-05-11T13:00');
    expect(today.length).toBeGreaterThanOrEqual(3);
  });
});

describe('demo CRM activities', () => {
  it('carry the CRM activity id their page links to, and the id a visit would give them', () => {
    const data = demoDataset(new Date('2026-05-13T18:30:00Z'));
    const crm = data.events.filter(e => e.site === 'salesforce' && ['call', 'email', 'meeting'].includes(e.type));
    expect(crm.length).toBeGreaterThan(100);
    for (const e of crm) {
      expect(e.meta?.crmActivityId).toMatch(e.type === 'meeting' ? /^00U\w{15}$/ : /^00T\w{15}$/);
      expect(e.id).toBe(crmActivityEventId('salesforce', e.meta!.crmActivityId!));
    }
  });
});
