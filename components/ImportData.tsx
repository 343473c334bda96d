import { useSignal } from '@preact/signals';
import { planSettings } from '../lib/settings';
import { db } from '../lib/store';
import { blobSource, commitImport, dryRunImport, INVALID_LIST_CAP, type ImportSummary } from '../lib/transfer-import';
import { ExportFileError } from '../lib/transfer-scan';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportSummaryView } from './ImportSummaryView';

/** Larger than any export a rep's years of work make; past it, the file is not read at all. */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

type Step =
  | { kind: 'idle' }
  | { kind: 'checking'; file: File; fraction: number }
  | { kind: 'ready'; file: File; summary: ImportSummary }
  | { kind: 'importing'; file: File; fraction: number };

type Status = { ok: boolean; text: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Import in two steps: choosing a file checks it (a dry run that writes nothing) and shows
 * what would change; "Import N events" then writes it in one transaction.
 */
export function ImportData() {
  const step = useSignal<Step>({ kind: 'idle' });
  const status = useSignal<Status | undefined>(undefined);

  const fail = (file: File, error: unknown) => {
    step.value = { kind: 'idle' };
    status.value = {
      ok: false,
      text: error instanceof ExportFileError ? `${file.name}: ${error.message}` : `Import failed, nothing was changed: ${String(error)}`,
    };
  };

  const check = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    status.value = undefined;
    if (file.size > MAX_FILE_BYTES) {
      status.value = { ok: false, text: `${file.name}: This file is larger than 1 GB, far more than a Pacer export; nothing was read.` };
      return;
    }
    step.value = { kind: 'checking', file, fraction: 0 };
    try {
      const summary = await dryRunImport(db(), blobSource(file), {
        size: file.size,
        onProgress: p => (step.value = { kind: 'checking', file, fraction: p.fraction }),
      });
      step.value = { kind: 'ready', file, summary };
    } catch (error) {
      fail(file, error);
    }
  };

  const commit = async (file: File, summary: ImportSummary) => {
    step.value = { kind: 'importing', file, fraction: 0 };
    try {
      const r = await commitImport(db(), blobSource(file), {
        size: file.size,
        timeZone: (await planSettings.getValue()).timeZone,
        // Staging reads the file again (most of the time), then one transaction writes it.
        onProgress: p => (step.value = { kind: 'importing', file, fraction: p.phase === 'writing' ? 0.8 + 0.2 * p.fraction : 0.8 * p.fraction }),
      });
      const invalid = summary.events.invalid + summary.deals.invalid;
      step.value = { kind: 'idle' };
      status.value = {
        ok: true,
        text: `Imported ${file.name}: ${r.eventsAdded} new events, ${r.eventsPresent} already present, ${r.dealsUpdated} deals updated.` +
          (invalid ? ` ${plural(invalid, 'invalid row')} skipped.` : ''),
      };
    } catch (error) {
      fail(file, error);
    }
  };

  const s = step.value;
  return (
    <div>
      <p class="muted">Import a Pacer export (<code>pacer-export</code> JSON, version 1, or Pacer's events or deals CSV). Pacer checks the file first and shows what would change; nothing is written until you confirm. The same file twice changes nothing.</p>
      <p class="button-row">
        {/* The native input stays focusable (visually hidden); its label is the visible button. */}
        <input id="import-file" class="file-input" type="file" accept="application/json,.json,text/csv,.csv" aria-label="Import data from a Pacer export file"
          disabled={s.kind === 'checking' || s.kind === 'importing'} onChange={e => void check(e.currentTarget)} />
        <label class="button secondary" for="import-file">Import data…</label>
      </p>
      {s.kind === 'checking' && <ImportProgressBar label={`Checking ${s.file.name}`} fraction={s.fraction} />}
      {s.kind === 'importing' && <ImportProgressBar label={`Importing ${s.file.name}`} fraction={s.fraction} />}
      {s.kind === 'ready' && (
        <div class="import-summary" role="region" aria-labelledby="import-summary-title">
          <ImportSummaryView fileName={s.file.name} summary={s.summary} cap={INVALID_LIST_CAP} />
          <p class="button-row">
            <button type="button" ref={el => el?.focus()} onClick={() => void commit(s.file, s.summary)}>
              Import {plural(s.summary.events.new, 'event')}{s.summary.deals.new + s.summary.deals.newer ? ` and ${plural(s.summary.deals.new + s.summary.deals.newer, 'deal')}` : ''}
            </button>
            <button type="button" class="secondary" onClick={() => { step.value = { kind: 'idle' }; status.value = { ok: true, text: `Nothing was imported from ${s.file.name}.` }; }}>
              Cancel
            </button>
          </p>
        </div>
      )}
      {status.value && (
        <p role={status.value.ok ? 'status' : 'alert'} class={status.value.ok ? 'ok' : 'error'} data-testid="transfer-status">{status.value.text}</p>
      )}
    </div>
  );
}
