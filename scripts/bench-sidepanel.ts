// `npm run bench:sidepanel`: the side panel's speed in Chromium (issue #6, "Speed").
//
//   1. 100,000 generated events (scripts/bench/data.ts) go in through the options page's
//      Import, the path a rep's own export takes, with the bench plan.
//   2. The side panel page is opened RUNS times; each time the page's own performance mark
//      `pacer:scorecard-rendered` (entrypoints/sidepanel/main.tsx: the first scorecard drawn
//      with data) is read against the navigation's start. Target: ≤ 150 ms. The first open
//      computes and saves the scorecard (lib/scorecard-snapshot.ts); the reopens with data
//      unchanged show the saved one, exact: what a rep sees almost every time.
//   2b. AFTER_WRITE_RUNS times: one call is captured, then the panel opened. It shows the saved
//      scorecard marked "Updating…" (`..._after_write_...`) and then the recomputed one
//      (`pacer:scorecard-exact`, `..._after_write_..._exact`).
//   3. With the panel open, 1,000 calls arrive in a burst of 100 capture batches of 10 (the
//      content scripts' message, sent from an extension page). The panel records long tasks
//      (PerformanceObserver 'longtask'), the event loop's worst lag (a 16 ms timer probe, what
//      a keypress would wait), and when its Calls count shows all 1,000.
//
// Prints `name: value unit` lines. Uses PACER_OUT_DIR's build (default .output); --build builds it first.
// BENCH_EVENTS=20000 for a quick run; BENCH_VERBOSE=1 lists the scorecard's rebuilds during the burst.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { CaptureBatch } from '../lib/capture-batch';
import type { ActivityEvent } from '../lib/model';
import { generate } from './bench/data';
import { launchWithExtension, type ExtensionBrowser } from './lib/browser';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const DEALS = Math.round(EVENTS / 20);
const RUNS = 7;
const AFTER_WRITE_RUNS = 5;
const BURST = 1_000;
const BATCH = 10;
const TARGET_FIRST_MS = 150;
// The page's performance entries (entrypoints/sidepanel/main.tsx, lib/scorecard-store.ts); spelled
// out here because the store imports WXT's storage, which does not load in Node.
const RENDERED = 'pacer:scorecard-rendered';
const INPUTS_READ = 'pacer:scorecard-inputs-read';
const COMPUTED = 'pacer:scorecard-computed';
const WINS_COMPUTED = 'pacer:scorecard-wins-computed';
const EXACT = 'pacer:scorecard-exact';
const SNAPSHOT_SHOWN = 'pacer:scorecard-snapshot-shown';

const outDir = process.env.PACER_OUT_DIR ?? '.output';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const line = (name: string, value: number | string, unit = '') => console.log(`${name}: ${typeof value === 'number' ? Math.round(value * 10) / 10 : value}${unit ? ` ${unit}` : ''}`);

function ensureBuild(): void {
  if (process.argv.includes('--build') || !existsSync(join(outDir, 'chrome-mv3', 'manifest.json'))) {
    console.log(`Building the extension into ${outDir}…`);
    const r = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, PACER_OUT_DIR: outDir } });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
}

async function seed(browser: ExtensionBrowser): Promise<void> {
  const data = generate({ events: EVENTS, deals: DEALS });
  const options = await browser.extensionPage('options.html');
  await options.evaluate(p => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ plan: p }), data.plan);
  const dir = mkdtempSync(join(tmpdir(), 'pacer-bench-sidepanel-'));
  try {
    const file = join(dir, 'pacer-bench.json');
    const exported = { format: 'pacer-export', version: 1, exportedAt: data.now.toISOString(), rep: { name: 'Bench Rep', email: 'bench@example.com' }, events: data.events, deals: data.deals };
    writeFileSync(file, JSON.stringify(exported));
    const started = Date.now();
    await options.setInputFiles('#import-file', file);
    await options.getByRole('button', { name: /^Import \d+ events?/ }).click({ timeout: 600_000 }); // after the dry run (issue #8)
    const status = options.getByTestId('transfer-status');
    await status.waitFor({ timeout: 600_000 });
    const text = (await status.textContent())?.trim() ?? '';
    if (!text.startsWith('Imported')) throw new Error(`Import failed: ${text}`);
    line('sidepanel_seed_import_100k_events', (Date.now() - started) / 1000, 's');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await options.close();
  }
  console.log(`Seeded ${EVENTS.toLocaleString('en-US')} events and ${DEALS.toLocaleString('en-US')} deals.`);
  if (EVENTS !== 100_000) console.log(`(BENCH_EVENTS=${EVENTS}: the figures named 100k below are for ${EVENTS.toLocaleString('en-US')} events.)`);
}

