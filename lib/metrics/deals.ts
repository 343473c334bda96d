// What happened to each deal, rebuilt from its stage-change, won and lost events and
// its latest snapshot: the stages it passed through and its outcome. A deal that was
// closed and then reopened counts by its latest close only, so it is never won twice.
//
// The result is columnar (typed arrays, one row per deal) because the scorecard runs
// over 50,000 deals and hundreds of thousands of stage changes within its time budget;
// `dealFacts` gives the same rows as plain objects for tests and small UIs.
import type { ActivityEvent, DealSnapshot, EventType } from '../model';
import { ENTRY, E_AMOUNT, E_CURRENCY, E_DISCOUNT, E_FROM, E_KIND, E_MS, E_NAME, E_TO, type DealHistoryRow, type StoredDealHistory } from './deal-history';
import { isoMs, startOfLocalDate } from './periods';

/** The event types the deal-level KPIs need; a UI can load just these through the [type+at] index. */
export const HISTORY_TYPES = ['deal_stage_changed', 'deal_won', 'deal_lost', 'training'] as const satisfies readonly EventType[];
const HISTORY = new Set<string>(HISTORY_TYPES);
export const isHistoryEvent = (e: Pick<ActivityEvent, 'type'>): boolean => HISTORY.has(e.type);

export const OPEN = 0;
export const WON = 1;
export const LOST = 2;
export type Outcome = 'open' | 'won' | 'lost';
const OUTCOMES: readonly Outcome[] = ['open', 'won', 'lost'];

export interface DealTable {
  /** Number of deals. */
  n: number;
  ids: string[];
  names: string[];
  snapshots: (DealSnapshot | null)[];
  /** The snapshots with status open, in the order they were given. */
  openSnapshots: DealSnapshot[];
  /** Stage names by code; codes 0 … planStages − 1 are the plan's stages in order. */
  stageNames: string[];
  /** Per stage code: false for closed stages (named closed/won/lost and not in the plan). */
  stageIsOpen: boolean[];
  planStages: number;
  /** Creation (epoch ms): the snapshot's, else the first event seen; NaN when unknown. */
  createdMs: Float64Array;
  /** 1 when the CRM showed the creation date (the sales cycle skips the others). */
  createdKnown: Uint8Array;
  /** OPEN, WON or LOST: the latest outcome. */
  outcome: Uint8Array;
  /** When the latest close happened; NaN while open. */
  closedMs: Float64Array;
  /** NaN when unknown. */
  amount: Float64Array;
  currency: (string | null)[];
  /** Fraction off list (0.15 = 15 %); NaN when unknown. */
  discount: Float64Array;
  /** Times the deal was reopened after a close. */
  reopened: Uint16Array;
  /** Stage entries of deal i are entryStart[i] … entryStart[i + 1] − 1, oldest first. */
  entryStart: Int32Array;
  entryStage: Int32Array;
  entryMs: Float64Array;
  /** 1 for a first stage whose entry time is only an upper bound (creation unknown). */
  entryEstimated: Uint8Array;
}

const CLOSED_NAME = /\b(closed|won|lost)\b/i;
const cmpNum = (a: number, b: number): number => (a === b || (a !== a && b !== b) ? 0 : a !== a ? -1 : b !== b ? 1 : a < b ? -1 : 1);
const cmpStr = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

/**
 * Each deal's snapshot, by the deal's row in `hist` (deals only in snapshots are added),
 * and the open ones in input order. Rows adopted in key order and snapshots in key order
 * (both tables' primary-key order) match by a merge in one pass, touching each snapshot
 * once; otherwise by lookup.
 */
