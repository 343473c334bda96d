import type { PageState } from '../lib/messages';
import { wholeDaysBetween } from '../lib/metrics/period';
import type { DealSnapshot } from '../lib/model';
import type { Loadable } from '../lib/store';
import { siteLabel } from '../lib/site-labels';

export interface DealCardProps {
  page: { url?: string; state?: PageState };
  deal: Loadable<DealSnapshot | undefined>;
  now: Date;
}

function formatAmount(deal: DealSnapshot): string {
  if (deal.amount === null) return 'Amount unknown';
  if (!deal.currency) return new Intl.NumberFormat().format(deal.amount);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: deal.currency, maximumFractionDigits: 0 }).format(deal.amount);
  } catch {
    return `${deal.currency} ${new Intl.NumberFormat().format(deal.amount)}`;
  }
}

const STATUS_LABELS = { open: 'Open', won: 'Won', lost: 'Lost' } as const;

/** `2027-01-11` in the reader's locale, read as a calendar date (no time-zone shift). */
function formatCloseDate(isoDate: string | undefined): string {
  const m = isoDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return 'unknown';
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The deal on the active tab, or why there is none. */
export function DealCard({ page, deal, now }: DealCardProps) {
  const { state } = page;
  if (!state) {
    return <p class="muted">Open an opportunity in Salesforce Lightning and its deal shows here, with its stage clock.</p>;
  }
  if (state.kind === 'unknown') {
    return (
      <p role="status">
        {siteLabel(state.site)}: can't read this page{state.health.missing.length ? ` (no ${state.health.missing.join(', no ')} found)` : ''}.
      </p>
    );
  }
  if (deal.status === 'loading') return <p class="muted" aria-busy="true">Loading the deal…</p>;
  if (deal.status === 'error') return <p class="error" role="alert">Could not read the deal: {deal.message}</p>;
  const d = deal.value;
  if (!d) return <p class="muted" aria-busy="true">Reading this deal…</p>;
  return (
    <div data-deal-id={d.id}>
      <p style={{ margin: '0 0 4px', fontWeight: 700 }}>{d.name}</p>
      <table>
        <tbody>
          <tr><th scope="row">Stage</th><td class="num">{d.stage}</td></tr>
          <tr><th scope="row">In stage</th><td class="num">{wholeDaysBetween(d.stageEnteredAt, now)}d</td></tr>
          <tr><th scope="row">Amount</th><td class="num">{formatAmount(d)}</td></tr>
          <tr><th scope="row">Close date</th><td class="num">{formatCloseDate(d.closeDate)}</td></tr>
          <tr><th scope="row">Status</th><td class="num">{STATUS_LABELS[d.status]}</td></tr>
        </tbody>
      </table>
    </div>
  );
}