/** Opens the side panel page and reads the time of its first full scorecard. */
async function openOnce(browser: ExtensionBrowser): Promise<{ page: Page; ms: number; exact: number; updatingShown: boolean; read: number; compute: number; wins: number; snapshot: number; loaded: number }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const ms = await page.waitForFunction(name => performance.getEntriesByName(name)[0]?.startTime, RENDERED, { timeout: 60_000, polling: 20 }).then(h => h.jsonValue() as Promise<number>);
  // The store marks a saved scorecard shown as updating (reading the DOM here could come after the recompute).
  const updatingShown = (await page.evaluate(`performance.getEntriesByName('pacer:scorecard-snapshot-stale').length`)) === 1;
  const exact = await page.waitForFunction(name => performance.getEntriesByName(name)[0]?.startTime, EXACT, { timeout: 60_000, polling: 20 }).then(h => h.jsonValue() as Promise<number>);
  // The panel saves the scorecard just after computing it: let that land before the page closes
  // (the saved row's data version is the store's).
  await page.waitForFunction(
    `new Promise(done => {
      const open = indexedDB.open('pacer');
      open.onerror = () => done(false);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['scorecardSnapshots', 'meta']);
        const saved = tx.objectStore('scorecardSnapshots').get('quarter');
        const version = tx.objectStore('meta').get('dataVersion');
        tx.oncomplete = () => { db.close(); done(!!saved.result && saved.result.dataVersion === Number(version.result ? version.result.value : 0)); };
        tx.onerror = () => { db.close(); done(false); };
      };
    })`,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  // Where the time went: the store's own entries (lib/scorecard-store.ts).
  const parts = (await page.evaluate(`(() => {
    const first = name => performance.getEntriesByName(name)[0];
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      read: first('${INPUTS_READ}')?.startTime ?? NaN, compute: first('${COMPUTED}')?.duration ?? NaN, wins: first('${WINS_COMPUTED}')?.duration ?? NaN,
      snapshot: first('${SNAPSHOT_SHOWN}')?.startTime ?? NaN, loaded: nav ? nav.domContentLoadedEventEnd : NaN,
    };
  })()`)) as { read: number; compute: number; wins: number; snapshot: number; loaded: number };
  return { page, ms, exact, updatingShown, ...parts };
}

/** The store's data version (lib/data-version.ts), read with plain IndexedDB inside an extension page. */
const DATA_VERSION = `new Promise(done => {
  const open = indexedDB.open('pacer');
  open.onerror = () => done(-1);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction('meta').objectStore('meta').get('dataVersion');
    get.onsuccess = () => { db.close(); done(get.result ? Number(get.result.value) : 0); };
    get.onerror = () => { db.close(); done(-1); };
  };
})`;

/** One captured call, as a content script sends it: the data changes, the saved scorecard is no longer exact. */
async function captureOne(browser: ExtensionBrowser, n: number): Promise<void> {
  const sender = await browser.extensionPage('popup.html');
  const now = new Date().toISOString();
  const batch: CaptureBatch = {
    batchId: `bench-write-${n}`,
    site: 'salesforce',
    seenAt: now,
    deals: [],
    events: [{ id: `bench-write-${n}`, type: 'call', at: now, site: 'salesforce', url: 'https://bench.lightning.force.com/', capturedAt: now }],
  };
  const version = () => sender.evaluate(DATA_VERSION) as Promise<number>;
  const before = await version();
  await sender.evaluate(data => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ pacer: 'capture', data }), batch);
  // The background may acknowledge before the store's write (its outbox): wait for the data version to move.
  for (let i = 0; i < 200 && (await version()) <= before; i++) await sender.waitForTimeout(50);
  await sender.close();
}

