// How long a deal should sit in each stage before it counts as stalled. These
// defaults follow common B2B playbooks; the options page makes them configurable (issue #5).

const DEFAULT_DAYS: readonly (readonly [RegExp, number])[] = [
  [/prospect|lead in|new|appointment/i, 7],
  [/qualif|discovery/i, 10],
  [/needs analysis|analysis/i, 14],
  [/value prop|demo|presentation/i, 14],
  [/decision maker|perception|evaluation/i, 10],
  [/proposal|quote|price/i, 14],
  [/negotiat|review|contract sent|commit/i, 21],
];
export const FALLBACK_STAGE_DAYS = 14;

/** Target days in `stage`: a configured value wins, else a default matched by name. */
export function stageTargetDays(stage: string, configured: Readonly<Record<string, number>> = {}): number {
  const own = configured[stage];
  if (own !== undefined && Number.isFinite(own) && own > 0) return own;
  return DEFAULT_DAYS.find(([pattern]) => pattern.test(stage))?.[1] ?? FALLBACK_STAGE_DAYS;
}

export type Pace = 'ok' | 'near' | 'over';

/** Green below three quarters of the target, amber up to it, red past it. */
export function paceAgainst(days: number, targetDays: number): Pace {
  if (days >= targetDays) return 'over';
  return days >= targetDays * 0.75 ? 'near' : 'ok';
}
