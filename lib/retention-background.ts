// The retention alarm (issue #8): once a day, and whenever the setting changes,
// events older than the rep's period are deleted through lib/retention.ts.
import { browser } from 'wxt/browser';
import type { PacerDb } from './db';
import { ALARM_NAME, ALARM_PERIOD_MINUTES, applyRetention } from './retention';
import { retentionSettings } from './retention-settings';
import { planSettings } from './settings';

export async function runRetention(db: PacerDb, now = new Date()): Promise<number> {
  const [settings, plan] = await Promise.all([retentionSettings.getValue(), planSettings.getValue()]);
  return applyRetention(db, settings, now, plan.timeZone);
}

/** Registers the alarm (idempotent) and its listener; call from the background's synchronous main. */
export function startRetention(db: PacerDb) {
  const run = () => void runRetention(db).catch(error => console.warn('[pacer] retention:', error));
  browser.alarms.onAlarm.addListener(alarm => {
    if (alarm.name === ALARM_NAME) run();
  });
  void browser.alarms.get(ALARM_NAME).then(existing => {
    if (!existing) void browser.alarms.create(ALARM_NAME, { periodInMinutes: ALARM_PERIOD_MINUTES, delayInMinutes: 1 });
  });
  retentionSettings.watch(run);
}
