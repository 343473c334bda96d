import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { RETENTION_CHOICES, retentionCutoff, retentionLabel } from '../lib/retention';
import { retentionSettings } from '../lib/retention-settings';

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
      <label for="retention">Keep events</label>
      <select id="retention" value={m === null ? 'forever' : String(m ?? '')} disabled={m === undefined} aria-describedby="retention-help"
        onChange={e => { const v = e.currentTarget.value; months.value = v === 'forever' ? null : Number(v); saved.value = false; }}>
        {RETENTION_CHOICES.map(c => <option key={String(c)} value={c === null ? 'forever' : String(c)}>{retentionLabel(c)}</option>)}
      </select>
      <p class="muted" id="retention-help">
        {m === null || m === undefined
          ? 'Events are kept until you delete them.'
          : `Once a day, events from before ${retentionCutoff(m, new Date()).toLocaleDateString()} (${m} months back) are deleted; with team sync on, on the server too.`}
      </p>
      <p><button type="submit">Save retention</button> {saved.value && <span class="ok" role="status">Saved.</span>}</p>
    </form>
  );
}
