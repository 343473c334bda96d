import { openDb } from '../lib/db';
import { storeBatch } from '../lib/ingest';
import { onMessage } from '../lib/messages';
import { pageStateKey } from '../lib/page-state';
import { applyPrivacy } from '../lib/privacy';
import { captureSettings, planSettings } from '../lib/settings';
import { FOCUS_QUICK_ADD_KEY, QUICK_ADD_COMMAND } from '../lib/quick-add-command';
import { startTeamSync } from '../lib/sync-background';
import { startCustomAdapters } from '../lib/custom-adapters';
import { startRetention } from '../lib/retention-background';
import { applySiteSwitches } from '../lib/site-switches';
import { siteSwitches } from '../lib/site-switches-settings';
import { ensureDealHistory } from '../lib/deal-history-store';
import { startScorecardRefresh } from '../lib/scorecard-refresh-background';
import { createCaptureWriter } from '../lib/capture-coalesce';

// main() must stay synchronous: listeners registered later than the first
// turn would miss the message that woke the worker.
export default defineBackground(() => {
  const db = openDb();

  // Privacy switches apply here, on the one write path, so every site honours them.
  // Day aggregates are kept in the plan's time zone (the rep's working calendar).
  // Batches that arrive while one is written are stored together (lib/capture-coalesce.ts).
  const writeBatch = createCaptureWriter(db, storeBatch);
  onMessage('capture', async batch => {
    const [settings, plan, switches] = await Promise.all([captureSettings.getValue(), planSettings.getValue(), siteSwitches.getValue()]);
    return writeBatch(applySiteSwitches(applyPrivacy(batch, settings), switches), plan.timeZone);
  });

  // The per-deal history rows the scorecard reads: built here once after an upgrade (or a write
  // that couldn't reach them) rather than on the next stage change.
  void ensureDealHistory(db).catch(error => console.warn('[pacer] deal history rebuild failed', error));

  // Issue #6: the saved scorecards follow every write (coalesced), so the side panel opens on
  // an exact one read from storage instead of computing it on its own thread.
  startScorecardRefresh(db);

  // Team sync (issue #7): off until the rep turns it on; alarms wake it after the worker dies.
  startTeamSync(db);

  // Issue #8: events past the rep's retention period go daily (tombstoned, so sync erases
  // them on the server too); the rep's own CRM runs where they granted it; a first install
  // opens the welcome page, which informs and offers switches while capture already runs.
  startRetention(db);
  startCustomAdapters();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  onMessage('pageState', async (state, sender) => {
    if (sender.tab?.id === undefined) return;
    // While paused, not even who is on the page is kept.
    const { paused } = await captureSettings.getValue();
    const kept = paused ? { ...state, person: undefined, profileUrl: undefined, personId: undefined } : state;
    await browser.storage.session.set({ [pageStateKey(sender.tab.id)]: kept });
  });

  onMessage('reportError', (error, sender) => {
    // Adapter health: surfaced in the side panel through the page state; the
    // console keeps the detail for whoever debugs the worker.
    console.warn(`[pacer] ${error.site} content script error on tab ${sender.tab?.id}: ${error.message}`);
  });

  browser.tabs.onRemoved.addListener(tabId => void browser.storage.session.remove(pageStateKey(tabId)));

  // Alt+Shift+L (the manifest's quick-add command) with the side panel closed: open it
  // and ask it to focus the form. The command is the user gesture sidePanel.open needs.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== QUICK_ADD_COMMAND) return;
    const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
    if (!sidePanel || tab?.windowId === undefined) return;
    void browser.storage.session.set({ [FOCUS_QUICK_ADD_KEY]: Date.now() });
    sidePanel.open({ windowId: tab.windowId }).catch(() => {});
  });

  // The toolbar button says when capture is paused, on every tab.
  const showPaused = (paused: boolean) => {
    const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    void action.setBadgeText({ text: paused ? '❚❚' : '' });
    void action.setBadgeBackgroundColor({ color: '#8e030f' });
    void action.setTitle({ title: paused ? 'Pacer: capture paused' : 'Pacer' });
  };
  void captureSettings.getValue().then(s => showPaused(s.paused));
  captureSettings.watch(s => showPaused(s.paused));
});
