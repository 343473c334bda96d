// Drivers' names in the interface's language. lib/metrics stays free of browser APIs, so
// its DRIVER_LABELS are the English names for Node tools and tests; screens use these.
import type { Driver } from './metrics/drivers';
import { t, type MessageKey } from './i18n';

const KEYS: Record<Driver, MessageKey> = {
  calls: 'driverCalls',
  emails: 'driverEmails',
  conversations: 'driverConversations',
  meetings: 'driverMeetings',
  linkedinViews: 'driverLinkedinViews',
  linkedinConnects: 'driverLinkedinConnects',
  linkedinMessages: 'driverLinkedinMessages',
  linkedinInmails: 'driverLinkedinInmails',
  leads: 'driverLeads',
  referralsGiven: 'driverReferralsGiven',
  referralsReceived: 'driverReferralsReceived',
  eventsAttended: 'driverEventsAttended',
  proposalsSubmitted: 'driverProposalsSubmitted',
};

/** The driver's name as the browser's language says it ("Calls", "Anrufe", …). */
export function driverLabel(driver: Driver): string {
  return t(KEYS[driver]);
}
