// Pacer's public data format (README: "Export format"). Pure: building and
// validating it needs no browser, so other tools can reuse this file.
import { isEventType, isSiteId, type ActivityEvent, type DealSnapshot, type RepIdentity } from './model';

export const EXPORT_FORMAT = 'pacer-export';
export const EXPORT_VERSION = 1;

export interface PacerExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  rep: RepIdentity;
  events: ActivityEvent[];
  deals: DealSnapshot[];
}

export function buildExport(rep: RepIdentity, events: ActivityEvent[], deals: DealSnapshot[], now: Date): PacerExport {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), rep, events, deals };
}

/** `pacer-export-YYYY-MM-DD.json`, dated in the rep's local calendar. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pacer-export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

export type ParseResult = { ok: true; data: PacerExport } | { ok: false; error: string };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Date.parse rolls 2026-02-31 over into March, so the day itself is checked against its month.
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isCalendarDay = (v: string) => {
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1]! + (m === 2 && isLeap(y) ? 1 : 0);
};
const isInstant = (v: unknown): v is string => typeof v === 'string' && ISO_INSTANT.test(v) && isCalendarDay(v) && !Number.isNaN(Date.parse(v));
const isDay = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v) && isCalendarDay(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);
const isAmount = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Why one `events[]` row is not a valid ActivityEvent, or undefined when it is. */
export function eventProblem(e: unknown): string | undefined {
  if (!isObject(e)) return 'is not an object';
  if (!isText(e.id) || e.id === '') return 'has no id';
  if (!isEventType(e.type)) return `has an unknown type ${JSON.stringify(e.type)}`;
  if (!isInstant(e.at)) return 'has an "at" that is not an ISO 8601 time';
  if (!isSiteId(e.site)) return `has an unknown site ${JSON.stringify(e.site)}`;
  if (!isText(e.url)) return 'has no url';
  if (!isInstant(e.capturedAt)) return 'has a "capturedAt" that is not an ISO 8601 time';
  if (!optional(e.amount, isAmount)) return 'has an amount that is not a number';
  if (!optional(e.currency, isText)) return 'has a currency that is not text';
  if (!optional(e.person, isObject) || !optional(e.meta, isObject)) return 'has a malformed person or meta';
  if (!optional(e.deal, d => isObject(d) && isText(d.id))) return 'has a deal without an id';
  return undefined;
}

/** Why one `deals[]` row is not a valid DealSnapshot, or undefined when it is. */
export function dealProblem(d: unknown): string | undefined {
  if (!isObject(d)) return 'is not an object';
  if (!isText(d.id) || !d.id.includes(':')) return 'has no "site:recordId" id';
  if (!isText(d.name) || !isText(d.stage)) return 'has no name or stage';
  if (!isInstant(d.stageEnteredAt) || !isInstant(d.lastSeenAt)) return 'has a stageEnteredAt or lastSeenAt that is not an ISO 8601 time';
  if (!(d.amount === null || isAmount(d.amount))) return 'has an amount that is neither a number nor null';
  if (!(d.currency === null || isText(d.currency))) return 'has a currency that is neither text nor null';
  if (d.status !== 'open' && d.status !== 'won' && d.status !== 'lost') return 'has a status other than open, won or lost';
  if (!isText(d.url)) return 'has no url';
  if (!optional(d.closeDate, isDay)) return 'has a closeDate that is not a real YYYY-MM-DD day';
  if (!optional(d.createdAt, isInstant)) return 'has a createdAt that is not an ISO 8601 time';
  if (!optional(d.listAmount, isAmount) || !optional(d.discount, isAmount)) return 'has a listAmount or discount that is not a number';
  return undefined;
}

