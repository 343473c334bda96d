// The demo's team (issue #7): the seeded team server (server/demo-team.ts) connected to
// the demo browser through Options → Team sync, as a manager would do it, and the popup's
// team summary shot for --screenshots.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../lib/browser';

export interface DemoTeamServer {
  url: string;
  teamName: string;
  tokens: { manager: string } & Record<string, string>;
  stop(): Promise<void>;
}

const WAIT_MS = 30_000;

/** Fills Options → Team sync with the manager's token, tests the connection, turns sync on and waits for the first sync. */
export async function connectManager(options: Page, team: DemoTeamServer): Promise<string> {
  await options.locator('#team-url').fill(team.url);
  await options.locator('#team-token').fill(team.tokens.manager);
  await options.getByRole('button', { name: 'Test connection' }).click();
  const check = options.locator('[data-testid="team-check"] .ok');
  await check.waitFor({ timeout: WAIT_MS }).catch(async () => {
    throw new Error(`Team sync's connection test failed: ${(await options.locator('[data-testid="team-check"]').textContent())?.trim()}`);
  });
  await options.getByRole('button', { name: 'Save team server' }).click();
  await options.getByRole('switch', { name: 'Team sync' }).check();
  await options.waitForFunction(() => document.querySelector('[data-testid="sync-last"]')?.textContent !== 'never', undefined, { timeout: WAIT_MS });
  return (await check.textContent())?.trim() ?? '';
}

/** The manager's popup: the team for the quarter, and one rep's summary with the weekly review. */
export async function shootTeamPopup(browser: ExtensionBrowser, shoot: (page: Page, name: string, fullPage?: boolean) => Promise<void>): Promise<void> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 620, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('[data-testid="leaderboard"] tbody tr').first().waitFor({ timeout: WAIT_MS });
  await popup.locator('[data-chart="team-trend"]').waitFor({ timeout: WAIT_MS }).catch(() => undefined);
  await shoot(popup, 'popup-team.png', true);
  // The rep furthest behind: the one a manager opens first.
  await popup.locator('[data-testid="leaderboard"] tbody tr').last().locator('th button').click();
  await popup.locator('[data-testid="rep-review"]').waitFor({ timeout: WAIT_MS });
  await shoot(popup, 'popup-team-rep.png', true);
  await popup.close();
}
