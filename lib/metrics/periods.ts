// Periods in the rep's own time zone (issue #5): day, week, month, fiscal quarter and
// fiscal year, computed with Intl for an IANA zone, never the machine's zone. A local
// day is whatever lies between two local midnights, so DST days last 23 or 25 hours.
// Civil dates ('YYYY-MM-DD') are plain calendar arithmetic; only the step from a
// civil date to an instant (and back) needs the zone.
/** A half-open range of instants [from, to), ISO UTC: comparable as strings. */
export interface Period {
  from: string;
  to: string;
}

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'fiscalYear';
export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month', 'quarter', 'fiscalYear'];

/** Where periods start. A Plan satisfies this shape. */
export interface PeriodOptions {
  /** IANA zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
  /** 1 = January … 12 = December. */
  fiscalYearStartMonth: number;
}

/** A period as instants ([from, to), ISO UTC, comparable as strings) and as local civil dates. */
export interface ZonedPeriod extends Period {
  kind: PeriodKind;
  timeZone: string;
  /** First local date in the period. */
  startDate: string;
  /** First local date after the period (exclusive). */
  endDate: string;
  /** The calendar year in which the fiscal year containing `startDate` begins. */
  fiscalYear: number;
  /** 1–4: the fiscal quarter containing `startDate`. */
  fiscalQuarter: number;
  label: string;
}

const DAY_MS = 86_400_000;

// ---- civil dates ------------------------------------------------------------------------

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export const civilDate = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** [year, month 1-12, day] of a 'YYYY-MM-DD'. */
export function civilParts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** True for a real calendar date written 'YYYY-MM-DD' (no 2026-02-30). */
export function isCivilDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = civilParts(value);
  return civilDate(y, m, d) === value;
}

const civilMs = (date: string) => {
  const [y, m, d] = civilParts(date);
  return Date.UTC(y, m - 1, d);
};

export const addDays = (date: string, n: number): string => new Date(civilMs(date) + n * DAY_MS).toISOString().slice(0, 10);

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round((civilMs(b) - civilMs(a)) / DAY_MS);

/** 0 = Sunday … 6 = Saturday: a calendar fact, the same in every zone. */
export const weekdayOf = (date: string): number => new Date(civilMs(date)).getUTCDay();

export function addMonths(date: string, n: number): string {
  const [y, m] = civilParts(date);
  return civilDate(y, m + n, 1);
}

