// Key performance indicators (issue #5). Every function is pure over deal facts
// (deals.ts), snapshots or aggregates, for a half-open period compared as ISO strings.
import type { ActivityEvent, DealSnapshot } from '../model';
import { moneyOfHundredths, sumDays, type DailyAggregate } from './aggregate';
import type { DriverCounts } from './drivers';
import { LOST, OPEN, WON, type DealTable } from './deals';
import { MoneySum, convert, type Money, type Rates } from './money';
import type { Period } from './periods';
import { addDays, daysBetween, isoMs, localDateOf } from './periods';
import { stageTargetDays } from './stage-targets';
import { DAY_MS, ratio, summarize, type Summary } from './stats';

/** A half-open period as epoch ms, for comparisons in the deal loops. NaN never falls inside. */
export interface MsRange {
  from: number;
  to: number;
}
export const msRange = (p: Period): MsRange => ({ from: Date.parse(p.from), to: Date.parse(p.to) });
const ALL: MsRange = { from: -Infinity, to: Infinity };
const rangeOf = (p: Period | undefined): MsRange => (p ? msRange(p) : ALL);

// ---- proposals and win rate --------------------------------------------------------------

export interface ProposalAcceptance {
  submitted: number;
  accepted: number;
  /** accepted / submitted; null with none submitted. */
  rate: number | null;
}

export function proposalAcceptance(submitted: number, accepted: number): ProposalAcceptance {
  return { submitted, accepted, rate: ratio(accepted, submitted) };
}

const addAmount = (sum: MoneySum, t: DealTable, i: number) => {
  const a = t.amount[i]!;
  sum.add(a === a ? a : null, t.currency[i]);
};

export interface WinRate {
  won: number;
  lost: number;
  /** won / (won + lost) among deals whose (latest) close falls in the period. */
  rate: number | null;
  wonValue: Money;
  lostValue: Money;
  /** Won value / (won + lost value), over converted amounts only. */
  valueRate: number | null;
}

export function winRate(t: DealTable, period: Period, rates: Rates): WinRate {
  const { from, to } = msRange(period);
  let won = 0;
  let lost = 0;
  const wonValue = new MoneySum(rates);
  const lostValue = new MoneySum(rates);
  for (let i = 0; i < t.n; i++) {
    const closed = t.closedMs[i]!;
    if (!(closed >= from && closed < to)) continue;
    const o = t.outcome[i];
    if (o === WON) {
      won++;
      addAmount(wonValue, t, i);
    } else if (o === LOST) {
      lost++;
      addAmount(lostValue, t, i);
    }
  }
  const w = wonValue.result();
  const l = lostValue.result();
  return { won, lost, rate: ratio(won, won + lost), wonValue: w, lostValue: l, valueRate: ratio(w.total, w.total + l.total) };
}

export interface EnteredPipeline {
  /** Deals created in the period. */
  entered: number;
  /** Of those, how many are won by now. */
  won: number;
  rate: number | null;
  enteredValue: Money;
  wonValue: Money;
  valueRate: number | null;
}

/** Closed-won over all pipeline entered: of the deals created in the period, the share won so far. */
export function closedWonOfEntered(t: DealTable, period: Period, rates: Rates): EnteredPipeline {
  const { from, to } = msRange(period);
  let entered = 0;
  let won = 0;
  const enteredValue = new MoneySum(rates);
  const wonValue = new MoneySum(rates);
  for (let i = 0; i < t.n; i++) {
    const created = t.createdMs[i]!;
    if (!(created >= from && created < to)) continue;
    entered++;
    addAmount(enteredValue, t, i);
    if (t.outcome[i] === WON) {
      won++;
      addAmount(wonValue, t, i);
    }
  }
  const ev = enteredValue.result();
  const wv = wonValue.result();
  return { entered, won, rate: ratio(won, entered), enteredValue: ev, wonValue: wv, valueRate: ratio(wv.total, ev.total) };
}

