import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { startTestSite } from './site';

let site: Awaited<ReturnType<typeof startTestSite>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchWithExtension({ hostResolverRules: site.rules });
});
afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

describe('the in-place stage timer', () => {
  it('shows "<Stage> · <n>d in stage" right after the Path, in a shadow root, ticking', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    const badge = page.locator('pacer-stage-timer .badge');
    await badge.waitFor({ timeout: 10_000 });
    expect(await badge.textContent()).toBe('Negotiation/Review · 0d in stage');

    // Beside the Path: the host is the Path component's next sibling, and its UI lives in a shadow root.
    const placement = await page.evaluate(() => {
      const host = document.querySelector('pacer-stage-timer')!;
      return { previous: host.previousElementSibling?.localName, shadow: !!host.shadowRoot, lightChildren: host.children.length };
    });
    expect(placement).toEqual({ previous: 'runtime_sales_pathassistant-path', shadow: true, lightChildren: 0 });

    const first = Number(await badge.getAttribute('data-elapsed-seconds'));
    await page.waitForTimeout(3200);
    const later = Number(await badge.getAttribute('data-elapsed-seconds'));
    expect(later - first).toBeGreaterThanOrEqual(2);

    // Keyboard-focusable, with a tooltip that says what the number means.
    await badge.focus();
    expect(await badge.evaluate(el => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await badge.getAttribute('title')).toMatch(/^In Negotiation\/Review since .+: 0 days 0 hours \(Pacer\)$/);
    await page.close();
  });

  it('goes away when the single-page app navigates off the opportunity', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    await page.locator('pacer-stage-timer .badge').waitFor({ timeout: 10_000 });
    // Lightning navigates with the History API and swaps the record out of view.
    await page.evaluate(() => {
      history.pushState({}, '', '/lightning/o/Opportunity/list');
      document.querySelector('one-record-home-flexipage2')?.remove();
    });
    await page.locator('pacer-stage-timer').waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });

  it('is not shown on a page Pacer cannot read', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('broken'));
    await page.waitForTimeout(1500);
    expect(await page.locator('pacer-stage-timer').count()).toBe(0);
    await page.close();
  });
});
