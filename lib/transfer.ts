// Export and import against the database. Import merges by id in one
// transaction: importing the same file twice changes nothing.
import { bumpDataVersion } from './data-version';
import type { PacerDb } from './db';
import { buildExport, type PacerExport } from './export-format';
import { addNewEvents, captureTables } from './ingest';
import { browserTimeZone } from './days';
import type { RepIdentity } from './model';
import { csvParts, dealCells, eventCells, personCells, tombstoneCells, type CsvTable } from './csv';

export async function exportAll(db: PacerDb, rep: RepIdentity, now = new Date()): Promise<PacerExport> {
  return db.transaction('r', db.events, db.deals, async () =>
    buildExport(rep, await db.events.orderBy('at').toArray(), await db.deals.toArray(), now),
  );
}

export interface ImportResult {
  eventsAdded: number;
  eventsPresent: number;
  dealsUpdated: number;
}

export async function importExport(db: PacerDb, data: PacerExport, timeZone = browserTimeZone()): Promise<ImportResult> {
  return db.transaction('rw', captureTables(db), async () => {
    const eventsAdded = await addNewEvents(db, data.events, timeZone);
    const stored = await db.deals.bulkGet(data.deals.map(d => d.id));
    // The newer look at a deal wins; an older file never rolls a deal back.
    const newer = data.deals.filter((d, i) => !stored[i] || stored[i]!.lastSeenAt < d.lastSeenAt);
    if (newer.length) {
      await bumpDataVersion(db); // the scorecard reads deals (lib/data-version.ts)
      await db.deals.bulkPut(newer);
    }
    return { eventsAdded, eventsPresent: new Set(data.events.map(e => e.id)).size - eventsAdded, dealsUpdated: newer.length };
  });
}

/** One table as CSV text parts (see lib/csv.ts for the columns), read in one transaction. */
export async function exportCsv(db: PacerDb, table: CsvTable): Promise<string[]> {
  switch (table) {
    case 'events':
      return csvParts(table, await db.events.orderBy('at').toArray(), eventCells);
    case 'deals':
      return csvParts(table, await db.deals.toArray(), dealCells);
    case 'people':
      return csvParts(table, await db.people.toArray(), personCells);
    case 'tombstones':
      return csvParts(table, await db.tombstones.toArray(), tombstoneCells);
  }
}
