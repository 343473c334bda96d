// The one typed message map between content scripts, extension pages and the
// background. A tiny wrapper over runtime messaging instead of another dependency.
import { browser, type Browser } from 'wxt/browser';
import type { CaptureAck, CaptureBatch } from './capture-batch';
import type { SiteId } from './model';
import type { SnapshotNotice } from './scorecard-snapshot';
import type { Health, PageReading, PersonReading } from './sites/types';
import type { SyncStatus } from './sync-state';

/** A CRM lead or contact, or a LinkedIn profile. */
export type PagePerson = Pick<PersonReading, 'name' | 'email' | 'company' | 'title' | 'linkedinUrl'> & {
  crmId?: string;
  recordType: PersonReading['recordType'] | 'linkedin';
};

/** What the content script last read on a tab, for the side panel's "this page". */
export interface PageState {
  site: SiteId;
  url: string;
  kind: PageReading['kind'];
  dealId?: string;
  /** `site:recordId` of the lead or contact on a person page. */
  personId?: string;
  /** What a person page shows of them (session storage only, for the side panel). */
  person?: PagePerson;
  /** The canonical LinkedIn profile URL on a LinkedIn profile page. */
  profileUrl?: string;
  /** How many deals a list view or board shows. */
  rows?: number;
  /** A sentence for pages that are neither a deal nor a person ("3 conversations open"). */
  detail?: string;
  /** What such a page shows, as counts: the side panel words it in the interface's language. */
  listDetail?: { what: 'conversations' | 'invitations' | 'people'; count: number; direction?: 'sent' | 'received' };
  health: Health;
  readAt: string;
}

export interface ProtocolMap {
  capture(batch: CaptureBatch): CaptureAck;
  pageState(state: PageState): void;
  reportError(error: { site: SiteId; message: string }): void;
  /** Team sync (issue #7): run now (the options page's "Sync now"); answers the status after the run. */
  syncNow(request: Record<string, never>): SyncStatus;
  /** Options → Team sync's "Send refused events again": forget the server's refusals and run now, after any run in progress; answers the status, refusals re-counted. */
  retryRefused(request: Record<string, never>): SyncStatus;
  /** Options → Team sync's "Forget this team server": after any run in progress, sync off and the URL, token, key and pulled team data deleted (lib/sync-background.ts). */
  forgetTeamServer(request: Record<string, never>): void;
  /** Issue #6: the side panel wants a current saved scorecard for a period; answers once the background has saved one (null when it could not). */
  refreshScorecard(request: { period: string }): SnapshotNotice | null;
  /** Issue #6: background → open pages: a newer saved scorecard is in storage (lib/scorecard-refresh-background.ts). */
  scorecardSaved(notice: SnapshotNotice): void;
}

type Name = keyof ProtocolMap;
type Data<K extends Name> = Parameters<ProtocolMap[K]>[0];
type Reply<K extends Name> = ReturnType<ProtocolMap[K]>;
interface Envelope<K extends Name = Name> {
  pacer: K;
  data: Data<K>;
}

export function sendMessage<K extends Name>(name: K, data: Data<K>): Promise<Reply<K>> {
  return browser.runtime.sendMessage({ pacer: name, data } satisfies Envelope<K>) as Promise<Reply<K>>;
}

export type Handler<K extends Name> = (
  data: Data<K>,
  sender: Browser.runtime.MessageSender,
) => Reply<K> | Promise<Reply<K>>;

/** Registers the handler for one message; returns the unsubscribe function. */
export function onMessage<K extends Name>(name: K, handler: Handler<K>): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (typeof message !== 'object' || message === null || (message as Envelope).pacer !== name) return undefined;
    // Returning a promise answers the sender (webextension-polyfill semantics).
    return Promise.resolve().then(() => handler((message as Envelope<K>).data, sender));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
