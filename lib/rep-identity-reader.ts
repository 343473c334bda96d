// Content scripts read the rep's identity straight from sync storage: WXT's storage
// wrapper (versions, migrations, locks) adds about 8 KB to every CRM content script,
// and they only ever read this one item (issue #9: content scripts ≤ 25 KB gzipped).
import { browser } from 'wxt/browser';
import type { RepIdentity } from './model';

/** The sync-storage key behind `repIdentity` in lib/settings.ts ('sync:rep'); a test keeps the two in step. */
export const REP_IDENTITY_KEY = 'rep';

const orEmpty = (value: unknown): RepIdentity => {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<RepIdentity>;
  return { name: typeof v.name === 'string' ? v.name : '', email: typeof v.email === 'string' ? v.email : '' };
};

/** Calls `onValue` with the stored identity now and on every change; returns the unsubscribe. */
export function watchRepIdentity(onValue: (rep: RepIdentity) => void, onError: (error: unknown) => void): () => void {
  browser.storage.sync.get(REP_IDENTITY_KEY).then(items => onValue(orEmpty(items[REP_IDENTITY_KEY])), onError);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && REP_IDENTITY_KEY in changes) onValue(orEmpty(changes[REP_IDENTITY_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
