// The site-adapter contract. Pure: no WXT, no browser API, so readers run in
// Node, in tests and in the content script alike.
import type { DealSnapshot, PersonRef, SiteId } from '../model';

/** Which anchors a reader looked for and did not find. Empty `missing` means healthy. */
export interface Health {
  ok: boolean;
  missing: string[];
}

export const healthy: Health = Object.freeze({ ok: true, missing: [] }) as Health;
export const missing = (...anchors: string[]): Health => ({ ok: false, missing: anchors });

export type VisibleActivityType = 'call' | 'email' | 'meeting' | 'task';

/** One row of a record's activity timeline, as the page shows it. */
export interface VisibleActivity {
  type: VisibleActivityType;
  /** The CRM's own activity id when the row links to it (Salesforce 00T…/00U…). */
  crmId?: string;
  subject: string;
  /** ISO 8601 UTC when the row's date could be read; absent when it could not. */
  at?: string;
  /** The date text exactly as shown, kept for fingerprints and health. */
  dateText: string;
  /** True when the CRM attributes the row to the signed-in user ("You logged a call"). */
  byMe: boolean;
  person?: PersonRef;
  direction?: 'inbound' | 'outbound';
  outcome?: string;
}

/**
 * What a deal page shows. Fields only the store can know (when the stage was
 * entered, when Pacer last saw it) are filled in by the background, unless the
 * page shows a stage history.
 */
export type DealObservation = Omit<DealSnapshot, 'stageEnteredAt' | 'lastSeenAt'> & {
  stageEnteredAt?: string;
};

export type PageReading =
  | {
      kind: 'deal';
      deal: DealObservation;
      /** The pipeline's stages in order, as the Path shows them. */
      stages: string[];
      stageHistory?: { stage: string; enteredAt: string }[];
      activities: VisibleActivity[];
      health: Health;
    }
  | { kind: 'unknown'; health: Health };

export interface SiteAdapter {
  id: SiteId;
  /** A human name for health messages ("Salesforce: can't read this page"). */
  label: string;
  matches(url: URL): boolean;
  read(doc: Document, url: URL): PageReading;
}
