// The practical floor: the plainest single pass over typed arrays that computes the
// scorecard's core numbers for the current and the previous period. The events are
// converted to columns beforehand (not timed): epoch ms, type code, conversation flag,
// deal row, amount already in the plan's currency, and "moves the deal to an open
// stage" (what reopens a closed deal). Deal snapshots likewise: status and amount.
//
// Core numbers: events per type (hence per driver) and conversations; deals won and
// lost by their latest close (a reopened deal counts by its latest close only, like the
// scorecard) and the won amount; win rate; open pipeline value. The loop over the
// ActivityEvent objects themselves (objectLoop) is the same work without the typed
// arrays: it shows how much of the gap is the object layout rather than the algorithm.
import { EVENT_TYPES, type ActivityEvent, type DealSnapshot } from '../../lib/model';
import { typeIndex } from '../../lib/metrics/aggregate';
import { isConversation } from '../../lib/metrics/drivers';
import { convert, type Rates } from '../../lib/metrics/money';
import { isoMs } from '../../lib/metrics/periods';

export const NT = EVENT_TYPES.length;
const T_WON = EVENT_TYPES.indexOf('deal_won');
const T_LOST = EVENT_TYPES.indexOf('deal_lost');
const T_STAGE = EVENT_TYPES.indexOf('deal_stage_changed');

export interface Range {
  from: number;
  to: number;
}

export interface EventColumns {
  n: number;
  ms: Float64Array;
  type: Uint8Array;
  /** 1 for a connected call or a replied email. */
  conversation: Uint8Array;
  /** Deal row of a deal event; -1 otherwise. */
  deal: Int32Array;
  /** Amount in the plan's currency; NaN when unknown or without a rate. */
  amount: Float64Array;
  /** 1 for a stage change into one of the plan's (open) stages. */
  toOpenStage: Uint8Array;
  nDeals: number;
}

export interface DealColumns {
  n: number;
  open: Uint8Array;
  amount: Float64Array;
}

export interface CoreNumbers {
  /** counts[p * NT + type], p = 0 current, 1 previous. */
  counts: Float64Array;
  conversations: [number, number];
  won: [number, number];
  lost: [number, number];
  wonAmount: [number, number];
  winRate: [number | null, number | null];
  pipeline: number;
}

/** Converts events to columns, deals numbered in order of first appearance. */
export function eventColumns(events: readonly ActivityEvent[], rates: Rates, openStages: readonly string[]): EventColumns {
  const n = events.length;
  const c: EventColumns = {
    n,
    ms: new Float64Array(n),
    type: new Uint8Array(n),
    conversation: new Uint8Array(n),
    deal: new Int32Array(n).fill(-1),
    amount: new Float64Array(n).fill(NaN),
    toOpenStage: new Uint8Array(n),
    nDeals: 0,
  };
  const dealRow = new Map<string, number>();
  const open = new Set(openStages);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    c.ms[i] = isoMs(e.at);
    const t = typeIndex(e.type);
    c.type[i] = t;
    if (isConversation(e)) c.conversation[i] = 1;
    if (e.deal && (t === T_WON || t === T_LOST || t === T_STAGE)) {
      let d = dealRow.get(e.deal.id);
      if (d === undefined) dealRow.set(e.deal.id, (d = dealRow.size));
      c.deal[i] = d;
    }
    if (e.amount !== undefined) c.amount[i] = convert(e.amount, e.currency, rates) ?? NaN;
    if (t === T_STAGE && e.meta?.toStage !== undefined && open.has(e.meta.toStage)) c.toOpenStage[i] = 1;
  }
  c.nDeals = dealRow.size;
  return c;
}

export function dealColumns(deals: readonly DealSnapshot[], rates: Rates): DealColumns {
  const n = deals.length;
  const c: DealColumns = { n, open: new Uint8Array(n), amount: new Float64Array(n).fill(NaN) };
  for (let i = 0; i < n; i++) {
    const d = deals[i]!;
    if (d.status === 'open') c.open[i] = 1;
    if (d.amount !== null) c.amount[i] = convert(d.amount, d.currency, rates) ?? NaN;
  }
  return c;
}