/** Validates a whole file before anything is written: one bad row rejects the file, with the row named. */
export function parseExport(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON, so it is not a Pacer export.' };
  }
  if (!isObject(raw) || raw.format !== EXPORT_FORMAT) {
    return { ok: false, error: 'This file is not a Pacer export (its "format" is not "pacer-export").' };
  }
  if (raw.version !== EXPORT_VERSION) {
    return { ok: false, error: `This export is version ${JSON.stringify(raw.version)}; this Pacer reads version ${EXPORT_VERSION}.` };
  }
  if (!isInstant(raw.exportedAt)) return { ok: false, error: 'The export has no valid "exportedAt" time.' };
  if (!isObject(raw.rep) || !isText(raw.rep.name) || !isText(raw.rep.email)) {
    return { ok: false, error: 'The export has no "rep" with a name and an email.' };
  }
  if (!Array.isArray(raw.events) || !Array.isArray(raw.deals)) {
    return { ok: false, error: 'The export needs "events" and "deals" lists.' };
  }
  for (const [list, check] of [['events', eventProblem], ['deals', dealProblem]] as const) {
    const rows = raw[list] as unknown[];
    for (let i = 0; i < rows.length; i++) {
      const problem = check(rows[i]);
      if (problem) return { ok: false, error: `Nothing was imported: ${list}[${i}] ${problem}.` };
    }
  }
  return { ok: true, data: raw as unknown as PacerExport };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Copies only the fields named here: anything else a file carries (a "body", a script) is dropped. */
function pick<T extends object>(fields: { [K in keyof T]?: unknown }): T | undefined {
  const out = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length ? out : undefined;
}

/**
 * A valid `events[]` row reduced to the ActivityEvent fields: an imported file can
 * never smuggle message bodies or other unknown fields into the store.
 */
export function cleanEvent(row: Record<string, unknown>): ActivityEvent {
  const p = (row.person ?? {}) as Record<string, unknown>;
  const d = row.deal as Record<string, unknown> | undefined;
  const m = (row.meta ?? {}) as Record<string, unknown>;
  const person = pick<NonNullable<ActivityEvent['person']>>({ name: text(p.name), profileUrl: text(p.profileUrl), crmId: text(p.crmId) });
  const meta = pick<NonNullable<ActivityEvent['meta']>>({
    fromStage: text(m.fromStage), toStage: text(m.toStage), outcome: text(m.outcome),
    discount: num(m.discount), subject: text(m.subject), crmActivityId: text(m.crmActivityId),
  });
  return {
    id: row.id as string,
    type: row.type as ActivityEvent['type'],
    at: row.at as string,
    site: row.site as ActivityEvent['site'],
    url: row.url as string,
    ...(person ? { person } : {}),
    ...(d ? { deal: { id: d.id as string, ...(text(d.name) !== undefined ? { name: text(d.name)! } : {}) } } : {}),
    ...(num(row.amount) !== undefined ? { amount: num(row.amount)! } : {}),
    ...(text(row.currency) !== undefined ? { currency: text(row.currency)! } : {}),
    ...(meta ? { meta } : {}),
    capturedAt: row.capturedAt as string,
  };
}

/** A valid `deals[]` row reduced to the DealSnapshot fields. */
export function cleanDeal(row: Record<string, unknown>): DealSnapshot {
  return {
    id: row.id as string,
    name: row.name as string,
    stage: row.stage as string,
    stageEnteredAt: row.stageEnteredAt as string,
    amount: (row.amount as number | null) ?? null,
    currency: (row.currency as string | null) ?? null,
    ...(num(row.listAmount) !== undefined ? { listAmount: num(row.listAmount)! } : {}),
    ...(num(row.discount) !== undefined ? { discount: num(row.discount)! } : {}),
    ...(text(row.createdAt) !== undefined ? { createdAt: text(row.createdAt)! } : {}),
    ...(text(row.closeDate) !== undefined ? { closeDate: text(row.closeDate)! } : {}),
    status: row.status as DealSnapshot['status'],
    url: row.url as string,
    lastSeenAt: row.lastSeenAt as string,
  };
}

/** Why the top-level rep and exportedAt fields are unusable, or undefined when they are fine. */
export function headerProblem(header: Record<string, unknown>): string | undefined {
  if (!isInstant(header.exportedAt)) return 'The export has no valid "exportedAt" time.';
  const rep = header.rep;
  if (!isObject(rep) || !isText(rep.name) || !isText(rep.email)) return 'The export has no "rep" with a name and an email.';
  return undefined;
}
