// The per-deal history rows the background keeps (lib/metrics/deal-history.ts): what a
// row holds, that arrival order never matters, that incremental equals a full recompute
// after any sequence, and that the scorecard from rows is the scorecard from events.
import { describe, expect, it } from 'vitest';
import { aggregateAll } from '../../lib/metrics/aggregate';
import {
  applyHistoryEvent,
  createDealHistory,
  dealHistoryOf,
  decodeRow,
  type DealHistoryRow,
  type DealHistoryState,
  type StoredDealHistory,
} from '../../lib/metrics/deal-history';
import { buildDealTable, dealFacts, isHistoryEvent } from '../../lib/metrics/deals';
import { computeScorecard, scorecardFromAggregates } from '../../lib/metrics/scorecard';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { deal, ev, lost, move, plan, STAGES, won } from './make';
import { mulberry32 } from '../../lib/prng';

const decoded = (s: DealHistoryState) =>
  Object.fromEntries([...s.rows.values()].sort((a, b) => (a.dealId < b.dealId ? -1 : 1)).map(r => [r.dealId, decodeRow(r, s.codes.names)]));

/** What the side panel reads: rows in key order, the codes, the trainings. */
const stored = (events: readonly ActivityEvent[]): StoredDealHistory => {
  const s = dealHistoryOf(events);
  return {
    rows: structuredClone([...s.rows.values()].sort((a, b) => (a.dealId < b.dealId ? -1 : 1))),
    codes: [...s.codes.names],
    trainings: events.filter(e => e.type === 'training'),
  };
};

describe('a deal history row', () => {
  it('holds the deal’s stage changes, wins and losses, oldest first, with names instead of codes once decoded', () => {
    const s = dealHistoryOf([
      won('d1', '2026-03-20T10:00Z', 1200, 'EUR', 0.1),
      { ...move('d1', '2026-03-02T10:00Z', 'Prospecting', 'Qualification'), deal: { id: 'd1', name: 'Acme renewal' } },
      ev('call', '2026-03-03T10:00Z', { deal: { id: 'd1' } }), // not history
      ev('training', '2026-03-03T10:00Z', { amount: 500, currency: 'USD' }), // not a deal's
    ]);
    expect(decoded(s)).toEqual({
      d1: [
        { ms: Date.parse('2026-03-02T10:00Z'), kind: 'stage', from: 'Prospecting', to: 'Qualification', amount: null, currency: null, discount: null, name: 'Acme renewal' },
        { ms: Date.parse('2026-03-20T10:00Z'), kind: 'won', from: null, to: null, amount: 1200, currency: 'EUR', discount: 0.1, name: null },
      ],
    });
    expect(s.rows.get('d1')!.entries).toBeInstanceOf(Float64Array); // one block per row, read back as one
  });

  it('skips what cannot be placed: no deal id, an unreadable time', () => {
    const s = dealHistoryOf([{ ...won('x', '2026-03-20T10:00Z'), deal: undefined }, { ...lost('y', '2026-03-20T10:00Z'), at: 'yesterday' }]);
    expect(s.rows.size).toBe(0);
  });

  it('is the same whatever order the events arrive in (ties at one instant included)', () => {
    const events = [
      move('d1', '2026-03-02T10:00Z', 'Prospecting', 'Qualification'),
      move('d1', '2026-03-02T10:00Z', 'Qualification', 'Proposal'), // same instant
      ev('deal_stage_changed', '2026-03-09T10:00Z', { deal: { id: 'd1' }, meta: { fromStage: 'Proposal', toStage: 'Closed Won' } }),
      won('d1', '2026-03-09T10:00Z', 50),
      lost('d1', '2026-03-09T10:00Z', 50), // a win and a loss at one instant: the win first
      won('d2', '2026-03-09T10:00Z'),
    ];
    const forward = decoded(dealHistoryOf(events));
    expect(decoded(dealHistoryOf([...events].reverse()))).toEqual(forward);
    expect(decoded(dealHistoryOf([events[3]!, events[1]!, events[5]!, events[0]!, events[4]!, events[2]!]))).toEqual(forward);
    expect(forward.d1!.map(e => `${e.kind}:${e.to ?? ''}`)).toEqual(['stage:Proposal', 'stage:Qualification', 'stage:Closed Won', 'won:', 'lost:']);
  });

  it('a delete takes out the stored entry and removes a row left empty; deleting what is not there changes nothing', () => {
    const a = move('d1', '2026-03-02T10:00Z', 'Prospecting', 'Qualification');
    const b = won('d1', '2026-03-09T10:00Z', 10);
    const s = dealHistoryOf([a, b]);
    expect(applyHistoryEvent(s, won('d1', '2026-03-09T10:00Z', 11), -1)).toBeNull(); // another amount: never stored
    expect(applyHistoryEvent(s, move('d1', '2026-03-02T10:00Z', 'Prospecting', 'Nowhere'), -1)).toBeNull(); // a stage never coded
    expect(applyHistoryEvent(s, won('zz', '2026-03-09T10:00Z', 10), -1)).toBeNull();
    expect(applyHistoryEvent(s, b, -1)).toBe('d1');
    expect(decoded(s).d1).toHaveLength(1);
    expect(applyHistoryEvent(s, a, -1)).toBe('d1');
    expect(s.rows.size).toBe(0);
  });

  it('keeps unknown amounts and discounts unknown (never 0), through a structured clone as IndexedDB stores it', () => {
    const s = dealHistoryOf([won('d1', '2026-03-09T10:00Z'), ev('deal_lost', '2026-03-10T10:00Z', { deal: { id: 'd1' }, amount: Number.NaN, currency: 'USD' })]);
    const row: DealHistoryRow = structuredClone(s.rows.get('d1')!);
    expect(decodeRow(row, s.codes.names).map(e => [e.amount, e.currency, e.discount])).toEqual([[null, null, null], [null, null, null]]);
  });
});

