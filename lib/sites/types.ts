// The site-adapter contract. Pure: no WXT, no browser API, so readers run in
// Node, in tests and in the content script alike.
import type { DealRef, DealSnapshot, EventType, PersonRef, RepIdentity, SiteId } from '../model';

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
  /** True for a scheduled activity not done yet (an upcoming call or meeting). */
  planned?: boolean;
}

/**
 * What a deal page shows. Fields only the store can know (when the stage was
 * entered, when Pacer last saw it) are filled in by the background, unless the
 * page shows a stage history.
 */
export type DealObservation = Omit<DealSnapshot, 'stageEnteredAt' | 'lastSeenAt'> & {
  stageEnteredAt?: string;
};

/** A lead or contact record as its CRM page shows it. */
export interface PersonReading {
  name: string;
  email?: string;
  company?: string;
  title?: string;
  /** Canonical https://www.linkedin.com/in/<slug>/ when the record shows a LinkedIn URL. */
  linkedinUrl?: string;
  /** `site:recordId`, like deal ids. */
  crmId: string;
  recordType: 'lead' | 'contact';
  url: string;
}

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
  | { kind: 'person'; person: PersonReading; activities: VisibleActivity[]; health: Health }
  /** List views, boards, and a company's related deals. Rows are what each row shows. */
  | { kind: 'list'; rows: DealObservation[]; health: Health }
  | { kind: 'unknown'; health: Health };

/** Event types a rep's own click in a CRM can produce. */
export type ActionEventType = Extract<EventType, 'call' | 'email' | 'meeting' | 'lead_created' | 'proposal_sent'>;

export type ActionOutcome =
  | { status: 'pending' }
  | { status: 'failed' }
  /** `recordId`: the record the CRM created (a new lead or deal), read from the page after saving: the bare id or `site:recordId`. */
  | { status: 'saved'; recordId?: string };

/**
 * What a click by the rep means: read from the form at the moment of the click
 * (before the CRM closes it), never acting on it. `confirm` is asked again as the
 * page changes, until the CRM shows it saved (dialog closed, record opened) or failed
 * (validation error): an unsaved form records nothing.
 */
export interface RepAction {
  type: ActionEventType;
  /** The record the action is about: a deal, or a lead/contact (`site:recordId`). */
  recordKey?: string;
  deal?: DealRef;
  person?: PersonRef;
  /** The subject line the rep typed: a title, not a body. */
  subject?: string;
  /** ISO 8601 UTC when the form gives a date (a call logged for yesterday); else the click time counts. */
  at?: string;
  outcome?: string;
  confirm(doc: Document, url: URL): ActionOutcome;
}

/**
 * What a reader reads, so a content script can tell whether a DOM mutation may change
 * the reading (re-read) or cannot (skip): issue #9, a re-read costs 2–4 ms a batch.
 * Declared next to each adapter's selectors; checked by `lib/read-trigger.ts`.
 */
export interface ReadAnchors {
  /**
   * Every element the reader looks for, reads the text or attributes of, or searches
   * inside: a change inside one, or one appearing or leaving, may change the reading.
   */
  regions: string;
  /** Custom-element names read by `localName` (happy-dom rejects `_` in type selectors). */
  tags?: readonly string[];
  /** Classes the reader tests with `classList` beyond those `regions` names ("slds-is-current"). */
  classes?: readonly string[];
}

/** Anchors from a selector map: every selector the adapter uses is a region. */
export const anchorsOf = (selectors: Record<string, string>, extra: Omit<ReadAnchors, 'regions'> & { regions?: readonly string[] } = {}): ReadAnchors => ({
  regions: [...Object.values(selectors), ...(extra.regions ?? [])].join(', '),
  ...(extra.tags ? { tags: extra.tags } : {}),
  ...(extra.classes ? { classes: extra.classes } : {}),
});

export interface SiteAdapter {
  id: SiteId;
  /** A human name for health messages ("Salesforce: can't read this page"). */
  label: string;
  matches(url: URL): boolean;
  /**
   * `now` resolves relative dates the page shows ("Yesterday", "2d ago"); it defaults to the current time.
   * `me` is the rep as set in the options, for CRMs that name the user on activities instead of saying "You".
   */
  read(doc: Document, url: URL, now?: Date, me?: RepIdentity): PageReading;
  /** What a click on `target` means, if it is one of the rep's own CRM actions (Save in Log a Call, Send, …). */
  actionFor?(target: Element, doc: Document, url: URL, now?: Date): RepAction | undefined;
  /** Where the in-place sales-cycle timer goes on a deal page: the element it is placed after. */
  timerAnchor?(doc: Document): Element | undefined;
  /** What `read` reads; absent, every mutation of the page means a re-read. */
  anchors?: ReadAnchors;
}
