// `npm run demo`: Pacer in a real Chromium with a quarter of made-up activity,
// on demo Salesforce and LinkedIn pages served locally under their real host names.
//
//   npm run demo                              build, seed, open a browser; Ctrl+C stops it
//   npm run demo -- --no-build                reuse .output/chrome-mv3
//   npm run demo -- --screenshots DIR         headless: write the README's screenshots into DIR, then exit
//
// The data goes in the way a rep's would: the options page's Import control and
// identity form, never a write behind the extension's back.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { PacerExport } from '../lib/export-format';
import type { DealSnapshot } from '../lib/model';
import { caseSafeId } from '../lib/sites/salesforce';
import { DEMO_HOST, DEMO_STAGES, demoDataset } from './demo/data';
import { defaultPlan, validatePlan, type Plan } from '../lib/metrics/plan';
import { formatCloseDate, renderOpportunityPage } from './demo/pages';
import { launchWithExtension, type ExtensionBrowser } from './lib/browser';
import { hostResolverRules, startHttpsServer, type HttpsServer } from './lib/https-server';
import { hubspotDemoHosts, hubspotDemoLinks, hubspotDemoRoutes } from './demo/hubspot-pages';
import { PIPEDRIVE_DEMO_HOSTS, pipedriveDemoLinks, pipedriveDemoRoutes } from './demo/pipedrive-pages';
import { startDemoTeam, type DemoTeam } from '../server/demo-team';
import { connectManager, shootTeamPopup } from './demo/team';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LINKEDIN_HOST = 'www.linkedin.com';
/** The profile owner of the LinkedIn fixture (tests/fixtures/linkedin/profile-2026-3rd-degree.html). */
const LINKEDIN_PROFILE = `https://${LINKEDIN_HOST}/in/avery-example-8b907d/`;
/** How long to wait for the extension to react (content script → background → UI). */
const WAIT_MS = 20_000;

const USAGE = 'Usage: npm run demo [-- --no-build] [-- --screenshots DIR]';

interface Args {
  build: boolean;
  screenshots?: string;
}

class DemoError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-build') args.build = false;
    else if (arg === '--screenshots') {
      const dir = argv[++i];
      if (!dir || dir.startsWith('--')) throw new DemoError(`--screenshots needs a directory.\n${USAGE}`);
      args.screenshots = resolve(dir);
    } else if (arg.startsWith('--screenshots=')) args.screenshots = resolve(arg.slice('--screenshots='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new DemoError(`Unknown argument ${JSON.stringify(arg)}.\n${USAGE}`);
  }
  return args;
}

