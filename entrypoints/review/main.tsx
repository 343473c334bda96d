// The weekly 1:1 review page (issue #6, item 2), opened from the side panel at
// browser.runtime.getURL('/review.html'). Thin: it reads the plan, the two weeks' day rows
// (live) and this week's notes, and hands them to WeeklyReview.
import { render } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { storage } from '#imports';
import '../../components/theme.css';
import { WeeklyReview } from '../../components/WeeklyReview';
import type { Plan } from '../../lib/metrics/plan';
import { praiseAndOpportunities, readReviewDays, weeklyReview, type ReviewDays } from '../../lib/review';
import { planSettings } from '../../lib/settings';
import { t } from '../../lib/i18n';
import { db, type Loadable } from '../../lib/store';

const notesKey = (weekStart: string) => `local:reviewNotes:${weekStart}` as const;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Review() {
  const plan = useSignal<Loadable<Plan>>({ status: 'loading' });
  const days = useSignal<Loadable<ReviewDays>>({ status: 'loading' });
  const notes = useSignal('');

  useEffect(() => {
    planSettings.getValue().then(
      value => (plan.value = { status: 'ready', value }),
      error => (plan.value = { status: 'error', message: errorText(error) }),
    );
    return planSettings.watch(value => (plan.value = { status: 'ready', value }));
  }, []);

  const p = plan.value.status === 'ready' ? plan.value.value : undefined;
  useEffect(() => {
    if (!p) return;
    // "Now" is the moment the page opened: a review stays on its week while it is open.
    const sub = liveQuery(() => readReviewDays(db(), p, new Date())).subscribe({
      next: value => (days.value = { status: 'ready', value }),
      error: error => (days.value = { status: 'error', message: errorText(error) }),
    });
    return () => sub.unsubscribe();
  }, [p]);

  const weekStart = days.value.status === 'ready' ? days.value.value.period.startDate : undefined;
  useEffect(() => {
    if (!weekStart) return;
    void storage.getItem<string>(notesKey(weekStart)).then(v => (notes.value = v ?? ''));
  }, [weekStart]);

  let body;
  if (plan.value.status === 'error') body = <p role="alert" class="error">{t('plan_read_failed', plan.value.message)}</p>;
  else if (days.value.status === 'error') body = <p role="alert" class="error">{t('review_activity_read_failed', days.value.message)}</p>;
  else if (!p || days.value.status === 'loading') body = <p role="status" class="muted">{t('teamReviewLoading')}</p>;
  else {
    const d = days.value.value;
    const rows = weeklyReview(d.thisWeek, d.lastWeek, p, d.period);
    const { praise, opportunities } = praiseAndOpportunities(rows);
    body = (
      <>
        {d.thisWeek.length === 0 && d.lastWeek.length === 0 && (
          <p class="muted" role="status">{t('review_empty')}</p>
        )}
        <WeeklyReview period={d.period} rows={rows} praise={praise} opportunities={opportunities} notes={notes.value}
          onNotesChange={text => {
            notes.value = text;
            void storage.setItem(notesKey(d.period.startDate), text);
          }} />
      </>
    );
  }

  return (
    <main>
      <h1>{t('review_heading')}</h1>
      {body}
    </main>
  );
}

document.documentElement.lang = t('page_lang');
document.title = t('review_page_title');
render(<Review />, document.getElementById('app')!);
