// axe-core inside Chromium on every extension page, with the demo data set loaded: no
// serious or critical violation, in the light scheme and in the dark one (issue #6).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { openSidePanel, seedDemo } from './scorecard-demo';
import { OPPORTUNITIES, SF_HOST, startTestSite } from './site';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe on the page as it is; returns the serious and critical violations, each with the elements at fault. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  // Evaluated through the DevTools protocol, so the extension page's CSP does not block it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }));
  });
}

let site: Awaited<ReturnType<typeof startTestSite>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchWithExtension({ hostResolverRules: site.rules });
  await seedDemo(browser);
  // An open deal on the active tab, so "This page" shows a deal with what closing it earns.
  const deal = await browser.context.newPage();
  await deal.goto(`https://${SF_HOST}/lightning/r/Opportunity/${OPPORTUNITIES.negotiation.id}/view`);
  await deal.locator('pacer-cycle-timer .badge').waitFor({ timeout: 30_000 });
});
afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

const PAGES: [string, (b: ExtensionBrowser) => Promise<Page>][] = [
  ['the side panel (scorecard, charts, this page)', async b => {
    const page = await openSidePanel(b);
    await page.locator('[data-testid=deal-earns]').waitFor({ timeout: 30_000 });
    return page;
  }],
  ['the weekly 1:1 review', async b => {
    const page = await b.extensionPage('review.html');
    await page.locator('.review-table tbody tr').first().waitFor({ timeout: 30_000 });
    return page;
  }],
  ['the popup', async b => {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 340, height: 520 });
    await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await page.locator('tr[data-type]').first().waitFor({ timeout: 30_000 });
    return page;
  }],
  ['the options page', async b => {
    const page = await b.extensionPage('options.html');
    await page.locator('#rep-name').waitFor({ timeout: 30_000 });
    return page;
  }],
];

it('finds a violation planted in a page (the check itself works)', async () => {
  const page = await browser.extensionPage('popup.html');
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' })));
  const found = await seriousViolations(page);
  await page.close();
  expect(found.map(f => f.id)).toContain('image-alt');
});

describe.each(['light', 'dark'] as const)('axe-core, %s scheme: no serious or critical violations', scheme => {
  it.each(PAGES)('%s', async (_name, open) => {
    const page = await open(browser);
    await page.emulateMedia({ colorScheme: scheme });
    // The charts redraw in the scheme's palette; give them a frame.
    await page.waitForTimeout(100);
    const found = await seriousViolations(page);
    await page.close();
    expect(found).toEqual([]);
  });
});
