// Erasure (issue #8): everything, or one person for a data-subject request. Every
// erased event leaves a tombstone (lib/ingest.ts deleteEvents), so a resend, an
// import or a sync never brings it back, and team sync pushes the tombstones to the
// server as `erase_my_events` (lib/sync.ts), which erases the rep's rows there too.
import type { PacerDb, Person } from './db';
import { deleteEvents } from './ingest';
import type { ActivityEvent } from './model';
import { canonicalProfileUrl } from './sites/linkedin';

/** Who to erase: any of a LinkedIn profile URL, a CRM id (`salesforce:00Q…`), a full name (with their company, to tell namesakes apart). */
export interface PersonQuery {
  profileUrl?: string;
  crmId?: string;
  name?: string;
  company?: string;
}

/** Everything that is the person, as the store knows them. */
export interface PersonMatch {
  profileUrls: string[];
  crmIds: string[];
  names: string[];
  eventIds: string[];
  /** `people` rows (by profile URL). */
  people: string[];
  /** Sighting rows that mention an erased event. */
  sightings: string[];
}

/** What an erasure removed, per table: the report the rep can download. */
export interface ErasureReport {
  format: 'pacer-erasure-report';
  version: 1;
  scope: 'person' | 'everything';
  request?: PersonQuery;
  erasedAt: string;
  /** The identifiers matched (for a person): the request, widened through the people table. */
  matched?: { profileUrls: string[]; crmIds: string[]; names: string[] };
  removed: { events: number; deals: number; people: number; sightings: number; days: number };
  /** Event ids kept as tombstones, without any content: they stop the events coming back, and carry the erasure to the team server. */
  tombstones: number;
}

const nameKey = (name: string) => name.trim().toLowerCase().normalize('NFKC').replace(/\s+/g, ' ');
const sameCompany = (a?: string, b?: string) => !a || !b || nameKey(a) === nameKey(b);

