// The practical floor (issue #5, item 6): the same scorecard the side panel shows, every
// number of it, computed by the plainest loops over typed arrays: one pass over the
// million events, one over the deals, one over the days.
//
// The events, the deal snapshots and the calendar are laid out as columns beforehand
// (floorColumns, not timed; that is what makes it a floor): per event epoch ms, type
// code, conversation flag, local-day index, deal row, stage codes, amount, currency,
// discount; per deal its snapshot's fields; per local day its weekday, holiday flag, week
// and fiscal quarter. Stage and currency codes are numbered in name order, so comparing
// codes compares names (the canonical order of a deal's history ties on them).
//
// Inside the timed region (floorScorecard):
// - one pass over the events: counts per day and type, conversations per day, won and
//   lost amounts per day and currency (integer hundredths, as the day rows hold them),
//   and each deal event's index in a list, counted per deal;
// - a counting sort groups the deal events by deal, an insertion sort orders each deal's
//   few events canonically (time, kind, stages, amount, currency, discount);
// - one pass over the deals replays each deal's history against its snapshot (outcome,
//   close, reopenings, created, amount, discount, stage entries; deals.ts's rules) and,
//   while that deal's entries are in a scratch buffer, adds it to every per-deal figure:
//   win rates, pipeline entered, conversion (three ranges), time in stage (three),
//   cycle, discounts, the funnel, the commission period, the biggest deal;
// - one pass over the open snapshots: pipeline by stage, weighted, closing, leads on
//   deck, deals over target; the river from those;
// - one pass over the days: period counts, streak, badges, personal bests; the training
//   windows add up their days.
// Percentiles sort each list (plain, and fine at these sizes). Things whose size does
// not grow with the data (a quota over a quarter's days, pacing, the commission tiers,
// the pyramid, period boundaries, targets) call the library's small functions: there
// is no plainer way to write them, and they cost microseconds.
//
// The result has the Scorecard's shape and is compared with the real scorecard field by
// field (scripts/bench.ts, tests/scripts/bench-floor.test.ts) before any figure prints.
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { EVENT_TYPES } from '../../lib/model';
import { keyerFor, typeIndex } from '../../lib/metrics/aggregate';
import type { CountsByType } from '../../lib/metrics/counts';
import { commissionFor } from '../../lib/metrics/commission';
import { DRIVER_EVENT_TYPE, DRIVERS, driversFromCounts, earlyStagesOf, isConversation, type Driver } from '../../lib/metrics/drivers';
import { activityScore, BADGES, dailyTargetsOf, type BadgeId } from '../../lib/metrics/gamification';
import { attainment, conversionRatios, pacing, pyramidGap, quotaFor } from '../../lib/metrics/goals';
import { DISCOUNT_BANDS, msRange, pipelineCoverage, stageProbability, WON_STEP, type ConversionStep, type OverTargetDeal, type StageTime } from '../../lib/metrics/kpis';
import { UNKNOWN_CURRENCY, type Money } from '../../lib/metrics/money';
import { addDays, daysBetween, holidaySet, isoMs, localDateOf, periodContaining, periodDates, previousPeriod, startOfLocalDate, weekdayOf, type ZonedPeriod } from '../../lib/metrics/periods';
import type { Plan } from '../../lib/metrics/plan';
import type { RiverStage } from '../../lib/metrics/river';
import { targetsFor, type PeriodScore, type Scorecard } from '../../lib/metrics/scorecard';
import { stageTargetDays } from '../../lib/metrics/stage-targets';
import { summarize, type Summary } from '../../lib/metrics/stats';

const NT = EVENT_TYPES.length;
const T_WON = EVENT_TYPES.indexOf('deal_won');
const T_LOST = EVENT_TYPES.indexOf('deal_lost');
const T_STAGE = EVENT_TYPES.indexOf('deal_stage_changed');
const T_TRAINING = EVENT_TYPES.indexOf('training');
const T_CALL = EVENT_TYPES.indexOf('call');
const T_MEETING = EVENT_TYPES.indexOf('meeting');
const T_PROPOSAL = EVENT_TYPES.indexOf('proposal_sent');
const T_ACCEPTED = EVENT_TYPES.indexOf('proposal_accepted');
const T_REF_GIVEN = EVENT_TYPES.indexOf('referral_given');
const T_REF_RECEIVED = EVENT_TYPES.indexOf('referral_received');
const DAY = 86_400_000;
/** Deal event kinds, as deals.ts numbers them. */
const K_STAGE = 0;
const K_WON = 1;
const K_LOST = 2;
const OPEN = 0;
const WON = 1;
const LOST = 2;
/** scorecardFromAggregates' default window. */
const ROI_WINDOW_DAYS = 30;
const CLOSED_NAME = /\b(closed|won|lost)\b/i;

export interface FloorColumns {
  plan: Plan;
  now: Date;
  // ---- events ----
  n: number;
  ms: Float64Array;
  type: Uint8Array;
  conversation: Uint8Array;
  /** Local-day index (calendar below); -1 when unreadable. */
  day: Int32Array;
  /** Deal row of a stage change, win or loss with a deal id and a readable time; -1 otherwise. */
  deal: Int32Array;
  /** Stage codes (name order), -1 when not said. */
  from: Int16Array;
  to: Int16Array;
  /** As the event carried it; NaN when absent or not finite. */
  amount: Float64Array;
  /** Currency code (name order); -1 for none. */
  currency: Int8Array;
  discount: Float64Array;
  /** Index into dealNames; -1 when the event did not name its deal. */
  name: Int32Array;
  dealNames: string[];
  /** The few training events, by event index (only their output fields are read). */
  trainings: Map<number, ActivityEvent>;
  // ---- codes ----
  stageNames: string[];
  /** Position in the plan's stages; -1 for other stages. */
  planPos: Int16Array;
  stageOpen: Uint8Array;
  currencies: string[];
  /** One unit in the plan's currency; NaN without a rate. */
  rate: Float64Array;
  // ---- deals: rows 0 … snapshots − 1 are the snapshots in input order, then deals known only from events ----
  nDeals: number;
  ids: string[];
  snapshots: DealSnapshot[];
  snapStatus: Int8Array;
  snapStage: Int16Array;
  snapEnteredMs: Float64Array;
  snapCreatedMs: Float64Array;
  snapLastSeenMs: Float64Array;
  snapAmount: Float64Array;
  snapHasAmount: Uint8Array;
  snapCurrency: Int8Array;
  snapDiscount: Float64Array;
  snapListAmount: Float64Array;
  /** Start of the close date's local day (ms); NaN without a close date. */
  snapCloseMs: Float64Array;
  /** Close date as a day number since 1970; NaN without one. */
  snapCloseDay: Float64Array;
  // ---- calendar: local days from the first event's to the later of the last event's and today ----
  firstDate: string;
  nDays: number;
  dates: string[];
  weekday: Uint8Array;
  holiday: Uint8Array;
  week: Int32Array;
  weekStarts: string[];
  quarter: Int32Array;
  quarterDates: { startDate: string; endDate: string }[];
}

