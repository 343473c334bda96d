// Small pieces of the "Team plan" page: a labelled input with its inline message, the
// annual + quarterly quota inputs, and the save status line.
import { t } from '../lib/i18n';
import type { DraftErrors, QuotaDraft } from '../lib/team-plan';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'invalid'; message: string }
  | { kind: 'saved'; message: string }
  | { kind: 'error'; message: string };

export interface InputProps {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  /** This input's message, if it is wrong: it is also how a screen reader hears why. */
  error?: string | undefined;
  /** Ids of messages about a group the input belongs to (the four quarters). */
  describedBy?: string;
  /** Only for assistive technology: a table's column header shows it. */
  hiddenLabel?: boolean;
  type?: 'text' | 'date';
  numeric?: boolean;
  list?: string;
  maxLength?: number;
}

export function LabelledInput(p: InputProps) {
  const errorId = `${p.id}-error`;
  const describedBy = [p.error ? errorId : '', p.describedBy ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <span class="tp-field">
      <label for={p.id} class={p.hiddenLabel ? 'sr-only' : undefined}>{p.label}</label>
      <input id={p.id} type={p.type ?? 'text'} value={p.value} inputMode={p.numeric ? 'decimal' : undefined} class={p.numeric ? 'num' : undefined}
        list={p.list} maxLength={p.maxLength} autoComplete="off" spellcheck={false}
        aria-invalid={p.error || p.describedBy ? 'true' : undefined} aria-describedby={describedBy}
        onInput={e => p.onInput(e.currentTarget.value)} />
      {p.error && <span class="field-error" id={errorId}>{p.error}</span>}
    </span>
  );
}

/** Effective date, annual quota and Q1–Q4, stacked: the team's revision form. */
export function QuotaInputs({ idPrefix, annualLabel, draft, errors, example, onDraft }: {
  idPrefix: string; annualLabel: string; draft: QuotaDraft; errors: DraftErrors; example: string;
  /** Gets a change to apply to the draft as it is then: two inputs before a re-render must not undo each other. */
  onDraft(change: (d: QuotaDraft) => QuotaDraft): void;
}) {
  const quartersError = `${idPrefix}-quarters-error`;
  return (
    <div class="tp-quota">
      <LabelledInput id={`${idPrefix}-from`} label={t('teamPlanEffectiveFrom')} type="date" value={draft.effectiveFrom} error={errors.effectiveFrom}
        onInput={v => onDraft(d => ({ ...d, effectiveFrom: v }))} />
      <LabelledInput id={`${idPrefix}-annual`} label={annualLabel} numeric value={draft.annual} error={errors.annual}
        onInput={v => onDraft(d => ({ ...d, annual: v }))} />
      <fieldset class="tp-quarters" aria-describedby={`${idPrefix}-quarters-hint`}>
        <legend>{t('teamPlanQuarterlyQuotas')}</legend>
        <p class="hint muted" id={`${idPrefix}-quarters-hint`}>{t('teamPlanQuartersHint', example)}</p>
        {draft.quarters.map((q, i) => (
          <LabelledInput key={i} id={`${idPrefix}-q${i + 1}`} label={t('teamPlanQuarterQuota', i + 1)} numeric value={q}
            describedBy={errors.quarters ? quartersError : undefined}
            onInput={v => onDraft(d => ({ ...d, quarters: d.quarters.map((x, k) => (k === i ? v : x)) as QuotaDraft['quarters'] }))} />
        ))}
        {errors.quarters && <p class="field-error" id={quartersError}>{errors.quarters}</p>}
      </fieldset>
    </div>
  );
}

/** What happened to the last save, said in words (an alert when it did not go through). */
export function Saving({ state }: { state: SaveState }) {
  if (state.kind === 'idle') return <p role="status" class="tp-status" />;
  if (state.kind === 'saving') return <p role="status" class="tp-status muted">{t('teamPlanSaving')}</p>;
  if (state.kind === 'saved') return <p role="status" class="tp-status ok">{state.message}</p>;
  return <p role="alert" class="tp-status error">{state.message}</p>;
}
