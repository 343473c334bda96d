import { useSignal } from '@preact/signals';
import { formatNumber, t } from '../lib/i18n';
import { planSettings } from '../lib/settings';
import { db } from '../lib/store';
import { blobSource, commitImport, dryRunImport, INVALID_LIST_CAP, type ImportSummary } from '../lib/transfer-import';
import { ExportFileError } from '../lib/transfer-scan';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportSummaryView } from './ImportSummaryView';
import { tParts, tPlural } from './t-parts';

/** Larger than any export a rep's years of work make; past it, the file is not read at all. */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

type Step =
  | { kind: 'idle' }
  | { kind: 'checking'; file: File; fraction: number }
  | { kind: 'ready'; file: File; summary: ImportSummary }
  | { kind: 'importing'; file: File; fraction: number };

type Status = { ok: boolean; text: string };

// The confirm button's name is a contract ("Import 60000 events"): the locale's digits, no grouping.
const events = (n: number) => tPlural(n, 'import_events_one', 'import_events_other', { useGrouping: false });
const deals = (n: number) => tPlural(n, 'import_deals_one', 'import_deals_other', { useGrouping: false });

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
      text: error instanceof ExportFileError ? `${file.name}: ${error.message}` : t('import_failed', String(error)),
    };
  };

  const check = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    status.value = undefined;
    if (file.size > MAX_FILE_BYTES) {
      status.value = { ok: false, text: t('import_too_large', file.name) };
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
        text: t('import_done', [file.name, formatNumber(r.eventsAdded), formatNumber(r.eventsPresent), formatNumber(r.dealsUpdated)]) +
          (invalid ? ` ${tPlural(invalid, 'import_skipped_one', 'import_skipped_other')}` : ''),
      };
    } catch (error) {
      fail(file, error);
    }
  };

  const s = step.value;
  return (
    <div>
      <p class="muted">{tParts('import_help', <code>pacer-export</code>)}</p>
      <p class="button-row">
        {/* The native input stays focusable (visually hidden); its label is the visible button. */}
        <input id="import-file" class="file-input" type="file" accept="application/json,.json,text/csv,.csv" aria-label={t('import_file_label')}
          disabled={s.kind === 'checking' || s.kind === 'importing'} onChange={e => void check(e.currentTarget)} />
        <label class="button secondary" for="import-file">{t('import_button')}</label>
      </p>
      {s.kind === 'checking' && <ImportProgressBar label={t('import_checking', s.file.name)} fraction={s.fraction} />}
      {s.kind === 'importing' && <ImportProgressBar label={t('import_importing', s.file.name)} fraction={s.fraction} />}
      {s.kind === 'ready' && (
        <div class="import-summary" role="region" aria-labelledby="import-summary-title">
          <ImportSummaryView fileName={s.file.name} summary={s.summary} cap={INVALID_LIST_CAP} />
          <p class="button-row">
            <button type="button" ref={el => el?.focus()} onClick={() => void commit(s.file, s.summary)}>
              {s.summary.deals.new + s.summary.deals.newer
                ? t('import_confirm_with_deals', [events(s.summary.events.new), deals(s.summary.deals.new + s.summary.deals.newer)])
                : t('import_confirm', events(s.summary.events.new))}
            </button>
            <button type="button" class="secondary" onClick={() => { step.value = { kind: 'idle' }; status.value = { ok: true, text: t('import_cancelled', s.file.name) }; }}>
              {t('import_cancel')}
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
