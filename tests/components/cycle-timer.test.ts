// The in-place timer as plain DOM (lib/cycle-timer.ts): what it says, to the eye and
// to assistive technology, and that a tick touches only what changed.
import { describe, expect, it } from 'vitest';
import { createCycleTimer, cycleTimerView, msToNextSecond, TIMER_TAG, TIMER_TIP_ID } from '../../lib/cycle-timer';

const now = new Date('2026-11-20T12:00:00Z');
const props = { stage: 'Negotiation/Review', stageEnteredAt: '2026-11-17T12:00:00Z', targetDays: 21 };

describe('cycleTimerView', () => {
  it('says the stage, whole days in it, and the pace against the target', () => {
    const v = cycleTimerView(props, now, 'en-US');
    expect(v).toMatchObject({ pace: 'ok', elapsedSeconds: 3 * 86_400, badge: 'Negotiation/Review · 3d in stage' });
    expect(v.label).toBe('Pacer sales-cycle timer: Negotiation/Review, 3 days in stage, on pace');
    expect(v.tip.stage).toBe('3 days in Negotiation/Review');
    expect(v.tip.stageRest).toBe(', since Nov 17, 2026. Target: 21 days, so the deal is on pace.');
    expect(v.tip.cycle).toBe('the page does not show when the deal was created.');
    expect(v.tip.touch).toBe('no call, email or meeting recorded on this deal yet.');
    expect(v.cycle).toBeUndefined();
    expect(v.touch).toBeUndefined();
  });

  it('uses the singular for one day and turns amber, then red, near and past the target', () => {
    expect(cycleTimerView({ ...props, stageEnteredAt: '2026-11-19T11:00:00Z', targetDays: 1 }, now, 'en-US')).toMatchObject({ pace: 'over', tip: { stage: '1 day in Negotiation/Review' } });
    expect(cycleTimerView({ ...props, targetDays: 4 }, now, 'en-US').pace).toBe('near');
    expect(cycleTimerView({ ...props, targetDays: 3 }, now, 'en-US').label).toContain('over its target');
  });

  it('adds the cycle age and the days since the last touch when known', () => {
    const v = cycleTimerView({ ...props, createdAt: '2026-10-01T09:00:00Z', lastTouchAt: '2026-11-18T15:00:00Z' }, now, 'en-US');
    expect(v.cycle).toBe('50d cycle');
    expect(v.touch).toBe('1d since touch');
    expect(v.tip.cycle).toBe('50 days since the deal was created on Oct 1, 2026.');
    expect(v.tip.touch).toBe('1 day ago, on Nov 18, 2026.');
  });

  it('never shows a negative or NaN age for a stage entered "in the future" or an unreadable date', () => {
    expect(cycleTimerView({ ...props, stageEnteredAt: '2026-12-01T00:00:00Z' }, now, 'en-US')).toMatchObject({ elapsedSeconds: 0, badge: 'Negotiation/Review · 0d in stage' });
    const garbage = cycleTimerView({ ...props, stageEnteredAt: 'not a date' }, now, 'en-US');
    expect(garbage.elapsedSeconds).toBe(0);
    expect(garbage.badge).toBe('Negotiation/Review · 0d in stage');
    expect(JSON.stringify(garbage)).not.toMatch(/NaN|Invalid Date/);
  });

  it('writes dates the way the browser locale does', () => {
    expect(cycleTimerView(props, now, 'de-DE').tip.stageRest).toContain('17.11.2026');
  });
});

describe('createCycleTimer', () => {
  it('builds a focusable group in an open shadow root, described by its tooltip', () => {
    const { host } = createCycleTimer(document, { ...props, lastTouchAt: '2026-11-18T15:00:00Z' }, now, 'en-US');
    expect(host.localName).toBe(TIMER_TAG);
    expect(host.children).toHaveLength(0);
    const timer = host.shadowRoot!.querySelector('.timer') as HTMLElement;
    expect(timer.getAttribute('role')).toBe('group');
    expect(timer.tabIndex).toBe(0);
    expect(timer.getAttribute('aria-label')).toBe('Pacer sales-cycle timer: Negotiation/Review, 3 days in stage, on pace');
    expect(timer.getAttribute('aria-describedby')).toBe(TIMER_TIP_ID);
    expect(timer.dataset.pace).toBe('ok');
    const tip = host.shadowRoot!.getElementById(TIMER_TIP_ID)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toContain('Last touch: 1 day ago');
    expect(host.shadowRoot!.querySelector('.touch')!.textContent).toBe('1d since touch');
    expect(host.shadowRoot!.querySelector('.cycle')).toBeNull();
    expect(host.shadowRoot!.querySelectorAll('[aria-hidden="true"]')).toHaveLength(2); // the dot and one separator
  });

  it('ticks: seconds move every update, text changes only when a day rolls over', () => {
    const ui = createCycleTimer(document, props, now, 'en-US');
    const badge = ui.host.shadowRoot!.querySelector('.badge') as HTMLElement;
    const textNode = badge.firstChild;
    ui.update(new Date(now.getTime() + 2000));
    expect(badge.dataset.elapsedSeconds).toBe(String(3 * 86_400 + 2));
    expect(badge.firstChild).toBe(textNode); // same text, untouched
    ui.update(new Date(now.getTime() + 86_400_000));
    expect(badge.textContent).toBe('Negotiation/Review · 4d in stage');
  });
});

describe('msToNextSecond: each tick lands just inside the next whole second in stage', () => {
  const entered = '2026-11-20T12:00:00.250Z';
  const at = (ms: number) => Date.parse(entered) + ms;
  it.each([
    [0, 1020],
    [10, 1010],
    [500, 520],
    [999, 21],
    [7_000, 1020],
    [7_999.5, 20.5],
  ])('%d ms into the stage: next tick in %d ms', (into, wait) => {
    expect(msToNextSecond(entered, at(into))).toBeCloseTo(wait, 6);
  });

  it('so every tick shows exactly one more second, even when timers fire a few ms early or late', () => {
    let now = at(123);
    let shown = Math.floor((now - Date.parse(entered)) / 1000);
    for (let i = 0; i < 1000; i++) {
      const jitter = ((i * 7919) % 31) - 15; // −15…+15 ms, deterministic
      now += msToNextSecond(entered, now) + jitter;
      const next = Math.floor((now - Date.parse(entered)) / 1000);
      expect(next - shown).toBe(1);
      shown = next;
    }
  });

  it('falls back to a second for an unreadable stage date', () => {
    expect(msToNextSecond('not a date', Date.now())).toBe(1000);
  });
});
