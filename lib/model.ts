// Pacer's data contract. Every other module, the export format and the team
// server speak these shapes: extend them, never rename a field.

// 'custom' (issue #8): a CRM the rep configured in the options page (lib/sites/custom.ts).
export const SITE_IDS = ['salesforce', 'hubspot', 'pipedrive', 'linkedin', 'manual', 'custom'] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** The event vocabulary, fixed in issue #2. Add new types at the end only. */
export const EVENT_TYPES = [
  'call',
  'email',
  'meeting',
  'lead_created',
  'proposal_sent',
  'proposal_accepted',
  'referral_given',
  'referral_received',
  'event_attended',
  'training',
  'deal_stage_changed',
  'deal_won',
  'deal_lost',
  'linkedin_profile_view',
  'linkedin_connect_sent',
  'linkedin_connect_accepted',
  'linkedin_message_sent',
  'linkedin_inmail_sent',
  'linkedin_lead_saved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface PersonRef {
  name?: string;
  profileUrl?: string;
  crmId?: string;
}

export interface DealRef {
  /** `site:recordId`, the same id as the deal's DealSnapshot. */
  id: string;
  name?: string;
}

/** Small typed extras. Never message, note or email bodies. */
export interface EventMeta {
  fromStage?: string;
  toStage?: string;
  /** Call outcome or email direction as the CRM shows it ("Connected", "Left voicemail", "inbound"). */
  outcome?: string;
  /** Fraction between 0 and 1 (0.15 is 15 % off list). */
  discount?: number;
  /** The subject line as shown in the CRM timeline: a title, not a body. */
  subject?: string;
  /** The CRM's own id of the activity (Salesforce Task 00T…, Event 00U…), when the page shows it. */
  crmActivityId?: string;
}

/** One immutable fact. Seeing it twice yields the same id, so it is stored once. */
export interface ActivityEvent {
  id: string;
  type: EventType;
  /** When it happened, ISO 8601 UTC. */
  at: string;
  site: SiteId;
  url: string;
  person?: PersonRef;
  deal?: DealRef;
  amount?: number;
  currency?: string;
  meta?: EventMeta;
  /** When Pacer saw it, ISO 8601 UTC. */
  capturedAt: string;
}

export type DealStatus = 'open' | 'won' | 'lost';

/** What Pacer last knew about a deal. Mutable: the newest reading wins. */
export interface DealSnapshot {
  /** `site:recordId`. */
  id: string;
  name: string;
  stage: string;
  /** When the deal entered its current stage: from the page's stage history, else when Pacer first saw the stage. */
  stageEnteredAt: string;
  /** null when the page shows no amount or it cannot be read: "unknown", never 0 or NaN. */
  amount: number | null;
  currency: string | null;
  listAmount?: number;
  discount?: number;
  createdAt?: string;
  /** ISO date (YYYY-MM-DD). */
  closeDate?: string;
  status: DealStatus;
  url: string;
  lastSeenAt: string;
}

export interface RepIdentity {
  name: string;
  email: string;
}

export const isEventType = (value: unknown): value is EventType =>
  typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);

export const isSiteId = (value: unknown): value is SiteId =>
  typeof value === 'string' && (SITE_IDS as readonly string[]).includes(value);
