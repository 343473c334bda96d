import { useSignal } from '@preact/signals';
import { csvFileName, type CsvTable } from '../lib/csv';
import { exportFileName } from '../lib/export-format';
import { repIdentity } from '../lib/settings';
import { db } from '../lib/store';
import { exportAll, exportCsv } from '../lib/transfer';
import { downloadParts } from '../lib/transfer-download';

const CSV_TABLES: { table: CsvTable; label: string }[] = [
  { table: 'events', label: 'Events (CSV)' },
  { table: 'deals', label: 'Deals (CSV)' },
  { table: 'people', label: 'People (CSV)' },
  { table: 'tombstones', label: 'Deleted event ids (CSV)' },
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
      status.value = { ok: false, text: `Export failed: ${String(error)}` };
    } finally {
      busy.value = false;
    }
  };
  const json = () => run(async () => {
    const now = new Date();
    const data = await exportAll(db(), await repIdentity.getValue(), now);
    downloadParts(exportFileName(now), [JSON.stringify(data, null, 1)], 'application/json');
    return `Exported ${data.events.length} events and ${data.deals.length} deals.`;
  });
  const csv = (table: CsvTable) => run(async () => {
    const parts = await exportCsv(db(), table);
    downloadParts(csvFileName(table, new Date()), parts, 'text/csv;charset=utf-8');
    return `Exported ${parts.length - 1} rows of ${table} as CSV.`;
  });
  return (
    <div>
      <p class="muted">Everything in Pacer's public format (<code>pacer-export</code>, version 1), or one table as CSV for a spreadsheet (cells a spreadsheet would run as a formula are prefixed with <code>'</code>).</p>
      <p class="button-row">
        <button type="button" onClick={() => void json()} disabled={busy.value}>Export data (JSON)</button>
        {CSV_TABLES.map(({ table, label }) => (
          <button type="button" class="secondary" key={table} onClick={() => void csv(table)} disabled={busy.value}>{label}</button>
        ))}
      </p>
      {status.value && (
        <p role={status.value.ok ? 'status' : 'alert'} class={status.value.ok ? 'ok' : 'error'} data-testid="export-status">{status.value.text}</p>
      )}
    </div>
  );
}
