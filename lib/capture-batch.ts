import type { ActivityEvent, DealSnapshot, SiteId } from './model';
import type { DealObservation } from './sites/types';

/** How an activity was seen, so its two sightings (the Save click, the timeline row) count once. */
export interface SightingRef {
  fingerprint: string;
  source: 'action' | 'timeline';
}

/** An event as captured; `sighting` is used to reconcile and is not stored. */
export type CapturedEvent = ActivityEvent & { sighting?: SightingRef };

/**
 * A person as a page showed them: on LinkedIn (profile URL, connection state)
 * or in a CRM (record id, and the LinkedIn URL when the record has one). The
 * background links the two into one person.
 */
export interface PersonSeen {
  name: string;
  /** Canonical https://www.linkedin.com/in/<slug>/. */
  profileUrl?: string;
  /** `site:recordId` of a CRM lead or contact. */
  crmId?: string;
  company?: string;
  headline?: string;
  connection?: 'none' | 'pending' | 'connected' | 'unknown';
}

/** What a content script sends: everything one page reading (or several) produced. */
export interface CaptureBatch {
  /** Random per batch; a resend carries the same id, so logs can tie resends together. */
  batchId: string;
  site: SiteId;
  /** When the newest reading in the batch was made, ISO 8601 UTC. */
  seenAt: string;
  events: CapturedEvent[];
  /** Deals read from their own page: the page is the whole truth about them. */
  deals: DealObservation[];
  /** Deals read from list views and boards: what a row does not show is kept as stored. */
  listRows?: DealObservation[];
  people?: PersonSeen[];
}

export interface CaptureAck {
  batchId: string;
  /** Events newly stored (resent ones count 0). */
  stored: number;
  /** The stored snapshots after merging, so the page's timer knows when the stage began. */
  deals: DealSnapshot[];
  /** For each deal in `deals`: the time of its latest touch (call, email, meeting, …), if any. */
  lastTouch: Record<string, string>;
}