// ---- zones ------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at instant `ms` in the zone, expressed as if it were UTC (ms). */
function wallClock(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** Offset of the zone from UTC at instant `ms`, in ms (Berlin in summer: +7,200,000). */
export const offsetAt = (ms: number, timeZone: string): number => wallClock(Math.floor(ms / 1000) * 1000, timeZone) - Math.floor(ms / 1000) * 1000;

/** The local civil date at an instant. */
export function localDateOf(at: Date | string | number, timeZone: string): string {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${String(at)}`);
  return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant a local wall-clock time happens. In a spring-forward gap it is the first
 * instant after the gap; in a fall-back overlap, the earlier of the two.
 */
export function zonedWallToInstant(wallMs: number, timeZone: string): number {
  const c1 = wallMs - offsetAt(wallMs, timeZone);
  const c2 = wallMs - offsetAt(c1, timeZone);
  const ok1 = c1 + offsetAt(c1, timeZone) === wallMs;
  const ok2 = c2 + offsetAt(c2, timeZone) === wallMs;
  if (ok1 && ok2) return Math.min(c1, c2);
  if (ok1) return c1;
  if (ok2) return c2;
  return Math.max(c1, c2);
}

/** When the local date begins (usually local midnight), as epoch ms. */
export const startOfLocalDate = (date: string, timeZone: string): number => zonedWallToInstant(civilMs(date), timeZone);

/** The instant a local date begins, as ISO UTC. */
export const startOfLocalDateIso = (date: string, timeZone: string): string => new Date(startOfLocalDate(date, timeZone)).toISOString();

/** How many hours a local date lasts: 24, or 23 / 25 on DST days. */
export const dayLengthHours = (date: string, timeZone: string): number =>
  (startOfLocalDate(addDays(date, 1), timeZone) - startOfLocalDate(date, timeZone)) / 3_600_000;

interface UtcDateEntry {
  /** Seconds into the UTC day at which each later local day begins, ascending. */
  splits: number[];
  /** Local dates: days[i] holds the instants before splits[i] (and after splits[i - 1]). */
  days: string[];
}

/**
 * Maps ISO UTC instants to local dates fast: no Date parsing per call. It caches, per
 * UTC calendar date, the local midnights that fall inside it, then reads the date and
 * the time of day from the string's characters. Canonical 'YYYY-MM-DDTHH:mm:ss(.sss)Z'
 * takes the fast path; any other instant Date can read takes a slow one; null otherwise.
 */
export class LocalDayKeyer {
  private readonly cache = new Map<number, UtcDateEntry | null>();
  private lastHi = -1;
  private lastLo = -1;
  private lastEntry: UtcDateEntry | null = null;

  constructor(readonly timeZone: string) {
    formatter(timeZone); // throws RangeError for an unknown zone: loud at the boundary
  }

  key(at: string): string | null {
    const n = at.length;
    if (!((n === 24 && at.charCodeAt(19) === 46) || n === 20) || at.charCodeAt(n - 1) !== 90 || at.charCodeAt(10) !== 84) return this.slowKey(at);
    // 'YYYY-' and 'MM-DD' packed exactly (7 bits a character), so only the very same date
    // characters as the previous call take the fast path; anything new is validated first.
    const hi = (((at.charCodeAt(0) * 128 + at.charCodeAt(1)) * 128 + at.charCodeAt(2)) * 128 + at.charCodeAt(3)) * 128 + at.charCodeAt(4);
    const lo = (((at.charCodeAt(5) * 128 + at.charCodeAt(6)) * 128 + at.charCodeAt(7)) * 128 + at.charCodeAt(8)) * 128 + at.charCodeAt(9);
    let entry: UtcDateEntry | null;
    if (hi === this.lastHi && lo === this.lastLo) entry = this.lastEntry;
    else {
      const y = digits(at, 0, 4);
      const m = digits(at, 5, 2);
      const d = digits(at, 8, 2);
      if (y < 0 || m < 0 || d < 0 || at.charCodeAt(4) !== 45 || at.charCodeAt(7) !== 45) return this.slowKey(at);
      const dateNum = y * 10000 + m * 100 + d;
      const cached = this.cache.get(dateNum);
      if (cached !== undefined) entry = cached;
      else {
        entry = this.build(y, m, d);
        this.cache.set(dateNum, entry);
      }
      this.lastHi = hi;
      this.lastLo = lo;
      this.lastEntry = entry;
    }
    if (entry === null) return null;
    const splits = entry.splits;
    if (splits.length === 0) return entry.days[0]!;
    const second =
      (at.charCodeAt(11) * 10 + at.charCodeAt(12) - 528) * 3600 + (at.charCodeAt(14) * 10 + at.charCodeAt(15) - 528) * 60 + (at.charCodeAt(17) * 10 + at.charCodeAt(18) - 528);
    if (!(second >= 0 && second < 86_400)) return this.slowKey(at);
    let i = 0;
    while (i < splits.length && second >= splits[i]!) i++;
    return entry.days[i]!;
  }

  private slowKey(at: string): string | null {
    const ms = Date.parse(at);
    if (!Number.isFinite(ms)) return null;
    const iso = new Date(ms).toISOString();
    return iso.length === 24 ? this.key(iso) : null; // years beyond 9999 are not dates here
  }

  private build(y: number, m: number, d: number): UtcDateEntry | null {
    const start = Date.UTC(y, m - 1, d);
    if (civilDate(y, m, d) !== `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`) return null;
    const days = [localDateOf(start, this.timeZone)];
    const splits: number[] = [];
    for (;;) {
      const next = addDays(days[days.length - 1]!, 1);
      const boundary = startOfLocalDate(next, this.timeZone);
      if (boundary >= start + DAY_MS) break;
      if (boundary > start) splits.push((boundary - start) / 1000);
      else days.pop(); // the boundary is the UTC midnight itself
      days.push(next);
    }
    return { splits, days };
  }
}

/** The decimal number in s[i … i + len); -1 when a character is not a digit. Integer math only. */
function digits(s: string, i: number, len: number): number {
  let v = 0;
  for (let k = i; k < i + len; k++) {
    const c = (s.charCodeAt(k) - 48) | 0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

// ---- periods ----------------------------------------------------------------------------

/** The fiscal year (its starting calendar year) and quarter (1–4) of a local date. */
export function fiscalOf(date: string, fiscalYearStartMonth: number): { fiscalYear: number; fiscalQuarter: number; fiscalMonthIndex: number } {
  const [y, m] = civilParts(date);
  const fiscalMonthIndex = (m - fiscalYearStartMonth + 12) % 12;
  return { fiscalYear: m >= fiscalYearStartMonth ? y : y - 1, fiscalQuarter: Math.floor(fiscalMonthIndex / 3) + 1, fiscalMonthIndex };
}

const fiscalLabel = (fiscalYear: number, startMonth: number) =>
  startMonth === 1 ? `FY${fiscalYear}` : `FY${fiscalYear}/${pad2((fiscalYear + 1) % 100)}`;

/** Local start and end (exclusive) dates of the period of `kind` containing the local date. */
export function periodDates(kind: PeriodKind, date: string, options: Omit<PeriodOptions, 'timeZone'>): { startDate: string; endDate: string } {
  const [y, m] = civilParts(date);
  switch (kind) {
    case 'day':
      return { startDate: date, endDate: addDays(date, 1) };
    case 'week': {
      const startDate = addDays(date, -((weekdayOf(date) - options.weekStartsOn + 7) % 7));
      return { startDate, endDate: addDays(startDate, 7) };
    }
    case 'month': {
      const startDate = civilDate(y, m, 1);
      return { startDate, endDate: addMonths(startDate, 1) };
    }
    case 'quarter': {
      const { fiscalMonthIndex } = fiscalOf(date, options.fiscalYearStartMonth);
      const startDate = addMonths(civilDate(y, m, 1), -(fiscalMonthIndex % 3));
      return { startDate, endDate: addMonths(startDate, 3) };
    }
    case 'fiscalYear': {
      const { fiscalYear } = fiscalOf(date, options.fiscalYearStartMonth);
      const startDate = civilDate(fiscalYear, options.fiscalYearStartMonth, 1);
      return { startDate, endDate: addMonths(startDate, 12) };
    }
  }
}

/** The period of `kind` that contains the local date `date`. */
export function periodForDate(kind: PeriodKind, date: string, options: PeriodOptions): ZonedPeriod {
  const { startDate, endDate } = periodDates(kind, date, options);
  const { fiscalYear, fiscalQuarter } = fiscalOf(startDate, options.fiscalYearStartMonth);
  const fy = fiscalLabel(fiscalYear, options.fiscalYearStartMonth);
  const label =
    kind === 'day' ? startDate
    : kind === 'week' ? `Week of ${startDate}`
    : kind === 'month' ? startDate.slice(0, 7)
    : kind === 'quarter' ? `Q${fiscalQuarter} ${fy}`
    : fy;
  return {
    kind,
    timeZone: options.timeZone,
    from: startOfLocalDateIso(startDate, options.timeZone),
    to: startOfLocalDateIso(endDate, options.timeZone),
    startDate,
    endDate,
    fiscalYear,
    fiscalQuarter,
    label,
  };
}

/** The period of `kind` containing the instant `at`, in `options.timeZone`. */
export const periodContaining = (kind: PeriodKind, at: Date | string | number, options: PeriodOptions): ZonedPeriod =>
  periodForDate(kind, localDateOf(at, options.timeZone), options);

/** The period of the same kind just before `p`. */
export const previousPeriod = (p: ZonedPeriod, options: PeriodOptions): ZonedPeriod =>
  periodForDate(p.kind, addDays(p.startDate, -1), { ...options, timeZone: p.timeZone });

/** The period of the same kind just after `p`. */
export const nextPeriod = (p: ZonedPeriod, options: PeriodOptions): ZonedPeriod => periodForDate(p.kind, p.endDate, { ...options, timeZone: p.timeZone });

/** Days of [startDate, endDate), oldest first. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/**
 * Every local date from `first` to `last` (both included) with its weekday (0 = Sunday),
 * written without a Date object per day: for loops over years of days.
 */
export function* datesFrom(first: string, last: string): Generator<[string, number]> {
  let [y, m, d] = civilParts(first);
  let weekday = weekdayOf(first);
  for (let date = first; date <= last; ) {
    yield [date, weekday];
    weekday = (weekday + 1) % 7;
    if (++d > daysInMonth(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
    date = `${String(y).padStart(4, '0')}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
  }
}

