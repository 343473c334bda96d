// How a fresh look at a deal page turns into the stored snapshot and into
// events. Pure: the background calls it inside its write transaction.
import { hourBucket, stableId } from './ids';
import type { ActivityEvent, DealSnapshot, EventType, SiteId } from './model';
import type { DealObservation } from './sites/types';

export interface DealMerge {
  snapshot: DealSnapshot;
  /** Events the change implies (stage changed, won, lost). Empty when nothing changed. */
  events: ActivityEvent[];
}

const siteOf = (dealId: string): SiteId => dealId.slice(0, dealId.indexOf(':')) as SiteId;

export function mergeDealObservation(
  stored: DealSnapshot | undefined,
  seen: DealObservation,
  seenAt: string,
): DealMerge {
  if (!stored) {
    // First sight: we do not know when the deal reached this stage or status, so no
    // event is invented; the clock starts now unless the page shows a stage history.
    return { snapshot: { ...seen, stageEnteredAt: seen.stageEnteredAt ?? seenAt, lastSeenAt: seenAt }, events: [] };
  }
  // A resend of an older batch must never roll a newer snapshot back.
  if (seenAt < stored.lastSeenAt) return { snapshot: stored, events: [] };

  if (stored.stage === seen.stage) {
    const snapshot: DealSnapshot = {
      ...stored,
      ...seen,
      stageEnteredAt: seen.stageEnteredAt ?? stored.stageEnteredAt,
      lastSeenAt: seenAt,
    };
    return { snapshot, events: [] };
  }

  const snapshot: DealSnapshot = { ...stored, ...seen, stageEnteredAt: seen.stageEnteredAt ?? seenAt, lastSeenAt: seenAt };
  const at = seen.stageEnteredAt ?? seenAt;
  const make = (type: EventType): ActivityEvent => ({
    // The hour bucket keeps A→B→A→B on different days distinct, while a re-read
    // of the same change within the hour stays one event.
    id: stableId(siteOf(seen.id), seen.id, type, stored.stage, seen.stage, hourBucket(at)),
    type,
    at,
    site: siteOf(seen.id),
    url: seen.url,
    deal: { id: seen.id, name: seen.name },
    ...(seen.amount !== null ? { amount: seen.amount } : {}),
    ...(seen.currency !== null ? { currency: seen.currency } : {}),
    meta: { fromStage: stored.stage, toStage: seen.stage },
    capturedAt: seenAt,
  });
  const events = [make('deal_stage_changed')];
  if (seen.status === 'won' && stored.status !== 'won') events.push(make('deal_won'));
  if (seen.status === 'lost' && stored.status !== 'lost') events.push(make('deal_lost'));
  return { snapshot, events };
}
