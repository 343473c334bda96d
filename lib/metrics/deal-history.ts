// The deal history the background keeps beside the day rows (issue #5, "Incremental"):
// one row per deal holding its stage changes, wins and losses, already parsed, sorted and
// coded, so the side panel builds the deal table from 50,000 small rows instead of
// re-reading and re-parsing every history event (hundreds of thousands) on each open.
//
// A row depends on the events only: not on the plan, its stages or its time zone, so a
// plan edit never invalidates it. Stage and currency names are coded through one shared,
// append-only list (a handful of names), so the reader maps codes once, not per entry.
// A row is plain structured-clone data (a Dexie row as is): its numbers in one
// Float64Array (NaN where an amount or a discount is unknown), which IndexedDB hands back
// as one block: no boxed number per field to allocate on read, nor to chase on use.
import type { ActivityEvent } from '../model';
import { isoMs } from './periods';

/** Numbers per entry in DealHistoryRow.entries. */
export const ENTRY = 8;
/** Offsets inside an entry. */
export const E_MS = 0;
/** KIND_STAGE, KIND_WON or KIND_LOST. */
export const E_KIND = 1;
/** Stage codes (DealHistoryCodes), -1 when the event did not say. */
export const E_FROM = 2;
export const E_TO = 3;
/** NaN when unknown. */
export const E_AMOUNT = 4;
/** Currency code, -1 without an amount or a currency. */
export const E_CURRENCY = 5;
/** NaN when unknown. */
export const E_DISCOUNT = 6;
/** Index into the row's `names`, -1 when the event did not name the deal. */
export const E_NAME = 7;

export const KIND_STAGE = 0;
export const KIND_WON = 1;
export const KIND_LOST = 2;

export interface DealHistoryRow {
  dealId: string;
  /** Deal names the events showed (entries refer to them by index). */
  names: string[];
  /** The deal's stage changes, wins and losses, ENTRY numbers each, in canonical order (compareEntries). */
  entries: Float64Array;
}

/** The shared, append-only list of stage and currency names the rows' codes point into. */
export class DealHistoryCodes {
  private readonly index = new Map<string, number>();
  constructor(readonly names: string[] = []) {
    names.forEach((n, i) => this.index.set(n, i));
  }

  /** The code of `name`, added when new. */
  codeOf(name: string): number {
    let c = this.index.get(name);
    if (c === undefined) {
      c = this.names.length;
      this.names.push(name);
      this.index.set(name, c);
    }
    return c;
  }

  /** The code of `name`, or undefined when it was never coded. */
  find(name: string): number | undefined {
    return this.index.get(name);
  }
}

export interface DealHistoryState {
  rows: Map<string, DealHistoryRow>;
  codes: DealHistoryCodes;
}

export const createDealHistory = (names: string[] = []): DealHistoryState => ({ rows: new Map(), codes: new DealHistoryCodes(names) });

const kindOf = (type: string): number => (type === 'deal_stage_changed' ? KIND_STAGE : type === 'deal_won' ? KIND_WON : type === 'deal_lost' ? KIND_LOST : -1);

/**
 * The entry an event makes (codes from `code`), or null for an event that is not a deal's
 * history (a training, a call) or cannot be placed (no deal id, unreadable time).
 * `code` returning undefined (a name never coded, on a delete) also gives null.
 */
function entryOf(e: ActivityEvent, names: string[], code: (name: string) => number | undefined, addName: boolean): number[] | null {
  const kind = kindOf(e.type);
  if (kind < 0 || !e.deal?.id) return null;
  const ms = isoMs(e.at);
  if (ms !== ms) return null;
  const m = e.meta;
  let from = -1;
  let to = -1;
  if (kind === KIND_STAGE) {
    if (typeof m?.fromStage === 'string') from = code(m.fromStage) ?? -2;
    if (typeof m?.toStage === 'string') to = code(m.toStage) ?? -2;
    if (from === -2 || to === -2) return null;
  }
  let amount = NaN;
  let currency = -1;
  if (e.amount !== undefined && Number.isFinite(e.amount)) {
    amount = e.amount;
    if (e.currency) {
      const c = code(e.currency);
      if (c === undefined) return null;
      currency = c;
    }
  }
  const discount = m?.discount !== undefined && Number.isFinite(m.discount) ? m.discount : NaN;
  let name = -1;
  const dealName = e.deal.name;
  if (typeof dealName === 'string') {
    name = names.indexOf(dealName);
    if (name < 0) {
      if (!addName) return null;
      name = names.length;
      names.push(dealName);
    }
  }
  return [ms, kind, from, to, amount, currency, discount, name];
}

const cmpNum = (a: number, b: number): number => (a === b || (a !== a && b !== b) ? 0 : a !== a ? -1 : b !== b ? 1 : a < b ? -1 : 1);
const cmpStr = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

/**
 * The canonical order of a deal's history: by time; at one instant the stage change
 * before the close it caused, a win before a loss; then by every other field, so the
 * order never depends on the order the events arrived in.
 */
