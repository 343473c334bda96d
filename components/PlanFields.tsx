// The plan editor's form model (issue #5): the plan as the text the rep typed (a draft),
// turned back into a Plan and checked with validatePlan, every error tied to the field
// that shows it. Plus the small labelled inputs the editor's sections are built from.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../lib/i18n';
import { DRIVERS, type Driver } from '../lib/metrics/drivers';
import { isValidTimeZone, localDateOf, periodForDate } from '../lib/metrics/periods';
import { validatePlan, type CommissionPlan, type Plan, type PlanRevision } from '../lib/metrics/plan';
import { stageTargetDays } from '../lib/metrics/stage-targets';
import { planErrorText } from '../lib/plan-words';

// ---- numbers in the browser's locale ---------------------------------------------------------

export interface NumberLocale {
  locale: string | undefined;
  /** Up to `digits` decimals, grouped as the locale groups (1,200,000 or 1.200.000). */
  format(n: number, digits?: number): string;
  /** undefined for an empty field, NaN for text that is not a number in this locale. */
  parse(text: string): number | undefined;
  /** How to write 1234.5 here, for messages. */
  example: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads numbers the way the locale writes them. Group separators must sit where the locale
 * puts them, so "1,5" in en-US is refused instead of read as 15.
 */
export function numberLocale(locale?: string): NumberLocale {
  const formatters = new Map<number, Intl.NumberFormat>();
  const format = (n: number, digits = 6) => {
    let f = formatters.get(digits);
    if (!f) formatters.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return f.format(n);
  };
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const group = parts.find(p => p.type === 'group')?.value ?? ',';
  const decimal = parts.find(p => p.type === 'decimal')?.value ?? '.';
  // Indian grouping writes 12,34,567: groups of two after the first three.
  const groupSize = parts.filter(p => p.type === 'integer').slice(1, -1).some(p => p.value.length === 2) ? '\\d{2,3}' : '\\d{3}';
  // Spaces of every width group digits in some locales; people type a plain space.
  const spaceGroup = /\s/.test(group);
  const g = spaceGroup ? ' ' : escapeRe(group);
  const d = escapeRe(decimal);
  const grouped = new RegExp(`^-?\\d{1,3}(${g}${groupSize})+(${d}\\d+)?$`);
  const plain = new RegExp(`^-?\\d*(${d}\\d+)?$`);
  return {
    locale,
    format,
    example: format(1234.5),
    parse(text) {
      let t = text.trim().replace(/\u2212/g, '-');
      if (t === '') return undefined;
      if (spaceGroup) t = t.replace(/[\s\u00a0\u202f]+/g, ' ');
      // Swiss grouping: ICU versions differ on ' or ’, people type either.
      if (group === "'" || group === '’') t = t.replace(/['’]/g, group);
      if (!(plain.test(t) && /\d/.test(t)) && !grouped.test(t)) return NaN;
      const n = Number(t.split(spaceGroup ? ' ' : group).join('').replace(decimal, '.'));
      return Number.isFinite(n) ? n : NaN;
    },
  };
}

/** '2026-04-01' as the locale writes a date (1 Apr 2026). */
export const formatCivilDate = (date: string, locale?: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
};

export const monthName = (month: number, locale?: string): string =>
  new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));

/** 0 = Sunday … 6 = Saturday; 7 January 2024 was a Sunday. */
export const weekdayName = (day: number, locale?: string): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + day)));

