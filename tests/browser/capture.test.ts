import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import type { Page } from 'playwright-core';
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

describe('capture on a Salesforce opportunity page', () => {
  it('reads the opportunity into deals within a second and logs the rep\'s own timeline activities once', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    const dealId = `salesforce:${OPPORTUNITIES.negotiation.id}`;
    const { store } = await waitForStore(probe, s => s.deals.find(d => d.id === dealId));
    expect(store.deals.find(d => d.id === dealId)).toMatchObject({
      name: 'Acme — 500 Widgets',
      stage: 'Negotiation/Review',
      amount: 120000,
      currency: 'USD',
      closeDate: '2026-12-18',
      status: 'open',
      url: `https://pacer-test.lightning.force.com/lightning/r/Opportunity/${OPPORTUNITIES.negotiation.id}/view`,
    });
    // The fixture's timeline: by "You" a past call and email and an upcoming event (10:30am 12/2/26),
    // and a call by a colleague. The upcoming one counts only once its time has passed.
    const mine = store.events.filter(e => e.deal?.id === dealId && ['call', 'email', 'meeting'].includes(e.type));
    const meetingDone = new Date(2026, 11, 2, 10, 30) < new Date();
    expect(mine.map(e => e.type).sort()).toEqual(meetingDone ? ['call', 'email', 'meeting'] : ['call', 'email']);

    // A second visit to the same page stores nothing new.
    const before = (await readStore(probe)).events.length;
    await page.reload();
    await page.waitForTimeout(1500);
    expect((await readStore(probe)).events.length).toBe(before);
    await page.close();
  });

  it('records deal_stage_changed when the Path moves to another stage', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    const dealId = `salesforce:${OPPORTUNITIES.negotiation.id}`;
    await waitForStore(probe, s => s.deals.find(d => d.id === dealId));
    // What Lightning does to the Path after the rep marks the stage complete.
    await page.evaluate(() => {
      const items = [...document.querySelectorAll('.slds-path__item')];
      const current = items.findIndex(li => li.classList.contains('slds-is-current'));
      items[current]!.classList.remove('slds-is-current', 'slds-is-active');
      items[current]!.classList.add('slds-is-complete');
      items[current + 1]!.classList.remove('slds-is-incomplete');
      items[current + 1]!.classList.add('slds-is-current', 'slds-is-active');
    });
    const { result } = await waitForStore(probe, s =>
      s.events.find(e => e.type === 'deal_stage_changed' && e.deal?.id === dealId),
    );
    expect(result).toMatchObject({ meta: { fromStage: 'Negotiation/Review', toStage: 'Closed' } });
    await page.close();
  });

  it('records nothing from a page it cannot read', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('broken'));
    await page.waitForTimeout(1500);
    const { deals, events } = await readStore(probe);
    expect(deals.some(d => d.id.endsWith(OPPORTUNITIES.broken.id))).toBe(false);
    expect(events.some(e => e.deal?.id.endsWith(OPPORTUNITIES.broken.id))).toBe(false);
    await page.close();
  });
});
