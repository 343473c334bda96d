// When the background syncs (issue #7): the schedule and new data wait out the backoff after
// a failure; the retry alarm, "Sync now" and a new token do not. Against WXT's fake browser
// and fake-indexeddb, with the team server answering through a stubbed fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import { requestSync } from '../../lib/sync-background';
import { syncStatus, teamSyncSettings, teamToken } from '../../lib/sync-state';

let db: PacerDb;
let alarms: { name: string; when?: number }[];
beforeEach(async () => {
  fakeBrowser.reset();
  alarms = [];
  vi.spyOn(fakeBrowser.alarms, 'create').mockImplementation((async (name: string, info: { when?: number }) => void alarms.push({ name, when: info.when })) as never);
  vi.spyOn(fakeBrowser.alarms, 'clear').mockResolvedValue(true as never);
  vi.spyOn(fakeBrowser.alarms, 'get').mockResolvedValue(undefined as never);
  db = openDb(`bg-${crypto.randomUUID()}`);
  await db.events.add({ id: 'e1', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-27T10:00:00.000Z' });
  await teamToken.setValue('x'.repeat(40));
  await teamSyncSettings.setValue({ url: 'https://pacer.example.com', enabled: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('the background’s schedule', () => {
  it('after a failure, a scheduled run waits for the retry time; a forced one goes now', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"message":"token revoked"}', { status: 401 }));
    const failed = await requestSync(db);
    expect(failed).toMatchObject({ failures: 1, lastError: expect.stringContaining('token revoked') });
    expect(alarms.at(-1)).toEqual({ name: 'pacer-sync-retry', when: Date.parse(failed.nextRetryAt!) });
    const calls = fetch.mock.calls.length;

    await requestSync(db, { whenDue: true });
    expect(fetch.mock.calls.length).toBe(calls);
    expect((await syncStatus.getValue()).failures).toBe(1);

    await requestSync(db);
    expect(fetch.mock.calls.length).toBeGreaterThan(calls);
    expect((await syncStatus.getValue()).failures).toBe(2);
  });

  it('does nothing while sync is off, but keeps counting what waits', async () => {
    await teamSyncSettings.setValue({ url: 'https://pacer.example.com', enabled: false });
    const fetch = vi.spyOn(globalThis, 'fetch');
    const status = await requestSync(db);
    expect(fetch).not.toHaveBeenCalled();
    expect(status).toMatchObject({ waiting: { events: 1, deals: 0, erasures: 0 } });
    expect(status).not.toHaveProperty('lastError');
  });

  it('says so in words when the URL is plain http to another machine, and sends nothing', async () => {
    await teamSyncSettings.setValue({ url: 'http://pacer.example.com', enabled: true });
    const fetch = vi.spyOn(globalThis, 'fetch');
    const status = await requestSync(db);
    expect(fetch).not.toHaveBeenCalled();
    expect(status.lastError).toContain('Plain http:// is refused');
  });
});
