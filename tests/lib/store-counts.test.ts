// The popup's "Today" and "This week" counts: days and weeks start where the rep's plan says
// (its time zone and week start), as the scorecard's do, and move when the plan changes.
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPlan } from '../../lib/metrics/plan';
import type { ActivityEvent } from '../../lib/model';
import { planSettings } from '../../lib/settings';
import { db, now, periodOptions, todayCounts, watchTodayCounts, watchWeekCounts, weekCounts } from '../../lib/store';

const ZONE = 'America/New_York';
// Wednesday 25 November 2026, noon in New York.
const WEDNESDAY_NOON = new Date('2026-11-25T17:00:00Z');

const call = (id: string, at: string): ActivityEvent => ({ id, type: 'call', at, site: 'salesforce', url: 'https://x.lightning.force.com/', capturedAt: at });

/** Resolves once `read()` gives `expected`; the counts arrive through liveQuery. */
async function until<T>(read: () => T, expected: T): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (JSON.stringify(read()) === JSON.stringify(expected)) return;
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  expect(read()).toEqual(expected);
}

const calls = (counts: typeof weekCounts.value) => (counts.status === 'ready' ? counts.value.call ?? 0 : counts.status);

let stops: (() => void)[] = [];
beforeEach(async () => {
  fakeBrowser.reset();
  await db().events.clear();
  periodOptions.value = undefined;
  weekCounts.value = { status: 'loading' };
  todayCounts.value = { status: 'loading' };
  now.value = WEDNESDAY_NOON;
  await db().events.bulkAdd([
    // Sunday afternoon in New York: this week when weeks start on Sunday, last week when on Monday.
    call('sunday', '2026-11-22T20:00:00Z'),
    // Tuesday 22:00 in New York, but already Wednesday in UTC: not today for a New York rep.
    call('tuesday-night', '2026-11-25T03:00:00Z'),
    // Wednesday morning in New York.
    call('wednesday', '2026-11-25T14:00:00Z'),
  ]);
});
afterEach(() => {
  stops.forEach(stop => stop());
  stops = [];
});

describe('the popup counts', () => {
  it('count today and this week in the plan’s time zone, from its week start', async () => {
    await planSettings.setValue({ ...defaultPlan(ZONE), weekStartsOn: 0 });
    stops = [watchTodayCounts(), watchWeekCounts()];
    await until(() => calls(todayCounts.value), 1);
    await until(() => calls(weekCounts.value), 3);
  });

  it('move when the plan’s week start changes', async () => {
    await planSettings.setValue({ ...defaultPlan(ZONE), weekStartsOn: 0 });
    stops = [watchWeekCounts()];
    await until(() => calls(weekCounts.value), 3);
    await planSettings.setValue({ ...defaultPlan(ZONE), weekStartsOn: 1 });
    await until(() => calls(weekCounts.value), 2);
  });

  it('say so when the plan’s time zone is not one this browser knows, instead of throwing', async () => {
    await planSettings.setValue({ ...defaultPlan(ZONE), timeZone: 'Mars/Olympus_Mons' });
    stops = [watchWeekCounts()];
    await until(() => weekCounts.value.status, 'error');
  });
});
