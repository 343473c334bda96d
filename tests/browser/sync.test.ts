// Team sync against the REAL team server (PostgreSQL on loopback + the gateway, started by
// server/local.ts): the options page's connection test, captured events reaching the server
// once each with metadata only, a worker killed mid-push, and the server restarted mid-push.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { OPPORTUNITIES, startTestSite } from './site';
import { calls, captureEvents, configureSync, localIds, serverIds, startTeam, stopAll, until, type TeamFixture } from './sync-helpers';

let team: TeamFixture;
let site: Awaited<ReturnType<typeof startTestSite>>;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  [team, site] = await Promise.all([startTeam(), startTestSite()]);
  browser = await launchWithExtension({ hostResolverRules: site.rules });
  options = await browser.extensionPage('options.html');
}, 180_000);
afterAll(async () => {
  await stopAll(browser, team);
  await site?.server.close();
});

const check = () => options.locator('[data-testid="team-check"]');

describe('Options → Team sync', () => {
  it('tests the connection: team, rep and role when the token is good; the reason in words when not', async () => {
    await options.locator('#team-url').fill(team.server.url);
    await options.locator('#team-token').fill(team.tokens.sam!);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => check().textContent(), { timeout: 15_000 }).toBe('Connected: Acme Sales · Sam Rivera (rep, West).');

    await options.locator('#team-token').fill(`${team.tokens.sam!.slice(0, -4)}AAAA`);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => check().textContent(), { timeout: 15_000 }).toMatch(/^The team server refused your token: .+\. Ask your manager for a new token\.$/);

    await options.locator('#team-url').fill('http://pacer.example.com');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => check().textContent()).toContain('Plain http:// is refused');
  });

  it('keeps sync off by default, and the token out of sync storage', async () => {
    await options.reload();
    expect(await options.getByRole('switch', { name: 'Team sync' }).isChecked()).toBe(false);
    await configureSync(options, team.server.url, team.tokens.sam!, false);
    const stored = await options.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { sync: { get(): Promise<object> }; local: { get(): Promise<object> } } } }).chrome;
      return { sync: JSON.stringify(await c.storage.sync.get()), local: JSON.stringify(await c.storage.local.get()) };
    });
    expect(stored.sync).not.toContain(team.tokens.sam!.slice(-20));
    expect(stored.local).toContain(team.tokens.sam!.slice(-20));
    // The saved token is never shown again.
    expect(await options.locator('#team-token').inputValue()).toBe('');
  });
});

