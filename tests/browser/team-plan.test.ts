// The manager's "Team plan" page against the REAL team server (PostgreSQL + gateway on
// loopback): opened from the manager's popup, it refuses a bad quota without sending it,
// saves a new team quota revision (the old one kept) and a rep's allocation and territory;
// the server's team_plan answers them; the rep's own Pacer then syncs and has that
// allocation as its plan in force, saying it is from the team.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { defaultPlan } from '../../lib/metrics/plan';
import { TeamClient } from '../../lib/sync-client';
import { configureSync, seriousViolations, startTeam, stopAll, type TeamFixture } from './sync-helpers';

/** The team's plan counts days in UTC, so "today" on the page is this. */
const TODAY = new Date().toISOString().slice(0, 10);
const PLAN = { ...defaultPlan('UTC'), annual: [{ effectiveFrom: '2020-01-01', annualQuota: 1_000_000 }], weeklyTargets: { calls: 65 } };

let team: TeamFixture;
let manager: TeamClient;
let browser: ExtensionBrowser;
let options: Page;
let page: Page;

beforeAll(async () => {
  team = await startTeam('acme', [
    { id: 'sam', name: 'Sam Rivera', role: 'rep', territory: 'West' },
    { id: 'lee', name: 'Lee Chen', role: 'rep', territory: 'West' },
    { id: 'maria', name: 'Maria Lopez', role: 'manager' },
  ]);
  manager = new TeamClient({ url: team.server.url, token: team.tokens.maria! });
  await manager.setTeamPlan(PLAN, '2020-01-01');
  await manager.setAllocation({ rep: 'sam', effective_from: '2020-01-01', annual_quota: 400_000, territory: 'West' });
  browser = await launchWithExtension();
  options = await browser.extensionPage('options.html');
  await configureSync(options, team.server.url, team.tokens.maria!);
}, 180_000);
afterAll(() => stopAll(browser, team));

