// Setting the team's plan and allocating it (issue #7, item 6): what the manager's
// "Team plan" page checks before it calls `set_team_plan` or `set_allocation`
// (server/API.md). A team plan is a whole `Plan` whose `annual` holds the team quota's
// revisions; a new revision keeps the rest of the plan in force as it is. Every value is
// checked with validatePlan, so the team's plan the reps pull is one their Pacer accepts.
// No storage, no DOM; the words come from the locale files (lib/i18n.ts).
import { UNASSIGNED } from './sync-team';
import { t, tPlural } from './i18n';
import { planErrorText } from './plan-words';
import { defaultPlan, validatePlan, type Plan, type PlanRevision } from './metrics/plan';
import { isCivilDate } from './metrics/periods';
import type { RepAllocation, RepRow, TeamPlanAnswer } from './sync-client';

/** What the manager typed for one quota revision: text, as the inputs hold it. */
export interface QuotaDraft {
  effectiveFrom: string;
  annual: string;
  /** Q1–Q4; all empty means "a quarter of the annual quota each". */
  quarters: [string, string, string, string];
}

/** Where a message belongs: 'effectiveFrom', 'annual', 'quarters' or 'territory'. */
export type DraftField = 'effectiveFrom' | 'annual' | 'quarters' | 'territory';
export type DraftErrors = Partial<Record<DraftField, string>>;
export type RevisionCheck = { ok: true; revision: PlanRevision } | { ok: false; errors: DraftErrors };

/** Reads what was typed: undefined when empty, NaN when not a number (the page passes the locale's reader). */
export type ParseNumber = (text: string) => number | undefined;

/** A number as written in English: digits, optional group commas, one decimal point. */
export function parseAmount(text: string): number | undefined {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return undefined;
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return NaN;
  return Number(t.replace(/,/g, ''));
}

const fieldOf = (path: string): DraftField => (/quarterQuotas/.test(path) ? 'quarters' : /effectiveFrom/.test(path) ? 'effectiveFrom' : 'annual');

