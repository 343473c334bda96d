import type { PageState } from '../lib/messages';
import { wholeDaysBetween } from '../lib/metrics/periods';
import type { ActivityEvent, DealSnapshot } from '../lib/model';
import type { Loadable } from '../lib/store';
import { siteLabel } from '../lib/site-labels';
import type { EarningsView } from '../lib/scorecard-extras';
import { formatNumber, pluralKey, t, uiLocale, type MessageKey } from '../lib/i18n';
import { missingText } from '../lib/health-words';
import { touchLabel } from '../lib/touch-labels';
import { tPlural } from './t-parts';

export interface ThisPageProps {
  page: { url?: string; state?: PageState };
  deal: Loadable<DealSnapshot | undefined>;
  touches: ActivityEvent[];
  now: Date;
  /** What closing the open deal adds to the commission estimate; null for a closed deal, undefined while the scorecard loads. */
  earnings?: EarningsView | null;
}

const STATUS_KEYS = { open: 'page_status_open', won: 'page_status_won', lost: 'page_status_lost' } as const satisfies Record<DealSnapshot['status'], MessageKey>;
const recordType = (type: 'lead' | 'contact' | 'linkedin') =>
  type === 'linkedin' ? 'LinkedIn' : t(type === 'lead' ? 'page_record_lead' : 'page_record_contact');

/** Whole days in the browser's locale ("1,234d", "1.234 T"); a date Pacer could not read stays unknown. */
const days = (n: number) => (Number.isFinite(n) ? t('page_days', formatNumber(n)) : t('page_unknown'));

function formatAmount(deal: DealSnapshot): string {
  const locale = uiLocale();
  if (deal.amount === null) return t('page_unknown');
  if (!deal.currency) return formatNumber(deal.amount, locale);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: deal.currency, maximumFractionDigits: 0 }).format(deal.amount);
  } catch {
    return `${deal.currency} ${formatNumber(deal.amount, locale)}`;
  }
}

/** `2027-01-11` in the reader's locale, read as a calendar date (no time-zone shift). */
function formatCloseDate(isoDate: string | undefined): string {
  const m = isoDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return t('page_unknown');
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toLocaleDateString(uiLocale(), { dateStyle: 'medium' });
}

/** What a LinkedIn page that is neither a profile nor a lead shows, as counts. */
function listDetailText(d: NonNullable<PageState['listDetail']>): string {
  if (d.what === 'conversations') return tPlural(d.count, 'page_li_conversations_one', 'page_li_conversations_other');
  if (d.what === 'people') return tPlural(d.count, 'page_li_people_one', 'page_li_people_other');
  return d.direction === 'sent'
    ? tPlural(d.count, 'page_li_sent_one', 'page_li_sent_other')
    : tPlural(d.count, 'page_li_received_one', 'page_li_received_other');
}

