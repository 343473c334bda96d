// The sales-cycle clock in place on a deal page: time in stage, cycle age, days since
// the last touch. Plain DOM in an open shadow root: it ships in every CRM content
// script, and a UI library would triple their size (issue #9: ≤ 25 KB gzipped each).
import { dayCount, formatDate, t, uiLocale, type MessageKey } from './i18n';
import { wholeDaysBetween } from './metrics/periods';
import { paceAgainst, type Pace } from './metrics/stage-targets';

export const TIMER_TAG = 'pacer-cycle-timer';
export const TIMER_TIP_ID = 'pacer-timer-tip';

export interface CycleTimerProps {
  stage: string;
  stageEnteredAt: string;
  /** When the deal was created, if the page or the store knows. */
  createdAt?: string;
  /** The latest call, email or meeting on the deal, if any. */
  lastTouchAt?: string;
  targetDays: number;
}

/** Everything the timer shows at one instant, as text: the DOM only copies it. */
export interface CycleTimerView {
  pace: Pace;
  elapsedSeconds: number;
  label: string;
  badge: string;
  cycle?: string;
  touch?: string;
  tip: { stage: string; stageRest: string; cycle: string; touch: string; source: string };
}

const PACE_KEYS: Record<Pace, MessageKey> = { ok: 'timerPaceOk', near: 'timerPaceNear', over: 'timerPaceOver' };

export function cycleTimerView(p: CycleTimerProps, now: Date, locale = uiLocale()): CycleTimerView {
  const elapsedSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(p.stageEnteredAt)) / 1000) || 0);
  const inStage = wholeDaysBetween(p.stageEnteredAt, now);
  const pace = paceAgainst(elapsedSeconds / 86_400, p.targetDays);
  const paceWords = t(PACE_KEYS[pace]);
  const cycle = p.createdAt ? wholeDaysBetween(p.createdAt, now) : undefined;
  const sinceTouch = p.lastTouchAt ? wholeDaysBetween(p.lastTouchAt, now) : undefined;
  const days = (n: number) => dayCount(n, locale);
  const date = (iso: string) => formatDate(iso, locale);
  return {
    pace,
    elapsedSeconds,
    label: t('timerLabel', [p.stage, days(inStage), paceWords]),
    badge: t('timerBadge', [p.stage, inStage]),
    ...(cycle !== undefined ? { cycle: t('timerCycleShort', cycle) } : {}),
    ...(sinceTouch !== undefined ? { touch: t('timerTouchShort', sinceTouch) } : {}),
    tip: {
      stage: t('timerTipStage', [days(inStage), p.stage]),
      stageRest: t('timerTipStageRest', [date(p.stageEnteredAt), days(p.targetDays), paceWords]),
      cycle: cycle !== undefined ? t('timerTipCycle', [days(cycle), date(p.createdAt!)]) : t('timerTipCycleUnknown'),
      touch: sinceTouch !== undefined ? t('timerTipTouch', [days(sinceTouch), date(p.lastTouchAt!)]) : t('timerTipTouchNone'),
      source: t('timerTipSource'),
    },
  };
}

// The host takes no room and keeps the page's styles out (`all: initial`, important,
// so the page's own `!important` rules lose too). Colours meet WCAG AA in both schemes.
const STYLE = `
:host { all: initial !important; position: relative !important; display: block !important; width: 0 !important;
  height: 0 !important; overflow: visible !important; z-index: 2147483000 !important; }
.at { position: absolute; left: 12px; top: 0; transform: translateY(-50%); }
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
}`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, parent?: Node): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  parent?.appendChild(node);
  return node;
}

export interface CycleTimerUi {
  /** The `<pacer-cycle-timer>` host; its UI lives in its open shadow root. */
  host: HTMLElement;
  /** Redraws for `now`; only text that changed touches the DOM. */
  update(now: Date): void;
  /** What the seconds count from (the next tick is timed to its whole seconds). */
  stageEnteredAt: string;
}