/** A pasted profile link, with or without its scheme, as the people table keys it. */
const canonicalProfile = (raw: string) =>
  canonicalProfileUrl(/^https?:\/\//i.test(raw) ? raw : `https://${raw.replace(/^\/+/, '')}`) ?? raw;

/** True when the query names someone: at least one identifier that is not blank. */
export const isPersonQuery = (q: PersonQuery) => !!(q.profileUrl?.trim() || q.crmId?.trim() || q.name?.trim());

/**
 * Finds every row that is the person: their `people` rows (by profile, CRM id, or name at
 * the company), and the events naming any of their profiles, CRM records or names. Reads only.
 */
export async function findPerson(db: PacerDb, query: PersonQuery): Promise<PersonMatch> {
  const profileUrl = query.profileUrl?.trim() ? canonicalProfile(query.profileUrl.trim()) : undefined;
  const crmId = query.crmId?.trim() || undefined;
  const name = query.name?.trim() ? nameKey(query.name) : undefined;
  return db.transaction('r', db.people, db.events, db.sightings, async () => {
    const people = new Map<string, Person>();
    const add = (ps: (Person | undefined)[]) => ps.forEach(p => p && people.set(p.profileUrl, p));
    if (profileUrl) add([await db.people.get(profileUrl)]);
    if (crmId) add(await db.people.where('crmIds').equals(crmId).toArray());
    if (name) add((await db.people.where('nameKey').equals(name).toArray()).filter(p => sameCompany(p.company, query.company)));
    const profileUrls = new Set([...(profileUrl ? [profileUrl] : []), ...people.keys()]);
    const crmIds = new Set([...(crmId ? [crmId] : []), ...[...people.values()].flatMap(p => p.crmIds)]);
    const names = new Set([...(name ? [name] : []), ...[...people.values()].map(p => p.nameKey).filter(Boolean)]);
    const isTheirs = (e: ActivityEvent) =>
      (!!e.person?.profileUrl && profileUrls.has(e.person.profileUrl)) ||
      (!!e.person?.crmId && crmIds.has(e.person.crmId)) ||
      (!!e.person?.name && names.has(nameKey(e.person.name))) ||
      // A lead or contact created: its record is the person.
      (!!e.deal?.id && crmIds.has(e.deal.id));
    // One pass over the events: names are not indexed, and an erasure is rare.
    const eventIds = (await db.events.filter(isTheirs).primaryKeys()) as string[];
    const erased = new Set(eventIds);
    const sightings = (await db.sightings.filter(s => [...s.actions, ...s.timeline].some(id => erased.has(id))).primaryKeys()) as string[];
    return { profileUrls: [...profileUrls], crmIds: [...crmIds], names: [...names], eventIds, people: [...people.keys()], sightings };
  });
}

/** Erases one person everywhere in the store, in one transaction; returns the report. */
export async function erasePerson(db: PacerDb, query: PersonQuery, now = new Date(), timeZone?: string): Promise<ErasureReport> {
  return db.transaction('rw', [db.events, db.tombstones, db.days, db.meta, db.people, db.sightings, db.importStaging, db.dealHistory, db.scorecardSnapshots], async () => {
    const match = await findPerson(db, query);
    // An import interrupted while staging may hold their rows too: staged rows are never kept.
    await db.importStaging.clear();
    // A saved scorecard may name their won deals: it goes, rather than show until recomputed.
    if (match.eventIds.length) await db.scorecardSnapshots.clear();
    const erased = new Set(match.eventIds);
    const daysBefore = await db.days.count();
    const events = await deleteEvents(db, match.eventIds, now, timeZone);
    await db.people.bulkDelete(match.people);
    // A sighting pairs a Save click with its timeline row; keep the other ids it holds.
    for (const s of await db.sightings.bulkGet(match.sightings)) {
      if (!s) continue;
      const next = { ...s, actions: s.actions.filter(id => !erased.has(id)), timeline: s.timeline.filter(id => !erased.has(id)) };
      if (next.actions.length || next.timeline.length) await db.sightings.put(next);
      else await db.sightings.delete(s.fingerprint);
    }
    return {
      format: 'pacer-erasure-report',
      version: 1,
      scope: 'person',
      request: query,
      erasedAt: now.toISOString(),
      matched: { profileUrls: match.profileUrls, crmIds: match.crmIds, names: match.names },
      removed: { events, deals: 0, people: match.people.length, sightings: match.sightings.length, days: daysBefore - (await db.days.count()) },
      tombstones: match.eventIds.length,
    };
  });
}

/** Tables erase-everything keeps: the tombstones it writes, and team sync's record of what the server holds (so it can erase it there). */
const keepOnEraseAll = (name: string) => name === 'tombstones' || name.startsWith('synced');

/**
 * Erases all captured data: events (each leaves a tombstone), deals, people, sightings,
 * day totals, the store's own facts and any other table derived from them (every table
 * but the kept ones, so a table added later is erased too). Settings (identity, plan,
 * privacy lists, custom CRMs) live in extension storage and stay.
 */
export async function eraseEverything(db: PacerDb, now = new Date()): Promise<ErasureReport> {
  const cleared = db.tables.filter(t => !keepOnEraseAll(t.name));
  return db.transaction('rw', [...cleared, db.tombstones], async () => {
    const ids = (await db.events.toCollection().primaryKeys()) as string[];
    const removed = {
      events: ids.length,
      deals: await db.deals.count(),
      people: await db.people.count(),
      sightings: await db.sightings.count(),
      days: await db.days.count(),
    };
    const deletedAt = now.toISOString();
    await db.tombstones.bulkPut(ids.map(id => ({ id, deletedAt })));
    // Clearing is exact here: with no events left, every day total is zero.
    await Promise.all(cleared.map(t => t.clear()));
    return { format: 'pacer-erasure-report', version: 1, scope: 'everything', erasedAt: deletedAt, removed, tombstones: ids.length };
  });
}

/** `pacer-erasure-YYYY-MM-DD.json`. */
export function erasureReportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pacer-erasure-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
