import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import type { ActivityEvent } from '../../lib/model';
import { readStore, waitForStore } from './store-probe';
import { OPPORTUNITIES, startTestSite } from './site';

let site: Awaited<ReturnType<typeof startTestSite>>;
let browser: ExtensionBrowser;
let options: Page;
const dir = mkdtempSync(join(tmpdir(), 'pacer-pages-'));

// Imported events sit a few seconds in the past, so they fall in "today" and
// "this week" whatever day the suite runs (except in the first minutes of a week).
const now = Date.now();
const minutesAgo = (m: number) => new Date(now - m * 1_000).toISOString(); // seconds, really: keeps them in today near midnight
const event = (id: string, type: ActivityEvent['type'], at: string): ActivityEvent => ({
  id, type, at, site: 'salesforce', url: 'https://pacer-test.lightning.force.com/', capturedAt: at,
});
const imported = [
  event('imp-call-1', 'call', minutesAgo(3)),
  event('imp-call-2', 'call', minutesAgo(2)),
  event('imp-call-3', 'call', minutesAgo(1)),
  event('imp-email-1', 'email', minutesAgo(2)),
  event('imp-old-email', 'email', '2026-01-05T10:00:00.000Z'),
];
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const exportFile = file('pacer-export-import.json', {
  format: 'pacer-export', version: 1, exportedAt: new Date(now).toISOString(), rep: { name: 'Sam', email: 'sam@example.com' }, events: imported, deals: [],
});

const importFile = async (path: string) => {
  await options.setInputFiles('#import-file', path);
  const status = options.getByTestId('transfer-status');
  // Issue #8: a readable file gets its dry run first, confirmed here; an unreadable one is refused at once.
  const confirm = options.getByRole('button', { name: /^Import \d+ events?/ });
  await confirm.or(status).first().waitFor();
  if (await confirm.count()) await confirm.click();
  await status.waitFor();
  const text = await status.textContent();
  // Clear it so the next import's message is the one read.
  await options.evaluate(() => document.querySelector('[data-testid="transfer-status"]')?.setAttribute('data-read', '1'));
  return text;
};

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchWithExtension({ hostResolverRules: site.rules });
  options = await browser.extensionPage('options.html');
});
afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

describe('options: export and import in the public format', () => {
  it('imports a Pacer export, merging by id: the second import changes nothing', async () => {
    expect(await importFile(exportFile)).toBe('Imported pacer-export-import.json: 5 new events, 0 already present, 0 deals updated.');
    expect((await readStore(options)).events.map(e => e.id).sort()).toEqual(imported.map(e => e.id).sort());
    await options.reload();
    expect(await importFile(exportFile)).toBe('Imported pacer-export-import.json: 0 new events, 5 already present, 0 deals updated.');
    expect((await readStore(options)).events).toHaveLength(5);
  });

  it('rejects a file that is not a Pacer export with a clear message and changes nothing', async () => {
    await options.reload();
    const before = await readStore(options);
    const bad = file('contacts.json', { format: 'crm-dump', rows: [] });
    expect(await importFile(bad)).toBe('contacts.json: This file is not a Pacer export (its "format" is not "pacer-export").');
    expect(await options.getByRole('alert').count()).toBe(1);
    await options.reload();
    // A malformed row is named in the dry run; cancelling writes nothing.
    const badRow = file('bad-row.json', { ...JSON.parse(readFileSync(exportFile, 'utf8')), events: [...imported, { ...imported[0], id: 'x', at: 'last Tuesday' }] });
    await options.setInputFiles('#import-file', badRow);
    expect(await options.getByTestId('import-invalid').textContent()).toBe('events[5] has an "at" that is not an ISO 8601 time');
    await options.getByRole('button', { name: 'Cancel' }).click();
    expect(await options.getByTestId('transfer-status').textContent()).toBe('Nothing was imported from bad-row.json.');
    expect(await readStore(options)).toEqual(before);
  });

  it('exports everything as pacer-export-YYYY-MM-DD.json from a button named Export', async () => {
    await options.reload();
    await options.getByLabel('Your name').fill('Sam Rivera');
    await options.getByLabel('Your work email').fill('sam@example.com');
    await options.getByRole('button', { name: 'Save identity' }).click();
    await options.getByText('Saved.').waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: /Export/ }).click()]);
    const d = new Date();
    const ymd = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(download.suggestedFilename()).toBe(`pacer-export-${ymd}.json`);
    const saved = join(dir, 'downloaded.json');
    await download.saveAs(saved);
    const data = JSON.parse(readFileSync(saved, 'utf8'));
    expect(Object.keys(data)).toEqual(['format', 'version', 'exportedAt', 'rep', 'events', 'deals']);
    expect(data).toMatchObject({ format: 'pacer-export', version: 1, rep: { name: 'Sam Rivera', email: 'sam@example.com' } });
    expect(data.events.map((e: ActivityEvent) => e.id).sort()).toEqual(imported.map(e => e.id).sort());
  });
});

