// Runs a pure site adapter inside a content script: reads the page on load,
// on SPA navigation and on DOM mutation (debounced), and hands what it saw to
// the outbox. Every callback is fenced: nothing Pacer does may throw into the CRM's page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from './messages';
import type { DealSnapshot } from './model';
import { observe } from './observe';
import { Outbox } from './outbox';
import type { PageReading, SiteAdapter } from './sites/types';

export interface RunAdapterHooks {
  /** Called after each reading, with the stored snapshot of the deal once the background has it. */
  onReading?(reading: PageReading, deal: DealSnapshot | undefined): void;
  /** Elements of Pacer's own UI: mutations inside them are not page changes. */
  isOwnNode?(node: Node): boolean;
}

const READ_DEBOUNCE_MS = 250;

export function runAdapter(ctx: ContentScriptContext, adapter: SiteAdapter, hooks: RunAdapterHooks = {}) {
  const stored = new Map<string, DealSnapshot>();
  let lastReading: PageReading | undefined;
  // Ids already handed to the outbox: it holds them until acked, so re-reading
  // the page need not send them again.
  const queued = new Set<string>();
  let lastDealSignature = '';
  let lastStateSignature = '';

  const report = (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    sendMessage('reportError', { site: adapter.id, message }).catch(() => {});
  };
  const fenced =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (error) {
        report(error);
      }
    };

  const notify = () => {
    if (!lastReading) return;
    const deal = lastReading.kind === 'deal' ? stored.get(lastReading.deal.id) : undefined;
    hooks.onReading?.(lastReading, deal);
  };

  const outbox = new Outbox({
    send: batch => sendMessage('capture', batch),
    onAck: fenced(ack => {
      for (const d of ack.deals) stored.set(d.id, d);
      notify();
    }),
  });

  const read = fenced(() => {
    if (ctx.isInvalid) return;
    const url = new URL(location.href);
    const reading = adapter.read(document, url);
    lastReading = reading;
    const seenAt = new Date().toISOString();
    const state = {
      site: adapter.id,
      url: url.href,
      kind: reading.kind,
      ...(reading.kind === 'deal' ? { dealId: reading.deal.id } : {}),
      ...(reading.kind === 'person' ? { personId: reading.person.crmId } : {}),
      health: reading.health,
    };
    const stateSignature = JSON.stringify(state);
    if (stateSignature !== lastStateSignature) {
      lastStateSignature = stateSignature;
      sendMessage('pageState', { ...state, readAt: seenAt }).catch(() => {});
    }
    const observed = observe(reading, adapter.id, seenAt);
    const events = observed.events.filter(e => !queued.has(e.id));
    for (const e of events) queued.add(e.id);
    // Mutations fire constantly on a CRM page; only a changed deal is worth a message.
    const dealSignature = JSON.stringify(observed.deals);
    const deals = dealSignature === lastDealSignature ? [] : observed.deals;
    lastDealSignature = dealSignature;
    outbox.push(adapter.id, seenAt, events, deals);
    notify();
  });

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      read();
    }, READ_DEBOUNCE_MS);
  };

  const observer = new MutationObserver(
    fenced((records: MutationRecord[]) => {
      if (hooks.isOwnNode && records.every(r => hooks.isOwnNode!(r.target))) return;
      schedule();
    }),
  );
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'aria-selected'] });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', fenced(() => {
    lastDealSignature = '';
    read();
  }));
  read();
  return { outbox, read };
}