/** Builds the timer (not yet in the page): put `host` after the anchor, then tick `update`. */
export function createCycleTimer(doc: Document, props: CycleTimerProps, now: Date, locale?: string): CycleTimerUi {
  const host = doc.createElement(TIMER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  el(doc, 'style', undefined, shadow).textContent = STYLE;
  const at = el(doc, 'div', 'at', shadow);
  const timer = el(doc, 'div', 'timer', at);
  timer.tabIndex = 0;
  timer.setAttribute('role', 'group');
  timer.setAttribute('aria-describedby', TIMER_TIP_ID);
  el(doc, 'span', 'dot', timer).setAttribute('aria-hidden', 'true');
  const badge = el(doc, 'span', 'badge', timer);
  // Whether the deal shows a creation date or a last touch is fixed for a mounted timer
  // (a new stored deal mounts a new one), so those parts exist only when they have text.
  const optional = (className: string, present: boolean) => {
    if (!present) return undefined;
    const sep = el(doc, 'span', 'sep', timer);
    sep.setAttribute('aria-hidden', 'true');
    sep.textContent = '·';
    return el(doc, 'span', className, timer);
  };
  const cycle = optional('cycle', !!props.createdAt);
  const touch = optional('touch', !!props.lastTouchAt);
  const tip = el(doc, 'div', 'tip', timer);
  tip.id = TIMER_TIP_ID;
  tip.setAttribute('role', 'tooltip');
  const line = () => {
    const p = el(doc, 'p', undefined, tip);
    const strong = el(doc, 'strong', undefined, p);
    const rest = doc.createTextNode('');
    p.append(rest);
    return { strong, rest };
  };
  const tipStage = line();
  const tipCycle = line();
  const tipTouch = line();
  const tipSource = el(doc, 'p', undefined, tip);

  const set = (node: Node, text: string) => {
    if (node.textContent !== text) node.textContent = text;
  };
  const attr = (node: Element, name: string, value: string) => {
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  };

  // Words change at most once a day (whole days, the pace); the seconds every tick.
  let wordsKey = '';
  const update = (instant: Date) => {
    const elapsedSeconds = Math.max(0, Math.floor((instant.getTime() - Date.parse(props.stageEnteredAt)) / 1000) || 0);
    attr(badge, 'data-elapsed-seconds', String(elapsedSeconds));
    const key = [props.stageEnteredAt, props.createdAt, props.lastTouchAt].map(iso => (iso ? wholeDaysBetween(iso, instant) : '')).join('|') + paceAgainst(elapsedSeconds / 86_400, props.targetDays);
    if (key === wordsKey) return;
    wordsKey = key;
    const v = cycleTimerView(props, instant, locale);
    attr(timer, 'class', `timer ${v.pace}`);
    attr(timer, 'data-pace', v.pace);
    attr(timer, 'aria-label', v.label);
    set(badge, v.badge);
    if (cycle) set(cycle, v.cycle ?? '');
    if (touch) set(touch, v.touch ?? '');
    set(tipStage.strong, v.tip.stage);
    set(tipStage.rest, v.tip.stageRest);
    set(tipCycle.strong, t('timerTipCycleLabel'));
    set(tipCycle.rest, ` ${v.tip.cycle}`);
    set(tipTouch.strong, t('timerTipTouchLabel'));
    set(tipTouch.rest, ` ${v.tip.touch}`);
    set(tipSource, v.tip.source);
  };
  update(now);
  return { host, update, stageEnteredAt: props.stageEnteredAt };
}

/** Milliseconds from `nowMs` to just past the next whole second counted from `stageEnteredAt` (1 s when that is unreadable). */
export function msToNextSecond(stageEnteredAt: string, nowMs: number): number {
  const entered = Date.parse(stageEnteredAt);
  if (!Number.isFinite(entered)) return 1000;
  const into = (((nowMs - entered) % 1000) + 1000) % 1000;
  // 20 ms past the boundary: a timer that fires a little early still lands in the new second.
  return 1000 - into + 20;
}