// ---- stage conversion --------------------------------------------------------------------

export const WON_STEP = 'Won';

export interface ConversionStep {
  from: string;
  /** The next stage, or 'Won' after the last open stage. */
  to: string;
  /** Deals that reached `from` (in the period, when one is given). */
  reached: number;
  /** Of those, how many reached `to` or any later stage, by now. */
  advanced: number;
  rate: number | null;
}

/**
 * When deal i first reached each level of the pipeline (index = plan stage position,
 * planStages = won), written into `out` (NaN = not reached). Reaching a stage counts
 * every earlier stage as reached (skipped stages), and moving backwards reaches nothing
 * new, so each deal counts once per stage.
 */
export function reachTimes(t: DealTable, i: number, out: Float64Array): void {
  const levels = t.planStages;
  out.fill(NaN);
  let max = -1;
  const end = t.entryStart[i + 1]!;
  let lastMs = NaN;
  for (let k = t.entryStart[i]!; k < end; k++) {
    const code = t.entryStage[k]!;
    lastMs = t.entryMs[k]!;
    if (code >= levels || code <= max) continue;
    for (let l = max + 1; l <= code; l++) out[l] = lastMs;
    max = code;
  }
  if (t.outcome[i] === WON) {
    const at = t.closedMs[i]! === t.closedMs[i]! ? t.closedMs[i]! : lastMs;
    for (let l = max + 1; l <= levels; l++) out[l] = at;
  }
}

/** Stage-to-stage conversion over the plan's stages. With a period, the cohort is the deals that reached `from` in it. */
export function stageConversion(t: DealTable, period?: Period): ConversionStep[] {
  return stageConversionFor(t, [period])[0]!;
}

/** The periods as [from, to) bounds in epoch ms, two numbers each, for the deal loops. */
function boundsOf(periods: readonly (Period | undefined)[]): Float64Array {
  const out = new Float64Array(2 * periods.length);
  periods.forEach((p, k) => {
    const r = rangeOf(p);
    out[2 * k] = r.from;
    out[2 * k + 1] = r.to;
  });
  return out;
}

/** stageConversion for several periods (undefined: all history) in one pass over the deals. */
export function stageConversionFor(t: DealTable, periods: readonly (Period | undefined)[]): ConversionStep[][] {
  const n = t.planStages;
  const P = periods.length;
  const bounds = boundsOf(periods);
  const reached = new Int32Array(P * n);
  const advanced = new Int32Array(P * n);
  const times = new Float64Array(n + 1);
  const { entryStart, entryStage, entryMs, outcome, closedMs } = t;
  for (let i = 0; i < t.n; i++) {
    const a = entryStart[i]!;
    const b = entryStart[i + 1]!;
    if (a === b) continue;
    // reachTimes, inline: times[0 … top] are set, the levels above were not reached.
    let top = -1;
    let lastMs = NaN;
    for (let k = a; k < b; k++) {
      const code = entryStage[k]!;
      lastMs = entryMs[k]!;
      if (code >= n || code <= top) continue;
      for (let l = top + 1; l <= code; l++) times[l] = lastMs;
      top = code;
    }
    if (outcome[i] === WON) {
      const at = closedMs[i]! === closedMs[i]! ? closedMs[i]! : lastMs;
      for (let l = top + 1; l <= n; l++) times[l] = at;
      top = n;
    }
    for (let l = 0; l < n && l <= top; l++) {
      const at = times[l]!;
      if (at !== at) break;
      const next = l < top && times[l + 1]! === times[l + 1]!;
      for (let k = 0; k < P; k++) {
        if (at >= bounds[2 * k]! && at < bounds[2 * k + 1]!) {
          reached[k * n + l]!++;
          if (next) advanced[k * n + l]!++;
        }
      }
    }
  }
  return periods.map((_, k) =>
    Array.from({ length: n }, (_, l) => ({
      from: t.stageNames[l]!,
      to: t.stageNames[l + 1] !== undefined && l + 1 < n ? t.stageNames[l + 1]! : WON_STEP,
      reached: reached[k * n + l]!,
      advanced: advanced[k * n + l]!,
      rate: ratio(advanced[k * n + l]!, reached[k * n + l]!),
    })),
  );
}