/** The floor: one pass over the event columns, one over the deals. */
export function floorScorecard(e: EventColumns, d: DealColumns, cur: Range, prev: Range): CoreNumbers {
  const { n, ms, type, conversation, deal, amount, toOpenStage, nDeals } = e;
  const counts = new Float64Array(2 * NT);
  let conv0 = 0;
  let conv1 = 0;
  const closeMs = new Float64Array(nDeals).fill(-Infinity);
  const closeWon = new Uint8Array(nDeals);
  const closeAmount = new Float64Array(nDeals);
  const openMs = new Float64Array(nDeals).fill(-Infinity);
  const cf = cur.from;
  const ct = cur.to;
  const pf = prev.from;
  const pt = prev.to;
  for (let i = 0; i < n; i++) {
    const t = ms[i]!;
    const k = type[i]!;
    if (t >= cf && t < ct) {
      counts[k]!++;
      conv0 += conversation[i]!;
    } else if (t >= pf && t < pt) {
      counts[NT + k]!++;
      conv1 += conversation[i]!;
    }
    if (k === T_WON || k === T_LOST) {
      const x = deal[i]!;
      if (t >= closeMs[x]!) {
        closeMs[x] = t;
        closeWon[x] = k === T_WON ? 1 : 0;
        closeAmount[x] = amount[i]!;
      }
    } else if (toOpenStage[i] === 1) {
      const x = deal[i]!;
      if (t > openMs[x]!) openMs[x] = t;
    }
  }
  let won0 = 0;
  let won1 = 0;
  let lost0 = 0;
  let lost1 = 0;
  let amount0 = 0;
  let amount1 = 0;
  for (let x = 0; x < nDeals; x++) {
    const t = closeMs[x]!;
    if (t === -Infinity || openMs[x]! > t) continue; // never closed, or reopened since
    const a = closeAmount[x]!;
    if (t >= cf && t < ct) {
      if (closeWon[x] === 1) {
        won0++;
        if (a === a) amount0 += a;
      } else lost0++;
    } else if (t >= pf && t < pt) {
      if (closeWon[x] === 1) {
        won1++;
        if (a === a) amount1 += a;
      } else lost1++;
    }
  }
  let pipeline = 0;
  for (let j = 0; j < d.n; j++) {
    const a = d.amount[j]!;
    if (d.open[j] === 1 && a === a) pipeline += a;
  }
  return {
    counts,
    conversations: [conv0, conv1],
    won: [won0, won1],
    lost: [lost0, lost1],
    wonAmount: [amount0, amount1],
    winRate: [won0 + lost0 > 0 ? won0 / (won0 + lost0) : null, won1 + lost1 > 0 ? won1 / (won1 + lost1) : null],
    pipeline,
  };
}

/**
 * The same numbers straight from the ActivityEvent objects: one pass, reading `at`,
 * `type`, the outcome and the deal id of each object, with the library's fastest
 * readers (isoMs, typeIndex) and a cache of outcomes. Not a target; a yardstick.
 */
export function objectLoop(events: readonly ActivityEvent[], deals: readonly DealSnapshot[], rates: Rates, openStages: ReadonlySet<string>, cur: Range, prev: Range): CoreNumbers {
  const counts = new Float64Array(2 * NT);
  let conv0 = 0;
  let conv1 = 0;
  const dealRow = new Map<string, number>();
  const closeMs: number[] = [];
  const closeWon: boolean[] = [];
  const closeAmount: number[] = [];
  const openMs: number[] = [];
  const outcomes = new Map<string, number>();
  const cf = cur.from;
  const ct = cur.to;
  const pf = prev.from;
  const pt = prev.to;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const t = isoMs(e.at);
    const k = typeIndex(e.type);
    let p = -1;
    if (t >= cf && t < ct) p = 0;
    else if (t >= pf && t < pt) p = 1;
    if (p >= 0) {
      counts[p * NT + k]!++;
      const outcome = e.meta?.outcome;
      if (outcome !== undefined && (e.type === 'call' || e.type === 'email')) {
        const key = e.type + outcome;
        let yes = outcomes.get(key);
        if (yes === undefined) outcomes.set(key, (yes = isConversation(e) ? 1 : 0));
        if (p === 0) conv0 += yes;
        else conv1 += yes;
      }
    }
    if (k === T_WON || k === T_LOST || k === T_STAGE) {
      const id = e.deal?.id;
      if (id === undefined) continue;
      let x = dealRow.get(id);
      if (x === undefined) {
        dealRow.set(id, (x = closeMs.length));
        closeMs.push(-Infinity);
        closeWon.push(false);
        closeAmount.push(NaN);
        openMs.push(-Infinity);
      }
      if (k === T_STAGE) {
        const to = e.meta?.toStage;
        if (to !== undefined && openStages.has(to) && t > openMs[x]!) openMs[x] = t;
      } else if (t >= closeMs[x]!) {
        closeMs[x] = t;
        closeWon[x] = k === T_WON;
        closeAmount[x] = e.amount === undefined ? NaN : (convert(e.amount, e.currency, rates) ?? NaN);
      }
    }
  }
  const won: [number, number] = [0, 0];
  const lost: [number, number] = [0, 0];
  const wonAmount: [number, number] = [0, 0];
  for (let x = 0; x < closeMs.length; x++) {
    const t = closeMs[x]!;
    if (t === -Infinity || openMs[x]! > t) continue;
    if (!((t >= cf && t < ct) || (t >= pf && t < pt))) continue;
    const p = t >= cf && t < ct ? 0 : 1;
    if (closeWon[x]) {
      won[p]++;
      const a = closeAmount[x]!;
      if (a === a) wonAmount[p] += a;
    } else lost[p]++;
  }
  let pipeline = 0;
  for (const d of deals) {
    if (d.status !== 'open' || d.amount === null) continue;
    const v = convert(d.amount, d.currency, rates);
    if (v !== null) pipeline += v;
  }
  return {
    counts,
    conversations: [conv0, conv1],
    won,
    lost,
    wonAmount,
    winRate: [won[0] + lost[0] > 0 ? won[0] / (won[0] + lost[0]) : null, won[1] + lost[1] > 0 ? won[1] / (won[1] + lost[1]) : null],
    pipeline,
  };
}
