// One person across sites. LinkedIn pages tell Pacer a person's profile and
// connection state; CRM pages tell it their record, and their LinkedIn URL when
// the record has one, or else the same name and company. Runs inside the
// background's write transaction.
import type { PersonSeen } from './capture-batch';
import type { PacerDb, Person } from './db';
import { stableId } from './ids';
import type { ActivityEvent } from './model';

const nameKey = (name: string) => name.trim().toLowerCase().normalize('NFKC').replace(/\s+/g, ' ');
const sameCompany = (a?: string, b?: string) => !!a && !!b && nameKey(a) === nameKey(b);

/** The event for a connection Pacer saw pending and now sees connected: once per person. */
export function connectAccepted(person: Person, seenAt: string): ActivityEvent {
  return {
    id: stableId('linkedin', 'accepted', person.profileUrl),
    type: 'linkedin_connect_accepted',
    at: seenAt,
    site: 'linkedin',
    url: person.profileUrl,
    person: { name: person.name, profileUrl: person.profileUrl },
    capturedAt: seenAt,
  };
}

/** Merges what pages showed of people; returns the events that implies (connections accepted). */
export async function recordPeople(db: PacerDb, seen: readonly PersonSeen[], events: readonly ActivityEvent[], seenAt: string): Promise<ActivityEvent[]> {
  const implied: ActivityEvent[] = [];
  // A connect the rep sent makes the person pending, whatever page follows.
  const sent: PersonSeen[] = events
    .filter(e => e.type === 'linkedin_connect_sent' && e.person?.profileUrl)
    .map(e => ({ name: e.person!.name ?? '', profileUrl: e.person!.profileUrl!, connection: 'pending' as const }));
  for (const p of [...sent, ...seen]) {
    if (p.profileUrl) {
      const stored = await db.people.get(p.profileUrl);
      const connection = p.connection && p.connection !== 'unknown' ? p.connection : (stored?.connection ?? 'unknown');
      const next: Person = {
        profileUrl: p.profileUrl,
        name: p.name || stored?.name || '',
        nameKey: nameKey(p.name || stored?.name || ''),
        ...((p.company ?? stored?.company) ? { company: p.company ?? stored?.company } : {}),
        ...((p.headline ?? stored?.headline) ? { headline: p.headline ?? stored?.headline } : {}),
        // Once pending, only a page that shows the connection changes it back.
        connection: stored?.connection === 'pending' && connection === 'none' && sent.some(s => s.profileUrl === p.profileUrl) ? 'pending' : connection,
        crmIds: [...new Set([...(stored?.crmIds ?? []), ...(p.crmId ? [p.crmId] : [])])],
        updatedAt: seenAt,
      };
      if (stored?.connection === 'pending' && next.connection === 'connected') implied.push(connectAccepted(next, seenAt));
      await db.people.put(next);
    } else if (p.crmId) {
      // A CRM record with no LinkedIn URL: the same name at the same company is the same person.
      const matches = await db.people.where('nameKey').equals(nameKey(p.name)).toArray();
      for (const m of matches.filter(m => sameCompany(m.company, p.company) && !m.crmIds.includes(p.crmId!))) {
        await db.people.put({ ...m, crmIds: [...m.crmIds, p.crmId!], updatedAt: seenAt });
      }
    }
  }
  return implied;
}

/** The LinkedIn profile and CRM record ids that are the same person as `key` (a profile URL or a CRM id). */
export async function identitiesOf(db: PacerDb, key: { profileUrl?: string; crmId?: string }): Promise<{ profileUrls: string[]; crmIds: string[] }> {
  const people = key.profileUrl
    ? [await db.people.get(key.profileUrl)].filter((p): p is Person => !!p)
    : key.crmId
      ? await db.people.where('crmIds').equals(key.crmId).toArray()
      : [];
  return {
    profileUrls: [...new Set([...(key.profileUrl ? [key.profileUrl] : []), ...people.map(p => p.profileUrl)])],
    crmIds: [...new Set([...(key.crmId ? [key.crmId] : []), ...people.flatMap(p => p.crmIds)])],
  };
}