function matchSnapshots(hist: DealHistory, deals: readonly DealSnapshot[]): { snapshots: (DealSnapshot | null)[]; open: DealSnapshot[] } {
  const out = new Array<DealSnapshot | null>(hist.ids.length).fill(null);
  const open: DealSnapshot[] = [];
  if (hist.ascending) {
    const ids = hist.ids;
    const known = ids.length;
    const extra: DealSnapshot[] = [];
    let i = 0;
    let previous: string | null = null;
    let k = 0;
    for (; k < deals.length; k++) {
      const d = deals[k]!;
      const id = d.id;
      if (previous !== null && !(previous < id)) break; // not in key order (or a repeat): match by lookup
      previous = id;
      if (d.status === 'open') open.push(d);
      if (i < known && ids[i] === id) {
        out[i++] = d;
        continue;
      }
      while (i < known && ids[i]! < id) i++;
      if (i < known && ids[i] === id) out[i++] = d;
      else extra.push(d);
    }
    if (k === deals.length) {
      for (const d of extra) out[hist.appendDeal(d.id)] = d;
      return { snapshots: out, open };
    }
    out.fill(null);
    open.length = 0;
  }
  for (const d of deals) {
    const i = hist.dealOf(d.id);
    if (out[i]) throw new RangeError(`Two snapshots of deal ${d.id}: pass the latest only.`);
    out[i] = d;
    if (d.status === 'open') open.push(d);
  }
  return { snapshots: out, open };
}

const KIND_STAGE = 0;

/**
 * Collects the deal events (stage changes, wins, losses) as columns, one event at a
 * time, so the scorecard can pick them up during its single pass over all events while
 * each event is still in the CPU cache. Training events are kept as they are.
 */
export class DealHistory {
  /** Deal id → row; filled lazily (see `indexed`): use dealOf. */
  private readonly dealIndex = new Map<string, number>();
  readonly ids: string[] = [];
  readonly stageNames: string[] = [];
  readonly stageIsOpen: boolean[] = [];
  readonly trainings: ActivityEvent[] = [];
  private readonly stageCode = new Map<string, number>();
  /** Events collected. */
  h = 0;
  hDeal = new Int32Array(1024);
  hMs = new Float64Array(1024);
  hKind = new Uint8Array(1024);
  hFrom = new Int32Array(1024);
  hTo = new Int32Array(1024);
  /** Amount and discount as the event carried them; NaN when absent. */
  hAmount = new Float64Array(1024);
  hDiscount = new Float64Array(1024);
  /** Index into `currencies` (-1: none). */
  hCurrency = new Int16Array(1024);
  readonly currencies: string[] = [];
  private readonly currencyCode = new Map<string, number>();

  /** Deal names as the earliest event that named the deal showed them (see nameDeal). */
  readonly names: (string | undefined)[] = [];
  private readonly nameMs: number[] = [];
  /** ids[0 … indexed) are in dealIndex: rows adopted in bulk are indexed only if a lookup needs it. */
  private indexed = 0;
  /** True while `ids` is strictly ascending: snapshots in key order then match by a merge, not a lookup each. */
  ascending = true;
  /** Rows adopted by addRows, read in place by buildDealTable; rowOf[deal] indexes them (-1: none). */
  readonly rows: DealHistoryRow[] = [];
  readonly rowOf: number[] = [];
  /** The names the rows' stage and currency codes point into. */
  rowCodes: readonly string[] = [];

  constructor(readonly stages: readonly string[]) {
    for (const s of stages) this.codeOf(s);
  }

  codeOf(name: string): number {
    let c = this.stageCode.get(name);
    if (c === undefined) {
      c = this.stageNames.length;
      this.stageCode.set(name, c);
      this.stageNames.push(name);
      this.stageIsOpen.push(c < this.stages.length || !CLOSED_NAME.test(name));
    }
    return c;
  }

  dealOf(id: string): number {
    const ids = this.ids;
    for (; this.indexed < ids.length; this.indexed++) this.dealIndex.set(ids[this.indexed]!, this.indexed);
    let di = this.dealIndex.get(id);
    if (di === undefined) {
      di = this.pushDeal(id);
      this.dealIndex.set(id, di);
      this.indexed = ids.length;
    }
    return di;
  }

  /** Appends a deal the caller knows is not there yet. */
  appendDeal(id: string): number {
    return this.pushDeal(id);
  }

  private pushDeal(id: string, inOrder = false): number {
    const di = this.ids.length;
    if (!inOrder && di > 0 && !(this.ids[di - 1]! < id)) this.ascending = false;
    this.ids.push(id);
    this.names.push(undefined);
    this.nameMs.push(NaN);
    this.rowOf.push(-1);
    return di;
  }

