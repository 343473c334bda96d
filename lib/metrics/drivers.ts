// Activity drivers (issue #5): the things a rep does that pipeline follows from.
// Counted per event type, plus conversations, which depend on the outcome the CRM shows.
import type { ActivityEvent, DealSnapshot, EventType } from '../model';
import type { CountsByType } from './counts';
import type { Period } from './periods';

export const DRIVERS = [
  'calls',
  'emails',
  'conversations',
  'meetings',
  'linkedinViews',
  'linkedinConnects',
  'linkedinMessages',
  'linkedinInmails',
  'leads',
  'referralsGiven',
  'referralsReceived',
  'eventsAttended',
  'proposalsSubmitted',
] as const;
export type Driver = (typeof DRIVERS)[number];
export type DriverCounts = Record<Driver, number>;

export const DRIVER_LABELS: Record<Driver, string> = {
  calls: 'Calls',
  emails: 'Emails',
  conversations: 'Conversations',
  meetings: 'Meetings',
  linkedinViews: 'LinkedIn profile views',
  linkedinConnects: 'LinkedIn connects sent',
  linkedinMessages: 'LinkedIn messages',
  linkedinInmails: 'LinkedIn InMails',
  leads: 'Leads created',
  referralsGiven: 'Referrals given',
  referralsReceived: 'Referrals received',
  eventsAttended: 'Events attended',
  proposalsSubmitted: 'Proposals submitted',
};

/** The event type each driver counts; conversations are derived (see isConversation). */
export const DRIVER_EVENT_TYPE: Record<Exclude<Driver, 'conversations'>, EventType> = {
  calls: 'call',
  emails: 'email',
  meetings: 'meeting',
  linkedinViews: 'linkedin_profile_view',
  linkedinConnects: 'linkedin_connect_sent',
  linkedinMessages: 'linkedin_message_sent',
  linkedinInmails: 'linkedin_inmail_sent',
  leads: 'lead_created',
  referralsGiven: 'referral_given',
  referralsReceived: 'referral_received',
  eventsAttended: 'event_attended',
  proposalsSubmitted: 'proposal_sent',
};

export const isDriver = (value: unknown): value is Driver => typeof value === 'string' && (DRIVERS as readonly string[]).includes(value);

export const emptyDrivers = (): DriverCounts => Object.fromEntries(DRIVERS.map(d => [d, 0])) as DriverCounts;

// Outcomes as CRMs show them: HubSpot "Connected", Salesforce call results typed by the
// org ("Reached", "Spoke with …"). "Not connected" must not match, so only prefixes count.
const CONNECTED_CALL = /^\s*(connected|reached|spoke|answered|conversation)/i;
const REPLIED_EMAIL = /^\s*(inbound|replied|reply|received|incoming)/i;

/** A call that connected or an email the prospect sent (a reply). Unknown outcomes are not conversations. */
export function isConversation(e: Pick<ActivityEvent, 'type' | 'meta'>): boolean {
  const outcome = e.meta?.outcome;
  if (outcome === undefined) return false;
  if (e.type === 'call') return CONNECTED_CALL.test(outcome);
  if (e.type === 'email') return REPLIED_EMAIL.test(outcome);
  return false;
}

/** Driver counts from per-type counts plus the number of conversations. */
export function driversFromCounts(counts: CountsByType, conversations: number): DriverCounts {
  const out = emptyDrivers();
  for (const [driver, type] of Object.entries(DRIVER_EVENT_TYPE) as [Exclude<Driver, 'conversations'>, EventType][]) {
    out[driver] = counts[type] ?? 0;
  }
  out.conversations = conversations;
  return out;
}

/**
 * Driver counts from raw events within a half-open period (ISO string comparison, no
 * Date parsing). `aggregate.ts` gives the same numbers from per-day aggregates.
 */
export function countDrivers(events: readonly Pick<ActivityEvent, 'type' | 'at' | 'meta'>[], period?: Period): DriverCounts {
  const counts: CountsByType = {};
  let conversations = 0;
  for (const e of events) {
    if (period && (e.at < period.from || e.at >= period.to)) continue;
    counts[e.type] = (counts[e.type] ?? 0) + 1;
    if ((e.type === 'call' || e.type === 'email') && isConversation(e)) conversations++;
  }
  return driversFromCounts(counts, conversations);
}

/** The stages that count as "early": the given list, else the first third of the pipeline (rounded up). */
export function earlyStagesOf(stages: readonly string[], earlyStages?: readonly string[]): string[] {
  if (earlyStages && earlyStages.length > 0) return [...earlyStages];
  return stages.slice(0, Math.ceil(stages.length / 3));
}

/** Leads on deck: open deals sitting in an early stage, newest stage entry first. */
export function leadsOnDeck(deals: readonly DealSnapshot[], stages: readonly string[], earlyStages?: readonly string[]): { count: number; deals: DealSnapshot[] } {
  const early = new Set(earlyStagesOf(stages, earlyStages));
  const out = deals.filter(d => d.status === 'open' && early.has(d.stage));
  out.sort((a, b) => (a.stageEnteredAt < b.stageEnteredAt ? 1 : a.stageEnteredAt > b.stageEnteredAt ? -1 : 0));
  return { count: out.length, deals: out };
}
