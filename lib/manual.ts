// Manual logging (issue #5, item 3): what no page shows, logged by the rep in the
// side panel. A manual entry is an ordinary ActivityEvent with site 'manual', written
// through the same path as captured ones (addNewEvents, one transaction), so the day
// aggregates, export, import and sync treat it like any other fact. Edits and deletes
// leave tombstones, so a resend, an import or a sync never brings the old version back.
// Pure Dexie: no WXT, so it runs in Node and in the tests.
import { liveQuery } from 'dexie';
import type { PacerDb } from './db';
import { browserTimeZone, DAYS_TIME_ZONE_KEY } from './days';
import { stableId } from './ids';
import { addNewEvents, captureTables, deleteEvents } from './ingest';
import type { ActivityEvent, DealRef, EventType } from './model';

/** What can be logged by hand, in the order the form offers it. */
export const MANUAL_TYPES = [
  'referral_given',
  'referral_received',
  'event_attended',
  'training',
  'proposal_sent',
  'proposal_accepted',
  'call',
] as const satisfies readonly EventType[];
export type ManualType = (typeof MANUAL_TYPES)[number];

/** One entry each, in the singular (EVENT_LABELS are the scorecard's plural row names). */
export const MANUAL_TYPE_LABELS: Record<ManualType, string> = {
  referral_given: 'Referral given',
  referral_received: 'Referral received',
  event_attended: 'Event attended',
  training: 'Training',
  proposal_sent: 'Proposal sent',
  proposal_accepted: 'Proposal accepted',
  call: 'Call (off-CRM)',
};

/** The types that carry money, and what the money is. Others take no amount. */
export const AMOUNT_LABELS: Partial<Record<ManualType, string>> = {
  training: 'Cost',
  proposal_sent: 'Value',
  proposal_accepted: 'Value',
};

export const takesAmount = (type: string): boolean => type in AMOUNT_LABELS;
export const isManualType = (value: unknown): value is ManualType =>
  typeof value === 'string' && (MANUAL_TYPES as readonly string[]).includes(value);

export const MAX_SUBJECT = 120;
export const MAX_NAME = 120;
/** A clock a minute fast on the rep's machine must not make "now" look like the future. */
const FUTURE_SLACK_MS = 60_000;

/** What the rep logs. Deliberately note-free: a short subject line at most, never a body. */
export interface ManualEntry {
  type: ManualType;
  /** When it happened, ISO 8601 with a zone (Z or ±hh:mm). */
  at: string;
  person?: { name: string };
  deal?: DealRef;
  /** Training cost or proposal value; needs `currency`. */
  amount?: number;
  currency?: string;
  /** A title, at most MAX_SUBJECT characters, one line. */
  subject?: string;
  /**
   * Identifies this submission, so a resend (a double click, a retry) stores it once.
   * The form makes one per draft (newEntryKey); without it, the log time is used.
   */
  key?: string;
}

export type ManualField = 'entry' | 'type' | 'at' | 'person' | 'deal' | 'amount' | 'currency' | 'subject';

/** What is wrong, for the screen to word in the interface's language (lib/manual-words.ts). */
export type ManualProblemCode =
  | 'entry' | 'extra' | 'type' | 'at_missing' | 'at_invalid' | 'at_future' | 'person' | 'person_long' | 'deal'
  | 'no_amount' | 'amount_number' | 'amount_negative' | 'currency_missing' | 'currency_code' | 'currency_unknown'
  | 'subject' | 'subject_long' | 'key' | 'not_type' | 'gone' | 'not_manual';

export interface ManualProblem {
  field: ManualField;
  /** In English, for Node tools, logs and tests; screens word `code` and `values`. */
  message: string;
  code: ManualProblemCode;
  /** What the message names: the bad value, a limit, an id, the entry type. */
  values?: Record<string, string | number>;
}

/** Thrown before anything is written: the entry is invalid, or no longer there to change. */
export class ManualEntryError extends Error {
  override name = 'ManualEntryError';
  constructor(readonly problems: readonly ManualProblem[]) {
    super(problems.map(p => p.message).join(' '));
  }
}