describe('side panel and popup', () => {
  it('the side panel shows this week by type and the deal on the current tab, live', async () => {
    const crm = await browser.context.newPage();
    await crm.goto(site.opportunityUrl('negotiation'));
    const dealId = `salesforce:${OPPORTUNITIES.negotiation.id}`;
    await waitForStore(options, s => s.deals.find(d => d.id === dealId));
    await crm.bringToFront();

    const panel = await browser.extensionPage('sidepanel.html');
    const card = panel.locator(`[data-deal-id="${dealId}"]`);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator('p').first().textContent()).toBe('Acme — 500 Widgets');
    expect(await card.getByRole('row', { name: /Stage/ }).first().textContent()).toBe('StageNegotiation/Review');

    // This week's calls: three imported, plus whatever of the fixture's own timeline falls in this week.
    const { store } = await waitForStore(options, s => s.events.length > 5 ? s : undefined);
    const weekStart = new Date(); weekStart.setHours(0, 0, 0, 0); weekStart.setDate(weekStart.getDate() - ((weekStart.getDay() + 6) % 7));
    const weekEnd = new Date(weekStart); weekEnd.setDate(weekEnd.getDate() + 7);
    const inWeek = (type: string) => store.events.filter(e => e.type === type && e.at >= weekStart.toISOString() && e.at < weekEnd.toISOString()).length;
    await expect.poll(() => panel.locator('tr[data-type="call"] td').textContent()).toBe(String(inWeek('call')));

    // Live: a stage change on the CRM page shows up in the open panel within a second or so.
    await crm.evaluate(() => {
      const items = [...document.querySelectorAll('.slds-path__item')];
      const i = items.findIndex(li => li.classList.contains('slds-is-current'));
      items[i]!.classList.replace('slds-is-current', 'slds-is-complete');
      items[i + 1]!.classList.replace('slds-is-incomplete', 'slds-is-current');
    });
    await panel.locator('tr[data-type="deal_stage_changed"] td').waitFor({ timeout: 2_000 });
    expect(await panel.locator('tr[data-type="deal_stage_changed"] td').textContent()).toBe('1');
    await expect.poll(() => card.getByRole('row', { name: /Stage/ }).first().textContent()).toBe('StageClosed');
    await panel.close();
    await crm.close();
  });

  it('the side panel says when it cannot read the page, and why', async () => {
    const crm = await browser.context.newPage();
    await crm.goto(site.opportunityUrl('broken'));
    const panel = await browser.extensionPage('sidepanel.html');
    await expect.poll(() => panel.getByRole('status').first().textContent(), { timeout: 10_000 }).toBe("Salesforce: can't read this page (no Path found).");
    await panel.close();
    await crm.close();
  });

  it('the popup shows the rep\'s numbers today and this week', async () => {
    const popup = await browser.extensionPage('popup.html');
    const { store } = await waitForStore(options, s => s);
    const today = new Date(); today.setHours(0, 0, 0, 0);
    const tomorrow = new Date(today); tomorrow.setDate(today.getDate() + 1);
    const todayCount = store.events.filter(e => e.at >= today.toISOString() && e.at < tomorrow.toISOString()).length;
    await expect.poll(() => popup.getByLabel(/^Today: /).textContent()).toBe(String(todayCount));
    expect(todayCount).toBeGreaterThanOrEqual(4);
    expect(await popup.getByRole('button', { name: 'Open scorecard' }).count()).toBe(1);
    await popup.close();
  });
});
