import { describe, expect, it } from 'vitest';
import { buildDealTable, dealFacts, DealHistory, type DealFacts } from '../../lib/metrics/deals';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { deal, ev, lost, move, STAGES, won } from './make';

const facts = (history: ActivityEvent[], deals: DealSnapshot[] = [], tz = 'UTC') => dealFacts(buildDealTable(history, deals, STAGES, tz));
const one = (history: ActivityEvent[], deals: DealSnapshot[] = [], tz = 'UTC'): DealFacts => {
  const all = facts(history, deals, tz);
  expect(all).toHaveLength(1);
  return all[0]!;
};
const stagesOf = (f: DealFacts) => f.entries.map(e => e.stage);

describe('deal facts', () => {
  it('no data gives no deals', () => expect(facts([])).toEqual([]));

  it('one open deal known only from its snapshot', () => {
    const f = one([], [deal('d1', { stage: 'Qualification', stageEnteredAt: '2026-02-01T00:00:00.000Z', createdAt: '2026-01-20T00:00:00.000Z' })]);
    expect(f).toMatchObject({ id: 'd1', outcome: 'open', closedAt: null, createdAt: '2026-01-20T00:00:00.000Z', createdKnown: true, amount: 10_000, currency: 'USD', reopened: 0 });
    expect(f.entries).toEqual([{ stage: 'Qualification', at: '2026-02-01T00:00:00.000Z' }]);
  });

  it('a won deal from its events: created → stages → won', () => {
    const history = [
      move('d1', '2026-02-01T00:00Z', 'Prospecting', 'Qualification'),
      move('d1', '2026-02-10T00:00Z', 'Qualification', 'Closed Won'),
      won('d1', '2026-02-10T00:00Z', 12_000),
    ];
    const f = one(history, [deal('d1', { stage: 'Closed Won', status: 'won', createdAt: '2026-01-20T00:00:00.000Z', lastSeenAt: '2026-02-10T00:00:00.000Z', amount: 12_000 })]);
    expect(f).toMatchObject({ outcome: 'won', closedAt: '2026-02-10T00:00:00.000Z', amount: 12_000 });
    expect(f.entries).toEqual([
      { stage: 'Prospecting', at: '2026-01-20T00:00:00.000Z' },
      { stage: 'Qualification', at: '2026-02-01T00:00:00.000Z' },
      { stage: 'Closed Won', at: '2026-02-10T00:00:00.000Z' },
    ]);
  });

  it('without a creation date the first stage is only an estimate, and creation is the first event', () => {
    const f = one([move('d1', '2026-02-01T00:00Z', 'Prospecting', 'Qualification')]);
    expect(f.entries[0]).toEqual({ stage: 'Prospecting', at: '2026-02-01T00:00:00.000Z', estimated: true });
    expect([f.createdAt, f.createdKnown, f.name]).toEqual(['2026-02-01T00:00:00.000Z', false, 'd1']);
  });

  it('a reopened deal counts by its latest close only', () => {
    const history = [
      move('d1', '2026-02-01T00:00Z', 'Negotiation', 'Closed Won'),
      won('d1', '2026-02-01T00:00Z', 10_000),
      move('d1', '2026-02-05T00:00Z', 'Closed Won', 'Negotiation'), // reopened
      move('d1', '2026-03-01T00:00Z', 'Negotiation', 'Closed Won'),
      won('d1', '2026-03-01T00:00Z', 15_000),
    ];
    const f = one(history);
    expect([f.outcome, f.closedAt, f.reopened, f.amount]).toEqual(['won', '2026-03-01T00:00:00.000Z', 1, 15_000]);
  });

  it('a deal reopened and still open is open', () => {
    const history = [lost('d1', '2026-02-01T00:00Z'), move('d1', '2026-02-03T00:00Z', 'Closed Lost', 'Qualification')];
    expect(one(history)).toMatchObject({ outcome: 'open', closedAt: null, reopened: 1 });
  });

  it('a move between closed stages is no reopening', () => {
    const history = [
      move('d1', '2026-02-01T00:00Z', 'Negotiation', 'Closed Won'),
      won('d1', '2026-02-01T00:00Z'),
      move('d1', '2026-02-02T00:00Z', 'Closed Won', 'Closed Lost'),
      lost('d1', '2026-02-02T00:00Z'),
    ];
    expect(one(history)).toMatchObject({ outcome: 'lost', closedAt: '2026-02-02T00:00:00.000Z', reopened: 0 });
  });

  it('the snapshot reopens a deal whose reopening no event recorded', () => {
    const history = [won('d1', '2026-02-01T00:00Z', 5)];
    const f = one(history, [deal('d1', { status: 'open', stage: 'Negotiation', lastSeenAt: '2026-02-09T00:00:00.000Z' })]);
    expect([f.outcome, f.reopened]).toEqual(['open', 1]);
  });

  it('a deal first seen already closed closes on the CRM close date, in the plan zone', () => {
    const f = one([], [deal('d1', { status: 'won', stage: 'Closed Won', closeDate: '2026-03-29', stageEnteredAt: '2026-05-01T00:00:00.000Z' })], 'Europe/Berlin');
    expect(f.closedAt).toBe('2026-03-28T23:00:00.000Z');
  });

  it('skipped and backward moves keep every stage entered, in order', () => {
    const history = [
      move('d1', '2026-02-01T00:00Z', 'Prospecting', 'Proposal'), // skips Qualification
      move('d1', '2026-02-05T00:00Z', 'Proposal', 'Qualification'), // backwards
      move('d1', '2026-02-09T00:00Z', 'Qualification', 'Proposal'),
    ];
    expect(stagesOf(one(history))).toEqual(['Prospecting', 'Proposal', 'Qualification', 'Proposal']);
  });

  it('events out of order are put in order; a close sorts after its stage change at the same instant', () => {
    const history = [
      won('d1', '2026-02-10T00:00Z', 7),
      move('d1', '2026-02-10T00:00Z', 'Negotiation', 'Closed Won'),
      move('d1', '2026-02-01T00:00Z', 'Prospecting', 'Negotiation'),
    ];
    const f = one(history);
    expect(stagesOf(f)).toEqual(['Prospecting', 'Negotiation', 'Closed Won']);
    expect([f.outcome, f.reopened]).toEqual(['won', 0]);
  });

  it('the snapshot stage is appended when events missed the last move', () => {
    const history = [move('d1', '2026-02-01T00:00Z', 'Prospecting', 'Qualification')];
    const f = one(history, [deal('d1', { stage: 'Proposal', stageEnteredAt: '2026-02-07T00:00:00.000Z', createdAt: '2026-01-30T00:00:00.000Z' })]);
    expect(f.entries).toEqual([
      { stage: 'Prospecting', at: '2026-01-30T00:00:00.000Z' },
      { stage: 'Qualification', at: '2026-02-01T00:00:00.000Z' },
      { stage: 'Proposal', at: '2026-02-07T00:00:00.000Z' },
    ]);
  });

  it.each<[string, DealSnapshot | null, ActivityEvent[], number | null, string | null, number | null]>([
    ['the snapshot amount wins', deal('d1', { amount: 9, currency: 'EUR' }), [won('d1', '2026-02-01T00:00Z', 5, 'USD')], 9, 'EUR', null],
    ['no snapshot amount: the close event', deal('d1', { amount: null, currency: null }), [won('d1', '2026-02-01T00:00Z', 5, 'USD')], 5, 'USD', null],
    ['no snapshot: the latest event with one', null, [ev('deal_stage_changed', '2026-02-01T00:00Z', { deal: { id: 'd1' }, amount: 3, currency: 'GBP', meta: { fromStage: 'Prospecting', toStage: 'Qualification' } })], 3, 'GBP', null],
    ['nothing known', null, [move('d1', '2026-02-01T00:00Z', 'Prospecting', 'Qualification')], null, null, null],
    ['discount from the snapshot', deal('d1', { discount: 0.12 }), [], 10_000, 'USD', 0.12],
    ['discount from list price', deal('d1', { amount: 8_000, listAmount: 10_000 }), [], 8_000, 'USD', 0.2],
    ['discount from the won event', null, [won('d1', '2026-02-01T00:00Z', 5, 'USD', 0.07)], 5, 'USD', 0.07],
  ])('%s', (_name, snap, history, amount, currency, discount) => {
    const f = one(history, snap ? [snap] : []);
    expect([f.amount, f.currency, f.discount === null ? null : Math.round(f.discount * 1e6) / 1e6]).toEqual([amount, currency, discount]);
  });

  it('the same table from raw events or from a DealHistory filled one by one', () => {
    const history = [move('d1', '2026-02-01T00:00Z', 'Prospecting', 'Qualification'), ev('call', '2026-02-01T00:00Z'), won('d2', '2026-02-03T00:00Z', 1)];
    const collector = new DealHistory(STAGES);
    for (const e of history) collector.add(e);
    expect(dealFacts(buildDealTable(collector, [], STAGES, 'UTC'))).toEqual(facts(history));
    expect(() => buildDealTable(collector, [], ['Other'], 'UTC')).toThrow(/other stages/);
  });

  it('two snapshots of one deal are an error', () => {
    expect(() => buildDealTable([], [deal('d1'), deal('d1')], STAGES, 'UTC')).toThrow(/Two snapshots of deal d1/);
  });
});
