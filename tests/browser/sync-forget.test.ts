// "Forget this team server" (Options → Team sync) with the REAL team server and the built
// extension: a rep connects, syncs once (the popup shows the team), then forgets the server
// from the keyboard. Sync is off, the token and API key are empty in storage.local, the form
// is empty, the popup is the rep's personal view again, and what was sent stays on the server.
// PACER_SHOTS_DIR=dir writes the confirmation at 360 px, light and dark.
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

const focusedText = () => options.evaluate(() => document.activeElement?.textContent ?? '');
/** The popup's heading once it settled: the team's name in the team view, "Your numbers" in the personal one. */
const popupHeading = async (expected: string) => {
  const popup = await browser.extensionPage('popup.html');
  const heading = popup.locator('h1');
  await expect.poll(() => heading.textContent(), { timeout: 30_000 }).toBe(expected);
  // The personal heading is also what shows while the settings are read: give the team view time to replace it.
  await popup.waitForTimeout(1500);
  const text = await heading.textContent();
  await popup.close();
  return text;
};

describe('forgetting the team server', () => {
  it('a rep who synced forgets the server from the keyboard: sync off, credentials gone, the popup personal, the server keeps what it has', async () => {
    await configureSync(options, team.server.url, team.tokens.sam!);
    await captureEvents(options, calls(3, 'sent'));
    await until('the events on the server', async () => (await serverIds(team.server, 'acme', 'sam')).length === 3);
    await expect.poll(() => options.locator('[data-testid="sync-last"]').textContent(), { timeout: 30_000 }).not.toBe('never');
    expect(await popupHeading('Acme Sales')).toBe('Acme Sales');

    const forget = options.getByRole('button', { name: 'Forget this team server' });
    await forget.focus();
    await options.keyboard.press('Enter');
    const confirmation = options.getByRole('alertdialog', { name: 'Forget this team server?' });
    await confirmation.waitFor();
    await expect.poll(focusedText).toBe('Forget the server');
    expect(await seriousViolations(options)).toEqual([]);
    if (shots) {
      await options.setViewportSize({ width: 360, height: 900 });
      for (const scheme of ['light', 'dark'] as const) {
        await options.emulateMedia({ colorScheme: scheme });
        await confirmation.scrollIntoViewIfNeeded();
        await confirmation.screenshot({ path: join(shots, `team-sync-forget-360-${scheme}.png`) });
      }
      const sideways = await options.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways).toBe(0);
      await options.emulateMedia({ colorScheme: 'light' });
      await expect.poll(focusedText).toBe('Forget the server');
    }
    // Escape keeps everything and gives the focus back.
    await options.keyboard.press('Escape');
    await confirmation.waitFor({ state: 'detached' });
    await expect.poll(focusedText).toBe('Forget this team server');
    await options.keyboard.press('Enter');
    await confirmation.waitFor();
    await options.keyboard.press('Enter');

    const outcome = options.locator('[data-testid="sync-forget-result"] p');
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toBe('Team server forgotten: sync is off, and the token and API key are deleted from this browser.');
    await expect.poll(focusedText).toBe(await outcome.textContent());

    const stored = await options.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(['teamSync', 'teamToken', 'teamApiKey', 'teamPlan', 'teamFeedback', 'teamSnapshots']));
    expect(stored).toEqual({ teamSync: { url: '', enabled: false }, teamToken: '', teamApiKey: '' });

    expect(await options.locator('#team-url').inputValue()).toBe('');
    expect(await options.locator('#team-token').inputValue()).toBe('');
    expect(await options.locator('#team-token').getAttribute('placeholder')).toBe('Paste the token your manager gave you');
    expect(await options.locator('#team-apikey').inputValue()).toBe('');
    expect(await options.getByRole('switch', { name: 'Team sync' }).isChecked()).toBe(false);
    expect(await forget.count()).toBe(0);

    expect(await popupHeading('Your numbers')).toBe('Your numbers');
    // What was sent stays on the team server (the manager can erase it); the browser keeps every event.
    expect(await serverIds(team.server, 'acme', 'sam')).toEqual(['sent-00000', 'sent-00001', 'sent-00002']);
  });
});