const byName = (names: Iterable<string>): string[] => [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const civilDay = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

/** Lays out the events, the snapshots and the calendar as columns (not timed). */
export function floorColumns(events: readonly ActivityEvent[], deals: readonly DealSnapshot[], plan: Plan, now: Date): FloorColumns {
  const n = events.length;
  const keyer = keyerFor(plan.timeZone);
  const today = localDateOf(now, plan.timeZone);
  // Codes in name order.
  const stageSet = new Set<string>(plan.stages);
  const currencySet = new Set<string>();
  for (const e of events) {
    if (e.meta?.fromStage !== undefined) stageSet.add(e.meta.fromStage);
    if (e.meta?.toStage !== undefined) stageSet.add(e.meta.toStage);
    if (e.currency) currencySet.add(e.currency);
  }
  for (const d of deals) {
    stageSet.add(d.stage);
    if (d.currency) currencySet.add(d.currency);
  }
  const stageNames = byName(stageSet);
  const stageCode = new Map(stageNames.map((s, i) => [s, i]));
  const currencies = byName(currencySet);
  const currencyCode = new Map(currencies.map((c, i) => [c, i]));
  const planPos = new Int16Array(stageNames.length).map((_, i) => plan.stages.indexOf(stageNames[i]!));
  const stageOpen = new Uint8Array(stageNames.length).map((_, i) => (planPos[i]! >= 0 || !CLOSED_NAME.test(stageNames[i]!) ? 1 : 0));
  const rate = new Float64Array(currencies.length).map((_, i) => {
    const c = currencies[i]!;
    if (c === plan.currency) return 1;
    const r = plan.rates[c];
    return r !== undefined && Number.isFinite(r) && r > 0 ? r : NaN;
  });

  // Deals: the snapshots in order, then ids only events name.
  const dealRow = new Map<string, number>();
  const ids: string[] = [];
  deals.forEach(d => {
    if (dealRow.has(d.id)) throw new RangeError(`Two snapshots of deal ${d.id}`);
    dealRow.set(d.id, ids.length);
    ids.push(d.id);
  });

  // Calendar.
  let firstDate = today;
  let lastDate = today;
  const keys: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = typeIndex(events[i]!.type) < 0 ? null : keyer.key(events[i]!.at);
    keys[i] = k;
    if (k !== null && k < firstDate) firstDate = k;
    if (k !== null && k > lastDate) lastDate = k;
  }
  const nDays = daysBetween(firstDate, lastDate) + 1;
  const dates: string[] = [];
  const weekday = new Uint8Array(nDays);
  const holiday = new Uint8Array(nDays);
  const week = new Int32Array(nDays);
  const quarter = new Int32Array(nDays);
  const weekStarts: string[] = [];
  const quarterDates: { startDate: string; endDate: string }[] = [];
  const holidays = holidaySet(plan.holidays);
  for (let d = 0, date = firstDate; d < nDays; d++, date = addDays(date, 1)) {
    dates.push(date);
    weekday[d] = weekdayOf(date);
    holiday[d] = holidays.has(date) ? 1 : 0;
    const ws = addDays(date, -((weekday[d]! - plan.weekStartsOn + 7) % 7));
    if (weekStarts[weekStarts.length - 1] !== ws) weekStarts.push(ws);
    week[d] = weekStarts.length - 1;
    const q = periodDates('quarter', date, plan);
    if (quarterDates[quarterDates.length - 1]?.startDate !== q.startDate) quarterDates.push(q);
    quarter[d] = quarterDates.length - 1;
  }

  const c: FloorColumns = {
    plan,
    now,
    n,
    ms: new Float64Array(n),
    type: new Uint8Array(n),
    conversation: new Uint8Array(n),
    day: new Int32Array(n).fill(-1),
    deal: new Int32Array(n).fill(-1),
    from: new Int16Array(n).fill(-1),
    to: new Int16Array(n).fill(-1),
    amount: new Float64Array(n).fill(NaN),
    currency: new Int8Array(n).fill(-1),
    discount: new Float64Array(n).fill(NaN),
    name: new Int32Array(n).fill(-1),
    dealNames: [],
    trainings: new Map(),
    stageNames,
    planPos,
    stageOpen,
    currencies,
    rate,
    nDeals: 0,
    ids,
    snapshots: [...deals],
    snapStatus: new Int8Array(0),
    snapStage: new Int16Array(0),
    snapEnteredMs: new Float64Array(0),
    snapCreatedMs: new Float64Array(0),
    snapLastSeenMs: new Float64Array(0),
    snapAmount: new Float64Array(0),
    snapHasAmount: new Uint8Array(0),
    snapCurrency: new Int8Array(0),
    snapDiscount: new Float64Array(0),
    snapListAmount: new Float64Array(0),
    snapCloseMs: new Float64Array(0),
    snapCloseDay: new Float64Array(0),
    firstDate,
    nDays,
    dates,
    weekday,
    holiday,
    week,
    weekStarts,
    quarter,
    quarterDates,
  };
  const nameCode = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const t = typeIndex(e.type);
    c.ms[i] = isoMs(e.at);
    c.type[i] = t < 0 ? 255 : t;
    if (keys[i] !== null) c.day[i] = daysBetween(firstDate, keys[i]!);
    if ((t === T_CALL || e.type === 'email') && isConversation(e)) c.conversation[i] = 1;
    if (e.amount !== undefined && Number.isFinite(e.amount)) {
      c.amount[i] = e.amount;
      if (e.currency) c.currency[i] = currencyCode.get(e.currency)!;
    }
    if (t === T_TRAINING) c.trainings.set(i, e);
    if ((t === T_WON || t === T_LOST || t === T_STAGE) && e.deal?.id && c.ms[i] === c.ms[i]) {
      let row = dealRow.get(e.deal.id);
      if (row === undefined) {
        dealRow.set(e.deal.id, (row = ids.length));
        ids.push(e.deal.id);
      }
      c.deal[i] = row;
      if (t === T_STAGE) {
        if (e.meta?.fromStage !== undefined) c.from[i] = stageCode.get(e.meta.fromStage)!;
        if (e.meta?.toStage !== undefined) c.to[i] = stageCode.get(e.meta.toStage)!;
      }
      if (e.meta?.discount !== undefined && Number.isFinite(e.meta.discount)) c.discount[i] = e.meta.discount;
      if (typeof e.deal.name === 'string') {
        let k = nameCode.get(e.deal.name);
        if (k === undefined) {
          nameCode.set(e.deal.name, (k = c.dealNames.length));
          c.dealNames.push(e.deal.name);
        }
        c.name[i] = k;
      }
    }
  }
  const m = ids.length;
  c.nDeals = m;
  c.snapStatus = new Int8Array(m).fill(-1);
  c.snapStage = new Int16Array(m).fill(-1);
  for (const k of ['snapEnteredMs', 'snapCreatedMs', 'snapLastSeenMs', 'snapAmount', 'snapDiscount', 'snapListAmount', 'snapCloseMs', 'snapCloseDay'] as const) c[k] = new Float64Array(m).fill(NaN);
  c.snapHasAmount = new Uint8Array(m);
  c.snapCurrency = new Int8Array(m).fill(-1);
  deals.forEach((d, i) => {
    c.snapStatus[i] = d.status === 'won' ? WON : d.status === 'lost' ? LOST : OPEN;
    c.snapStage[i] = stageCode.get(d.stage)!;
    c.snapEnteredMs[i] = isoMs(d.stageEnteredAt);
    if (d.createdAt !== undefined) c.snapCreatedMs[i] = isoMs(d.createdAt);
    c.snapLastSeenMs[i] = isoMs(d.lastSeenAt);
    if (d.amount !== null) {
      c.snapHasAmount[i] = 1;
      c.snapAmount[i] = d.amount;
    }
    if (d.currency !== null) c.snapCurrency[i] = currencyCode.get(d.currency)!;
    if (d.discount !== undefined) c.snapDiscount[i] = d.discount;
    if (d.listAmount) c.snapListAmount[i] = d.listAmount;
    if (d.closeDate) {
      c.snapCloseMs[i] = startOfLocalDate(d.closeDate, plan.timeZone);
      c.snapCloseDay[i] = civilDay(d.closeDate);
    }
  });
  return c;
}

