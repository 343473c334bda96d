// The retention alarm in the background (issue #8), against WXT's fake browser.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import { addNewEvents, captureTables } from '../../lib/ingest';
import type { ActivityEvent } from '../../lib/model';
import { ALARM_NAME, ALARM_PERIOD_MINUTES } from '../../lib/retention';
import { startRetention } from '../../lib/retention-background';
import { retentionSettings } from '../../lib/retention-settings';

let db: PacerDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`retention-bg-${crypto.randomUUID()}`);
});
afterEach(async () => { await db.delete(); });

const event = (id: string, at: string): ActivityEvent => ({ id, type: 'call', at, site: 'salesforce', url: 'u', capturedAt: at });
const settle = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise(r => setTimeout(r, 20));
};

const seed = async () => {
  const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
  const recent = new Date(Date.now() - 86_400_000).toISOString();
  await db.transaction('rw', captureTables(db), () => addNewEvents(db, [event('old', old), event('recent', recent)], 'UTC'));
};

describe('the retention alarm', () => {
  it('is created once, daily', async () => {
    startRetention(db);
    await settle(async () => !!(await fakeBrowser.alarms.get(ALARM_NAME)));
    expect((await fakeBrowser.alarms.get(ALARM_NAME))?.periodInMinutes).toBe(ALARM_PERIOD_MINUTES);
  });

  it('when it fires, deletes the events older than the period, tombstoned', async () => {
    await seed();
    await retentionSettings.setValue({ months: 12 });
    startRetention(db);
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_NAME, scheduledTime: Date.now() });
    await settle(async () => (await db.events.count()) === 1);
    expect((await db.events.toArray()).map(e => e.id)).toEqual(['recent']);
    expect((await db.tombstones.toArray()).map(t => t.id)).toEqual(['old']);
  });

  it('keeps everything by default, and applies a changed setting at once', async () => {
    await seed();
    startRetention(db);
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_NAME, scheduledTime: Date.now() });
    await new Promise(r => setTimeout(r, 100));
    expect(await db.events.count()).toBe(2);
    await retentionSettings.setValue({ months: 12 });
    await settle(async () => (await db.events.count()) === 1);
    expect((await db.events.toArray()).map(e => e.id)).toEqual(['recent']);
  });
});
