// Period boundaries in the rep's local time, as half-open ISO ranges [from, to).

export interface Period {
  from: string;
  to: string;
}

const startOfLocalDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

export function dayPeriod(now: Date): Period {
  const start = startOfLocalDay(now);
  return { from: start.toISOString(), to: addDays(start, 1).toISOString() };
}

/** The week containing `now`; weeks start on Monday unless told otherwise (0 = Sunday). */
export function weekPeriod(now: Date, weekStartsOn = 1): Period {
  const today = startOfLocalDay(now);
  const start = addDays(today, -((today.getDay() - weekStartsOn + 7) % 7));
  return { from: start.toISOString(), to: addDays(start, 7).toISOString() };
}

/** Whole days between two instants, floored; never negative. */
export function wholeDaysBetween(fromIso: string, to: Date): number {
  const ms = to.getTime() - Date.parse(fromIso);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 86_400_000) : 0;
}
