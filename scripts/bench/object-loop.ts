// A yardstick beside the floor (scripts/bench.ts): the scorecard's core numbers (events
// per type and driver, conversations, wins and losses by each deal's latest close, won
// amount, win rate, open pipeline) straight from the ActivityEvent objects, in one pass
// with the library's fastest readers. It separates what reading a million objects costs
// (string dates and types, nested meta and deal refs, pointer chasing) from what the
// scorecard's own algorithm costs. Not a target.
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

/** One pass over the event objects, with a cache of call and email outcomes. */
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
