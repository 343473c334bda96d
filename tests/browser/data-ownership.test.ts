// Issue #8 in the built extension: the first-run page, per-site switches, the import
// dry run and confirm, erasure, the custom CRM adapter (permission, preview, save,
// capture), and the manifest's exact permissions.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { hostResolverRules, startHttpsServer, type HttpsServer } from '../../scripts/lib/https-server';
import type { ActivityEvent } from '../../lib/model';
import { fixture } from './sites/fixture-route';
import { readStore, waitForStore } from './store-probe';
import { OPPORTUNITIES, startTestSite } from './site';

/** The extension APIs the test calls inside the extension's own pages and worker. */
type Chrome = {
  chrome: {
    permissions: { contains(p: { origins: string[] }): Promise<boolean> };
    scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  };
};

const CRM_HOST = 'crm.pacer-test.example';
const CRM_RECORD = `https://${CRM_HOST}/#Opportunity/view/6571f0c2a1b2c3d4e`;
const CUSTOM_DEAL = `custom:${CRM_HOST}/6571f0c2a1b2c3d4e`;

let site: Awaited<ReturnType<typeof startTestSite>>;
let crm: HttpsServer;
let browser: ExtensionBrowser;
let options: Page;
const dir = mkdtempSync(join(tmpdir(), 'pacer-data-'));
const shots = process.env.PACER_SHOTS_DIR;

beforeAll(async () => {
  site = await startTestSite();
  // A CRM Pacer ships no adapter for: EspoCRM's opportunity page (hash-routed, like the real one).
  crm = await startHttpsServer([{ host: /^crm\.pacer-test\.example$/, path: /^\/$/, handle: () => ({ body: fixture('custom/espocrm-opportunity.html') }) }]);
  browser = await launchWithExtension({ hostResolverRules: `${site.rules}, ${hostResolverRules(crm.port, [CRM_HOST])}` });
});
afterAll(async () => {
  await browser?.close();
  await site?.server.close();
  await crm?.close();
});