// ---- cycle and stage times ---------------------------------------------------------------

/** Sales cycle in days, created → won, for deals won in the period whose creation date the CRM showed. */
export function salesCycle(t: DealTable, period: Period): Summary {
  const { from, to } = msRange(period);
  const days: number[] = [];
  for (let i = 0; i < t.n; i++) {
    const closed = t.closedMs[i]!;
    if (t.outcome[i] !== WON || !(closed >= from && closed < to) || t.createdKnown[i] !== 1) continue;
    const d = closed - t.createdMs[i]!;
    if (d >= 0) days.push(d / DAY_MS);
  }
  return summarize(days);
}

export interface StageTime extends Summary {
  stage: string;
  targetDays: number;
}

/**
 * Days spent in each stage, from the stage history. A deal that visits a stage twice
 * (moved backwards) counts once, with the time of both visits added up, in the period
 * in which it last left the stage. The plan's stages first, in order, then any other
 * open stage with data; closed stages are left out.
 */
export function timeInStage(t: DealTable, stageTargets: Readonly<Record<string, number>>, period?: Period): StageTime[] {
  return timeInStageFor(t, stageTargets, [period])[0]!;
}

/** timeInStage for several periods (undefined: all history) in one pass over the deals. */
export function timeInStageFor(t: DealTable, stageTargets: Readonly<Record<string, number>>, periods: readonly (Period | undefined)[]): StageTime[][] {
  const S = t.stageNames.length;
  const P = periods.length;
  const bounds = boundsOf(periods);
  const open = Uint8Array.from(t.stageIsOpen, o => (o ? 1 : 0));
  const { entryStart, entryStage, entryMs, entryEstimated } = t;
  // Each stay (days) with its list, period × S + stage, in deal order; split per list after.
  let cap = 1 << 16;
  let days = new Float64Array(cap);
  let list = new Int32Array(cap);
  let stays = 0;
  const perList = new Int32Array(P * S + 1);
  const sum = new Float64Array(S);
  const lastExit = new Float64Array(S).fill(NaN);
  const touched = new Int32Array(S);
  for (let i = 0; i < t.n; i++) {
    const a = entryStart[i]!;
    const b = entryStart[i + 1]!;
    if (b - a < 2) continue;
    let m = 0;
    for (let k = a; k + 1 < b; k++) {
      const code = entryStage[k]!;
      const exit = entryMs[k + 1]!;
      const ms = exit - entryMs[k]!;
      if (!(ms >= 0) || entryEstimated[k] === 1 || open[code] === 0) continue;
      if (lastExit[code]! !== lastExit[code]!) {
        touched[m++] = code;
        sum[code] = ms;
        lastExit[code] = exit;
      } else {
        sum[code]! += ms;
        if (exit > lastExit[code]!) lastExit[code] = exit;
      }
    }
    if (stays + m * P > cap) {
      cap *= 2;
      const d = new Float64Array(cap);
      d.set(days);
      days = d;
      const l = new Int32Array(cap);
      l.set(list);
      list = l;
    }
    for (let j = 0; j < m; j++) {
      const code = touched[j]!;
      const exit = lastExit[code]!;
      for (let k = 0; k < P; k++) {
        if (exit >= bounds[2 * k]! && exit < bounds[2 * k + 1]!) {
          days[stays] = sum[code]! / DAY_MS;
          list[stays++] = k * S + code;
          perList[k * S + code + 1]!++;
        }
      }
      lastExit[code] = NaN;
    }
  }
  // Group the stays by list, keeping deal order (a counting sort).
  for (let x = 0; x < P * S; x++) perList[x + 1]! += perList[x]!;
  const grouped = new Float64Array(stays);
  const fill = perList.slice(0, P * S);
  for (let y = 0; y < stays; y++) grouped[fill[list[y]!]!++] = days[y]!;
  return periods.map((_, k) => {
    const out: StageTime[] = [];
    for (let code = 0; code < S; code++) {
      const from = perList[k * S + code]!;
      const to = perList[k * S + code + 1]!;
      if (code >= t.planStages && (to === from || open[code] === 0)) continue;
      const stage = t.stageNames[code]!;
      out.push({ stage, targetDays: stageTargetDays(stage, stageTargets), ...summarize(grouped.subarray(from, to)) });
    }
    return out;
  });
}

