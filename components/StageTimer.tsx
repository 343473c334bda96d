import type { Signal } from '@preact/signals';
import { wholeDaysBetween } from '../lib/metrics/period';

export interface StageTimerProps {
  stage: string;
  enteredAt: string;
  /** Ticks every second; the badge re-renders from it. */
  now: Signal<Date>;
}

const STYLE = `
:host { all: initial; }
.badge { display: inline-flex; align-items: center; gap: .35em; margin: 4px 0; padding: 2px 10px;
  border-radius: 999px; font: 600 12px/20px system-ui, -apple-system, "Segoe UI", sans-serif;
  background: #0b5cab; color: #fff; white-space: nowrap; }
.badge:focus-visible { outline: 3px solid #1b96ff; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { .badge { background: #78b0fd; color: #03234d; } }
`;

/** "<Stage> · <n>d in stage": the sales-cycle clock beside the Path. */
export function StageTimer({ stage, enteredAt, now }: StageTimerProps) {
  const elapsedSeconds = Math.max(0, Math.floor((now.value.getTime() - Date.parse(enteredAt)) / 1000));
  const days = wholeDaysBetween(enteredAt, now.value);
  const since = new Date(enteredAt).toLocaleString();
  const hours = Math.floor((elapsedSeconds % 86_400) / 3600);
  return (
    <>
      <style>{STYLE}</style>
      <span
        class="badge"
        role="status"
        tabIndex={0}
        data-elapsed-seconds={elapsedSeconds}
        title={`In ${stage} since ${since}: ${days} days ${hours} hours (Pacer)`}
        aria-label={`${stage}, ${days} days in stage, since ${since}`}
      >
        {stage} · {days}d in stage
      </span>
    </>
  );
}
