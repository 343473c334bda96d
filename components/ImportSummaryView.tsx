import type { ImportSummary } from '../lib/transfer-import';

/** The dry run's findings, as text (whatever a file contains is shown, never run). */
export function ImportSummaryView({ fileName, summary, cap }: { fileName: string; summary: ImportSummary; cap: number }) {
  const { events, deals } = summary;
  const invalid = events.invalid + deals.invalid;
  return (
    <>
      <h3 class="sub" id="import-summary-title">What importing {fileName} would do</h3>
      <p class="muted">
        {summary.exportedAt
          ? `Exported ${new Date(summary.exportedAt).toLocaleString()}${summary.rep?.name || summary.rep?.email ? ` by ${[summary.rep.name, summary.rep.email && `<${summary.rep.email}>`].filter(Boolean).join(' ')}` : ''}.`
          : 'A CSV table: it names no rep and no export time.'}
      </p>
      <table data-testid="import-summary">
        <caption>Events and deals in the file</caption>
        <tbody>
          <tr><th scope="row">New events (will be added)</th><td class="num">{events.new}</td></tr>
          <tr><th scope="row">Events already here (kept as they are)</th><td class="num">{events.present}</td></tr>
          <tr><th scope="row">Events you deleted here (not brought back)</th><td class="num">{events.deleted}</td></tr>
          <tr><th scope="row">Events listed twice in the file</th><td class="num">{events.repeated}</td></tr>
          <tr><th scope="row">Invalid events (skipped)</th><td class="num">{events.invalid}</td></tr>
          <tr><th scope="row">New deals</th><td class="num">{deals.new}</td></tr>
          <tr><th scope="row">Deals newer than here (will be updated)</th><td class="num">{deals.newer}</td></tr>
          <tr><th scope="row">Deals older than here (kept as they are)</th><td class="num">{deals.older}</td></tr>
          <tr><th scope="row">Invalid deals (skipped)</th><td class="num">{deals.invalid}</td></tr>
        </tbody>
      </table>
      {invalid > 0 && (
        <details open={invalid <= 5}>
          <summary>{invalid > cap ? `The first ${cap} of ${invalid} invalid rows` : `The ${invalid === 1 ? 'invalid row' : `${invalid} invalid rows`}`}, and why</summary>
          <ul data-testid="import-invalid">
            {summary.invalid.map(row => <li key={row.where}><code>{row.where}</code> {row.reason}</li>)}
          </ul>
        </details>
      )}
    </>
  );
}