// ---- property: incremental rows = full recompute ------------------------------------------


const ALL_STAGES = [...STAGES, 'Closed Won', 'Closed Lost', 'On Hold'];

function randomEvent(r: () => number, id: string): ActivityEvent {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const type = pick(['deal_stage_changed', 'deal_won', 'deal_lost', 'call', 'training'] as const);
  // Few deals and coarse times, so deals collect several events and instants collide.
  const at = new Date(Date.parse('2026-03-01T00:00:00Z') + Math.floor(r() * 20) * 6 * 3_600_000).toISOString();
  const e: ActivityEvent = { id, type, at, site: 'salesforce', url: '', capturedAt: at };
  if (type !== 'training' && r() < 0.95) e.deal = { id: pick(['d1', 'd2', 'd3', 'd4']), ...(r() < 0.3 ? { name: pick(['Acme', 'Globex']) } : {}) };
  if (type === 'deal_stage_changed') e.meta = { ...(r() < 0.9 ? { fromStage: pick(ALL_STAGES) } : {}), toStage: pick(ALL_STAGES) };
  if ((type === 'deal_won' || type === 'deal_lost') && r() < 0.8) {
    e.amount = Math.round(r() * 1_000_000) / 100;
    e.currency = pick(['USD', 'EUR', '']);
    if (r() < 0.3) e.meta = { discount: Math.round(r() * 30) / 100 };
  }
  return e;
}