const callsShown = (page: Page) =>
  page.evaluate(() => Number((document.querySelector('[data-driver=calls] td')?.textContent ?? '').split('/')[0]!.replace(/[^\d]/g, '')));

async function burst(browser: ExtensionBrowser, panel: Page): Promise<void> {
  // The week period: the burst's calls all land in it, and the panel counts them there.
  await panel.getByRole('radio', { name: 'Week' }).check();
  await panel.waitForFunction(() => document.querySelector('[data-driver=calls] td') !== null);
  await panel.waitForTimeout(500);
  const before = await callsShown(panel);
  // A string, not a function: tsx's name-keeping helper does not exist inside the page.
  await panel.evaluate(`(() => {
    const longtasks = [];
    const observer = new PerformanceObserver(list => list.getEntries().forEach(e => longtasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    let maxLag = 0;
    let expected = performance.now() + 16;
    const id = setInterval(() => {
      const t = performance.now();
      maxLag = Math.max(maxLag, t - expected);
      expected = t + 16;
    }, 16);
    window.__bench = { longtasks, maxLag: 0, stop: () => { clearInterval(id); observer.disconnect(); window.__bench.maxLag = maxLag; } };
  })()`);
  const sender = await browser.extensionPage('popup.html');
  // The side panel is on screen while the rep works: a tab in the background would have its timers throttled.
  await panel.bringToFront();
  const now = new Date().toISOString();
  const batches: CaptureBatch[] = Array.from({ length: BURST / BATCH }, (_, b) => ({
    batchId: `bench-burst-${b}`,
    site: 'salesforce',
    seenAt: now,
    deals: [],
    events: Array.from({ length: BATCH }, (_, i): ActivityEvent => ({
      id: `bench-burst-${b}-${i}`,
      type: 'call',
      at: now,
      site: 'salesforce',
      url: 'https://bench.lightning.force.com/',
      capturedAt: now,
    })),
  }));
  const burstStart = (await panel.evaluate('performance.now()')) as number;
  const started = Date.now();
  await sender.evaluate(async list => {
    const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime;
    // As fast as they come: a hundred content-script batches in flight at once.
    await Promise.all(list.map(data => rt.sendMessage({ pacer: 'capture', data })));
  }, batches);
  const acked = Date.now() - started;
  await panel.waitForFunction(n => Number((document.querySelector('[data-driver=calls] td')?.textContent ?? '').split('/')[0]!.replace(/[^\d]/g, '')) >= n, before + BURST, { timeout: 60_000, polling: 50 });
  const shown = Date.now() - started;
  const { longtasks, maxLag } = (await panel.evaluate(`(() => { window.__bench.stop(); return { longtasks: window.__bench.longtasks, maxLag: window.__bench.maxLag }; })()`)) as {
    longtasks: number[];
    maxLag: number;
  };
  // The scorecard's rebuilds during the burst: how often the panel re-read and recomputed.
  const rebuilds = (await panel.evaluate(`performance.getEntriesByName('${COMPUTED}').filter(e => e.startTime >= ${burstStart}).map(e => [Math.round(e.startTime - ${burstStart}), Math.round(e.duration)])`)) as [number, number][];
  await sender.close();
  line('sidepanel_burst_scorecard_rebuilds', rebuilds.length, 'count');
  if (process.env.BENCH_VERBOSE) console.log(`rebuilds [ms after burst start, ms spent]: ${JSON.stringify(rebuilds)}`);
  line('sidepanel_burst_1000_events_stored', acked, 'ms');
  line('sidepanel_burst_1000_events_shown', shown, 'ms');
  line('sidepanel_burst_longest_task', longtasks.length ? Math.max(...longtasks) : 0, 'ms');
  line('sidepanel_burst_long_tasks', longtasks.length, 'count');
  line('sidepanel_burst_max_input_delay', maxLag, 'ms');
}

