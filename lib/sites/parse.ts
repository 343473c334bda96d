// Pure text parsers for what CRM pages display. They return null rather than
// guess: a wrong amount or date recorded as fact is worse than "unknown".
// Shared by every site adapter (Salesforce, HubSpot, Pipedrive, LinkedIn).
// TODO [2027-01-15]: replace the small tables below with a per-locale table
// (decimal/group separators, date order, words) chosen from the page's own locale.

// ---------------------------------------------------------------------------
// Text normalisation

/** No-break and narrow no-break spaces (Intl puts them in "1 234,56 kr", "15 %"), collapsed. */
function clean(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case without diacritics ("März" → "marz", "décembre" → "decembre"), for word tables. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// ---------------------------------------------------------------------------
// Numbers and amounts

export interface ParsedAmount {
  amount: number;
  currency: string | null;
}

/**
 * Currency symbols as Salesforce shows them for the org's corporate currency
 * (multi-currency orgs show ISO codes instead, handled separately). A symbol
 * shared by several currencies maps to null: the number is still read, the
 * currency is left unknown. '$' and '¥' are read as USD and JPY because that
 * is what they mean in the en-US / ja-JP locales this first table covers.
 * Longest first, so "US$" wins over "$".
 */
const SYMBOLS: readonly (readonly [string, string | null])[] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['R$', 'BRL'],
  ['kr.', null], // DKK/ISK
  ['kr', null], // SEK, NOK, DKK, ISK all use it
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
];

const SCALE: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9 };
/** The largest amount read as one (a quadrillion); anything larger is unknown. */
export const MAX_AMOUNT = 1e15;

/** "120,000.00" style numbers: grouping in threes, optional decimals. */
function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\s']/g, (m, offset: number) => {
    // A space or apostrophe is only a group separator between digit groups ("1 234,56", "1'234.50").
    const before = raw[offset - 1] ?? '';
    const after = raw[offset + 1] ?? '';
    return /\d/.test(before) && /\d/.test(after) ? '\u0000' : m;
  });
  if (/\s/.test(s) || s === '') return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalSep: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: whichever comes last is the decimal separator ("1.234,56" vs "1,234.56").
    decimalSep = lastDot > lastComma ? '.' : ',';
  } else if (lastComma >= 0) {
    // Comma only: several commas, or exactly three digits after one, is en-style grouping
    // ("1,234" is one thousand two hundred thirty-four); one or two digits is a decimal comma.
    const commas = s.split(',').length - 1;
    const tail = s.length - lastComma - 1;
    decimalSep = commas === 1 && tail !== 3 ? ',' : null;
  } else if (lastDot >= 0) {
    // Dot only: several dots is grouping ("1.234.567"); one dot is the en-style decimal point.
    decimalSep = s.split('.').length - 1 === 1 ? '.' : null;
  }
  let intPart = s;
  let fraction = '';
  if (decimalSep !== null) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!/^\d+$/.test(fraction)) return null;
    if (intPart === '') intPart = '0'; // ",5" / ".5"
  }
  // One kind of group separator, and not the decimal one ("1.000,000.00" is not a number).
  const seps = new Set(intPart.match(/[.,\u0000]/g) ?? []);
  if (seps.size > 1 || (decimalSep !== null && seps.has(decimalSep))) return null;
  const groups = intPart.split(/[.,\u0000]/);
  if (groups.length > 1) {
    // Every group after the first must have exactly three digits, else the text is not a number we can trust.
    const [first, ...rest] = groups;
    if (!first || !/^\d{1,3}$/.test(first) || rest.some(g => !/^\d{3}$/.test(g))) return null;
  } else if (!/^\d+$/.test(intPart)) {
    return null;
  }
  const value = Number(`${groups.join('')}.${fraction || '0'}`);
  return Number.isFinite(value) ? value : null;
}

/** Rounds away float noise (1.2 * 1e6 = 1199999.9999999998, 33.3 / 100 = 0.33299999999999996). */
const tidy = (n: number, digits = 10) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/**
 * Reads an amount as displayed ("$120,000.00", "USD 5,000.00", "€1.234,56", "$1.2M",
 * "CHF 1'234.50", "EUR 48,500.00 (USD 52,380.00)"); null when unsure.
 */