export const newEntryKey = (): string => crypto.randomUUID();

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** ISO 8601 with a zone, and a real calendar day: Date.parse rolls 31 February over to March. */
function isInstant(s: string): boolean {
  const m = ISO_INSTANT.exec(s);
  if (!m || Number.isNaN(Date.parse(s))) return false;
  const [y, mo, d, h, mi] = [0, 5, 8, 11, 14].map(i => Number(s.slice(i, i + (i === 0 ? 4 : 2))));
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  return day.getUTCMonth() === mo! - 1 && day.getUTCDate() === d && h! < 24 && mi! < 60;
}
const ALLOWED_KEYS = new Set<string>(['type', 'at', 'person', 'deal', 'amount', 'currency', 'subject', 'key']);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

let knownCurrencies: Set<string> | undefined;
function isKnownCurrency(code: string): boolean {
  // Intl.supportedValuesOf is in every browser Pacer supports and in Node 20; guard anyway.
  const list = (Intl as { supportedValuesOf?: (key: 'currency') => string[] }).supportedValuesOf;
  if (!list) return true;
  knownCurrencies ??= new Set(list('currency'));
  return knownCurrencies.has(code);
}

const article = (label: string) => (/^[AEIOU]/.test(label) ? 'An' : 'A');

export type Validation = { ok: true; entry: ManualEntry } | { ok: false; problems: ManualProblem[] };

/** Checks an entry and returns it normalised (trimmed, `at` in UTC), or every problem found. */
export function validateManual(input: unknown, now: Date): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ field: 'entry', code: 'entry', message: 'Nothing to log: an entry is an object with a type and a time.' }] };
  }
  const raw = input as Record<string, unknown>;
  const problems: ManualProblem[] = [];
  const err = (field: ManualField, code: ManualProblemCode, message: string, values?: Record<string, string | number>) =>
    problems.push({ field, code, message, ...(values ? { values } : {}) });

  const extra = Object.keys(raw).filter(k => !ALLOWED_KEYS.has(k) && raw[k] !== undefined);
  if (extra.length) {
    const keys = extra.map(k => `"${k}"`).join(', ');
    err('entry', 'extra', `Manual entries keep no ${keys}: only a type, a time, who, a deal, an amount and a short subject.`, { keys });
  }

  const type = raw.type;
  if (!isManualType(type)) {
    const value = JSON.stringify(type ?? null);
    err('type', 'type', `${value} is not something to log by hand; pick one of: ${MANUAL_TYPES.map(t => MANUAL_TYPE_LABELS[t].toLowerCase()).join(', ')}.`, { value });
  }

  let at = '';
  if (typeof raw.at !== 'string' || raw.at.trim() === '') err('at', 'at_missing', 'Enter when it happened: a date and a time.');
  else if (!isInstant(raw.at)) {
    err('at', 'at_invalid', `"${raw.at}" is not a valid date and time (ISO 8601 with a zone, like 2026-05-14T09:30:00Z).`, { value: raw.at });
  } else if (Date.parse(raw.at) > now.getTime() + FUTURE_SLACK_MS) {
    err('at', 'at_future', 'That time is in the future: log an activity once it has happened.');
  } else at = new Date(raw.at).toISOString();

  let person: { name: string } | undefined;
  if (raw.person !== undefined) {
    const name = typeof raw.person === 'object' && raw.person !== null ? (raw.person as { name?: unknown }).name : undefined;
    if (typeof name !== 'string') err('person', 'person', 'Who must be a name (text).');
    else if (oneLine(name).length > MAX_NAME) err('person', 'person_long', `The name is too long: at most ${MAX_NAME} characters.`, { max: MAX_NAME });
    else if (oneLine(name)) person = { name: oneLine(name) };
  }

  let deal: DealRef | undefined;
  if (raw.deal !== undefined) {
    const d = raw.deal as Partial<DealRef> | null;
    if (typeof d !== 'object' || d === null || typeof d.id !== 'string' || !d.id.includes(':')) {
      err('deal', 'deal', 'The deal needs its "site:recordId" id.');
    } else deal = { id: d.id, ...(typeof d.name === 'string' && d.name.trim() ? { name: oneLine(d.name) } : {}) };
  }

  let amount: number | undefined;
  let currency: string | undefined;
  if (raw.amount !== undefined && raw.amount !== null) {
    const label = isManualType(type) ? MANUAL_TYPE_LABELS[type] : undefined;
    if (label && !takesAmount(type as string)) err('amount', 'no_amount', `${article(label)} ${label.toLowerCase()} has no amount; leave it empty.`, { type: type as string });
    else if (typeof raw.amount !== 'number' || !Number.isFinite(raw.amount)) err('amount', 'amount_number', 'The amount must be a number, like 1500 or 1500.50.');
    else if (raw.amount < 0) err('amount', 'amount_negative', 'The amount cannot be negative.');
    else {
      amount = raw.amount;
      const c = typeof raw.currency === 'string' ? raw.currency.trim().toUpperCase() : raw.currency;
      if (c === undefined || c === null || c === '') err('currency', 'currency_missing', 'Give the currency of the amount: a three-letter code like EUR.');
      else if (typeof c !== 'string' || !/^[A-Z]{3}$/.test(c)) err('currency', 'currency_code', `"${String(c)}" is not a three-letter currency code like EUR.`, { value: String(c) });
      else if (!isKnownCurrency(c)) err('currency', 'currency_unknown', `${c} is not a known ISO 4217 currency.`, { code: c });
      else currency = c;
    }
  }
  // A currency without an amount says nothing: dropped, never stored alone.

  let subject: string | undefined;
  if (raw.subject !== undefined) {
    if (typeof raw.subject !== 'string') err('subject', 'subject', 'The subject must be text.');
    else if (oneLine(raw.subject).length > MAX_SUBJECT) {
      err('subject', 'subject_long', `The subject is too long: at most ${MAX_SUBJECT} characters (a title, not notes).`, { max: MAX_SUBJECT });
    } else if (oneLine(raw.subject)) subject = oneLine(raw.subject);
  }

  if (raw.key !== undefined && (typeof raw.key !== 'string' || raw.key === '')) err('entry', 'key', 'The entry key must be non-empty text.');

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    entry: {
      type: type as ManualType,
      at,
      ...(person ? { person } : {}),
      ...(deal ? { deal } : {}),
      ...(amount !== undefined ? { amount, currency: currency! } : {}),
      ...(subject ? { subject } : {}),
      ...(typeof raw.key === 'string' ? { key: raw.key } : {}),
    },
  };
}

