import { signal } from '@preact/signals';
import { render } from 'preact';
import { StageTimer } from '../../components/StageTimer';
import { runAdapter } from '../../lib/capture';
import type { DealSnapshot } from '../../lib/model';
import { findPathElement } from '../../lib/sites/salesforce';
import { salesforce } from '../../lib/sites/salesforce';

export default defineContentScript({
  matches: ['https://*.lightning.force.com/*'],
  cssInjectionMode: 'manual',
  main(ctx) {
    const now = signal(new Date());
    ctx.setInterval(() => (now.value = new Date()), 1000);

    const TIMER_TAG = 'pacer-stage-timer';
    let ui: Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>> | undefined;
    let anchor: Element | undefined;
    let shown: DealSnapshot | undefined;

    const remove = () => {
      ui?.remove();
      ui = undefined;
      anchor = undefined;
      shown = undefined;
    };

    const show = async (deal: DealSnapshot, path: Element) => {
      if (ui && anchor === path && shown?.stage === deal.stage && shown.stageEnteredAt === deal.stageEnteredAt) return;
      remove();
      anchor = path;
      shown = deal;
      const created = await createShadowRootUi(ctx, {
        name: TIMER_TAG,
        position: 'inline',
        anchor: path,
        append: 'after',
        onMount: container => {
          const root = container.appendChild(document.createElement('div'));
          render(<StageTimer stage={deal.stage} enteredAt={deal.stageEnteredAt} now={now} />, root);
          return root;
        },
        onRemove: root => root && render(null, root),
      });
      if (anchor !== path) return; // a newer reading replaced this one while we awaited
      ui = created;
      ui.mount();
    };

    runAdapter(ctx, salesforce, {
      isOwnNode: node => node instanceof Element ? node.localName === TIMER_TAG || !!node.closest(TIMER_TAG) : node.parentElement?.closest(TIMER_TAG) != null,
      onReading(reading, deal) {
        const path = reading.kind === 'deal' ? findPathElement(document) : undefined;
        // A closed deal has no stage clock left to run.
        if (!deal || !path || deal.status !== 'open') return remove();
        void show(deal, path);
      },
    });
  },
});
