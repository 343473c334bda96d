import { useSignal } from '@preact/signals';
import { eraseEverything, erasureReportFileName, type ErasureReport } from '../lib/erase';
import { formatNumber, t } from '../lib/i18n';
import { db } from '../lib/store';
import { downloadParts } from '../lib/transfer-download';
import { EraseReportView } from './EraseReportView';

type Counts = { events: number; deals: number; people: number };

/** Erase everything: a confirm that names what will go, then a report. */
export function EraseEverything() {
  const counts = useSignal<Counts | undefined>(undefined);
  const report = useSignal<ErasureReport | undefined>(undefined);
  const error = useSignal('');
  const ask = async () => {
    report.value = undefined;
    const d = db();
    counts.value = { events: await d.events.count(), deals: await d.deals.count(), people: await d.people.count() };
  };
  const erase = async () => {
    try {
      report.value = await eraseEverything(db());
      counts.value = undefined;
    } catch (err) {
      error.value = t('erase_nothing_erased', String(err));
    }
  };
  const c = counts.value;
  return (
    <div>
      <p><button type="button" class="secondary" onClick={() => void ask()}>{t('erase_all_button')}</button></p>
      {c && (
        <div class="erase-confirm" role="alertdialog" aria-labelledby="erase-all-title" aria-describedby="erase-all-what">
          <p id="erase-all-title"><strong>{t('erase_all_confirm_title')}</strong></p>
          <p id="erase-all-what">{t('erase_all_confirm_what', [formatNumber(c.events), formatNumber(c.deals), formatNumber(c.people)])}</p>
          <p class="button-row">
            <button type="button" class="danger" ref={el => el?.focus()} onClick={() => void erase()}>{t('erase_all_confirm', formatNumber(c.events))}</button>
            <button type="button" class="secondary" onClick={() => (counts.value = undefined)}>{t('erase_all_keep')}</button>
          </p>
        </div>
      )}
      {error.value && <p role="alert" class="error">{error.value}</p>}
      {report.value && (
        <EraseReportView report={report.value} onDownload={() => downloadParts(erasureReportFileName(new Date()), [JSON.stringify(report.value, null, 1)], 'application/json')} />
      )}
    </div>
  );
}
