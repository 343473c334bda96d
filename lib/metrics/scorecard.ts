// The scorecard (issue #5): everything the metrics layer knows about a period and the
// one before it, in one object. Built from per-day aggregates plus the deal history
// (stage changes, wins, losses, training), so the UI can build it without scanning raw
// events; computeScorecard does the same from raw events in one pass.
import type { ActivityEvent, DealSnapshot } from '../model';
import { aggregateUnique, driversOfTotals, sumDays, type DailyAggregate } from './aggregate';
import type { CountsByType } from './counts';
import type { StoredDealHistory } from './deal-history';
import { buildDealTable, DealHistory, LOST, toDealHistory, WON } from './deals';
import { leadsOnDeck, type Driver, type DriverCounts } from './drivers';
import { badges, personalBests, streaks, activityScore, type Badge, type PersonalBests, type Streak } from './gamification';
import { commissionFor, type CommissionResult } from './commission';
import {
  attainment,
  conversionRatios,
  pacing,
  pyramidGap,
  quotaFor,
  type Attainment,
  type Pacing,
  type PyramidGap,
} from './goals';
import {
  closedWonOfEntered,
  dealsOverTarget,
  discounting,
  driverChange,
  pipeline,
  pipelineCoverage,
  proposalAcceptance,
  salesCycle,
  stageConversionFor,
  timeInStageFor,
  trainingRoi,
  winRate,
  type ConversionStep,
  type Coverage,
  type Discounting,
  type EnteredPipeline,
  type OverTargetDeal,
  type Pipeline,
  type ProposalAcceptance,
  type StageTime,
  type TrainingRoi,
  type WinRate,
} from './kpis';
import { MoneySum, RateCache, type Money } from './money';
import { addDays, holidaySet, localDateOf, periodContaining, previousPeriod, workingDaysIn, type PeriodKind, type ZonedPeriod } from './periods';
import type { DriverTargets, Plan } from './plan';
import { river, type River } from './river';
import type { Summary } from './stats';

export interface PeriodScore {
  period: ZonedPeriod;
  /** Events per type in the period. */
  counts: CountsByType;
  drivers: DriverCounts;
  /** Driver targets for the period: weekly targets scaled by its working days (daily targets for a day). */
  targets: DriverTargets;
  /** Weighted activity score. */
  score: number;
  proposals: ProposalAcceptance;
  winRate: WinRate;
  enteredPipeline: EnteredPipeline;
  /** Cohort: deals that reached each stage in the period. */
  conversion: ConversionStep[];
  /** Days, created → won, deals won in the period. */
  salesCycle: Summary;
  /** Days per stage, stays that ended in the period. */
  timeInStage: StageTime[];
  discounting: Discounting;
  quota: number;
  attainment: Attainment;
}

export interface Change {
  drivers: Record<Driver, number>;
  score: number;
  attained: number;
  /** Difference in attainment ratio; null when either is unknown. */
  attainment: number | null;
  winRate: number | null;
}

export interface Scorecard {
  generatedAt: string;
  timeZone: string;
  currency: string;
  current: PeriodScore;
  previous: PeriodScore;
  /** current − previous. */
  change: Change;
  pacing: Pacing;
  coverage: Coverage;
  pyramid: PyramidGap;
  /** Open pipeline now, by stage. */
  pipeline: Pipeline;
  leadsOnDeck: { count: number; value: Money; deals: DealSnapshot[] };
  overTarget: OverTargetDeal[];
  /** Conversion and time in stage over all history: the backdrop for the river. */
  conversionAllTime: ConversionStep[];
  timeInStageAllTime: StageTime[];
  river: River;
  commission: { period: ZonedPeriod; result: CommissionResult };
  streak: Streak | null;
  badges: Badge[];
  personalBests: PersonalBests;
  trainingRoi: TrainingRoi[];
}

export interface ScorecardOptions {
  /** Days in each before/after window of the training ROI estimate (default 30). */
  roiWindowDays?: number;
}

