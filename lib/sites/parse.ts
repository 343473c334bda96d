// Pure text parsers for what CRM pages display. They return null rather than
// guess: a wrong amount or date recorded as fact is worse than "unknown".
// TODO [2027-01-15]: replace the small tables below with a per-locale table
// (decimal/group separators, date order) chosen from the page's own locale.

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

/** "120,000.00" style numbers: grouping in threes, optional decimals. */
function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\s']/g, (m, offset: number) => {
    // A space or apostrophe is only a group separator between digit groups ("1 234,56", "1'234.50").
    const before = raw[offset - 1] ?? '';
    const after = raw[offset + 1] ?? '';
    return /\d/.test(before) && /\d/.test(after) ? '\u0000' : m;
  });
  if (/\s/.test(s)) return null;
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

/** Reads an amount as displayed ("$120,000.00", "USD 5,000.00", "€1.234,56", "$1.2M"); null when unsure. */
export function parseAmount(text: string): ParsedAmount | null {
  let s = text.replace(/[\u00a0\u202f]/g, ' ').trim();
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
  // Round away float noise from scaling (1.2 * 1e6 = 1199999.9999999998).
  const amount = Math.round(value * scale * 1e6) / 1e6;
  return { amount: negative ? -amount : amount, currency };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date (rejects 2/30 and years Date would misread). */
function ymd(year: number, m: number, d: number): [number, number, number] | null {
  if (year < 1900 || m < 1 || m > 12 || d < 1) return null;
  const probe = new Date(Date.UTC(year, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d ? [year, m, d] : null;
}

/**
 * en-US M/D/Y, dotted D.M.YYYY (de, ru, pl, fi…: every locale writing dots puts
 * the day first) or ISO Y-M-D. Slashed day-first dates (en-GB 31/12/2026) are
 * left null until the locale table exists: 1/2/2026 would be a guess.
 */
function readDate(text: string): [number, number, number] | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  // Two-digit years ("3/20/17") are this century: Salesforce shows them for recent activity.
  if (us?.[3]) return ymd(us[3].length === 2 ? 2000 + Number(us[3]) : Number(us[3]), Number(us[1]), Number(us[2]));
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return ymd(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/**
 * Timeline dates as SLDS shows them ("9:00am | 3/20/17", "14:30 | 10.11.2026", "3/20/2017"), read as
 * the browser's local wall time. Salesforce renders them in the time zone of the
 * user's Salesforce profile; we assume it matches the browser's (a rep's laptop
 * and profile normally agree). Relative words ("Today", "Yesterday") give null.
 */
export function parseSfDateTime(text: string): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  const parts = s.split('|').map(p => p.trim());
  if (parts.length > 2) return null;
  const [left, right] = parts.length === 2 ? parts : ['', s];
  if (left === undefined || right === undefined) return null;
  const date = readDate(right);
  if (!date) return null;
  let hour = 0;
  let minute = 0;
  if (left) {
    const t = /^(\d{1,2}):(\d{2}) ?([ap]m)?$/i.exec(left);
    if (!t) return null;
    hour = Number(t[1]);
    minute = Number(t[2]);
    const meridiem = t[3]?.toLowerCase();
    if (minute > 59) return null;
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    } else if (hour > 23) {
      return null;
    }
  }
  const [y, m, d] = date;
  return new Date(y, m - 1, d, hour, minute).toISOString();
}

/** Close Date and other date-only fields ("12/31/2026", "2026-12-31") as YYYY-MM-DD. */
export function parseDateOnly(text: string): string | null {
  const date = readDate(text.trim());
  if (!date) return null;
  const [y, m, d] = date;
  return `${y}-${pad(m)}-${pad(d)}`;
}
