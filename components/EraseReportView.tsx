import type { ErasureReport } from '../lib/erase';
import { formatNumber, t } from '../lib/i18n';

/** What an erasure removed, per table, with the report to download. */
export function EraseReportView({ report, onDownload }: { report: ErasureReport; onDownload(): void }) {
  const r = report.removed;
  return (
    <div role="status" data-testid="erase-report">
      <p class="ok">{t(report.scope === 'everything' ? 'erase_report_everything' : 'erase_report_person')} {t('erase_report_removed')}</p>
      <table>
        <tbody>
          <tr><th scope="row">{t('erase_report_events')}</th><td class="num">{formatNumber(r.events)}</td></tr>
          <tr><th scope="row">{t('erase_report_deals')}</th><td class="num">{formatNumber(r.deals)}</td></tr>
          <tr><th scope="row">{t('erase_report_people')}</th><td class="num">{formatNumber(r.people)}</td></tr>
          <tr><th scope="row">{t('erase_report_sightings')}</th><td class="num">{formatNumber(r.sightings)}</td></tr>
          <tr><th scope="row">{t('erase_report_days')}</th><td class="num">{formatNumber(r.days)}</td></tr>
        </tbody>
      </table>
      <p><button type="button" class="secondary" onClick={onDownload}>{t('erase_report_download')}</button></p>
    </div>
  );
}