export function compareEntries(a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number, codes: readonly string[], aNames: readonly string[], bNames: readonly string[]): number {
  const name = (c: number, list: readonly string[]) => (c < 0 ? null : list[c]!);
  return (
    a[i + E_MS]! - b[j + E_MS]! ||
    a[i + E_KIND]! - b[j + E_KIND]! ||
    cmpStr(name(a[i + E_TO]!, codes), name(b[j + E_TO]!, codes)) ||
    cmpStr(name(a[i + E_FROM]!, codes), name(b[j + E_FROM]!, codes)) ||
    cmpNum(a[i + E_AMOUNT]!, b[j + E_AMOUNT]!) ||
    cmpStr(name(a[i + E_CURRENCY]!, codes), name(b[j + E_CURRENCY]!, codes)) ||
    cmpNum(a[i + E_DISCOUNT]!, b[j + E_DISCOUNT]!) ||
    cmpStr(name(a[i + E_NAME]!, aNames), name(b[j + E_NAME]!, bNames))
  );
}

const sameEntry = (a: ArrayLike<number>, i: number, b: ArrayLike<number>): boolean => {
  for (let f = 0; f < ENTRY; f++) if (cmpNum(a[i + f]!, b[f]!) !== 0) return false;
  return true;
};

/**
 * Inserts (1) or deletes (-1) one event's entry in its deal's row, in place. Like
 * addToDay there is no dedupe here: the caller passes new events (and, to delete, the
 * event as it was stored), as lib/ingest does. Returns the deal id whose row changed
 * (to persist it; a row left empty is removed from `rows`, and the caller deletes it),
 * or null when the event is not deal history or there was nothing to delete.
 */
export function applyHistoryEvent(state: DealHistoryState, e: ActivityEvent, sign: 1 | -1): string | null {
  const id = e.deal?.id;
  if (!id || kindOf(e.type) < 0) return null;
  const { rows, codes } = state;
  let row = rows.get(id);
  if (sign === 1) {
    const fresh = !row;
    if (!row) row = { dealId: id, names: [], entries: new Float64Array(0) };
    const entry = entryOf(e, row.names, n => codes.codeOf(n), true);
    if (!entry) return null;
    if (fresh) rows.set(id, row);
    const { entries, names } = row;
    let at = entries.length;
    while (at > 0 && compareEntries(entries, at - ENTRY, entry, 0, codes.names, names, names) > 0) at -= ENTRY;
    const next = new Float64Array(entries.length + ENTRY);
    next.set(entries.subarray(0, at));
    next.set(entry, at);
    next.set(entries.subarray(at), at + ENTRY);
    row.entries = next;
    return id;
  }
  if (!row) return null;
  const entry = entryOf(e, row.names, n => codes.find(n), false);
  if (!entry) return null;
  const { entries } = row;
  for (let at = entries.length - ENTRY; at >= 0; at -= ENTRY) {
    if (!sameEntry(entries, at, entry)) continue;
    if (entries.length === ENTRY) rows.delete(id);
    else {
      const next = new Float64Array(entries.length - ENTRY);
      next.set(entries.subarray(0, at));
      next.set(entries.subarray(at + ENTRY), at);
      row.entries = next;
    }
    return id;
  }
  return null;
}

/** The full recompute: every event once (the caller passes each stored event once). */
export function dealHistoryOf(events: Iterable<ActivityEvent>, names: string[] = []): DealHistoryState {
  const state = createDealHistory(names);
  for (const e of events) applyHistoryEvent(state, e, 1);
  return state;
}

/** One entry with its codes resolved: what a row means, whatever the codes' order. */
export interface HistoryEntry {
  ms: number;
  kind: 'stage' | 'won' | 'lost';
  from: string | null;
  to: string | null;
  amount: number | null;
  currency: string | null;
  discount: number | null;
  name: string | null;
}

const KINDS = ['stage', 'won', 'lost'] as const;

export function decodeRow(row: DealHistoryRow, codes: readonly string[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const e = row.entries;
  const num = (x: number) => (x === x ? x : null);
  const str = (c: number, list: readonly string[]) => (c < 0 ? null : list[c]!);
  for (let i = 0; i < e.length; i += ENTRY) {
    out.push({
      ms: e[i + E_MS]!,
      kind: KINDS[e[i + E_KIND]!]!,
      from: str(e[i + E_FROM]!, codes),
      to: str(e[i + E_TO]!, codes),
      amount: num(e[i + E_AMOUNT]!),
      currency: str(e[i + E_CURRENCY]!, codes),
      discount: num(e[i + E_DISCOUNT]!),
      name: str(e[i + E_NAME]!, row.names),
    });
  }
  return out;
}

/** What the side panel reads: every row (in dealId order, as the table's key order returns them), the codes, the trainings. */
export interface StoredDealHistory {
  rows: readonly DealHistoryRow[];
  codes: readonly string[];
  /** Training events (ROI on enablement); few, read through the [type+at] index. */
  trainings: readonly ActivityEvent[];
}
