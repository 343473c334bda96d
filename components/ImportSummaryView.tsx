import { formatNumber, t, uiLocale } from '../lib/i18n';
import type { ImportSummary } from '../lib/transfer-import';

/** The dry run's findings, as text (whatever a file contains is shown, never run). */
export function ImportSummaryView({ fileName, summary, cap }: { fileName: string; summary: ImportSummary; cap: number }) {
  const { events, deals } = summary;
  const invalid = events.invalid + deals.invalid;
  return (
    <>
      <h3 class="sub" id="import-summary-title">{t('import_summary_title', fileName)}</h3>
      <p class="muted">
        {summary.exportedAt
          ? (summary.rep?.name || summary.rep?.email
            ? t('import_summary_exported', [new Date(summary.exportedAt).toLocaleString(uiLocale()), [summary.rep.name, summary.rep.email && `<${summary.rep.email}>`].filter(Boolean).join(' ')])
            : t('import_summary_exported_anonymous', new Date(summary.exportedAt).toLocaleString(uiLocale())))
          : t('import_summary_csv')}
      </p>
      <table data-testid="import-summary">
        <caption>{t('import_summary_caption')}</caption>
        <tbody>
          <tr><th scope="row">{t('import_summary_events_new')}</th><td class="num">{formatNumber(events.new)}</td></tr>
          <tr><th scope="row">{t('import_summary_events_present')}</th><td class="num">{formatNumber(events.present)}</td></tr>
          <tr><th scope="row">{t('import_summary_events_deleted')}</th><td class="num">{formatNumber(events.deleted)}</td></tr>
          <tr><th scope="row">{t('import_summary_events_repeated')}</th><td class="num">{formatNumber(events.repeated)}</td></tr>
          <tr><th scope="row">{t('import_summary_events_invalid')}</th><td class="num">{formatNumber(events.invalid)}</td></tr>
          <tr><th scope="row">{t('import_summary_deals_new')}</th><td class="num">{formatNumber(deals.new)}</td></tr>
          <tr><th scope="row">{t('import_summary_deals_newer')}</th><td class="num">{formatNumber(deals.newer)}</td></tr>
          <tr><th scope="row">{t('import_summary_deals_older')}</th><td class="num">{formatNumber(deals.older)}</td></tr>
          <tr><th scope="row">{t('import_summary_deals_invalid')}</th><td class="num">{formatNumber(deals.invalid)}</td></tr>
        </tbody>
      </table>
      {invalid > 0 && (
        <details open={invalid <= 5}>
          <summary>{invalid > cap ? t('import_invalid_first', [formatNumber(cap), formatNumber(invalid)]) : invalid === 1 ? t('import_invalid_one') : t('import_invalid_other', formatNumber(invalid))}</summary>
          <ul data-testid="import-invalid">
            {summary.invalid.map(row => <li key={row.where}><code>{row.where}</code> {row.reason}</li>)}
          </ul>
        </details>
      )}
    </>
  );
}
