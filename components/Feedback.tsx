// The manager's kudos and focus for this week (issue #7, item 6), in the rep's side panel.
import type { Feedback } from '../lib/sync-client';

export function FeedbackCard({ feedback }: { feedback: Feedback }) {
  if (!feedback.kudos && !feedback.focus) return null;
  return (
    <section class="card feedback" aria-labelledby="team-feedback" data-testid="team-feedback">
      <h2 id="team-feedback">From your manager this week</h2>
      {feedback.kudos && <p><strong>Kudos:</strong> {feedback.kudos}</p>}
      {feedback.focus && <p><strong>Focus:</strong> {feedback.focus}</p>}
    </section>
  );
}
