// Manual logging in the real side panel (issue #5, item 3): by keyboard only, the
// entry reaches "This week" within a second; edit and delete move the counts; the
// manifest carries the quick-add command. Also renders the panel at side-panel width
// in light and dark, checks nothing overflows, and keeps the screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { readStore } from './store-probe';

const outDir = process.env.PACER_OUT_DIR ?? '.output';
const screenshots = resolve(outDir, 'screenshots');

let browser: ExtensionBrowser;
let panel: Page;

beforeAll(async () => {
  browser = await launchWithExtension({ viewport: { width: 360, height: 900 } });
  panel = await browser.extensionPage('sidepanel.html');
  await panel.locator('#quick-add-type').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

const focusedId = () => panel.evaluate(() => document.activeElement?.id ?? '');
const row = (type: string) => panel.locator(`section[aria-labelledby="this-week"] tr[data-type="${type}"] td`);
const tombstones = () =>
  panel.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open('pacer');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('tombstones').objectStore('tombstones').getAllKeys();
          req.onsuccess = () => {
            open.result.close();
            done(req.result as string[]);
          };
        };
      }),
  );

describe('manual logging in the side panel', () => {
  it('the manifest declares the quick-add command, Alt+Shift+L', async () => {
    const manifest = JSON.parse(readFileSync(join(outDir, 'chrome-mv3', 'manifest.json'), 'utf8'));
    expect(manifest.commands).toEqual({ 'quick-add': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandQuickAdd__' } });
    // Chrome took it: the command exists with the shortcut bound.
    const commands = await panel.evaluate(() =>
      (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; description?: string; shortcut?: string }[]> } } }).chrome.commands.getAll());
    expect(commands.find(c => c.name === 'quick-add')).toMatchObject({ description: 'Log an activity by hand', shortcut: expect.stringMatching(/^Alt\+Shift\+L$/) });
  });

  it('logs a referral by keyboard only; it shows in "This week" within a second', async () => {
    await panel.keyboard.press('Alt+Shift+L');
    expect(await focusedId()).toBe('quick-add-type');
    // call is preselected; Home goes to the first type (referral given), ArrowDown to the next.
    await panel.keyboard.press('Home');
    await panel.keyboard.press('ArrowDown');
    expect(await panel.locator('#quick-add-type').inputValue()).toBe('referral_received');
    await panel.keyboard.press('Tab');
    expect(await focusedId()).toBe('quick-add-who');
    await panel.keyboard.type('Dana Scully');
    await panel.keyboard.press('Tab');
    expect(await focusedId()).toBe('quick-add-subject');
    await panel.keyboard.type('Intro to Globex');
    const pressed = Date.now();
    await panel.keyboard.press('Enter');
    await row('referral_received').waitFor({ timeout: 1_000 });
    const elapsed = Date.now() - pressed;
    expect(elapsed).toBeLessThan(1_000);
    expect(await row('referral_received').textContent()).toBe('1');
    expect(await panel.locator('form[aria-labelledby="quick-add-title"] [role=status]').textContent()).toBe('Logged.');
    expect(await panel.locator('#quick-add-who').inputValue()).toBe(''); // ready for the next one

    const { events } = await readStore(panel);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'referral_received', site: 'manual', person: { name: 'Dana Scully' }, meta: { subject: 'Intro to Globex' } });
    expect(Date.now() - Date.parse(events[0]!.at)).toBeLessThan(60_000);
    // The list of manual entries has it, with named buttons.
    await panel.getByRole('button', { name: /^Edit Referral received, Dana Scully, / }).waitFor();
  });

  it('a wrong amount is flagged inline, by keyboard, and nothing is stored', async () => {
    await panel.keyboard.press('Alt+Shift+L');
    await panel.keyboard.press('End'); // call
    await panel.keyboard.press('ArrowUp'); // proposal accepted
    await panel.keyboard.press('ArrowUp'); // proposal sent
    await panel.keyboard.press('Tab'); // who
    await panel.keyboard.press('Tab'); // value
    expect(await focusedId()).toBe('quick-add-amount');
    await panel.keyboard.type('-20');
    await panel.keyboard.press('Enter');
    const amount = panel.locator('#quick-add-amount');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.locator(`#${await amount.getAttribute('aria-describedby')}`).textContent()).toBe('The amount cannot be negative.');
    expect(await focusedId()).toBe('quick-add-amount');
    expect((await readStore(panel)).events).toHaveLength(1);
    await panel.keyboard.press('Control+A');
    await panel.keyboard.press('Backspace');
  });

  it('edits the referral: the old is tombstoned, the counts move to the new type', async () => {
    const [before] = (await readStore(panel)).events;
    const edit = panel.getByRole('button', { name: /^Edit Referral received, Dana Scully, / });
    await edit.focus();
    await panel.keyboard.press('Enter');
    // The form fills and takes focus in an effect, right after the next paint.
    await expect.poll(focusedId).toBe('quick-add-type');
    expect(await panel.locator('#quick-add-who').inputValue()).toBe('Dana Scully');
    // It was a referral given, not received.
    await panel.keyboard.press('Home');
    expect(await panel.locator('#quick-add-type').inputValue()).toBe('referral_given');
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Enter');
    await row('referral_given').waitFor({ timeout: 1_000 });
    await row('referral_received').waitFor({ state: 'detached', timeout: 1_000 });
    expect(await row('referral_given').textContent()).toBe('1');
    expect(await panel.locator('form[aria-labelledby="quick-add-title"] [role=status]').textContent()).toBe('Changes saved.');

    const { events } = await readStore(panel);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'referral_given', at: before!.at, person: { name: 'Dana Scully' }, meta: { subject: 'Intro to Globex' }, site: 'manual' });
    expect(events[0]!.id).not.toBe(before!.id);
    expect(await tombstones()).toEqual([before!.id]);
  });

  it('deletes it after an inline confirmation; the count goes away', async () => {
    const del = panel.getByRole('button', { name: /^Delete Referral given, Dana Scully, / });
    await del.focus();
    await panel.keyboard.press('Enter');
    const yes = panel.getByRole('button', { name: /^Yes, delete Referral given, Dana Scully, / });
    await yes.waitFor();
    await expect.poll(() => yes.evaluate(el => el === document.activeElement)).toBe(true);
    expect((await readStore(panel)).events).toHaveLength(1); // nothing deleted before the confirmation
    await panel.keyboard.press('Enter');
    await row('referral_given').waitFor({ state: 'detached', timeout: 1_000 });
    await panel.getByText('Nothing recorded this week yet.', { exact: false }).waitFor();
    await panel.getByText('Nothing logged by hand yet.', { exact: false }).waitFor();
    expect((await readStore(panel)).events).toHaveLength(0);
    expect(await tombstones()).toHaveLength(2);
  });
});

describe('the side panel at its width, light and dark', () => {
  it.each(['light', 'dark'] as const)('%s: the form fits 360 px with an entry listed and an error shown', async colorScheme => {
    const own = await launchWithExtension({ viewport: { width: 360, height: 900 }, colorScheme });
    try {
      const page = await own.extensionPage('sidepanel.html');
      await page.locator('#quick-add-type').selectOption('training');
      await page.locator('#quick-add-who').fill('Acme Academy');
      await page.locator('#quick-add-amount').fill('450');
      await page.locator('#quick-add-subject').fill('Negotiation masterclass');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('button', { name: /^Edit Training, Acme Academy, / }).waitFor();
      await page.locator('#quick-add-type').selectOption('proposal_sent');
      await page.locator('#quick-add-amount').fill('lots');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('#quick-add-amount[aria-invalid="true"]').waitFor();
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      mkdirSync(screenshots, { recursive: true });
      const path = join(screenshots, `sidepanel-quick-add-${colorScheme}.png`);
      await page.screenshot({ path, fullPage: true });
      console.log(`screenshot: ${path}`);
    } finally {
      await own.close();
    }
  });
});