/** A money sum as MoneySum keeps it: converted total, the rest per currency, unknown amounts counted. */
class Sum {
  total = 0;
  unknown = 0;
  apart: Float64Array;
  constructor(currencies: number) {
    this.apart = new Float64Array(currencies + 1); // the last slot: no currency
  }
}
const addTo = (s: Sum, amount: number, currency: number, rate: Float64Array): void => {
  if (amount !== amount) s.unknown++;
  else {
    const r = currency < 0 ? NaN : rate[currency]!;
    if (r === r) s.total += amount * r;
    else s.apart[currency < 0 ? s.apart.length - 1 : currency]! += amount;
  }
};
const moneyOf = (s: Sum, c: FloorColumns): Money => {
  const unconverted: Record<string, number> = {};
  for (let k = 0; k < s.apart.length; k++) if (s.apart[k] !== 0) unconverted[k < c.currencies.length ? c.currencies[k]! : UNKNOWN_CURRENCY] = Math.round(s.apart[k]! * 100) / 100;
  return { total: Math.round(s.total * 100) / 100 || 0, currency: c.plan.currency, unconverted, unknownAmounts: s.unknown };
};

/** Count, mean, median and nearest-rank p90 (stats.ts: a selection, linear, rather than a sort). */
const summary = (values: number[]): Summary => summarize(values);

const ratio = (a: number, b: number): number | null => (!Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : a / b);
const round2 = (x: number): number => Math.round(x * 100) / 100;
const bandOf = (discount: number): number => {
  for (let i = DISCOUNT_BANDS.length - 1; i > 0; i--) if (discount >= DISCOUNT_BANDS[i]!.from - 1e-9) return i;
  return 0;
};

/** The pass over the events: day rows as counts and hundredths, deal events grouped by deal. */
function eventPass(c: FloorColumns, NC: number) {
  const { n, type, conversation, day, deal, amount, currency, nDeals, nDays } = c;
  const dayCounts = new Float64Array(nDays * NT);
  const dayConv = new Float64Array(nDays);
  const dayWonH = new Float64Array(nDays * NC);
  const dayLostH = new Float64Array(nDays * NC);
  const dayWonUnknown = new Float64Array(nDays);
  const dayLostUnknown = new Float64Array(nDays);
  const perDeal = new Int32Array(nDeals + 1);
  const dealEvents = new Int32Array(n);
  let nDealEvents = 0;
  const trainingIdx: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = type[i]!;
    const d = day[i]!;
    if (d < 0 || t === 255) continue;
    dayCounts[d * NT + t]!++;
    dayConv[d]! += conversation[i]!;
    if (t === T_WON || t === T_LOST) {
      const a = amount[i]!;
      if (a !== a) {
        if (t === T_WON) dayWonUnknown[d]!++;
        else dayLostUnknown[d]!++;
      } else {
        const k = currency[i]! < 0 ? NC - 1 : currency[i]!;
        if (t === T_WON) dayWonH[d * NC + k]! += Math.round(a * 100);
        else dayLostH[d * NC + k]! += Math.round(a * 100);
      }
    } else if (t === T_TRAINING) trainingIdx.push(i);
    const x = deal[i]!;
    if (x >= 0) {
      perDeal[x + 1]!++;
      dealEvents[nDealEvents++] = i;
    }
  }
  // Group the deal events by deal (counting sort, input order kept), their fields copied
  // beside each other so the deal pass reads them in order rather than all over the columns.
  for (let x = 0; x < nDeals; x++) perDeal[x + 1]! += perDeal[x]!;
  const g: DealEvents = {
    index: new Int32Array(nDealEvents),
    ms: new Float64Array(nDealEvents),
    type: new Uint8Array(nDealEvents),
    from: new Int16Array(nDealEvents),
    to: new Int16Array(nDealEvents),
    amount: new Float64Array(nDealEvents),
    currency: new Int8Array(nDealEvents),
    discount: new Float64Array(nDealEvents),
  };
  const fill = perDeal.slice(0, nDeals);
  for (let k = 0; k < nDealEvents; k++) {
    const i = dealEvents[k]!;
    const at = fill[deal[i]!]!++;
    g.index[at] = i;
    g.ms[at] = c.ms[i]!;
    g.type[at] = type[i]!;
    g.from[at] = c.from[i]!;
    g.to[at] = c.to[i]!;
    g.amount[at] = amount[i]!;
    g.currency[at] = currency[i]!;
    g.discount[at] = c.discount[i]!;
  }
  return { dayCounts, dayConv, dayWonH, dayLostH, dayWonUnknown, dayLostUnknown, perDeal, g, trainingIdx };
}

/**
 * The floor's pass over the million events alone: the part of its work the side panel
 * does not repeat (the background keeps the day rows and deal rows as events arrive).
 */
export const floorEventPass = (c: FloorColumns) => eventPass(c, c.currencies.length + 1);

