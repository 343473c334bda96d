import { describe, expect, it } from 'vitest';
import { mergeDealObservation } from '../../lib/deal-merge';
import type { DealSnapshot } from '../../lib/model';
import type { DealObservation } from '../../lib/sites/types';

const seen = (over: Partial<DealObservation> = {}): DealObservation => ({
  id: 'salesforce:006Hs00001AbCdEIAZ',
  name: 'Acme — 500 Widgets',
  stage: 'Qualification',
  amount: 120000,
  currency: 'USD',
  status: 'open',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAZ/view',
  ...over,
});
const stored = (over: Partial<DealSnapshot> = {}): DealSnapshot => ({
  ...seen(),
  stageEnteredAt: '2026-11-01T09:00:00.000Z',
  lastSeenAt: '2026-11-20T09:00:00.000Z',
  ...over,
});

describe('mergeDealObservation', () => {
  it('starts the stage clock at first sight and invents no event', () => {
    const r = mergeDealObservation(undefined, seen(), '2026-11-27T10:00:00.000Z');
    expect(r.events).toEqual([]);
    expect(r.snapshot).toEqual({ ...seen(), stageEnteredAt: '2026-11-27T10:00:00.000Z', lastSeenAt: '2026-11-27T10:00:00.000Z' });
  });

  it('keeps the stage clock when the stage is unchanged, and takes the newer fields', () => {
    const r = mergeDealObservation(stored(), seen({ amount: 130000 }), '2026-11-27T10:00:00.000Z');
    expect(r.events).toEqual([]);
    expect(r.snapshot.stageEnteredAt).toBe('2026-11-01T09:00:00.000Z');
    expect(r.snapshot.amount).toBe(130000);
    expect(r.snapshot.lastSeenAt).toBe('2026-11-27T10:00:00.000Z');
  });

  it('records deal_stage_changed with from and to when the stage differs', () => {
    const r = mergeDealObservation(stored(), seen({ stage: 'Needs Analysis' }), '2026-11-27T10:00:00.000Z');
    expect(r.snapshot.stage).toBe('Needs Analysis');
    expect(r.snapshot.stageEnteredAt).toBe('2026-11-27T10:00:00.000Z');
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({
      type: 'deal_stage_changed',
      at: '2026-11-27T10:00:00.000Z',
      site: 'salesforce',
      deal: { id: 'salesforce:006Hs00001AbCdEIAZ', name: 'Acme — 500 Widgets' },
      amount: 120000,
      currency: 'USD',
      meta: { fromStage: 'Qualification', toStage: 'Needs Analysis' },
    });
  });

  it('adds deal_won or deal_lost beside the stage change when the deal closes', () => {
    const won = mergeDealObservation(stored(), seen({ stage: 'Closed Won', status: 'won' }), '2026-11-27T10:00:00.000Z');
    expect(won.events.map(e => e.type)).toEqual(['deal_stage_changed', 'deal_won']);
    const lost = mergeDealObservation(stored(), seen({ stage: 'Closed Lost', status: 'lost' }), '2026-11-27T10:00:00.000Z');
    expect(lost.events.map(e => e.type)).toEqual(['deal_stage_changed', 'deal_lost']);
  });

  it('gives the same change seen twice within the hour the same id', () => {
    const a = mergeDealObservation(stored(), seen({ stage: 'Needs Analysis' }), '2026-11-27T10:00:00.000Z');
    const b = mergeDealObservation(stored(), seen({ stage: 'Needs Analysis' }), '2026-11-27T10:40:00.000Z');
    expect(a.events[0]!.id).toBe(b.events[0]!.id);
    const nextDay = mergeDealObservation(stored(), seen({ stage: 'Needs Analysis' }), '2026-11-28T10:00:00.000Z');
    expect(nextDay.events[0]!.id).not.toBe(a.events[0]!.id);
  });

  it('never rolls a newer snapshot back for an older, resent reading', () => {
    const r = mergeDealObservation(stored(), seen({ stage: 'Prospecting' }), '2026-11-19T09:00:00.000Z');
    expect(r).toEqual({ snapshot: stored(), events: [] });
  });

  it('uses the stage history time from the page when it shows one', () => {
    const r = mergeDealObservation(stored(), seen({ stage: 'Needs Analysis', stageEnteredAt: '2026-11-25T08:00:00.000Z' }), '2026-11-27T10:00:00.000Z');
    expect(r.snapshot.stageEnteredAt).toBe('2026-11-25T08:00:00.000Z');
    expect(r.events[0]!.at).toBe('2026-11-25T08:00:00.000Z');
  });
});
