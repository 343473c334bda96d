// Events the REAL team server refused, sent again (Options → Team sync, "Send refused events
// again"). The server is made to refuse one event the way an older server version would: a
// CHECK constraint on pacer.events that the event breaks (PostgreSQL's 23514, which the
// gateway answers with HTTP 400), added by the owner's connection. The rep sees the count and
// the reason; the admin drops the rule; the button sends the event, which reaches the server once.
// PACER_SHOTS_DIR=dir writes Options → Team sync at 360 px, light and dark.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { calls, captureEvents, configureSync, seriousViolations, serverIds, startTeam, stopAll, until, type TeamFixture } from './sync-helpers';

const shots = process.env.PACER_SHOTS_DIR;
let team: TeamFixture;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  team = await startTeam();
  browser = await launchWithExtension();
  options = await browser.extensionPage('options.html');
}, 180_000);
afterAll(async () => {
  await stopAll(browser, team);
});

const heldIds = async (prefix: string) => (await serverIds(team.server, 'acme', 'sam')).filter(id => id.startsWith(prefix));

describe('refused events, sent again', () => {
  it('an event the server refused reaches it once, after the admin fixed the rule and the rep pressed the button', async () => {
    await team.server.db.query("ALTER TABLE pacer.events ADD CONSTRAINT events_v1_rule CHECK (id NOT LIKE 'late-%') NOT VALID");
    await configureSync(options, team.server.url, team.tokens.sam!);
    await captureEvents(options, [...calls(4, 'early'), ...calls(1, 'late')]);

    await until('the accepted events on the server', async () => (await heldIds('early-')).length === 4);
    const refused = options.locator('[data-testid="sync-rejected"]');
    await expect.poll(() => refused.textContent(), { timeout: 30_000 }).toBe('1 event the team server refused; it stays in this browser.');
    expect(await heldIds('late-')).toEqual([]);

    await options.locator('[data-testid="sync-reasons"] summary').click();
    await expect.poll(() => options.locator('[data-testid="sync-reasons"] li').allTextContents()).toEqual([
      '1 event: The team server rejected the data (HTTP 400): new row for relation "events" violates check constraint "events_v1_rule".',
    ]);
    expect(await seriousViolations(options)).toEqual([]);
    if (shots) {
      await options.setViewportSize({ width: 360, height: 900 });
      const section = options.locator('.team-sync');
      for (const scheme of ['light', 'dark'] as const) {
        await options.emulateMedia({ colorScheme: scheme });
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: join(shots, `team-sync-refused-360-${scheme}.png`) });
      }
      const sideways = await options.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways).toBe(0);
      await options.emulateMedia({ colorScheme: 'light' });
    }

    // The admin drops the rule; the rep sends the refused event again, from the keyboard.
    await team.server.db.query('ALTER TABLE pacer.events DROP CONSTRAINT events_v1_rule');
    const send = options.getByRole('button', { name: 'Send refused events again' });
    await send.focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('[data-testid="sync-retry-result"]').textContent(), { timeout: 30_000 }).toBe('The team server accepted the events it had refused.');

    expect(await heldIds('late-')).toEqual(['late-00000']);
    const { rows } = await team.server.db.query<{ n: string }>("SELECT count(*) AS n FROM pacer.events WHERE team = 'acme' AND id = 'late-00000'");
    expect(Number(rows[0]!.n)).toBe(1);
    expect(await heldIds('early-')).toHaveLength(4);
    expect(await refused.count()).toBe(0);
    await expect.poll(() => options.locator('[data-testid="sync-waiting"]').textContent()).toBe('0 events waiting');
    await expect.poll(() => options.locator('[data-testid="sync-error"]').textContent()).toBe('none');
  });
});
