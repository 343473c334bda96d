// The manager's kudos and focus for this week (issue #7, item 6), in the rep's side panel.
import { t } from '../lib/i18n';
import type { Feedback } from '../lib/sync-client';

export function FeedbackCard({ feedback }: { feedback: Feedback }) {
  if (!feedback.kudos && !feedback.focus) return null;
  return (
    <section class="card feedback" aria-labelledby="team-feedback" data-testid="team-feedback">
      <h2 id="team-feedback">{t('scFeedbackTitle')}</h2>
      {feedback.kudos && <p><strong>{t('scKudos')}</strong> {feedback.kudos}</p>}
      {feedback.focus && <p><strong>{t('scFocus')}</strong> {feedback.focus}</p>}
    </section>
  );
}
