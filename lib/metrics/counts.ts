import type { ActivityEvent, EventType } from '../model';
import type { Period } from './periods';

export type CountsByType = Partial<Record<EventType, number>>;

/** How many events of each type happened within the period. */
export function countByType(events: readonly Pick<ActivityEvent, 'type' | 'at'>[], period?: Period): CountsByType {
  const counts: CountsByType = {};
  for (const e of events) {
    if (period && (e.at < period.from || e.at >= period.to)) continue;
    counts[e.type] = (counts[e.type] ?? 0) + 1;
  }
  return counts;
}

export const total = (counts: CountsByType): number => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
