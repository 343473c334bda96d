import type { ErasureReport } from '../lib/erase';

/** What an erasure removed, per table, with the report to download. */
export function EraseReportView({ report, onDownload }: { report: ErasureReport; onDownload(): void }) {
  const r = report.removed;
  return (
    <div role="status" data-testid="erase-report">
      <p class="ok">{report.scope === 'everything' ? 'Everything was erased.' : 'This person was erased.'} Removed:</p>
      <table>
        <tbody>
          <tr><th scope="row">Events</th><td class="num">{r.events}</td></tr>
          <tr><th scope="row">Deals</th><td class="num">{r.deals}</td></tr>
          <tr><th scope="row">People</th><td class="num">{r.people}</td></tr>
          <tr><th scope="row">Sighting links</th><td class="num">{r.sightings}</td></tr>
          <tr><th scope="row">Day totals</th><td class="num">{r.days}</td></tr>
        </tbody>
      </table>
      <p><button type="button" class="secondary" onClick={onDownload}>Download the erasure report</button></p>
    </div>
  );
}