export interface OverTargetDeal {
  id: string;
  name: string;
  stage: string;
  stageEnteredAt: string;
  /** Days in the current stage by `now`. */
  days: number;
  targetDays: number;
  amount: number | null;
  currency: string | null;
  url: string;
}

/** Open deals that have been in their stage at least as long as its target, oldest first. */
export function dealsOverTarget(deals: readonly DealSnapshot[], stageTargets: Readonly<Record<string, number>>, now: Date): OverTargetDeal[] {
  const out: OverTargetDeal[] = [];
  const nowMs = now.getTime();
  const targets = new Map<string, number>();
  for (const d of deals) {
    if (d.status !== 'open') continue;
    const ms = nowMs - isoMs(d.stageEnteredAt);
    if (!Number.isFinite(ms)) continue;
    const days = Math.max(0, ms) / DAY_MS;
    let targetDays = targets.get(d.stage);
    if (targetDays === undefined) targets.set(d.stage, (targetDays = stageTargetDays(d.stage, stageTargets)));
    if (days >= targetDays) {
      out.push({ id: d.id, name: d.name, stage: d.stage, stageEnteredAt: d.stageEnteredAt, days, targetDays, amount: d.amount, currency: d.currency, url: d.url });
    }
  }
  return out.sort((a, b) => b.days - a.days || (a.id < b.id ? -1 : 1));
}

// ---- pipeline ----------------------------------------------------------------------------

/** A configured probability, else by position: stage i of n is (i + 1) / (n + 1); unknown stages: null. */
export function stageProbability(stage: string, stages: readonly string[], configured: Readonly<Record<string, number>> = {}): number | null {
  const own = configured[stage];
  if (own !== undefined && Number.isFinite(own) && own >= 0 && own <= 1) return own;
  const i = stages.indexOf(stage);
  return i < 0 ? null : (i + 1) / (stages.length + 1);
}

export interface PipelineStage {
  stage: string;
  count: number;
  value: Money;
  /** null for a stage that is not in the plan: its deals are left out of the weighted total. */
  probability: number | null;
  weighted: Money;
}

export interface Pipeline {
  stages: PipelineStage[];
  count: number;
  value: Money;
  weighted: Money;
  /** With `closingBefore`: the value of deals expected to close before that date, or undated. */
  closing: Money | null;
  /** Open deals in stages the plan does not list (no probability). */
  unweightedDeals: number;
}

export interface PipelineOptions {
  stages: readonly string[];
  stageProbabilities?: Readonly<Record<string, number>>;
  /** Also sum the deals expected to close before this local date (or with no close date). */
  closingBefore?: string;
}

