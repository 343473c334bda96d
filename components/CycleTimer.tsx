import type { Signal } from '@preact/signals';
import { wholeDaysBetween } from '../lib/metrics/period';
import { paceAgainst, type Pace } from '../lib/metrics/stage-targets';

export interface CycleTimerProps {
  stage: string;
  stageEnteredAt: string;
  /** When the deal was created, if the page or the store knows. */
  createdAt?: string;
  /** The latest call, email or meeting on the deal, if any. */
  lastTouchAt?: string;
  targetDays: number;
  /** Ticks every second; the timer re-renders from it. */
  now: Signal<Date>;
}

// Colours meet WCAG AA against their text in both schemes.
const STYLE = `
:host { all: initial; }
.timer { position: relative; display: inline-flex; align-items: center; gap: 6px; padding: 1px 8px 1px 6px;
  border-radius: 999px; font: 600 11.5px/18px system-ui, -apple-system, "Segoe UI", sans-serif; white-space: nowrap;
  background: #fff; color: #181818; border: 1px solid #c9c9c9; box-shadow: 0 1px 2px rgba(0,0,0,.12); cursor: default; }
.timer:focus-visible { outline: 3px solid #1b96ff; outline-offset: 2px; }
.dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
.ok .dot { background: #2e844a; } .near .dot { background: #dd7a01; } .over .dot { background: #ba0517; }
.over .badge { color: #8e030f; }
.sep { color: #6b6b6b; }
.tip { display: none; position: absolute; top: calc(100% + 6px); left: 0; z-index: 2147483647; min-width: 260px; max-width: 360px;
  padding: 8px 10px; border-radius: 6px; background: #032d60; color: #fff; font: 12px/1.45 system-ui, sans-serif; white-space: normal; }
.timer:hover .tip, .timer:focus .tip, .timer:focus-within .tip { display: block; }
.tip p { margin: 0 0 4px; } .tip p:last-child { margin: 0; color: #c3d9f5; }
@media (prefers-color-scheme: dark) {
  .timer { background: #1e2329; color: #eceff2; border-color: #4a525c; }
  .sep { color: #a9b1ba; } .over .badge { color: #ff9a9f; }
}
`;

const dayWord = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const PACE_WORDS: Record<Pace, string> = { ok: 'on pace', near: 'nearing its target', over: 'over its target' };

/** The sales-cycle clock in place on a deal page: time in stage, cycle age, days since last touch. */
export function CycleTimer({ stage, stageEnteredAt, createdAt, lastTouchAt, targetDays, now }: CycleTimerProps) {
  const at = now.value;
  const elapsedSeconds = Math.max(0, Math.floor((at.getTime() - Date.parse(stageEnteredAt)) / 1000));
  const inStage = wholeDaysBetween(stageEnteredAt, at);
  const pace = paceAgainst(elapsedSeconds / 86_400, targetDays);
  const cycle = createdAt ? wholeDaysBetween(createdAt, at) : undefined;
  const sinceTouch = lastTouchAt ? wholeDaysBetween(lastTouchAt, at) : undefined;
  const date = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
  return (
    <>
      <style>{STYLE}</style>
      <div class={`timer ${pace}`} tabIndex={0} role="group" aria-label={`Pacer sales-cycle timer: ${stage}, ${dayWord(inStage)} in stage, ${PACE_WORDS[pace]}`} aria-describedby="pacer-timer-tip" data-pace={pace}>
        <span class="dot" aria-hidden="true" />
        <span class="badge" data-elapsed-seconds={elapsedSeconds}>{stage} · {inStage}d in stage</span>
        {cycle !== undefined && <><span class="sep" aria-hidden="true">·</span><span class="cycle">{cycle}d cycle</span></>}
        {sinceTouch !== undefined && <><span class="sep" aria-hidden="true">·</span><span class="touch">{sinceTouch}d since touch</span></>}
        <div class="tip" id="pacer-timer-tip" role="tooltip">
          <p><strong>{dayWord(inStage)} in {stage}</strong>, since {date(stageEnteredAt)}. Target: {dayWord(targetDays)}, so the deal is {PACE_WORDS[pace]}.</p>
          <p><strong>Cycle:</strong> {cycle !== undefined ? `${dayWord(cycle)} since the deal was created on ${date(createdAt!)}.` : 'the page does not show when the deal was created.'}</p>
          <p><strong>Last touch:</strong> {sinceTouch !== undefined ? `${dayWord(sinceTouch)} ago, on ${date(lastTouchAt!)}.` : 'no call, email or meeting recorded on this deal yet.'}</p>
          <p>Pacer counts from the page's stage history, or from when it first saw this stage.</p>
        </div>
      </div>
    </>
  );
}
