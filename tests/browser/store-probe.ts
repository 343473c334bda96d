// Reads the extension's IndexedDB from one of its own pages, with the raw API,
// so the tests check what is stored independently of Pacer's own code.
import type { Page } from 'playwright-core';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';

export async function readStore(page: Page): Promise<{ events: ActivityEvent[]; deals: DealSnapshot[] }> {
  return page.evaluate(
    () =>
      new Promise<{ events: ActivityEvent[]; deals: DealSnapshot[] }>((resolve, reject) => {
        const open = indexedDB.open('pacer');
        let created = false;
        // Never create the database from the test: that would race Pacer's own first open.
        open.onupgradeneeded = () => {
          created = true;
          open.transaction!.abort();
        };
        open.onerror = () => (created ? resolve({ events: [], deals: [] }) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const names = ['events', 'deals'].filter(n => db.objectStoreNames.contains(n));
          if (names.length < 2) {
            db.close();
            return resolve({ events: [], deals: [] });
          }
          const tx = db.transaction(names, 'readonly');
          const events = tx.objectStore('events').getAll();
          const deals = tx.objectStore('deals').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ events: events.result, deals: deals.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Polls until `check` passes or the time runs out; returns the last reading either way. */
export async function waitForStore<T>(page: Page, check: (s: Awaited<ReturnType<typeof readStore>>) => T | undefined, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const store = await readStore(page);
    const result = check(store);
    if (result !== undefined && result !== false) return { store, result };
    if (Date.now() > deadline) return { store, result };
    await page.waitForTimeout(100);
  }
}

/** One row of Pacer's sightings: the Save clicks and timeline rows seen for one record/type/day. */
export interface SightingRow {
  fingerprint: string;
  actions: string[];
  timeline: string[];
}

/** Every sightings row, read with the raw API (never creating Pacer's database). */
export async function readSightings(page: Page): Promise<SightingRow[]> {
  return page.evaluate(
    () =>
      new Promise<SightingRow[]>((resolve, reject) => {
        const open = indexedDB.open('pacer');
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sightings')) return (db.close(), resolve([]));
          const req = db.transaction('sightings', 'readonly').objectStore('sightings').getAll();
          req.onsuccess = () => (db.close(), resolve(req.result as SightingRow[]));
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Polls until the sighting with this fingerprint passes `check`. */
export async function waitForSighting(page: Page, fingerprint: string, check: (row: SightingRow) => boolean, timeoutMs = 15_000): Promise<SightingRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = (await readSightings(page)).find(r => r.fingerprint === fingerprint);
    if (row && check(row)) return row;
    if (Date.now() > deadline) throw new Error(`Sighting ${fingerprint}: ${JSON.stringify(row)}`);
    await page.waitForTimeout(100);
  }
}