/** Open pipeline by stage, its value and weighted value. */
export function pipeline(deals: readonly DealSnapshot[], rates: Rates, options: PipelineOptions): Pipeline {
  const rows = new Map<string, { count: number; value: MoneySum; weighted: MoneySum }>();
  for (const s of options.stages) rows.set(s, { count: 0, value: new MoneySum(rates), weighted: new MoneySum(rates) });
  const total = new MoneySum(rates);
  const weighted = new MoneySum(rates);
  const closing = options.closingBefore === undefined ? null : new MoneySum(rates);
  let count = 0;
  let unweightedDeals = 0;
  const probability = new Map<string, number | null>();
  for (const d of deals) {
    if (d.status !== 'open') continue;
    let row = rows.get(d.stage);
    if (!row) rows.set(d.stage, (row = { count: 0, value: new MoneySum(rates), weighted: new MoneySum(rates) }));
    let p = probability.get(d.stage);
    if (p === undefined) probability.set(d.stage, (p = stageProbability(d.stage, options.stages, options.stageProbabilities)));
    row.count++;
    row.value.add(d.amount, d.currency);
    total.add(d.amount, d.currency);
    if (closing && (d.closeDate === undefined || d.closeDate < options.closingBefore!)) closing.add(d.amount, d.currency);
    count++;
    if (p === null) unweightedDeals++;
    else {
      const w = d.amount === null ? null : d.amount * p;
      row.weighted.add(w, d.currency);
      weighted.add(w, d.currency);
    }
  }
  return {
    stages: [...rows].map(([stage, r]) => ({
      stage,
      count: r.count,
      value: r.value.result(),
      probability: probability.get(stage) ?? stageProbability(stage, options.stages, options.stageProbabilities),
      weighted: r.weighted.result(),
    })),
    count,
    value: total.result(),
    weighted: weighted.result(),
    closing: closing ? closing.result() : null,
    unweightedDeals,
  };
}

export interface Coverage {
  open: Money;
  quota: number;
  attained: number;
  /** Quota still to close; 0 once the quota is met. */
  remaining: number;
  /** Open pipeline / remaining quota; null with no quota left to close (or no quota). */
  coverage: number | null;
}

export function pipelineCoverage(open: Money, quota: number, attained: number): Coverage {
  const remaining = Math.max(0, quota - attained);
  return { open, quota, attained, remaining, coverage: remaining > 0 ? open.total / remaining : null };
}

// ---- discounting -------------------------------------------------------------------------

export const DISCOUNT_BANDS = [
  { label: '0–5 %', from: 0, to: 0.05 },
  { label: '5–10 %', from: 0.05, to: 0.1 },
  { label: '10–20 %', from: 0.1, to: 0.2 },
  { label: '20–30 %', from: 0.2, to: 0.3 },
  { label: '30 %+', from: 0.3, to: null },
] as const;

export const discountBandOf = (discount: number): number => {
  for (let i = DISCOUNT_BANDS.length - 1; i > 0; i--) if (discount >= DISCOUNT_BANDS[i]!.from - 1e-9) return i;
  return 0; // a negative discount (above list) sits with the smallest
};

export interface DiscountBand {
  label: string;
  from: number;
  /** null for the open-ended last band. */
  to: number | null;
  /** Won deals in the band: the distribution of discounts given. */
  won: number;
  lost: number;
  winRate: number | null;
}

export interface Discounting {
  /** Mean discount over won deals with a known discount. */
  average: number | null;
  /** Won deals with a known discount. */
  count: number;
  /** Closed deals whose discount is unknown (no list price nor discount on the page). */
  unknown: number;
  bands: DiscountBand[];
}

/** Discounts of the deals closed in the period: average and distribution of won deals, win rate per band. */
export function discounting(t: DealTable, period: Period): Discounting {
  const { from, to } = msRange(period);
  const won = new Array<number>(DISCOUNT_BANDS.length).fill(0);
  const lost = new Array<number>(DISCOUNT_BANDS.length).fill(0);
  let sum = 0;
  let count = 0;
  let unknown = 0;
  for (let i = 0; i < t.n; i++) {
    const closed = t.closedMs[i]!;
    const o = t.outcome[i];
    if (o === OPEN || !(closed >= from && closed < to)) continue;
    const discount = t.discount[i]!;
    if (discount !== discount) {
      unknown++;
      continue;
    }
    const band = discountBandOf(discount);
    if (o === WON) {
      won[band]!++;
      sum += discount;
      count++;
    } else lost[band]!++;
  }
  return {
    average: count > 0 ? sum / count : null,
    count,
    unknown,
    bands: DISCOUNT_BANDS.map((b, i) => ({ label: b.label, from: b.from, to: b.to, won: won[i]!, lost: lost[i]!, winRate: ratio(won[i]!, won[i]! + lost[i]!) })),
  };
}

