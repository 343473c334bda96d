// The body of every CRM content script: run the site's adapter, and keep the
// sales-cycle timer beside the deal's stage while the rep is on a deal page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runAdapter, timeoutWhileValid, type StoredDeal } from './capture';
import { createCycleTimer, msToNextSecond, TIMER_TAG, type CycleTimerUi } from './cycle-timer';
import { fenceFor } from './fence';
import { stageTargetDays } from './metrics/stage-targets';
import type { SiteAdapter } from './sites/types';

export { TIMER_TAG };

export function runCrmContentScript(ctx: ContentScriptContext, adapter: SiteAdapter) {
  const { fenced } = fenceFor(adapter.id);
  let ui: CycleTimerUi | undefined;
  let anchor: Element | undefined;
  let shownKey = '';

  const remove = () => {
    ui?.host.remove();
    ui = undefined;
    anchor = undefined;
    shownKey = '';
  };
  ctx.onInvalidated(remove);
  // One tick a second redraws only what changed (the badge's seconds, a day rolling over).
  // Each tick is set for just after the deal's next whole second in stage, not on a fixed
  // interval: an interval that fires a few ms early, in phase with that boundary, lands
  // twice in the same second and the count stands still for two.
  // Not ctx.setTimeout, which would keep one more listener every second (timeoutWhileValid).
  const later = timeoutWhileValid(ctx);
  const update = fenced(() => ui?.update(new Date()));
  const tick = () => {
    update();
    later(tick, ui ? msToNextSecond(ui.stageEnteredAt, Date.now()) : 1000);
  };
  later(tick, 1000);

  const show = ({ deal, lastTouchAt }: StoredDeal, at: Element) => {
    const key = JSON.stringify([deal.id, deal.stage, deal.stageEnteredAt, deal.createdAt, lastTouchAt]);
    if (ui && anchor === at && at.isConnected && ui.host.isConnected && shownKey === key) return;
    remove();
    const parent = at.parentElement;
    if (!parent) return;
    ui = createCycleTimer(
      document,
      {
        stage: deal.stage,
        stageEnteredAt: deal.stageEnteredAt,
        ...(deal.createdAt ? { createdAt: deal.createdAt } : {}),
        ...(lastTouchAt ? { lastTouchAt } : {}),
        targetDays: stageTargetDays(deal.stage),
      },
      new Date(),
    );
    anchor = at;
    shownKey = key;
    // Right after the anchor, drawn across its bottom edge: an overlay that takes no room.
    parent.insertBefore(ui.host, at.nextSibling);
  };

  return runAdapter(ctx, adapter, {
    isOwnNode: node => (node instanceof Element ? node : node.parentElement)?.closest(TIMER_TAG) != null,
    onReading(reading, stored) {
      const at = reading.kind === 'deal' ? adapter.timerAnchor?.(document) : undefined;
      // A closed deal has no stage clock left to run.
      if (!stored || !at || stored.deal.status !== 'open') return remove();
      show(stored, at);
    },
  });
}
