// The side panel and the background's saved scorecards in Chromium (issue #6, "Speed" and
// "Live"): a captured event shows in the open panel from the background's snapshot; a panel
// opened after a write shows the exact scorecard the background saved, not one it computed
// itself; a worker that was stopped and missed a write is woken by the panel and answers.
// Whose computation is on screen is read from the page's own marks (lib/scorecard-store.ts:
// `pacer:scorecard-shown` with its source, `pacer:scorecard-computed` for each computation
// the panel did itself), never from timing.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../../lib/capture-batch';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { openRecordingPanel, openSidePanel, recorded, seedDemo } from './scorecard-demo';

let browser: ExtensionBrowser;
let sender: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  const { options } = await seedDemo(browser);
  await options.close();
  sender = await browser.extensionPage('popup.html');
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

let n = 0;
/** One call, as a content script sends it to the background. */
async function capture(): Promise<void> {
  const at = new Date().toISOString();
  const batch: CaptureBatch = {
    batchId: `live-${++n}`,
    site: 'salesforce',
    seenAt: at,
    deals: [],
    events: [{ id: `live-call-${n}`, type: 'call', at, site: 'salesforce', url: 'https://example.lightning.force.com/', capturedAt: at }],
  };
  await sender.evaluate(data => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ pacer: 'capture', data }), batch);
}

/** The saved quarter scorecard's data version and source, and the store's data version (plain IndexedDB, as any page reads it). */
const savedState = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ saved: number; source: string | null; data: number }>((done, fail) => {
        const open = indexedDB.open('pacer');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['scorecardSnapshots', 'meta']);
          const saved = tx.objectStore('scorecardSnapshots').get('quarter');
          const version = tx.objectStore('meta').get('dataVersion');
          tx.oncomplete = () => {
            db.close();
            done({ saved: saved.result?.dataVersion ?? -1, source: saved.result?.source ?? null, data: Number(version.result?.value ?? 0) });
          };
        };
      }),
  );
const backgroundCaughtUp = async () => {
  for (let i = 0; i < 300; i++) {
    const s = await savedState(sender);
    if (s.saved === s.data && s.source === 'background') return s;
    await sender.waitForTimeout(50);
  }
  throw new Error(`the background did not save the current scorecard: ${JSON.stringify(await savedState(sender))}`);
};

const callsOn = async (page: Page) => Number(((await page.locator('[data-driver=calls] td').first().textContent()) ?? '').split('/')[0]!.replace(/[^\d]/g, ''));
const waitForCalls = (page: Page, calls: number) =>
  page.waitForFunction(c => Number((document.querySelector('[data-driver=calls] td')?.textContent ?? '').split('/')[0]!.replace(/[^\d]/g, '')) === c, calls, { timeout: 15_000 });
/** Every scorecard the page put on screen (source, data version, exact), and how many it computed itself. */
const marks = (page: Page) =>
  page.evaluate(() => ({
    shown: performance.getEntriesByName('pacer:scorecard-shown').map(e => (e as PerformanceMark).detail as { source: string; dataVersion: number; exact: boolean }),
    computedByPanel: performance.getEntriesByName('pacer:scorecard-computed').length,
  }));


describe('the side panel shows the background’s scorecards', () => {
  it('a captured event shows in the open panel, from the snapshot the background saved; the panel computes nothing', async () => {
    await backgroundCaughtUp(); // after the demo's import
    const panel = await openSidePanel(browser);
    const before = await callsOn(panel);
    await capture();
    await waitForCalls(panel, before + 1);
    const { shown, computedByPanel } = await marks(panel);
    expect(computedByPanel).toBe(0);
    expect(shown.at(-1)).toEqual({ source: 'background', dataVersion: (await savedState(sender)).data, exact: true });
    await panel.close();
  });

  it('reopened after a write, shows the exact scorecard from the background’s snapshot at once: never "Updating…", never its own computation', async () => {
    const before = (await savedState(sender)).data;
    await capture();
    const state = await backgroundCaughtUp();
    expect(state.data).toBeGreaterThan(before);
    const panel = await openRecordingPanel(browser);
    await panel.locator('[data-driver=calls] td').first().waitFor({ timeout: 15_000 });
    const calls = await callsOn(panel);
    await panel.waitForTimeout(300); // anything that would follow the first scorecard has time to show
    expect(await recorded(panel)).toEqual([`|${calls}`]);
    const { shown, computedByPanel } = await marks(panel);
    expect(shown).toEqual([{ source: 'background', dataVersion: state.data, exact: true }]);
    expect(computedByPanel).toBe(0);
    await panel.close();
  });

  it('a write the stopped worker never heard of: the panel shows the saved scorecard marked "Updating…", wakes the worker, and shows its exact one', async () => {
    const panel = await openRecordingPanel(browser);
    await panel.locator('[data-driver=calls] td').first().waitFor({ timeout: 15_000 });
    const calls = await callsOn(panel);
    await panel.close();
    await browser.stopWorkers();
    // A write from a page while no worker runs: nobody recomputes the saved scorecard.
    await sender.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('pacer');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('meta', 'readwrite');
            const store = tx.objectStore('meta');
            const get = store.get('dataVersion');
            get.onsuccess = () => store.put({ key: 'dataVersion', value: String(Number(get.result?.value ?? 0) + 1) });
            tx.oncomplete = () => (db.close(), done());
            tx.onerror = () => fail(tx.error);
          };
        }),
    );
    const stale = await savedState(sender);
    expect(stale.saved).toBeLessThan(stale.data);
    const again = await openRecordingPanel(browser);
    await again.waitForFunction(() => (globalThis as unknown as { __seen: string[] }).__seen.at(-1)?.startsWith('|'), undefined, { timeout: 15_000 });
    expect((await recorded(again))[0]).toBe(`Updating…|${calls}`);
    expect((await recorded(again)).at(-1)).toBe(`|${calls}`); // the version moved, the numbers did not
    const { shown, computedByPanel } = await marks(again);
    expect(shown.at(-1)).toEqual({ source: 'background', dataVersion: stale.data, exact: true });
    expect(computedByPanel).toBe(0);
    await again.close();
  });
});
