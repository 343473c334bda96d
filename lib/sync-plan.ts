// The team's plan as the plan in force (issue #7, item 6). The manager sets the team's
// plan and allocates its quota; each rep's Pacer pulls both and, while team sync is on,
// the rep's plan in force is the team's plan with the rep's own allocation as its quota
// (server/API.md, team_plan). Without a team plan, only the quota comes from the team.
// A local edit is neither silently kept nor silently lost: the background puts the
// team's plan back and records when, and the options page and side panel say which plan
// is in force. Pure: no WXT, no storage.
import { t } from './i18n';
import { planErrorText } from './plan-words';
import { validatePlan, type Plan, type PlanRevision } from './metrics/plan';
import type { TeamPlanAnswer } from './sync-client';
import type { TeamPlanState } from './sync-state';

const isRevision = (r: unknown): r is PlanRevision =>
  typeof r === 'object' && r !== null && typeof (r as PlanRevision).effectiveFrom === 'string' && typeof (r as PlanRevision).annualQuota === 'number';

/**
 * One revision per date: the server keeps every revision (oldest first), so a manager who
 * corrects an allocation on the same day leaves two for that date; the later one is the
 * correction. A plan with two revisions on one date would not validate.
 */
function lastPerDate(revisions: readonly PlanRevision[]): PlanRevision[] {
  const byDate = new Map<string, PlanRevision>();
  for (const r of revisions) byDate.set(r.effectiveFrom, r);
  return [...byDate.values()];
}

/** What the pull brought, as stored state; null when the team has neither a plan nor an allocation for this rep. */
export function teamPlanStateOf(answer: TeamPlanAnswer | null, teamName: string, pulledAt: Date): TeamPlanState | null {
  if (!answer) return null;
  const mine = lastPerDate((answer.allocation?.annual ?? []).filter(isRevision));
  const team = lastPerDate((answer.plan?.annual ?? []).filter(isRevision));
  const annual = mine.length ? mine : team;
  if (!annual.length) return null;
  return {
    teamName,
    pulledAt: pulledAt.toISOString(),
    plan: answer.plan ? structuredClone(answer.plan) : null,
    annual: annual.map(r => ({ ...r })),
    fromAllocation: mine.length > 0,
    territory: answer.allocation?.territory ?? null,
  };
}

/** The plan in force while the team's governs: the team's plan (else the rep's) with the rep's allocation as its quota. */
export function withTeamPlan(local: Plan, team: TeamPlanState): Plan {
  return { ...(team.plan ?? local), annual: team.annual.map(r => ({ ...r })) };
}

/** JSON with sorted keys: a plan read back from storage may list its keys in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).filter(k => (value as Record<string, unknown>)[k] !== undefined).sort()
      .map(k => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Which plan is in force: the team's (the rep's stored plan is exactly it) or the rep's own. */
export function planSource(local: Plan, team: TeamPlanState | null): 'team' | 'own' {
  return team && canonical(local) === canonical(withTeamPlan(local, team)) ? 'team' : 'own';
}

export type PlanApply = { kind: 'unchanged' } | { kind: 'apply'; plan: Plan } | { kind: 'invalid'; message: string };

/** What to write so the team's plan is in force. */
export function planToApply(local: Plan, team: TeamPlanState): PlanApply {
  if (planSource(local, team) === 'team') return { kind: 'unchanged' };
  const check = validatePlan(withTeamPlan(local, team));
  if (!check.ok) return { kind: 'invalid', message: t('syncErrTeamPlan', check.errors.map(e => `${e.path}: ${planErrorText(e)}`).join('; ')) };
  // validatePlan may normalize; what is stored must be what planSource compares against.
  return { kind: 'apply', plan: withTeamPlan(local, team) };
}
