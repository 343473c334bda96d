// One touch's name in the interface's language, for This page's list of latest touches
// ("Call: Discovery", "Anruf: Discovery"). lib/labels.ts keeps the English (EVENT_LABEL_ONE).
import { t, type MessageKey } from './i18n';
import type { EventType } from './model';

const KEYS: Record<EventType, MessageKey> = {
  call: 'page_touch_call',
  email: 'page_touch_email',
  meeting: 'page_touch_meeting',
  lead_created: 'page_touch_lead_created',
  proposal_sent: 'page_touch_proposal_sent',
  proposal_accepted: 'page_touch_proposal_accepted',
  referral_given: 'page_touch_referral_given',
  referral_received: 'page_touch_referral_received',
  event_attended: 'page_touch_event_attended',
  training: 'page_touch_training',
  deal_stage_changed: 'page_touch_deal_stage_changed',
  deal_won: 'page_touch_deal_won',
  deal_lost: 'page_touch_deal_lost',
  linkedin_profile_view: 'page_touch_linkedin_profile_view',
  linkedin_connect_sent: 'page_touch_linkedin_connect_sent',
  linkedin_connect_accepted: 'page_touch_linkedin_connect_accepted',
  linkedin_message_sent: 'page_touch_linkedin_message_sent',
  linkedin_inmail_sent: 'page_touch_linkedin_inmail_sent',
  linkedin_lead_saved: 'page_touch_linkedin_lead_saved',
};

/** "Call", "Anruf", …; English equals EVENT_LABEL_ONE. */
export const touchLabel = (type: EventType): string => t(KEYS[type]);
