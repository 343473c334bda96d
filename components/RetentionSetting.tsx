import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatDate, formatNumber, t } from '../lib/i18n';
import { RETENTION_CHOICES, retentionCutoff } from '../lib/retention';
import { retentionLabel, retentionSettings } from '../lib/retention-settings';

/** How long events are kept: forever (the default) or N months, enforced daily by the background. */
export function RetentionSetting() {
  const months = useSignal<number | null | undefined>(undefined);
  const saved = useSignal(false);
  useEffect(() => void retentionSettings.getValue().then(v => (months.value = v.months)), []);
  const save = async (e: Event) => {
    e.preventDefault();
    if (months.value === undefined) return;
    await retentionSettings.setValue({ months: months.value });
    saved.value = true;
  };
  const m = months.value;
  return (
    <form onSubmit={save}>
      <label for="retention">{t('retention_label')}</label>
      <select id="retention" value={m === null ? 'forever' : String(m ?? '')} disabled={m === undefined} aria-describedby="retention-help"
        onChange={e => { const v = e.currentTarget.value; months.value = v === 'forever' ? null : Number(v); saved.value = false; }}>
        {RETENTION_CHOICES.map(c => <option key={String(c)} value={c === null ? 'forever' : String(c)}>{retentionLabel(c)}</option>)}
      </select>
      <p class="muted" id="retention-help">
        {m === null || m === undefined
          ? t('retention_forever_help')
          : t('retention_months_help', [formatDate(retentionCutoff(m, new Date()).toISOString()), formatNumber(m)])}
      </p>
      <p><button type="submit">{t('retention_save')}</button> {saved.value && <span class="ok" role="status">{t('options_saved')}</span>}</p>
    </form>
  );
}