describe("the manager's Team plan page", () => {
  it('opens from the popup in its own tab and shows the plan in force, its revisions and the allocation sum', async () => {
    const popup = await browser.extensionPage('popup.html');
    await popup.locator('[data-testid="leaderboard"]').waitFor({ timeout: 30_000 });
    [page] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Team plan' }).click()]);
    await page.locator('[data-testid="team-plan-in-force"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('Team plan: Acme Sales');
    expect(await page.locator('[data-testid="team-quota"]').textContent()).toBe('$1,000,000');
    expect(await page.locator('[data-testid="team-plan-revisions"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="allocation-sum"]').textContent())
      .toBe(`On ${TODAY}: Allocated $400,000 of the team's $1,000,000: under-allocated by $600,000. One rep has no allocation yet.`);
    expect(await page.locator('[data-testid="allocations"] tbody tr[data-rep]').evaluateAll(trs => trs.map(tr => tr.getAttribute('data-rep')))).toEqual(['lee', 'sam']);
  });

  it('refuses a bad team quota with a message on the field, sending nothing', async () => {
    await page.getByLabel('Annual team quota (USD)').fill('a lot');
    await page.getByRole('button', { name: 'Save team plan' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Not saved: correct the fields marked below.');
    const annual = page.getByLabel('Annual team quota (USD)');
    expect(await annual.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await annual.getAttribute('aria-describedby')}`).textContent()).toBe('"a lot" is not a number.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tp-team-annual');
    expect((await manager.teamPlan()).planRevisions).toHaveLength(1);
  });

  it("saves a new team quota revision with its quarters, keeping the old one and the rest of the team's plan", async () => {
    await page.getByLabel('Effective from', { exact: true }).fill(TODAY);
    await page.getByLabel('Annual team quota (USD)').fill('1,200,000');
    for (const [i, q] of ['240,000', '300,000', '300,000', '360,000'].entries()) await page.getByLabel(`Q${i + 1} quota`, { exact: true }).fill(q);
    await page.getByRole('button', { name: 'Save team plan' }).click();
    await expect.poll(() => page.locator('[data-testid="team-revision-form"] [role=status]').textContent(), { timeout: 15_000 })
      .toBe(`Saved: the team's quota from ${TODAY} is 1,200,000 USD.`);
    await expect.poll(() => page.locator('[data-testid="team-plan-revisions"] tbody tr').count()).toBe(2);
    expect(await page.locator('[data-testid="team-quota"]').textContent()).toBe('$1,200,000');

    const answer = await manager.teamPlan();
    expect(answer.planRevisions!.map(r => r.effective_from)).toEqual(['2020-01-01', TODAY]);
    expect(answer.plan!.annual).toEqual([
      { effectiveFrom: '2020-01-01', annualQuota: 1_000_000 },
      { effectiveFrom: TODAY, annualQuota: 1_200_000, quarterQuotas: [240_000, 300_000, 300_000, 360_000] },
    ]);
    expect(answer.plan!.weeklyTargets).toEqual({ calls: 65 });
  });

  it("allocates to a rep and moves them to a territory; the sum says how much of the team's quota is left", async () => {
    const row = page.locator('tr[data-rep="lee"]');
    await page.getByLabel('Territory for Lee Chen').fill('North');
    await page.getByLabel('Annual quota for Lee Chen').fill('500000');
    await page.getByLabel('Q1 quota for Lee Chen').fill('100000');
    await row.getByRole('button', { name: 'Save allocation for Lee Chen' }).click();
    const message = page.locator('[data-message-for="lee"]');
    expect(await message.getByRole('alert').textContent()).toBe('Not saved for Lee Chen: correct the fields marked.');
    expect(await message.textContent()).toMatch(/Enter all four quarter quotas .*\(Q2 is empty\)/);

    for (const q of [2, 3, 4]) await page.getByLabel(`Q${q} quota for Lee Chen`).fill('133,333.33');
    await page.getByLabel('Q1 quota for Lee Chen').fill('100,000.01');
    // Enter in the row saves it, as in a form.
    await page.getByLabel('Q1 quota for Lee Chen').press('Enter');
    await expect.poll(() => message.getByRole('status').textContent(), { timeout: 15_000 }).toBe(`Saved: Lee Chen's quota from ${TODAY} is $500,000, in North.`);
    await expect.poll(() => page.locator('[data-testid="allocation-sum"]').textContent())
      .toBe(`On ${TODAY}: Allocated $900,000 of the team's $1,200,000: under-allocated by $300,000.`);
    expect(await row.locator('[data-col="in-force"]').textContent()).toBe('$500,000');

    // A correction on the same day is refused before it is sent: the rep's Pacer would get two quotas for one day.
    await page.getByLabel('Annual quota for Lee Chen').fill('500,000');
    await row.getByRole('button', { name: 'Save allocation for Lee Chen' }).click();
    await expect.poll(() => message.getByRole('alert').textContent()).toBe('Not saved for Lee Chen: correct the fields marked.');
    expect(await message.textContent()).toContain(`This rep already has an allocation taking effect on ${TODAY}`);

    const lee = (await manager.teamPlan()).allocations!.find(a => a.rep === 'lee')!;
    expect(lee.territory).toBe('North');
    expect(lee.annual).toEqual([{ effectiveFrom: TODAY, annualQuota: 500_000, quarterQuotas: [100_000.01, 133_333.33, 133_333.33, 133_333.33] }]);
  });

  it.each(['light', 'dark'] as const)('has no serious or critical accessibility violation (%s)', async scheme => {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/team-plan-${scheme}.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it("is the rep's plan in force once the rep's Pacer syncs, and says it is from the team", async () => {
    await page.close();
    await configureSync(options, team.server.url, team.tokens.lee!);
    await options.getByRole('button', { name: 'Sync now' }).click();
    type Chrome = { chrome: { storage: { local: { get(k: string): Promise<Record<string, { annual: unknown[]; weeklyTargets: unknown }>> } } } };
    const plan = () => options.evaluate(async () => (await (globalThis as unknown as Chrome).chrome.storage.local.get('plan')).plan);
    await expect.poll(async () => (await plan())?.annual, { timeout: 30_000 })
      .toEqual([{ effectiveFrom: TODAY, annualQuota: 500_000, quarterQuotas: [100_000.01, 133_333.33, 133_333.33, 133_333.33] }]);
    // The rest of the plan is the team's.
    expect((await plan())!.weeklyTargets).toEqual({ calls: 65 });
    await expect.poll(() => options.locator('[data-testid="plan-source"]').textContent(), { timeout: 15_000 })
      .toMatch(/^Plan in force: from your team, Acme Sales \(quota: your allocation \(North\); pulled /);
    // A rep's token gets no Team plan button in the popup, and the page itself says why.
    const popup = await browser.extensionPage('popup.html');
    await popup.locator('[data-testid="team-rank"]').waitFor({ timeout: 30_000 });
    expect(await popup.getByRole('button', { name: 'Team plan' }).count()).toBe(0);
    const asRep = await browser.extensionPage('team-plan.html');
    await expect.poll(() => asRep.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/^Only a manager of Acme Sales sets the team plan/);
  });
});