  /** Offers a name the deal's event at `ms` showed. */
  nameDeal(di: number, name: string | undefined, ms: number): void {
    if (name === undefined) return;
    const seen = this.nameMs[di]!;
    // The earliest event's name; at one instant the first in alphabetical order, so arrival order never decides.
    if (this.names[di] === undefined || ms < seen || (ms === seen && name < this.names[di]!)) {
      this.names[di] = name;
      this.nameMs[di] = ms;
    }
  }

  /** Takes one event; anything but a deal event or a training is ignored. */
  add(e: ActivityEvent): void {
    const type = e.type;
    const kind = type === 'deal_stage_changed' ? KIND_STAGE : type === 'deal_won' ? WON : type === 'deal_lost' ? LOST : -1;
    if (kind < 0) {
      if (type === 'training') this.trainings.push(e);
      return;
    }
    const id = e.deal?.id;
    if (!id) return;
    const ms = isoMs(e.at);
    if (ms !== ms) return;
    const h = this.h;
    if (h === this.hDeal.length) this.grow(h + 1);
    const di = this.dealOf(id);
    this.nameDeal(di, e.deal!.name, ms);
    this.hDeal[h] = di;
    this.hMs[h] = ms;
    this.hKind[h] = kind;
    const m = e.meta;
    if (kind === KIND_STAGE) {
      this.hFrom[h] = m?.fromStage === undefined ? -1 : this.codeOf(m.fromStage);
      this.hTo[h] = m?.toStage === undefined ? -1 : this.codeOf(m.toStage);
    }
    const amount = e.amount;
    if (amount === undefined || !Number.isFinite(amount)) this.hAmount[h] = NaN;
    else {
      this.hAmount[h] = amount;
      const currency = e.currency;
      let c = currency ? this.currencyCode.get(currency) : -1;
      if (c === undefined) {
        c = this.currencies.length;
        this.currencies.push(currency!);
        this.currencyCode.set(currency!, c);
      }
      this.hCurrency[h] = c;
    }
    const discount = m?.discount;
    this.hDiscount[h] = discount === undefined || !Number.isFinite(discount) ? NaN : discount;
    this.h = h + 1;
  }

  /**
   * Takes the background's per-deal rows (deal-history.ts) with the names their codes
   * point into. The rows are kept as they are (buildDealTable reads them in place: no
   * copy, no date parsed), and when they come in key order, as the table returns them,
   * no deal id is looked up either.
   */
  addRows(stored: Pick<StoredDealHistory, 'rows' | 'codes'>): void {
    const { rows, codes } = stored;
    if (this.rows.length > 0 && codes !== this.rowCodes) {
      // A second set of rows with its own codes: copied into the columns instead.
      for (const row of rows) if (row.entries.length > 0) this.copyRow(row, this.dealOf(row.dealId), codes);
      return;
    }
    this.rowCodes = codes;
    for (let r = 0; r < rows.length; r++) {
      const row: DealHistoryRow = rows[r]!;
      if (row.entries.length === 0) continue;
      const id = row.dealId;
      const last = this.ids.length - 1;
      const di = this.dealIndex.size === 0 && this.ascending && (last < 0 || this.ids[last]! < id) ? this.pushDeal(id, true) : this.dealOf(id);
      if (this.rowOf[di] !== -1) this.copyRow(row, di, codes); // the deal's second row
      else {
        this.rowOf[di] = this.rows.length;
        this.rows.push(row);
      }
    }
  }

  /** One row's entries copied into the columns, as if its events had been added one by one. */
  private copyRow(row: DealHistoryRow, di: number, codes: readonly string[]): void {
    const e = row.entries;
    const name = (c: number) => (c < 0 ? -1 : this.codeOf(codes[c]!));
    if (this.h + e.length / ENTRY > this.hDeal.length) this.grow(this.h + e.length / ENTRY);
    for (let k = 0; k < e.length; k += ENTRY) {
      const h = this.h++;
      const ms = e[k + E_MS]!;
      const kind = e[k + E_KIND]!;
      this.hDeal[h] = di;
      this.hMs[h] = ms;
      this.hKind[h] = kind;
      this.hFrom[h] = name(e[k + E_FROM]!);
      this.hTo[h] = name(e[k + E_TO]!);
      this.hAmount[h] = e[k + E_AMOUNT]!;
      this.hCurrency[h] = e[k + E_CURRENCY]! < 0 ? -1 : this.currencyOf(codes[e[k + E_CURRENCY]!]!);
      this.hDiscount[h] = e[k + E_DISCOUNT]!;
      if (e[k + E_NAME]! >= 0) this.nameDeal(di, row.names[e[k + E_NAME]!], ms);
    }
  }

