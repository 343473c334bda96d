// The river (issue #5): where the pipeline backs up. The stage where the most open deals
// sit past its time target (ties: more days past target in total, then the weaker
// conversion onward), with its conversion and time in stage, and the deals that cause
// it, oldest first.
import type { ConversionStep, OverTargetDeal, StageTime } from './kpis';
import { stageTargetDays } from './stage-targets';

export interface RiverStage {
  stage: string;
  targetDays: number;
  /** Open deals past the stage's target now. */
  overTarget: number;
  /** Days past target, summed over those deals. */
  excessDays: number;
  /** Share of deals that reached this stage and moved on; null without data. */
  conversion: number | null;
  /** Median days deals spent in the stage before leaving it; null without data. */
  medianDays: number | null;
}

export interface River {
  /** The stage where deals stall most; null when no open deal is past its target. */
  stage: RiverStage | null;
  /** Every stage with its figures, worst first. */
  stages: RiverStage[];
  /** The open deals past target in the worst stage, oldest first. */
  deals: OverTargetDeal[];
}

export function river(
  overTarget: readonly OverTargetDeal[],
  conversion: readonly ConversionStep[],
  times: readonly StageTime[],
  stageTargets: Readonly<Record<string, number>>,
): River {
  const rows = new Map<string, RiverStage>();
  const row = (stage: string): RiverStage => {
    let r = rows.get(stage);
    if (!r) {
      r = { stage, targetDays: stageTargetDays(stage, stageTargets), overTarget: 0, excessDays: 0, conversion: null, medianDays: null };
      rows.set(stage, r);
    }
    return r;
  };
  for (const step of conversion) row(step.from).conversion = step.rate;
  for (const t of times) row(t.stage).medianDays = t.median;
  for (const d of overTarget) {
    const r = row(d.stage);
    r.overTarget++;
    r.excessDays += d.days - d.targetDays;
  }
  const stages = [...rows.values()].sort(
    (a, b) => b.overTarget - a.overTarget || b.excessDays - a.excessDays || (a.conversion ?? 1) - (b.conversion ?? 1) || (a.stage < b.stage ? -1 : 1),
  );
  const worst = stages[0] && stages[0].overTarget > 0 ? stages[0] : null;
  return {
    stage: worst,
    stages,
    deals: worst ? overTarget.filter(d => d.stage === worst.stage).sort((a, b) => b.days - a.days) : [],
  };
}
