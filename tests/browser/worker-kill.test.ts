import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { readStore, waitForStore } from './store-probe';
import { OPPORTUNITIES, startTestSite } from './site';

let site: Awaited<ReturnType<typeof startTestSite>>;
let browser: ExtensionBrowser;
let probe: Page;

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchWithExtension({ hostResolverRules: site.rules });
  probe = await browser.extensionPage('options.html');
});
afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

const BURST = 500;
const isBurstCall = (e: { type: string; meta?: { subject?: string } }) => e.type === 'call' && /^Discovery call \d+$/.test(e.meta?.subject ?? '');

it(`loses nothing and stores nothing twice when the service worker is killed while ${BURST} events are captured`, async () => {
  const page = await browser.context.newPage();
  await page.goto(site.opportunityUrl('negotiation', `burst=${BURST}`));

  // Kill the worker repeatedly while the page is still producing rows: some
  // batches are sent to a dead worker, some are stored but never acknowledged.
  let kills = 0;
  const done = () => page.evaluate(n => document.body.dataset.burst === String(n), BURST);
  const deadline = Date.now() + 30_000;
  while (!(await done()) && Date.now() < deadline) {
    await browser.stopWorkers();
    kills++;
    await page.waitForTimeout(5 + (kills % 4) * 10);
  }
  await browser.stopWorkers();
  kills++;

  const { store } = await waitForStore(probe, s => s.events.filter(isBurstCall).length >= BURST, 30_000);
  const burst = store.events.filter(isBurstCall);
  expect(burst).toHaveLength(BURST);
  expect(new Set(burst.map(e => e.id)).size).toBe(BURST);
  expect(new Set(burst.map(e => e.meta?.subject)).size).toBe(BURST);
  // Nothing else doubled either: every stored id is unique by construction of the key,
  // and the deal is stored once.
  expect(store.deals.filter(d => d.id === `salesforce:${OPPORTUNITIES.negotiation.id}`)).toHaveLength(1);

  expect(kills).toBeGreaterThanOrEqual(10);
  // The worker really died and came back, many times.
  const lifecycle = await browser.workerLifecycle();
  expect(lifecycle.stops).toBeGreaterThanOrEqual(2);
  expect(lifecycle.starts).toBeGreaterThanOrEqual(1);
  // Quiet afterwards: a few more seconds add nothing.
  await page.waitForTimeout(1500);
  expect((await readStore(probe)).events.filter(isBurstCall)).toHaveLength(BURST);
  await page.close();
});
