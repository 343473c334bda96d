// Runs a pure site adapter inside a content script: reads the page on load,
// on SPA navigation and on DOM mutation (debounced), watches the rep's own
// Save/Send clicks, and hands what it saw to the outbox. Every callback is
// fenced: nothing Pacer does may throw into the CRM's page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CaptureAck } from './capture-batch';
import { confirmWatcher } from './confirm-watch';
import { fenceFor } from './fence';
import { sendMessage } from './messages';
import type { DealSnapshot, RepIdentity } from './model';
import { watchRepIdentity } from './rep-identity-reader';
import { actionEvent, observe } from './observe';
import { Outbox } from './outbox';
import { firstReading } from './first-reading';
import { observeOptions, readingChanges } from './read-trigger';
import { withTreeCache } from './sites/dom';
import type { PageReading, RepAction, SiteAdapter } from './sites/types';

export interface StoredDeal {
  deal: DealSnapshot;
  /** Latest call, email, meeting… on this deal, if any. */
  lastTouchAt?: string;
}

export interface RunAdapterHooks {
  /** Called after each reading, with the stored deal once the background has it. */
  onReading?(reading: PageReading, stored: StoredDeal | undefined): void;
  /** Elements of Pacer's own UI: mutations inside them are not page changes. */
  isOwnNode?(node: Node): boolean;
}

const READ_DEBOUNCE_MS = 250;
const CONFIRM_POLL_MS = 200;
/** An action the CRM has not confirmed by then (no dialog closed, no record opened) records nothing. */
const CONFIRM_TIMEOUT_MS = 15_000;

/**
 * The page's own setTimeout, doing nothing once the extension is gone. Not ctx.setTimeout:
 * WXT's adds an invalidation listener per call that is never removed, so a CRM tab open all
 * day would keep one more for every re-read, confirmation poll and timer tick.
 */
export const timeoutWhileValid =
  (ctx: Pick<ContentScriptContext, 'isInvalid'>) =>
  (fn: () => void, ms: number): number =>
    window.setTimeout(() => {
      if (!ctx.isInvalid) fn();
    }, ms);

export function runAdapter(ctx: ContentScriptContext, adapter: SiteAdapter, hooks: RunAdapterHooks = {}) {
  const stored = new Map<string, StoredDeal>();
  let lastReading: PageReading | undefined;
  // Ids already handed to the outbox: it holds them until acked, so re-reading
  // the page need not send them again.
  const queued = new Set<string>();
  let lastDealSignature = '';
  let lastStateSignature = '';
  let readOnce = false;
  // Who the rep is, for CRMs that name the user on activities ("made by Sam Rivera").
  let me: RepIdentity | undefined;

  const { report, fenced } = fenceFor(adapter.id);
  const whileValid = timeoutWhileValid(ctx);

  const notify = () => {
    if (!lastReading) return;
    hooks.onReading?.(lastReading, lastReading.kind === 'deal' ? stored.get(lastReading.deal.id) : undefined);
  };

  const outbox = new Outbox({
    send: batch => sendMessage('capture', batch),
    onAck: fenced((ack: CaptureAck) => {
      for (const deal of ack.deals) stored.set(deal.id, { deal, ...(ack.lastTouch[deal.id] ? { lastTouchAt: ack.lastTouch[deal.id] } : {}) });
      notify();
    }),
  });

  const read = fenced(() => {
    if (ctx.isInvalid) return;
    readOnce = true;
    const url = new URL(location.href);
    const now = new Date();
    // One walk of the page's trees for the whole reading (lib/sites/dom.ts).
    const reading = withTreeCache(() => adapter.read(document, url, now, me));
    lastReading = reading;
    const seenAt = now.toISOString();
    const state = {
      site: adapter.id,
      url: url.href,
      kind: reading.kind,
      ...(reading.kind === 'deal' ? { dealId: reading.deal.id } : {}),
      ...(reading.kind === 'person' ? { personId: reading.person.crmId, person: reading.person } : {}),
      ...(reading.kind === 'list' ? { rows: reading.rows.length } : {}),
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
    const dealSignature = JSON.stringify([observed.deals, observed.listRows, observed.people]);
    const changed = dealSignature !== lastDealSignature;
    lastDealSignature = dealSignature;
    outbox.push(adapter.id, seenAt, events, changed ? observed.deals : [], changed ? observed.listRows : [], changed ? observed.people : []);
    notify();
  });

  // The rep's own actions: read the form at the click, record once the CRM shows it saved.
  const watchConfirm = confirmWatcher({
    fenced,
    setTimeout: whileValid,
    pollMs: CONFIRM_POLL_MS,
    timeoutMs: CONFIRM_TIMEOUT_MS,
    alive: () => !ctx.isInvalid,
  });
  const watchAction = (action: RepAction, clickedAt: Date) =>
    watchConfirm(`${action.type}|${action.recordKey ?? location.href}`, clickedAt, () => action.confirm(document, new URL(location.href)), outcome => {
      const url = new URL(location.href);
      // Adapters may give the bare id or the `site:recordId` key; the stored key is always the latter.
      const recordId = outcome.status === 'saved' ? outcome.recordId : undefined;
      const created = recordId ? (recordId.startsWith(`${adapter.id}:`) ? recordId : `${adapter.id}:${recordId}`) : undefined;
      const withDeal: RepAction =
        action.type === 'lead_created' && created && !action.deal && !action.person ? { ...action, recordKey: created } : action;
      const event = actionEvent(adapter.id, withDeal, clickedAt.toISOString(), url.href, created);
      if (queued.has(event.id)) return;
      queued.add(event.id);
      outbox.push(adapter.id, new Date().toISOString(), [event], []);
    });
  if (adapter.actionFor) {
    const actionFor = adapter.actionFor.bind(adapter);
    ctx.addEventListener(
      document,
      'click',
      fenced((e: Event) => {
        if (!e.isTrusted || !(e.target instanceof Element)) return; // only the rep's own clicks
        const target = (e.composedPath()[0] as Element | undefined) ?? e.target;
        const action = actionFor(target instanceof Element ? target : e.target, document, new URL(location.href));
        if (action) watchAction(action, new Date());
      }),
      { capture: true, passive: true },
    );
  }

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = whileValid(() => {
      timer = undefined;
      read();
    }, READ_DEBOUNCE_MS);
  };

  // Only mutations that touch what the adapter reads lead to a re-read (lib/read-trigger.ts).
  // Throttled, not debounced: a long run of mutations never postpones a needed re-read.
  const touchesReading = readingChanges(adapter.anchors, hooks.isOwnNode);
  const observer = new MutationObserver(
    fenced((records: MutationRecord[]) => {
      if (touchesReading(records)) schedule();
    }),
  );
  observer.observe(document, observeOptions(['class', 'aria-selected']));
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', fenced(() => {
    lastDealSignature = '';
    read();
  }));
  // The first reading waits for the rep's identity (one reading at load, not two) and the
  // page's idle time, and never longer than lib/first-reading.ts allows.
  const first = firstReading({
    read,
    hasRead: () => readOnce,
    needsIdentity: true,
    setTimeout: whileValid,
    alive: () => !ctx.isInvalid,
  });
  const meChanged = fenced((rep: RepIdentity) => {
    me = rep.name || rep.email ? rep : undefined;
    if (first.identityArrived()) return;
    lastDealSignature = '';
    read();
  });
  ctx.onInvalidated(watchRepIdentity(meChanged, report));
  return { outbox, read };
}
