import { describe, expect, it } from 'vitest';
import {
  aggregateAll,
  aggregateUnique,
  applyEvent,
  applyEvents,
  createAggregates,
  driversFromAggregates,
  moneyOfHundredths,
  sumDays,
  type AggregateState,
  type DailyAggregate,
} from '../../lib/metrics/aggregate';
import { countDrivers } from '../../lib/metrics/drivers';
import { periodForDate } from '../../lib/metrics/periods';
import { EVENT_TYPES, type ActivityEvent, type EventType } from '../../lib/model';
import { call, ev, won } from './make';
import { mulberry32 } from '../../lib/prng';

const TZ = 'Europe/Berlin';

describe('applyEvent', () => {
  it('files an event under its local day and reports the day', () => {
    const s = createAggregates(TZ);
    expect(applyEvent(s, call('2026-03-28T23:30:00Z', 'Connected'), 1)).toBe('2026-03-29');
    expect(s.days.get('2026-03-29')).toEqual({
      day: '2026-03-29',
      counts: { call: 1 },
      conversations: 1,
      wonHundredths: {},
      lostHundredths: {},
      wonUnknownAmounts: 0,
      lostUnknownAmounts: 0,
    });
  });

  it('a duplicate insert changes nothing; so does deleting what was never counted', () => {
    const s = createAggregates(TZ);
    const e = call('2026-03-10T10:00:00Z');
    expect(applyEvent(s, e, 1)).toBe('2026-03-10');
    expect(applyEvent(s, { ...e }, 1)).toBeNull();
    expect(applyEvent(s, call('2026-03-10T11:00:00Z'), -1)).toBeNull();
    expect(s.days.get('2026-03-10')!.counts).toEqual({ call: 1 });
  });

  it('a delete (tombstone) undoes the insert, down to removing the empty day', () => {
    const s = createAggregates(TZ);
    const e = won('d1', '2026-03-10T10:00:00Z', 1234.56, 'EUR');
    applyEvent(s, e, 1);
    expect(s.days.get('2026-03-10')!.wonHundredths).toEqual({ EUR: 123_456 });
    expect(applyEvent(s, e, -1)).toBe('2026-03-10');
    expect(s.days.size).toBe(0);
    expect(s.ids.has(e.id)).toBe(false);
  });

  it('an edit is a delete of the old version and an insert of the new', () => {
    const s = createAggregates(TZ);
    const before = call('2026-03-10T10:00:00Z');
    applyEvent(s, before, 1);
    const after = { ...before, type: 'meeting' as const, at: '2026-03-11T10:00:00.000Z' };
    applyEvent(s, before, -1);
    applyEvent(s, after, 1);
    expect([...s.days.keys()]).toEqual(['2026-03-11']);
    expect(s.days.get('2026-03-11')!.counts).toEqual({ meeting: 1 });
  });

  it('ignores what it cannot file', () => {
    const s = createAggregates(TZ);
    expect(applyEvent(s, { ...call('2026-03-10T10:00:00Z'), at: 'yesterday' }, 1)).toBeNull();
    expect(applyEvent(s, { ...call('2026-03-10T10:00:00Z'), type: 'fax' as EventType }, 1)).toBeNull(); // outside the vocabulary
    expect(s.days.size).toBe(0);
  });

  it('money without a currency or an amount is kept apart', () => {
    const s = aggregateAll([won('a', '2026-03-10T10:00Z', 100, ''), won('b', '2026-03-10T10:00Z'), ev('deal_lost', '2026-03-10T10:00Z', { amount: 5, currency: 'USD' })], 'UTC');
    const d = s.days.get('2026-03-10')!;
    expect([d.wonHundredths, d.wonUnknownAmounts, d.lostHundredths]).toEqual([{ '???': 10_000 }, 1, { USD: 500 }]);
    expect(moneyOfHundredths(d.wonHundredths, d.wonUnknownAmounts, { currency: 'USD', rates: {} })).toEqual({ total: 0, currency: 'USD', unconverted: { '???': 100 }, unknownAmounts: 1 });
  });

  it('rejects an unknown zone when created', () => expect(() => createAggregates('Nowhere/Else')).toThrow(RangeError));
});