/** The deal events grouped by deal (deal x's are perDeal[x] … perDeal[x + 1] − 1). */
interface DealEvents {
  /** The event's index in the columns. */
  index: Int32Array;
  ms: Float64Array;
  type: Uint8Array;
  from: Int16Array;
  to: Int16Array;
  amount: Float64Array;
  currency: Int8Array;
  discount: Float64Array;
}

const cmpNum = (a: number, b: number): number => (a === b || (a !== a && b !== b) ? 0 : a !== a ? -1 : b !== b ? 1 : a < b ? -1 : 1);
const kindOf = (t: number): number => (t === T_STAGE ? K_STAGE : t === T_WON ? K_WON : K_LOST);

/** The canonical order of one deal's events: deals.ts's (and deal-history.ts's). */
function before(g: DealEvents, i: number, j: number): number {
  const { ms, type, to, from, amount, currency, discount } = g;
  const ki = kindOf(type[i]!);
  return (
    ms[i]! - ms[j]! ||
    ki - kindOf(type[j]!) ||
    (ki === K_STAGE ? to[i]! - to[j]! || from[i]! - from[j]! : 0) ||
    cmpNum(amount[i]!, amount[j]!) ||
    (amount[i]! === amount[i]! ? currency[i]! : -1) - (amount[j]! === amount[j]! ? currency[j]! : -1) ||
    cmpNum(discount[i]!, discount[j]!)
  );
}

/**
 * The pass over the deals. `ranges` holds [from, to) in ms of the current period, the
 * previous one and all time; `closeRanges` the current, the previous and the commission period.
 */
function dealPass(c: FloorColumns, perDeal: Int32Array, g: DealEvents, ranges: Float64Array, closeRanges: Float64Array, nowMs: number, NC: number) {
  const { plan, rate, nDeals } = c;
  const { type, ms, from, to, amount, currency, discount } = g;
  const S = c.stageNames.length;
  const L = plan.stages.length;
  const reached = new Int32Array(3 * L);
  const advanced = new Int32Array(3 * L);
  const stageDays: number[][][] = [0, 1, 2].map(() => Array.from({ length: S }, () => []));
  const cycle: number[][] = [[], []];
  const won = new Int32Array(3);
  const lost = new Int32Array(3);
  const wonSum = [new Sum(NC - 1), new Sum(NC - 1), new Sum(NC - 1)];
  const lostSum = [new Sum(NC - 1), new Sum(NC - 1)];
  const entered = new Int32Array(2);
  const enteredWon = new Int32Array(2);
  const enteredSum = [new Sum(NC - 1), new Sum(NC - 1)];
  const enteredWonSum = [new Sum(NC - 1), new Sum(NC - 1)];
  const bandWon = new Int32Array(2 * DISCOUNT_BANDS.length);
  const bandLost = new Int32Array(2 * DISCOUNT_BANDS.length);
  const discountSum = new Float64Array(2);
  const discountCount = new Int32Array(2);
  const discountUnknown = new Int32Array(2);
  const funnel = { won: 0, lost: 0, wonValue: 0, wonWithAmount: 0 };
  let best = -1;
  let bestAmount = -Infinity;
  let bestClosed = NaN;

  let cap = 64;
  let ord = new Int32Array(cap);
  let eStage = new Int32Array(cap);
  let eMs = new Float64Array(cap);
  let eEst = new Uint8Array(cap);
  const times = new Float64Array(L + 1);
  const stayMs = new Float64Array(S);
  const lastExit = new Float64Array(S).fill(NaN);
  const touched = new Int32Array(S);
  for (let x = 0; x < nDeals; x++) {
    const a = perDeal[x]!;
    const m = perDeal[x + 1]! - a;
    if (m + 2 > cap) {
      while (cap < m + 2) cap *= 2;
      [ord, eStage, eMs, eEst] = [new Int32Array(cap), new Int32Array(cap), new Float64Array(cap), new Uint8Array(cap)];
    }
    for (let k = 0; k < m; k++) {
      const i = a + k;
      let j = k;
      while (j > 0 && before(g, ord[j - 1]!, i) > 0) {
        ord[j] = ord[j - 1]!;
        j--;
      }
      ord[j] = i;
    }
    const hasSnap = c.snapStatus[x]! >= 0;
    const snapCreated = c.snapCreatedMs[x]!;
    const created = snapCreated === snapCreated ? snapCreated : m > 0 ? ms[ord[0]!]! : hasSnap ? c.snapEnteredMs[x]! : NaN;
    let en = 0;
    let close = -1;
    for (let k = 0; k < m; k++) {
      const i = ord[k]!;
      if (type[i] === T_STAGE) {
        const f = from[i]!;
        const tt = to[i]!;
        const t = ms[i]!;
        if (en === 0 && f >= 0) {
          eStage[en] = f;
          eMs[en] = snapCreated <= t ? snapCreated : t;
          eEst[en++] = snapCreated <= t ? 0 : 1;
        }
        if (tt >= 0) {
          eStage[en] = tt;
          eMs[en] = t;
          eEst[en++] = 0;
        }
        if (close >= 0 && t > ms[close]! && tt >= 0 && c.stageOpen[tt] === 1) close = -1;
      } else close = i;
    }
    let outcome = close < 0 ? OPEN : type[close] === T_WON ? WON : LOST;
    let closedMs = close < 0 ? NaN : ms[close]!;
    if (hasSnap) {
      const snapStage = c.snapStage[x]!;
      const entered = c.snapEnteredMs[x]!;
      if (en === 0 || (eStage[en - 1] !== snapStage && entered >= eMs[en - 1]!)) {
        eStage[en] = snapStage;
        eMs[en] = entered;
        eEst[en++] = 0;
      }
      const snapOutcome = c.snapStatus[x]!;
      if (snapOutcome === OPEN && close >= 0 && c.snapLastSeenMs[x]! > closedMs) {
        outcome = OPEN;
        closedMs = NaN;
      } else if (snapOutcome !== OPEN && outcome !== snapOutcome && (m === 0 || c.snapLastSeenMs[x]! > ms[ord[m - 1]!]!)) {
        outcome = snapOutcome;
        closedMs = c.snapCloseMs[x]! === c.snapCloseMs[x]! ? c.snapCloseMs[x]! : entered;
      }
    }
    // Amount: the snapshot's, else the close event's, else the latest event's with one.
    let amt = NaN;
    let cur = -1;
    if (hasSnap && c.snapHasAmount[x] === 1) {
      amt = c.snapAmount[x]!;
      cur = c.snapCurrency[x]!;
    } else {
      let source = close >= 0 && amount[close]! === amount[close]! ? close : -1;
      for (let k = m - 1; source < 0 && k >= 0; k--) if (amount[ord[k]!]! === amount[ord[k]!]!) source = ord[k]!;
      if (source >= 0) {
        amt = amount[source]!;
        cur = currency[source]!;
      }
    }
    if (!Number.isFinite(amt)) {
      amt = NaN;
      cur = -1;
    }
    let disc = c.snapDiscount[x]!;
    if (disc !== disc && c.snapListAmount[x]! > 0 && c.snapHasAmount[x] === 1) disc = 1 - c.snapAmount[x]! / c.snapListAmount[x]!;
    if (disc !== disc && close >= 0) disc = discount[close]!;
    if (!Number.isFinite(disc)) disc = NaN;

    // Closes: win rates, commission, discounts, cycle, funnel, the biggest deal.
    if (outcome !== OPEN) {
      for (let p = 0; p < 3; p++) {
        if (!(closedMs >= closeRanges[2 * p]! && closedMs < closeRanges[2 * p + 1]!)) continue;
        if (outcome === WON) {
          won[p]!++;
          addTo(wonSum[p]!, amt, cur, rate);
        } else if (p < 2) {
          lost[p]!++;
          addTo(lostSum[p]!, amt, cur, rate);
        }
        if (p === 2) continue;
        if (disc !== disc) discountUnknown[p]!++;
        else {
          const b = bandOf(disc);
          if (outcome === WON) {
            bandWon[p * DISCOUNT_BANDS.length + b]!++;
            discountSum[p]! += disc;
            discountCount[p]!++;
          } else bandLost[p * DISCOUNT_BANDS.length + b]!++;
        }
        if (outcome === WON && snapCreated === snapCreated && closedMs - created >= 0) cycle[p]!.push((closedMs - created) / DAY);
      }
      if (closedMs <= nowMs) {
        if (outcome === LOST) funnel.lost++;
        else {
          funnel.won++;
          const r = cur < 0 ? NaN : rate[cur]!;
          if (amt === amt && r === r) {
            const v = amt * r;
            funnel.wonValue += v;
            funnel.wonWithAmount++;
            if (closedMs === closedMs && (v > bestAmount || (v === bestAmount && (closedMs < bestClosed || (closedMs === bestClosed && c.ids[x]! < c.ids[best]!))))) {
              best = x;
              bestAmount = v;
              bestClosed = closedMs;
            }
          }
        }
      } else if (outcome === WON && closedMs === closedMs && amt === amt && cur >= 0 && rate[cur]! === rate[cur]!) {
        const v = amt * rate[cur]!;
        if (v > bestAmount || (v === bestAmount && (closedMs < bestClosed || (closedMs === bestClosed && c.ids[x]! < c.ids[best]!)))) {
          best = x;
          bestAmount = v;
          bestClosed = closedMs;
        }
      }
    }
    // Pipeline entered in each period.
    for (let p = 0; p < 2; p++) {
      if (!(created >= ranges[2 * p]! && created < ranges[2 * p + 1]!)) continue;
      entered[p]!++;
      addTo(enteredSum[p]!, amt, cur, rate);
      if (outcome === WON) {
        enteredWon[p]!++;
        addTo(enteredWonSum[p]!, amt, cur, rate);
      }
    }
    if (en === 0) continue;
    // Conversion: when the deal first reached each level (skipped stages count as reached).
    times.fill(NaN);
    let max = -1;
    for (let k = 0; k < en; k++) {
      const level = c.planPos[eStage[k]!]!;
      if (level < 0 || level <= max) continue;
      for (let l = max + 1; l <= level; l++) times[l] = eMs[k]!;
      max = level;
    }
    if (outcome === WON) {
      const at = closedMs === closedMs ? closedMs : eMs[en - 1]!;
      for (let l = max + 1; l <= L; l++) times[l] = at;
    }
    for (let l = 0; l < L; l++) {
      const at = times[l]!;
      if (at !== at) break;
      const next = times[l + 1]! === times[l + 1]! ? 1 : 0;
      for (let p = 0; p < 3; p++) {
        if (at >= ranges[2 * p]! && at < ranges[2 * p + 1]!) {
          reached[p * L + l]!++;
          advanced[p * L + l]! += next;
        }
      }
    }
    // Time in stage: a stage's visits added up, counted when the deal last left it.
    let t = 0;
    for (let k = 0; k + 1 < en; k++) {
      const s = eStage[k]!;
      const exit = eMs[k + 1]!;
      const stay = exit - eMs[k]!;
      if (!(stay >= 0) || eEst[k] === 1 || c.stageOpen[s] === 0) continue;
      if (lastExit[s]! !== lastExit[s]!) {
        touched[t++] = s;
        stayMs[s] = stay;
        lastExit[s] = exit;
      } else {
        stayMs[s]! += stay;
        if (exit > lastExit[s]!) lastExit[s] = exit;
      }
    }
    for (let j = 0; j < t; j++) {
      const s = touched[j]!;
      const exit = lastExit[s]!;
      for (let p = 0; p < 3; p++) if (exit >= ranges[2 * p]! && exit < ranges[2 * p + 1]!) stageDays[p]![s]!.push(stayMs[s]! / DAY);
      lastExit[s] = NaN;
    }
  }

  return { reached, advanced, stageDays, cycle, won, lost, wonSum, lostSum, entered, enteredWon, enteredSum, enteredWonSum, bandWon, bandLost, discountSum, discountCount, discountUnknown, funnel, best, bestAmount, bestClosed };
}