function valid(entry: unknown, now: Date): ManualEntry {
  const v = validateManual(entry, now);
  if (!v.ok) throw new ManualEntryError(v.problems);
  return v.entry;
}

/** The stored fact. `replaces` makes an edit's id differ from the id it replaces, whatever key it reuses. */
function toEvent(entry: ManualEntry, now: Date, replaces?: string): ActivityEvent {
  const id = stableId('manual', entry.key ?? now.toISOString(), entry.type, ...(replaces ? ['replaces', replaces] : []));
  return {
    id,
    type: entry.type,
    at: entry.at,
    site: 'manual',
    url: '',
    ...(entry.person ? { person: { name: entry.person.name } } : {}),
    ...(entry.deal ? { deal: entry.deal } : {}),
    ...(entry.amount !== undefined ? { amount: entry.amount, currency: entry.currency! } : {}),
    ...(entry.subject ? { meta: { subject: entry.subject } } : {}),
    capturedAt: now.toISOString(),
  };
}

/** The entry an event was logged from, to fill the form for an edit (without a key: an edit is a new draft). */
export function entryOf(event: ActivityEvent): ManualEntry {
  if (!isManualType(event.type)) throw new ManualEntryError([{ field: 'type', code: 'not_type', message: `${event.type} is not a manual entry type.`, values: { type: event.type } }]);
  return {
    type: event.type,
    at: event.at,
    ...(event.person?.name ? { person: { name: event.person.name } } : {}),
    ...(event.deal ? { deal: event.deal } : {}),
    ...(event.amount !== undefined ? { amount: event.amount, ...(event.currency ? { currency: event.currency } : {}) } : {}),
    ...(event.meta?.subject ? { subject: event.meta.subject } : {}),
  };
}

