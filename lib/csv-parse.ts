// Reading Pacer's own CSV exports back (issue #8): a streaming RFC 4180 reader and
// the mapping of events.csv and deals.csv rows to the export format's shapes. Pure.
import { CSV_COLUMNS } from './csv';

export class CsvTooLarge extends Error {
  override name = 'CsvTooLarge';
}

/** Splits CSV text fed in chunks into records; quoted cells may span chunks and lines. */
export class CsvScanner {
  private cell = '';
  private record: string[] = [];
  private inQuotes = false;
  /** A quote seen inside quotes: either the closing one or the first of a doubled pair. */
  private quotePending = false;
  private started = false;
  private lastWasCr = false;
  private recordChars = 0;

  /** A record longer than this is not one of Pacer's rows: stop rather than hold it. */
  constructor(private readonly maxRecordChars = Number.POSITIVE_INFINITY) {}

  push(chunk: string): string[][] {
    const records: string[][] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (!this.started) {
        this.started = true;
        if (c === '\uFEFF') continue;
      }
      if (this.lastWasCr) {
        this.lastWasCr = false;
        if (c === '\n') continue; // CRLF is one line end
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') {
          this.cell += '"';
          continue;
        }
        this.inQuotes = false; // that quote closed the cell; c is read below
      }
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true;
        else this.cell += c;
        if (++this.recordChars > this.maxRecordChars) throw new CsvTooLarge();
        continue;
      }
      if (c === '"' && this.cell === '') {
        this.inQuotes = true;
        continue;
      }
      if (c === ',') {
        this.record.push(this.cell);
        this.cell = '';
        continue;
      }
      if (c === '\r' || c === '\n') {
        if (c === '\r') this.lastWasCr = true;
        this.record.push(this.cell);
        this.cell = '';
        const done = this.record;
        this.record = [];
        this.recordChars = 0;
        if (!(done.length === 1 && done[0] === '')) records.push(done); // blank lines are skipped
        continue;
      }
      this.cell += c; // a stray quote inside an unquoted cell is kept as text
      if (++this.recordChars > this.maxRecordChars) throw new CsvTooLarge();
    }
    return records;
  }

  /** The last record when the file does not end with a line break; throws when a quoted cell never closed. */
  finish(): string[][] {
    if (this.inQuotes && !this.quotePending) throw new Error('The CSV file ends inside a quoted cell: it looks truncated.');
    if (this.quotePending) this.inQuotes = false;
    if (this.cell === '' && this.record.length === 0) return [];
    this.record.push(this.cell);
    const last = this.record;
    this.record = [];
    this.cell = '';
    return [last];
  }
}

/** Pacer's exports prefix a formula-looking cell with `'`; reading back takes it off. */
export const unescapeCell = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** Which of Pacer's tables a CSV header is, or undefined when it is none of them. */
export function csvTableOf(header: readonly string[]): keyof typeof CSV_COLUMNS | undefined {
  const names = header.map(h => h.trim());
  for (const [table, columns] of Object.entries(CSV_COLUMNS) as [keyof typeof CSV_COLUMNS, readonly string[]][]) {
    // Columns are only ever added at the end: an older file has a prefix of today's list.
    if (names.length > 0 && names.length <= columns.length && names.every((n, i) => n === columns[i])) return table;
  }
  return undefined;
}

const optionalText = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
/** A number cell: empty is absent, text that is not a number is kept as text (the validator names it). */
const numberCell = (v: string | undefined): number | string | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
};
const compact = (o: Record<string, unknown>) => {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? out : undefined;
};

/** One events.csv record as an `events[]` row (to be validated like one from JSON). */
export function eventFromCsv(row: Record<string, string>): Record<string, unknown> {
  const person = compact({ name: optionalText(row.person_name), profileUrl: optionalText(row.person_profile_url), crmId: optionalText(row.person_crm_id) });
  const meta = compact({
    fromStage: optionalText(row.from_stage), toStage: optionalText(row.to_stage), outcome: optionalText(row.outcome),
    discount: numberCell(row.discount), subject: optionalText(row.subject), crmActivityId: optionalText(row.crm_activity_id),
  });
  return {
    id: row.id, type: row.type, at: row.at, site: row.site, url: row.url ?? '',
    ...(person ? { person } : {}),
    ...(optionalText(row.deal_id) ? { deal: { id: row.deal_id, ...(optionalText(row.deal_name) ? { name: row.deal_name } : {}) } } : {}),
    ...(numberCell(row.amount) !== undefined ? { amount: numberCell(row.amount) } : {}),
    ...(optionalText(row.currency) ? { currency: row.currency } : {}),
    ...(meta ? { meta } : {}),
    capturedAt: row.captured_at,
  };
}

/** One deals.csv record as a `deals[]` row. */
export function dealFromCsv(row: Record<string, string>): Record<string, unknown> {
  return {
    id: row.id, name: row.name, stage: row.stage, stageEnteredAt: row.stage_entered_at,
    amount: numberCell(row.amount) ?? null, currency: optionalText(row.currency) ?? null,
    ...(numberCell(row.list_amount) !== undefined ? { listAmount: numberCell(row.list_amount) } : {}),
    ...(numberCell(row.discount) !== undefined ? { discount: numberCell(row.discount) } : {}),
    ...(optionalText(row.created_at) ? { createdAt: row.created_at } : {}),
    ...(optionalText(row.close_date) ? { closeDate: row.close_date } : {}),
    status: row.status, url: row.url ?? '', lastSeenAt: row.last_seen_at,
  };
}
