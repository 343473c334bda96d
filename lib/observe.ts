// Turns what a page shows into what Pacer records. Pure, so the rules for
// "what counts as the rep's activity" are tested without a browser.
import { stableId } from './ids';
import type { ActivityEvent, EventType, SiteId } from './model';
import type { DealObservation, PageReading, VisibleActivity } from './sites/types';

export interface Observations {
  deals: DealObservation[];
  events: ActivityEvent[];
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

export function observe(reading: PageReading, site: SiteId, seenAt: string): Observations {
  if (reading.kind !== 'deal') return { deals: [], events: [] };
  const { deal } = reading;
  const events: ActivityEvent[] = [];
  for (const a of reading.activities) {
    const type = TIMELINE_TYPES[a.type];
    // Only the rep's own rows count, and only with a readable date: never a guessed time.
    if (!type || !a.byMe || !a.at) continue;
    events.push({
      id: activityId(site, deal.id, a),
      type,
      at: a.at,
      site,
      url: deal.url,
      deal: { id: deal.id, name: deal.name },
      ...(a.person ? { person: a.person } : {}),
      meta: {
        subject: a.subject,
        ...(a.outcome || a.direction ? { outcome: a.outcome ?? a.direction } : {}),
        ...(a.crmId ? { crmActivityId: a.crmId } : {}),
      },
      capturedAt: seenAt,
    });
  }
  return { deals: [deal], events };
}
