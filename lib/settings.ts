// Settings that follow the rep across browsers (sync storage), versioned so a
// later shape can migrate the old one.
import { storage } from '#imports';
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
