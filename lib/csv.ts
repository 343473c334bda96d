// CSV exports, one file per table (README: "Your data"). Pure. A cell a spreadsheet
// would run as a formula (text starting with = + - @, a tab or a carriage return)
// is prefixed with an apostrophe, so `=HYPERLINK(…)` in a name stays text.
import type { Person, Tombstone } from './db';
import type { ActivityEvent, DealSnapshot } from './model';

type Cell = string | number | null | undefined;

/** The documented column lists; extend at the end, never rename. */
export const CSV_COLUMNS = {
  events: [
    'id', 'type', 'at', 'site', 'url', 'person_name', 'person_profile_url', 'person_crm_id', 'deal_id', 'deal_name',
    'amount', 'currency', 'from_stage', 'to_stage', 'outcome', 'discount', 'subject', 'crm_activity_id', 'captured_at',
  ],
  deals: [
    'id', 'name', 'stage', 'stage_entered_at', 'amount', 'currency', 'list_amount', 'discount', 'created_at', 'close_date',
    'status', 'url', 'last_seen_at',
  ],
  people: ['profile_url', 'name', 'company', 'headline', 'connection', 'crm_ids', 'updated_at'],
  tombstones: ['id', 'deleted_at'],
} as const;

export type CsvTable = keyof typeof CSV_COLUMNS;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are; text defused when a spreadsheet would run it, then quoted when needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

export const eventCells = (e: ActivityEvent): Cell[] => [
  e.id, e.type, e.at, e.site, e.url, e.person?.name, e.person?.profileUrl, e.person?.crmId, e.deal?.id, e.deal?.name,
  e.amount, e.currency, e.meta?.fromStage, e.meta?.toStage, e.meta?.outcome, e.meta?.discount, e.meta?.subject, e.meta?.crmActivityId, e.capturedAt,
];

export const dealCells = (d: DealSnapshot): Cell[] => [
  d.id, d.name, d.stage, d.stageEnteredAt, d.amount, d.currency, d.listAmount, d.discount, d.createdAt, d.closeDate, d.status, d.url, d.lastSeenAt,
];

export const personCells = (p: Person): Cell[] => [p.profileUrl, p.name, p.company, p.headline, p.connection, p.crmIds.join(' '), p.updatedAt];

export const tombstoneCells = (t: Tombstone): Cell[] => [t.id, t.deletedAt];

/** `pacer-events-YYYY-MM-DD.csv`, dated in the rep's local calendar like the JSON export. */
export function csvFileName(table: CsvTable, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pacer-${table}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/**
 * A whole table as CSV text parts (header first), for a Blob: the parts are never
 * joined into one string. Starts with a byte-order mark so spreadsheets read UTF-8.
 */
export function csvParts<T>(table: CsvTable, rows: Iterable<T>, cells: (row: T) => Cell[]): string[] {
  const parts = [`\uFEFF${csvLine(CSV_COLUMNS[table])}`];
  for (const row of rows) parts.push(csvLine(cells(row)));
  return parts;
}