function Touches({ touches }: { touches: ActivityEvent[] }) {
  if (touches.length === 0) return <p class="muted">{t('page_no_touches')}</p>;
  const locale = uiLocale();
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  return (
    <table>
      <caption>{t('page_touches_caption')}</caption>
      <tbody>
        {touches.map(e => (
          <tr key={e.id} data-touch={e.type}>
            <th scope="row">{e.meta?.subject ? t('page_touch_subject', [touchLabel(e.type), e.meta.subject]) : touchLabel(e.type)} <span class="muted">{t('page_touch_site', siteLabel(e.site))}</span></th>
            <td class="num"><time dateTime={e.at}>{when(e.at)}</time></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Earnings({ earnings }: { earnings: EarningsView | null | undefined }) {
  if (earnings === null) return null;
  return (
    <tr data-testid="deal-earns">
      <th scope="row">{t('page_closing_earns')}</th>
      <td class="num">
        {earnings === undefined ? (
          <span class="muted">{t('page_working_out')}</span>
        ) : (
          <>
            {earnings.earns}
            {[earnings.reason, earnings.expected, earnings.after].filter(Boolean).map(t => (
              <span key={t} class="muted" style={{ display: 'block', fontSize: '12px', fontWeight: 'normal' }}>
                {t}
              </span>
            ))}
          </>
        )}
      </td>
    </tr>
  );
}

function DealDetails({ deal, now, earnings }: { deal: DealSnapshot; now: Date; earnings?: EarningsView | null }) {
  return (
    <div data-deal-id={deal.id}>
      <p style={{ margin: '0 0 4px', fontWeight: 700 }}>{deal.name}</p>
      <table>
        <tbody>
          <tr><th scope="row">{t('page_stage')}</th><td class="num">{deal.stage}</td></tr>
          <tr><th scope="row">{t('page_in_stage')}</th><td class="num">{days(wholeDaysBetween(deal.stageEnteredAt, now))}</td></tr>
          {deal.createdAt && <tr><th scope="row">{t('page_cycle')}</th><td class="num">{days(wholeDaysBetween(deal.createdAt, now))}</td></tr>}
          <tr><th scope="row">{t('page_amount')}</th><td class="num">{formatAmount(deal)}</td></tr>
          <tr><th scope="row">{t('page_close_date')}</th><td class="num">{formatCloseDate(deal.closeDate)}</td></tr>
          <tr><th scope="row">{t('page_status')}</th><td class="num">{t(STATUS_KEYS[deal.status])}</td></tr>
          <Earnings earnings={earnings} />
        </tbody>
      </table>
    </div>
  );
}

/** Adapter health for a page Pacer reads: all its anchors found, or which ones are missing (what is not read). */
function AdapterHealth({ state }: { state: PageState }) {
  const site = siteLabel(state.site);
  if (state.health.ok || state.health.missing.length === 0) {
    return (
      <p class="muted" data-testid="adapter-health" data-health="ok" style={{ margin: '0 0 6px', fontSize: '12px' }}>
        <span aria-hidden="true">✓ </span>
        {t('page_reads', site)}
      </p>
    );
  }
  return (
    <p class="error" role="status" data-testid="adapter-health" data-health="partial" style={{ margin: '0 0 6px', fontSize: '12px' }}>
      {t('page_read_in_part', [site, missingText(state.health.missing)])}
    </p>
  );
}

/** "Salesforce: 12 deals on this page, …": the count by the language's plural rules. */
function listRows(site: string, rows: number): string {
  return t(pluralKey(rows, 'page_list_rows_one', 'page_list_rows_other'), [site, formatNumber(rows)]);
}

/** The deal, person or list on the active tab, or why Pacer cannot read it. */
export function ThisPage({ page, deal, touches, now, earnings }: ThisPageProps) {
  const { state } = page;
  if (!state) {
    return <p class="muted">{t('page_empty')}</p>;
  }
  if (state.kind === 'unknown') {
    return (
      <p role="status">
        {state.health.missing.length
          ? t('page_cant_read_missing', [siteLabel(state.site), missingText(state.health.missing)])
          : t('page_cant_read', siteLabel(state.site))}
      </p>
    );
  }
  if (state.kind === 'list') {
    const detail = state.listDetail ? listDetailText(state.listDetail) : state.detail;
    if (detail) return <p role="status">{t('page_list_detail', [siteLabel(state.site), detail])}</p>;
    return (
      <>
        <AdapterHealth state={state} />
        <p role="status" data-list-rows={state.rows}>{listRows(siteLabel(state.site), state.rows ?? 0)}</p>
      </>
    );
  }
  if (state.kind === 'person' && state.person) {
    const p = state.person;
    return (
      <>
        <AdapterHealth state={state} />
        <div data-person-id={p.crmId ?? state.profileUrl}>
          <p style={{ margin: '0 0 4px', fontWeight: 700 }}>{p.name}</p>
          <p class="muted" style={{ margin: '0 0 6px' }}>
            {[p.title, p.company, recordType(p.recordType)].filter(Boolean).join(' · ')}
          </p>
          <h3 class="sub">{t('page_touches_across')}</h3>
          <Touches touches={touches} />
        </div>
      </>
    );
  }
  if (deal.status === 'loading') return <p class="muted" aria-busy="true">{t('page_loading_deal')}</p>;
  if (deal.status === 'error') return <p class="error" role="alert">{t('page_deal_error', deal.message)}</p>;
  if (!deal.value) return <p class="muted" aria-busy="true">{t('page_reading_deal')}</p>;
  return (
    <>
      <AdapterHealth state={state} />
      <DealDetails deal={deal.value} now={now} earnings={earnings} />
      <h3 class="sub">{t('page_touches')}</h3>
      <Touches touches={touches} />
    </>
  );
}