describe('pushing to the team server', () => {
  it('events captured on a CRM page reach the server once each, with metadata only', async () => {
    await configureSync(options, team.server.url, team.tokens.sam!);
    const page = await browser.context.newPage();
    await page.goto(site.opportunityUrl('negotiation', 'burst=40'));
    await page.waitForFunction(() => document.body.dataset.burst === '40', undefined, { timeout: 30_000 });
    const local = await until('the burst to be stored', async () => {
      const ids = await localIds(options);
      return ids.length >= 40 && ids;
    });
    const onServer = await until('the server to hold every captured event', async () => {
      const ids = await serverIds(team.server, 'acme', 'sam');
      return ids.length === local.length && ids;
    });
    expect(onServer).toEqual(local);
    const { rows } = await team.server.db.query<{ person_name: string | null; meta: Record<string, unknown> | null; deal_id: string | null }>(
      "SELECT person_name, meta, deal_id FROM pacer.events WHERE team = 'acme' AND type = 'call'",
    );
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const r of rows) {
      expect(r.person_name).toBeNull();
      expect(Object.keys(r.meta ?? {}).filter(k => !['fromStage', 'toStage', 'outcome', 'discount'].includes(k))).toEqual([]);
    }
    expect(rows.some(r => r.deal_id === `salesforce:${OPPORTUNITIES.negotiation.id}`)).toBe(true);
    await expect.poll(() => options.locator('[data-testid="sync-waiting"]').textContent(), { timeout: 30_000 }).toBe('0 events waiting');
    await expect.poll(() => options.locator('[data-testid="sync-last"]').textContent(), { timeout: 30_000 }).not.toBe('never');
    await expect.poll(() => options.locator('[data-testid="sync-error"]').textContent(), { timeout: 30_000 }).toBe('none');
    await page.close();
  });

  it('an entry logged by hand in the side panel reaches the server, and deleting it erases it there', async () => {
    await configureSync(options, team.server.url, team.tokens.sam!);
    const panel = await browser.extensionPage('sidepanel.html');
    await panel.locator('#quick-add-type').selectOption('referral_given');
    await panel.locator('#quick-add-who').fill('Dana Scully');
    await panel.locator('#quick-add-subject').fill('Intro to Globex');
    await panel.locator('#quick-add-subject').press('Enter');
    const referral = async () =>
      (await team.server.db.query<{ id: string; person_name: string | null }>("SELECT id, person_name FROM pacer.events WHERE team = 'acme' AND rep = 'sam' AND type = 'referral_given'")).rows;
    // Written by the side panel, not the background: the worker hears of it through Dexie's cross-context events.
    const [row] = await until('the referral on the server', async () => (await referral()).length === 1 && (await referral()), 30_000);
    expect(row!.person_name).toBeNull();
    await panel.getByRole('button', { name: /^Delete Referral given, Dana Scully/ }).click();
    await panel.getByRole('button', { name: /^Yes, delete Referral given, Dana Scully/ }).click();
    await until('the erasure to reach the server', async () => (await referral()).length === 0, 30_000);
    // The side panel's line says all is sent.
    await expect.poll(() => panel.locator('[data-testid="sync-line"]').textContent(), { timeout: 30_000 }).toMatch(/^Team sync: last sync .+ · 0 events waiting$/);
    await panel.close();
  });

  it('goes on by itself after the browser was offline', async () => {
    await configureSync(options, team.server.url, team.tokens.sam!);
    const before = (await serverIds(team.server, 'acme', 'sam')).length;
    await browser.context.setOffline(true);
    try {
      await captureEvents(options, calls(60, 'offline'));
      await expect.poll(() => options.locator('[data-testid="sync-error"]').textContent(), { timeout: 30_000 }).toMatch(/offline|Can't reach the team server/);
      expect((await serverIds(team.server, 'acme', 'sam')).length).toBe(before);
    } finally {
      await browser.context.setOffline(false);
    }
    // No click: the retry alarm's backoff brings it back.
    const onServer = await until('the events captured offline on the server', async () => {
      const ids = await serverIds(team.server, 'acme', 'sam');
      return ids.length === before + 60 && ids;
    }, 90_000, 500);
    expect(onServer).toEqual(await localIds(options));
    await expect.poll(() => options.locator('[data-testid="sync-error"]').textContent(), { timeout: 30_000 }).toBe('none');
  }, 150_000);

  it('a worker killed again and again mid-push loses nothing and sends nothing twice', async () => {
    await configureSync(options, team.server.url, team.tokens.sam!);
    const before = (await serverIds(team.server, 'acme', 'sam')).length;
    const events = calls(4000, 'kill');
    // Captured while the server is unreachable, so all of it waits for the push.
    await team.server.gateway.close();
    await captureEvents(options, events);
    await team.server.restartGateway();
    let kills = 0;
    const target = before + events.length;
    const deadline = Date.now() + 150_000;
    // Kill the worker whenever the server's count moved: it is mid-push then.
    let seen = before;
    const killedAt: number[] = [];
    await options.getByRole('button', { name: 'Sync now' }).click().catch(() => {});
    while (Date.now() < deadline) {
      const n = (await serverIds(team.server, 'acme', 'sam')).length;
      if (n >= target) break;
      if (n > seen && kills < 4) {
        await browser.stopWorkers();
        kills++;
        killedAt.push(n);
        seen = n;
      }
      await new Promise(r => setTimeout(r, 100));
    }
    const onServer = await serverIds(team.server, 'acme', 'sam');
    console.log(`kills: ${kills}, killed at server counts ${killedAt.join(', ')} of ${target}`);
    expect(onServer).toEqual(await localIds(options));
    expect(onServer).toHaveLength(target);
    expect(kills).toBeGreaterThanOrEqual(1);
    // Killed while some of the burst was still waiting, not after the push was over.
    expect(killedAt.some(n => n < target)).toBe(true);
    expect((await browser.workerLifecycle()).stops).toBeGreaterThanOrEqual(1);
  }, 200_000);

  it('rides out the server restarting mid-push (the gateway, then PostgreSQL itself)', async () => {
    await configureSync(options, team.server.url, team.tokens.sam!);
    const before = (await serverIds(team.server, 'acme', 'sam')).length;
    await team.server.gateway.close();
    await captureEvents(options, calls(3000, 'restart'));
    await team.server.restartGateway();
    const target = before + 3000;
    await until('the push to start', async () => (await serverIds(team.server, 'acme', 'sam')).length > before, 60_000, 50);
    await team.server.restartGateway();
    await team.server.postgres.restart();
    const onServer = await until('every event on the server', async () => {
      const ids = await serverIds(team.server, 'acme', 'sam');
      return ids.length >= target && ids;
    }, 150_000, 500);
    expect(onServer).toEqual(await localIds(options));
    expect(onServer).toHaveLength(target);
  }, 200_000);
});
