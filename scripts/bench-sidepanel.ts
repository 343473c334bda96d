// `npm run bench:sidepanel`: the side panel's speed in Chromium (issue #6, "Speed").
//
//   1. 100,000 generated events (scripts/bench/data.ts) go in through the options page's
//      Import, the path a rep's own export takes, with the bench plan.
//   2. The side panel page is opened RUNS times; each time the page's own performance mark
//      `pacer:scorecard-rendered` (entrypoints/sidepanel/main.tsx: the first scorecard drawn
//      with data) is read against the navigation's start. Target: ≤ 150 ms. The first open
//      computes and saves the scorecard (lib/scorecard-snapshot.ts); the reopens with data
//      unchanged show the saved one, exact: what a rep sees almost every time.
//   2b. AFTER_WRITE_RUNS times: one call is captured, and 1 s later the panel opened
//      (`..._1s_after_write_...`): by then the background (lib/scorecard-refresh-background.ts)
//      has saved the exact scorecard, and the panel shows it from storage. How long the
//      background took to catch up is `sidepanel_background_caught_up_after_write`.
//   2c. AFTER_WRITE_RUNS times: one call is captured, then the panel opened at once. It shows the
//      saved scorecard marked "Updating…" (`..._after_write_...`) and then the exact one
//      (`pacer:scorecard-exact`, `..._after_write_..._exact`), which the background computes
//      when the panel asks. Whose computation each exact scorecard was is counted
//      (`..._exact_from_background`), and the panel's own computations (the fallback) too.
//   3. With the panel open, 1,000 calls arrive in a burst of 100 capture batches of 10 (the
//      content scripts' message, sent from an extension page). The panel records long tasks
//      (PerformanceObserver 'longtask'), the event loop's worst lag (a 16 ms timer probe, what
//      a keypress would wait), and when its Calls count shows all 1,000: from the burst's start
//      and from the last event stored (`sidepanel_burst_last_event_to_shown`).
//   The load average is printed before each part: the machine is shared, the figures move with it.
//
// Prints `name: value unit` lines. Uses PACER_OUT_DIR's build (default .output); --build builds it first.
// BENCH_EVENTS=20000 for a quick run; BENCH_VERBOSE=1 traces the burst (the background's refreshes,
// its notices, what the panel showed, and a one-row read every 50 ms from a third page: whether
// IndexedDB itself is busy); BENCH_ONLY=burst skips the opens; BENCH_BURST_BATCH sets the events
// per capture batch (10); BENCH_REOPEN_GAP_MS pauses between the reopens of part 2 (0: back to
// back, which costs the next open 50–100 ms while the closed page is torn down).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
// BENCH_BURST_BATCH: events per capture batch in the burst (10: a hundred batches).
const BATCH = Number(process.env.BENCH_BURST_BATCH ?? 10);
const TARGET_FIRST_MS = 150;
const REOPEN_GAP_MS = Number(process.env.BENCH_REOPEN_GAP_MS ?? 0);
// The page's performance entries (entrypoints/sidepanel/main.tsx, lib/scorecard-store.ts); spelled
// out here because the store imports WXT's storage, which does not load in Node.
const RENDERED = 'pacer:scorecard-rendered';
const INPUTS_READ = 'pacer:scorecard-inputs-read';
const COMPUTED = 'pacer:scorecard-computed';
const WINS_COMPUTED = 'pacer:scorecard-wins-computed';
const EXACT = 'pacer:scorecard-exact';
const SNAPSHOT_SHOWN = 'pacer:scorecard-snapshot-shown';
const SHOWN = 'pacer:scorecard-shown';

const outDir = process.env.PACER_OUT_DIR ?? '.output';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const line = (name: string, value: number | string, unit = '') =>
  // NaN: nothing to measure (the panel's own computation when the background answered every time).
  console.log(typeof value === 'number' && Number.isNaN(value) ? `${name}: none` : `${name}: ${typeof value === 'number' ? Math.round(value * 10) / 10 : value}${unit ? ` ${unit}` : ''}`);
/** The 1, 5 and 15 minute load averages, printed beside each part's figures. */
const load = (part: string) => line(`load_average_${part}`, loadavg().map(l => l.toFixed(2)).join(' '));

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
interface Opened {
  page: Page;
  /** The first scorecard drawn with data, and the first exact one (ms from navigation start). */
  ms: number;
  exact: number;
  updatingShown: boolean;
  /** Whose computation the first exact scorecard was: 'background' (a saved snapshot) or 'panel' (its own, the fallback). */
  exactSource: string;
  /** How many scorecards the panel computed itself. */
  computations: number;
  read: number;
  compute: number;
  wins: number;
  snapshot: number;
  loaded: number;
}

