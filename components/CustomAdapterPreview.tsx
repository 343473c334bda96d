import { anchorText } from '../lib/health-words';
import { t, uiLocale, type MessageKey } from '../lib/i18n';
import type { PageReading, VisibleActivityType } from '../lib/sites/types';

const STATUS_KEYS = { open: 'page_status_open', won: 'page_status_won', lost: 'page_status_lost' } as const satisfies Record<string, MessageKey>;
const TYPE_KEYS: Record<VisibleActivityType, MessageKey> = { call: 'custom_type_call', email: 'custom_type_email', meeting: 'custom_type_meeting', task: 'custom_type_task' };

type Preview = { title: string; url: string; reading: PageReading } | { error: string };

/** What the unsaved config reads on the tab: shown as text, never as the page's markup. */
export function CustomAdapterPreview({ preview }: { preview: Preview }) {
  if ('error' in preview) return <p role="alert" class="error">{preview.error}</p>;
  const { reading } = preview;
  return (
    <div class="custom-preview" role="region" aria-label={t('custom_preview_region')} data-testid="custom-preview">
      <p><strong>{t('custom_preview_on', preview.title)}</strong> <span class="muted">({preview.url})</span></p>
      {reading.kind === 'deal' ? (
        <>
          <table>
            <tbody>
              <tr><th scope="row">{t('custom_preview_name')}</th><td>{reading.deal.name}</td></tr>
              <tr><th scope="row">{t('custom_preview_stage')}</th><td>{reading.deal.stage} ({t(STATUS_KEYS[reading.deal.status]).toLocaleLowerCase(uiLocale())})</td></tr>
              <tr><th scope="row">{t('custom_preview_amount')}</th><td>{reading.deal.amount === null ? t('custom_preview_unknown') : `${reading.deal.amount} ${reading.deal.currency ?? ''}`.trim()}</td></tr>
              <tr><th scope="row">{t('custom_preview_close_date')}</th><td>{reading.deal.closeDate ?? t('custom_preview_unknown')}</td></tr>
              <tr><th scope="row">{t('custom_preview_activities')}</th><td>{t('custom_preview_activity_count', [reading.activities.length, reading.activities.filter(a => a.byMe).length])}</td></tr>
            </tbody>
          </table>
          {reading.activities.length > 0 && (
            <ul>
              {reading.activities.slice(0, 5).map((a, i) => (
                <li key={i}>{t(TYPE_KEYS[a.type])}: {a.subject} <span class="muted">{a.at ? new Date(a.at).toLocaleString(uiLocale()) : t('custom_preview_no_date', a.dateText || t('custom_preview_none'))}{a.byMe ? '' : t('custom_preview_not_yours')}</span></li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>{t('custom_preview_nothing')}</p>
      )}
      {!reading.health.ok && <p class="error">{t('custom_preview_not_found', reading.health.missing.map(anchorText).join('; '))}</p>}
    </div>
  );
}
