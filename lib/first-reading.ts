// When a content script reads a page for the first time. Reading at once, inside the
// script's own evaluation, put a cold reading into the page's loading task, and the
// CRM scripts read a second time as soon as the rep's identity came from storage
// (issue #9: a page load cost two readings). Now the first reading waits for the
// page to be idle and, on a CRM, for the identity, so a load costs one reading; and
// it never waits longer than FIRST_READ_MAX_MS, so a page's reading still reaches the
// store within a second (then the outbox's flush and the background's write).

/** The idle callback's own deadline: a busy page still gets read this soon. */
export const FIRST_READ_IDLE_MS = 300;
/** The latest the first reading happens, identity or not, idle or not. */
export const FIRST_READ_MAX_MS = 500;

export interface FirstReadingOptions {
  read(): void;
  /** Whether a reading already happened (a mutation or a navigation may come first). */
  hasRead(): boolean;
  /** Wait for `identityArrived()` too (CRMs that name the rep on activities). */
  needsIdentity: boolean;
  setTimeout(fn: () => void, ms: number): unknown;
  /** Defaults to `requestIdleCallback`, or a zero timeout where there is none. */
  whenIdle?(fn: () => void, timeoutMs: number): void;
  alive?(): boolean;
}

export interface FirstReading {
  /** The identity is known. True when the first reading is still to come and will use it; false when the caller must re-read. */
  identityArrived(): boolean;
}

const idleCallback = (setTimeoutFn: FirstReadingOptions['setTimeout']) => (fn: () => void, timeoutMs: number) => {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => unknown }).requestIdleCallback;
  if (typeof ric === 'function') ric(fn, { timeout: timeoutMs });
  else setTimeoutFn(fn, 0);
};

export function firstReading(o: FirstReadingOptions): FirstReading {
  let idle = false;
  let identity = !o.needsIdentity;
  const go = () => {
    if (!o.hasRead() && (o.alive?.() ?? true)) o.read();
  };
  (o.whenIdle ?? idleCallback(o.setTimeout))(() => {
    idle = true;
    if (identity) go();
  }, FIRST_READ_IDLE_MS);
  o.setTimeout(go, FIRST_READ_MAX_MS);
  return {
    identityArrived() {
      identity = true;
      if (o.hasRead()) return false;
      // From a task of its own, not inside the storage promise's callback: a reading in a
      // microtask is invisible to DevTools' script attribution (and to bench:page's figures).
      if (idle) o.setTimeout(go, 0);
      return true;
    },
  };
}
