import { openDb } from '../lib/db';
import { storeBatch } from '../lib/ingest';
import { onMessage } from '../lib/messages';
import { pageStateKey } from '../lib/page-state';

// main() must stay synchronous: listeners registered later than the first
// turn would miss the message that woke the worker.
export default defineBackground(() => {
  const db = openDb();

  onMessage('capture', batch => storeBatch(db, batch));

  onMessage('pageState', async (state, sender) => {
    if (sender.tab?.id === undefined) return;
    await browser.storage.session.set({ [pageStateKey(sender.tab.id)]: state });
  });

  onMessage('reportError', (error, sender) => {
    // Adapter health: surfaced in the side panel through the page state; the
    // console keeps the detail for whoever debugs the worker.
    console.warn(`[pacer] ${error.site} content script error on tab ${sender.tab?.id}: ${error.message}`);
  });

  browser.tabs.onRemoved.addListener(tabId => void browser.storage.session.remove(pageStateKey(tabId)));
});