/** Driver targets for a period: daily targets for a working day, else weekly targets × working days / 5. */
export function targetsFor(plan: Pick<Plan, 'weeklyTargets' | 'dailyTargets' | 'holidays'>, period: ZonedPeriod): DriverTargets {
  const working = workingDaysIn(period, holidaySet(plan.holidays));
  const out: DriverTargets = {};
  if (period.kind === 'day' && Object.keys(plan.dailyTargets).length > 0) {
    for (const [k, v] of Object.entries(plan.dailyTargets) as [Driver, number][]) out[k] = working > 0 ? v : 0;
    return out;
  }
  for (const [k, v] of Object.entries(plan.weeklyTargets) as [Driver, number][]) out[k] = Math.round((v * working) / 5 * 100) / 100;
  return out;
}

const resolvePeriod = (plan: Plan, period: ZonedPeriod | PeriodKind, now: Date): ZonedPeriod => {
  if (typeof period === 'string') return periodContaining(period, now, plan);
  if (period.timeZone !== plan.timeZone) {
    throw new RangeError(`The period is in ${period.timeZone} but the plan counts days in ${plan.timeZone}.`);
  }
  return period;
};

/** The scorecard from raw events and deal snapshots: one pass over the events. */
export function computeScorecard(
  events: readonly ActivityEvent[],
  deals: readonly DealSnapshot[],
  plan: Plan,
  period: ZonedPeriod | PeriodKind,
  now: Date,
  options: ScorecardOptions = {},
): Scorecard {
  const history = new DealHistory(plan.stages);
  const days = aggregateUnique(events, plan.timeZone, history);
  return scorecardFromAggregates(days.values(), history, deals, plan, period, now, options);
}

/**
 * The scorecard from per-day aggregates (in the plan's time zone), the deal history and
 * the deal snapshots. The history is what the background keeps (its per-deal rows and
 * the trainings: what the side panel reads), or the history events (HISTORY_TYPES:
 * stage changes, wins, losses, training), or a DealHistory already collected.
 */
