// The weekly 1:1 review (issue #6, item 2). Dumb: the page hands it the rows, the words
// and the saved notes, and persists notes through onNotesChange.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ZonedPeriod } from '../lib/metrics/periods';
import { t } from '../lib/i18n';
import { reviewMarkdown, weekRangeLabel, type ReviewRow } from '../lib/review';

export interface WeeklyReviewProps {
  period: Pick<ZonedPeriod, 'startDate' | 'endDate'>;
  rows: readonly ReviewRow[];
  praise: readonly string[];
  opportunities: readonly string[];
  /** The notes saved for this week. */
  notes: string;
  onNotesChange: (notes: string) => void;
  /** Number formatting; the browser's locale when absent. */
  locale?: string;
}

// Printing is for the 1:1 itself: the numbers, the words, the notes; no controls, no theme.
const PRINT_CSS = `
.review-table td.good { color: var(--good); }
.review-table td.bad { color: var(--bad); }
.review-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 10px; }
.review-notes-print { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  :root, body, main, section.card { background: #fff !important; color: #000 !important; border-color: #000 !important; }
  .review-table td.good, .review-table td.bad, .muted, caption, h2 { color: #000 !important; }
  th, td { border-color: #000 !important; }
  button, .review-actions, textarea { display: none !important; }
  .review-notes-print { display: block; white-space: pre-wrap; }
}`;

const signed = (n: number, f: (n: number) => string) => (n > 0 ? `+${f(n)}` : n < 0 ? `−${f(-n)}` : '0');

export function WeeklyReview({ period, rows, praise, opportunities, notes, onNotesChange, locale }: WeeklyReviewProps) {
  const draft = useSignal(notes);
  const copy = useSignal<{ kind: 'idle' } | { kind: 'ok' } | { kind: 'error'; text: string }>({ kind: 'idle' });
  // A new week (or notes loaded after the first render) replaces the draft.
  useEffect(() => void (draft.value = notes), [notes, period.startDate]);
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format;

  const doCopy = async () => {
    const text = reviewMarkdown(rows, praise, opportunities, draft.value, period, locale);
    try {
      await navigator.clipboard.writeText(text);
      copy.value = { kind: 'ok' };
    } catch (error) {
      copy.value = { kind: 'error', text: t('reviewCopyFailed', error instanceof Error ? error.message : String(error)) };
    }
  };

  return (
    <div class="weekly-review">
      <style>{PRINT_CSS}</style>
      <section class="card" aria-labelledby="review-numbers">
        <h2 id="review-numbers">{t('reviewNumbers')}</h2>
        <table class="review-table">
          <caption>{t('reviewCaption', weekRangeLabel(period, locale))}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reviewMeasure')}</th>
              <th scope="col" class="num">{t('reviewThisWeek')}</th>
              <th scope="col" class="num">{t('reviewLastWeek')}</th>
              <th scope="col" class="num">{t('reviewTarget')}</th>
              <th scope="col" class="num">{t('reviewChange')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(r => (
              <tr key={r.driver}>
                <th scope="row">{r.label}</th>
                <td class={`num ${r.met === null ? '' : r.met ? 'good' : 'bad'}`}>
                  {f(r.thisWeek)}
                  {r.met !== null && <span class="sr-only">{` ${t(r.met ? 'reviewTargetMet' : 'reviewBelowTarget')}`}</span>}
                </td>
                <td class="num">{f(r.lastWeek)}</td>
                <td class="num">{r.target === null ? <span aria-label={t('reviewNoTarget')}>—</span> : f(r.target)}</td>
                <td class="num">{signed(r.change, f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="review-praise">
        <h2 id="review-praise">{t('reviewPraise')}</h2>
        {praise.length ? <ul>{praise.map(p => <li key={p}>{p}</li>)}</ul> : <p class="muted">{t('reviewNoPraise')}</p>}
      </section>
      <section class="card" aria-labelledby="review-opportunities">
        <h2 id="review-opportunities">{t('reviewOpportunities')}</h2>
        {opportunities.length ? <ul>{opportunities.map(o => <li key={o}>{o}</li>)}</ul> : <p class="muted">{t('reviewNoOpportunities')}</p>}
      </section>
      <section class="card" aria-labelledby="review-notes-heading">
        <h2 id="review-notes-heading">{t('reviewNotes')}</h2>
        <label for="review-notes">{t('reviewNotesLabel')}</label>
        <textarea id="review-notes" rows={6} value={draft.value}
          onInput={e => {
            draft.value = e.currentTarget.value;
            copy.value = { kind: 'idle' };
            onNotesChange(draft.value);
          }} />
        <p class="review-notes-print">{draft}</p>
        <div class="review-actions">
          <button type="button" onClick={() => void doCopy()}>{t('reviewCopy')}</button>
          <button type="button" class="secondary" onClick={() => window.print()}>{t('reviewPrint')}</button>
          {/* Always present, so screen readers announce the text when it appears. */}
          <span role="status" class="ok">{copy.value.kind === 'ok' ? t('reviewCopied') : ''}</span>
          {copy.value.kind === 'error' && <span role="alert" class="error">{copy.value.text}</span>}
        </div>
      </section>
    </div>
  );
}