  /** The code of a currency in `currencies`, added when new. */
  currencyOf(name: string): number {
    let c = this.currencyCode.get(name);
    if (c === undefined) {
      c = this.currencies.length;
      this.currencies.push(name);
      this.currencyCode.set(name, c);
    }
    return c;
  }

  private grow(need: number): void {
    let cap = this.hDeal.length * 2;
    while (cap < need) cap *= 2;
    const grow = <T extends Int32Array | Float64Array | Uint8Array | Int16Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.hDeal = grow(this.hDeal, n => new Int32Array(n));
    this.hMs = grow(this.hMs, n => new Float64Array(n));
    this.hKind = grow(this.hKind, n => new Uint8Array(n));
    this.hFrom = grow(this.hFrom, n => new Int32Array(n));
    this.hTo = grow(this.hTo, n => new Int32Array(n));
    this.hAmount = grow(this.hAmount, n => new Float64Array(n));
    this.hDiscount = grow(this.hDiscount, n => new Float64Array(n));
    this.hCurrency = grow(this.hCurrency, n => new Int16Array(n));
  }
}

/** A DealHistory from history events, or from the background's rows (see deal-history.ts). */
export function toDealHistory(history: readonly ActivityEvent[] | StoredDealHistory, stages: readonly string[]): DealHistory {
  const hist = new DealHistory(stages);
  if (isStoredHistory(history)) {
    hist.addRows(history);
    hist.trainings.push(...history.trainings);
  } else for (let i = 0; i < history.length; i++) hist.add(history[i]!);
  return hist;
}

const isStoredHistory = (h: readonly ActivityEvent[] | StoredDealHistory): h is StoredDealHistory => !Array.isArray(h);

/**
 * Rebuilds every deal known from snapshots or history events. `stages` (the plan's
 * open stages) orders the pipeline and tells a reopening move (to an open stage) from a
 * move between closed stages; `timeZone` turns a snapshot's close date into an instant.
 * `history` is the events (any types; the deal ones are picked), a filled DealHistory, or
 * the background's per-deal rows.
 */