async function openOnce(browser: ExtensionBrowser): Promise<Opened> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const ms = await page.waitForFunction(name => performance.getEntriesByName(name)[0]?.startTime, RENDERED, { timeout: 60_000, polling: 20 }).then(h => h.jsonValue() as Promise<number>);
  // The store marks a saved scorecard shown as updating (reading the DOM here could come after the recompute).
  const updatingShown = (await page.evaluate(`performance.getEntriesByName('pacer:scorecard-snapshot-stale').length`)) === 1;
  const exact = await page.waitForFunction(name => performance.getEntriesByName(name)[0]?.startTime, EXACT, { timeout: 60_000, polling: 20 }).then(h => h.jsonValue() as Promise<number>);
  // Let the saved scorecard be current before the page closes (the panel's fallback saves what it computed).
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
      exactSource: (performance.getEntriesByName('${SHOWN}').find(e => e.detail && e.detail.exact) || { detail: { source: 'none' } }).detail.source,
      computations: performance.getEntriesByName('${COMPUTED}').length,
    };
  })()`)) as { read: number; compute: number; wins: number; snapshot: number; loaded: number; exactSource: string; computations: number };
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

/** The saved quarter scorecard's data version (lib/scorecard-snapshot.ts), or -1 when none. */
const SAVED_VERSION = `new Promise(done => {
  const open = indexedDB.open('pacer');
  open.onerror = () => done(-1);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction('scorecardSnapshots').objectStore('scorecardSnapshots').get('quarter');
    get.onsuccess = () => { db.close(); done(get.result ? get.result.dataVersion : -1); };
    get.onerror = () => { db.close(); done(-1); };
  };
})`;

/** One captured call, as a content script sends it: the data changes, the saved scorecard is no longer exact. */
async function captureOne(browser: ExtensionBrowser, n: number, waitForBackgroundMs = 0): Promise<{ caughtUp: number }> {
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
  // Optionally: how long until the background has saved the exact scorecard (polled), and wait out the rest of waitForBackgroundMs.
  const written = Date.now();
  let caughtUp = NaN;
  if (waitForBackgroundMs > 0) {
    const now = await version();
    while (Date.now() - written < 10_000) {
      if ((await sender.evaluate(SAVED_VERSION)) === now) {
        caughtUp = Date.now() - written;
        break;
      }
      await sender.waitForTimeout(20);
    }
    const left = waitForBackgroundMs - (Date.now() - written);
    if (left > 0) await sender.waitForTimeout(left);
  }
  await sender.close();
  return { caughtUp };
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
    // When the store's change notices (Dexie's cross-context channel) reach this page.
    const notices = [];
    const channel = new BroadcastChannel('x-storagemutated-1');
    channel.onmessage = () => notices.push(performance.now());
    // When the background's "saved" notices (lib/scorecard-refresh-background.ts) reach this page.
    const saved = [];
    chrome.runtime.onMessage.addListener(m => { if (m && m.pacer === 'scorecardSaved') saved.push([performance.now(), m.data.period, m.data.dataVersion]); });
    window.__bench = { longtasks, notices, saved, maxLag: 0, stop: () => { clearInterval(id); observer.disconnect(); channel.close(); window.__bench.maxLag = maxLag; } };
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
  // BENCH_VERBOSE: a third page reads one row every 50 ms through the burst and after it: when is the database itself busy?
  const prober = process.env.BENCH_VERBOSE ? await browser.extensionPage('popup.html') : undefined;
  const probing = prober?.evaluate(`(async () => {
    const out = [];
    const t0 = Date.now();
    while (Date.now() - t0 < 9000) {
      const t = Date.now();
      await ${DATA_VERSION};
      out.push([t - t0, Date.now() - t]);
      await new Promise(r => setTimeout(r, 50));
    }
    return out;
  })()`) as Promise<[number, number][]> | undefined;
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
  const trace = (await panel.evaluate(`(() => {
    const since = e => Math.round(e - ${burstStart});
    const n = window.__bench.notices;
    return { notices: n.length, firstNotice: n.length ? since(n[0]) : NaN, lastNotice: n.length ? since(n[n.length - 1]) : NaN,
      reads: performance.getEntriesByName('${INPUTS_READ}').filter(e => e.startTime >= ${burstStart}).map(e => since(e.startTime)),
      saved: window.__bench.saved.map(([t, p, v]) => [since(t), p, v]),
      shown: performance.getEntriesByName('${SHOWN}').filter(e => e.startTime >= ${burstStart}).map(e => [since(e.startTime), e.detail.source, e.detail.dataVersion, e.detail.exact]) };
  })()`)) as { notices: number; firstNotice: number; lastNotice: number; reads: number[] };
  // The worker's side (lib/scorecard-refresh.ts marks), on the panel's clock.
  const panelOrigin = (await panel.evaluate('performance.timeOrigin')) as number;
  const worker = browser.context.serviceWorkers().find(w => w.url().startsWith('chrome-extension://'));
  const workerTrace = worker
    ? await worker.evaluate(
        `(() => ['pacer:refresh-begun', 'pacer:refresh-inputs-read', 'pacer:refresh-saved'].flatMap(n => performance.getEntriesByName(n).map(e => [n.slice(13), performance.timeOrigin + e.startTime, e.detail])))()`,
      ) as [string, number, unknown][]
    : [];
  const burstEpoch = panelOrigin + burstStart;
  if (probing) {
    const probes = (await probing).filter(([, took]) => took > 30);
    console.log(`one-row reads taking > 30 ms [ms after burst start, ms taken]: ${JSON.stringify(probes)}`);
    await prober!.close();
  }
  if (process.env.BENCH_VERBOSE) {
    console.log(`burst trace [ms after burst start]: ${JSON.stringify(trace)}`);
    console.log(`worker refreshes [ms after burst start]: ${JSON.stringify(workerTrace.filter(([, t]) => t >= burstEpoch - 2000).sort((a, b) => a[1] - b[1]).map(([n, t, d]) => [n, Math.round(t - burstEpoch), d]))}`);
  }
  const rebuilds = (await panel.evaluate(`performance.getEntriesByName('${COMPUTED}').filter(e => e.startTime >= ${burstStart}).map(e => [Math.round(e.startTime - ${burstStart}), Math.round(e.duration)])`)) as [number, number][];
  await sender.close();
  line('sidepanel_burst_scorecard_rebuilds', rebuilds.length, 'count');
  if (process.env.BENCH_VERBOSE) console.log(`rebuilds [ms after burst start, ms spent]: ${JSON.stringify(rebuilds)}`);
  line('sidepanel_burst_1000_events_stored', acked, 'ms');
  line('sidepanel_burst_1000_events_shown', shown, 'ms');
  line('sidepanel_burst_last_event_to_shown', shown - acked, 'ms');
  line('sidepanel_burst_panel_computations', (await panel.evaluate(`performance.getEntriesByName('${COMPUTED}').filter(e => e.startTime >= ${burstStart}).length`)) as number, 'count');
  line('sidepanel_burst_longest_task', longtasks.length ? Math.max(...longtasks) : 0, 'ms');
  line('sidepanel_burst_long_tasks', longtasks.length, 'count');
  line('sidepanel_burst_max_input_delay', maxLag, 'ms');
}

async function main(): Promise<void> {
  ensureBuild();
  const browser = await launchWithExtension({ extensionDir: resolve(outDir, 'chrome-mv3') });
  try {
    load('seed');
    await seed(browser);
    await settle(browser);
    // BENCH_ONLY=burst skips the opens (a quicker look at the burst alone).
    const only = process.env.BENCH_ONLY;
    if (!only) await reopens(browser);
    if (!only) await afterWrites(browser, 'wait');
    const last = only ? (await openOnce(browser)).page : await afterWrites(browser, 'at-once');
    load('burst');
    await burst(browser, last);
  } finally {
    await browser.close();
  }
}

/**
 * After the import's many write transactions IndexedDB stays busy for a while (every read
 * waits; see lib/capture-coalesce.ts): a rep opens the panel long after an import, so the
 * opens are measured once a one-row read answers at once again (three in a row under 20 ms).
 */
async function settle(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.extensionPage('popup.html');
  const started = Date.now();
  let quick = 0;
  while (quick < 3 && Date.now() - started < 60_000) {
    const t = Date.now();
    await page.evaluate(DATA_VERSION);
    quick = Date.now() - t < 20 ? quick + 1 : 0;
    await page.waitForTimeout(100);
  }
  await page.close();
  line('sidepanel_seed_settled_after', (Date.now() - started) / 1000, 's');
}

/** (a) Reopens with data unchanged: the saved scorecard, exact. */
async function reopens(browser: ExtensionBrowser): Promise<void> {
  load('reopen');
  const times: number[] = [];
  const exacts: number[] = [];
  const loaded: number[] = [];
  const snapshots: number[] = [];
  let stale = 0;
  let computations = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await openOnce(browser);
    times.push(r.ms);
    if (i > 0) {
      exacts.push(r.exact);
      loaded.push(r.loaded);
      snapshots.push(r.snapshot);
      computations += r.computations;
      if (r.updatingShown) stale++;
    }
    await r.page.close();
    // BENCH_REOPEN_GAP_MS: a pause between closing the panel and opening it again (0: back to back).
    if (REOPEN_GAP_MS) await new Promise(done => setTimeout(done, REOPEN_GAP_MS));
  }
  // The first open after the import: reported apart (caches cold; the background may still be computing after the import).
  const warm = times.slice(1);
  line('sidepanel_first_scorecard_cold', times[0]!, 'ms');
  line('sidepanel_first_scorecard_100k_events', median(warm), 'ms');
  line('sidepanel_first_scorecard_100k_events_max', Math.max(...warm), 'ms');
  line('sidepanel_first_scorecard_100k_events_exact', median(exacts), 'ms');
  line('sidepanel_reopen_marked_updating', stale, 'count'); // data unchanged: must be 0
  line('sidepanel_reopen_panel_computations', computations, 'count'); // must be 0
  // Where the reopen's time goes: the page's scripts loaded, the saved scorecard read (then drawn).
  line('sidepanel_reopen_page_loaded_at', median(loaded), 'ms');
  line('sidepanel_reopen_snapshot_read_at', median(snapshots), 'ms');
  console.log(`target sidepanel_first_scorecard_100k_events ≤ ${TARGET_FIRST_MS} ms: ${median(warm) <= TARGET_FIRST_MS ? 'met' : 'MISSED'}`);
}

/**
 * (b) 'wait': a capture, then the panel opened 1 s later; (c) 'at-once': opened as soon as the
 * write is stored. Returns the last panel, left open (the burst runs in it).
 */
async function afterWrites(browser: ExtensionBrowser, when: 'wait' | 'at-once'): Promise<Page> {
  load(when === 'wait' ? '1s_after_write' : 'after_write');
  const name = when === 'wait' ? 'sidepanel_first_scorecard_1s_after_write_100k_events' : 'sidepanel_first_scorecard_after_write_100k_events';
  const marked: number[] = [];
  const exact: number[] = [];
  const reads: number[] = [];
  const computes: number[] = [];
  const wins: number[] = [];
  const caughtUp: number[] = [];
  const flags: [boolean, string][] = [];
  let shownUpdating = 0;
  let fromBackground = 0;
  let computations = 0;
  let last: Page | undefined;
  for (let i = 0; i < AFTER_WRITE_RUNS; i++) {
    const w = await captureOne(browser, when === 'wait' ? 100 + i : i, when === 'wait' ? 1_000 : 0);
    if (w.caughtUp === w.caughtUp) caughtUp.push(w.caughtUp);
    const r = await openOnce(browser);
    marked.push(r.ms);
    exact.push(r.exact);
    if (r.read === r.read) reads.push(r.read);
    if (r.compute === r.compute) computes.push(r.compute);
    if (r.wins === r.wins) wins.push(r.wins);
    if (r.updatingShown) shownUpdating++;
    if (r.exactSource === 'background') fromBackground++;
    computations += r.computations;
    flags.push([r.updatingShown, r.exactSource]);
    if (i < AFTER_WRITE_RUNS - 1 || when === 'wait') await r.page.close();
    else last = r.page;
  }
  if (process.env.BENCH_VERBOSE) console.log(`${name} [shown, exact] ms, [marked, source]: ${JSON.stringify(marked.map((m, i) => [Math.round(m), Math.round(exact[i]!), flags[i]]))}`);
  line(name, median(marked), 'ms');
  line(`${name}_exact`, median(exact), 'ms');
  line(`${name}_exact_max`, Math.max(...exact), 'ms');
  line(`${name.replace('first_scorecard_', '')}_marked_updating`.replace('100k_events_', ''), `${shownUpdating}/${AFTER_WRITE_RUNS}`, 'opens');
  line(`${name}_exact_from_background`, `${fromBackground}/${AFTER_WRITE_RUNS}`, 'opens');
  line(`${name}_panel_computations`, computations, 'count');
  if (when === 'wait') {
    line('sidepanel_background_caught_up_after_write', caughtUp.length ? median(caughtUp) : NaN, 'ms');
    line('sidepanel_background_caught_up_after_write_max', caughtUp.length ? Math.max(...caughtUp) : NaN, 'ms');
  } else {
    // The panel's own reads and computations, when it fell back to them (none when the background answered).
    line('sidepanel_scorecard_inputs_read_at', reads.length ? median(reads) : NaN, 'ms');
    line('sidepanel_scorecard_compute', computes.length ? median(computes) : NaN, 'ms');
    line('sidepanel_chart_wins_compute', wins.length ? median(wins) : NaN, 'ms');
  }
  console.log(`target ${name} ≤ ${TARGET_FIRST_MS} ms${when === 'at-once' ? ' (marked "Updating…")' : ''}: ${median(marked) <= TARGET_FIRST_MS ? 'met' : 'MISSED'}`);
  console.log(`target ${name}_exact ≤ ${TARGET_FIRST_MS} ms: ${median(exact) <= TARGET_FIRST_MS ? 'met' : 'MISSED'}`);
  return last!;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
