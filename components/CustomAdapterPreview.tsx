import type { PageReading } from '../lib/sites/types';

type Preview = { title: string; url: string; reading: PageReading } | { error: string };

/** What the unsaved config reads on the tab: shown as text, never as the page's markup. */
export function CustomAdapterPreview({ preview }: { preview: Preview }) {
  if ('error' in preview) return <p role="alert" class="error">{preview.error}</p>;
  const { reading } = preview;
  return (
    <div class="custom-preview" role="region" aria-label="Preview" data-testid="custom-preview">
      <p><strong>On “{preview.title}”</strong> <span class="muted">({preview.url})</span></p>
      {reading.kind === 'deal' ? (
        <>
          <table>
            <tbody>
              <tr><th scope="row">Record name</th><td>{reading.deal.name}</td></tr>
              <tr><th scope="row">Stage</th><td>{reading.deal.stage} ({reading.deal.status})</td></tr>
              <tr><th scope="row">Amount</th><td>{reading.deal.amount === null ? 'unknown' : `${reading.deal.amount} ${reading.deal.currency ?? ''}`.trim()}</td></tr>
              <tr><th scope="row">Close date</th><td>{reading.deal.closeDate ?? 'unknown'}</td></tr>
              <tr><th scope="row">Activity rows</th><td>{reading.activities.length} ({reading.activities.filter(a => a.byMe).length} yours)</td></tr>
            </tbody>
          </table>
          {reading.activities.length > 0 && (
            <ul>
              {reading.activities.slice(0, 5).map((a, i) => (
                <li key={i}>{a.type}: {a.subject} <span class="muted">{a.at ? new Date(a.at).toLocaleString() : `date not read (${a.dateText || 'none'})`}{a.byMe ? '' : ', not yours'}</span></li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>Nothing read: this page does not match the pattern, or a required selector found nothing.</p>
      )}
      {!reading.health.ok && <p class="error">Not found: {reading.health.missing.join('; ')}</p>}
    </div>
  );
}