describe('first run', () => {
  it('installing opens the welcome page; capture works before it is completed', async () => {
    const isWelcome = (p: Page) => p.url() === `chrome-extension://${browser.extensionId}/welcome.html`;
    const welcome = browser.context.pages().find(isWelcome) ?? (await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
    await welcome.getByRole('heading', { name: 'Welcome to Pacer' }).waitFor();
    for (const name of ['Salesforce', 'HubSpot', 'Pipedrive', 'LinkedIn', 'Your CRM']) {
      expect(await welcome.getByRole('switch', { name }).isChecked()).toBe(true);
    }
    expect(await welcome.getByText('What Pacer never records').count()).toBe(1);
    expect(await welcome.getByRole('link', { name: 'Set your plan and targets' }).getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/options.html#plan`);

    // Nothing on the welcome page was touched: a deal page is captured anyway.
    options = await browser.extensionPage('options.html');
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation'));
    const { result } = await waitForStore(options, s => s.deals.find(d => d.id === `salesforce:${OPPORTUNITIES.negotiation.id}`));
    expect(result?.stage).toBe('Negotiation/Review');
    await page.close();
    if (shots) await welcome.screenshot({ path: join(shots, 'welcome.png'), fullPage: true });
    await welcome.close();
  });

  it('a site switched off records nothing there; switched on again, it records', async () => {
    await options.reload();
    const sf = options.getByRole('switch', { name: 'Salesforce' });
    await sf.uncheck();
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('won'));
    await page.waitForTimeout(2_000);
    expect((await readStore(options)).deals.some(d => d.id === `salesforce:${OPPORTUNITIES.won.id}`)).toBe(false);
    await sf.check();
    await page.reload();
    const { result } = await waitForStore(options, s => s.deals.find(d => d.id === `salesforce:${OPPORTUNITIES.won.id}`));
    expect(result?.status).toBe('won');
    await page.close();
  });

  it('the options page reopens the welcome page', async () => {
    expect(await options.getByRole('link', { name: 'Show the welcome page again' }).getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/welcome.html`);
  });
});

const event = (id: string, over: Partial<ActivityEvent> = {}): ActivityEvent => ({
  id, type: 'call', at: new Date(Date.now() - 60_000).toISOString(), site: 'salesforce', url: 'https://pacer-test.lightning.force.com/', capturedAt: new Date().toISOString(), ...over,
});
const exportFile = (name: string, events: unknown[], deals: unknown[] = []) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ format: 'pacer-export', version: 1, exportedAt: new Date().toISOString(), rep: { name: 'Sam', email: 'sam@example.com' }, events, deals }, null, 1));
  return path;
};

describe('import: dry run, then confirm', () => {
  const hostile = '<img src=x onerror="window.__pwned=1">=HYPERLINK("http://evil.example","x")';

  it('shows what would change before writing anything, lists invalid rows with reasons, and imports on confirm', async () => {
    await options.reload();
    const before = await readStore(options);
    const path = exportFile('hostile.json', [
      event('h-1', { person: { name: hostile } }),
      event('h-2', { type: 'email', deal: { id: 'salesforce:006X', name: '<script>window.__pwned=2</script>' } }),
      { ...event('h-bad'), at: 'last Tuesday' },
    ]);
    await options.setInputFiles('#import-file', path);
    const summary = options.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getByRole('row', { name: /New events/ }).textContent()).toBe('New events (will be added)2');
    expect(await summary.getByRole('row', { name: /Invalid events/ }).textContent()).toBe('Invalid events (skipped)1');
    expect(await options.getByTestId('import-invalid').textContent()).toBe('events[2] has an "at" that is not an ISO 8601 time');
    expect(await readStore(options)).toEqual(before); // the dry run wrote nothing
    await options.getByRole('button', { name: 'Import 2 events' }).click();
    expect(await options.getByTestId('transfer-status').textContent()).toBe('Imported hostile.json: 2 new events, 0 already present, 0 deals updated. 1 invalid row skipped.');
    const stored = (await readStore(options)).events.find(e => e.id === 'h-1');
    expect(stored?.person?.name).toBe(hostile);

    // Shown as text wherever it appears, never run.
    await options.getByLabel('Full name').fill(hostile);
    await options.getByRole('button', { name: 'Find this person' }).click();
    expect(await options.getByTestId('erase-person-found').textContent()).toContain(hostile.toLowerCase());
    expect(await options.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('exports the events table as CSV with formula cells defused', async () => {
    const formula = '=HYPERLINK("http://evil.example","x")';
    await options.setInputFiles('#import-file', exportFile('formula.json', [event('f-1', { person: { name: formula } })]));
    await options.getByRole('button', { name: 'Import 1 event' }).click();
    await options.getByTestId('transfer-status').filter({ hasText: 'Imported formula.json' }).waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Events (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^pacer-events-\d{4}-\d{2}-\d{2}\.csv$/);
    const saved = join(dir, 'events.csv');
    await download.saveAs(saved);
    const csv = readFileSync(saved, 'utf8');
    expect(csv.startsWith('\uFEFFid,type,at,site,url,person_name,')).toBe(true);
    expect(csv).toContain(`f-1,call,`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it('shows a progress bar while checking a large file, and cancelling writes nothing', async () => {
    await options.reload();
    const many = Array.from({ length: 60_000 }, (_, i) => event(`bulk-${i}`, { meta: { subject: `Call ${i} about the renewal and its pricing` } }));
    const path = exportFile('large.json', many);
    const before = (await readStore(options)).events.length;
    await options.setInputFiles('#import-file', path);
    const bar = options.getByRole('progressbar');
    await bar.waitFor({ timeout: 10_000 });
    expect(Number(await bar.getAttribute('aria-valuemax'))).toBe(100);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    await options.getByRole('button', { name: 'Import 60000 events' }).waitFor({ timeout: 60_000 });
    await options.getByRole('button', { name: 'Cancel' }).click();
    expect(await options.getByTestId('transfer-status').textContent()).toBe('Nothing was imported from large.json.');
    expect((await readStore(options)).events.length).toBe(before);
  });

  it('rejects a truncated file and a file of another version as a whole, naming the problem', async () => {
    await options.reload();
    const good = readFileSync(exportFile('good.json', [event('t-1'), event('t-2')]), 'utf8');
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, good.slice(0, good.indexOf('t-2') + 10));
    await options.setInputFiles('#import-file', truncated);
    await expect.poll(() => options.getByRole('alert').textContent()).toBe(
      'truncated.json: The file ends before the export does while reading events[1]: it looks truncated. Nothing was imported.',
    );
    const v2 = join(dir, 'v2.json');
    writeFileSync(v2, good.replace('"version": 1', '"version": 2'));
    await options.setInputFiles('#import-file', v2);
    await expect.poll(() => options.getByRole('alert').textContent()).toBe('v2.json: This export is version 2; this Pacer reads version 1.');
  });
});

describe('any other CRM', () => {
  /** The rep's consent in the browser's own UI: chrome://extensions grants the site (a permission prompt cannot be clicked headless). */
  async function allowInBrowserUi(origin: string) {
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions/');
    await page.evaluate(
      ([id, host]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id!, host!),
      [browser.extensionId, origin],
    );
    await page.close();
  }

  it('asks for the one host, previews what the config reads on the open tab, and once saved captures there', async () => {
    await options.reload();
    await options.getByLabel('Your name').fill('Sam Rivera');
    await options.getByRole('button', { name: 'Save identity' }).click();
    const tab = await browser.context.newPage();
    await tab.goto(CRM_RECORD);
    await options.bringToFront();
    expect(await options.evaluate(h => (globalThis as unknown as Chrome).chrome.permissions.contains({ origins: [`https://${h}/*`] }), CRM_HOST)).toBe(false);

    await options.getByLabel('CRM name').fill('EspoCRM');
    await options.getByLabel(/URL pattern/).fill('https://crm.pacer-test.example/#Opportunity/view/*');
    await options.getByLabel('Record name (required)').fill('.page-header h3.header-title .title');
    await options.getByLabel('Stage (required)').fill('.cell[data-name="stage"] .field');
    await options.getByLabel('Amount').fill('.cell[data-name="amount"] .field');
    await options.getByLabel('Close date').fill('.cell[data-name="closeDate"] .field');
    await options.getByLabel('Activity rows').fill('.panel[data-name="stream"] li.list-row');
    await options.getByLabel('Activity subject').fill('.message');
    await options.getByLabel('Activity date').fill('.stream-date-container');

    await allowInBrowserUi(`https://${CRM_HOST}/*`);
    await options.getByRole('button', { name: 'Preview on the open tab' }).click();
    const preview = options.getByTestId('custom-preview');
    await preview.waitFor({ timeout: 10_000 });
    expect(await preview.getByRole('row', { name: /Record name/ }).textContent()).toBe('Record nameAcme Corp renewal');
    expect(await preview.getByRole('row', { name: /Stage/ }).textContent()).toBe('StageProposal (open)');
    expect(await preview.getByRole('row', { name: /Amount/ }).textContent()).toBe('Amount12500 USD');
    expect(await preview.getByRole('row', { name: /Close date/ }).textContent()).toBe('Close date2026-12-18');
    expect(await preview.getByRole('row', { name: /Activity rows/ }).textContent()).toBe('Activity rows3 (2 yours)');
    // A preview is only a look: nothing is stored, and no script is registered yet.
    expect((await readStore(options)).deals.some(d => d.id === CUSTOM_DEAL)).toBe(false);
    const worker = await browser.worker();
    expect(await worker.evaluate(() => (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    if (shots) await options.screenshot({ path: join(shots, 'options-custom-crm.png'), fullPage: true });

    await options.getByRole('button', { name: 'Save this CRM' }).click();
    expect(await options.getByTestId('custom-status').textContent()).toBe('Saved. Pacer reads EspoCRM on crm.pacer-test.example from the next page you open there.');
    await expect.poll(async () => (await browser.worker()).evaluate(() =>
      (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts().then(s => s.map(x => x.matches))), { timeout: 10_000 })
      .toEqual([[`https://${CRM_HOST}/*`]]);

    await tab.reload();
    const { result } = await waitForStore(options, s => s.deals.find(d => d.id === CUSTOM_DEAL));
    expect(result).toMatchObject({ name: 'Acme Corp renewal', stage: 'Proposal', amount: 12500, currency: 'USD', closeDate: '2026-12-18', status: 'open' });
    const { result: events } = await waitForStore(options, s => {
      const mine = s.events.filter(e => e.site === 'custom');
      return mine.length >= 2 ? mine : undefined;
    });
    expect(events!.map(e => e.type).sort()).toEqual(['call', 'meeting']);
    await tab.close();
  });
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's serious and critical findings on the page as it is. */
async function seriousViolations(page: Page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
  });
}

describe.each(['light', 'dark'] as const)('accessibility, %s scheme', scheme => {
  it('the welcome page and the options page with an import summary and the erase confirm open: no serious or critical axe finding', async () => {
    const welcome = await browser.extensionPage('welcome.html');
    await welcome.emulateMedia({ colorScheme: scheme });
    await welcome.getByRole('heading', { name: 'Welcome to Pacer' }).waitFor();
    expect(await seriousViolations(welcome)).toEqual([]);
    await welcome.close();

    const page = await browser.extensionPage('options.html');
    await page.emulateMedia({ colorScheme: scheme });
    await page.setInputFiles('#import-file', exportFile('a11y.json', [event('a-1'), { id: 'bad' }]));
    await page.getByTestId('import-summary').waitFor();
    await page.getByRole('button', { name: 'Erase everything…' }).click();
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: 'Save this CRM' }).click(); // shows the field errors
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('erase', () => {
  it('erase everything names what will go, then empties the store and leaves tombstones', async () => {
    await options.reload();
    const { events, deals } = await readStore(options);
    expect(events.length).toBeGreaterThan(0);
    await options.getByRole('button', { name: 'Erase everything…' }).click();
    const confirm = options.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain(`This deletes ${events.length} events, ${deals.length} deals`);
    if (shots) await options.screenshot({ path: join(shots, 'options-erase.png'), fullPage: true });
    await options.getByRole('button', { name: `Erase ${events.length} events and everything else` }).click();
    await options.getByTestId('erase-report').waitFor();
    expect(await readStore(options)).toEqual({ events: [], deals: [] });
    const tombstones = await options.evaluate(() => new Promise<number>(res => {
      const open = indexedDB.open('pacer');
      open.onsuccess = () => { const r = open.result.transaction('tombstones').objectStore('tombstones').count(); r.onsuccess = () => { res(r.result); open.result.close(); }; };
    }));
    expect(tombstones).toBeGreaterThanOrEqual(events.length);
  });
});

describe('least privilege', () => {
  it('the built manifest asks for exactly these permissions, and no host at install beyond the content scripts', () => {
    const manifest = JSON.parse(readFileSync(resolve(process.env.PACER_OUT_DIR ?? '.output', 'chrome-mv3/manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['storage', 'tabs', 'sidePanel', 'alarms', 'scripting']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([
      'https://*.lightning.force.com/*', 'https://*.pipedrive.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*',
      'https://app.hubspot.com/*', 'https://www.linkedin.com/*',
    ]);
  });
});
