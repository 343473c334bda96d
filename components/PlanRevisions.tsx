// The annual plan and its quarterly updates: every revision kept with the date it took
// effect; once saved and in the past it is history, shown but no longer editable.
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
      <legend>Annual plan and quarterly updates</legend>
      <p class="hint">Each update is kept with the date it takes effect: attainment on any day is measured against the plan in force then. Once in force before today they are history and cannot be changed (except on the day you enter them): add a new update instead.</p>
      {history.length > 0 && (
        <table class="plan-history">
          <caption>Earlier revisions</caption>
          <thead>
            <tr><th scope="col">In force from</th><th scope="col" class="num">Annual quota</th><th scope="col">Quarters (Q1 to Q4)</th><th scope="col">Status</th></tr>
          </thead>
          <tbody>
            {history.map(r => (
              <tr key={r.key} data-testid="plan-history-row">
                <th scope="row">{formatCivilDate(r.effectiveFrom, loc.locale)}</th>
                <td class="num">{money(r.annualQuota)}</td>
                <td>{r.quarters.every(q => q === '') ? <span class="muted">a quarter each</span> : r.quarters.map(money).join(' · ')}{r.note && <span class="muted"> — {r.note}</span>}</td>
                <td>{r === current ? <strong>in force</strong> : <span class="muted">superseded</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable.map(([r, i]) => {
        const at = `annual[${i}]`;
        const title = r.effectiveFrom && isCivilDate(r.effectiveFrom) ? formatCivilDate(r.effectiveFrom, loc.locale) : 'a date to set';
        const kind = i === 0 && history.length === 0 ? 'Annual plan' : 'Quarterly update';
        const status = !r.original ? 'not saved yet' : r === current ? 'in force' : r.effectiveFrom > today ? 'scheduled' : '';
        const context = `${kind} from ${title}`;
        return (
          <fieldset key={r.key} class="revision" data-context={context} data-testid="plan-revision">
            <legend>{context}{status && <span class="muted"> ({status})</span>}</legend>
            <div class="row">
              <Field k={`${at}.effectiveFrom`} type="date" label="In force from" value={r.effectiveFrom} onInput={v => update(i, { effectiveFrom: v })} />
              <NumberField k={`${at}.annualQuota`} label={`Annual quota (${currency})`} loc={loc} digits={2} value={r.annualQuota} onInput={v => update(i, { annualQuota: v })} />
              {draft.annual.length > 1 && (
                <button type="button" class="secondary" onClick={() => remove(i)}>Remove<span class="sr-only"> the {context.toLowerCase()}</span></button>
              )}
            </div>
            <QuarterQuotas at={at} r={r} loc={loc} currency={currency} onInput={(k, v) => set(d => ({
              ...d, annual: d.annual.map((x, j) => (j === i ? { ...x, quarters: x.quarters.map((q, n) => (n === k ? v : q)) as Quarters } : x)),
            }))} />
            <Field k={`${at}.note`} label="Note (optional)" value={r.note} onInput={v => update(i, { note: v })} class="wide" />
          </fieldset>
        );
      })}
      <p><button type="button" class="secondary" id="plan-annual-add" onClick={add}>Add a quarterly update</button></p>
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
      <legend>Quarter quotas ({currency}, optional)</legend>
      <p class="hint" id={hintId}>Leave all four empty for an even split{even && `: ${even} each`}. Filled in, they must add up to the annual quota.</p>
      <div class="quarter-grid">
        {r.quarters.map((q, k) => (
          <NumberField key={k} k={`${group}[${k}]`} label={`Q${k + 1}`} loc={loc} digits={2} value={q} groupKeys={[group]}
            onInput={v => onInput(k, v)} />
        ))}
      </div>
      {r.quarters.map((_, k) => <FieldMessage key={k} k={`${group}[${k}]`} label={`Q${k + 1} quota`} />)}
      <FieldMessage k={group} label="Quarter quotas" />
    </fieldset>
  );
}
