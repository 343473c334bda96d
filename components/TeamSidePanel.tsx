// Team sync in the side panel (issue #7): the status line and the manager's feedback.
// Shows nothing for a rep who never set up team sync: local-first stays quiet.
import { useSignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { useEffect } from 'preact/hooks';
import { periodContaining } from '../lib/metrics/periods';
import { planSettings } from '../lib/settings';
import { waitingEstimate } from '../lib/sync';
import { NO_WAITING, syncStatus, teamFeedback, teamPlan, teamSyncSettings, type SyncStatus, type TeamSyncSettings, type Waiting } from '../lib/sync-state';
import { planLine } from '../lib/sync-view';
import { db } from '../lib/store';
import { FeedbackCard } from './Feedback';
import { SyncStatusLine } from './SyncStatus';
import './TeamSync.css';

type Feedback = NonNullable<Awaited<ReturnType<typeof teamFeedback.getValue>>>;

export function TeamSidePanel({ now }: { now: Date }) {
  const settings = useSignal<TeamSyncSettings | undefined>(undefined);
  const status = useSignal<SyncStatus | undefined>(undefined);
  const waiting = useSignal<Waiting>(NO_WAITING);
  const feedback = useSignal<Feedback | null>(null);
  const week = useSignal<string | null>(null);
  const plan = useSignal<string | null>(null);

  useEffect(() => {
    const read = () => {
      void teamSyncSettings.getValue().then(s => (settings.value = s));
      void syncStatus.getValue().then(s => (status.value = s));
      void teamFeedback.getValue().then(f => (feedback.value = f));
      void Promise.all([planSettings.getValue(), teamPlan.getValue(), teamSyncSettings.getValue()]).then(([local, team, s]) => {
        plan.value = planLine(s.enabled, local, team, now);
        try {
          week.value = periodContaining('week', now, local).startDate;
        } catch {
          week.value = null;
        }
      });
    };
    read();
    // Counts, not a scan: this follows every write.
    const sub = liveQuery(() => waitingEstimate(db())).subscribe({ next: w => (waiting.value = w), error: () => undefined });
    const stops = [teamSyncSettings.watch(read), syncStatus.watch(read), teamFeedback.watch(read), planSettings.watch(read), teamPlan.watch(read)];
    return () => (sub.unsubscribe(), stops.forEach(stop => stop()));
  }, []);

  const s = settings.value;
  if (!s || (!s.enabled && !s.url)) return null;
  const f = feedback.value;
  return (
    <div data-testid="team-side-panel">
      {status.value && <SyncStatusLine enabled={s.enabled} status={status.value} waiting={{ ...waiting.value, deals: status.value.waiting.deals }} now={now} />}
      {plan.value && <p class="sync-line muted" data-testid="plan-source">{plan.value}</p>}
      {s.enabled && f && f.week === week.value && <FeedbackCard feedback={f} />}
    </div>
  );
}
