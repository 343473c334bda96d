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

describe('the in-place sales-cycle timer', () => {
  it('shows "<Stage> · <n>d in stage" beside the Path, in a shadow root, ticking, coloured against the stage target', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    const badge = page.locator('pacer-cycle-timer .badge');
    await badge.waitFor({ timeout: 10_000 });
    expect(await badge.textContent()).toBe('Negotiation/Review · 0d in stage');
    expect(await page.locator('pacer-cycle-timer .timer').getAttribute('data-pace')).toBe('ok');

    // Beside the Path: the host follows the Path component, its UI lives in a shadow root.
    const placement = await page.evaluate(() => {
      const host = document.querySelector('pacer-cycle-timer')!;
      return { previous: host.previousElementSibling?.localName, shadow: !!host.shadowRoot, lightChildren: host.children.length };
    });
    expect(placement).toEqual({ previous: 'runtime_sales_pathassistant-path', shadow: true, lightChildren: 0 });

    const first = Number(await badge.getAttribute('data-elapsed-seconds'));
    await page.waitForTimeout(3200);
    const later = Number(await badge.getAttribute('data-elapsed-seconds'));
    expect(later - first).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('is keyboard-focusable, and its tooltip explains each number', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    const timer = page.locator('pacer-cycle-timer .timer');
    await timer.waitFor({ timeout: 10_000 });
    const tip = page.locator('pacer-cycle-timer [role=tooltip]');
    expect(await tip.isVisible()).toBe(false);
    await timer.focus();
    expect(await timer.evaluate(el => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await tip.isVisible()).toBe(true);
    const text = (await tip.textContent())!;
    expect(text).toContain('0 days in Negotiation/Review');
    expect(text).toContain('Target: 21 days, so the deal is on pace.');
    expect(text).toContain('Last touch:');
    expect(await timer.getAttribute('aria-describedby')).toBe('pacer-timer-tip');
    await page.close();
  });

  it("never moves the page's own layout", async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    await page.locator('pacer-cycle-timer .badge').waitFor({ timeout: 10_000 });
    const rects = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter(el => !el.closest('pacer-cycle-timer'))
          .slice(0, 400)
          .map(el => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(','); }),
      );
    const withTimer = await rects();
    await page.evaluate(() => document.querySelector('pacer-cycle-timer')!.remove());
    expect(await rects()).toEqual(withTimer);
    await page.close();
  });

  it('goes away when the single-page app navigates off the opportunity', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    await page.locator('pacer-cycle-timer .badge').waitFor({ timeout: 10_000 });
    // Lightning navigates with the History API and swaps the record out of view.
    await page.evaluate(() => {
      history.pushState({}, '', '/lightning/o/Opportunity/list');
      document.querySelector('one-record-home-flexipage2')?.remove();
    });
    await page.locator('pacer-cycle-timer').waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });

  it('is not shown on a page Pacer cannot read', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('broken'));
    await page.waitForTimeout(1500);
    expect(await page.locator('pacer-cycle-timer').count()).toBe(0);
    await page.close();
  });
});
