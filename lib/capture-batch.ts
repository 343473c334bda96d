import type { ActivityEvent, DealSnapshot, SiteId } from './model';
import type { DealObservation } from './sites/types';

/** What a content script sends: everything one page reading (or several) produced. */
export interface CaptureBatch {
  /** Random per batch; a resend carries the same id, so logs can tie resends together. */
  batchId: string;
  site: SiteId;
  /** When the newest reading in the batch was made, ISO 8601 UTC. */
  seenAt: string;
  events: ActivityEvent[];
  deals: DealObservation[];
}

export interface CaptureAck {
  batchId: string;
  /** Events newly stored (resent ones count 0). */
  stored: number;
  /** The stored snapshots after merging, so the page's timer knows when the stage began. */
  deals: DealSnapshot[];
}