/**
 * The zone the day rows are already in, so a manual write never triggers a rebuild
 * in another zone; the browser's zone when nothing is stored yet.
 */
async function daysTimeZone(db: PacerDb): Promise<string> {
  return (await db.meta.get(DAYS_TIME_ZONE_KEY))?.value ?? browserTimeZone();
}

export interface LogResult {
  id: string;
  /** false when the same entry (same key and type) was stored before: a resend. */
  stored: boolean;
}

/** Logs one entry. Invalid entries throw ManualEntryError and write nothing. */
export async function logManual(db: PacerDb, entry: ManualEntry, now = new Date(), timeZone?: string): Promise<LogResult> {
  const event = toEvent(valid(entry, now), now);
  return db.transaction('rw', captureTables(db), async () => {
    const stored = await addNewEvents(db, [event], timeZone ?? (await daysTimeZone(db)));
    return { id: event.id, stored: stored === 1 };
  });
}

const gone = (id: string) =>
  new ManualEntryError([{ field: 'entry', code: 'gone', message: `That entry (${id}) is gone: it was deleted or changed elsewhere. Nothing was changed.`, values: { id } }]);
const notManual = (id: string) =>
  new ManualEntryError([{ field: 'entry', code: 'not_manual', message: `Event ${id} was captured from a page, not logged by hand: it cannot be edited or deleted here.`, values: { id } }]);

/**
 * Replaces a manual entry: the old one is tombstoned (so no sync or import revives it)
 * and the new one stored under a new id, in one transaction; either both happen or
 * neither. Repeating the same edit is harmless. Returns the new id.
 */
export async function editManual(db: PacerDb, oldId: string, entry: ManualEntry, now = new Date(), timeZone?: string): Promise<string> {
  const event = toEvent(valid(entry, now), now, oldId);
  return db.transaction('rw', captureTables(db), async () => {
    const tz = timeZone ?? (await daysTimeZone(db));
    const old = await db.events.get(oldId);
    if (!old) {
      // A resend of this very edit finds the old one tombstoned and the new one stored.
      if ((await db.tombstones.get(oldId)) && (await db.events.get(event.id))) return event.id;
      throw gone(oldId);
    }
    if (old.site !== 'manual') throw notManual(oldId);
    await deleteEvents(db, [oldId], now, tz);
    await addNewEvents(db, [event], tz);
    return event.id;
  });
}

/** Deletes a manual entry (a tombstone). false when it was already gone. */
export async function deleteManual(db: PacerDb, id: string, now = new Date(), timeZone?: string): Promise<boolean> {
  return db.transaction('rw', captureTables(db), async () => {
    const old = await db.events.get(id);
    if (!old) return false;
    if (old.site !== 'manual') throw notManual(id);
    return (await deleteEvents(db, [id], now, timeZone ?? (await daysTimeZone(db)))) === 1;
  });
}

const newestFirst = (a: ActivityEvent, b: ActivityEvent) => b.at.localeCompare(a.at) || b.capturedAt.localeCompare(a.capturedAt);

/**
 * The latest manual entries, newest `at` first. Reads only manual events (the site
 * index), never the captured history.
 */
export async function listManual(db: PacerDb, limit = 10): Promise<ActivityEvent[]> {
  const all = await db.events.where('site').equals('manual').toArray();
  return all.sort(newestFirst).slice(0, limit);
}

/** Follows listManual live (extension pages share the database's origin). Returns the unsubscribe. */
export function watchManual(db: PacerDb, limit: number, next: (events: ActivityEvent[]) => void, error: (e: unknown) => void): () => void {
  const sub = liveQuery(() => listManual(db, limit)).subscribe({ next, error });
  return () => sub.unsubscribe();
}

/** "Referral received, Dana Scully, 14 May 2026, 09:30": one line naming an entry, for lists and button names. */
export function entryLabel(event: Pick<ActivityEvent, 'type' | 'at' | 'person' | 'meta'>, locale?: string, timeZone?: string): string {
  const type = isManualType(event.type) ? MANUAL_TYPE_LABELS[event.type] : event.type;
  const when = new Date(event.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return [type, event.person?.name ?? event.meta?.subject, when].filter(Boolean).join(', ');
}
