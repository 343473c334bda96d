import { useSignal } from '@preact/signals';
import { csvFileName, type CsvTable } from '../lib/csv';
import { exportFileName } from '../lib/export-format';
import { repIdentity } from '../lib/settings';
import { formatNumber, t, type MessageKey } from '../lib/i18n';
import { db } from '../lib/store';
import { exportAll, exportCsv } from '../lib/transfer';
import { downloadParts } from '../lib/transfer-download';
import { tParts } from './t-parts';

const CSV_TABLES: { table: CsvTable; label: MessageKey }[] = [
  { table: 'events', label: 'export_csv_events' },
  { table: 'deals', label: 'export_csv_deals' },
  { table: 'people', label: 'export_csv_people' },
  { table: 'tombstones', label: 'export_csv_tombstones' },
];

/** Export everything in Pacer's public JSON format, or one table as CSV. */
export function ExportData() {
  const status = useSignal<{ ok: boolean; text: string } | undefined>(undefined);
  const busy = useSignal(false);
  const run = async (work: () => Promise<string>) => {
    busy.value = true;
    try {
      status.value = { ok: true, text: await work() };
    } catch (error) {
      status.value = { ok: false, text: t('export_failed', String(error)) };
    } finally {
      busy.value = false;
    }
  };
  const json = () => run(async () => {
    const now = new Date();
    const data = await exportAll(db(), await repIdentity.getValue(), now);
    downloadParts(exportFileName(now), [JSON.stringify(data, null, 1)], 'application/json');
    return t('export_json_done', [formatNumber(data.events.length), formatNumber(data.deals.length)]);
  });
  const csv = (table: CsvTable) => run(async () => {
    const parts = await exportCsv(db(), table);
    downloadParts(csvFileName(table, new Date()), parts, 'text/csv;charset=utf-8');
    return t('export_csv_done', [formatNumber(parts.length - 1), table]);
  });
  return (
    <div>
      <p class="muted">{tParts('export_help', <code>pacer-export</code>, <code>'</code>)}</p>
      <p class="button-row">
        <button type="button" onClick={() => void json()} disabled={busy.value}>{t('export_json')}</button>
        {CSV_TABLES.map(({ table, label }) => (
          <button type="button" class="secondary" key={table} onClick={() => void csv(table)} disabled={busy.value}>{t(label)}</button>
        ))}
      </p>
      {status.value && (
        <p role={status.value.ok ? 'status' : 'alert'} class={status.value.ok ? 'ok' : 'error'} data-testid="export-status">{status.value.text}</p>
      )}
    </div>
  );
}
