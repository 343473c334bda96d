// Importing a Pacer export in two steps (issue #8). First a dry run: the file is
// read in chunks and every row checked, and the rep sees what would change (new,
// already present, invalid with reasons) before anything is written. Then, on the
// rep's confirm, the valid rows are staged in small writes and moved into the
// store by one transaction: a failure anywhere leaves the store as it was.
import { bumpDataVersion } from './data-version';
import type { PacerDb } from './db';
import { cleanDeal, cleanEvent, dealProblem, eventProblem, headerProblem } from './export-format';
import { addNewEvents, captureTables } from './ingest';
import { browserTimeZone } from './days';
import type { ActivityEvent, DealSnapshot, RepIdentity } from './model';
import { CsvScanner, CsvTooLarge, csvTableOf, dealFromCsv, eventFromCsv, unescapeCell } from './csv-parse';
import { ExportFileError, ExportScanner, MAX_ROW_CHARS, type ScannedRow } from './transfer-scan';
import type { ImportResult } from './transfer';

/** Opens the file's text from the start; called once for the dry run and once for the import. */
export type TextSource = () => AsyncIterable<string>;

export interface InvalidRow {
  /** `events[5]`: where the row is in the file. */
  where: string;
  reason: string;
}

export interface ImportSummary {
  rep?: RepIdentity;
  exportedAt?: string;
  events: {
    /** Not stored yet: these are what "Import N events" adds. */
    new: number;
    present: number;
    /** Deleted here before (tombstoned): an import never brings them back. */
    deleted: number;
    /** The same id twice in the file. */
    repeated: number;
    invalid: number;
  };
  deals: { new: number; newer: number; older: number; invalid: number };
  /** The first invalid rows with reasons (at most INVALID_LIST_CAP); `events.invalid + deals.invalid` counts all. */
  invalid: InvalidRow[];
}

export const INVALID_LIST_CAP = 50;
/** Rows checked against the store per read, and moved per step of the commit. */
const BATCH = 2_000;

export interface ImportProgress {
  phase: 'checking' | 'staging' | 'writing';
  /** 0 to 1. */
  fraction: number;
}

export interface ImportOptions {
  /** The file's size in bytes, for progress. */
  size: number;
  onProgress?(p: ImportProgress): void;
}

type Batch = { events: ActivityEvent[]; deals: DealSnapshot[] };

/** One row as read from the file: its parsed value, or why it could not even be parsed. */
interface ReadRow {
  list: 'events' | 'deals';
  /** Where the rep finds it: `events[5]` in JSON, `row 7` (spreadsheet numbering) in CSV. */
  where: string;
  value?: unknown;
  problem?: string;
}

/** Reads one file format chunk by chunk. */
interface RowReader {
  readonly format: 'json' | 'csv';
  push(chunk: string): ReadRow[];
  /** The rows still buffered and the file's top-level fields (none for CSV); throws when the file as a whole is unusable. */
  finish(): { rows: ReadRow[]; header?: Record<string, unknown> };
}

function jsonReader(): RowReader {
  const scanner = new ExportScanner();
  const toRow = ({ list, index, text }: ScannedRow): ReadRow => {
    const where = `${list}[${index}]`;
    if (text === null) return { list, where, problem: `is larger than ${MAX_ROW_CHARS / 1024} KB` };
    try {
      return { list, where, value: JSON.parse(text) };
    } catch {
      return { list, where, problem: 'is not valid JSON' };
    }
  };
  return {
    format: 'json',
    push: chunk => scanner.push(chunk).map(toRow),
    finish: () => ({ rows: [], header: scanner.finish() }),
  };
}

