// Pacer's own change listeners never silence anyone else's (the bug: the background's scorecard
// refresh listener returned `false` for a commit it didn't care about, and Dexie's stoppable
// chain then skipped every liveQuery and the cross-context broadcast registered before it, so
// the sync line's "events waiting" froze after a push).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import { startScorecardRefresh } from '../../lib/scorecard-refresh-background';
import { onStorageMutated } from '../../lib/storage-mutated';
import { waitingEstimate } from '../../lib/sync';
import { watchWrites } from '../../lib/scorecard-store';

let db: PacerDb;
const stops: (() => void)[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`mutated-${crypto.randomUUID()}`);
});
afterEach(async () => {
  while (stops.length) stops.pop()!();
  db.close();
  await Dexie.delete(db.name);
});

/** The waiting counts a liveQuery subscribed now reports, newest last. */
function watchWaiting() {
  const seen: number[] = [];
  const sub = liveQuery(() => waitingEstimate(db)).subscribe({ next: w => seen.push(w.events) });
  stops.push(() => sub.unsubscribe());
  return seen;
}

const ack = (id: string) => db.syncedEvents.put({ id, at: '2026-11-27T10:00:00.000Z' });
const event = (id: string) =>
  db.events.put({ id, type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'https://x/', capturedAt: '2026-11-27T10:00:00.000Z' });

describe("Dexie's storagemutated chain (why onStorageMutated exists)", () => {
  it('a raw listener returning false stops the liveQuery registered before it', async () => {
    const seen = watchWaiting();
    await event('e1');
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    const stop = () => false;
    Dexie.on('storagemutated', stop);
    stops.push(() => Dexie.on.storagemutated.unsubscribe(stop));
    await ack('e1');
    await new Promise(r => setTimeout(r, 100));
    expect(seen.at(-1)).toBe(1); // frozen: the bug, in Dexie's terms
  });
});

describe('onStorageMutated', () => {
  it('never stops the chain, whatever the listener returns', async () => {
    const heard: string[][] = [];
    const early = (parts: Record<string, unknown>) => void heard.push(Object.keys(parts));
    Dexie.on('storagemutated', early);
    stops.push(() => Dexie.on.storagemutated.unsubscribe(early));
    stops.push(onStorageMutated((() => false) as unknown as () => void));
    await db.open();
    await new Promise(r => setTimeout(r, 50));
    heard.length = 0;
    await ack('e1');
    await vi.waitFor(() => expect(heard.some(keys => keys.some(key => key.startsWith(`idb://${db.name}/syncedEvents/`)))).toBe(true));
  });

  it("the background's scorecard refresh and the panel's watch let a sync acknowledgement reach the listeners before them", async () => {
    // Registered first, like Dexie's own broadcast to the other contexts (the options page,
    // the side panel's sync line), which is called last in the chain.
    const heard: string[][] = [];
    const early = (parts: Record<string, unknown>) => void heard.push(Object.keys(parts));
    Dexie.on('storagemutated', early);
    stops.push(() => Dexie.on.storagemutated.unsubscribe(early));
    stops.push(startScorecardRefresh(db));
    stops.push(watchWrites(db, async () => 0, () => undefined, () => undefined));
    await db.open();
    await new Promise(r => setTimeout(r, 50)); // the creation's own commit (every table) is not the one under test
    heard.length = 0;
    await ack('e1');
    const ackOnly = (keys: string[]) => keys.length > 0 && keys.every(key => key.startsWith(`idb://${db.name}/syncedEvents/`));
    await vi.waitFor(() => expect(heard.some(ackOnly)).toBe(true));
  });
});

describe('the source', () => {
  it("subscribes to storagemutated only through lib/storage-mutated.ts", () => {
    const root = fileURLToPath(new NodeURL('../../', import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap(name => {
        const path = join(dir, name);
        return statSync(join(root, path)).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const offenders = ['lib', 'components', 'entrypoints']
      .flatMap(files)
      .filter(f => f !== join('lib', 'storage-mutated.ts'))
      .filter(f => /on\(\s*['"]storagemutated['"]|storagemutated\.subscribe/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