// ---- ROI on training ---------------------------------------------------------------------

export interface WindowKpis {
  startDate: string;
  endDate: string;
  revenue: Money;
  dealsWon: number;
  dealsLost: number;
  winRate: number | null;
  calls: number;
  meetings: number;
  proposals: number;
}

export interface TrainingRoi {
  /** Always true: before/after comparisons show correlation, not cause. */
  estimate: true;
  eventId: string;
  subject: string | null;
  date: string;
  cost: number | null;
  /** Days in each window: the configured window, shortened so the after-window has happened. */
  windowDays: number;
  before: WindowKpis;
  after: WindowKpis;
  /** Revenue after minus before, in the plan's currency. */
  revenueDifference: number;
  /** (revenueDifference − cost) / cost; null without a cost, or before a whole day has passed. */
  roi: number | null;
}

function windowKpis(days: Iterable<DailyAggregate>, startDate: string, endDate: string, rates: Rates): WindowKpis {
  const t = sumDays(days, startDate, endDate);
  const won = t.counts.deal_won ?? 0;
  const lost = t.counts.deal_lost ?? 0;
  return {
    startDate,
    endDate,
    revenue: moneyOfHundredths(t.wonHundredths, t.wonUnknownAmounts, rates),
    dealsWon: won,
    dealsLost: lost,
    winRate: ratio(won, won + lost),
    calls: t.counts.call ?? 0,
    meetings: t.counts.meeting ?? 0,
    proposals: t.counts.proposal_sent ?? 0,
  };
}

/**
 * For each training (its amount is the cost): KPIs over equal windows of local days
 * before and after it (the training day opens the after-window), the revenue difference
 * and (difference − cost) / cost. An estimate, and labelled so.
 */
export function trainingRoi(
  trainings: readonly ActivityEvent[],
  days: readonly DailyAggregate[],
  rates: Rates & { timeZone: string },
  now: Date,
  windowDays = 30,
): TrainingRoi[] {
  const today = localDateOf(now, rates.timeZone);
  // Days in date order, so each window adds up only its own days (found by binary search).
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const firstAtOrAfter = (date: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.day < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const windowOf = (startDate: string, endDate: string) => windowKpis(sorted.slice(firstAtOrAfter(startDate), firstAtOrAfter(endDate)), startDate, endDate, rates);
  return trainings
    .filter(t => t.type === 'training' && t.at <= now.toISOString())
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map(t => {
      const date = localDateOf(t.at, rates.timeZone);
      const w = Math.max(0, Math.min(windowDays, daysBetween(date, today)));
      const before = windowOf(addDays(date, -w), date);
      const after = windowOf(date, addDays(date, w));
      const cost = t.amount === undefined ? null : convert(t.amount, t.currency, rates);
      const revenueDifference = Math.round((after.revenue.total - before.revenue.total) * 100) / 100;
      return {
        estimate: true as const,
        eventId: t.id,
        subject: t.meta?.subject ?? null,
        date,
        cost,
        windowDays: w,
        before,
        after,
        revenueDifference,
        roi: cost !== null && cost > 0 && w > 0 ? (revenueDifference - cost) / cost : null,
      };
    });
}

/** Driver deltas between two periods. */
export function driverChange(current: DriverCounts, previous: DriverCounts): Record<keyof DriverCounts, number> {
  const out = {} as Record<keyof DriverCounts, number>;
  for (const k of Object.keys(current) as (keyof DriverCounts)[]) out[k] = current[k] - previous[k];
  return out;
}