export function formatMoney(n: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 }).format(n);
  } catch {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n)} ${currency}`;
  }
}

const supportedCurrencies: ReadonlySet<string> | null = (() => {
  try {
    return new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return null;
  }
})();
/** The same test validatePlan applies, to know whether a rate's code or its number is wrong. */
const isKnownCurrency = (code: string) => /^[A-Z]{3}$/.test(code) && (supportedCurrencies === null || supportedCurrencies.has(code));

// ---- the draft ---------------------------------------------------------------------------

export type Quarters = [string, string, string, string];
export interface RevisionDraft {
  key: number;
  effectiveFrom: string;
  annualQuota: string;
  quarters: Quarters;
  note: string;
  /** Saved and in force before today: history, shown and kept as it was. */
  locked: boolean;
  original?: PlanRevision;
}
export interface RateDraft { key: number; code: string; rate: string }
export interface TierDraft { key: number; from: string; rate: string }
export interface PlanDraft {
  /** The plan the draft came from: fields the editor does not show are kept from it. */
  base: Plan;
  fiscalYearStartMonth: string;
  weekStartsOn: string;
  timeZone: string;
  currency: string;
  rates: RateDraft[];
  annual: RevisionDraft[];
  weeklyTargets: Record<Driver, string>;
  dailyTargets: Record<Driver, string>;
  activityWeights: Record<Driver, string>;
  /** One stage per line. */
  stages: string;
  /** By stage name, so a target follows its stage when lines move. */
  stageTargets: Record<string, string>;
  stageProbabilities: Record<string, string>;
  earlyStages: string[];
  /** One date per line. */
  holidays: string;
  commission: {
    period: CommissionPlan['period'];
    tiers: TierDraft[];
    accelerator: { on: boolean; above: string; multiplier: string };
    decelerator: { on: boolean; below: string; multiplier: string };
    capAttainment: string;
    capPayout: string;
  };
}

let nextKey = 1;
/** Keys keep rows apart while they are added and removed; they are never stored. */
export const rowKey = () => nextKey++;

export const stageLines = (text: string): string[] => text.split('\n').map(s => s.trim()).filter(Boolean);

/** Today in the plan's time zone (the browser's when the plan's is not a zone). */
export const todayIn = (timeZone: string, now = new Date()): string =>
  localDateOf(now, isValidTimeZone(timeZone) ? timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone);

export interface DraftOptions {
  /** Whether the plan was read from storage; the fallback's revisions are not history yet. */
  stored: boolean;
  /** When each revision was first saved (PlanMeta): it stays editable that day. */
  enteredOn?: Readonly<Record<string, string>>;
  now?: Date;
}

/** Saved, in force before today and not entered today: history, kept as it was. */
export const isHistory = (effectiveFrom: string, today: string, { stored, enteredOn = {} }: DraftOptions): boolean =>
  stored && effectiveFrom < today && enteredOn[effectiveFrom] !== today;

export function toDraft(plan: Plan, loc: NumberLocale, options: DraftOptions): PlanDraft {
  const { stored, now = new Date() } = options;
  const n = (v: number | undefined, digits?: number) => (v === undefined ? '' : loc.format(v, digits));
  const pct = (v: number | undefined) => (v === undefined ? '' : loc.format(v * 100, 4));
  const drivers = (t: Partial<Record<Driver, number>>) => Object.fromEntries(DRIVERS.map(d => [d, n(t[d])])) as Record<Driver, string>;
  const today = todayIn(plan.timeZone, now);
  const c = plan.commission;
  return {
    base: plan,
    fiscalYearStartMonth: String(plan.fiscalYearStartMonth),
    weekStartsOn: String(plan.weekStartsOn),
    timeZone: plan.timeZone,
    currency: plan.currency,
    rates: Object.entries(plan.rates).map(([code, rate]) => ({ key: rowKey(), code, rate: n(rate) })),
    annual: plan.annual.map(r => ({
      key: rowKey(),
      // The default plan's placeholder date (1970) reads as a mistake; before its first
      // revision the first one governs anyway, so the start of this fiscal year means the same.
      effectiveFrom: !stored && r.effectiveFrom === '1970-01-01' ? periodForDate('fiscalYear', today, plan).startDate : r.effectiveFrom,
      annualQuota: n(r.annualQuota, 2),
      quarters: (r.quarterQuotas?.map(q => n(q, 2)) ?? ['', '', '', '']) as Quarters,
      note: r.note ?? '',
      locked: isHistory(r.effectiveFrom, today, options),
      original: r,
    })),
    weeklyTargets: drivers(plan.weeklyTargets),
    dailyTargets: drivers(plan.dailyTargets),
    activityWeights: drivers(plan.activityWeights),
    stages: plan.stages.join('\n'),
    stageTargets: Object.fromEntries(Object.entries(plan.stageTargets).map(([s, v]) => [s, n(v)])),
    stageProbabilities: Object.fromEntries(Object.entries(plan.stageProbabilities).map(([s, v]) => [s, pct(v)])),
    earlyStages: [...plan.earlyStages],
    holidays: plan.holidays.join('\n'),
    commission: {
      period: c.period,
      tiers: c.tiers.map(t => ({ key: rowKey(), from: pct(t.fromAttainment), rate: pct(t.rate) })),
      accelerator: { on: !!c.accelerator, above: pct(c.accelerator?.above ?? 1), multiplier: n(c.accelerator?.multiplier ?? 1.5) },
      decelerator: { on: !!c.decelerator, below: pct(c.decelerator?.below ?? 0.5), multiplier: n(c.decelerator?.multiplier ?? 0.5) },
      capAttainment: pct(c.cap?.maxAttainment),
      capPayout: n(c.cap?.maxPayout, 2),
    },
  };
}

/** A stage's days target as shown: what the rep typed, else the default for its name. */
export const stageTargetText = (draft: PlanDraft, stage: string, loc: NumberLocale): string =>
  draft.stageTargets[stage] ?? loc.format(stageTargetDays(stage));

// ---- from the draft to a plan, and errors to fields ------------------------------------------

/**
 * A field's key: validatePlan's path where one field shows it ('annual[0].annualQuota'),
 * else the editor's own: 'rates[1].code', 'stageTargets[2]' (by line), 'stages',
 * 'holidays', 'rates.missing.GBP' (a currency in use with no row).
 */
export interface FieldError { key: string; message: string }
export type DraftCheck = { ok: true; plan: Plan } | { ok: false; errors: FieldError[] };

/** The DOM id of a field (or, for a group, of the error it shows). */
export const fieldId = (key: string) => `plan-${key.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
export const errorId = (key: string) => `${fieldId(key)}-error`;
/** Where a link in the error summary takes the keyboard: a group's first input. */
export const focusId = (key: string) => fieldId(/\.quarterQuotas$/.test(key) ? `${key}[0]` : key);

export function checkDraft(draft: PlanDraft, loc: NumberLocale, currenciesInUse: Iterable<string> = []): DraftCheck {
  const inputErrors: FieldError[] = [];
  const texts = new Map<string, string>();
  const bad = (key: string, message: string) => inputErrors.push({ key, message });
  const notNumber = (text: string) => t('plan_error_not_number', [text.trim(), loc.example]);
  /** Parses a field; a required empty one or text that is no number is an error here, and NaN for validatePlan. */
  const num = (key: string, text: string, required: string | false, scale = 1): number | undefined => {
    texts.set(key, text.trim());
    const v = loc.parse(text);
    if (v === undefined) {
      if (required) bad(key, required);
      return required ? NaN : undefined;
    }
    if (Number.isNaN(v)) bad(key, notNumber(text));
    return v / scale;
  };
  const whole = (key: string, text: string, required: string): number => {
    const v = num(key, text, required);
    return v === undefined ? NaN : v;
  };

  // Rates: one row per currency; the map validatePlan checks is keyed by code.
  const rates: Record<string, number> = {};
  const rateRow = new Map<string, number>();
  draft.rates.forEach((row, i) => {
    const code = row.code.trim().toUpperCase();
    if (code === '' && row.rate.trim() === '') return; // an empty row is no rate
    const rate = whole(`rates[${i}].rate`, row.rate, t('plan_error_rate_missing', [code || t('plan_rates_unit'), draft.currency.trim().toUpperCase() || t('plan_currency_the_plan')]));
    if (code === '') return bad(`rates[${i}].code`, t('plan_error_code_missing'));
    if (rateRow.has(code)) return bad(`rates[${i}].code`, t('plan_error_code_twice', code));
    rateRow.set(code, i);
    rates[code] = rate;
  });

  const annual = draft.annual.map((r, i) => {
    if (r.locked && r.original) return r.original;
    const at = `annual[${i}]`;
    if (r.effectiveFrom === '') bad(`${at}.effectiveFrom`, t('plan_error_effective_from'));
    const rev: Record<string, unknown> = {
      effectiveFrom: r.effectiveFrom,
      annualQuota: whole(`${at}.annualQuota`, r.annualQuota, t('plan_error_annual_quota')),
    };
    const filled = r.quarters.filter(q => q.trim() !== '').length;
    if (filled === 4) rev.quarterQuotas = r.quarters.map((q, k) => whole(`${at}.quarterQuotas[${k}]`, q, ''));
    else if (filled > 0) bad(`${at}.quarterQuotas`, t('plan_error_quarters_partial'));
    if (r.note.trim()) rev.note = r.note.trim();
    return rev;
  });

  const drivers = (key: 'weeklyTargets' | 'dailyTargets' | 'activityWeights') => {
    const out: Partial<Record<Driver, number>> = {};
    for (const d of DRIVERS) {
      const v = num(`${key}.${d}`, draft[key][d], false);
      if (v !== undefined) out[d] = v;
    }
    return out;
  };

  const stages = stageLines(draft.stages);
  const stageTargets: Record<string, number> = {};
  const stageProbabilities: Record<string, number> = {};
  stages.forEach((s, i) => {
    stageTargets[s] = whole(`stageTargets[${i}]`, stageTargetText(draft, s, loc), t('plan_error_stage_days', s));
    const p = num(`stageProbabilities[${i}]`, draft.stageProbabilities[s] ?? '', false, 100);
    if (p !== undefined) stageProbabilities[s] = p;
  });

  const c = draft.commission;
  const pctField = (key: string, text: string, required: string) => whole(key, text, required) / 100;
  const commission: Record<string, unknown> = {
    period: c.period,
    tiers: c.tiers.map((tier, i) => ({
      fromAttainment: pctField(`commission.tiers[${i}].fromAttainment`, tier.from, t('plan_error_tier_from')),
      rate: pctField(`commission.tiers[${i}].rate`, tier.rate, t('plan_error_tier_rate')),
    })),
  };
  if (c.accelerator.on) commission.accelerator = {
    above: pctField('commission.accelerator.above', c.accelerator.above, t('plan_error_accelerator_above')),
    multiplier: whole('commission.accelerator.multiplier', c.accelerator.multiplier, t('plan_error_accelerator_multiplier')),
  };
  if (c.decelerator.on) commission.decelerator = {
    below: pctField('commission.decelerator.below', c.decelerator.below, t('plan_error_decelerator_below')),
    multiplier: whole('commission.decelerator.multiplier', c.decelerator.multiplier, t('plan_error_decelerator_multiplier')),
  };
  const maxAttainment = num('commission.cap.maxAttainment', c.capAttainment, false, 100);
  const maxPayout = num('commission.cap.maxPayout', c.capPayout, false);
  if (maxAttainment !== undefined || maxPayout !== undefined) {
    commission.cap = { ...(maxAttainment !== undefined && { maxAttainment }), ...(maxPayout !== undefined && { maxPayout }) };
  }

  const month = draft.fiscalYearStartMonth.trim();
  const candidate = {
    ...draft.base,
    fiscalYearStartMonth: /^-?\d+$/.test(month) ? Number(month) : month === '' ? NaN : month,
    weekStartsOn: Number(draft.weekStartsOn),
    timeZone: draft.timeZone.trim(),
    currency: draft.currency.trim().toUpperCase(),
    rates,
    annual,
    weeklyTargets: drivers('weeklyTargets'),
    dailyTargets: drivers('dailyTargets'),
    activityWeights: drivers('activityWeights'),
    stages,
    stageTargets,
    stageProbabilities,
    earlyStages: stages.filter(s => draft.earlyStages.includes(s)),
    holidays: stageLines(draft.holidays),
    commission,
  };
  if (month === '') bad('fiscalYearStartMonth', t('plan_error_fiscal_month'));

  const result = validatePlan(candidate, { currenciesInUse });
  if (result.ok && inputErrors.length === 0) return { ok: true, plan: result.plan };

  // validatePlan's paths to the editor's fields, its fractions to the percentages shown.
  const stageIndex = (name: string) => stages.indexOf(name);
  const mapped: FieldError[] = result.ok ? [] : result.errors.map(error => {
    const { path } = error;
    const message = planErrorText(error);
    let m: RegExpMatchArray | null;
    if ((m = path.match(/^rates\.(.+)$/))) {
      const code = m[1]!;
      const row = rateRow.get(code);
      if (row === undefined) return { key: `rates.missing.${code}`, message };
      return { key: isKnownCurrency(code) ? `rates[${row}].rate` : `rates[${row}].code`, message };
    }
    if (/^(stages|earlyStages)(\[\d+\])?$/.test(path)) return { key: 'stages', message };
    if (/^holidays(\[\d+\])?$/.test(path)) return { key: 'holidays', message };
    if ((m = path.match(/^stageTargets\.(.+)$/))) return { key: `stageTargets[${stageIndex(m[1]!)}]`, message };
    if ((m = path.match(/^stageProbabilities\.(.+)$/))) {
      const key = `stageProbabilities[${stageIndex(m[1]!)}]`;
      return { key, message: t('plan_error_probability', texts.get(key) ?? '') };
    }
    if ((m = path.match(/^annual\[(\d+)\]\.quarterQuotas$/))) {
      const r = candidate.annual[Number(m[1])] as { annualQuota: number; quarterQuotas?: number[] };
      const sum = r.quarterQuotas?.reduce((a, b) => a + b, 0);
      return sum === undefined ? { key: path, message }
        : { key: path, message: t('plan_error_quarters_sum', [loc.format(sum, 2), loc.format(r.annualQuota, 2)]) };
    }
    if ((m = path.match(/^commission\.tiers\[(\d+)\]\.(rate|fromAttainment)$/))) {
      const i = Number(m[1]);
      if (m[2] === 'rate') return { key: path, message: t('plan_error_rate_range', texts.get(path) ?? '') };
      if (error.code === 'first_tier') return { key: path, message: t('plan_error_first_tier') };
      if (error.code === 'tiers_up') return { key: path, message: t('plan_error_tiers_up', texts.get(`commission.tiers[${i - 1}].fromAttainment`) ?? '') };
      return { key: path, message: t('plan_error_tier_negative', texts.get(path) ?? '') };
    }
    if (path === 'commission.accelerator.above') return { key: path, message: t('plan_error_accelerator_range') };
    if (path === 'commission.decelerator.below') return { key: path, message: t('plan_error_decelerator_range') };
    if (path === 'commission.cap.maxAttainment') return { key: path, message: t('plan_error_cap_attainment') };
    return { key: path, message };
  });
  // A field that could not be read says so; what validatePlan makes of its NaN adds nothing.
  const own = new Set(inputErrors.map(e => e.key));
  const quarterGroups = new Set(inputErrors.map(e => e.key.replace(/\[\d\]$/, '')).filter(k => k.endsWith('.quarterQuotas')));
  return { ok: false, errors: [...inputErrors, ...mapped.filter(e => !own.has(e.key) && !quarterGroups.has(e.key))] };
}

// ---- fields ----------------------------------------------------------------------------

/** Messages by field key, for every field to find its own. */
export const PlanErrors = createContext<ReadonlyMap<string, string[]>>(new Map());

export const useFieldErrors = (...keys: string[]): { invalid: boolean; describedBy: string[] } => {
  const errors = useContext(PlanErrors);
  const withErrors = keys.filter(k => errors.has(k));
  return { invalid: withErrors.length > 0, describedBy: withErrors.map(errorId) };
};

/** The inline message of one field (or group); `label` names it in the summary. */
export function FieldMessage({ k, label }: { k: string; label?: string }) {
  const messages = useContext(PlanErrors).get(k);
  if (!messages) return null;
  return <p class="field-error" id={errorId(k)} data-label={label}>{messages.join(' ')}</p>;
}

const describedBy = (ids: (string | undefined | false)[]) => ids.filter(Boolean).join(' ') || undefined;

interface InputProps {
  k: string;
  label: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  /** Text under the field, read after the label. */
  hint?: ComponentChildren;
  /** After the input, on its line: a unit. */
  suffix?: ComponentChildren;
  /** Label only for assistive technology (the column header shows it). */
  hiddenLabel?: boolean;
  /** Also marked invalid when these keys (a group) have errors. */
  groupKeys?: string[];
  placeholder?: string;
  class?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  type?: 'text' | 'date';
  list?: string;
  maxLength?: number;
  autoComplete?: string;
  /** Reformat as the locale writes numbers when the field is left. */
  loc?: NumberLocale;
  digits?: number;
}

export function Field(p: InputProps) {
  const id = fieldId(p.k);
  const { invalid, describedBy: errorIds } = useFieldErrors(p.k, ...(p.groupKeys ?? []));
  const hintId = p.hint ? `${id}-hint` : undefined;
  const onBlur = p.loc
    ? (e: FocusEvent) => {
        const v = p.loc!.parse((e.currentTarget as HTMLInputElement).value);
        if (v !== undefined && !Number.isNaN(v)) {
          const formatted = p.loc!.format(v, p.digits);
          if (formatted !== (e.currentTarget as HTMLInputElement).value) p.onInput(formatted);
        }
      }
    : undefined;
  return (
    <div class={`field ${p.class ?? ''}`}>
      <label for={id} class={p.hiddenLabel ? 'sr-only' : undefined}>{p.label}</label>
      <span class="control">
        <input id={id} type={p.type ?? 'text'} inputMode={p.inputMode} value={p.value} placeholder={p.placeholder} list={p.list}
          maxLength={p.maxLength} autoComplete={p.autoComplete ?? 'off'} spellcheck={false}
          class={p.inputMode === 'decimal' || p.inputMode === 'numeric' ? 'num' : undefined}
          aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy([...errorIds, hintId])}
          onInput={e => p.onInput(e.currentTarget.value)} onBlur={onBlur} />
        {p.suffix && <span class="suffix" aria-hidden="true">{p.suffix}</span>}
      </span>
      {p.hint && <span class="hint" id={hintId}>{p.hint}</span>}
      {!p.groupKeys && <FieldMessage k={p.k} />}
    </div>
  );
}

