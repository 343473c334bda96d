// The manager's "Team plan" page (issue #7, item 6): the team plan in force and its
// revisions, a form for a new team quota revision (`set_team_plan`), and each rep's
// allocation and territory (`set_allocation`) summed against the team's quota. Nothing
// is sent until lib/team-plan.ts has found it valid; the server's refusals are shown in
// the words TeamClient gives them.
import { useSignal } from '@preact/signals';
import type { Plan, PlanRevision } from '../lib/metrics/plan';
import type { RepRow, TeamPlanAnswer } from '../lib/sync-client';
import { basePlan, draftOf, revisionOn, rosterOf, teamPlanWithRevision, type AllocationArgs, type DraftErrors, type QuotaDraft } from '../lib/team-plan';
import { formatCivilDate, formatMoney, numberLocale, type NumberLocale } from './PlanFields';
import { QuotaInputs, Saving, type SaveState } from './TeamPlanFields';
import { TeamPlanAllocations } from './TeamPlanAllocations';

export interface TeamPlanViewProps {
  answer: TeamPlanAnswer;
  /** The team's reps (from the team summary): reps without an allocation are listed too. */
  reps: readonly Pick<RepRow, 'rep' | 'repName' | 'territory'>[];
  /** The plan a new team plan starts from when the team has none yet (the manager's own). */
  fallback: Plan;
  /** Local date, YYYY-MM-DD: what "in force" means. */
  today: string;
  locale?: string;
  setTeamPlan(plan: Plan, effectiveFrom: string): Promise<unknown>;
  setAllocation(args: AllocationArgs): Promise<unknown>;
  /** Reads the team plan again after a save. */
  reload(): Promise<void>;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function TeamPlanView(p: TeamPlanViewProps) {
  const loc = numberLocale(p.locale);
  const base = basePlan(p.answer, p.fallback);
  const money = (n: number) => formatMoney(n, base.currency, p.locale);
  const roster = rosterOf(p.answer.allocations ?? [], p.reps);
  return (
    <>
      <TeamPlanInForce answer={p.answer} base={base} today={p.today} money={money} locale={p.locale} />
      <TeamRevisionForm base={base} today={p.today} loc={loc} save={p.setTeamPlan} reload={p.reload} hasPlan={!!p.answer.plan} />
      <TeamPlanAllocations
        roster={roster} teamAnnual={p.answer.plan ? base.annual : []} today={p.today} loc={loc} money={money}
        save={p.setAllocation} reload={p.reload}
      />
    </>
  );
}

function quarterText(rev: PlanRevision, money: (n: number) => string): string {
  return rev.quarterQuotas ? rev.quarterQuotas.map((q, i) => `Q${i + 1} ${money(q)}`).join(', ') : 'a quarter of the annual quota each';
}

function TeamPlanInForce({ answer, base, today, money, locale }: { answer: TeamPlanAnswer; base: Plan; today: string; money: (n: number) => string; locale?: string }) {
  const inForce = answer.plan ? revisionOn(base.annual, today) ?? null : null;
  const revisions = answer.planRevisions ?? [];
  return (
    <section class="card" aria-labelledby="tp-in-force">
      <h2 id="tp-in-force">Team plan in force</h2>
      {!answer.plan ? (
        <p data-testid="team-plan-none">Your team has no plan yet. Set the team's annual quota below; reps without an allocation then use the team's plan.</p>
      ) : !inForce ? (
        <p data-testid="team-plan-none">The team's plan has no quota in force today (its first revision starts later).</p>
      ) : (
        <dl class="tp-facts" data-testid="team-plan-in-force">
          <dt>Annual team quota</dt><dd data-testid="team-quota">{money(inForce.annualQuota)}</dd>
          <dt>Quarters</dt><dd>{quarterText(inForce, money)}</dd>
          <dt>In force since</dt><dd>{formatCivilDate(inForce.effectiveFrom, locale)}</dd>
          <dt>Currency</dt><dd>{base.currency}</dd>
        </dl>
      )}
      {answer.plan && base.annual.length > 0 && (
        <table data-testid="team-quota-history">
          <caption>Team quota revisions</caption>
          <thead><tr><th scope="col">From</th><th scope="col" class="num">Annual quota</th><th scope="col">Quarters</th></tr></thead>
          <tbody>
            {[...base.annual].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).map(r => (
              <tr key={r.effectiveFrom} aria-current={r === inForce ? 'true' : undefined}>
                <td>{r.effectiveFrom}{r === inForce ? ' (in force)' : ''}</td><td class="num">{money(r.annualQuota)}</td><td>{quarterText(r, money)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revisions.length > 0 && (
        <table data-testid="team-plan-revisions">
          <caption>Saved revisions of the team plan (none is ever overwritten)</caption>
          <thead><tr><th scope="col" class="num">#</th><th scope="col">Effective from</th><th scope="col">Saved</th><th scope="col">By</th></tr></thead>
          <tbody>
            {[...revisions].reverse().map(r => (
              <tr key={r.revision} data-revision={r.revision}>
                <td class="num">{r.revision}</td><td>{r.effective_from}</td>
                <td>{new Date(r.set_at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</td><td>{r.set_by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TeamRevisionForm({ base, today, loc, save, reload, hasPlan }: {
  base: Plan; today: string; loc: NumberLocale; hasPlan: boolean;
  save: (plan: Plan, effectiveFrom: string) => Promise<unknown>; reload: () => Promise<void>;
}) {
  const draft = useSignal<QuotaDraft>(draftOf(hasPlan ? revisionOn(base.annual, today) : null, today, n => loc.format(n)));
  const errors = useSignal<DraftErrors>({});
  const state = useSignal<SaveState>({ kind: 'idle' });

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const check = teamPlanWithRevision(base, draft.value, loc.parse);
    if (!check.ok) {
      errors.value = check.errors;
      state.value = { kind: 'invalid', message: 'Not saved: correct the fields marked below.' };
      // The keyboard lands on the first field to correct, once it is marked.
      setTimeout(() => form.querySelector<HTMLInputElement>('input[aria-invalid=true]')?.focus(), 0);
      return;
    }
    errors.value = {};
    state.value = { kind: 'saving' };
    try {
      await save(check.plan, check.effectiveFrom);
      state.value = { kind: 'saved', message: `Saved: the team's quota from ${check.effectiveFrom} is ${loc.format(check.plan.annual.find(r => r.effectiveFrom === check.effectiveFrom)!.annualQuota)} ${base.currency}.` };
      await reload();
    } catch (error) {
      state.value = { kind: 'error', message: `Not saved: ${errorText(error)}` };
    }
  };

  return (
    <section class="card" aria-labelledby="tp-new">
      <h2 id="tp-new">New team quota revision</h2>
      <p class="muted">The annual team quota and its quarterly split from a date on. The rest of the team's plan (targets, stages, commission) stays as it is; earlier revisions are kept.</p>
      <form onSubmit={submit} noValidate aria-labelledby="tp-new" data-testid="team-revision-form">
        <QuotaInputs idPrefix="tp-team" who="team" draft={draft.value} errors={errors.value} currency={base.currency} example={loc.example}
          onDraft={change => (draft.value = change(draft.value))} />
        <p><button type="submit" disabled={state.value.kind === 'saving'}>Save team plan</button></p>
        <Saving state={state.value} />
      </form>
    </section>
  );
}
