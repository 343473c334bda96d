// Per-day aggregates (issue #5, "Incremental"): the background keeps one row per local
// day up to date as events arrive or are deleted, so no UI scans the whole history.
// A row is plain JSON (a Dexie row as is). Money is summed in integer hundredths so an
// insert followed by a delete restores the exact previous state, in any order.
import { EVENT_TYPES, type ActivityEvent } from '../model';
import { HISTORY_TYPES, type DealHistory } from './deals';
import type { CountsByType } from './counts';
import { driversFromCounts, isConversation, type DriverCounts } from './drivers';
import { MoneySum, UNKNOWN_CURRENCY, type Money, type Rates } from './money';
import { LocalDayKeyer, type ZonedPeriod } from './periods';

export interface DailyAggregate {
  /** Local date in the plan's time zone (YYYY-MM-DD). */
  day: string;
  /** Events per type. Types with none are absent. */
  counts: CountsByType;
  /** Connected calls plus replied emails (see isConversation). */
  conversations: number;
  /** Amounts of deal_won events per currency ('???' when unknown), in hundredths of a unit. */
  wonHundredths: Record<string, number>;
  lostHundredths: Record<string, number>;
  /** deal_won / deal_lost events without an amount. */
  wonUnknownAmounts: number;
  lostUnknownAmounts: number;
}

/** Which event ids are counted. A Set works; the background can back it with its events table. */
export interface IdSet {
  has(id: string): boolean;
  add(id: string): unknown;
  delete(id: string): unknown;
}

export interface AggregateState {
  timeZone: string;
  days: Map<string, DailyAggregate>;
  /** The ids counted so far: a repeated insert or a delete of something never counted is ignored. */
  ids: IdSet;
}

const keyers = new Map<string, LocalDayKeyer>();
/** One cached local-day keyer per zone. */
export function keyerFor(timeZone: string): LocalDayKeyer {
  let k = keyers.get(timeZone);
  if (!k) keyers.set(timeZone, (k = new LocalDayKeyer(timeZone)));
  return k;
}

export const emptyDay = (day: string): DailyAggregate => ({
  day,
  counts: {},
  conversations: 0,
  wonHundredths: {},
  lostHundredths: {},
  wonUnknownAmounts: 0,
  lostUnknownAmounts: 0,
});

export const isEmptyDay = (d: DailyAggregate): boolean =>
  d.conversations === 0 &&
  d.wonUnknownAmounts === 0 &&
  d.lostUnknownAmounts === 0 &&
  isEmptyRecord(d.counts) &&
  isEmptyRecord(d.wonHundredths) &&
  isEmptyRecord(d.lostHundredths);

function isEmptyRecord(r: object): boolean {
  for (const _ in r) return false;
  return true;
}

function bump(r: Record<string, number>, key: string, by: number): void {
  const v = (r[key] ?? 0) + by;
  if (v === 0) delete r[key];
  else r[key] = v;
}

/** Adds (sign 1) or removes (sign -1) one event's contribution to its day. No dedupe here. */
export function addToDay(d: DailyAggregate, e: ActivityEvent, sign: 1 | -1): void {
  if (!TYPE_INDEX.has(e.type)) return; // not in the vocabulary: not counted anywhere
  bump(d.counts as Record<string, number>, e.type, sign);
  if ((e.type === 'call' || e.type === 'email') && isConversation(e)) d.conversations += sign;
  else if (e.type === 'deal_won' || e.type === 'deal_lost') {
    const won = e.type === 'deal_won';
    if (e.amount === undefined || !Number.isFinite(e.amount)) {
      if (won) d.wonUnknownAmounts += sign;
      else d.lostUnknownAmounts += sign;
    } else bump(won ? d.wonHundredths : d.lostHundredths, e.currency || UNKNOWN_CURRENCY, sign * Math.round(e.amount * 100));
  }
}

export function createAggregates(timeZone: string, ids: IdSet = new Set<string>()): AggregateState {
  keyerFor(timeZone); // an unknown zone throws here, not on the first event
  return { timeZone, days: new Map(), ids };
}