/** A number in the browser's locale; `unit` is shown after it and added to the label. */
export function NumberField(p: Omit<InputProps, 'inputMode' | 'loc'> & { loc: NumberLocale }) {
  return <Field {...p} inputMode="decimal" />;
}

export function SelectField(p: { k: string; label: ComponentChildren; value: string; onChange: (value: string) => void; options: readonly (readonly [string, string])[] }) {
  const id = fieldId(p.k);
  const { invalid, describedBy: errorIds } = useFieldErrors(p.k);
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <select id={id} value={p.value} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy(errorIds)}
        onChange={e => p.onChange(e.currentTarget.value)}>
        {p.options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
      <FieldMessage k={p.k} />
    </div>
  );
}

export function TextAreaField(p: { k: string; label: ComponentChildren; value: string; onInput: (value: string) => void; hint?: ComponentChildren; rows?: number }) {
  const id = fieldId(p.k);
  const { invalid, describedBy: errorIds } = useFieldErrors(p.k);
  const hintId = p.hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.hint && <span class="hint" id={hintId}>{p.hint}</span>}
      <textarea id={id} rows={p.rows ?? 5} value={p.value} spellcheck={false} aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy([...errorIds, hintId])} onInput={e => p.onInput(e.currentTarget.value)} />
      <FieldMessage k={p.k} />
    </div>
  );
}
