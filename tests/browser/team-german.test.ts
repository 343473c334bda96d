// The manager's popup and the team plan page in a German Chromium (issue #9, item 6),
// against the REAL team server (PostgreSQL + gateway on loopback) as popup-team.test.ts
// and team-plan.test.ts run it: the German locale file chosen by the browser's language,
// money and numbers written the German way (and typed the German way on the plan page),
// controls found by their German names, nothing sticking out of the 600 px popup, and no
// serious accessibility violation. Build with PACER_OUT_DIR=.output-i18n-team.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMessage, type LocaleMessage } from '../../lib/i18n';
import { defaultPlan } from '../../lib/metrics/plan';
import { periodContaining } from '../../lib/metrics/periods';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { TeamClient } from '../../lib/sync-client';
import { toServerDeal, toServerEvent } from '../../lib/sync-map';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { seriousViolations, startTeam, stopAll, type TeamFixture } from './sync-helpers';

const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);
const PLAN = { ...defaultPlan('UTC'), annual: [{ effectiveFrom: '2020-01-01', annualQuota: 1_000_000 }], weeklyTargets: { calls: 50, meetings: 5 } };
const QUARTER = periodContaining('quarter', NOW, PLAN);
type Lang = 'de' | 'fr' | 'es';
const messagesOf = (lang: Lang) => JSON.parse(readFileSync(join('public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, LocaleMessage>;
const de = messagesOf('de');
const msg = (key: string, ...subs: (string | number)[]) => formatMessage(de[key]!, subs.map(String));

/** Spaces as Intl writes them (narrow and non-breaking) read as plain ones; the soft hyphens long German words may break at, gone. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
/** German money as Intl writes it for the plan's dollars: "50.000 $". */
const usd = (n: number) => plain(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n));

const REPS = [
  { id: 'ana', name: 'Ana Ortiz', territory: 'West', quota: 400_000, won: [30_000, 20_000], calls: 40, meetings: 6, open: [15_000] },
  { id: 'ben', name: 'Ben Okafor', territory: 'Ost', quota: 200_000, won: [45_000], calls: 10, meetings: 2, open: [5_000, 7_000] },
  { id: 'cleo', name: 'Cleo Park', territory: 'Ost', quota: 300_000, won: [], calls: 70, meetings: 1, open: [60_000] },
];

/** A moment inside this quarter, before now. */
const inQuarter = (i: number) => {
  const from = Date.parse(QUARTER.from);
  const span = Math.max(1, NOW.getTime() - from - 3_600_000);
  return new Date(from + (((i * 7919) % 1000) / 1000) * span).toISOString();
};

function dataOf(r: (typeof REPS)[number]): { events: ActivityEvent[]; deals: DealSnapshot[] } {
  const events: ActivityEvent[] = [];
  let n = 0;
  const ev = (type: ActivityEvent['type'], extra: Partial<ActivityEvent> = {}): ActivityEvent =>
    ({ id: `${r.id}-${type}-${n}`, type, at: inQuarter(n++), site: 'salesforce', url: 'u', capturedAt: NOW.toISOString(), ...extra });
  r.won.forEach((amount, i) => events.push(ev('deal_won', { amount, currency: 'USD', deal: { id: `salesforce:${r.id}w${i}` } })));
  for (let i = 0; i < r.calls; i++) events.push(ev('call', { meta: { outcome: i % 4 === 0 ? 'Connected' : 'No answer' } }));
  for (let i = 0; i < r.meetings; i++) events.push(ev('meeting'));
  // Open deals entered their stage at the start of the quarter: past its time target, so stalled.
  const deals = r.open.map((amount, i): DealSnapshot => ({
    id: `salesforce:${r.id}o${i}`, name: `${r.name} Deal ${i + 1}`, stage: 'Prospecting', stageEnteredAt: QUARTER.from, amount, currency: 'USD',
    status: 'open', url: 'u', lastSeenAt: NOW.toISOString(),
  }));
  return { events, deals };
}

let team: TeamFixture;
let browser: ExtensionBrowser;
let popup: Page;

/** Options → Team sync as a manager fills it in, the controls found by their names in `lang`. */
async function configureIn(lang: Lang, options: Page, url: string, token: string) {
  const m = (key: string) => formatMessage(messagesOf(lang)[key]!);
  await options.locator('#team-url').fill(url);
  await options.locator('#team-token').fill(token);
  await options.getByRole('button', { name: m('syncSaveServer') }).click();
  await options.locator('.team-sync [role=status]', { hasText: m('options_saved') }).waitFor();
  await options.getByRole('switch', { name: m('syncSwitch') }).click();
  await options.waitForFunction(() => document.querySelector<HTMLInputElement>('.team-sync input[role=switch]')?.checked === true);
}

/** What sticks out past `main`'s right edge (screen-reader-only text and scroll boxes aside). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('main')!;
    const edge = main.getBoundingClientRect().right + 0.5;
    return [...main.querySelectorAll('*')]
      .filter(el => !el.closest('.sr-only, .tp-scroll') && el.getBoundingClientRect().right > edge)
      .map(el => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`);
  });

beforeAll(async () => {
  team = await startTeam('acme', [
    ...REPS.map(r => ({ id: r.id, name: r.name, role: 'rep' as const, territory: r.territory })),
    { id: 'lee', name: 'Lee Chen', role: 'rep' as const },
    { id: 'maria', name: 'Maria Lopez', role: 'manager' as const },
  ]);
  const manager = new TeamClient({ url: team.server.url, token: team.tokens.maria! });
  await manager.setTeamPlan(PLAN, '2020-01-01');
  for (const r of REPS) {
    await manager.setAllocation({ rep: r.id, effective_from: '2020-01-01', annual_quota: r.quota, territory: r.territory });
    const rep = new TeamClient({ url: team.server.url, token: team.tokens[r.id]! });
    const { events, deals } = dataOf(r);
    await rep.pushEvents(events.map(e => toServerEvent(e, { shareNames: false })));
    await rep.pushDeals(deals.map(toServerDeal));
  }
  browser = await launchWithExtension({ extraArgs: ['--lang=de'], locale: 'de-DE' });
  const options = await browser.extensionPage('options.html');
  await configureIn('de', options, team.server.url, team.tokens.maria!);
  // Options → Team sync, in German once connected.
  await options.getByRole('button', { name: msg('syncTestConnection') }).click();
  await options.locator('[data-testid="team-check"]', { hasText: msg('syncConnected', 'Acme Sales · Maria Lopez (Manager)') }).waitFor({ timeout: 30_000 });
  await options.close();
}, 180_000);
afterAll(() => stopAll(browser, team));

describe("the manager's popup in German", () => {
  it('takes its words from the German locale file and writes money the German way', async () => {
    popup = await browser.extensionPage('popup.html');
    await popup.setViewportSize({ width: 640, height: 900 });
    await popup.locator('[data-testid="leaderboard"] tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await popup.locator('h1').textContent()).toBe('Acme Sales');
    const headers = (await popup.locator('[data-testid="leaderboard"] thead th').allTextContents()).map(plain);
    expect(headers).toEqual(['#', msg('teamColRep'), `${msg('teamAttainment')} ▼`, msg('teamActivityScore'), msg('teamWinRate'), msg('teamPipeline'), msg('teamColBehindOn')].map(plain));
    expect(headers).toContain('Aktivitätswert');
    const won = REPS.reduce((a, r) => a + r.won.reduce((x, y) => x + y, 0), 0);
    const totals = plain(await popup.locator('[data-testid="team-totals"]').textContent());
    expect(totals).toMatch(new RegExp(`^Acme Sales, 4 Vertriebler: ${usd(won).replace(/[.$]/g, '\\$&')} von .+ Quote gewonnen \\(\\d+ %\\), `));
    expect(plain(await popup.locator('tr[data-rep="ana"] [data-col="pipeline"]').textContent())).toBe(usd(15_000));
    // Cleo has won nothing: behind, in German, on the tier the server names.
    expect(plain(await popup.locator('[data-testid="team-behind"] li[data-rep="cleo"]').textContent())).toMatch(/^Cleo Park: Rückstand bei /);
    expect(await popup.getByRole('heading', { name: msg('teamStalledTitle') }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: msg('teamExportCsv') }).count()).toBe(1);
    expect(plain(await popup.locator('[data-testid="as-of"]').textContent())).toMatch(/^Stand: \d{1,2}:\d{2}/);
  });

  it('fits the popup: nothing sticks out past its edge', async () => {
    await popup.screenshot({ path: '/tmp/team-german-popup.png', fullPage: true });
    expect(await overflowing(popup)).toEqual([]);
  });

  it("opens a rep's summary and 1:1 review by their German names, and saves feedback", async () => {
    await popup.getByRole('button', { name: msg('teamOpenRep', 'Ana Ortiz') }).click();
    const detail = popup.locator('[data-testid="rep-detail"]');
    await detail.locator('[data-testid="rep-review"]').waitFor({ timeout: 15_000 });
    expect(await detail.locator('[data-testid="rep-drivers"] tr[data-driver="calls"] th').textContent()).toBe('Anrufe');
    expect(plain(await detail.locator('[data-testid="rep-goal"]').textContent())).toMatch(new RegExp(`^Rang \\d: ${usd(50_000).replace(/[.$]/g, '\\$&')} von `));
    await popup.getByLabel('Lob für Ana Ortiz').fill('Starke Woche.');
    await popup.getByLabel(msg('teamFocusForWeek')).fill('Zwei Angebote senden.');
    await popup.getByRole('button', { name: msg('teamSaveFeedback') }).click();
    await expect.poll(() => detail.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/^Für die Woche ab \d{4}-\d{2}-\d{2} gespeichert\. Ana Ortiz sieht es /);
    await popup.screenshot({ path: '/tmp/team-german-rep.png', fullPage: true });
    expect(await overflowing(popup)).toEqual([]);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: msg('teamBackToTeam') }).click();
    expect(await seriousViolations(popup)).toEqual([]);
  });
});

describe('the team plan page in German', () => {
  let page: Page;
  it('opens from the popup with a German title and heading, and adds up the allocations in German', async () => {
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: msg('popupTeamPlan'), exact: true }).click()]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe('/team-plan.html');
    // Playwright's German locale (Intl, navigator.language) can reach a tab the extension opens only
    // after its scripts ran, which a German browser never does: the page is opened again by Playwright.
    await opened.close();
    page = await browser.extensionPage('team-plan.html');
    await page.locator('[data-testid="team-plan-in-force"]').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['de', 'Pacer: Teamplan']);
    expect(await page.locator('h1').textContent()).toBe('Teamplan: Acme Sales');
    expect(plain(await page.locator('[data-testid="team-quota"]').textContent())).toBe(usd(1_000_000));
    expect(plain(await page.locator('[data-testid="allocation-sum"]').textContent())).toBe(
      `Am ${TODAY}: Zugeteilt: ${usd(900_000)} von ${usd(1_000_000)} des Teams: ${usd(100_000)} noch nicht zugeteilt. Ein Vertriebler hat noch keine Zuteilung.`,
    );
  });

  it('refuses a bad team quota in German, sending nothing', async () => {
    await page.getByLabel('Jährliche Teamquote (USD)').fill('viel');
    await page.getByRole('button', { name: msg('teamPlanSaveTeamPlan') }).click();
    expect(await page.getByRole('alert').textContent()).toBe(msg('teamPlanNotSavedMarked'));
    expect(await page.locator('#tp-team-annual-error').textContent()).toBe('„viel“ ist keine Zahl.');
  });

  it('takes an allocation typed the German way and says so in German; the server gets the number', async () => {
    const row = page.locator('tr[data-rep="lee"]');
    await page.getByLabel('Gebiet für Lee Chen').fill('Nord');
    await page.getByLabel('Jahresquote für Lee Chen').fill('100.000,50');
    await row.getByRole('button', { name: 'Speichern Zuteilung für Lee Chen' }).click();
    await expect.poll(() => page.locator('[data-message-for="lee"]').getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`^Gespeichert: Die Quote von Lee Chen ab ${TODAY} beträgt 100\\.000,50\\s\\$, im Gebiet Nord\\.$`));
    const lee = (await new TeamClient({ url: team.server.url, token: team.tokens.maria! }).teamPlan()).allocations!.find(a => a.rep === 'lee')!;
    expect(lee.annual).toEqual([{ effectiveFrom: TODAY, annualQuota: 100_000.5 }]);
    await expect.poll(async () => plain(await page.locator('[data-testid="allocation-sum"]').textContent()))
      .toBe(`Am ${TODAY}: Zugeteilt: ${plain(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(1_000_000.5))} von ${usd(1_000_000)} des Teams: um 0,50 $ überzuteilt.`);
  });

  it('fits its page and has no serious accessibility violation', async () => {
    await page.screenshot({ path: '/tmp/team-german-plan.png', fullPage: true });
    expect(await overflowing(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

// French and Spanish words are held to the same 600 px as German.
describe.each([['fr', 'fr-FR'], ['es', 'es-ES']] as const)("the manager's popup in %s", (lang, locale) => {
  let other: ExtensionBrowser;
  afterAll(async () => {
    await other?.close();
  });

  it('speaks the language and fits the popup', async () => {
    other = await launchWithExtension({ extraArgs: [`--lang=${lang}`], locale });
    const options = await other.extensionPage('options.html');
    await configureIn(lang, options, team.server.url, team.tokens.maria!);
    const page = await other.extensionPage('popup.html');
    await page.setViewportSize({ width: 640, height: 900 });
    await page.locator('[data-testid="leaderboard"] tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    const m = messagesOf(lang);
    expect(plain(await page.locator('[data-testid="leaderboard"] caption').textContent())).toBe(plain(m.teamLeaderboardCaption!.message));
    await page.screenshot({ path: `/tmp/team-${lang}-popup.png`, fullPage: true });
    expect(await overflowing(page)).toEqual([]);
  }, 120_000);
});
