// Event types' names in the interface's language. lib/labels.ts keeps the English names
// for Node tools and tests (EVENT_LABELS); screens use these.
import { t, type MessageKey } from './i18n';
import type { EventType } from './model';

const KEYS: Record<EventType, MessageKey> = {
  call: 'scEventCall',
  email: 'scEventEmail',
  meeting: 'scEventMeeting',
  lead_created: 'scEventLeadCreated',
  proposal_sent: 'scEventProposalSent',
  proposal_accepted: 'scEventProposalAccepted',
  referral_given: 'scEventReferralGiven',
  referral_received: 'scEventReferralReceived',
  event_attended: 'scEventEventAttended',
  training: 'scEventTraining',
  deal_stage_changed: 'scEventStageChanged',
  deal_won: 'scEventDealWon',
  deal_lost: 'scEventDealLost',
  linkedin_profile_view: 'scEventLinkedinProfileView',
  linkedin_connect_sent: 'scEventLinkedinConnectSent',
  linkedin_connect_accepted: 'scEventLinkedinConnectAccepted',
  linkedin_message_sent: 'scEventLinkedinMessage',
  linkedin_inmail_sent: 'scEventLinkedinInmail',
  linkedin_lead_saved: 'scEventLinkedinLeadSaved',
};

/** The plural name of an event type as the browser's language says it ("Calls", "Anrufe", …); English equals EVENT_LABELS. */
export function eventLabel(type: EventType): string {
  return t(KEYS[type]);
}
