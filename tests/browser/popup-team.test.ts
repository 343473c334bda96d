// The manager's popup against the REAL team server (PostgreSQL + gateway on loopback): a
// seeded team pushed through the server's own API, the popup's leaderboard checked against
// numbers computed here from the very events pushed (lib/metrics, not the server's SQL),
// sorting, the 1:1 review's feedback reaching the rep's side panel, CSV, offline "as of",
// and a rep's token that sees only their own row and rank.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { countDrivers } from '../../lib/metrics/drivers';
import { activityScore } from '../../lib/metrics/gamification';
import { defaultPlan } from '../../lib/metrics/plan';
import { periodContaining } from '../../lib/metrics/periods';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { TeamClient } from '../../lib/sync-client';
import { toServerDeal, toServerEvent } from '../../lib/sync-map';
import { configureSync, seriousViolations, startTeam, stopAll, type TeamFixture } from './sync-helpers';

const NOW = new Date();
const PLAN = { ...defaultPlan('UTC'), annual: [{ effectiveFrom: '2020-01-01', annualQuota: 1_000_000 }] };
const QUARTER = periodContaining('quarter', NOW, PLAN);
const HOSTILE = '=HYPERLINK("https://evil.example","x")';

/** Five reps with different results this quarter; amounts in the plan's currency. */
const REPS = [
  { id: 'ana', name: 'Ana Ortiz', territory: 'West', quota: 400_000, won: [30_000, 20_000], lost: 1, calls: 40, meetings: 6, open: [15_000, 25_000] },
  { id: 'ben', name: 'Ben Okafor', territory: 'West', quota: 200_000, won: [45_000], lost: 0, calls: 10, meetings: 2, open: [5_000] },
  { id: 'cleo', name: 'Cleo Park', territory: 'East', quota: 300_000, won: [], lost: 2, calls: 70, meetings: 1, open: [60_000, 10_000, 8_000] },
  { id: 'dev', name: 'Dev Shah', territory: 'East', quota: 240_000, won: [12_000, 9_000, 6_000], lost: 3, calls: 25, meetings: 9, open: [] },
  { id: 'eve', name: HOSTILE, territory: 'East', quota: 160_000, won: [4_000], lost: 1, calls: 5, meetings: 0, open: [2_000] },
];

/** A moment inside this quarter, before now: spread over the days gone by. */
const inQuarter = (i: number) => {
  const from = Date.parse(QUARTER.from);
  const span = Math.max(1, NOW.getTime() - from - 3_600_000);
  return new Date(from + ((i * 7919) % 1000) / 1000 * span).toISOString();
};

function dataOf(r: (typeof REPS)[number]): { events: ActivityEvent[]; deals: DealSnapshot[] } {
  const events: ActivityEvent[] = [];
  const deals: DealSnapshot[] = [];
  let n = 0;
  const ev = (type: ActivityEvent['type'], extra: Partial<ActivityEvent> = {}): ActivityEvent =>
    ({ id: `${r.id}-${type}-${n}`, type, at: inQuarter(n++), site: 'salesforce', url: 'u', capturedAt: NOW.toISOString(), ...extra });
  r.won.forEach((amount, i) => events.push(ev('deal_won', { amount, currency: 'USD', deal: { id: `salesforce:${r.id}w${i}` } })));
  for (let i = 0; i < r.lost; i++) events.push(ev('deal_lost', { deal: { id: `salesforce:${r.id}l${i}` } }));
  for (let i = 0; i < r.calls; i++) events.push(ev('call', { meta: { outcome: i % 4 === 0 ? 'Connected' : 'No answer' } }));
  for (let i = 0; i < r.meetings; i++) events.push(ev('meeting'));
  r.open.forEach((amount, i) =>
    deals.push({ id: `salesforce:${r.id}o${i}`, name: `${r.id} open ${i}`, stage: 'Prospecting', stageEnteredAt: inQuarter(i), amount, currency: 'USD', status: 'open', url: 'u', lastSeenAt: NOW.toISOString() }),
  );
  return { events, deals };
}