/**
 * Inserts (1) or deletes (-1, a tombstone) one event, in place. Returns the local day
 * whose row changed (to persist it), or null when nothing changed: a duplicate insert,
 * a delete of an id never counted, an unreadable `at` or a type outside the vocabulary.
 * A delete must pass the event as it was stored; an edit is a delete of the old version
 * plus an insert of the new. A day left with nothing is removed from `days` (the caller
 * deletes its row).
 */
export function applyEvent(state: AggregateState, event: ActivityEvent, sign: 1 | -1): string | null {
  if (sign === 1 ? state.ids.has(event.id) : !state.ids.has(event.id)) return null;
  if (typeIndex(event.type) < 0) return null; // not in the vocabulary: never counted
  const key = keyerFor(state.timeZone).key(event.at);
  if (key === null) return null;
  let day = state.days.get(key);
  if (!day) {
    if (sign === -1) return null;
    state.days.set(key, (day = emptyDay(key)));
  }
  addToDay(day, event, sign);
  if (sign === 1) state.ids.add(event.id);
  else {
    state.ids.delete(event.id);
    if (isEmptyDay(day)) state.days.delete(key);
  }
  return key;
}

/** Applies a batch (an import, a sync); returns the days that changed. */
export function applyEvents(state: AggregateState, events: Iterable<ActivityEvent>, sign: 1 | -1 = 1): Set<string> {
  const changed = new Set<string>();
  for (const e of events) {
    const day = applyEvent(state, e, sign);
    if (day !== null) changed.add(day);
  }
  return changed;
}

/** The full recompute: every event once (repeated ids count once). */
export function aggregateAll(events: Iterable<ActivityEvent>, timeZone: string): AggregateState {
  const state = createAggregates(timeZone);
  applyEvents(state, events, 1);
  return state;
}

const TYPE_INDEX = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
const NT = EVENT_TYPES.length;
// A perfect hash of the vocabulary (checked at load): the type of a million events is
// found without hashing each freshly deserialised string. Unknown types give -1.
const typeSlot = (t: string): number => (t.length + t.charCodeAt(0) + 4 * (t.charCodeAt(9) | 0)) & 63;
const TYPE_SLOTS = new Int8Array(64).fill(-1);
EVENT_TYPES.forEach((t, i) => {
  if (TYPE_SLOTS[typeSlot(t)] !== -1) throw new Error(`typeSlot collides for ${t}: update the hash`);
  TYPE_SLOTS[typeSlot(t)] = i;
});
export function typeIndex(type: string): number {
  const i = TYPE_SLOTS[typeSlot(type)]!;
  return i >= 0 && EVENT_TYPES[i] === type ? i : -1;
}
const CALL = TYPE_INDEX.get('call')!;
const EMAIL = TYPE_INDEX.get('email')!;
const DEAL_WON = TYPE_INDEX.get('deal_won')!;
const DEAL_LOST = TYPE_INDEX.get('deal_lost')!;
const IS_HISTORY = new Uint8Array(NT);
for (const t of HISTORY_TYPES) IS_HISTORY[TYPE_INDEX.get(t)!] = 1;

/**
 * The same days as aggregateAll for events already unique by id (as the database holds
 * them), without tracking ids: the scorecard's single pass, counting into typed arrays.
 * When `history` is given, it collects the deal events and trainings on the way.
 */
