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
  /** More Chromium switches, e.g. `--lang=de` for the interface's language. */
  extraArgs?: readonly string[];
  /**
   * The browser's language as pages and chrome.i18n.getUILanguage() see it (e.g. 'de-DE').
   * Playwright otherwise reports en-US there even when `--lang` switches the extension's messages.
   */
  locale?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The service worker, waiting for a new one if Chrome stopped the last. */
  worker(): Promise<Worker>;
  /** Stops the extension's service worker, as Chrome does to an idle or crashed one. */
  stopWorkers(): Promise<void>;
  /** How often the worker was seen stopped and running again, from the DevTools protocol. */
  workerLifecycle(): Promise<{ stops: number; starts: number }>;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? join(process.env.PACER_OUT_DIR ?? '.output', 'chrome-mv3'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'pacer-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 860 } : options.viewport,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ignoreHTTPSErrors: true,
    args: [
      ...CHROME_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.hostResolverRules ? [`--host-resolver-rules=${options.hostResolverRules}`] : []),
      ...(options.extraArgs ?? []),
    ],
  });
  const worker = async () =>
    context.serviceWorkers().find(w => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL((await worker()).url()).host;

  // The ServiceWorker domain only sees workers of the attached page's origin,
  // so the session lives on one of the extension's own pages.
  let lifecycle: Promise<{ stop(): Promise<void>; counts: { stops: number; starts: number } }> | undefined;
  const attach = () =>
    (lifecycle ??= (async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const cdp = await context.newCDPSession(page);
      const counts = { stops: 0, starts: 0 };
      const status = new Map<string, string>();
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) {
          if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
          if (v.runningStatus !== status.get(v.versionId)) {
            if (v.runningStatus === 'stopped') counts.stops++;
            if (v.runningStatus === 'running' && status.has(v.versionId)) counts.starts++;
            status.set(v.versionId, v.runningStatus);
          }
        }
      });
      await cdp.send('ServiceWorker.enable');
      return { stop: async () => void (await cdp.send('ServiceWorker.stopAllWorkers')), counts };
    })());
  const stopWorkers = async () => (await attach()).stop();

  return {
    context,
    extensionId,
    worker,
    stopWorkers,
    workerLifecycle: async () => ({ ...(await attach()).counts }),
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
