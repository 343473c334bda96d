// The body of every CRM content script: run the site's adapter, and keep the
// sales-cycle timer beside the deal's stage while the rep is on a deal page.
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CycleTimer } from '../components/CycleTimer';
import { runAdapter, type StoredDeal } from './capture';
import { stageTargetDays } from './metrics/stage-targets';
import type { SiteAdapter } from './sites/types';

export const TIMER_TAG = 'pacer-cycle-timer';

type Ui = Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>>;

export function runCrmContentScript(ctx: ContentScriptContext, adapter: SiteAdapter) {
  const now = signal(new Date());
  ctx.setInterval(() => (now.value = new Date()), 1000);

  let ui: Ui | undefined;
  let anchor: Element | undefined;
  let shownKey = '';

  const remove = () => {
    ui?.remove();
    ui = undefined;
    anchor = undefined;
    shownKey = '';
  };

  const show = async ({ deal, lastTouchAt }: StoredDeal, at: Element) => {
    const key = JSON.stringify([deal.id, deal.stage, deal.stageEnteredAt, deal.createdAt, lastTouchAt]);
    if (ui && anchor === at && at.isConnected && shownKey === key) return;
    remove();
    anchor = at;
    shownKey = key;
    const created = await createShadowRootUi(ctx, {
      name: TIMER_TAG,
      // An overlay takes no room: the page's own layout never moves for the timer.
      position: 'overlay',
      anchor: at,
      append: 'after',
      zIndex: 2147483000,
      // WXT's reset (`:host{all:initial !important}`) would undo the overlay's positioning
      // and pin the timer to the page's corner: keep the host a zero-size positioned box.
      css: ':host{position:relative !important;display:block !important;width:0 !important;height:0 !important;overflow:visible !important}',
      onMount: container => {
        const root = container.appendChild(document.createElement('div'));
        // Straddle the anchor's bottom edge at its left, where Path and stage bars leave padding.
        root.style.cssText = 'position:absolute;left:12px;top:0;transform:translateY(-50%)';
        render(
          <CycleTimer
            stage={deal.stage}
            stageEnteredAt={deal.stageEnteredAt}
            {...(deal.createdAt ? { createdAt: deal.createdAt } : {})}
            {...(lastTouchAt ? { lastTouchAt } : {})}
            targetDays={stageTargetDays(deal.stage)}
            now={now}
          />,
          root,
        );
        return root;
      },
      onRemove: root => root && render(null, root),
    });
    if (anchor !== at) return; // a newer reading replaced this one while we awaited
    ui = created;
    ui.mount();
  };

  return runAdapter(ctx, adapter, {
    isOwnNode: node => (node instanceof Element ? node : node.parentElement)?.closest(TIMER_TAG) != null,
    onReading(reading, stored) {
      const at = reading.kind === 'deal' ? adapter.timerAnchor?.(document) : undefined;
      // A closed deal has no stage clock left to run.
      if (!stored || !at || stored.deal.status !== 'open') return remove();
      void show(stored, at);
    },
  });
}