describe('aggregates give the driver numbers raw events give', () => {
  const events = [
    call('2026-03-22T22:59:00Z', 'Connected'), // Sunday 23:59 in Berlin: the week before
    call('2026-03-22T23:00:00Z', 'Connected'), // Monday 00:00
    ev('email', '2026-03-25T10:00Z', { meta: { outcome: 'inbound' } }),
    ev('meeting', '2026-03-28T23:30Z'), // Sunday 29 March, the 23-hour day
    ev('proposal_sent', '2026-03-29T21:59Z'), // still Sunday
    ev('referral_given', '2026-03-29T22:00Z'), // Monday 30: next week
    ev('linkedin_profile_view', '2026-03-26T10:00Z'),
  ];
  it.each(['2026-03-20', '2026-03-25', '2026-03-31'])('the week containing %s', date => {
    const week = periodForDate('week', date, { timeZone: TZ, weekStartsOn: 1, fiscalYearStartMonth: 1 });
    const days = aggregateAll(events, TZ).days.values();
    expect(driversFromAggregates(days, week)).toEqual(countDrivers(events, week));
  });
  it('the single pass and the incremental path agree', () => {
    expect(aggregateUnique(events, TZ)).toEqual(aggregateAll(events, TZ).days);
  });
});

// ---- property: incremental state = full recompute ------------------------------------------


function randomEvent(r: () => number, id: string): ActivityEvent {
  const type = EVENT_TYPES[Math.floor(r() * EVENT_TYPES.length)]!;
  // Two weeks around the spring change in Berlin, to the minute, some right at midnight.
  const minute = Math.floor(r() * 14 * 24 * 60);
  const at = new Date(Date.parse('2026-03-22T00:00:00Z') + minute * 60_000 - (r() < 0.1 ? minute % 60 : 0)).toISOString();
  const e: ActivityEvent = { id, type, at, site: 'manual', url: '', capturedAt: at };
  if (type === 'call') e.meta = { outcome: ['Connected', 'No answer', 'Left voicemail'][Math.floor(r() * 3)]! };
  if (type === 'email' && r() < 0.5) e.meta = { outcome: r() < 0.5 ? 'inbound' : 'outbound' };
  if (type === 'deal_won' || type === 'deal_lost' || type === 'training') {
    if (r() < 0.8) {
      e.amount = Math.round(r() * 10_000_000) / 100; // cents
      e.currency = ['USD', 'EUR', 'GBP', ''][Math.floor(r() * 4)]!;
    }
  }
  return e;
}

const sorted = (days: Map<string, DailyAggregate>) => [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('property: any sequence of inserts, duplicates, deletes, edits and imports', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', seed => {
    const r = mulberry32(seed);
    const pool = Array.from({ length: 40 }, (_, i) => randomEvent(r, `e${i}`));
    const state: AggregateState = createAggregates(TZ);
    const surviving = new Map<string, ActivityEvent>();
    const pick = () => Math.floor(r() * pool.length);
    for (let step = 0; step < 250; step++) {
      const op = r();
      if (op < 0.4) {
        // insert, often one already counted (a duplicate)
        const e = pool[pick()]!;
        applyEvent(state, { ...e }, 1);
        if (!surviving.has(e.id)) surviving.set(e.id, e);
      } else if (op < 0.65) {
        // delete (a tombstone), sometimes of something never inserted
        const e = pool[pick()]!;
        applyEvent(state, surviving.get(e.id) ?? e, -1);
        surviving.delete(e.id);
      } else if (op < 0.8) {
        // edit: the stored version out, a changed one with the same id in
        const i = pick();
        const old = surviving.get(pool[i]!.id);
        const edited = { ...randomEvent(r, pool[i]!.id) };
        pool[i] = edited;
        if (old) {
          applyEvent(state, old, -1);
          applyEvent(state, edited, 1);
          surviving.set(edited.id, edited);
        }
      } else {
        // import: a batch with repeats inside it and of what is already there
        const batch = Array.from({ length: 1 + Math.floor(r() * 12) }, () => pool[pick()]!);
        applyEvents(state, batch, 1);
        for (const e of batch) if (!surviving.has(e.id)) surviving.set(e.id, e);
      }
      if (step % 50 === 49 || step === 249) {
        const full = aggregateAll(surviving.values(), TZ);
        expect(sorted(state.days)).toEqual(sorted(full.days));
        expect([...(state.ids as Set<string>)].sort()).toEqual([...surviving.keys()].sort());
        expect(sorted(aggregateUnique([...surviving.values()], TZ))).toEqual(sorted(full.days));
      }
    }
  });
});

describe('sumDays', () => {
  it('adds up a range of local days, half-open', () => {
    const days = aggregateAll([call('2026-03-10T10:00Z'), call('2026-03-11T10:00Z'), won('a', '2026-03-11T10:00Z', 10), call('2026-03-12T10:00Z')], 'UTC').days.values();
    const t = sumDays([...days], '2026-03-10', '2026-03-12');
    expect([t.counts, t.wonHundredths]).toEqual([{ call: 2, deal_won: 1 }, { USD: 1000 }]);
  });
  it('is empty with no data', () => expect(sumDays([], '2026-03-10', '2026-03-12').counts).toEqual({}));
});