function build(): void {
  console.log('Building the extension (npx wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.error) throw new DemoError(`Could not run wxt build: ${result.error.message}`);
  if (result.status !== 0) throw new DemoError(`wxt build failed (exit ${result.status ?? result.signal}).`);
}

const timelineCount = (data: PacerExport, deal: DealSnapshot) =>
  data.events.filter(e => e.deal?.id === deal.id && ['call', 'email', 'meeting'].includes(e.type)).length;

/** The deals the demo opens: an open one mid-pipeline with a busy timeline, and the latest win. */
function pickDeals(data: PacerExport) {
  const byActivity = (a: DealSnapshot, b: DealSnapshot) => timelineCount(data, b) - timelineCount(data, a) || a.id.localeCompare(b.id);
  const middle = (d: DealSnapshot) => {
    const i = DEMO_STAGES.indexOf(d.stage);
    return i >= 2 && i <= 6;
  };
  const open = data.deals.filter(d => d.status === 'open' && middle(d)).sort(byActivity)[0] ?? data.deals.find(d => d.status === 'open');
  const won = data.deals.filter(d => d.status === 'won').sort((a, b) => b.stageEnteredAt.localeCompare(a.stageEnteredAt))[0];
  if (!open || !won) throw new DemoError('The demo data set has no open or no won deal.');
  return { open, won };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

/** A small stand-in for Lightning's home: links to a handful of the demo opportunities. */
function indexPage(data: PacerExport): string {
  const open = data.deals.filter(d => d.status === 'open').sort((a, b) => DEMO_STAGES.indexOf(b.stage) - DEMO_STAGES.indexOf(a.stage));
  const shown = [...open.filter((_, i) => i % 2 === 0).slice(0, 6), ...data.deals.filter(d => d.status !== 'open').slice(0, 3)];
  const money = (d: DealSnapshot) => (d.amount === null ? '' : new Intl.NumberFormat('en-US', { style: 'currency', currency: d.currency ?? 'USD' }).format(d.amount));
  const rows = shown
    .map(d => `<tr><td><a href="${escapeHtml(new URL(d.url).pathname)}">${escapeHtml(d.name)}</a></td><td>${escapeHtml(d.stage)}</td><td>${money(d)}</td><td>${d.closeDate ? formatCloseDate(d.closeDate) : ''}</td></tr>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Opportunities | Pacer demo</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:24px;color:#181818}table{border-collapse:collapse}td,th{padding:4px 12px;border-bottom:1px solid #e5e5e5;text-align:left}a{color:#0176d3}</style></head>
<body><h1>Pacer demo org</h1><p>Made-up opportunities for the Pacer demo; each page is rendered from a test fixture. Not Salesforce.</p>
<table><thead><tr><th>Opportunity</th><th>Stage</th><th>Amount</th><th>Close date</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>HubSpot and Pipedrive</h2><p>Pages built from saved markup of each CRM; saving in their dialogs behaves like the CRM.</p>
<ul>${[...hubspotDemoLinks, ...pipedriveDemoLinks].map(l => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join('\n')}</ul>
<p><a href="${LINKEDIN_PROFILE}">A LinkedIn profile</a> (a saved, privacy-scrubbed page)</p></body></html>`;
}

async function startDemoServer(data: PacerExport): Promise<HttpsServer> {
  const linkedin = readFileSync(join(ROOT, 'tests/fixtures/linkedin/profile-2026-3rd-degree.html'), 'utf8');
  const sfHost = new RegExp(`^${DEMO_HOST.replace(/\./g, '\\.')}$`);
  return startHttpsServer([
    {
      host: sfHost,
      path: /^\/lightning\/r\/Opportunity\/\w+\/view\/?$/,
      handle({ path }) {
        const id = caseSafeId(/\/Opportunity\/(\w+)\/view/.exec(path)?.[1] ?? '');
        const deal = data.deals.find(d => d.id === `salesforce:${id}`);
        if (!deal) return { status: 404, type: 'text/plain; charset=utf-8', body: `No demo opportunity at ${path}\n` };
        return { body: renderOpportunityPage(deal, DEMO_STAGES, data.events) };
      },
    },
    { host: sfHost, path: /^\/$/, handle: () => ({ body: indexPage(data) }) },
    { host: /^www\.linkedin\.com$/, path: /^\/in\/[^/]+\/?$/, handle: () => ({ body: linkedin }) },
    ...hubspotDemoRoutes,
    ...pipedriveDemoRoutes,
  ]);
}

/** Imports the data set and sets the rep's identity through the options page, as a user would. */
/** A plan for the demo rep: a year's quota the demo quarter paces against; the default stages are the demo pipeline's. */
function demoPlan(data: PacerExport): Plan {
  const base = defaultPlan(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const year = new Date(data.exportedAt).getFullYear();
  return {
    ...base,
    annual: [{ effectiveFrom: `${year}-01-01`, annualQuota: 1_200_000 }],
  };
}

async function seed(browser: ExtensionBrowser, data: PacerExport, dir: string): Promise<Page> {
  const file = join(dir, 'pacer-demo-data.json');
  writeFileSync(file, JSON.stringify(data, null, 1));
  const options = await browser.extensionPage('options.html');
  await options.setInputFiles('#import-file', file);
  // Issue #8: the import shows its dry run first; the rep confirms it.
  await options.getByRole('button', { name: /^Import \d+ events?/ }).click({ timeout: WAIT_MS });
  const status = options.locator('[data-testid="transfer-status"]');
  await status.waitFor({ timeout: WAIT_MS });
  const text = (await status.textContent())?.trim() ?? '';
  if (!text.startsWith('Imported')) throw new DemoError(`Importing the demo data failed: ${text}`);
  console.log(text);

  await options.fill('#rep-name', data.rep.name);
  await options.fill('#rep-email', data.rep.email);
  await options.getByRole('button', { name: 'Save identity' }).click();
  await options.getByText('Saved.', { exact: true }).waitFor({ timeout: WAIT_MS });
  // The form loads the stored identity on open: a fresh page proves it was stored.
  const check = await browser.extensionPage('options.html');
  await check.waitForFunction(
    ({ name, email }) =>
      (document.querySelector<HTMLInputElement>('#rep-name')?.value ?? '') === name &&
      (document.querySelector<HTMLInputElement>('#rep-email')?.value ?? '') === email,
    data.rep,
    { timeout: WAIT_MS },
  );
  await check.close();
  console.log(`Identity saved: ${data.rep.name} <${data.rep.email}>`);
  // The rep's plan, as the options page's plan editor stores it (validated first).
  const plan = demoPlan(data);
  const checked = validatePlan(plan);
  if (!checked.ok) throw new DemoError(`The demo plan is invalid: ${checked.errors.map(e => `${e.path}: ${e.message}`).join('; ')}`);
  await options.evaluate(p => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ plan: p }), checked.plan);
  console.log(`Plan saved: ${plan.currency} ${plan.annual[0]!.annualQuota.toLocaleString('en-US')} a year`);
  return options;
}

async function openDeal(browser: ExtensionBrowser, deal: DealSnapshot): Promise<Page> {
  const page = await browser.context.newPage();
  const response = await page.goto(deal.url);
  if (!response?.ok()) throw new DemoError(`${deal.url} answered ${response?.status() ?? 'nothing'}`);
  if (deal.status !== 'open') {
    // A closed deal has no stage clock; give the content script its debounce to read the page.
    await page.waitForTimeout(1000);
    return page;
  }
  // Pacer's stage timer: a host element whose open shadow root holds the badge.
  await page.locator('pacer-cycle-timer .badge').waitFor({ timeout: WAIT_MS }).catch(() => {
    throw new DemoError(`Pacer's stage timer did not appear on ${deal.url} within ${WAIT_MS / 1000}s.`);
  });
  return page;
}

async function shoot(page: Page, dir: string, name: string, fullPage = false): Promise<void> {
  const path = join(dir, name);
  await page.screenshot({ path, fullPage });
  console.log(`Wrote ${path}`);
}

/** The scorecard alone at a narrow and a wide side panel, light and dark (issue #6). */
async function scorecardShots(sidepanel: Page, dir: string): Promise<void> {
  const card = sidepanel.locator('section[aria-labelledby="scorecard"]');
  for (const scheme of ['light', 'dark'] as const) {
    await sidepanel.emulateMedia({ colorScheme: scheme });
    for (const width of [360, 520]) {
      await sidepanel.setViewportSize({ width, height: 900 });
      // The charts follow their width (ResizeObserver) and the scheme: wait for the redraw.
      await sidepanel.waitForFunction(w => [...document.querySelectorAll('.chart-canvas canvas')].every(c => Math.abs(c.getBoundingClientRect().width - (document.querySelector('.chart-canvas')?.clientWidth ?? w)) < 2), width);
      await sidepanel.waitForTimeout(150);
      const path = join(dir, `scorecard-${width}-${scheme}.png`);
      await card.screenshot({ path });
      console.log(`Wrote ${path}`);
    }
  }
  await sidepanel.emulateMedia({ colorScheme: null });
  await sidepanel.setViewportSize({ width: 360, height: 900 });
}

async function screenshots(browser: ExtensionBrowser, options: Page, data: PacerExport, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const { open, won } = pickDeals(data);

  const openPage = await openDeal(browser, open);
  await shoot(openPage, dir, 'salesforce-opportunity-open.png');

  const wonPage = await openDeal(browser, won);
  await shoot(wonPage, dir, 'salesforce-opportunity-won.png');
  await wonPage.close();

  for (const [name, url] of [['hubspot-deal.png', hubspotDemoLinks[0]!.url], ['pipedrive-deal.png', pipedriveDemoLinks[0]!.url]] as const) {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.locator('pacer-cycle-timer .badge').waitFor({ timeout: WAIT_MS }).catch(() => {
      throw new DemoError(`Pacer's cycle timer did not appear on ${url} within ${WAIT_MS / 1000}s.`);
    });
    await shoot(page, dir, name);
    await page.close();
  }

  const linkedin = await browser.context.newPage();
  await linkedin.goto(LINKEDIN_PROFILE, { waitUntil: 'load' });
  await shoot(linkedin, dir, 'linkedin-profile.png');
  // The side panel is Pacer's only surface on LinkedIn: the person and their touches.
  const linkedinPanel = await browser.context.newPage();
  await linkedinPanel.setViewportSize({ width: 360, height: 700 });
  await linkedin.bringToFront();
  await linkedinPanel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  await linkedinPanel.locator('[data-person-id]').waitFor({ timeout: WAIT_MS }).catch(() => {
    throw new DemoError('The side panel did not show the LinkedIn profile as "This page".');
  });
  await linkedinPanel.locator('[data-touch="linkedin_profile_view"]').first().waitFor({ timeout: WAIT_MS });
  await shoot(linkedinPanel, dir, 'sidepanel-linkedin.png');
  await linkedinPanel.close();
  await linkedin.close();

  // "This page" follows the most recently used web tab: the open deal.
  await openPage.bringToFront();
  const sidepanel = await browser.context.newPage();
  await sidepanel.setViewportSize({ width: 360, height: 900 });
  await sidepanel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const card = sidepanel.locator('[data-deal-id]');
  await card.waitFor({ timeout: WAIT_MS });
  const shownId = await card.getAttribute('data-deal-id');
  if (shownId !== open.id) throw new DemoError(`The side panel shows ${shownId}, not the open deal ${open.id}.`);
  await sidepanel.locator('tr[data-type]').first().waitFor({ timeout: WAIT_MS });
  await sidepanel.locator('[aria-labelledby="scorecard"] table').first().waitFor({ timeout: WAIT_MS }).catch(() => {
    throw new DemoError('The side panel did not show the scorecard.');
  });
  await shoot(sidepanel, dir, 'sidepanel.png', true);
  await scorecardShots(sidepanel, dir);

  const review = await browser.context.newPage();
  await review.setViewportSize({ width: 900, height: 900 });
  await review.goto(`chrome-extension://${browser.extensionId}/review.html`);
  await review.locator('table').first().waitFor({ timeout: WAIT_MS }).catch(() => {
    throw new DemoError('The weekly 1:1 review did not show its table.');
  });
  await shoot(review, dir, 'review.png', true);
  await review.close();

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 340, height: 520 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('tr[data-type]').first().waitFor({ timeout: WAIT_MS });
  await shoot(popup, dir, 'popup.png');

  await options.bringToFront();
  await shoot(options, dir, 'options.png');
}

async function interactive(browser: ExtensionBrowser, data: PacerExport): Promise<void> {
  const { open } = pickDeals(data);
  const dealPage = await openDeal(browser, open);
  const sidepanel = await browser.extensionPage('sidepanel.html');
  const popup = await browser.extensionPage('popup.html');
  await dealPage.bringToFront();
  const base = `chrome-extension://${browser.extensionId}`;
  console.log(`
Pacer demo is running.
  Options:      ${base}/options.html
  Opportunity:  ${open.url}
  All demo opportunities: https://${DEMO_HOST}/
  LinkedIn:     ${LINKEDIN_PROFILE}
  Side panel:   ${sidepanel.url()}
  Popup:        ${popup.url()}
Press Ctrl+C to stop.`);
  // Playwright's own SIGINT handler closes Chromium and exits with 130 before our
  // finally block can remove the temp profile; launchWithExtension has no option
  // to turn it off, so take Ctrl+C over here and close everything ourselves.
  // TODO [2027-01-31]: pass handleSIGINT: false through launchWithExtension instead.
  for (const listener of process.listeners('SIGINT')) {
    if (listener.name === 'sigintHandler') process.off('SIGINT', listener);
  }
  await new Promise<void>(resolveStop => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
    // Closing the browser window ends the demo too.
    browser.context.once('close', () => resolveStop());
  });
  console.log('\nStopping…');
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  if (args.build) build();

  let headless = true;
  if (!args.screenshots) {
    if (process.env.DISPLAY) headless = false;
    else console.log('No display (DISPLAY is not set): running Chromium headless anyway, so there is nothing to look at. Use --screenshots DIR to get pictures.');
  }

  const data = demoDataset(new Date());
  const tmp = mkdtempSync(join(tmpdir(), 'pacer-demo-'));
  let server: HttpsServer | undefined;
  let browser: ExtensionBrowser | undefined;
  // The team server with its seeded team of 8 reps (issue #7): PostgreSQL on loopback, started
  // while the browser starts and the rep's data is imported.
  let team: DemoTeam | undefined;
  const teamStart = startDemoTeam().then(t => (team = t));
  teamStart.catch(() => undefined); // awaited below; a failure is reported there
  const connectTeam = async (options: Page) => {
    await teamStart.catch((error: unknown) => {
      throw new DemoError(`The team server did not start: ${error instanceof Error ? error.message : String(error)}`);
    });
    const who = await connectManager(options, team!);
    console.log(`Team server ${team!.url}: ${team!.teamName}, 8 reps. The popup shows the team (${who.replace(/^Connected: /, '').replace(/\.$/, '')}).`);
  };
  try {
    server = await startDemoServer(data);
    let rules = hostResolverRules(server.port, ['*.lightning.force.com', LINKEDIN_HOST, ...hubspotDemoHosts, ...PIPEDRIVE_DEMO_HOSTS]);
    // Screenshots must not depend on the network: every other host fails to resolve
    // (the LinkedIn page's stylesheet and images on static.licdn.com included).
    if (args.screenshots) rules += ', MAP * ~NOTFOUND';
    // …except the team server on loopback (issue #7).
    if (args.screenshots) rules += ', EXCLUDE 127.0.0.1';
    browser = await launchWithExtension({ hostResolverRules: rules, headless });
    const options = await seed(browser, data, tmp);
    if (args.screenshots) {
      await screenshots(browser, options, data, args.screenshots);
      await connectTeam(options);
      const dir = args.screenshots;
      await shootTeamPopup(browser, (page, name, fullPage) => shoot(page, dir, name, fullPage));
      console.log(`Screenshots done in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
    } else {
      await connectTeam(options).catch((error: unknown) => console.log(`${error instanceof Error ? error.message : String(error)} The demo goes on without the team.`));
      await interactive(browser, data);
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await teamStart.catch(() => undefined);
    await team?.stop().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nDemo failed: ${error instanceof DemoError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