describe('property: any sequence of inserts, duplicates, deletes, edits and imports', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', seed => {
    const r = mulberry32(seed);
    const pool = Array.from({ length: 30 }, (_, i) => randomEvent(r, `e${i}`));
    const state = createDealHistory();
    const surviving = new Map<string, ActivityEvent>();
    // The ingest contract: only new events are applied, and deletes pass the stored event.
    const insert = (e: ActivityEvent) => {
      if (surviving.has(e.id)) return;
      surviving.set(e.id, e);
      applyHistoryEvent(state, structuredClone(e), 1);
    };
    const remove = (id: string) => {
      const old = surviving.get(id);
      if (!old) return;
      surviving.delete(id);
      applyHistoryEvent(state, structuredClone(old), -1);
    };
    const pick = () => Math.floor(r() * pool.length);
    for (let step = 0; step < 200; step++) {
      const op = r();
      if (op < 0.4) insert(pool[pick()]!); // often one already there: a duplicate
      else if (op < 0.65) remove(pool[pick()]!.id); // sometimes never stored
      else if (op < 0.8) {
        const i = pick();
        const had = surviving.has(pool[i]!.id);
        pool[i] = randomEvent(r, pool[i]!.id); // an edit: the stored version out, the new one in
        if (had) {
          remove(pool[i]!.id);
          insert(pool[i]!);
        }
      } else for (let k = 1 + Math.floor(r() * 10); k > 0; k--) insert(pool[pick()]!); // an import, repeats inside
      if (step % 40 === 39) expect(decoded(state)).toEqual(decoded(dealHistoryOf([...surviving.values()])));
    }
    // And the deal table built from the rows is the one built from the events.
    const events = [...surviving.values()];
    const snaps = [deal('d2', { stage: 'Qualification', lastSeenAt: '2026-03-30T00:00:00.000Z' }), deal('d9')];
    const byId = (t: ReturnType<typeof buildDealTable>) => dealFacts(t).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(buildDealTable(stored(events), snaps, STAGES, 'UTC'))).toEqual(byId(buildDealTable(events, snaps, STAGES, 'UTC')));
  });
});

describe('the scorecard from the rows', () => {
  const p = plan({ rates: { EUR: 1.1 } });
  const now = new Date('2026-03-25T12:00:00Z');
  const events: ActivityEvent[] = [
    move('d1', '2026-01-05T10:00Z', 'Prospecting', 'Qualification'),
    move('d1', '2026-02-10T10:00Z', 'Qualification', 'Proposal'),
    won('d1', '2026-03-05T10:00Z', 1000, 'EUR', 0.05),
    move('d2', '2026-01-10T10:00Z', 'Prospecting', 'Qualification'),
    lost('d2', '2026-02-20T10:00Z', 500),
    move('d2', '2026-03-01T10:00Z', 'Closed Lost', 'Proposal'), // reopened
    move('d3', '2026-03-02T10:00Z', 'Prospecting', 'Negotiation'), // a skipped stage
    move('d3', '2026-03-04T10:00Z', 'Negotiation', 'Qualification'), // moved back
    ev('training', '2026-02-01T10:00Z', { amount: 300, currency: 'USD' }),
    ev('call', '2026-03-03T10:00Z', { meta: { outcome: 'Connected' } }),
  ];
  const snaps: DealSnapshot[] = [
    deal('d0', { status: 'won', stage: 'Closed Won', closeDate: '2026-03-10', lastSeenAt: '2026-03-12T00:00:00.000Z', amount: 700 }), // closed before Pacer saw it
    deal('d2', { stage: 'Proposal', stageEnteredAt: '2026-03-01T10:00:00.000Z', lastSeenAt: '2026-03-20T00:00:00.000Z' }),
    deal('d3', { stage: 'Qualification', stageEnteredAt: '2026-03-04T10:00:00.000Z', createdAt: '2026-02-28T00:00:00.000Z' }),
  ];

  it('equals the scorecard from raw events, for snapshots in key order or not', () => {
    const days = aggregateAll(events, p.timeZone).days;
    const reference = computeScorecard(events, snaps, p, 'quarter', now);
    expect(scorecardFromAggregates(days.values(), stored(events), snaps, p, 'quarter', now)).toEqual(reference);
    expect(scorecardFromAggregates(days.values(), stored(events), [...snaps].reverse(), p, 'quarter', now)).toEqual(reference);
    expect(scorecardFromAggregates(days.values(), events.filter(isHistoryEvent), snaps, p, 'quarter', now)).toEqual(reference);
    expect(reference.trainingRoi).toHaveLength(1);
    expect(reference.current.winRate.won).toBe(2);
  });

  it('still throws on two snapshots of one deal', () => {
    const days = aggregateAll(events, p.timeZone).days;
    expect(() => scorecardFromAggregates(days.values(), stored(events), [snaps[1]!, snaps[1]!], p, 'quarter', now)).toThrow(/Two snapshots of deal d2/);
  });
});
