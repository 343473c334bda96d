// The plan editor in the built extension's options page, in real Chromium, by keyboard:
// what is saved survives a reload; what is refused says why beside the field and is not stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import type { Plan } from '../../lib/metrics/plan';

let browser: ExtensionBrowser;
let options: Page;
const section = () => options.locator('section[aria-labelledby="plan"]');
const field = (label: string) => section().getByLabel(label, { exact: true });
const status = () => section().locator('.plan-actions [role=status]');

/** Replaces a field's text the way a person does: select all, type. */
async function retype(text: string) {
  await options.keyboard.press('Control+A');
  if (text === '') await options.keyboard.press('Delete');
  else await options.keyboard.type(text);
}
const focus = async (l: Locator) => {
  await l.focus();
  expect(await l.evaluate(el => el === document.activeElement)).toBe(true);
};
/** What storage holds, read in the page (the test's Node has no `chrome`). */
const storedPlan = () =>
  options.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
    return (await chrome.storage.local.get('plan')).plan as Plan | undefined;
  });
/** The text of the messages a field points to with aria-describedby. */
const describedBy = (l: Locator) =>
  l.evaluate(el => (el.getAttribute('aria-describedby') ?? '').split(' ').map(id => document.getElementById(id)?.textContent ?? '').join(' | '));

beforeAll(async () => {
  browser = await launchWithExtension();
  options = await browser.extensionPage('options.html');
  await section().locator('form.plan-editor').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

describe('options: plan and targets', () => {
  it('fills the plan by keyboard, saves with Enter, and every value is there after a reload', async () => {
    expect(await storedPlan()).toBeUndefined();

    // Tab order follows the page: month, week start, time zone, holidays, currency, "Add a rate".
    await focus(field('Fiscal year starts in month (1–12)'));
    await retype('4');
    await options.keyboard.press('Tab');
    await options.keyboard.press('End'); // the last day offered: Sunday
    await options.keyboard.press('Tab');
    await retype('Europe/Berlin');
    await options.keyboard.press('Tab');
    await options.keyboard.type('2026-12-25');
    await options.keyboard.press('Tab');
    await retype('EUR');
    await options.keyboard.press('Tab');
    await options.keyboard.press('Enter'); // "Add a rate" moves the keyboard to the new row
    await options.keyboard.type('usd');
    await options.keyboard.press('Tab');
    await options.keyboard.type('0.92');

    await focus(field('Annual quota (EUR)'));
    await retype('1200000');
    for (const q of ['250000', '300000', '300000', '350000']) {
      await options.keyboard.press('Tab');
      await options.keyboard.type(q);
    }
    await focus(field('Calls per week'));
    await retype('60');
    await options.keyboard.press('Tab');
    await retype(''); // no daily call target
    await focus(field('Open stages, in order, one per line'));
    await options.keyboard.press('Control+End');
    await options.keyboard.type('\nContract Sent');
    await focus(field('Tier 1: rate (% of revenue)'));
    await retype('8');
    await options.keyboard.press('Enter');

    await expect.poll(() => status().textContent()).toBe('Saved.');
    expect(await section().getByRole('alert').count()).toBe(0);

    await options.reload();
    await section().locator('form.plan-editor').waitFor();
    const values = async () => ({
      month: await field('Fiscal year starts in month (1–12)').inputValue(),
      week: await field('Weeks start on').inputValue(),
      timeZone: await field('Time zone').inputValue(),
      holidays: await field('Holidays, one date per line (YYYY-MM-DD)').inputValue(),
      currency: await field('Plan currency').inputValue(),
      rateCode: await field('Exchange rate 1: currency').inputValue(),
      rate: await field('1 USD in EUR').inputValue(),
      quota: await field('Annual quota (EUR)').inputValue(),
      quarters: await Promise.all(['Q1', 'Q2', 'Q3', 'Q4'].map(q => field(q).inputValue())),
      callsPerWeek: await field('Calls per week').inputValue(),
      callsPerDay: await field('Calls per day').inputValue(),
      lastStage: (await field('Open stages, in order, one per line').inputValue()).split('\n').at(-1),
      contractSentDays: await field('Contract Sent: days at most').inputValue(),
      tierRate: await field('Tier 1: rate (% of revenue)').inputValue(),
    });
    expect(await values()).toEqual({
      month: '4', week: '0', timeZone: 'Europe/Berlin', holidays: '2026-12-25', currency: 'EUR', rateCode: 'USD', rate: '0.92',
      quota: '1,200,000', quarters: ['250,000', '300,000', '300,000', '350,000'], callsPerWeek: '60', callsPerDay: '',
      lastStage: 'Contract Sent', contractSentDays: '21', tierRate: '8',
    });
    expect(await storedPlan()).toMatchObject({
      fiscalYearStartMonth: 4, weekStartsOn: 0, timeZone: 'Europe/Berlin', holidays: ['2026-12-25'], currency: 'EUR', rates: { USD: 0.92 },
      annual: [{ annualQuota: 1_200_000, quarterQuotas: [250_000, 300_000, 300_000, 350_000] }],
      dailyTargets: { emails: 8, meetings: 2 },
      commission: { tiers: [{ fromAttainment: 0, rate: 0.08 }] },
    });
  });

  it('shows an invalid value’s message beside it and in the summary, and stores nothing', async () => {
    const before = await storedPlan();
    await focus(field('Annual quota (EUR)'));
    await retype('-5');
    await options.keyboard.press('Enter');

    const summary = section().getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('One problem: nothing was saved.');
    // The keyboard lands on the summary; its link takes it to the field.
    expect(await summary.evaluate(el => el === document.activeElement)).toBe(true);
    await options.keyboard.press('Tab');
    await options.keyboard.press('Enter');
    const quota = field('Annual quota (EUR)');
    expect(await quota.evaluate(el => el === document.activeElement)).toBe(true);
    expect(await quota.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(quota)).toBe('The annual quota cannot be negative (-5).');
    expect(await status().textContent()).toBe('');
    expect(await storedPlan()).toEqual(before);

    await options.reload();
    await section().locator('form.plan-editor').waitFor();
    expect(await field('Annual quota (EUR)').inputValue()).toBe('1,200,000');
    expect(await section().getByRole('alert').count()).toBe(0);
  });
});

describe('the options page in a narrow window', () => {
  it.each([320, 360])('never scrolls sideways at %i px: a table too wide scrolls inside its own box', async width => {
    const page = await browser.extensionPage('options.html');
    try {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('section[aria-labelledby="plan"] form.plan-editor').waitFor();
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        // Everything past the right edge must sit in a box that scrolls by itself.
        loose: [...document.querySelectorAll('body *')]
          .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !el.closest('.table-scroll'))
          .map(el => `${el.tagName.toLowerCase()}.${el.className}`),
      }));
      expect(widths).toEqual({ page: width, loose: [] });
      // Each plan table is still reachable: its inputs are in the tab order and scroll into view on focus.
      const lastPoints = page.getByLabel('Proposals submitted: points each', { exact: true });
      await lastPoints.focus();
      expect(await lastPoints.evaluate(el => { const r = el.getBoundingClientRect(); return r.right <= document.documentElement.clientWidth + 0.5 && r.left >= 0; })).toBe(true);
    } finally {
      await page.close();
    }
  });
});