/** What the leaderboard must show, computed from the data pushed, not by the server. */
function expected(r: (typeof REPS)[number]) {
  const { events } = dataOf(r);
  const won = r.won.reduce((a, b) => a + b, 0);
  return {
    attainment: Math.round((won / (r.quota / 4)) * 100),
    activityScore: activityScore(countDrivers(events, QUARTER), PLAN.activityWeights),
    winRate: r.won.length + r.lost ? Math.round((r.won.length / (r.won.length + r.lost)) * 100) : null,
    pipeline: r.open.reduce((a, b) => a + b, 0),
  };
}

let team: TeamFixture;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  team = await startTeam('acme', [
    ...REPS.map(r => ({ id: r.id, name: r.name, role: 'rep' as const, territory: r.territory })),
    { id: 'maria', name: 'Maria Lopez', role: 'manager' },
  ]);
  const manager = new TeamClient({ url: team.server.url, token: team.tokens.maria! });
  await manager.call('set_team_plan', { plan: PLAN, effective_from: '2020-01-01' });
  for (const r of REPS) {
    await manager.call('set_allocation', { rep: r.id, effective_from: '2020-01-01', annual_quota: r.quota, territory: r.territory });
    const rep = new TeamClient({ url: team.server.url, token: team.tokens[r.id]! });
    const { events, deals } = dataOf(r);
    await rep.pushEvents(events.map(e => toServerEvent(e, { shareNames: false })));
    if (deals.length) await rep.pushDeals(deals.map(toServerDeal));
  }
  browser = await launchWithExtension();
  options = await browser.extensionPage('options.html');
  await configureSync(options, team.server.url, team.tokens.maria!);
}, 180_000);
afterAll(() => stopAll(browser, team));

const num = (text: string | null) => (text === null || text.trim() === '—' ? null : Number(text.replace(/[^\d.-]/g, '')));

async function openPopup(): Promise<Page> {
  const popup = await browser.extensionPage('popup.html');
  await popup.locator('[data-testid="leaderboard"] tbody tr').first().waitFor({ timeout: 30_000 });
  return popup;
}

interface ShownRow {
  rep: string;
  rank: number;
  attainment: string | null;
  activityScore: string | null;
  winRate: string | null;
  pipeline: string | null;
}

async function rows(popup: Page): Promise<ShownRow[]> {
  return popup.locator('[data-testid="leaderboard"] tbody tr').evaluateAll((trs): ShownRow[] =>
    trs.map(tr => ({
      rep: tr.getAttribute('data-rep')!,
      rank: Number(tr.querySelector('td')!.textContent),
      ...(Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map(td => [td.getAttribute('data-col')!, td.textContent])) as Omit<ShownRow, 'rep' | 'rank'>),
    })),
  );
}

