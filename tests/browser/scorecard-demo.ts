// The demo data set in a browser test, put in the way the demo puts it (scripts/demo.ts):
// the options page's Import control, then the rep's plan as the plan editor stores it.
// Shared by the scorecard and axe browser tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PacerExport } from '../../lib/export-format';
import { defaultPlan, validatePlan, type Plan } from '../../lib/metrics/plan';
import { demoDataset } from '../../scripts/demo/data';
import type { ExtensionBrowser } from '../../scripts/lib/browser';

/** The demo's plan: 1.2M a year from 1 January of the data's year, the default stages, targets and commission. */
export function demoPlan(data: PacerExport, timeZone: string): Plan {
  const year = new Date(data.exportedAt).getFullYear();
  const checked = validatePlan({ ...defaultPlan(timeZone), annual: [{ effectiveFrom: `${year}-01-01`, annualQuota: 1_200_000 }] });
  if (!checked.ok) throw new Error(`demo plan invalid: ${JSON.stringify(checked.errors)}`);
  return checked.plan;
}

export interface SeededDemo {
  data: PacerExport;
  plan: Plan;
  options: Page;
}

/** Imports the demo data set through the options page and stores the demo plan. */
export async function seedDemo(browser: ExtensionBrowser, now = new Date()): Promise<SeededDemo> {
  const data = demoDataset(now);
  const options = await browser.extensionPage('options.html');
  // The plan counts days in the browser's zone, as a rep's would.
  const timeZone = await options.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const plan = demoPlan(data, timeZone);
  await options.evaluate(p => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ plan: p }), plan);
  const dir = mkdtempSync(join(tmpdir(), 'pacer-scorecard-'));
  try {
    const file = join(dir, 'pacer-demo-data.json');
    writeFileSync(file, JSON.stringify(data));
    await options.setInputFiles('#import-file', file);
    await options.getByRole('button', { name: /^Import \d+ events?/ }).click({ timeout: 30_000 }); // after the dry run (issue #8)
    const status = options.getByTestId('transfer-status');
    await status.waitFor({ timeout: 30_000 });
    const text = (await status.textContent())?.trim() ?? '';
    if (!text.startsWith('Imported')) throw new Error(`demo import failed: ${text}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { data, plan, options };
}

/** The side panel as a page at a panel's width, once its scorecard shows data. */
export async function openSidePanel(browser: ExtensionBrowser, width = 360): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  await page.locator('[data-goal=attainment]').waitFor({ timeout: 30_000 });
  await page.locator('figure[data-chart=bookings] tr[data-key]').first().waitFor({ timeout: 30_000 });
  return page;
}

/**
 * Opens the side panel and records, from its first render, each state the scorecard shows:
 * "<Updating… text>|<Calls done>", one entry each time either changes (read with `recorded`).
 */
export async function openRecordingPanel(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      const cell = document.querySelector('[data-driver=calls] td')?.textContent ?? '';
      const entry = `${document.querySelector('[data-testid=scorecard-updating]')?.textContent ?? ''}|${cell.split(' / ')[0]}`;
      if (cell && seen[seen.length - 1] !== entry) seen.push(entry);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  return page;
}

/** What a panel opened by `openRecordingPanel` has shown so far. */
export const recorded = (page: Page): Promise<string[]> => page.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen);
