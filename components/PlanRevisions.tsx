// The annual plan and its quarterly updates: every revision kept with the date it took
// effect; once saved and in the past it is history, shown but no longer editable.
import { t } from '../lib/i18n';
import { isCivilDate } from '../lib/metrics/periods';
import {
  FieldMessage, NumberField, Field, fieldId, formatCivilDate, formatMoney, rowKey, todayIn, useFieldErrors,
  type NumberLocale, type PlanDraft, type Quarters, type RevisionDraft,
} from './PlanFields';

export interface SectionProps {
  draft: PlanDraft;
  set: (update: (draft: PlanDraft) => PlanDraft) => void;
  loc: NumberLocale;
  /** Moves the keyboard to the element with this id once it is rendered. */
  focusLater: (id: string) => void;
}

/** The saved revision governing today: the latest effective on or before it, else the first. */
function inForce(annual: readonly RevisionDraft[], today: string): RevisionDraft | undefined {
  const dated = annual.filter(r => isCivilDate(r.effectiveFrom)).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  return dated.filter(r => r.effectiveFrom <= today).at(-1) ?? dated[0];
}

export function PlanRevisions({ draft, set, loc, focusLater }: SectionProps) {
  const today = todayIn(draft.timeZone);
  // Among saved revisions: an update not saved yet governs nothing.
  const current = inForce(draft.annual.filter(r => r.original), today);
  const currency = draft.currency.trim().toUpperCase() || draft.base.currency;
  const history = draft.annual.filter(r => r.locked).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const editable = draft.annual.map((r, i) => [r, i] as const).filter(([r]) => !r.locked);
  const money = (text: string) => {
    const v = loc.parse(text);
    return v === undefined || Number.isNaN(v) ? text : formatMoney(v, currency, loc.locale);
  };

  const update = (i: number, patch: Partial<RevisionDraft>) =>
    set(d => ({ ...d, annual: d.annual.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const add = () => {
    const latest = [...draft.annual].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
    const i = draft.annual.length;
    set(d => ({
      ...d,
      annual: [...d.annual, {
        key: rowKey(), effectiveFrom: today, annualQuota: latest?.annualQuota ?? '', quarters: [...(latest?.quarters ?? ['', '', '', ''])] as Quarters, note: '', locked: false,
      }],
    }));
    focusLater(fieldId(`annual[${i}].effectiveFrom`));
  };
  const remove = (i: number) => {
    set(d => ({ ...d, annual: d.annual.filter((_, j) => j !== i) }));
    focusLater('plan-annual-add');
  };

  return (
    <fieldset>
      <legend>{t('plan_revisions_legend')}</legend>
      <p class="hint">{t('plan_revisions_hint')}</p>
      {history.length > 0 && (
        <table class="plan-history">
          <caption>{t('plan_revisions_earlier')}</caption>
          <thead>
            <tr><th scope="col">{t('plan_revisions_in_force_from')}</th><th scope="col" class="num">{t('plan_revisions_annual_quota')}</th><th scope="col">{t('plan_revisions_quarters')}</th><th scope="col">{t('plan_revisions_status')}</th></tr>
          </thead>
          <tbody>
            {history.map(r => (
              <tr key={r.key} data-testid="plan-history-row">
                <th scope="row">{formatCivilDate(r.effectiveFrom, loc.locale)}</th>
                <td class="num">{money(r.annualQuota)}</td>
                <td>{r.quarters.every(q => q === '') ? <span class="muted">{t('plan_revisions_even_split')}</span> : r.quarters.map(money).join(' · ')}{r.note && <span class="muted"> — {r.note}</span>}</td>
                <td>{r === current ? <strong>{t('plan_revisions_in_force')}</strong> : <span class="muted">{t('plan_revisions_superseded')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable.map(([r, i]) => {
        const at = `annual[${i}]`;
        const title = r.effectiveFrom && isCivilDate(r.effectiveFrom) ? formatCivilDate(r.effectiveFrom, loc.locale) : t('plan_revisions_no_date');
        const annualPlan = i === 0 && history.length === 0;
        const status = !r.original ? t('plan_revisions_not_saved') : r === current ? t('plan_revisions_in_force') : r.effectiveFrom > today ? t('plan_revisions_scheduled') : '';
        const context = t(annualPlan ? 'plan_revisions_annual_from' : 'plan_revisions_update_from', title);
        return (
          <fieldset key={r.key} class="revision" data-context={context} data-testid="plan-revision">
            <legend>{context}{status && <span class="muted"> ({status})</span>}</legend>
            <div class="row">
              <Field k={`${at}.effectiveFrom`} type="date" label={t('plan_revisions_in_force_from')} value={r.effectiveFrom} onInput={v => update(i, { effectiveFrom: v })} />
              <NumberField k={`${at}.annualQuota`} label={t('plan_revisions_annual_quota_label', currency)} loc={loc} digits={2} value={r.annualQuota} onInput={v => update(i, { annualQuota: v })} />
              {draft.annual.length > 1 && (
                <button type="button" class="secondary" onClick={() => remove(i)}>{t('plan_revisions_remove')}<span class="sr-only"> {t(annualPlan ? 'plan_revisions_remove_annual' : 'plan_revisions_remove_update', title)}</span></button>
              )}
            </div>
            <QuarterQuotas at={at} r={r} loc={loc} currency={currency} onInput={(k, v) => set(d => ({
              ...d, annual: d.annual.map((x, j) => (j === i ? { ...x, quarters: x.quarters.map((q, n) => (n === k ? v : q)) as Quarters } : x)),
            }))} />
            <Field k={`${at}.note`} label={t('plan_revisions_note')} value={r.note} onInput={v => update(i, { note: v })} class="wide" />
          </fieldset>
        );
      })}
      <p><button type="button" class="secondary" id="plan-annual-add" onClick={add}>{t('plan_revisions_add')}</button></p>
    </fieldset>
  );
}

function QuarterQuotas({ at, r, loc, currency, onInput }: { at: string; r: RevisionDraft; loc: NumberLocale; currency: string; onInput: (k: number, v: string) => void }) {
  const group = `${at}.quarterQuotas`;
  const { describedBy } = useFieldErrors(group);
  const annual = loc.parse(r.annualQuota);
  const even = annual === undefined || Number.isNaN(annual) || annual < 0 ? '' : loc.format(annual / 4, 2);
  const hintId = `${fieldId(group)}-hint`;
  return (
    <fieldset class="quarters" aria-describedby={[...describedBy, hintId].join(' ')}>
      <legend>{t('plan_quarters_legend', currency)}</legend>
      <p class="hint" id={hintId}>{even ? t('plan_quarters_hint_even', even) : t('plan_quarters_hint')}</p>
      <div class="quarter-grid">
        {r.quarters.map((q, k) => (
          <NumberField key={k} k={`${group}[${k}]`} label={t('plan_quarter_short', k + 1)} loc={loc} digits={2} value={q} groupKeys={[group]}
            onInput={v => onInput(k, v)} />
        ))}
      </div>
      {r.quarters.map((_, k) => <FieldMessage key={k} k={`${group}[${k}]`} label={t('plan_quarter_quota', k + 1)} />)}
      <FieldMessage k={group} label={t('plan_quarters')} />
    </fieldset>
  );
}
