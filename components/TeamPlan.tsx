// The manager's "Team plan" page (issue #7, item 6): the team plan in force and its
// revisions, a form for a new team quota revision (`set_team_plan`), and each rep's
// allocation and territory (`set_allocation`) summed against the team's quota. Nothing
// is sent until lib/team-plan.ts has found it valid; the server's refusals are shown in
// the words TeamClient gives them.
import { useSignal } from '@preact/signals';
import { t, uiLocale } from '../lib/i18n';
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
  return rev.quarterQuotas ? rev.quarterQuotas.map((q, i) => t('teamPlanQuarterMoney', [i + 1, money(q)])).join(', ') : t('teamPlanQuarterEach');
}

function TeamPlanInForce({ answer, base, today, money, locale }: { answer: TeamPlanAnswer; base: Plan; today: string; money: (n: number) => string; locale?: string }) {
  const inForce = answer.plan ? revisionOn(base.annual, today) ?? null : null;
  const revisions = answer.planRevisions ?? [];
  return (
    <section class="card" aria-labelledby="tp-in-force">
      <h2 id="tp-in-force">{t('teamPlanInForceTitle')}</h2>
      {!answer.plan ? (
        <p data-testid="team-plan-none">{t('teamPlanNone')}</p>
      ) : !inForce ? (
        <p data-testid="team-plan-none">{t('teamPlanNoneToday')}</p>
      ) : (
        <dl class="tp-facts" data-testid="team-plan-in-force">
          <dt>{t('teamPlanAnnualTeamQuota')}</dt><dd data-testid="team-quota">{money(inForce.annualQuota)}</dd>
          <dt>{t('teamPlanQuarters')}</dt><dd>{quarterText(inForce, money)}</dd>
          <dt>{t('teamPlanInForceSince')}</dt><dd>{formatCivilDate(inForce.effectiveFrom, locale)}</dd>
          <dt>{t('teamPlanCurrency')}</dt><dd>{base.currency}</dd>
        </dl>
      )}
      {answer.plan && base.annual.length > 0 && (
        <table data-testid="team-quota-history">
          <caption>{t('teamPlanQuotaRevisionsCaption')}</caption>
          <thead><tr><th scope="col">{t('teamPlanColFrom')}</th><th scope="col" class="num">{t('teamPlanColAnnualQuota')}</th><th scope="col">{t('teamPlanQuarters')}</th></tr></thead>
          <tbody>
            {[...base.annual].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).map(r => (
              <tr key={r.effectiveFrom} aria-current={r === inForce ? 'true' : undefined}>
                <td>{r === inForce ? t('teamPlanDateInForce', r.effectiveFrom) : r.effectiveFrom}</td><td class="num">{money(r.annualQuota)}</td><td>{quarterText(r, money)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revisions.length > 0 && (
        <table data-testid="team-plan-revisions">
          <caption>{t('teamPlanSavedRevisionsCaption')}</caption>
          <thead><tr><th scope="col" class="num">#</th><th scope="col">{t('teamPlanColEffectiveFrom')}</th><th scope="col">{t('teamPlanColSaved')}</th><th scope="col">{t('teamPlanColBy')}</th></tr></thead>
          <tbody>
            {[...revisions].reverse().map(r => (
              <tr key={r.revision} data-revision={r.revision}>
                <td class="num">{r.revision}</td><td>{r.effective_from}</td>
                <td>{new Date(r.set_at).toLocaleString(locale ?? uiLocale(), { dateStyle: 'medium', timeStyle: 'short' })}</td><td>{r.set_by}</td>
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
      state.value = { kind: 'invalid', message: t('teamPlanNotSavedMarked') };
      // The keyboard lands on the first field to correct, once it is marked.
      setTimeout(() => form.querySelector<HTMLInputElement>('input[aria-invalid=true]')?.focus(), 0);
      return;
    }
    errors.value = {};
    state.value = { kind: 'saving' };
    try {
      await save(check.plan, check.effectiveFrom);
      const quota = check.plan.annual.find(r => r.effectiveFrom === check.effectiveFrom)!.annualQuota;
      state.value = { kind: 'saved', message: t('teamPlanSavedTeamQuota', [check.effectiveFrom, loc.format(quota), base.currency]) };
      await reload();
    } catch (error) {
      state.value = { kind: 'error', message: t('teamNotSaved', errorText(error)) };
    }
  };

  return (
    <section class="card" aria-labelledby="tp-new">
      <h2 id="tp-new">{t('teamPlanNewRevision')}</h2>
      <p class="muted">{t('teamPlanNewRevisionHelp')}</p>
      <form onSubmit={submit} noValidate aria-labelledby="tp-new" data-testid="team-revision-form">
        <QuotaInputs idPrefix="tp-team" annualLabel={t('teamPlanAnnualQuotaIn', base.currency)} draft={draft.value} errors={errors.value} example={loc.example}
          onDraft={change => (draft.value = change(draft.value))} />
        <p><button type="submit" disabled={state.value.kind === 'saving'}>{t('teamPlanSaveTeamPlan')}</button></p>
        <Saving state={state.value} />
      </form>
    </section>
  );
}