export function parseAmount(text: string): ParsedAmount | null {
  let s = clean(text);
  // Multi-currency orgs add the amount converted to the user's currency in
  // parentheses after the record's own: the first one is the deal's.
  s = s.replace(/\s*\([A-Z]{3}\s[^()]*\)$/, '');
  if (!/\d/.test(s)) return null;

  let negative = false;
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = true;
    s = s.slice(1).trim();
  }

  let currency: string | null = null;
  let found = false;
  const code = /^([A-Z]{3})\s*(?=[\d.,])|(?<=[\d.,KMB])\s*([A-Z]{3})$/.exec(s);
  if (code) {
    currency = code[1] ?? code[2] ?? null;
    s = s.replace(code[0], '').trim();
    found = true;
  } else {
    for (const [symbol, iso] of SYMBOLS) {
      if (s.startsWith(symbol)) {
        s = s.slice(symbol.length).trim();
      } else if (s.endsWith(symbol)) {
        s = s.slice(0, -symbol.length).trim();
      } else {
        continue;
      }
      currency = iso;
      found = true;
      break;
    }
  }
  if (!found && /[^\d.,\s'KMB-]/i.test(s)) return null; // an unknown word or symbol: don't guess
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }

  // Compact amounts ("$1.2M") appear in list views and Kanban cards.
  let scale = 1;
  const suffix = /([KMB])$/i.exec(s);
  if (suffix?.[1]) {
    scale = SCALE[suffix[1].toUpperCase()] ?? 1;
    s = s.slice(0, -1).trim();
  }

  const value = parseNumber(s);
  if (value === null) return null;
  const amount = tidy(value * scale, 6);
  // Past this no deal is that large and the cents are gone (2^53): garbage, not an amount.
  // (A 300-digit number also overflowed tidy() to Infinity.) Issue #9's fuzzing found both.
  if (!Number.isFinite(amount) || amount > MAX_AMOUNT) return null;
  // "-0" is zero, not a negative amount.
  return { amount: negative && amount !== 0 ? -amount : amount, currency };
}

