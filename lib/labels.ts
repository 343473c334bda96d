import type { EventType } from './model';

/** Human names for event types, in the order the scorecard lists them. */
export const EVENT_LABELS: Record<EventType, string> = {
  call: 'Calls',
  email: 'Emails',
  meeting: 'Meetings',
  lead_created: 'Leads created',
  proposal_sent: 'Proposals sent',
  proposal_accepted: 'Proposals accepted',
  referral_given: 'Referrals given',
  referral_received: 'Referrals received',
  event_attended: 'Events attended',
  training: 'Training',
  deal_stage_changed: 'Stage changes',
  deal_won: 'Deals won',
  deal_lost: 'Deals lost',
  linkedin_profile_view: 'LinkedIn profile views',
  linkedin_connect_sent: 'LinkedIn connects sent',
  linkedin_connect_accepted: 'LinkedIn connects accepted',
  linkedin_message_sent: 'LinkedIn messages',
  linkedin_inmail_sent: 'LinkedIn InMails',
  linkedin_lead_saved: 'Sales Navigator leads saved',
};
