// What the rep's LinkedIn prospecting becomes in Pacer: events for their own
// actions (views, connects, messages, InMails, saved leads) and what pages
// show of people (connection state, for "connect accepted"). Pure. Never text.
import type { CapturedEvent, PersonSeen } from './capture-batch';
import { stableId } from './ids';
import type { PersonRef } from './model';
import { localDay } from './observe';
import type { LinkedInAction, LinkedInReading, MessagingThread } from './sites/linkedin';

export interface LinkedInObservations {
  events: CapturedEvent[];
  people: PersonSeen[];
}

/** Who a message or action is about, as both the Send click and the thread show it: the name. */
const personKey = (p: { name?: string; profileUrl?: string; salesNavUrl?: string }) =>
  (p.name ?? p.profileUrl ?? p.salesNavUrl ?? '').trim().toLowerCase();

const ref = (p: { name?: string; profileUrl?: string }): PersonRef => ({
  ...(p.name ? { name: p.name } : {}),
  ...(p.profileUrl ? { profileUrl: p.profileUrl } : {}),
});

/** A sent message and its Send click share this: the person, the type, the day (as CRM activities do). */
export const messageFingerprint = (person: string, at: string) => ['linkedin', person, 'linkedin_message_sent', localDay(at)].join('|');

function threadEvents(threads: readonly MessagingThread[], url: string, seenAt: string): CapturedEvent[] {
  const events: CapturedEvent[] = [];
  for (const thread of threads) {
    // A group thread is about its first other participant; the key keeps messages apart anyway.
    const other = thread.participants[0];
    if (!other) continue;
    for (const m of thread.sentByMe) {
      if (m.at > seenAt) continue;
      events.push({
        id: stableId('linkedin', 'message', thread.threadId ?? personKey(other), m.key),
        type: 'linkedin_message_sent',
        at: m.at,
        site: 'linkedin',
        url,
        person: ref(other),
        capturedAt: seenAt,
        sighting: { fingerprint: messageFingerprint(personKey(other), m.at), source: 'timeline' },
      });
    }
  }
  return events;
}

export function observeLinkedIn(reading: LinkedInReading, url: string, seenAt: string): LinkedInObservations {
  const open = 'openThreads' in reading && reading.openThreads ? threadEvents(reading.openThreads, url, seenAt) : [];
  switch (reading.kind) {
    case 'profile': {
      const { person } = reading;
      return {
        events: [
          {
            // At most one view per person per day, however often the profile is opened.
            id: stableId('linkedin', 'view', person.profileUrl, localDay(seenAt)),
            type: 'linkedin_profile_view',
            at: seenAt,
            site: 'linkedin',
            url: person.profileUrl,
            person: ref(person),
            capturedAt: seenAt,
          },
          ...open,
        ],
        people: [
          {
            name: person.name,
            profileUrl: person.profileUrl,
            ...(person.company ? { company: person.company } : {}),
            ...(person.headline ? { headline: person.headline } : {}),
            connection: reading.connection,
          },
        ],
      };
    }
    case 'messaging':
      return { events: threadEvents(reading.threads, url, seenAt), people: [] };
    case 'invitations': {
      if (reading.direction !== 'sent') return { events: open, people: [] };
      const sent: CapturedEvent[] = reading.people
        .filter(p => p.sentAt && p.sentAt <= seenAt)
        .map(p => ({ ...connectEvent({ name: p.name, profileUrl: p.profileUrl }, p.sentAt!, seenAt, url) }));
      return { events: [...sent, ...open], people: reading.people.map(p => ({ name: p.name, profileUrl: p.profileUrl, connection: 'pending' })) };
    }
    case 'people':
      return {
        events: open,
        people: reading.people
          .filter((p): p is typeof p & { profileUrl: string } => !!p.profileUrl)
          .map(p => ({ name: p.name, profileUrl: p.profileUrl, ...(p.connection ? { connection: p.connection } : {}) })),
      };
    case 'lead':
      return { events: open, people: [] };
    default:
      return { events: [], people: [] };
  }
}

/** One connect per person per day: the Send click and the "Sent" list agree on this id. */
function connectEvent(person: { name?: string; profileUrl?: string }, at: string, seenAt: string, url: string): CapturedEvent {
  return {
    id: stableId('linkedin', 'connect', person.profileUrl ?? personKey(person), localDay(at)),
    type: 'linkedin_connect_sent',
    at,
    site: 'linkedin',
    url,
    person: ref(person),
    capturedAt: seenAt,
  };
}

/** The event a confirmed LinkedIn action records. */
export function linkedinActionEvent(action: LinkedInAction, clickedAt: string, url: string): CapturedEvent {
  const who = action.person;
  if (action.type === 'linkedin_connect_sent') return connectEvent(who, clickedAt, clickedAt, url);
  const event: CapturedEvent = {
    // A saved lead is one fact per lead; a message or InMail is one per Send.
    id: action.type === 'linkedin_lead_saved'
      ? stableId('linkedin', 'lead-saved', who.salesNavUrl ?? personKey(who))
      : stableId('linkedin', 'action', action.type, personKey(who), clickedAt),
    type: action.type,
    at: clickedAt,
    site: 'linkedin',
    url,
    person: ref(who),
    capturedAt: clickedAt,
  };
  // A message sent is later seen in its thread: the two sightings pair up.
  if (action.type === 'linkedin_message_sent') event.sighting = { fingerprint: messageFingerprint(personKey(who), clickedAt), source: 'action' };
  return event;
}
