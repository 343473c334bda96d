// The one way Pacer listens to Dexie's `storagemutated` (commits here and, through Dexie's
// BroadcastChannel, in other contexts).
//
// Why a wrapper: Dexie calls these listeners as a *stoppable* chain, newest first. A listener
// that returns `false` stops every one registered before it: the liveQuery subscriptions
// (the sync line's waiting count, the options page) and Dexie's own broadcast to the other
// contexts. A tidy arrow like `parts => matches(parts) && refresh()` returns false whenever
// the commit doesn't match, and silently froze those. Listeners here never return a value.
import Dexie, { type ObservabilitySet } from 'dexie';

/** Calls `listener` with each commit's changed parts; returns the unsubscribe function. */
export function onStorageMutated(listener: (parts: ObservabilitySet) => void): () => void {
  const wrapped = (parts: ObservabilitySet): void => {
    listener(parts);
  };
  Dexie.on('storagemutated', wrapped);
  return () => Dexie.on.storagemutated.unsubscribe(wrapped);
}
