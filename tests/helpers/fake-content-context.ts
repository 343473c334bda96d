// A content-script context (WXT's ContentScriptContext) with the parts Pacer's content
// scripts use, for running them in happy-dom: timers and listeners are real, and
// `invalidate()` does what the extension's reload does to a running script.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function fakeContext() {
  const cleanups: (() => void)[] = [];
  let invalid = false;
  const ctx = {
    get isInvalid() {
      return invalid;
    },
    // As WXT's does: each call adds an invalidation listener that is never taken away again.
    setTimeout: (fn: () => void, ms: number) => {
      const id = window.setTimeout(() => {
        if (!invalid) fn();
      }, ms);
      cleanups.push(() => window.clearTimeout(id));
      return id;
    },
    setInterval: (fn: () => void, ms: number) => {
      const id = window.setInterval(fn, ms);
      cleanups.push(() => window.clearInterval(id));
      return id;
    },
    addEventListener: (target: EventTarget, type: string, fn: EventListener, options?: AddEventListenerOptions) => {
      target.addEventListener(type, fn, options);
      cleanups.push(() => target.removeEventListener(type, fn, options));
    },
    onInvalidated: (fn: () => void) => void cleanups.push(fn),
  };
  return {
    ctx: ctx as unknown as ContentScriptContext,
    /** How many listeners wait for the context's end: grows with every ctx.setTimeout call, as in WXT. */
    pendingCleanups: () => cleanups.length,
    invalidate() {
      invalid = true;
      for (const fn of cleanups.splice(0)) fn();
    },
  };
}