describe("the manager's popup", () => {
  it('shows every rep with attainment, activity score, win rate and pipeline as computed from the pushed events', async () => {
    const popup = await openPopup();
    expect(await popup.locator('h1').textContent()).toBe('Acme Sales');
    const shown = await rows(popup);
    expect(shown.map(r => r.rep).sort()).toEqual(REPS.map(r => r.id).sort());
    for (const r of REPS) {
      const row = shown.find(s => s.rep === r.id)!;
      const want = expected(r);
      expect({ rep: r.id, attainment: num(row.attainment), activityScore: num(row.activityScore), winRate: num(row.winRate), pipeline: num(row.pipeline) })
        .toEqual({ rep: r.id, ...want });
    }
    // Ranked by attainment: the default order, best first.
    const byAttainment = [...REPS].sort((a, b) => expected(b).attainment - expected(a).attainment).map(r => r.id);
    expect(shown.map(r => r.rep)).toEqual(byAttainment);
    expect(shown.map(r => r.rank)).toEqual([1, 2, 3, 4, 5]);
    // Team totals against the team's quota (the sum of the allocations, this quarter).
    const won = REPS.reduce((a, r) => a + r.won.reduce((x, y) => x + y, 0), 0);
    const quota = REPS.reduce((a, r) => a + r.quota / 4, 0);
    const totals = (await popup.locator('[data-testid="team-totals"]').textContent())!;
    expect(totals).toContain(`${new Intl.NumberFormat('en-US').format(won)} won of`);
    expect(totals).toContain(`(${Math.round((won / quota) * 100)} %)`);
    expect(totals).toMatch(/(behind|ahead of) pace|on pace/);
    // Cleo has won nothing: behind, on the tier the server names.
    expect(await popup.locator('[data-testid="team-behind"] li[data-rep="cleo"]').textContent()).toMatch(/^Cleo Park: behind on /);
    // The hostile name is text, not markup.
    expect(await popup.locator('tr[data-rep="eve"] th button').textContent()).toBe(HOSTILE);
    await popup.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical accessibility violation (%s): the team, a rep, Options → Team sync', async scheme => {
    const popup = await openPopup();
    await popup.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: "Open Ana Ortiz's summary and weekly review" }).click();
    await popup.locator('[data-testid="rep-review"]').waitFor({ timeout: 15_000 });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await options.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('sorts by any column from its header button, saying so with aria-sort', async () => {
    const popup = await openPopup();
    const header = (key: string) => popup.locator(`th[data-sort="${key}"]`);
    expect(await header('attainment').getAttribute('aria-sort')).toBe('descending');
    await header('pipeline').getByRole('button').click();
    expect(await header('pipeline').getAttribute('aria-sort')).toBe('descending');
    expect(await header('attainment').getAttribute('aria-sort')).toBe('none');
    const pipelineDesc = [...REPS].sort((a, b) => expected(b).pipeline - expected(a).pipeline).map(r => r.id);
    expect((await rows(popup)).map(r => r.rep)).toEqual(pipelineDesc);
    await header('pipeline').getByRole('button').click();
    expect(await header('pipeline').getAttribute('aria-sort')).toBe('ascending');
    expect((await rows(popup)).map(r => r.rep)).toEqual([...pipelineDesc].reverse());
    // Win rate: unknown (no closes) would go last either way; here everyone has closes.
    await header('winRate').getByRole('button').click();
    const rates = (await rows(popup)).map(r => num(r.winRate));
    expect(rates).toEqual([...rates].sort((a, b) => (b ?? -1) - (a ?? -1)));
    await popup.close();
  });

  it('exports the table as CSV with formula-looking cells defused', async () => {
    const popup = await openPopup();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export table (CSV)' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('rank,rep,territory,quota,won,attainment,activity_score,win_rate,pipeline,pipeline_deals,behind_tier,currency');
    expect(lines).toHaveLength(1 + REPS.length);
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(lines.some(l => /(^|,)[=+\-@]/.test(l.replace(/,-\d/g, ',0')))).toBe(false);
    const ana = lines.find(l => l.includes('Ana Ortiz'))!.split(',');
    expect(Number(ana[4])).toBe(50_000);
    expect(download.suggestedFilename()).toBe(`pacer-team-acme-${QUARTER.startDate}-to-${QUARTER.endDate}.csv`);
    await popup.close();
  });

  it("opens a rep's summary and weekly review; the kudos and focus saved there reach that rep's side panel, under the team's plan in force", async () => {
    const popup = await openPopup();
    await popup.getByRole('button', { name: "Open Dev Shah's summary and weekly review" }).click();
    const detail = popup.locator('[data-testid="rep-detail"]');
    await detail.waitFor();
    expect(await detail.locator('h2').textContent()).toBe('Dev Shah · East');
    expect(await detail.locator('[data-testid="rep-drivers"] tr[data-driver="meetings"] td').first().textContent()).toBe('9');
    await detail.locator('[data-testid="rep-review"]').waitFor({ timeout: 15_000 });
    await popup.getByLabel('Kudos for Dev Shah').fill('Nine meetings this quarter: great prospecting.');
    await popup.getByLabel('Focus for the week').fill('Move two deals to proposal.');
    await popup.getByRole('button', { name: 'Save feedback' }).click();
    await expect.poll(() => detail.getByRole('status').textContent()).toMatch(/^Saved for the week of \d{4}-\d{2}-\d{2}\./);
    await popup.close();

    // Dev's own Pacer (the same browser, his token now) pulls it into the side panel.
    await configureSync(options, team.server.url, team.tokens.dev!);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => options.locator('[data-testid="sync-last"]').textContent(), { timeout: 30_000 }).not.toBe('never');
    const panel = await browser.extensionPage('sidepanel.html');
    const card = panel.locator('[data-testid="team-feedback"]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toContain('Kudos: Nine meetings this quarter: great prospecting.');
    expect(await card.textContent()).toContain('Focus: Move two deals to proposal.');
    expect(await panel.locator('[data-testid="plan-source"]').textContent()).toMatch(/^Plan in force: from your team, Acme Sales \(quota: your allocation \(East\)/);
    await panel.close();

    // Dev edits his quota locally: the team's allocation is put back, and the options page says so.
    type Chrome = { chrome: { storage: { local: { get(k: string): Promise<Record<string, { annual: { annualQuota: number }[] }>>; set(v: object): Promise<void> } } } };
    const quota = () => options.evaluate(async () => (await (globalThis as unknown as Chrome).chrome.storage.local.get('plan')).plan!.annual.map(r => r.annualQuota));
    expect(await quota()).toEqual([240_000]);
    await options.evaluate(async () => {
      const { chrome } = globalThis as unknown as Chrome;
      const { plan } = await chrome.storage.local.get('plan');
      await chrome.storage.local.set({ plan: { ...plan, annual: [{ effectiveFrom: '2020-01-01', annualQuota: 1 }] } });
    });
    await expect.poll(quota, { timeout: 15_000 }).toEqual([240_000]);
    await expect.poll(() => options.locator('[data-testid="plan-source"]').textContent(), { timeout: 15_000 }).toMatch(/Your own edit was replaced by it at .+: ask your manager to change the team's plan\.$/);
  });

  it("a rep's token sees their own numbers and rank only", async () => {
    await configureSync(options, team.server.url, team.tokens.dev!);
    const popup = await browser.extensionPage('popup.html');
    const rank = popup.locator('[data-testid="team-rank"]');
    await rank.waitFor({ timeout: 30_000 });
    const order = [...REPS].sort((a, b) => expected(b).attainment - expected(a).attainment).map(r => r.id);
    expect(await rank.locator('.big').getAttribute('aria-label')).toBe(`Rank ${order.indexOf('dev') + 1} of 5 in Acme Sales`);
    expect(await popup.locator('[data-testid="leaderboard"]').count()).toBe(0);
    expect(await popup.content()).not.toContain('Ana Ortiz');
    await popup.close();
  });

  it('offline, shows the last pulled numbers and says from when, also for a period the popup never opened', async () => {
    await configureSync(options, team.server.url, team.tokens.maria!);
    (await openPopup()).close();
    // The background's sync pulls this week's summary too, for the popup to have offline.
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 30_000 });
    await team.server.gateway.close();
    try {
      const popup = await openPopup();
      const asOf = popup.locator('[data-testid="as-of"]');
      await expect.poll(() => asOf.textContent(), { timeout: 30_000 }).toMatch(/^As of .+\. Offline: showing the last pulled numbers \(Can't reach the team server/);
      expect((await rows(popup)).map(r => r.rep).sort()).toEqual(REPS.map(r => r.id).sort());
      await popup.getByRole('radio', { name: 'Week' }).check();
      await expect.poll(() => popup.locator('[data-testid="leaderboard"]').count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => asOf.textContent(), { timeout: 30_000 }).toMatch(/Offline: showing the last pulled numbers/);
      expect((await rows(popup)).map(r => r.rep).sort()).toEqual(REPS.map(r => r.id).sort());
      await popup.close();
    } finally {
      await team.server.restartGateway();
    }
  });
});
