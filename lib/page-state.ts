// What the content script last read on each tab, kept in session storage so the
// side panel can show "this page" without asking the content script.
import { browser } from 'wxt/browser';
import type { PageState } from './messages';

export const pageStateKey = (tabId: number) => `page:${tabId}`;

const isWebPage = (url: string | undefined) => !!url && /^https?:/.test(url);

/** The tab the rep is looking at: the active web tab, or the most recently used one when an extension page has focus. */
export async function activeWebTab(): Promise<{ id: number; url: string } | undefined> {
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id !== undefined && isWebPage(active.url)) return { id: active.id, url: active.url! };
  const tabs = (await browser.tabs.query({})).filter(t => t.id !== undefined && isWebPage(t.url));
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const recent = tabs[0];
  return recent ? { id: recent.id!, url: recent.url! } : undefined;
}

export async function pageStateOf(tabId: number): Promise<PageState | undefined> {
  const key = pageStateKey(tabId);
  const stored = await browser.storage.session.get(key);
  return stored[key] as PageState | undefined;
}

/** Calls back with the active tab's page state now and whenever it or the active tab changes. */
export function watchActivePage(callback: (tab: { id: number; url: string } | undefined, state: PageState | undefined) => void) {
  let disposed = false;
  const refresh = async () => {
    const tab = await activeWebTab();
    const state = tab ? await pageStateOf(tab.id) : undefined;
    if (!disposed) callback(tab, state);
  };
  const onStorage = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some(k => k.startsWith('page:'))) void refresh();
  };
  const onTab = () => void refresh();
  browser.storage.session.onChanged.addListener(onStorage);
  browser.tabs.onActivated.addListener(onTab);
  browser.tabs.onUpdated.addListener(onTab);
  void refresh();
  return () => {
    disposed = true;
    browser.storage.session.onChanged.removeListener(onStorage);
    browser.tabs.onActivated.removeListener(onTab);
    browser.tabs.onUpdated.removeListener(onTab);
  };
}
