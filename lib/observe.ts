// Turns what a page shows, and what the rep did on it, into what Pacer records.
// Pure, so the rules for "what counts as the rep's activity" are tested without a browser.
import { stableId } from './ids';
import type { ActivityEvent, DealRef, EventType, PersonRef, SiteId } from './model';
import type { CapturedEvent, PersonSeen } from './capture-batch';
import type { DealObservation, PageReading, RepAction, VisibleActivity } from './sites/types';

export interface Observations {
  deals: DealObservation[];
  listRows: DealObservation[];
  events: CapturedEvent[];
  people: PersonSeen[];
}

const TIMELINE_TYPES: Partial<Record<VisibleActivity['type'], EventType>> = {
  call: 'call',
  email: 'email',
  meeting: 'meeting',
  // Tasks are to-dos, not activities done: they are not in the event vocabulary.
};

/** The event id of an activity the CRM has its own id for. */
export const crmActivityEventId = (site: SiteId, crmId: string) => stableId(site, 'activity', crmId);

/** The id of a timeline row: the CRM's own id when shown, else a fingerprint of what the row says. */
export function activityId(site: SiteId, recordId: string, a: VisibleActivity): string {
  return a.crmId ? crmActivityEventId(site, a.crmId) : stableId(site, recordId, a.type, a.subject, a.dateText);
}

/** `YYYY-MM-DD` of an instant in the rep's local calendar. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * What the Save click and the timeline row of one activity have in common: the
 * record, the type and the day. The time of day is left out (the CRM rounds or
 * shifts it) and so is the subject (CRMs fill in titles of their own, "Call with
 * Dana"). Pairing counts sightings per fingerprint, so two calls on one record in
 * one day are still two: n Save clicks pair with n timeline rows.
 */
export function activityFingerprint(site: SiteId, recordKey: string, type: EventType, at: string): string {
  return [site, recordKey, type, localDay(at)].join('|');
}

function timelineEvents(site: SiteId, recordKey: string, url: string, activities: readonly VisibleActivity[], seenAt: string, about: { deal?: DealRef; person?: PersonRef }): CapturedEvent[] {
  const events: CapturedEvent[] = [];
  for (const a of activities) {
    const type = TIMELINE_TYPES[a.type];
    // Only the rep's own rows count, only with a readable date (never a guessed time),
    // and only once done: an upcoming call or meeting is a plan, not an activity.
    if (!type || !a.byMe || !a.at || a.planned || a.at > seenAt) continue;
    const person = a.person ?? about.person;
    events.push({
      id: activityId(site, recordKey, a),
      type,
      at: a.at,
      site,
      url,
      ...(about.deal ? { deal: about.deal } : {}),
      ...(person ? { person } : {}),
      meta: {
        subject: a.subject,
        ...(a.outcome || a.direction ? { outcome: a.outcome ?? a.direction } : {}),
        ...(a.crmId ? { crmActivityId: a.crmId } : {}),
      },
      capturedAt: seenAt,
      sighting: { fingerprint: activityFingerprint(site, recordKey, type, a.at), source: 'timeline' },
    });
  }
  return events;
}

export function observe(reading: PageReading, site: SiteId, seenAt: string): Observations {
  switch (reading.kind) {
    case 'deal': {
      const { deal } = reading;
      const events = timelineEvents(site, deal.id, deal.url, reading.activities, seenAt, { deal: { id: deal.id, name: deal.name } });
      return { deals: [deal], listRows: [], events, people: [] };
    }
    case 'person': {
      const { person } = reading;
      const ref: PersonRef = { name: person.name, crmId: person.crmId, ...(person.linkedinUrl ? { profileUrl: person.linkedinUrl } : {}) };
      const seen: PersonSeen = {
        name: person.name,
        crmId: person.crmId,
        ...(person.company ? { company: person.company } : {}),
        ...(person.linkedinUrl ? { profileUrl: person.linkedinUrl } : {}),
      };
      return { deals: [], listRows: [], events: timelineEvents(site, person.crmId, person.url, reading.activities, seenAt, { person: ref }), people: [seen] };
    }
    case 'list':
      return { deals: [], listRows: reading.rows, events: [], people: [] };
    default:
      return { deals: [], listRows: [], events: [], people: [] };
  }
}

/** The event a confirmed action records. `clickedAt` makes each Save its own fact; resends keep the id. */
export function actionEvent(site: SiteId, action: RepAction, clickedAt: string, url: string, createdRecordId?: string): CapturedEvent {
  const at = action.at ?? clickedAt;
  const recordKey = action.recordKey ?? action.deal?.id ?? action.person?.crmId ?? url;
  const base = {
    type: action.type,
    at,
    site,
    url,
    ...(action.deal ? { deal: action.deal } : {}),
    ...(action.person ? { person: action.person } : {}),
    capturedAt: clickedAt,
  };
  const meta = { ...(action.subject ? { subject: action.subject } : {}), ...(action.outcome ? { outcome: action.outcome } : {}) };
  if (action.type === 'lead_created') {
    // A created record is one fact however often its page is seen.
    const created = createdRecordId ?? recordKey;
    return { ...base, id: stableId(site, 'created', created), ...(Object.keys(meta).length ? { meta } : {}) };
  }
  return {
    ...base,
    id: stableId(site, 'action', recordKey, action.type, clickedAt),
    ...(Object.keys(meta).length ? { meta } : {}),
    sighting: { fingerprint: activityFingerprint(site, recordKey, action.type, at), source: 'action' },
  };
}

export type { ActivityEvent };