async function main(): Promise<void> {
  ensureBuild();
  const browser = await launchWithExtension({ extensionDir: resolve(outDir, 'chrome-mv3') });
  try {
    await seed(browser);
    const times: number[] = [];
    const loaded: number[] = [];
    const snapshots: number[] = [];
    let stale = 0;
    for (let i = 0; i < RUNS; i++) {
      const { page, ms, updatingShown, loaded: l, snapshot } = await openOnce(browser);
      times.push(ms);
      if (i > 0) {
        loaded.push(l);
        snapshots.push(snapshot);
        if (updatingShown) stale++;
      }
      await page.close();
    }
    // The first open computes (no saved scorecard yet, caches cold): reported apart. The reopens show the saved one.
    const warm = times.slice(1);
    line('sidepanel_first_scorecard_cold', times[0]!, 'ms');
    line('sidepanel_first_scorecard_100k_events', median(warm), 'ms');
    line('sidepanel_first_scorecard_100k_events_max', Math.max(...warm), 'ms');
    line('sidepanel_reopen_marked_updating', stale, 'count'); // data unchanged: must be 0
    // Where the reopen's time goes: the page's scripts loaded, the saved scorecard read (then drawn).
    line('sidepanel_reopen_page_loaded_at', median(loaded), 'ms');
    line('sidepanel_reopen_snapshot_read_at', median(snapshots), 'ms');
    console.log(`target sidepanel_first_scorecard_100k_events ≤ ${TARGET_FIRST_MS} ms: ${median(warm) <= TARGET_FIRST_MS ? 'met' : 'MISSED'}`);

    const marked: number[] = [];
    const exact: number[] = [];
    const reads: number[] = [];
    const computes: number[] = [];
    const wins: number[] = [];
    let shownUpdating = 0;
    const flags: boolean[] = [];
    let last: Page | undefined;
    for (let i = 0; i < AFTER_WRITE_RUNS; i++) {
      await captureOne(browser, i);
      const r = await openOnce(browser);
      marked.push(r.ms);
      exact.push(r.exact);
      reads.push(r.read);
      computes.push(r.compute);
      wins.push(r.wins);
      if (r.updatingShown) shownUpdating++;
      flags.push(r.updatingShown);
      if (i < AFTER_WRITE_RUNS - 1) await r.page.close();
      else last = r.page;
    }
    if (process.env.BENCH_VERBOSE) console.log(`after write [shown, exact] ms, marked: ${JSON.stringify(marked.map((m, i) => [Math.round(m), Math.round(exact[i]!), flags[i]]))}`);
    line('sidepanel_first_scorecard_after_write_100k_events', median(marked), 'ms');
    line('sidepanel_first_scorecard_after_write_100k_events_exact', median(exact), 'ms');
    line('sidepanel_after_write_marked_updating', `${shownUpdating}/${AFTER_WRITE_RUNS}`, 'opens');
    line('sidepanel_scorecard_inputs_read_at', median(reads), 'ms');
    line('sidepanel_scorecard_compute', median(computes), 'ms');
    line('sidepanel_chart_wins_compute', median(wins), 'ms');
    console.log(`target sidepanel_first_scorecard_after_write_100k_events ≤ ${TARGET_FIRST_MS} ms (marked "Updating…"): ${median(marked) <= TARGET_FIRST_MS ? 'met' : 'MISSED'}`);
    console.log(`target sidepanel_first_scorecard_after_write_100k_events_exact ≤ ${TARGET_FIRST_MS} ms: ${median(exact) <= TARGET_FIRST_MS ? 'met' : 'MISSED'}`);
    await burst(browser, last!);
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