/** Pacer's own events.csv or deals.csv (lib/csv.ts), read back. */
function csvReader(): RowReader {
  const scanner = new CsvScanner(MAX_ROW_CHARS);
  let columns: string[] | undefined;
  let list: 'events' | 'deals' = 'events';
  let index = 0;
  const toRows = (records: string[][]): ReadRow[] => {
    const rows: ReadRow[] = [];
    for (const record of records) {
      if (!columns) {
        const table = csvTableOf(record);
        if (table !== 'events' && table !== 'deals') {
          throw new ExportFileError(table
            ? `This is Pacer's ${table} table; Pacer imports events and deals (JSON, or their CSV files).`
            : 'This CSV file is not one of Pacer\'s exports (its first line is not the events or deals columns).');
        }
        columns = record.map(c => c.trim());
        list = table;
        continue;
      }
      const where = `row ${(index++) + 2}`;
      if (record.length !== columns.length) {
        rows.push({ list, where, problem: `has ${record.length} cells; the header has ${columns.length}` });
        continue;
      }
      const cells = Object.fromEntries(columns.map((c, i) => [c, unescapeCell(record[i]!)]));
      rows.push({ list, where, value: list === 'events' ? eventFromCsv(cells) : dealFromCsv(cells) });
    }
    return rows;
  };
  const guard = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof CsvTooLarge) throw new ExportFileError(`A row is larger than ${MAX_ROW_CHARS / 1024} KB: this is not a Pacer CSV file.`);
      if (error instanceof ExportFileError) throw error;
      throw new ExportFileError(String((error as Error).message ?? error));
    }
  };
  return {
    format: 'csv',
    push: chunk => guard(() => toRows(scanner.push(chunk))),
    finish: () => guard(() => {
      const rows = toRows(scanner.finish());
      if (!columns) throw new ExportFileError('This file is empty.');
      return { rows };
    }),
  };
}