export function scorecardFromAggregates(
  dayRows: Iterable<DailyAggregate>,
  history: StoredDealHistory | readonly ActivityEvent[] | DealHistory,
  deals: readonly DealSnapshot[],
  plan: Plan,
  periodOrKind: ZonedPeriod | PeriodKind,
  now: Date,
  options: ScorecardOptions = {},
): Scorecard {
  const days = [...dayRows];
  const current = resolvePeriod(plan, periodOrKind, now);
  const previous = previousPeriod(current, plan);
  const today = localDateOf(now, plan.timeZone);
  const nowIso = now.toISOString();
  const hist = history instanceof DealHistory ? history : toDealHistory(history, plan.stages);
  const facts = buildDealTable(hist, deals, plan.stages, plan.timeZone);

  const [convCur, convPrev, convAll] = stageConversionFor(facts, [current, previous, undefined]);
  const [timeCur, timePrev, timeAll] = timeInStageFor(facts, plan.stageTargets, [current, previous, undefined]);
  const score = (p: ZonedPeriod, conversion: ConversionStep[], times: StageTime[]): PeriodScore => {
    const totals = sumDays(days, p.startDate, p.endDate);
    const drivers = driversOfTotals(totals);
    const wr = winRate(facts, p, plan);
    const quota = quotaFor(plan, p);
    return {
      period: p,
      counts: totals.counts,
      drivers,
      targets: targetsFor(plan, p),
      score: activityScore(drivers, plan.activityWeights),
      proposals: proposalAcceptance(totals.counts.proposal_sent ?? 0, totals.counts.proposal_accepted ?? 0),
      winRate: wr,
      enteredPipeline: closedWonOfEntered(facts, p, plan),
      conversion,
      salesCycle: salesCycle(facts, p),
      timeInStage: times,
      discounting: discounting(facts, p),
      quota,
      attainment: attainment(wr.wonValue, quota),
    };
  };
  const cur = score(current, convCur!, timeCur!);
  const prev = score(previous, convPrev!, timePrev!);
  const change: Change = {
    drivers: driverChange(cur.drivers, prev.drivers),
    score: Math.round((cur.score - prev.score) * 100) / 100,
    attained: Math.round((cur.attainment.attained - prev.attainment.attained) * 100) / 100,
    attainment: cur.attainment.ratio !== null && prev.attainment.ratio !== null ? cur.attainment.ratio - prev.attainment.ratio : null,
    winRate: cur.winRate.rate !== null && prev.winRate.rate !== null ? cur.winRate.rate - prev.winRate.rate : null,
  };

  // Pipeline now. Coverage counts deals expected to close by the period's end (or undated).
  // The open deals, picked while the deal table matched the snapshots: the three views below look at nothing else.
  const openDeals = facts.openSnapshots;
  const open = pipeline(openDeals, plan, { stages: plan.stages, stageProbabilities: plan.stageProbabilities, closingBefore: current.endDate });
  const coverage = pipelineCoverage(open.closing!, cur.quota, cur.attainment.attained);

  const onDeck = leadsOnDeck(openDeals, plan.stages, plan.earlyStages);
  const onDeckValue = new MoneySum(plan);
  for (const d of onDeck.deals) onDeckValue.add(d.amount, d.currency);
  const overTarget = dealsOverTarget(openDeals, plan.stageTargets, now);

  // The rep's own funnel, over all history up to now.
  const all = sumDays(days, '0000-00-00', addDays(today, 1));
  const funnel = { won: 0, lost: 0, wonValue: 0, wonWithAmount: 0 };
  const nowMs = now.getTime();
  const rates = new RateCache(plan);
  for (let i = 0; i < facts.n; i++) {
    const o = facts.outcome[i];
    if (!(facts.closedMs[i]! <= nowMs)) continue;
    if (o === LOST) funnel.lost++;
    else if (o === WON) {
      funnel.won++;
      const a = facts.amount[i]!;
      const v = a === a ? rates.convert(a, facts.currency[i]) : null;
      if (v !== null) {
        funnel.wonValue += v;
        funnel.wonWithAmount++;
      }
    }
  }
  const ratios = conversionRatios({
    calls: all.counts.call ?? 0,
    meetings: all.counts.meeting ?? 0,
    proposals: all.counts.proposal_sent ?? 0,
    ...funnel,
  });

  // Commission over the plan's commission period containing the scorecard's "now" (clamped into the period).
  const anchor = nowIso < current.from ? current.from : nowIso >= current.to ? new Date(Date.parse(current.to) - 1).toISOString() : nowIso;
  const commissionPeriod = periodContaining(plan.commission.period, anchor, plan);
  const commissionWon = winRate(facts, commissionPeriod, plan).wonValue.total;
  const commission = { period: commissionPeriod, result: commissionFor(commissionWon, quotaFor(plan, commissionPeriod), plan.commission) };
  const streak = streaks(days, plan, today);
  return {
    generatedAt: nowIso,
    timeZone: plan.timeZone,
    currency: plan.currency,
    current: cur,
    previous: prev,
    change,
    pacing: pacing(plan, current, cur.quota, cur.attainment.attained, now),
    coverage,
    pyramid: pyramidGap(coverage.remaining, ratios),
    pipeline: open,
    leadsOnDeck: { count: onDeck.count, value: onDeckValue.result(), deals: onDeck.deals },
    overTarget,
    conversionAllTime: convAll!,
    timeInStageAllTime: timeAll!,
    river: river(overTarget, convAll!, timeAll!, plan.stageTargets),
    commission,
    streak,
    badges: badges(days, plan, today, streak),
    personalBests: personalBests(days, facts, plan, today),
    trainingRoi: trainingRoi(hist.trainings, days, plan, now, options.roiWindowDays),
  };
}