const daysInMonth = (y: number, m: number): number => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

export function eachDate(startDate: string, endDate: string): string[] {
  const out: string[] = [];
  for (let d = startDate; d < endDate; d = addDays(d, 1)) out.push(d);
  return out;
}

export const isWorkingDay = (date: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): boolean => {
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6 && !holidays.has(date);
};
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

export const holidaySet = (holidays: readonly string[] | ReadonlySet<string> | undefined): ReadonlySet<string> =>
  holidays === undefined ? NO_HOLIDAYS : holidays instanceof Set ? holidays : new Set(holidays as readonly string[]);

/** Monday–Friday dates in [startDate, endDate) that are not holidays. */
export function workingDaysBetween(startDate: string, endDate: string, holidays?: readonly string[] | ReadonlySet<string>): number {
  const set = holidaySet(holidays);
  const total = daysBetween(startDate, endDate);
  if (total <= 0) return 0;
  // Whole weeks hold five weekdays each; walk only the remainder.
  const weeks = Math.floor(total / 7);
  let n = weeks * 5;
  for (let d = addDays(startDate, weeks * 7); d < endDate; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  for (const h of set) if (h >= startDate && h < endDate && isWorkingDay(h)) n--;
  return n;
}

/** Working days in a period. */
export const workingDaysIn = (p: Pick<ZonedPeriod, 'startDate' | 'endDate'>, holidays?: readonly string[] | ReadonlySet<string>): number =>
  workingDaysBetween(p.startDate, p.endDate, holidays);


const D0 = 48;
const dig = (s: string, i: number, n: number): number => {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - D0;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
};

/**
 * Epoch ms of an ISO UTC instant: a fast path for 'YYYY-MM-DDTHH:mm:ss(.sss)Z' (what
 * toISOString writes), Date.parse for anything else. NaN when unreadable.
 */
export function isoMs(s: string): number {
  if (s.length >= 20 && s.charCodeAt(10) === 84 /* T */ && s.charCodeAt(s.length - 1) === 90 /* Z */ && (s.length === 20 || s.charCodeAt(19) === 46)) {
    const ms = s.length === 24 ? dig(s, 20, 3) : 0;
    const y = dig(s, 0, 4);
    const m = dig(s, 5, 2);
    const d = dig(s, 8, 2);
    const v = daysFromCivil(y, m, d) * DAY_MS + ((dig(s, 11, 2) * 60 + dig(s, 14, 2)) * 60 + dig(s, 17, 2)) * 1000 + ms;
    if (Number.isFinite(v) && m >= 1 && m <= 12 && d >= 1 && d <= 31 && (s.length === 20 || s.length === 24)) return v;
  }
  return Date.parse(s);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// ---- in the machine's own zone ---------------------------------------------------------------
// For what has no plan to follow: the demo data set's "today" and "this week", and whole days
// elapsed on a deal's timer. Everything a rep's numbers are counted in uses the plan's zone above.

const startOfMachineDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const addMachineDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** The machine's local day containing `now`. */
export function dayPeriod(now: Date): Period {
  const start = startOfMachineDay(now);
  return { from: start.toISOString(), to: addMachineDays(start, 1).toISOString() };
}

/** The machine's local week containing `now`; weeks start on Monday unless told otherwise (0 = Sunday). */
export function weekPeriod(now: Date, weekStartsOn = 1): Period {
  const today = startOfMachineDay(now);
  const start = addMachineDays(today, -((today.getDay() - weekStartsOn + 7) % 7));
  return { from: start.toISOString(), to: addMachineDays(start, 7).toISOString() };
}

/** Whole days between two instants, floored; never negative. */
export function wholeDaysBetween(fromIso: string, to: Date): number {
  const ms = to.getTime() - Date.parse(fromIso);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 86_400_000) : 0;
}
