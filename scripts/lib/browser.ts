// Launches Debian's Chromium with the built extension loaded, real CRM host
// names mapped to the local HTTPS server. Shared by the demo, the browser tests
// and the benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
// @ts-expect-error: plain ESM helper shared with npm scripts
import { ensureChromium } from '../ensure-chromium.mjs';

export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
];

export interface LaunchOptions {
  /** The unpacked build, e.g. .output/chrome-mv3. */
  extensionDir?: string;
  /** e.g. `MAP *.lightning.force.com:443 127.0.0.1:PORT, …` */
  hostResolverRules?: string;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  colorScheme?: 'light' | 'dark';
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The service worker, waiting for a new one if Chrome stopped the last. */
  worker(): Promise<Worker>;
  /** Stops every service worker, as Chrome does to an idle or crashed one. */
  stopWorkers(): Promise<void>;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? '.output/chrome-mv3');
  const userDataDir = mkdtempSync(join(tmpdir(), 'pacer-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 860 } : options.viewport,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    ignoreHTTPSErrors: true,
    args: [
      ...CHROME_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.hostResolverRules ? [`--host-resolver-rules=${options.hostResolverRules}`] : []),
    ],
  });
  const worker = async () =>
    context.serviceWorkers().find(w => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL((await worker()).url()).host;

  let cdpPage: Page | undefined;
  const stopWorkers = async () => {
    cdpPage ??= await context.newPage();
    const cdp = await context.newCDPSession(cdpPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  };

  return {
    context,
    extensionId,
    worker,
    stopWorkers,
    async extensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
