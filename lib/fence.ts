// Content scripts run inside someone else's page: an exception in Pacer must
// never reach it. Every callback a content script registers goes through a fence
// that reports the error to the background (adapter health) instead.
import { sendMessage } from './messages';
import type { SiteId } from './model';

export type Fence = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void;

export function fenceFor(site: SiteId): { report(error: unknown): void; fenced: Fence } {
  const report = (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    sendMessage('reportError', { site, message }).catch(() => {});
  };
  const fenced: Fence =
    fn =>
    (...args) => {
      try {
        fn(...args);
      } catch (error) {
        report(error);
      }
    };
  return { report, fenced };
}