export function buildDealTable(
  history: readonly ActivityEvent[] | DealHistory | StoredDealHistory,
  deals: readonly DealSnapshot[],
  stages: readonly string[],
  timeZone: string,
): DealTable {
  let hist: DealHistory;
  if (history instanceof DealHistory) {
    if (history.stages.length !== stages.length || history.stages.some((s, i) => s !== stages[i])) {
      throw new RangeError('The deal history was collected for other stages than the plan has.');
    }
    hist = history;
  } else hist = toDealHistory(history, stages);
  const { ids, stageNames, stageIsOpen: openStage, h, hDeal, hMs, hKind, hFrom, hTo, hAmount, hCurrency, hDiscount, currencies, rows, rowOf, rowCodes } = hist;
  // Deal rows: those met in events or rows, then those known only from snapshots.
  const { snapshots, open: openSnapshots } = matchSnapshots(hist, deals);
  const codeOf = (name: string) => hist.codeOf(name);
  const n = ids.length;

  // Events collected one by one, grouped by deal (a counting sort keeps each deal's in input order).
  const start = new Int32Array(n + 1);
  const order = new Int32Array(h);
  if (h > 0) {
    for (let k = 0; k < h; k++) start[hDeal[k]! + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    for (let k = 0; k < h; k++) order[fill[hDeal[k]!]!++] = k;
  }
  // The rows' codes, mapped to this table's stage and currency codes once each.
  const rowStage = new Int32Array(rowCodes.length).fill(-2);
  const rowCurrency = new Int32Array(rowCodes.length).fill(-2);
  const stageOfRow = (c: number) => (c < 0 ? -1 : rowStage[c] !== -2 ? rowStage[c]! : (rowStage[c] = codeOf(rowCodes[c]!)));
  const currencyOfRow = (c: number) => (c < 0 ? -1 : rowCurrency[c] !== -2 ? rowCurrency[c]! : (rowCurrency[c] = hist.currencyOf(rowCodes[c]!)));
  let entries = h;
  for (const r of rows) entries += r.entries.length / ENTRY;

  // One deal's history at a time, in small columns that stay in the CPU cache.
  let cap = 64;
  let sMs = new Float64Array(cap);
  let sKind = new Uint8Array(cap);
  let sFrom = new Int32Array(cap);
  let sTo = new Int32Array(cap);
  let sAmount = new Float64Array(cap);
  let sCurrency = new Int32Array(cap);
  let sDiscount = new Float64Array(cap);
  let sOrd = new Int32Array(cap);
  const reserve = (m: number) => {
    if (m <= cap) return;
    while (cap < m) cap *= 2;
    [sMs, sAmount, sDiscount] = [new Float64Array(cap), new Float64Array(cap), new Float64Array(cap)];
    [sFrom, sTo, sCurrency, sOrd] = [new Int32Array(cap), new Int32Array(cap), new Int32Array(cap), new Int32Array(cap)];
    sKind = new Uint8Array(cap);
  };
  // Same instant: the stage change comes before the close it caused (deal-merge emits
  // both), a win before a loss, then every other field: deal-history.ts's canonical order,
  // so the table never depends on the order the events were read in.
  const name = (c: number) => (c < 0 ? null : stageNames[c]!);
  const currencyName = (x: number) => (sAmount[x]! === sAmount[x]! && sCurrency[x]! >= 0 ? currencies[sCurrency[x]!]! : null);
  const tie = (a: number, b: number) =>
    (sKind[a] === KIND_STAGE ? cmpStr(name(sTo[a]!), name(sTo[b]!)) || cmpStr(name(sFrom[a]!), name(sFrom[b]!)) : 0) ||
    cmpNum(sAmount[a]!, sAmount[b]!) ||
    cmpStr(currencyName(a), currencyName(b)) ||
    cmpNum(sDiscount[a]!, sDiscount[b]!);
  const before = (a: number, b: number) => sMs[a]! - sMs[b]! || sKind[a]! - sKind[b]! || tie(a, b);

  const table: DealTable = {
    n,
    ids,
    names: new Array<string>(n),
    snapshots,
    openSnapshots,
    stageNames,
    stageIsOpen: openStage,
    planStages: stages.length,
    createdMs: new Float64Array(n).fill(NaN),
    createdKnown: new Uint8Array(n),
    outcome: new Uint8Array(n),
    closedMs: new Float64Array(n).fill(NaN),
    amount: new Float64Array(n).fill(NaN),
    currency: new Array<string | null>(n).fill(null),
    discount: new Float64Array(n).fill(NaN),
    reopened: new Uint16Array(n),
    entryStart: new Int32Array(n + 1),
    entryStage: new Int32Array(entries + 2 * n),
    entryMs: new Float64Array(entries + 2 * n),
    entryEstimated: new Uint8Array(entries + 2 * n),
  };
  const closeDateMs = new Map<string, number>();
  // One string per currency in the table (snapshots each carry their own copy), so the
  // KPIs' rate lookups meet a handful of strings, not 50,000.
  const known = [...currencies];
  const sameCurrency = (c: string): string => {
    for (let k = 0; k < known.length; k++) if (known[k] === c) return known[k]!;
    known.push(c);
    return c;
  };
  let en = 0;
  const push = (stage: number, ms: number, estimated: boolean) => {
    table.entryStage[en] = stage;
    table.entryMs[en] = ms;
    table.entryEstimated[en] = estimated ? 1 : 0;
    en++;
  };

  for (let i = 0; i < n; i++) {
    table.entryStart[i] = en;
    const snap = snapshots[i]!;
    // The deal's history into the scratch columns: its collected events, then its row.
    const a = start[i]!;
    const b = start[i + 1]!;
    const r = rowOf[i]!;
    const e = r >= 0 ? rows[r]!.entries : null;
    const m = b - a + (e ? e.length / ENTRY : 0);
    reserve(m);
    let j = 0;
    for (let k = a; k < b; k++, j++) {
      const x = order[k]!;
      sMs[j] = hMs[x]!;
      sKind[j] = hKind[x]!;
      sFrom[j] = hKind[x] === KIND_STAGE ? hFrom[x]! : -1;
      sTo[j] = hKind[x] === KIND_STAGE ? hTo[x]! : -1;
      sAmount[j] = hAmount[x]!;
      sCurrency[j] = hCurrency[x]!;
      sDiscount[j] = hDiscount[x]!;
    }
    if (e) {
      const named = !snap;
      for (let k = 0; k < e.length; k += ENTRY, j++) {
        sMs[j] = e[k + E_MS]!;
        const kind = (sKind[j] = e[k + E_KIND]!);
        sFrom[j] = kind === KIND_STAGE ? stageOfRow(e[k + E_FROM]!) : -1;
        sTo[j] = kind === KIND_STAGE ? stageOfRow(e[k + E_TO]!) : -1;
        sAmount[j] = e[k + E_AMOUNT]!;
        sCurrency[j] = currencyOfRow(e[k + E_CURRENCY]!);
        sDiscount[j] = e[k + E_DISCOUNT]!;
        if (named && e[k + E_NAME]! >= 0) hist.nameDeal(i, rows[r]!.names[e[k + E_NAME]!], sMs[j]!);
      }
    }
    let sorted = true;
    for (let k = 0; k < m; k++) sOrd[k] = k;
    for (let k = 1; k < m; k++) if (sMs[k - 1]! > sMs[k]! || (sMs[k - 1] === sMs[k] && before(k - 1, k) > 0)) sorted = false;
    if (!sorted) sOrd.subarray(0, m).sort(before);

    const snapCreated = snap?.createdAt === undefined ? NaN : isoMs(snap.createdAt);
    const created = snapCreated === snapCreated ? snapCreated : m > 0 ? sMs[sOrd[0]!]! : snap ? isoMs(snap.stageEnteredAt) : NaN;
    table.createdMs[i] = created;
    table.createdKnown[i] = snapCreated === snapCreated ? 1 : 0;

    let close = -1; // index into the scratch columns of the latest close still standing
    let reopened = 0;
    const firstEntry = en;
    for (let k = 0; k < m; k++) {
      const x = sOrd[k]!;
      if (sKind[x] === KIND_STAGE) {
        const from = sFrom[x]!;
        const to = sTo[x]!;
        const ms = sMs[x]!;
        if (en === firstEntry && from >= 0) {
          if (snapCreated <= ms) push(from, snapCreated, false);
          else push(from, ms, true);
        }
        if (to >= 0) push(to, ms, false);
        if (close >= 0 && ms > sMs[close]! && to >= 0 && openStage[to]) {
          close = -1;
          reopened++;
        }
      } else close = x;
    }
    let outcome = close < 0 ? OPEN : sKind[close]!;
    let closedMs = close < 0 ? NaN : sMs[close]!;
    if (snap) {
      // Dates are parsed only when they decide something (most snapshots agree with the history).
      const lastStage = en > firstEntry ? table.entryStage[en - 1]! : -1;
      const snapStage = lastStage >= 0 && stageNames[lastStage] === snap.stage ? lastStage : codeOf(snap.stage);
      let enteredMs = NaN;
      if (en === firstEntry) push(snapStage, (enteredMs = isoMs(snap.stageEnteredAt)), false);
      else if (lastStage !== snapStage && (enteredMs = isoMs(snap.stageEnteredAt)) >= table.entryMs[en - 1]!) push(snapStage, enteredMs, false);
      // The snapshot is the newest reading of the deal.
      const snapOutcome = snap.status === 'won' ? WON : snap.status === 'lost' ? LOST : OPEN;
      if (snapOutcome === OPEN && close >= 0 && isoMs(snap.lastSeenAt) > closedMs) {
        outcome = OPEN;
        closedMs = NaN;
        reopened++;
      } else if (snapOutcome !== OPEN && outcome !== snapOutcome && (m === 0 || isoMs(snap.lastSeenAt) > sMs[sOrd[m - 1]!]!)) {
        // Closed before Pacer saw it close: the CRM's close date says when.
        outcome = snapOutcome;
        if (snap.closeDate) {
          let ms = closeDateMs.get(snap.closeDate);
          if (ms === undefined) closeDateMs.set(snap.closeDate, (ms = startOfLocalDate(snap.closeDate, timeZone)));
          closedMs = ms;
        } else closedMs = enteredMs === enteredMs ? enteredMs : isoMs(snap.stageEnteredAt);
      }
    }
    table.outcome[i] = outcome;
    table.closedMs[i] = closedMs;
    table.reopened[i] = reopened;

    // Amount: the snapshot's (newest), else the close event's, else the latest event with one.
    let amount: number | null = null;
    let currency: string | null = null;
    if (snap && snap.amount !== null) {
      amount = snap.amount;
      currency = snap.currency === null ? null : sameCurrency(snap.currency);
    } else {
      let source = close >= 0 && sAmount[close]! === sAmount[close]! ? close : -1;
      for (let k = m - 1; source < 0 && k >= 0; k--) if (sAmount[sOrd[k]!]! === sAmount[sOrd[k]!]!) source = sOrd[k]!;
      if (source >= 0) {
        amount = sAmount[source]!;
        currency = sCurrency[source]! < 0 ? null : currencies[sCurrency[source]!]!;
      }
    }
    if (amount !== null && Number.isFinite(amount)) {
      table.amount[i] = amount;
      table.currency[i] = currency;
    }
    let discount = snap?.discount ?? NaN;
    if (discount !== discount && snap?.listAmount && snap.amount !== null && snap.listAmount > 0) discount = 1 - snap.amount / snap.listAmount;
    if (discount !== discount && close >= 0) discount = sDiscount[close]!;
    table.discount[i] = Number.isFinite(discount) ? discount : NaN;
    table.names[i] = snap?.name ?? hist.names[i] ?? ids[i]!;
  }
  table.entryStart[n] = en;
  return table;
}

export interface StageEntry {
  stage: string;
  /** When the deal entered the stage (ISO UTC). */
  at: string;
  /** The first stage of a deal whose creation time is unknown: `at` is only an upper bound. */
  estimated?: true;
}

/** One row of a DealTable as a plain object. */
export interface DealFacts {
  id: string;
  name: string;
  snapshot: DealSnapshot | null;
  createdAt: string | null;
  createdKnown: boolean;
  entries: StageEntry[];
  outcome: Outcome;
  closedAt: string | null;
  amount: number | null;
  currency: string | null;
  discount: number | null;
  reopened: number;
}

const isoOrNull = (ms: number): string | null => (ms === ms ? new Date(ms).toISOString() : null);

export function dealFactsAt(t: DealTable, i: number): DealFacts {
  const entries: StageEntry[] = [];
  for (let k = t.entryStart[i]!; k < t.entryStart[i + 1]!; k++) {
    const entry: StageEntry = { stage: t.stageNames[t.entryStage[k]!]!, at: new Date(t.entryMs[k]!).toISOString() };
    if (t.entryEstimated[k]) entry.estimated = true;
    entries.push(entry);
  }
  return {
    id: t.ids[i]!,
    name: t.names[i]!,
    snapshot: t.snapshots[i]!,
    createdAt: isoOrNull(t.createdMs[i]!),
    createdKnown: t.createdKnown[i] === 1,
    entries,
    outcome: OUTCOMES[t.outcome[i]!]!,
    closedAt: isoOrNull(t.closedMs[i]!),
    amount: t.amount[i]! === t.amount[i]! ? t.amount[i]! : null,
    currency: t.currency[i]!,
    discount: t.discount[i]! === t.discount[i]! ? t.discount[i]! : null,
    reopened: t.reopened[i]!,
  };
}

/** Every deal as a plain object. */
export function dealFacts(t: DealTable): DealFacts[] {
  return Array.from({ length: t.n }, (_, i) => dealFactsAt(t, i));
}
