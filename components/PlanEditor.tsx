// "Plan and targets" in the options page (issue #5): the whole Plan of lib/metrics/plan.ts
// in one form. Save checks it with validatePlan; every error is shown beside its field and
// listed at the top, and nothing is stored until the plan is valid.
import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { planSettings } from '../lib/settings';
import { PlanCommission } from './PlanCommission';
import {
  Field, FieldMessage, NumberField, PlanErrors, SelectField, TextAreaField, checkDraft, fieldId, focusId, monthName, numberLocale,
  rowKey, toDraft, todayIn, weekdayName, type FieldError, type PlanDraft,
} from './PlanFields';
import { PlanPipeline, PlanTargets } from './PlanPipeline';
import { PlanRevisions, type SectionProps } from './PlanRevisions';

export interface PlanEditorProps {
  /** Currencies of the rep's deals: each needs a rate unless it is the plan's. */
  currenciesInUse?: readonly string[];
  /** The browser's locale unless given (tests). */
  locale?: string;
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; text: string };
interface SummaryItem extends FieldError { label: string }

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const supported = (key: 'timeZone' | 'currency'): string[] => {
  try {
    return Intl.supportedValuesOf(key);
  } catch {
    return [];
  }
};

export function PlanEditor({ currenciesInUse = [], locale }: PlanEditorProps) {
  const loc = useMemo(() => numberLocale(locale), [locale]);
  const draft = useSignal<PlanDraft | null>(null);
  const errors = useSignal<SummaryItem[]>([]);
  const status = useSignal<Status>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const enteredOn = useRef<Record<string, string>>({});
  /** Dates of the revisions in storage: a revision saved before without an entry date stays history. */
  const storedDates = useRef<ReadonlySet<string>>(new Set());

  useEffect(() => {
    Promise.all([planSettings.getValue(), planSettings.getMeta()]).then(
      ([plan, meta]) => {
        // getValue hands back the fallback object itself when nothing is stored yet.
        const stored = plan !== planSettings.fallback;
        enteredOn.current = { ...meta.enteredOn };
        storedDates.current = new Set(stored ? plan.annual.map(r => r.effectiveFrom) : []);
        draft.value = toDraft(plan, loc, { stored, enteredOn: enteredOn.current });
      },
      (error: unknown) => (status.value = { kind: 'error', text: t('plan_read_failed', String(error)) }),
    );
  }, []);
  // Layout effect: focus moves in the same frame as the render that made its target.
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    (id === 'summary' ? summary.current : document.getElementById(id))?.focus();
  });

  const errorMap = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const e of errors.value) m.set(e.key, [...(m.get(e.key) ?? []), e.message]);
    return m;
  }, [errors.value]);

  if (!draft.value) {
    return status.value.kind === 'error' ? <p role="alert" class="error">{status.value.text}</p> : <p class="muted">{t('plan_loading')}</p>;
  }
  const d = draft.value;
  const set = (update: (d: PlanDraft) => PlanDraft) => {
    draft.value = update(draft.value!);
    status.value = { kind: 'idle' };
  };
  const focusLater = (id: string) => {
    pendingFocus.current = id;
    // Rows moved: messages about the old rows would point at the wrong ones.
    errors.value = [];
  };
  const sectionProps: SectionProps = { draft: d, set, loc, focusLater };

  const save = async (e: Event) => {
    e.preventDefault();
    // The draft as typed, even if no render came between the last keystroke and Enter.
    const check = checkDraft(draft.value!, loc, currenciesInUse);
    if (!check.ok) {
      errors.value = summarize(check.errors, form.current!);
      status.value = { kind: 'idle' };
      pendingFocus.current = 'summary';
      return;
    }
    const today = todayIn(check.plan.timeZone);
    const entered: Record<string, string> = {};
    for (const { effectiveFrom: date } of check.plan.annual) {
      const on = enteredOn.current[date] ?? (storedDates.current.has(date) ? undefined : today);
      if (on) entered[date] = on;
    }
    try {
      await planSettings.setValue(check.plan);
      await planSettings.setMeta({ enteredOn: entered });
      enteredOn.current = entered;
      storedDates.current = new Set(check.plan.annual.map(r => r.effectiveFrom));
      draft.value = toDraft(check.plan, loc, { stored: true, enteredOn: entered });
      errors.value = [];
      status.value = { kind: 'saved' };
    } catch (error) {
      status.value = { kind: 'error', text: t('plan_save_failed', String(error)) };
    }
  };

  return (
    <PlanErrors.Provider value={errorMap}>
      <style>{CSS}</style>
      <form class="plan-editor" ref={form} onSubmit={save} noValidate>
        {errors.value.length > 0 && (
          <div class="plan-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="plan-summary-title">
            <p id="plan-summary-title"><strong>{errors.value.length === 1 ? t('plan_problems_one') : t('plan_problems_other', loc.format(errors.value.length))}</strong></p>
            <ul>
              {errors.value.map(e => (
                <li key={`${e.key}:${e.message}`}>
                  <a href={`#${focusId(e.key)}`} onClick={ev => { ev.preventDefault(); document.getElementById(focusId(e.key))?.focus(); }}>
                    {e.label}: {e.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <PlanCalendar {...sectionProps} />
        <PlanCurrency {...sectionProps} currenciesInUse={currenciesInUse} />
        <PlanRevisions {...sectionProps} />
        <PlanTargets {...sectionProps} />
        <PlanPipeline {...sectionProps} />
        <PlanCommission {...sectionProps} />
        <p class="plan-actions">
          <button type="submit">{t('plan_save')}</button>
          <span role="status" class={status.value.kind === 'error' ? 'error' : 'ok'}>
            {status.value.kind === 'saved' ? t('plan_saved') : status.value.kind === 'error' ? status.value.text : ''}
          </span>
        </p>
      </form>
    </PlanErrors.Provider>
  );
}

/** Names each error after its field as the page labels it, in the order of the page. */
function summarize(errors: FieldError[], form: HTMLFormElement): SummaryItem[] {
  const order = new Map([...form.querySelectorAll('[id]')].map((el, i) => [el.id, i]));
  const position = (key: string) => order.get(focusId(key)) ?? order.get(key.startsWith('rates.missing.') ? 'plan-rates-add' : '') ?? Infinity;
  const label = (key: string) => {
    if (key.startsWith('rates.missing.')) return t('plan_missing_rate_label', key.slice('rates.missing.'.length));
    if (/\.quarterQuotas$/.test(key)) return t('plan_quarters');
    const input = form.querySelector(`#${focusId(key)}`);
    const text = form.querySelector(`label[for="${focusId(key)}"]`)?.textContent ?? input?.getAttribute('aria-label') ?? key;
    return text;
  };
  const context = (key: string) => form.querySelector(`#${focusId(key)}`)?.closest('[data-context]')?.getAttribute('data-context');
  return errors
    .map(e => {
      const where = context(e.key);
      return { ...e, label: where ? `${label(e.key)} (${where})` : label(e.key) };
    })
    .sort((a, b) => position(a.key) - position(b.key));
}

function PlanCalendar({ draft, set, loc }: SectionProps) {
  const patch = (p: Partial<PlanDraft>) => set(d => ({ ...d, ...p }));
  const month = Number(draft.fiscalYearStartMonth);
  // The same vnode every render, so Preact skips the ~400 options on each keystroke.
  const zones = useMemo(() => <datalist id="plan-time-zones">{supported('timeZone').map(z => <option key={z} value={z} />)}</datalist>, []);
  return (
    <fieldset>
      <legend>{t('plan_calendar_legend')}</legend>
      <div class="row">
        <Field k="fiscalYearStartMonth" label={t('plan_fiscal_month')} inputMode="numeric" maxLength={2} class="short"
          hint={Number.isInteger(month) && month >= 1 && month <= 12 ? monthName(month, loc.locale) : t('plan_fiscal_month_hint')}
          value={draft.fiscalYearStartMonth} onInput={v => patch({ fiscalYearStartMonth: v })} />
        <SelectField k="weekStartsOn" label={t('plan_week_start')} value={draft.weekStartsOn} onChange={v => patch({ weekStartsOn: v })}
          options={[1, 2, 3, 4, 5, 6, 0].map(n => [String(n), weekdayName(n, loc.locale)] as const)} />
      </div>
      <Field k="timeZone" label={t('plan_time_zone')} list="plan-time-zones" value={draft.timeZone}
        hint={t('plan_time_zone_hint', browserTimeZone())} onInput={v => patch({ timeZone: v })} />
      {zones}
      <TextAreaField k="holidays" label={t('plan_holidays')} rows={3} value={draft.holidays}
        hint={t('plan_holidays_hint')} onInput={v => patch({ holidays: v })} />
    </fieldset>
  );
}

function PlanCurrency({ draft, set, loc, focusLater, currenciesInUse }: SectionProps & { currenciesInUse: readonly string[] }) {
  const currency = draft.currency.trim().toUpperCase();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames(loc.locale ? [loc.locale] : undefined, { type: 'currency' });
    } catch {
      return null;
    }
  }, [loc]);
  const name = (code: string) => {
    try {
      return /^[A-Z]{3}$/.test(code) ? names?.of(code) : undefined;
    } catch {
      return undefined;
    }
  };
  const currencyList = useMemo(
    () => <datalist id="plan-currencies">{supported('currency').map(c => <option key={c} value={c}>{name(c)}</option>)}</datalist>,
    [names],
  );
  const rows = draft.rates;
  const patchRow = (i: number, p: Partial<PlanDraft['rates'][number]>) => set(d => ({ ...d, rates: d.rates.map((r, j) => (j === i ? { ...r, ...p } : r)) }));
  const addRow = (code = '') => {
    set(d => ({ ...d, rates: [...d.rates, { key: rowKey(), code, rate: '' }] }));
    focusLater(fieldId(`rates[${rows.length}].${code ? 'rate' : 'code'}`));
  };
  const removeRow = (i: number) => {
    set(d => ({ ...d, rates: d.rates.filter((_, j) => j !== i) }));
    focusLater('plan-rates-add');
  };
  const others = [...new Set(currenciesInUse)].filter(c => c !== currency);
  return (
    <fieldset>
      <legend>{t('plan_currency_legend')}</legend>
      <Field k="currency" label={t('plan_currency')} maxLength={3} class="short" list="plan-currencies" value={draft.currency}
        hint={name(currency) ?? t('plan_currency_hint')} onInput={v => set(x => ({ ...x, currency: v.toUpperCase() }))} />
      {currencyList}
      <p class="hint">
        {t('plan_currency_explain', currency || t('plan_currency_the_plan'))}
        {others.length > 0 && ` ${t('plan_currency_deals_use', others.join(', '))}`}
      </p>
      {rows.length > 0 && (
        <div class="table-scroll">
          <table class="plan-table rates">
            <thead>
              <tr><th scope="col">{t('plan_rates_currency')}</th><th scope="col" class="num">{t('plan_rates_worth', currency || '…')}</th><th scope="col"><span class="sr-only">{t('plan_rates_actions')}</span></th></tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const code = r.code.trim().toUpperCase();
                return (
                  <tr key={r.key}>
                    <td><Field k={`rates[${i}].code`} hiddenLabel label={t('plan_rates_code_label', i + 1)} maxLength={3} list="plan-currencies" class="short"
                      value={r.code} onInput={v => patchRow(i, { code: v.toUpperCase() })} /></td>
                    <td><NumberField k={`rates[${i}].rate`} hiddenLabel label={t('plan_rates_rate_label', [code || t('plan_rates_unit'), currency || t('plan_currency_the_plan')])} loc={loc}
                      value={r.rate} onInput={v => patchRow(i, { rate: v })} /></td>
                    <td><button type="button" class="secondary" onClick={() => removeRow(i)}>{t('plan_rates_remove')}<span class="sr-only"> {t('plan_rates_remove_which', code || t('plan_rates_empty'))}</span></button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {others.map(c => (
        <MissingRate key={c} code={c} onAdd={() => addRow(c)} />
      ))}
      <p><button type="button" class="secondary" id="plan-rates-add" onClick={() => addRow()}>{t('plan_rates_add')}</button></p>
    </fieldset>
  );
}

/** A currency of the rep's deals with no rate: its message, and a button that adds the row. */
function MissingRate({ code, onAdd }: { code: string; onAdd: () => void }) {
  const key = `rates.missing.${code}`;
  return (
    <PlanErrors.Consumer>
      {errors => errors.has(key) && (
        <div class="missing-rate">
          <FieldMessage k={key} />
          <button type="button" class="secondary" id={fieldId(key)} aria-describedby={`${fieldId(key)}-error`} onClick={onAdd}>{t('plan_rates_add_for', code)}</button>
        </div>
      )}
    </PlanErrors.Consumer>
  );
}

// Scoped to the editor; colours come from components/theme.css, so light and dark follow it.
// Sizes in em: they follow the page's text size, whatever the browser's defaults make of it.
const CSS = `
.plan-editor fieldset { border: 0; border-top: 1px solid var(--line); margin: 16px 0 0; padding: 10px 0 0; min-width: 0; }
.plan-editor > fieldset:first-of-type { border-top: 0; margin-top: 4px; padding-top: 0; }
.plan-editor legend { font-weight: 700; font-size: 1.07em; padding: 0; }
.plan-editor fieldset fieldset { border-top: 0; }
.plan-editor fieldset.revision { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px 10px; margin: 10px 0; background: var(--bg); }
.plan-editor fieldset.revision legend { font-size: 1em; padding: 0 4px; }
.plan-editor fieldset.quarters { margin-top: 8px; padding: 0; }
.plan-editor fieldset.quarters legend { font-size: 1em; font-weight: 600; }
.plan-editor .row { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: flex-start; }
.plan-editor .row > button { align-self: flex-end; margin-bottom: 2px; }
.plan-editor .field { display: flex; flex-direction: column; min-width: 0; }
.plan-editor .row > .field:not(.wide) { max-width: 20em; }
.plan-editor .field.wide { flex: 1 1 220px; }
.plan-editor .field.wide input { max-width: none; }
.plan-editor .control { display: flex; align-items: center; gap: 4px; }
.plan-editor .suffix { color: var(--muted); }
.plan-editor label { margin: 8px 0 2px; }
.plan-editor td label, .plan-editor th label { margin: 0; }
.plan-editor input[type=text], .plan-editor input[type=date], .plan-editor select, .plan-editor textarea {
  font: inherit; padding: 5px 8px; border-radius: 6px; border: 1px solid var(--muted); background: var(--bg); color: var(--fg); }
.plan-editor input[type=text] { width: 100%; max-width: 360px; }
.plan-editor input.num { width: 9em; text-align: right; font-variant-numeric: tabular-nums; }
.plan-editor .short input { width: 5.5em; }
.plan-editor td input.num { width: 7em; }
.plan-editor textarea { width: 100%; max-width: 420px; }
.plan-editor input::placeholder { color: var(--muted); opacity: .8; }
.plan-editor select:focus-visible, .plan-editor textarea:focus-visible, .plan-editor input:focus-visible, .plan-summary:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; }
.plan-editor input[aria-invalid=true], .plan-editor select[aria-invalid=true], .plan-editor textarea[aria-invalid=true] {
  border: 2px solid var(--bad); padding: 4px 7px; }
.plan-editor .field-error { color: var(--bad); margin: 3px 0 0; font-size: .93em; font-weight: 600; max-width: 420px; }
.plan-editor .hint { color: var(--muted); font-size: .93em; margin: 2px 0 4px; max-width: 560px; }
.plan-editor .plan-table { margin: 6px 0; width: auto; }
.plan-editor caption { font-size: .86em; }
.plan-editor .plan-table tbody th { padding-right: 20px; }
.plan-editor .plan-table.targets tbody th { white-space: nowrap; }
.plan-editor .table-scroll { overflow-x: auto; max-width: 100%; }
/* A narrow window (a split screen, a small one): names wrap, inputs shrink to their numbers; what still
   does not fit scrolls inside its table's box, never the page sideways. */
@media (max-width: 560px) {
  .plan-editor .plan-table.targets tbody th { white-space: normal; }
  .plan-editor .plan-table td input.num { width: 4.5em; }
  .plan-editor .plan-table tbody th { padding-right: 10px; }
}
/* A message in a cell widens its column a little, not to the message's length. */
.plan-editor .plan-table .field-error { contain: inline-size; width: 11em; font-weight: normal; }
.plan-editor select { align-self: flex-start; }
.plan-editor .plan-table th, .plan-editor .plan-table td { padding: 3px 8px 3px 0; vertical-align: top; }
.plan-editor .plan-table tbody th { padding-top: 8px; }
.plan-editor .plan-table th.num { text-align: right; font-weight: 600; }
.plan-editor .plan-table thead th { font-weight: 600; color: var(--muted); font-size: .86em; }
.plan-editor .plan-table td.center { text-align: center; vertical-align: middle; }
.plan-editor .plan-table.rates td:nth-child(2) input { width: 9em; }
.plan-editor .plan-history { margin: 8px 0; }
.plan-editor .plan-history th, .plan-editor .plan-history td { padding: 4px 8px 4px 0; vertical-align: top; }
.plan-editor .plan-history thead th { font-weight: 600; color: var(--muted); font-size: .86em; }
.plan-editor .plan-history th.num { text-align: right; }
.plan-editor .plan-history tbody th, .plan-editor .plan-history td.num { white-space: nowrap; }
.plan-editor .quarter-grid { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0 10px; }
.plan-editor .quarter-grid input.num { width: 100%; }
.plan-editor .quarter-grid label { margin-top: 4px; }
.plan-editor .indent { padding-left: 24px; margin-bottom: 6px; }
.plan-editor .missing-rate { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin: 6px 0; }
.plan-editor .missing-rate .field-error { margin: 0; }
.plan-editor input[type=checkbox] { width: 18px; height: 18px; accent-color: var(--accent); }
.plan-editor .plan-actions { display: flex; gap: 12px; align-items: center; margin: 16px 0 4px; }
.plan-summary { border: 2px solid var(--bad); border-radius: 8px; padding: 8px 12px; margin: 4px 0 12px; background: var(--bg); }
.plan-summary p { margin: 0 0 4px; color: var(--bad); }
.plan-summary ul { margin: 0; padding-left: 20px; }
.plan-summary a { color: var(--bad); }
.plan-editor .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; margin: 0; padding: 0; }
`;