/** A percentage as displayed ("15%", "15 %", "12,5 %", "-5%") as a fraction (0.125); null without a "%". */
export function parsePercent(text: string): number | null {
  const m = /^([-−+]?)\s*([\d.,' ]+?)\s*[%％]$/.exec(clean(text));
  if (!m?.[2]) return null;
  const value = parseNumber(m[2].trim());
  if (value === null) return null;
  const fraction = tidy(value / 100);
  return m[1] === '-' || m[1] === '−' ? -fraction || 0 : fraction;
}

/**
 * A discount as displayed ("15%", "15 % off", "-15%": CRMs show it either way) as a
 * fraction between 0 and 1; null when it is not one (no "%", over 100 %).
 */
export function parseDiscount(text: string): number | null {
  const pct = parsePercent(clean(text).replace(/\s*off$/i, ''));
  if (pct === null) return null;
  const d = Math.abs(pct);
  return d <= 1 ? d : null;
}

/** The discount a net amount gives off a list amount, as a fraction; null unless 0 ≤ net ≤ list and list > 0. */
export function discountFromAmounts(listAmount: number, netAmount: number): number | null {
  if (!Number.isFinite(listAmount) || !Number.isFinite(netAmount)) return null;
  if (listAmount <= 0 || netAmount < 0 || netAmount > listAmount) return null;
  return tidy((listAmount - netAmount) / listAmount);
}

// ---------------------------------------------------------------------------
// Dates and times

/** Numeric dates with slashes: month first (en-US) or day first (en-GB, fr, es…). */
export type DateOrder = 'MDY' | 'DMY';

export interface DateOptions {
  /**
   * How to read an ambiguous slashed date like 1/2/2026. Without it, a date that can
   * only be day-first (24/11/2026) is read day-first and every other one month-first,
   * Salesforce's default en-US. Pass the page's order when it is known
   * (`dateOrderEvidence`); with an order, a date that contradicts it is null.
   */
  order?: DateOrder;
}

/** Month names and abbreviations in English, German, French and Spanish, folded (no accents, lower case). */
const MONTHS: Record<string, number> = {};
for (const [month, names] of [
  [1, 'january jan januar janner jan janvier janv enero ene'],
  [2, 'february feb februar fevrier fevr fev febrero'],
  [3, 'march mar marz mrz mars marzo'],
  [4, 'april apr avril avr abril abr'],
  [5, 'may mai mayo'],
  [6, 'june jun juni juin junio'],
  [7, 'july jul juli juillet juil julio'],
  [8, 'august aug aout agosto ago'],
  [9, 'september sep sept septembre septiembre setiembre set'],
  [10, 'october oct oktober okt octobre octubre'],
  [11, 'november nov novembre noviembre'],
  [12, 'december dec dezember dez decembre diciembre dic'],
] as const) {
  for (const name of names.split(' ')) MONTHS[name] = month;
}

/** Weekday names a date may start with ("Tue, Nov 24, 2026", "Dienstag, 24. November 2026"). */
const WEEKDAYS = new Set(
  (
    'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun ' +
    'montag mo dienstag di mittwoch mi donnerstag do freitag fr samstag sa sonntag so ' +
    'lundi lun mardi mar mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim ' +
    'lunes martes miercoles jueves viernes sabado domingo'
  ).split(' '),
);

/** Days relative to today, folded. */
const RELATIVE_DAYS: Record<string, number> = {
  today: 0,
  heute: 0,
  "aujourd'hui": 0,
  hoy: 0,
  yesterday: -1,
  gestern: -1,
  hier: -1, // French; German "hier" means "here" and never stands alone as a date
  ayer: -1,
  tomorrow: 1,
  morgen: 1,
  demain: 1,
  manana: 1,
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Units of "N … ago" in the four languages, folded. Months and years ago are too vague to record. */
const UNITS: readonly (readonly [RegExp, number])[] = [
  [/^(s|secs?|seconds?|sekunden?|secondes?|segundos?)$/, SECOND],
  [/^(m|mins?|minutes?|minuten?|minutos?)$/, MINUTE],
  [/^(h|hrs?|hours?|stunden?|heures?|horas?)$/, HOUR],
  [/^(d|days?|tage?n?|jours?|dias?)$/, DAY],
  [/^(w|wks?|weeks?|wochen?|semaines?|semanas?)$/, 7 * DAY],
];

const ONE = new Set(['a', 'an', 'one', 'ein', 'einer', 'einem', 'un', 'une', 'una', 'uno']);

/** "2d ago", "3 days ago", "vor 5 Stunden", "il y a 3 jours", "hace 2 días", "just now": milliseconds back, or null. */
function relativeAgo(folded: string): number | null {
  if (/^(just now|right now|now|gerade eben|soeben|jetzt|a l'instant|ahora mismo|justo ahora|ahora)$/.test(folded)) return 0;
  const m =
    /^(\d+|\w+)\s*([a-z]+)\s+ago$/.exec(folded) ??
    /^vor\s+(\d+|\w+)\s+([a-z]+)$/.exec(folded) ??
    /^il y a\s+(\d+|\w+)\s+([a-z]+)$/.exec(folded) ??
    /^hace\s+(\d+|\w+)\s+([a-z]+)$/.exec(folded);
  if (!m?.[1] || !m[2]) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : ONE.has(m[1]) ? 1 : null;
  const unit = UNITS.find(([re]) => re.test(m[2]!))?.[1];
  return n === null || unit === undefined ? null : n * unit;
}

/** A real calendar date (rejects 2/30 and years Date would misread). */
function ymd(year: number, m: number, d: number): [number, number, number] | null {
  if (year < 1900 || year > 2199 || m < 1 || m > 12 || d < 1) return null;
  const probe = new Date(Date.UTC(year, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d ? [year, m, d] : null;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The local calendar date `days` after `now`'s. */
function shiftDay(now: Date, days: number): [number, number, number] {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
}

/** Reads the date part (no time left in it); `now` null means relative words cannot be resolved. */
function readDatePart(folded: string, now: Date | null, order: DateOrder | undefined): [number, number, number] | null {
  const rel = RELATIVE_DAYS[folded];
  if (rel !== undefined) return now ? shiftDay(now, rel) : null;

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(folded);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(folded);
  if (slashed?.[3]) {
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    const year = fullYear(slashed[3]);
    // Two-digit years ("3/20/17") are this century: CRMs show them for recent activity.
    const dayFirst = order ? order === 'DMY' : a > 12 && b <= 12;
    return dayFirst ? ymd(year, b, a) : ymd(year, a, b);
  }

  // Every locale writing dotted numeric dates (de, ru, pl, fi…) puts the day first.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\.?$/.exec(folded);
  if (dotted?.[3]) return ymd(fullYear(dotted[3]), Number(dotted[2]), Number(dotted[1]));

  // Month names: "nov 24 2026", "24 november 2026", "24. nov. 2026", "1er decembre 2026", "24 de noviembre de 2026".
  const tokens = folded
    .replace(/,/g, ' ')
    .split(' ')
    .map(t => t.replace(/\.$/, ''))
    .filter(t => t && t !== 'de' && t !== 'del');
  while (tokens.length > 3 && WEEKDAYS.has(tokens[0]!)) tokens.shift();
  if (tokens.length !== 3) return null;
  const dayOf = (t: string) => {
    const m = /^(\d{1,2})(st|nd|rd|th|er|re|º|o)?$/.exec(t);
    return m ? Number(m[1]) : null;
  };
  const [t0, t1, t2] = tokens as [string, string, string];
  if (!/^\d{4}$/.test(t2)) return null;
  const year = Number(t2);
  const m0 = MONTHS[t0];
  const m1 = MONTHS[t1];
  if (m0 !== undefined && dayOf(t1) !== null) return ymd(year, m0, dayOf(t1)!);
  if (m1 !== undefined && dayOf(t0) !== null) return ymd(year, m1, dayOf(t0)!);
  return null;
}

/** "9:00 AM", "9:00am", "14:30", "9:00 a. m.", "9am" inside a longer text. */
const TIME = /(?<![\d.:/])(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?(?:\s*([ap])\.?\s?m\.?)?(?![\w:/])/g;

interface TimeOfDay {
  h: number;
  min: number;
  s: number;
}

/** Finds the one time of day in `folded`; returns it and the text without it. Several times: null. */
function extractTime(folded: string): { time: TimeOfDay | null; rest: string } | null {
  const hits = [...folded.matchAll(TIME)].filter(m => m[2] !== undefined || m[4] !== undefined);
  if (hits.length === 0) return { time: null, rest: folded };
  if (hits.length > 1) return null;
  const hit = hits[0]!;
  let h = Number(hit[1]);
  const min = Number(hit[2] ?? 0);
  const s = Number(hit[3] ?? 0);
  const meridiem = hit[4];
  if (min > 59 || s > 59) return null;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (h > 23) {
    return null;
  }
  const at = hit.index ?? 0;
  return { time: { h, min, s }, rest: `${folded.slice(0, at)} ${folded.slice(at + hit[0].length)}` };
}

/** Words joining a date and a time ("Nov 24 at 9:00", "24. Nov um 14:30 Uhr", "24 nov à 14:30", "24 de nov a las 14:30"). */
const CONNECTORS = /^(?:at|um|a|a las|a la|le|el|uhr|,|\||-|–)$/;

/** The date part left once the time is taken out: separators and connectors trimmed; two dates ("a | b") are null. */
function datePartOf(rest: string): string | null {
  const segments = rest
    .split('|')
    .map(s => s.trim())
    .filter(Boolean);
  if (segments.length !== 1) return segments.length === 0 ? '' : null;
  let words = segments[0]!.replace(/,\s*$/, '').replace(/^,\s*/, '').split(' ').filter(Boolean);
  const isConnector = (w: string) => CONNECTORS.test(w.replace(/,$/, ''));
  while (words.length && isConnector(words[words.length - 1]!)) words.pop();
  while (words.length && isConnector(words[0]!)) words.shift();
  // "a las" / "a la" are two words.
  if (words.length >= 2 && words[words.length - 2] === 'a' && /^las?$/.test(words[words.length - 1]!)) words = words.slice(0, -2);
  return words.join(' ').replace(/,$/, '');
}

/** The instant a text shows, in local wall time; null when unsure. `now` null: relative texts are null. */
function readInstant(text: string, now: Date | null, options: DateOptions = {}): Date | null {
  const folded = fold(clean(text));
  if (!folded) return null;

  const ago = relativeAgo(folded);
  if (ago !== null) return now ? new Date(now.getTime() - ago) : null;

  // ISO 8601 timestamps: with a zone they are exact; without one, local wall time.
  const iso = /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?$/.exec(folded);
  if (iso) {
    const date = ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const [h, min, s] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    if (!date || h > 23 || min > 59 || s > 59) return null;
    const zone = iso[8];
    if (zone) {
      const offset = zone === 'z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
      const ms = Date.parse(`${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${iso[7] ?? ''}${offset}`);
      return Number.isFinite(ms) ? new Date(ms) : null;
    }
    return new Date(date[0], date[1] - 1, date[2], h, min, s);
  }

  const split = extractTime(folded);
  if (!split) return null;
  const datePart = datePartOf(split.rest);
  if (!datePart) return null; // a time alone, or two dates: which day is a guess
  const date = readDatePart(datePart, now, options.order);
  if (!date) return null;
  const t = split.time ?? { h: 0, min: 0, s: 0 };
  return new Date(date[0], date[1] - 1, date[2], t.h, t.min, t.s);
}

const pad = (n: number) => String(n).padStart(2, '0');
const localYmd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * A date or date-time as displayed, as ISO 8601 UTC. Read as the local wall time of the
 * running environment (the CRM renders in the user's profile time zone; a rep's laptop
 * and profile normally agree). A date without a time is local midnight. Covers US
 * (11/24/2026, 11/24/26), day-first (24.11.2026; 24/11/2026 only when it can only be
 * day-first, see `DateOptions`), ISO, month names in English, German, French and Spanish,
 * Today/Yesterday/Tomorrow, "2d ago", "5 hours ago", "just now", and times like
 * "9:00 AM", "9:00am", "14:30", "9:00am | 11/24/26". Null when unsure.
 */
export function parseDateTime(text: string, now: Date, options?: DateOptions): string | null {
  return readInstant(text, now, options)?.toISOString() ?? null;
}

/** The local calendar date (YYYY-MM-DD) of what `parseDateTime` reads; null when unsure. */
export function parseDate(text: string, now: Date, options?: DateOptions): string | null {
  const d = readInstant(text, now, options);
  return d ? localYmd(d) : null;
}

/**
 * Which order the slashed dates on a page use, from the dates that can only be read
 * one way (24/11/2026 is day-first, 11/24/2026 month-first). Undefined when the page
 * shows no such date, or both kinds.
 */
export function dateOrderEvidence(texts: Iterable<string>): DateOrder | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const t of texts) {
    for (const m of t.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?![\d/])/g)) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a > 12 && b <= 12) dayFirst = true;
      if (b > 12 && a <= 12) monthFirst = true;
    }
  }
  return dayFirst === monthFirst ? undefined : dayFirst ? 'DMY' : 'MDY';
}

/**
 * Timeline dates as SLDS shows them ("9:00am | 3/20/17", "14:30 | 10.11.2026"), as ISO UTC.
 * Kept for callers without a clock: relative words ("Today", "2d ago") give null here;
 * use `parseDateTime` with `now` to resolve them.
 */
export function parseSfDateTime(text: string, options?: DateOptions): string | null {
  return readInstant(text, null, options)?.toISOString() ?? null;
}

/** Close Date and other date-only fields ("12/31/2026", "2026-12-31") as YYYY-MM-DD; relative words give null. */
export function parseDateOnly(text: string, options?: DateOptions): string | null {
  const d = readInstant(text, null, options);
  return d ? localYmd(d) : null;
}

// ---------------------------------------------------------------------------
// LinkedIn profile URLs

/**
 * A LinkedIn member profile URL in canonical form, `https://www.linkedin.com/in/<slug>/`
 * (slug lower-cased: LinkedIn treats it case-insensitively), from a link or text such as
 * "linkedin.com/in/Dana-Park?trk=x" or "https://de.linkedin.com/in/dana-park/". Company
 * pages, Sales Navigator and old /pub/ URLs give null.
 */
export function parseLinkedInProfileUrl(text: string): string | null {
  const s = clean(text);
  // Sub-pages of a profile (/details/experience/, /overlay/contact-info/) still name it.
  const m = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|m\.)?linkedin\.com\/in\/([^/?#\s]+)(?:\/[^?#\s]*)?(?:[?#]\S*)?$/i.exec(s);
  if (!m?.[1]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  slug = slug.trim();
  if (!slug || /[\s/]/.test(slug)) return null;
  // Vanity names are case-insensitive; member ids (ACoAA…, ACwAA…) are not.
  if (!/^AC[a-zA-Z]AA/.test(slug)) slug = slug.toLowerCase();
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}