/** The scorecard, every number of it, from the columns. */
export function floorScorecard(c: FloorColumns, periodKind: 'quarter' | 'month' | 'week' | 'fiscalYear' | 'day' = 'quarter'): Scorecard {
  const { plan, now, ms, day, amount, currency, rate, nDays } = c;
  const NC = c.currencies.length + 1; // per-day money slots: one per currency, the last for none
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const today = localDateOf(now, plan.timeZone);
  const todayIdx = daysBetween(c.firstDate, today);
  const current = periodContaining(periodKind, now, plan);
  const previous = previousPeriod(current, plan);
  const anchor = nowIso < current.from ? current.from : nowIso >= current.to ? new Date(Date.parse(current.to) - 1).toISOString() : nowIso;
  const commissionPeriod = periodContaining(plan.commission.period, anchor, plan);
  const curR = msRange(current);
  const prevR = msRange(previous);
  const comR = msRange(commissionPeriod);

  const ev = eventPass(c, NC);
  const { dayCounts, dayConv, dayWonH, dayWonUnknown, perDeal, g, trainingIdx } = ev;
  const ranges = new Float64Array([curR.from, curR.to, prevR.from, prevR.to, -Infinity, Infinity]);
  const closeRanges = new Float64Array([curR.from, curR.to, prevR.from, prevR.to, comR.from, comR.to]);
  const { reached, advanced, stageDays, cycle, won, lost, wonSum, lostSum, entered, enteredWon, enteredSum, enteredWonSum, bandWon, bandLost, discountSum, discountCount, discountUnknown, funnel, best, bestAmount, bestClosed } = dealPass(c, perDeal, g, ranges, closeRanges, nowMs, NC);
  const S = c.stageNames.length;
  const L = plan.stages.length;

  // ---- the pass over the open snapshots ----
  const early = new Set(earlyStagesOf(plan.stages, plan.earlyStages));
  const stageOrder: number[] = [];
  const listed = new Uint8Array(S);
  for (const s of plan.stages) {
    const code = c.stageNames.indexOf(s);
    stageOrder.push(code);
    listed[code] = 1;
  }
  const probability = Array.from({ length: S }, (_, s) => stageProbability(c.stageNames[s]!, plan.stages, plan.stageProbabilities));
  const targetDays = Array.from({ length: S }, (_, s) => stageTargetDays(c.stageNames[s]!, plan.stageTargets));
  const isEarly = Array.from({ length: S }, (_, s) => early.has(c.stageNames[s]!));
  const stageCount = new Int32Array(S);
  const stageValue = Array.from({ length: S }, () => new Sum(NC - 1));
  const stageWeighted = Array.from({ length: S }, () => new Sum(NC - 1));
  const total = new Sum(NC - 1);
  const weighted = new Sum(NC - 1);
  const closing = new Sum(NC - 1);
  const onDeckValue = new Sum(NC - 1);
  const endDay = civilDay(current.endDate);
  let open = 0;
  let unweighted = 0;
  const onDeck: number[] = [];
  const over: number[] = [];
  const snapshots = c.snapshots.length;
  const overDays = new Float64Array(snapshots);
  for (let x = 0; x < snapshots; x++) {
    if (c.snapStatus[x] !== OPEN) continue;
    const s = c.snapStage[x]!;
    if (listed[s] === 0) {
      listed[s] = 1;
      stageOrder.push(s);
    }
    const a = c.snapHasAmount[x] === 1 && Number.isFinite(c.snapAmount[x]!) ? c.snapAmount[x]! : NaN;
    const k = c.snapCurrency[x]!;
    open++;
    stageCount[s]!++;
    addTo(stageValue[s]!, a, k, rate);
    addTo(total, a, k, rate);
    if (!(c.snapCloseDay[x]! >= endDay)) addTo(closing, a, k, rate);
    const p = probability[s]!;
    if (p === null) unweighted++;
    else {
      addTo(stageWeighted[s]!, a * p, k, rate);
      addTo(weighted, a * p, k, rate);
    }
    if (isEarly[s]) onDeck.push(x);
    const stay = nowMs - c.snapEnteredMs[x]!;
    if (Number.isFinite(stay)) {
      const days = Math.max(0, stay) / DAY;
      if (days >= targetDays[s]!) {
        over.push(x);
        overDays[x] = days;
      }
    }
  }
  onDeck.sort((a, b) => c.snapEnteredMs[b]! - c.snapEnteredMs[a]!);
  for (const x of onDeck) addTo(onDeckValue, c.snapHasAmount[x] === 1 ? c.snapAmount[x]! : NaN, c.snapCurrency[x]!, rate);
  over.sort((a, b) => overDays[b]! - overDays[a]! || (c.ids[a]! < c.ids[b]! ? -1 : 1));

  // ---- the pass over the days ----
  const dayIndex = (date: string) => Math.max(0, Math.min(nDays, daysBetween(c.firstDate, date)));
  const totalsOf = (a: number, b: number) => {
    const counts = new Float64Array(NT);
    let conv = 0;
    for (let d = a; d < b; d++) {
      for (let t = 0; t < NT; t++) counts[t]! += dayCounts[d * NT + t]!;
      conv += dayConv[d]!;
    }
    const out: CountsByType = {};
    for (let t = 0; t < NT; t++) if (counts[t] !== 0) out[EVENT_TYPES[t]!] = counts[t];
    return { counts: out, conversations: conv, raw: counts };
  };
  const summaries = (p: number): StageTime[] => {
    const out: StageTime[] = [];
    for (let l = 0; l < L; l++) out.push({ stage: plan.stages[l]!, targetDays: targetDays[stageOrder[l]!]!, ...summary(stageDays[p]![stageOrder[l]!]!) });
    for (let s = 0; s < S; s++) {
      if (c.planPos[s]! >= 0 || c.stageOpen[s] === 0 || stageDays[p]![s]!.length === 0) continue;
      out.push({ stage: c.stageNames[s]!, targetDays: targetDays[s]!, ...summary(stageDays[p]![s]!) });
    }
    return out;
  };
  const conversion = (p: number): ConversionStep[] =>
    plan.stages.map((s, l) => ({ from: s, to: l + 1 < L ? plan.stages[l + 1]! : WON_STEP, reached: reached[p * L + l]!, advanced: advanced[p * L + l]!, rate: ratio(advanced[p * L + l]!, reached[p * L + l]!) }));
  const periodScore = (period: ZonedPeriod, p: number): PeriodScore => {
    const totals = totalsOf(dayIndex(period.startDate), dayIndex(period.endDate));
    const drivers = driversFromCounts(totals.counts, totals.conversations);
    const quota = quotaFor(plan, period);
    const wv = moneyOf(wonSum[p]!, c);
    const lv = moneyOf(lostSum[p]!, c);
    const ev = moneyOf(enteredSum[p]!, c);
    const ew = moneyOf(enteredWonSum[p]!, c);
    const B = DISCOUNT_BANDS.length;
    return {
      period,
      counts: totals.counts,
      drivers,
      targets: targetsFor(plan, period),
      score: activityScore(drivers, plan.activityWeights),
      proposals: { submitted: totals.raw[T_PROPOSAL]!, accepted: totals.raw[T_ACCEPTED]!, rate: ratio(totals.raw[T_ACCEPTED]!, totals.raw[T_PROPOSAL]!) },
      winRate: { won: won[p]!, lost: lost[p]!, rate: ratio(won[p]!, won[p]! + lost[p]!), wonValue: wv, lostValue: lv, valueRate: ratio(wv.total, wv.total + lv.total) },
      enteredPipeline: { entered: entered[p]!, won: enteredWon[p]!, rate: ratio(enteredWon[p]!, entered[p]!), enteredValue: ev, wonValue: ew, valueRate: ratio(ew.total, ev.total) },
      conversion: conversion(p),
      salesCycle: summary(cycle[p]!),
      timeInStage: summaries(p),
      discounting: {
        average: discountCount[p]! > 0 ? discountSum[p]! / discountCount[p]! : null,
        count: discountCount[p]!,
        unknown: discountUnknown[p]!,
        bands: DISCOUNT_BANDS.map((b, i) => ({ label: b.label, from: b.from, to: b.to, won: bandWon[p * B + i]!, lost: bandLost[p * B + i]!, winRate: ratio(bandWon[p * B + i]!, bandWon[p * B + i]! + bandLost[p * B + i]!) })),
      },
      quota,
      attainment: attainment(wv, quota),
    };
  };
  const curScore = periodScore(current, 0);
  const prevScore = periodScore(previous, 1);
  const driverChange = {} as Record<Driver, number>;
  for (const k of DRIVERS) driverChange[k] = curScore.drivers[k] - prevScore.drivers[k];

  // Pipeline, coverage, the pyramid.
  const pipelineStages = stageOrder.map(s => ({ stage: c.stageNames[s]!, count: stageCount[s]!, value: moneyOf(stageValue[s]!, c), probability: probability[s]!, weighted: moneyOf(stageWeighted[s]!, c) }));
  const closingMoney = moneyOf(closing, c);
  const coverage = pipelineCoverage(closingMoney, curScore.quota, curScore.attainment.attained);
  const all = totalsOf(0, Math.min(nDays, todayIdx + 1));
  const ratios = conversionRatios({ calls: all.raw[T_CALL]!, meetings: all.raw[T_MEETING]!, proposals: all.raw[T_PROPOSAL]!, ...funnel });

  // Deals over target and the river.
  const overTarget: OverTargetDeal[] = over.map(x => {
    const d = c.snapshots[x]!;
    return { id: d.id, name: d.name, stage: d.stage, stageEnteredAt: d.stageEnteredAt, days: overDays[x]!, targetDays: targetDays[c.snapStage[x]!]!, amount: d.amount, currency: d.currency, url: d.url };
  });
  const convAll = conversion(2);
  const timeAll = summaries(2);
  const riverRow = new Map<string, RiverStage>();
  const row = (stage: string) => {
    let r = riverRow.get(stage);
    if (!r) riverRow.set(stage, (r = { stage, targetDays: stageTargetDays(stage, plan.stageTargets), overTarget: 0, excessDays: 0, conversion: null, medianDays: null }));
    return r;
  };
  for (const step of convAll) row(step.from).conversion = step.rate;
  for (const st of timeAll) row(st.stage).medianDays = st.median;
  const riverOver = new Int32Array(S);
  const riverExcess = new Float64Array(S);
  for (const x of over) {
    riverOver[c.snapStage[x]!]!++;
    riverExcess[c.snapStage[x]!]! += overDays[x]! - targetDays[c.snapStage[x]!]!;
  }
  for (const x of over) row(c.stageNames[c.snapStage[x]!]!);
  for (const r of riverRow.values()) {
    const s = c.stageNames.indexOf(r.stage);
    r.overTarget = riverOver[s]!;
    r.excessDays = riverExcess[s]!;
  }
  const riverStages = [...riverRow.values()].sort(
    (a, b) => b.overTarget - a.overTarget || b.excessDays - a.excessDays || (a.conversion ?? 1) - (b.conversion ?? 1) || (a.stage < b.stage ? -1 : 1),
  );
  const worst = riverStages[0] && riverStages[0].overTarget > 0 ? riverStages[0] : null;

  // Streak, badges and bests: one walk over the days up to today.
  const lastDay = Math.min(nDays - 1, todayIdx);
  const targets = dailyTargetsOf(plan);
  const wanted = targets === null ? [] : (Object.entries(targets) as [Driver, number][]).map(([k, v]) => [k === 'conversations' ? -1 : EVENT_TYPES.indexOf(DRIVER_EVENT_TYPE[k]), v] as const);
  const earned = new Map<BadgeId, string>();
  const earn = (id: BadgeId, d: number) => {
    if (!earned.has(id)) earned.set(id, c.dates[d]!);
  };
  let run = 0;
  let bestRun = 0;
  let five: string | null = null;
  let twenty: string | null = null;
  let todayMet = false;
  let currentRun = 0;
  let weekCalls = 0;
  let weekMeetings = 0;
  let week = -1;
  let quarter = -1;
  let quarterRevenue = 0;
  let quarterQuota = 0;
  let mostCalls: { value: number; day: string } | null = null;
  const weekCounts = new Float64Array(NT);
  let weekConv = 0;
  let weekRows = 0;
  let bestWeekCalls: { value: number; weekStart: string } | null = null;
  let bestWeekScore: { value: number; weekStart: string } | null = null;
  const closeWeek = () => {
    if (weekRows === 0) return;
    const counts: CountsByType = {};
    for (let t = 0; t < NT; t++) if (weekCounts[t] !== 0) counts[EVENT_TYPES[t]!] = weekCounts[t];
    const drivers = driversFromCounts(counts, weekConv);
    if (drivers.calls > 0 && (bestWeekCalls === null || drivers.calls > bestWeekCalls.value)) bestWeekCalls = { value: drivers.calls, weekStart: c.weekStarts[week]! };
    const score = activityScore(drivers, plan.activityWeights);
    if (score > 0 && (bestWeekScore === null || score > bestWeekScore.value)) bestWeekScore = { value: score, weekStart: c.weekStarts[week]! };
  };
  for (let d = 0; d <= lastDay; d++) {
    const base = d * NT;
    let any = dayConv[d]! > 0;
    for (let t = 0; t < NT && !any; t++) any = dayCounts[base + t]! > 0;
    // streak
    if (targets !== null && c.weekday[d] !== 0 && c.weekday[d] !== 6 && c.holiday[d] === 0) {
      let met = true;
      for (const [t, v] of wanted) if ((t < 0 ? dayConv[d]! : dayCounts[base + t]!) < v) met = false;
      if (d === todayIdx) {
        todayMet = met;
        currentRun = met ? run + 1 : run;
      }
      if (met) {
        run++;
        if (run === 5 && five === null) five = c.dates[d]!;
        if (run === 20 && twenty === null) twenty = c.dates[d]!;
        if (run > bestRun) bestRun = run;
      } else if (d !== todayIdx) run = 0;
    }
    if (c.week[d] !== week) {
      closeWeek();
      week = c.week[d]!;
      weekCalls = 0;
      weekMeetings = 0;
      weekCounts.fill(0);
      weekConv = 0;
      weekRows = 0;
    }
    if (!any) continue;
    weekRows++;
    for (let t = 0; t < NT; t++) weekCounts[t]! += dayCounts[base + t]!;
    weekConv += dayConv[d]!;
    // badges
    const wonToday = dayCounts[base + T_WON]!;
    if (wonToday > 0) earn('first-deal-won', d);
    if (dayCounts[base + T_REF_GIVEN]! + dayCounts[base + T_REF_RECEIVED]! > 0) earn('first-referral', d);
    if (dayCounts[base + T_ACCEPTED]! > 0) earn('first-proposal-accepted', d);
    if (dayConv[d]! >= 10) earn('ten-conversations-day', d);
    weekCalls += dayCounts[base + T_CALL]!;
    weekMeetings += dayCounts[base + T_MEETING]!;
    if (weekCalls >= 50) earn('fifty-calls-week', d);
    if (weekMeetings >= 10) earn('ten-meetings-week', d);
    if (wonToday > 0) {
      if (c.quarter[d] !== quarter) {
        quarter = c.quarter[d]!;
        quarterRevenue = 0;
        quarterQuota = quotaFor(plan, c.quarterDates[quarter]!);
      }
      for (let k = 0; k < NC - 1; k++) if (dayWonH[d * NC + k] !== 0 && rate[k] === rate[k]) quarterRevenue += (dayWonH[d * NC + k]! / 100) * rate[k]!;
      if (quarterQuota > 0 && quarterRevenue >= quarterQuota) earn('quarter-quota-hit', d);
    }
    // bests
    const calls = dayCounts[base + T_CALL]!;
    if (calls > 0 && (mostCalls === null || calls > mostCalls.value)) mostCalls = { value: calls, day: c.dates[d]! };
  }
  closeWeek();
  if (targets !== null && !(todayIdx < nDays && c.weekday[todayIdx] !== 0 && c.weekday[todayIdx] !== 6 && c.holiday[todayIdx] === 0)) currentRun = run;
  const streak = targets === null ? null : { targets, current: currentRun, best: bestRun, todayMet, reached: { five, twenty } };
  if (five) earn('five-day-streak', c.dates.indexOf(five));
  if (twenty) earn('twenty-day-streak', c.dates.indexOf(twenty));
  const badgeList = BADGES.filter(b => earned.has(b.id))
    .map(b => ({ id: b.id, label: b.label, earnedAt: earned.get(b.id)! }))
    .sort((a, b) => (a.earnedAt < b.earnedAt ? -1 : a.earnedAt > b.earnedAt ? 1 : 0));

  let biggestDealWon: Scorecard['personalBests']['biggestDealWon'] = null;
  if (best >= 0) {
    let name = c.snapStatus[best]! >= 0 ? c.snapshots[best]!.name : undefined;
    if (name === undefined) {
      let at = NaN;
      for (let k = perDeal[best]!; k < perDeal[best + 1]!; k++) {
        const i = g.index[k]!;
        const nm = c.name[i]!;
        if (nm < 0) continue;
        if (name === undefined || ms[i]! < at || (ms[i] === at && c.dealNames[nm]! < name)) {
          name = c.dealNames[nm]!;
          at = ms[i]!;
        }
      }
    }
    biggestDealWon = { amount: round2(bestAmount), currency: plan.currency, dealId: c.ids[best]!, name: name ?? c.ids[best]!, closedAt: new Date(bestClosed).toISOString() };
  }

  // Training ROI: equal windows of days before and after each training.
  const windowOf = (startDate: string, endDate: string) => {
    const a = dayIndex(startDate);
    const b = dayIndex(endDate);
    const h = new Float64Array(NC);
    let wonN = 0;
    let lostN = 0;
    let calls = 0;
    let meetings = 0;
    let proposals = 0;
    let unknown = 0;
    for (let d = a; d < b; d++) {
      for (let k = 0; k < NC; k++) h[k]! += dayWonH[d * NC + k]!;
      unknown += dayWonUnknown[d]!;
      wonN += dayCounts[d * NT + T_WON]!;
      lostN += dayCounts[d * NT + T_LOST]!;
      calls += dayCounts[d * NT + T_CALL]!;
      meetings += dayCounts[d * NT + T_MEETING]!;
      proposals += dayCounts[d * NT + T_PROPOSAL]!;
    }
    const sum = new Sum(NC - 1);
    for (let k = 0; k < NC; k++) if (h[k] !== 0) addTo(sum, h[k]! / 100, k === NC - 1 ? -1 : k, rate);
    const revenue = moneyOf(sum, c);
    revenue.unknownAmounts = unknown;
    return { startDate, endDate, revenue, dealsWon: wonN, dealsLost: lostN, winRate: ratio(wonN, wonN + lostN), calls, meetings, proposals };
  };
  const trainings = trainingIdx.filter(i => ms[i]! <= nowMs).sort((a, b) => ms[a]! - ms[b]!);
  const trainingRoi = trainings.map(i => {
    const e = c.trainings.get(i)!;
    const date = c.dates[day[i]!]!;
    const w = Math.max(0, Math.min(ROI_WINDOW_DAYS, todayIdx - day[i]!));
    const before = windowOf(addDays(date, -w), date);
    const after = windowOf(date, addDays(date, w));
    const k = currency[i]!;
    const cost = amount[i]! !== amount[i]! || k < 0 || rate[k]! !== rate[k]! ? null : amount[i]! * rate[k]!;
    const revenueDifference = round2(after.revenue.total - before.revenue.total);
    return { estimate: true as const, eventId: e.id, subject: e.meta?.subject ?? null, date, cost, windowDays: w, before, after, revenueDifference, roi: cost !== null && cost > 0 && w > 0 ? (revenueDifference - cost) / cost : null };
  });

  const commissionWon = moneyOf(wonSum[2]!, c).total;
  return {
    generatedAt: nowIso,
    timeZone: plan.timeZone,
    currency: plan.currency,
    current: curScore,
    previous: prevScore,
    change: {
      drivers: driverChange,
      score: round2(curScore.score - prevScore.score),
      attained: round2(curScore.attainment.attained - prevScore.attainment.attained),
      attainment: curScore.attainment.ratio !== null && prevScore.attainment.ratio !== null ? curScore.attainment.ratio - prevScore.attainment.ratio : null,
      winRate: curScore.winRate.rate !== null && prevScore.winRate.rate !== null ? curScore.winRate.rate - prevScore.winRate.rate : null,
    },
    pacing: pacing(plan, current, curScore.quota, curScore.attainment.attained, now),
    coverage,
    pyramid: pyramidGap(coverage.remaining, ratios),
    pipeline: { stages: pipelineStages, count: open, value: moneyOf(total, c), weighted: moneyOf(weighted, c), closing: closingMoney, unweightedDeals: unweighted },
    leadsOnDeck: { count: onDeck.length, value: moneyOf(onDeckValue, c), deals: onDeck.map(x => c.snapshots[x]!) },
    overTarget,
    conversionAllTime: convAll,
    timeInStageAllTime: timeAll,
    river: { stage: worst, stages: riverStages, deals: worst ? overTarget.filter(d => d.stage === worst.stage).sort((a, b) => b.days - a.days) : [] },
    commission: { period: commissionPeriod, result: commissionFor(commissionWon, quotaFor(plan, commissionPeriod), plan.commission) },
    streak,
    badges: badgeList,
    personalBests: { mostCallsInADay: mostCalls, mostCallsInAWeek: bestWeekCalls, bestWeekScore, biggestDealWon },
    trainingRoi,
  };
}
