// Each rep's share of the team's quota and the territory they belong to, from a chosen
// date, with the allocations in force then added up against the team's quota.
import { useSignal } from '@preact/signals';
import { t } from '../lib/i18n';
import type { PlanRevision } from '../lib/metrics/plan';
import {
  allocationSum, allocationSumText, checkAllocation, draftOf, revisionOn, TERRITORY_MAX,
  type AllocationArgs, type DraftErrors, type QuotaDraft, type RosterRep,
} from '../lib/team-plan';
import type { NumberLocale } from './PlanFields';
import { LabelledInput, Saving, type SaveState } from './TeamPlanFields';

export interface TeamPlanAllocationsProps {
  roster: RosterRep[];
  /** The team quota's revisions; empty without a team plan. */
  teamAnnual: PlanRevision[];
  today: string;
  loc: NumberLocale;
  money(n: number): string;
  save(args: AllocationArgs): Promise<unknown>;
  reload(): Promise<void>;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function TeamPlanAllocations(p: TeamPlanAllocationsProps) {
  const from = useSignal(p.today);
  const sumDate = /^\d{4}-\d{2}-\d{2}$/.test(from.value) ? from.value : p.today;
  const sum = allocationSum(p.teamAnnual, p.roster, sumDate);
  const territories = [...new Set(p.roster.map(r => r.territory).filter((t): t is string => !!t))].sort();
  return (
    <section class="card" aria-labelledby="tp-alloc">
      <h2 id="tp-alloc">{t('teamPlanAllocTitle')}</h2>
      <LabelledInput id="tp-alloc-from" label={t('teamPlanAllocFrom')} type="date" value={from.value} onInput={v => (from.value = v)} />
      <p data-testid="allocation-sum" class={`tp-sum ${sum.status === 'over' || sum.status === 'under' ? 'warn' : ''}`} aria-live="polite">
        {t('teamPlanSumOn', [sumDate, allocationSumText(sum, p.money)])}
      </p>
      {p.roster.length === 0 ? (
        <p class="muted">{t('teamPlanNoReps')}</p>
      ) : (
        <div class="tp-scroll">
          <table class="tp-alloc" data-testid="allocations">
            <caption>{t('teamPlanAllocCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teamColRep')}</th><th scope="col" class="num">{t('teamPlanColInForce')}</th><th scope="col">{t('teamColTerritory')}</th><th scope="col">{t('teamPlanColAnnualQuota')}</th>
                {[1, 2, 3, 4].map(q => <th key={q} scope="col">{t('teamPlanColQuarter', q)}</th>)}
                <th scope="col"><span class="sr-only">{t('teamPlanSave')}</span></th>
              </tr>
            </thead>
            <tbody>
              {p.roster.map(r => <AllocationRow key={r.rep} rep={r} from={from.value} {...p} />)}
            </tbody>
          </table>
          <datalist id="tp-territories">{territories.map(t => <option key={t} value={t} />)}</datalist>
        </div>
      )}
    </section>
  );
}

function AllocationRow({ rep, from, today, loc, money, save, reload }: { rep: RosterRep; from: string } & TeamPlanAllocationsProps) {
  const name = rep.repName ?? rep.rep;
  const inForce = revisionOn(rep.annual, today);
  const draft = useSignal<Omit<QuotaDraft, 'effectiveFrom'>>(draftOf(inForce, '', n => loc.format(n)));
  const territory = useSignal(rep.territory ?? '');
  const errors = useSignal<DraftErrors>({});
  const state = useSignal<SaveState>({ kind: 'idle' });
  const id = `tp-${rep.rep.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const msgId = `${id}-message`;
  const fieldError = (k: keyof DraftErrors) => (errors.value[k] ? `${id}-${k}-error` : undefined);

  const submit = async () => {
    const check = checkAllocation(rep.rep, { ...draft.value, effectiveFrom: from }, territory.value, loc.parse, rep.annual);
    if (!check.ok) {
      errors.value = check.errors;
      state.value = { kind: 'invalid', message: t('teamPlanNotSavedFor', name) };
      return;
    }
    errors.value = {};
    state.value = { kind: 'saving' };
    try {
      await save(check.args);
      const { effective_from: from, annual_quota: quota, territory: where } = check.args;
      state.value = { kind: 'saved', message: where ? t('teamPlanSavedAllocationIn', [name, from, money(quota), where]) : t('teamPlanSavedAllocation', [name, from, money(quota)]) };
      await reload();
    } catch (error) {
      state.value = { kind: 'error', message: t('teamPlanNotSavedForError', [name, errorText(error)]) };
    }
  };
  const onKey = (e: KeyboardEvent) => {
    // Enter in any of the row's inputs saves that row, as it would in a form.
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') (e.preventDefault(), void submit());
  };
  const quarterErrorId = fieldError('quarters');
  return (
    <>
      <tr data-rep={rep.rep} onKeyDown={onKey}>
        <th scope="row">{name}</th>
        <td class="num" data-col="in-force">{inForce ? money(inForce.annualQuota) : '—'}</td>
        <td>
          <LabelledInput id={`${id}-territory`} hiddenLabel label={t('teamPlanTerritoryFor', name)} value={territory.value} list="tp-territories" maxLength={TERRITORY_MAX + 20}
            describedBy={fieldError('territory')} onInput={v => (territory.value = v)} />
        </td>
        <td>
          <LabelledInput id={`${id}-annual`} hiddenLabel numeric label={t('teamPlanAnnualQuotaFor', name)} value={draft.value.annual}
            describedBy={fieldError('annual')} onInput={v => (draft.value = { ...draft.value, annual: v })} />
        </td>
        {draft.value.quarters.map((q, i) => (
          <td key={i}>
            <LabelledInput id={`${id}-q${i + 1}`} hiddenLabel numeric label={t('teamPlanQuarterQuotaFor', [i + 1, name])} value={q} describedBy={quarterErrorId}
              onInput={v => (draft.value = { ...draft.value, quarters: draft.value.quarters.map((x, k) => (k === i ? v : x)) as QuotaDraft['quarters'] })} />
          </td>
        ))}
        <td>
          <button type="button" class="secondary" disabled={state.value.kind === 'saving'} onClick={() => void submit()}
            aria-describedby={state.value.kind === 'idle' ? undefined : msgId}>
            {t('teamPlanSave')}<span class="sr-only"> {t('teamPlanAllocationFor', name)}</span>
          </button>
        </td>
      </tr>
      {(state.value.kind !== 'idle' || Object.keys(errors.value).length > 0) && (
        <tr class="tp-row-message" data-message-for={rep.rep}>
          <td colSpan={9} id={msgId}>
            {(['effectiveFrom', 'territory', 'annual', 'quarters'] as const).map(k =>
              errors.value[k] ? <span key={k} class="field-error" id={k === 'effectiveFrom' ? undefined : `${id}-${k}-error`}>{k === 'effectiveFrom' ? t('teamPlanDateError', errors.value[k]!) : errors.value[k]}</span> : null,
            )}
            <Saving state={state.value} />
          </td>
        </tr>
      )}
    </>
  );
}
