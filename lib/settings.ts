// Settings that follow the rep across browsers (sync storage), versioned so a
// later shape can migrate the old one.
import { storage } from '#imports';
import { defaultPlan, type Plan } from './metrics/plan';
import type { RepIdentity } from './model';
import { defaultCaptureSettings, type CaptureSettings } from './privacy';

export const repIdentity = storage.defineItem<RepIdentity>('sync:rep', {
  fallback: { name: '', email: '' },
  version: 1,
});

/** Local only: whether capture is paused, and who is never recorded. */
export const captureSettings = storage.defineItem<CaptureSettings>('local:capture', {
  fallback: defaultCaptureSettings(),
  version: 1,
});

// A type, not an interface: WXT wants metadata assignable to Record<string, unknown>.
export type PlanMeta = {
  /**
   * The local date each revision (by its effectiveFrom) was first saved. A revision in force
   * before today is history and read-only, except on the day it was entered, so a typo in
   * a plan entered today can still be fixed. Revisions without an entry are history.
   */
  enteredOn?: Record<string, string>;
};

/**
 * The rep's plan: quota revisions, targets, stages, commission (issue #5).
 * Local, not sync: sync storage allows 8 KB per item (100 KB in all), and a plan with
 * years of quarterly revisions, long stage lists and holidays outgrows that; a write past
 * the quota fails, so the rep would lose an edit rather than gain a copy elsewhere.
 * Written only after validatePlan accepts it. The fallback (defaultPlan, in this
 * browser's time zone) is one shared object: read it, never mutate it.
 */
export const planSettings = storage.defineItem<Plan, PlanMeta>('local:plan', {
  fallback: defaultPlan(),
  version: 1,
  migrations: {},
});
