// A rep's click on Save/Send is only a candidate: the CRM (or LinkedIn) may still
// refuse it. This polls the action's `confirm` until the page shows it saved or
// failed, or the wait runs out, and keeps a double-click from counting twice.
import type { Fence } from './fence';

export interface ConfirmWatcherOptions {
  fenced: Fence;
  setTimeout(fn: () => void, ms: number): unknown;
  pollMs: number;
  /** An action the page has not confirmed by then records nothing. */
  timeoutMs: number;
  /** False once the content script is gone (extension reloaded): stop polling. */
  alive?(): boolean;
}

type Outcome = { status: 'pending' | 'failed' | 'saved' };

/** Returns `watch(key, clickedAt, confirm, onSaved)`; a key already being watched is ignored. */
export function confirmWatcher({ fenced, setTimeout, pollMs, timeoutMs, alive = () => true }: ConfirmWatcherOptions) {
  const pending = new Set<string>();
  return <O extends Outcome>(key: string, clickedAt: Date, confirm: () => O, onSaved: (outcome: O) => void) => {
    if (pending.has(key)) return; // a double-click on Save is one save
    pending.add(key);
    const deadline = clickedAt.getTime() + timeoutMs;
    const check = fenced(() => {
      const outcome = confirm();
      if (outcome.status === 'pending' && Date.now() < deadline && alive()) {
        setTimeout(check, pollMs);
        return;
      }
      pending.delete(key);
      if (outcome.status === 'saved') onSaved(outcome);
    });
    setTimeout(check, pollMs);
  };
}
