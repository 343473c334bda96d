// The side panel's one line about team sync (issue #7): last sync, what waits, the last error.
import type { SyncStatus, Waiting } from '../lib/sync-state';
import { syncLine } from '../lib/sync-view';

export function SyncStatusLine({ enabled, status, waiting, now }: { enabled: boolean; status: SyncStatus; waiting: Waiting; now: Date }) {
  const line = syncLine(enabled, status, waiting, now);
  return (
    <p class={`sync-line ${line.error ? 'error' : 'muted'}`} role="status" data-testid="sync-line">
      {line.text}
    </p>
  );
}
