import type { PageState } from '../lib/messages';
import { wholeDaysBetween } from '../lib/metrics/period';
import { EVENT_LABEL_ONE } from '../lib/labels';
import type { ActivityEvent, DealSnapshot } from '../lib/model';
import type { Loadable } from '../lib/store';
import { siteLabel } from '../lib/site-labels';
import type { EarningsView } from '../lib/scorecard-extras';

export interface ThisPageProps {
  page: { url?: string; state?: PageState };
  deal: Loadable<DealSnapshot | undefined>;
  touches: ActivityEvent[];
  now: Date;
  /** What closing the open deal adds to the commission estimate; null for a closed deal, undefined while the scorecard loads. */
  earnings?: EarningsView | null;
}

const STATUS_LABELS = { open: 'Open', won: 'Won', lost: 'Lost' } as const;
const RECORD_TYPES = { lead: 'Lead', contact: 'Contact', linkedin: 'LinkedIn' } as const;

/** Whole days in the browser's locale ("1,234d"); a date Pacer could not read stays unknown. */
const days = (n: number) => (Number.isFinite(n) ? `${new Intl.NumberFormat().format(n)}d` : 'unknown');

function formatAmount(deal: DealSnapshot): string {
  if (deal.amount === null) return 'unknown';
  if (!deal.currency) return new Intl.NumberFormat().format(deal.amount);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: deal.currency, maximumFractionDigits: 0 }).format(deal.amount);
  } catch {
    return `${deal.currency} ${new Intl.NumberFormat().format(deal.amount)}`;
  }
}

/** `2027-01-11` in the reader's locale, read as a calendar date (no time-zone shift). */
function formatCloseDate(isoDate: string | undefined): string {
  const m = isoDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return 'unknown';
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

function Touches({ touches }: { touches: ActivityEvent[] }) {
  if (touches.length === 0) return <p class="muted">No touches recorded yet.</p>;
  const when = (iso: string) => new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  return (
    <table>
      <caption>Latest touches, newest first</caption>
      <tbody>
        {touches.map(e => (
          <tr key={e.id} data-touch={e.type}>
            <th scope="row">{EVENT_LABEL_ONE[e.type]}{e.meta?.subject ? `: ${e.meta.subject}` : ''} <span class="muted">({siteLabel(e.site)})</span></th>
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
      <th scope="row">Closing it earns</th>
      <td class="num">
        {earnings === undefined ? (
          <span class="muted">working it out…</span>
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
          <tr><th scope="row">Stage</th><td class="num">{deal.stage}</td></tr>
          <tr><th scope="row">In stage</th><td class="num">{days(wholeDaysBetween(deal.stageEnteredAt, now))}</td></tr>
          {deal.createdAt && <tr><th scope="row">Cycle</th><td class="num">{days(wholeDaysBetween(deal.createdAt, now))}</td></tr>}
          <tr><th scope="row">Amount</th><td class="num">{formatAmount(deal)}</td></tr>
          <tr><th scope="row">Close date</th><td class="num">{formatCloseDate(deal.closeDate)}</td></tr>
          <tr><th scope="row">Status</th><td class="num">{STATUS_LABELS[deal.status]}</td></tr>
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
        {site}: Pacer reads this page.
      </p>
    );
  }
  return (
    <p class="error" role="status" data-testid="adapter-health" data-health="partial" style={{ margin: '0 0 6px', fontSize: '12px' }}>
      {site}: this page is read in part (no {state.health.missing.join(', no ')} found).
    </p>
  );
}

/** The deal, person or list on the active tab, or why Pacer cannot read it. */
export function ThisPage({ page, deal, touches, now, earnings }: ThisPageProps) {
  const { state } = page;
  if (!state) {
    return <p class="muted">Open a deal, lead or contact in Salesforce, HubSpot or Pipedrive and it shows here, with its sales-cycle clock.</p>;
  }
  if (state.kind === 'unknown') {
    return (
      <p role="status">
        {siteLabel(state.site)}: can't read this page{state.health.missing.length ? ` (no ${state.health.missing.join(', no ')} found)` : ''}.
      </p>
    );
  }
  if (state.kind === 'list') {
    if (state.detail) return <p role="status">{siteLabel(state.site)}: {state.detail}</p>;
    return (
      <>
        <AdapterHealth state={state} />
        <p role="status" data-list-rows={state.rows}>{siteLabel(state.site)}: {state.rows ?? 0} deals on this page, kept up to date in Pacer.</p>
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
            {[p.title, p.company, RECORD_TYPES[p.recordType]].filter(Boolean).join(' · ')}
          </p>
          <h3 class="sub">Touches across LinkedIn and your CRM</h3>
          <Touches touches={touches} />
        </div>
      </>
    );
  }
  if (deal.status === 'loading') return <p class="muted" aria-busy="true">Loading the deal…</p>;
  if (deal.status === 'error') return <p class="error" role="alert">Could not read the deal: {deal.message}</p>;
  if (!deal.value) return <p class="muted" aria-busy="true">Reading this deal…</p>;
  return (
    <>
      <AdapterHealth state={state} />
      <DealDetails deal={deal.value} now={now} earnings={earnings} />
      <h3 class="sub">Touches</h3>
      <Touches touches={touches} />
    </>
  );
}
