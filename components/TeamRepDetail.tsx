// One rep, opened from the manager's leaderboard (issue #7): their summary for the period
// (attainment, pacing, drivers against targets, the pyramid tier behind, stalled deals)
// and the weekly 1:1 review, where the manager leaves kudos and a focus for the week.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { driverLabel } from '../lib/driver-labels';
import { pluralKey, t } from '../lib/i18n';
import { DRIVERS } from '../lib/metrics/drivers';
import type { RepReview, RepRow, StalledDeal } from '../lib/sync-client';
import { behindText, driverRows, formatMoney, formatNumber, formatPercent, repLabel, territoryLabel } from '../lib/sync-team';

export interface RepDetailProps {
  rep: RepRow;
  currency: string;
  stalled: readonly StalledDeal[];
  /** The week the review covers (its local start date). */
  week: string;
  loadReview: () => Promise<RepReview>;
  saveFeedback: (kudos: string, focus: string) => Promise<void>;
  onClose: () => void;
}

type Review = { status: 'loading' } | { status: 'ready'; value: RepReview } | { status: 'error'; message: string };

const MAX_FEEDBACK = 500;

export function TeamRepDetail({ rep, currency, stalled, week, loadReview, saveFeedback, onClose }: RepDetailProps) {
  const review = useSignal<Review>({ status: 'loading' });
  const kudos = useSignal('');
  const focus = useSignal('');
  const saved = useSignal<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    loadReview().then(
      value => ((review.value = { status: 'ready', value }), (kudos.value = value.kudos ?? ''), (focus.value = value.focus ?? '')),
      error => (review.value = { status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [rep.rep, week]);

  const submit = async (e: Event) => {
    e.preventDefault();
    saved.value = null;
    try {
      await saveFeedback(kudos.value.trim(), focus.value.trim());
      saved.value = { ok: true, text: t('teamFeedbackSaved', [week, repLabel(rep)]) };
    } catch (error) {
      saved.value = { ok: false, text: t('teamNotSaved', error instanceof Error ? error.message : String(error)) };
    }
  };

  const drivers = driverRows(rep);
  const mine = stalled.filter(s => s.rep === rep.rep).sort((a, b) => b.days_in_stage - a.days_in_stage);
  const name = repLabel(rep);
  return (
    <section class="card rep-detail" aria-labelledby="rep-detail-title" data-testid="rep-detail" data-rep={rep.rep}>
      <p style={{ margin: 0 }}><button type="button" class="secondary" onClick={onClose}>{t('teamBackToTeam')}</button></p>
      <h2 id="rep-detail-title">{name}{rep.territory ? ` · ${territoryLabel(rep.territory)}` : ''}</h2>
      <p data-testid="rep-goal">
        {rep.quota ? t('teamRepGoalQuota', [rep.rank, formatMoney(rep.won, currency), formatMoney(rep.quota, currency), formatPercent(rep.attainment)]) : t('teamRepGoal', [rep.rank, formatMoney(rep.won, currency)])}
        {rep.pacing ? t(rep.pacing.delta < 0 ? 'teamRepBehindPace' : 'teamRepAheadOfPace', formatMoney(Math.abs(rep.pacing.delta), currency)) : ''}.{' '}
        <span class={rep.behind ? 'error' : 'ok'}>{behindText(rep)}.</span>
      </p>
      <p class="muted">
        {t(pluralKey(rep.pipelineCount, 'teamRepStatsOneDeal', 'teamRepStats'), [formatPercent(rep.winRate), formatNumber(rep.wonCount), formatNumber(rep.lostCount), formatMoney(rep.pipeline, currency), formatNumber(rep.pipelineCount), formatNumber(rep.activityScore, 1)])}
      </p>
      {drivers.length > 0 && (
        <table data-testid="rep-drivers">
          <caption>{t('teamDriversCaption')}</caption>
          <thead><tr><th scope="col">{t('teamColDriver')}</th><th scope="col" class="num">{t('teamColActual')}</th><th scope="col" class="num">{t('teamColTarget')}</th></tr></thead>
          <tbody>
            {drivers.map(d => (
              <tr key={d.driver} data-driver={d.driver}>
                <th scope="row">{d.label}</th>
                <td class={`num ${d.behind ? 'error' : ''}`}>{formatNumber(d.actual)}</td>
                <td class="num">{formatNumber(d.target)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mine.length > 0 && (
        <>
          <h3 class="sub">{t('teamStalledTitle')}</h3>
          <ul>
            {mine.map(s => (
              <li key={s.deal_id}>
                {s.target_days !== null
                  ? t('teamRepStalledTarget', [s.name ?? s.deal_id, formatNumber(s.days_in_stage), s.stage, formatNumber(s.target_days)])
                  : t('teamRepStalled', [s.name ?? s.deal_id, formatNumber(s.days_in_stage), s.stage])}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 class="sub" id="review-title">{t('teamReviewTitle', week)}</h3>
      <ReviewTable review={review.value} />
      <form onSubmit={submit} aria-labelledby="review-title">
        <label for="fb-kudos">{t('teamKudosFor', name)}</label>
        <textarea id="fb-kudos" rows={2} maxLength={MAX_FEEDBACK} value={kudos.value} onInput={e => ((kudos.value = e.currentTarget.value), (saved.value = null))} />
        <label for="fb-focus">{t('teamFocusForWeek')}</label>
        <textarea id="fb-focus" rows={2} maxLength={MAX_FEEDBACK} value={focus.value} onInput={e => ((focus.value = e.currentTarget.value), (saved.value = null))} />
        <p><button type="submit">{t('teamSaveFeedback')}</button></p>
        {saved.value && <p role={saved.value.ok ? 'status' : 'alert'} class={saved.value.ok ? 'ok' : 'error'}>{saved.value.text}</p>}
      </form>
    </section>
  );
}

function ReviewTable({ review }: { review: Review }) {
  if (review.status === 'loading') return <p class="muted" aria-busy="true">{t('teamReviewLoading')}</p>;
  if (review.status === 'error') return <p class="error" role="alert">{t('teamReviewError', review.message)}</p>;
  const r = review.value;
  const drivers = DRIVERS.filter(d => (r.thisWeek[d] ?? 0) > 0 || (r.lastWeek[d] ?? 0) > 0 || r.targets[d] !== undefined);
  return (
    <table data-testid="rep-review">
      <caption>{t('teamReviewCaption')}</caption>
      <thead><tr><th scope="col">{t('teamColDriver')}</th><th scope="col" class="num">{t('teamColThisWeek')}</th><th scope="col" class="num">{t('teamColLastWeek')}</th><th scope="col" class="num">{t('teamColTarget')}</th></tr></thead>
      <tbody>
        {drivers.map(d => (
          <tr key={d} data-driver={d}>
            <th scope="row">{driverLabel(d)}</th>
            <td class="num">{formatNumber(r.thisWeek[d] ?? 0)}</td>
            <td class="num">{formatNumber(r.lastWeek[d] ?? 0)}</td>
            <td class="num">{formatNumber(r.targets[d] ?? null)}</td>
          </tr>
        ))}
        <tr><th scope="row">{t('teamActivityScore')}</th><td class="num">{formatNumber(r.activityScore.thisWeek, 1)}</td><td class="num">{formatNumber(r.activityScore.lastWeek, 1)}</td><td class="num">—</td></tr>
      </tbody>
    </table>
  );
}
