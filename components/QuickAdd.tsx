// The side panel's quick-add form (issue #5, item 3): log by hand what no page shows.
// Dumb: it builds a ManualEntry and hands it to onLog / onEdit; lib/manual.ts validates
// and writes. Its messages are lib/manual's, shown beside the field they are about.
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import {
  entryOf,
  MANUAL_TYPES,
  MAX_NAME,
  MAX_SUBJECT,
  ManualEntryError,
  newEntryKey,
  takesAmount,
  validateManual,
  type ManualEntry,
  type ManualField,
  type ManualProblem,
  type ManualType,
} from '../lib/manual';
import type { ActivityEvent } from '../lib/model';
import { t } from '../lib/i18n';
import { manualAmountLabel, manualEntryLabel, manualProblemText, manualTypeLabel } from '../lib/manual-words';
import { tParts } from './t-parts';

/** The form's first field: the keyboard shortcut lands here. */
export const QUICK_ADD_FIRST_FIELD = 'quick-add-type';
export { QUICK_ADD_COMMAND } from '../lib/quick-add-command';
import { QUICK_ADD_COMMAND } from '../lib/quick-add-command';

/** Alt+Shift+L, by key position (on a Mac, Option+Shift+L types "Ò", not "L"). */
export const isQuickAddShortcut = (e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code' | 'key'>): boolean =>
  e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l');

export function focusQuickAdd(doc: Document = document): boolean {
  const field = doc.getElementById(QUICK_ADD_FIRST_FIELD);
  if (!field) return false;
  field.scrollIntoView?.({ block: 'nearest' });
  field.focus();
  return true;
}

/** The part of `browser.commands` used here, so tests can pass a stand-in. */
export interface CommandEvents {
  onCommand: { addListener(cb: (command: string) => void): void; removeListener(cb: (command: string) => void): void };
}

/**
 * Opens the form on the manifest's `quick-add` command (Chrome sends it to every open
 * extension page) and on Alt+Shift+L pressed inside the page. Returns the unsubscribe.
 */
export function listenForQuickAdd(open: () => void, target: Pick<Window, 'addEventListener' | 'removeEventListener'>, commands?: CommandEvents): () => void {
  const onKey = (e: Event) => {
    if (!isQuickAddShortcut(e as KeyboardEvent)) return;
    e.preventDefault();
    open();
  };
  const onCommand = (command: string) => {
    if (command === QUICK_ADD_COMMAND) open();
  };
  target.addEventListener('keydown', onKey);
  commands?.onCommand.addListener(onCommand);
  return () => {
    target.removeEventListener('keydown', onKey);
    commands?.onCommand.removeListener(onCommand);
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DDTHH:mm` in local time, what <input type="datetime-local"> shows. */
export const toLocalInput = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** "1500", "1500.50", "1,500.50", "1500,50" → a number; anything else NaN (lib/manual says why). */
export function parseAmount(text: string): number | undefined {
  const s = text.replace(/[\s_']/g, '');
  if (s === '') return undefined;
  let normal = s;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d{1,2}$/.test(s)) normal = s.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

const ids: Record<Exclude<ManualField, 'entry' | 'deal'>, string> = {
  type: QUICK_ADD_FIRST_FIELD,
  person: 'quick-add-who',
  amount: 'quick-add-amount',
  currency: 'quick-add-currency',
  subject: 'quick-add-subject',
  at: 'quick-add-at',
};
const FIELD_ORDER = ['type', 'person', 'amount', 'currency', 'subject', 'at'] as const;

// theme.css styles text inputs; select, datetime-local and the amount row need the same look.
const fieldStyle: JSX.CSSProperties = {
  font: 'inherit', width: '100%', maxWidth: '360px', padding: '6px 8px', borderRadius: '6px',
  border: '1px solid var(--line)', background: 'var(--bg)', color: 'var(--fg)',
};
const invalidStyle: JSX.CSSProperties = { borderColor: 'var(--bad)' };
const errorStyle: JSX.CSSProperties = { margin: '2px 0 0' };

export interface QuickAddProps {
  /** The UI clock: until the rep changes the date, the entry is dated when Save is pressed. */
  now: Date;
  /** Preset for the currency field: the plan's currency. */
  defaultCurrency: string;
  /** A manual entry to change; undefined to log a new one. */
  editing?: ActivityEvent | undefined;
  onLog(entry: ManualEntry): Promise<unknown>;
  onEdit(oldId: string, entry: ManualEntry): Promise<unknown>;
  onCancelEdit(): void;
}

type Status = { kind: 'idle' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };
type Errors = Partial<Record<ManualField, string>>;

export function QuickAdd({ now, defaultCurrency, editing, onLog, onEdit, onCancelEdit }: QuickAddProps) {
  const type = useSignal<ManualType>('call');
  /** undefined while the rep has not touched the date: it then means "now". */
  const atLocal = useSignal<string | undefined>(undefined);
  const who = useSignal('');
  const amount = useSignal('');
  const currency = useSignal(defaultCurrency);
  const subject = useSignal('');
  /** One per draft: a double-click or a retry of the same draft stores it once. */
  const key = useSignal(newEntryKey());
  const errors = useSignal<Errors>({});
  const status = useSignal<Status>({ kind: 'idle' });
  const busy = useSignal(false);
  /** An edit keeps the original time to the millisecond unless the rep changes it. */
  const original = useRef<{ local: string; at: string } | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!amount.value) currency.value = defaultCurrency;
  }, [defaultCurrency]);

  useEffect(() => {
    if (!editing) {
      if (original.current) reset(); // the entry being edited was saved, cancelled or deleted
      return;
    }
    errors.value = {};
    key.value = newEntryKey();
    const e = entryOf(editing);
    type.value = e.type;
    const local = toLocalInput(new Date(e.at));
    original.current = { local, at: e.at };
    atLocal.value = local;
    who.value = e.person?.name ?? '';
    amount.value = e.amount === undefined ? '' : String(e.amount);
    currency.value = e.currency ?? defaultCurrency;
    subject.value = e.subject ?? '';
    status.value = { kind: 'idle' };
    focusQuickAdd(form.current?.ownerDocument);
  }, [editing?.id]);

  const reset = () => {
    atLocal.value = undefined;
    who.value = '';
    amount.value = '';
    currency.value = defaultCurrency;
    subject.value = '';
    errors.value = {};
    key.value = newEntryKey();
    original.current = undefined;
  };

  const build = (at: Date): Record<string, unknown> => {
    const withAmount = takesAmount(type.value) && amount.value.trim() !== '';
    const local = atLocal.value;
    let iso: string;
    if (local === undefined) iso = at.toISOString();
    else if (original.current && local === original.current.local) iso = original.current.at;
    else {
      const parsed = new Date(local); // "YYYY-MM-DDTHH:mm" without a zone is local time
      iso = local.trim() === '' || Number.isNaN(parsed.getTime()) ? local : parsed.toISOString();
    }
    return {
      type: type.value,
      at: iso,
      key: key.value,
      ...(who.value.trim() ? { person: { name: who.value } } : {}),
      ...(editing?.deal ? { deal: editing.deal } : {}),
      ...(withAmount ? { amount: parseAmount(amount.value), currency: currency.value } : {}),
      ...(subject.value.trim() ? { subject: subject.value } : {}),
    };
  };

  const showProblems = (problems: readonly ManualProblem[]) => {
    const next: Errors = {};
    for (const p of problems) {
      const text = manualProblemText(p);
      next[p.field] = next[p.field] ? `${next[p.field]} ${text}` : text;
    }
    errors.value = next;
    const first = FIELD_ORDER.find(f => next[f]);
    if (first) form.current?.ownerDocument.getElementById(ids[first])?.focus();
    status.value = next.entry || next.deal ? { kind: 'error', text: [next.entry, next.deal].filter(Boolean).join(' ') } : { kind: 'idle' };
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy.value) return; // the key makes a resend harmless; this just avoids the wait
    const at = new Date();
    const draft = build(at);
    const checked = validateManual(draft, at);
    if (!checked.ok) return showProblems(checked.problems);
    const editingId = editing?.id;
    busy.value = true;
    status.value = { kind: 'idle' };
    try {
      if (editingId) await onEdit(editingId, checked.entry);
      else await onLog(checked.entry);
      reset();
      status.value = { kind: 'ok', text: t(editingId ? 'quick_changes_saved' : 'quick_logged') };
    } catch (error) {
      if (error instanceof ManualEntryError) showProblems(error.problems);
      else status.value = { kind: 'error', text: t('quick_not_saved', error instanceof Error ? error.message : String(error)) };
    } finally {
      busy.value = false;
    }
  };

  const cancel = () => {
    reset();
    status.value = { kind: 'idle' };
    onCancelEdit();
    focusQuickAdd(form.current?.ownerDocument);
  };

  const described = (field: ManualField, hint?: string) => {
    const err = errors.value[field];
    const byIds = [hint, err ? `${ids[field as keyof typeof ids]}-error` : undefined].filter(Boolean).join(' ');
    return {
      'aria-invalid': err ? ('true' as const) : undefined,
      'aria-describedby': byIds || undefined,
      style: err ? { ...fieldStyle, ...invalidStyle } : fieldStyle,
    };
  };
  const errorFor = (field: Exclude<ManualField, 'entry' | 'deal'>) =>
    errors.value[field] ? <p id={`${ids[field]}-error`} class="error" style={errorStyle}>{errors.value[field]}</p> : null;
  const clear = (field: ManualField) => {
    if (errors.value[field]) errors.value = { ...errors.value, [field]: undefined };
  };

  const amountLabel = manualAmountLabel(type.value);
  const optional = <span class="muted" style={{ fontWeight: 'normal' }}>{t('quick_optional')}</span>;
  return (
    <form ref={form} onSubmit={e => void submit(e)} aria-labelledby="quick-add-title" noValidate
      onKeyDown={e => { if (e.key === 'Escape' && editing) { e.preventDefault(); cancel(); } }}>
      <p id="quick-add-title" class="muted" style={{ margin: 0 }}>
        {editing
          ? tParts('quick_editing', <strong>{manualEntryLabel(editing)}</strong>)
          : tParts('quick_intro', <><kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>L</kbd></>)}
      </p>

      <label for={ids.type}>{t('quick_what')}</label>
      <select id={ids.type} value={type.value} {...described('type')}
        onChange={e => { type.value = e.currentTarget.value as ManualType; clear('type'); clear('amount'); clear('currency'); }}>
        {MANUAL_TYPES.map(m => <option key={m} value={m}>{manualTypeLabel(m)}</option>)}
      </select>
      {errorFor('type')}

      <label for={ids.person}>{t('quick_who')} {optional}</label>
      <input id={ids.person} type="text" autocomplete="off" maxLength={MAX_NAME} value={who.value} {...described('person')}
        onInput={e => { who.value = e.currentTarget.value; clear('person'); }} />
      {errorFor('person')}

      {amountLabel && (
        <div style={{ display: 'flex', gap: '8px', maxWidth: '360px' }}>
          <div style={{ flex: '1 1 auto', minWidth: 0 }}>
            <label for={ids.amount}>{amountLabel} {optional}</label>
            <input id={ids.amount} type="text" inputMode="decimal" autocomplete="off" value={amount.value} {...described('amount')}
              onInput={e => { amount.value = e.currentTarget.value; clear('amount'); clear('currency'); }} />
          </div>
          <div style={{ flex: '0 0 6em' }}>
            <label for={ids.currency}>{t('quick_currency')}</label>
            <input id={ids.currency} type="text" autocomplete="off" maxLength={3} spellcheck={false} value={currency.value} {...described('currency')}
              onInput={e => { currency.value = e.currentTarget.value.toUpperCase(); clear('currency'); }} />
          </div>
        </div>
      )}
      {amountLabel && errorFor('amount')}
      {amountLabel && errorFor('currency')}

      <label for={ids.subject}>{t('quick_subject')} <span class="muted" style={{ fontWeight: 'normal' }}>{t('quick_subject_hint')}</span></label>
      <input id={ids.subject} type="text" autocomplete="off" maxLength={MAX_SUBJECT} value={subject.value} {...described('subject')}
        onInput={e => { subject.value = e.currentTarget.value; clear('subject'); }} />
      {errorFor('subject')}

      <label for={ids.at}>{t('quick_when')}</label>
      <input id={ids.at} type="datetime-local" max={toLocalInput(now)} value={atLocal.value ?? toLocalInput(now)} {...described('at')}
        onInput={e => { atLocal.value = e.currentTarget.value; clear('at'); }} />
      {errorFor('at')}

      <p style={{ display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', margin: '10px 0 0' }}>
        <button type="submit" disabled={busy.value} aria-busy={busy.value ? 'true' : undefined}>{t(editing ? 'quick_save_changes' : 'quick_save')}</button>
        {editing && <button type="button" class="secondary" onClick={cancel}>{t('quick_cancel_edit')}</button>}
        <span role="status" class="ok">{status.value.kind === 'ok' ? status.value.text : ''}</span>
      </p>
      {status.value.kind === 'error' && <p role="alert" class="error" style={errorStyle}>{status.value.text}</p>}
    </form>
  );
}
