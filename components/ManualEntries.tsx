// The latest entries logged by hand, each with Edit and Delete. Delete asks first,
// inline (no window.confirm: it blocks the panel and reads badly to screen readers).
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t, uiLocale } from '../lib/i18n';
import { manualEntryLabel } from '../lib/manual-words';
import type { ActivityEvent } from '../lib/model';
import type { Loadable } from '../lib/store';

export interface ManualEntriesProps {
  entries: Loadable<ActivityEvent[]>;
  /** The entry the form is editing, marked in the list. */
  editingId?: string | undefined;
  onEdit(event: ActivityEvent): void;
  onDelete(id: string): Promise<unknown>;
}

function formatAmount(amount: number, currency: string | undefined): string {
  const locale = uiLocale();
  try {
    if (currency) return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // an unknown code: shown as is below
  }
  return `${currency ?? ''} ${new Intl.NumberFormat(locale).format(amount)}`.trim();
}

const rowStyle = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px', padding: '6px 0', borderBottom: '1px solid var(--line)' } as const;
const smallButton = { padding: '2px 10px' } as const;

export function ManualEntries({ entries, editingId, onEdit, onDelete }: ManualEntriesProps) {
  const confirming = useSignal<string | undefined>(undefined);
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  /** Where focus goes after the confirmation opens or closes. */
  const focusNext = useRef<string | undefined>(undefined);

  useEffect(() => {
    const selector = focusNext.current;
    focusNext.current = undefined;
    if (selector) (box.current?.querySelector<HTMLElement>(selector) ?? box.current)?.focus();
  });

  if (entries.status === 'loading') return <p class="muted" aria-busy="true">{t('manual_loading')}</p>;
  if (entries.status === 'error') return <p class="error" role="alert">{t('manual_read_failed', entries.message)}</p>;

  const ask = (id: string) => {
    confirming.value = id;
    status.value = undefined;
    focusNext.current = `[data-entry-id="${id}"] [data-confirm]`;
  };
  const keep = (id: string) => {
    confirming.value = undefined;
    focusNext.current = `[data-entry-id="${id}"] [data-delete]`;
  };
  const remove = async (id: string) => {
    try {
      await onDelete(id);
      status.value = { kind: 'ok', text: t('manual_deleted') };
      focusNext.current = '[data-none]'; // matches nothing: focus the list itself
    } catch (error) {
      status.value = { kind: 'error', text: t('manual_not_deleted', error instanceof Error ? error.message : String(error)) };
    } finally {
      confirming.value = undefined;
    }
  };

  return (
    <div ref={box} tabIndex={-1}>
      {entries.value.length === 0 ? (
        <p class="muted">{t('manual_none')}</p>
      ) : (
        <ul aria-label={t('manual_list')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {entries.value.map(e => {
            const label = manualEntryLabel(e);
            const asking = confirming.value === e.id;
            return (
              <li key={e.id} data-entry-id={e.id} data-type={e.type} aria-current={editingId === e.id ? 'true' : undefined} style={rowStyle}>
                <span style={{ flex: '1 1 12em', minWidth: 0 }}>
                  {label}
                  {e.amount !== undefined && <span class="muted"> · {formatAmount(e.amount, e.currency)}</span>}
                  {e.person?.name && e.meta?.subject && <span class="muted"> · {e.meta.subject}</span>}
                  {editingId === e.id && <span class="muted"> {t('manual_editing')}</span>}
                </span>
                {asking ? (
                  <span style={{ display: 'flex', gap: '6px', alignItems: 'center' }}
                    onKeyDown={ev => { if (ev.key === 'Escape') { ev.preventDefault(); keep(e.id); } }}>
                    <span>{t('manual_delete_ask')}</span>
                    <button type="button" style={{ ...smallButton, background: 'var(--bad)', borderColor: 'var(--bad)', color: 'var(--bg)' }}
                      data-confirm aria-label={t('manual_delete_yes_label', label)} onClick={() => void remove(e.id)}>{t('manual_delete')}</button>
                    <button type="button" class="secondary" style={smallButton} aria-label={t('manual_keep_label', label)} onClick={() => keep(e.id)}>{t('manual_keep')}</button>
                  </span>
                ) : (
                  <span style={{ display: 'flex', gap: '6px' }}>
                    <button type="button" class="secondary" style={smallButton} aria-label={t('manual_edit_label', label)} onClick={() => onEdit(e)}>{t('manual_edit')}</button>
                    <button type="button" class="secondary" style={smallButton} data-delete aria-label={t('manual_delete_label', label)} onClick={() => ask(e.id)}>{t('manual_delete')}</button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class={status.value?.kind === 'error' ? 'error' : 'ok'} style={{ margin: '4px 0 0' }}>{status.value?.text ?? ''}</p>
    </div>
  );
}