export function aggregateUnique(events: readonly ActivityEvent[], timeZone: string, history?: DealHistory): Map<string, DailyAggregate> {
  const keyer = keyerFor(timeZone);
  let cap = 512;
  let counts = new Float64Array(cap * NT);
  let conversations = new Float64Array(cap);
  const keys: string[] = [];
  const money: (DailyAggregate | undefined)[] = [];
  const index = new Map<string, number>();
  const callOutcomes = new Map<string, boolean>();
  const emailOutcomes = new Map<string, boolean>();
  let lastKey: string | null = null;
  let day = -1;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const key = keyer.key(e.at);
    if (key === null) continue;
    const t = typeIndex(e.type);
    if (t < 0) continue;
    if (key !== lastKey) {
      let d = index.get(key);
      if (d === undefined) {
        d = keys.length;
        if (d === cap) {
          cap *= 2;
          const c = new Float64Array(cap * NT);
          c.set(counts);
          counts = c;
          const v = new Float64Array(cap);
          v.set(conversations);
          conversations = v;
        }
        index.set(key, d);
        keys.push(key);
      }
      lastKey = key;
      day = d;
    }
    counts[day * NT + t]!++;
    if (t === CALL || t === EMAIL) {
      const outcome = e.meta?.outcome;
      if (outcome !== undefined) {
        const cache = t === CALL ? callOutcomes : emailOutcomes;
        let yes = cache.get(outcome);
        if (yes === undefined) {
          yes = isConversation(e);
          if (cache.size < 1000) cache.set(outcome, yes);
        }
        if (yes) conversations[day]!++;
      }
    } else if (t === DEAL_WON || t === DEAL_LOST) {
      let m = money[day];
      if (!m) money[day] = m = emptyDay(key);
      addToDay(m, e, 1);
    }
    if (history && IS_HISTORY[t] === 1) history.add(e);
  }
  const days = new Map<string, DailyAggregate>();
  for (let d = 0; d < keys.length; d++) {
    const row = money[d] ?? emptyDay(keys[d]!);
    const c: CountsByType = {};
    for (let t = 0; t < NT; t++) {
      const v = counts[d * NT + t]!;
      if (v !== 0) c[EVENT_TYPES[t]!] = v;
    }
    row.counts = c;
    row.conversations = conversations[d]!;
    days.set(keys[d]!, row);
  }
  return days;
}

// ---- reading aggregates ------------------------------------------------------------------

export interface RangeTotals {
  counts: CountsByType;
  conversations: number;
  wonHundredths: Record<string, number>;
  lostHundredths: Record<string, number>;
  wonUnknownAmounts: number;
  lostUnknownAmounts: number;
}

/** Totals of the days in [startDate, endDate) (local dates). */
export function sumDays(days: Iterable<DailyAggregate>, startDate: string, endDate: string): RangeTotals {
  const t: RangeTotals = { counts: {}, conversations: 0, wonHundredths: {}, lostHundredths: {}, wonUnknownAmounts: 0, lostUnknownAmounts: 0 };
  for (const d of days) {
    if (d.day < startDate || d.day >= endDate) continue;
    for (const k in d.counts) bump(t.counts as Record<string, number>, k, d.counts[k as keyof CountsByType]!);
    t.conversations += d.conversations;
    for (const k in d.wonHundredths) bump(t.wonHundredths, k, d.wonHundredths[k]!);
    for (const k in d.lostHundredths) bump(t.lostHundredths, k, d.lostHundredths[k]!);
    t.wonUnknownAmounts += d.wonUnknownAmounts;
    t.lostUnknownAmounts += d.lostUnknownAmounts;
  }
  return t;
}

export const driversOfTotals = (t: Pick<RangeTotals, 'counts' | 'conversations'>): DriverCounts => driversFromCounts(t.counts, t.conversations);

/** Driver counts of a period from aggregates: the same numbers countDrivers gives from raw events. */
export function driversFromAggregates(days: Iterable<DailyAggregate>, period: Pick<ZonedPeriod, 'startDate' | 'endDate'>): DriverCounts {
  return driversOfTotals(sumDays(days, period.startDate, period.endDate));
}

/** Per-currency hundredths as Money in the plan's currency. */
export function moneyOfHundredths(hundredths: Record<string, number>, unknownAmounts: number, rates: Rates): Money {
  const sum = new MoneySum(rates);
  for (const [currency, h] of Object.entries(hundredths)) sum.add(h / 100, currency === UNKNOWN_CURRENCY ? null : currency);
  const m = sum.result();
  m.unknownAmounts = unknownAmounts;
  return m;
}