/** One quota revision from the form, checked the way validatePlan checks a plan's revisions. */
export function checkQuotaDraft(draft: QuotaDraft, parse: ParseNumber = parseAmount): RevisionCheck {
  const errors: DraftErrors = {};
  if (!isCivilDate(draft.effectiveFrom.trim())) errors.effectiveFrom = t('teamPlanErrNotDate', draft.effectiveFrom.trim() || t('teamPlanErrNothing'));
  const annual = parse(draft.annual);
  if (annual === undefined) errors.annual = t('teamPlanErrAnnualMissing');
  else if (Number.isNaN(annual)) errors.annual = t('teamPlanErrNotNumber', draft.annual.trim());
  else if (annual < 0) errors.annual = t('teamPlanErrNegative');
  const typed = draft.quarters.map(q => parse(q));
  let quarterQuotas: PlanRevision['quarterQuotas'];
  if (typed.some(q => q !== undefined)) {
    const bad = typed.findIndex(q => q === undefined || Number.isNaN(q) || q < 0);
    if (bad >= 0) errors.quarters = typed[bad] === undefined ? t('teamPlanErrQuarterEmpty', bad + 1) : t('teamPlanErrQuarterText', [bad + 1, draft.quarters[bad]!.trim()]);
    else quarterQuotas = typed as [number, number, number, number];
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const revision: PlanRevision = { effectiveFrom: draft.effectiveFrom.trim(), annualQuota: annual as number };
  if (quarterQuotas) revision.quarterQuotas = quarterQuotas;
  // The rules every plan keeps (quarters adding up to the year, …) come from one place.
  const check = validatePlan({ ...defaultPlan('UTC'), annual: [revision] });
  if (!check.ok) {
    for (const e of check.errors) errors[fieldOf(e.path)] ??= planErrorText(e);
    return { ok: false, errors };
  }
  return { ok: true, revision };
}

/**
 * The team plan the server holds, completed from `fallback` for what a partial plan left
 * out. Without a team plan, the fallback's settings start it, but not its quota: a
 * manager's own quota is not the team's.
 */
export function basePlan(answer: TeamPlanAnswer | null, fallback: Plan): Plan {
  return answer?.plan ? { ...fallback, ...answer.plan } : { ...fallback, annual: [] };
}

export type TeamPlanCheck = { ok: true; plan: Plan; effectiveFrom: string } | { ok: false; errors: DraftErrors };

/**
 * The plan to send with a new team quota revision: the plan in force with this revision
 * added to its quota history (replacing one on the same date). The rest stays as it is.
 */
export function teamPlanWithRevision(base: Plan, draft: QuotaDraft, parse: ParseNumber = parseAmount): TeamPlanCheck {
  const rev = checkQuotaDraft(draft, parse);
  if (!rev.ok) return rev;
  const annual = [...base.annual.filter(r => r.effectiveFrom !== rev.revision.effectiveFrom), rev.revision];
  const check = validatePlan({ ...base, annual });
  if (!check.ok) {
    const errors: DraftErrors = {};
    for (const e of check.errors) {
      const field = /^annual/.test(e.path) ? fieldOf(e.path) : 'annual';
      errors[field] ??= /^annual/.test(e.path) ? planErrorText(e) : t('teamPlanErrOutsideQuota', [e.path, planErrorText(e)]);
    }
    return { ok: false, errors };
  }
  return { ok: true, plan: check.plan, effectiveFrom: rev.revision.effectiveFrom };
}

/** `set_allocation`'s arguments (server/API.md). */
export interface AllocationArgs {
  rep: string;
  effective_from: string;
  annual_quota: number;
  quarter_quotas?: [number, number, number, number];
  territory?: string;
}

export type AllocationCheck = { ok: true; args: AllocationArgs } | { ok: false; errors: DraftErrors };

export const TERRITORY_MAX = 80;

/**
 * One rep's allocation from the form: their quota revision, and the territory they belong
 * to. `existing` is the rep's saved allocation revisions: the server keeps every one, and a
 * second on the same day would give the rep's Pacer two quotas for one date, which its
 * plan check refuses; so a correction takes effect on another day.
 */
export function checkAllocation(rep: string, draft: QuotaDraft, territory: string, parse: ParseNumber = parseAmount, existing: readonly PlanRevision[] = []): AllocationCheck {
  const rev = checkQuotaDraft(draft, parse);
  const errors: DraftErrors = rev.ok ? {} : { ...rev.errors };
  const day = draft.effectiveFrom.trim();
  if (!errors.effectiveFrom && existing.some(r => r.effectiveFrom === day)) {
    errors.effectiveFrom = t('teamPlanErrSameDay', day);
  }
  const name = territory.trim();
  if (name.length > TERRITORY_MAX) errors.territory = t('teamPlanErrTerritoryLong', [TERRITORY_MAX, name.length]);
  if (!rev.ok || errors.territory || errors.effectiveFrom) return { ok: false, errors };
  const args: AllocationArgs = { rep, effective_from: rev.revision.effectiveFrom, annual_quota: rev.revision.annualQuota };
  if (rev.revision.quarterQuotas) args.quarter_quotas = rev.revision.quarterQuotas;
  if (name) args.territory = name;
  return { ok: true, args };
}

/** The revision in force on a date: the latest that started on or before it (the last entered wins a tie). */
export function revisionOn(annual: readonly PlanRevision[], date: string): PlanRevision | null {
  let found: PlanRevision | null = null;
  for (const r of annual) if (r.effectiveFrom <= date && (!found || r.effectiveFrom >= found.effectiveFrom)) found = r;
  return found;
}

/** A rep on the page: who they are, where they sit, and their allocation history. */
export interface RosterRep {
  rep: string;
  repName: string | null;
  territory: string | null;
  annual: PlanRevision[];
}

/** Every rep the manager can allocate to: the team summary's reps and anyone already allocated. */
export function rosterOf(allocations: readonly RepAllocation[], reps: readonly Pick<RepRow, 'rep' | 'repName' | 'territory'>[]): RosterRep[] {
  const byRep = new Map<string, RosterRep>();
  // The summary groups reps without a territory as "Unassigned": a code, never a territory to prefill and save.
  for (const r of reps) byRep.set(r.rep, { rep: r.rep, repName: r.repName, territory: r.territory === UNASSIGNED ? null : r.territory, annual: [] });
  for (const a of allocations) {
    const known = byRep.get(a.rep);
    byRep.set(a.rep, { rep: a.rep, repName: a.repName ?? known?.repName ?? null, territory: a.territory ?? known?.territory ?? null, annual: [...a.annual] });
  }
  return [...byRep.values()].sort((a, b) => (a.repName ?? a.rep).localeCompare(b.repName ?? b.rep));
}

export interface AllocationSum {
  /** The team's annual quota in force on the date; null without a team plan. */
  teamQuota: number | null;
  /** The sum of the reps' annual allocations in force on the date. */
  allocated: number;
  /** Reps with no allocation in force on the date. */
  unallocated: number;
  /** allocated − teamQuota; null without a team quota. */
  difference: number | null;
  status: 'over' | 'under' | 'exact' | 'no-team-quota';
}

/** The reps' allocations in force on `date` added up, against the team's quota then. */
export function allocationSum(teamAnnual: readonly PlanRevision[], roster: readonly RosterRep[], date: string): AllocationSum {
  let allocated = 0;
  let unallocated = 0;
  for (const r of roster) {
    const rev = revisionOn(r.annual, date);
    if (rev) allocated += rev.annualQuota;
    else unallocated++;
  }
  const team = revisionOn(teamAnnual, date);
  if (!team) return { teamQuota: null, allocated, unallocated, difference: null, status: 'no-team-quota' };
  const difference = allocated - team.annualQuota;
  // Cents do not make a team over- or under-allocated.
  const status = Math.abs(difference) < 0.005 ? 'exact' : difference > 0 ? 'over' : 'under';
  return { teamQuota: team.annualQuota, allocated, unallocated, difference, status };
}

/** The sum in words, as the page says it. */
export function allocationSumText(sum: AllocationSum, money: (n: number) => string): string {
  const unallocated = sum.unallocated ? ` ${tPlural(sum.unallocated, 'teamPlanUnallocatedOne', 'teamPlanUnallocatedOther')}` : '';
  if (sum.status === 'no-team-quota') return `${t('teamPlanSumNoQuota', money(sum.allocated))}${unallocated}`;
  const allocated = money(sum.allocated);
  const quota = money(sum.teamQuota!);
  if (sum.status === 'exact') return `${t('teamPlanSumExact', [allocated, quota])}${unallocated}`;
  if (sum.status === 'over') return `${t('teamPlanSumOver', [allocated, quota, money(sum.difference!)])}${unallocated}`;
  return `${t('teamPlanSumUnder', [allocated, quota, money(-sum.difference!)])}${unallocated}`;
}

/** A revision's draft, to start the form from what is in force. */
export function draftOf(rev: PlanRevision | null, effectiveFrom: string, format: (n: number) => string): QuotaDraft {
  const q = rev?.quarterQuotas;
  return {
    effectiveFrom,
    annual: rev ? format(rev.annualQuota) : '',
    quarters: q ? [format(q[0]), format(q[1]), format(q[2]), format(q[3])] : ['', '', '', ''],
  };
}
