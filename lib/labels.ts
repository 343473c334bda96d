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

/** One event of each type, for lists of touches ("Call: Discovery"). */
export const EVENT_LABEL_ONE: Record<EventType, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  lead_created: 'Lead created',
  proposal_sent: 'Proposal sent',
  proposal_accepted: 'Proposal accepted',
  referral_given: 'Referral given',
  referral_received: 'Referral received',
  event_attended: 'Event attended',
  training: 'Training',
  deal_stage_changed: 'Stage change',
  deal_won: 'Deal won',
  deal_lost: 'Deal lost',
  linkedin_profile_view: 'Profile view',
  linkedin_connect_sent: 'Connect sent',
  linkedin_connect_accepted: 'Connect accepted',
  linkedin_message_sent: 'Message sent',
  linkedin_inmail_sent: 'InMail sent',
  linkedin_lead_saved: 'Lead saved',
};