/** JSON when the file starts with `{` (after a byte-order mark and spaces), else CSV. */
const readerFor = (start: string): RowReader => (/^\uFEFF?\s*[{[]/.test(start) ? jsonReader() : csvReader());

/**
 * Reads the file once: every valid row reaches `onBatch` (in batches, awaited, so
 * memory holds one batch), every invalid one `onInvalid`. Throws ExportFileError when
 * the file as a whole is unusable. Returns the top-level fields of a JSON export.
 */
async function scanFile(
  open: TextSource,
  size: number,
  onBatch: (b: Batch) => Promise<void>,
  onInvalid: (row: InvalidRow, list: 'events' | 'deals') => void,
  onRead: (fraction: number) => void,
): Promise<Record<string, unknown> | undefined> {
  let reader: RowReader | undefined;
  let pending = '';
  let consumed = 0;
  let batch: Batch = { events: [], deals: [] };
  const flush = async () => {
    if (!batch.events.length && !batch.deals.length) return;
    const full = batch;
    batch = { events: [], deals: [] };
    await onBatch(full);
  };
  const take = (rows: ReadRow[]) => {
    for (const { list, where, value, problem: unreadable } of rows) {
      const problem = unreadable ?? (list === 'events' ? eventProblem(value) : dealProblem(value));
      if (problem) {
        onInvalid({ where, reason: problem }, list);
        continue;
      }
      const row = value as Record<string, unknown>;
      if (list === 'events') batch.events.push(cleanEvent(row));
      else batch.deals.push(cleanDeal(row));
    }
  };
  for await (const chunk of open()) {
    consumed += chunk.length;
    if (!reader) {
      // The format shows in the first character that is not a byte-order mark or a space.
      pending += chunk;
      if (!/[^\s\uFEFF]/.test(pending)) continue;
      reader = readerFor(pending);
      take(reader.push(pending));
      pending = '';
    } else {
      take(reader.push(chunk));
    }
    if (batch.events.length + batch.deals.length >= BATCH) await flush();
    onRead(size > 0 ? Math.min(consumed / size, 1) : 1);
  }
  if (!reader) throw new ExportFileError('This file is empty.');
  const { rows, header } = reader.finish();
  take(rows);
  if (header) {
    const problem = headerProblem(header);
    if (problem) throw new ExportFileError(problem);
  }
  await flush();
  return header;
}

/** The dry run: what importing this file would do. Writes nothing. */
export async function dryRunImport(db: PacerDb, open: TextSource, options: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = {
    events: { new: 0, present: 0, deleted: 0, repeated: 0, invalid: 0 },
    deals: { new: 0, newer: 0, older: 0, invalid: 0 },
    invalid: [],
  };
  const seenEvents = new Set<string>();
  const dealSeenAt = new Map<string, string>();
  const header = await scanFile(
    open,
    options.size,
    async ({ events, deals }) => {
      const fresh = events.filter(e => {
        if (seenEvents.has(e.id)) {
          summary.events.repeated++;
          return false;
        }
        seenEvents.add(e.id);
        return true;
      });
      const ids = fresh.map(e => e.id);
      const dealIds = deals.map(d => d.id);
      const [stored, deleted, storedDeals] = await db.transaction('r', db.events, db.tombstones, db.deals, () =>
        Promise.all([db.events.bulkGet(ids), db.tombstones.bulkGet(ids), db.deals.bulkGet(dealIds)]),
      );
      ids.forEach((_, i) => {
        if (deleted[i]) summary.events.deleted++;
        else if (stored[i]) summary.events.present++;
        else summary.events.new++;
      });
      deals.forEach((d, i) => {
        // Compared with the newest look at the deal so far: the store's, or an earlier row's.
        const best = [storedDeals[i]?.lastSeenAt, dealSeenAt.get(d.id)].filter((x): x is string => !!x).sort().at(-1);
        if (!storedDeals[i] && !dealSeenAt.has(d.id)) summary.deals.new++;
        else if (!best || best < d.lastSeenAt) summary.deals.newer++;
        else summary.deals.older++;
        if (!best || best < d.lastSeenAt) dealSeenAt.set(d.id, d.lastSeenAt);
      });
    },
    (row, list) => {
      summary[list].invalid++;
      if (summary.invalid.length < INVALID_LIST_CAP) summary.invalid.push(row);
    },
    fraction => options.onProgress?.({ phase: 'checking', fraction }),
  );
  if (!header) return summary; // a CSV file names no rep and no export time
  const rep = header.rep as RepIdentity;
  return { ...summary, rep: { name: rep.name, email: rep.email }, exportedAt: header.exportedAt as string };
}

export interface CommitOptions extends ImportOptions {
  timeZone?: string;
}

/**
 * Imports the file's valid rows: staged first (small writes, off the store), then moved
 * into the store and the staging emptied by one transaction. Events already present or
 * deleted are left alone; a deal is replaced only by a newer snapshot.
 */
export async function commitImport(db: PacerDb, open: TextSource, options: CommitOptions): Promise<ImportResult> {
  const timeZone = options.timeZone ?? browserTimeZone();
  const progress = (phase: ImportProgress['phase'], fraction: number) => options.onProgress?.({ phase, fraction });
  await db.importStaging.clear();
  try {
    const unique = new Set<string>();
    await scanFile(
      open,
      options.size,
      async ({ events, deals }) => {
        for (const e of events) unique.add(e.id);
        await db.importStaging.bulkAdd([
          ...events.map(row => ({ kind: 'event' as const, row })),
          ...deals.map(row => ({ kind: 'deal' as const, row })),
        ]);
      },
      () => {},
      fraction => progress('staging', fraction),
    );
    const total = await db.importStaging.count();
    const result = await db.transaction('rw', [...captureTables(db), db.importStaging], async () => {
      let eventsAdded = 0;
      let dealsUpdated = 0;
      let moved = 0;
      let after = 0;
      for (;;) {
        const page = await db.importStaging.where('seq').above(after).limit(BATCH).toArray();
        if (page.length === 0) break;
        after = page[page.length - 1]!.seq!;
        const events = page.filter(r => r.kind === 'event').map(r => r.row as ActivityEvent);
        eventsAdded += await addNewEvents(db, events, timeZone);
        dealsUpdated += await mergeDeals(db, page.filter(r => r.kind === 'deal').map(r => r.row as DealSnapshot));
        moved += page.length;
        progress('writing', total ? moved / total : 1);
      }
      await db.importStaging.clear();
      return { eventsAdded, eventsPresent: unique.size - eventsAdded, dealsUpdated };
    });
    return result;
  } catch (error) {
    // The store is as it was (the transaction rolled back); drop what was staged.
    await db.importStaging.clear().catch(() => {});
    throw error;
  }
}

/** The newer look at a deal wins; an older file never rolls a deal back. Returns how many were written. */
async function mergeDeals(db: PacerDb, deals: DealSnapshot[]): Promise<number> {
  if (!deals.length) return 0;
  const newest = new Map<string, DealSnapshot>();
  for (const d of deals) {
    const seen = newest.get(d.id);
    if (!seen || seen.lastSeenAt < d.lastSeenAt) newest.set(d.id, d);
  }
  const candidates = [...newest.values()];
  const stored = await db.deals.bulkGet(candidates.map(d => d.id));
  const newer = candidates.filter((d, i) => !stored[i] || stored[i]!.lastSeenAt < d.lastSeenAt);
  if (newer.length) {
    await bumpDataVersion(db); // the scorecard reads deals (lib/data-version.ts)
    await db.deals.bulkPut(newer);
  }
  return newer.length;
}

/** A File (or any Blob) as a TextSource, read in chunks. */
export function blobSource(blob: Blob): TextSource {
  return async function* () {
    const reader = blob.stream().getReader();
    const decoder = new TextDecoder('utf-8');
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        if (text) yield text;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } finally {
      reader.releaseLock();
    }
  };
}
