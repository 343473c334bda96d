// Capture batches that arrive while one is being written go into the store together, in one
// transaction (issue #6, "stays responsive while 1,000 events arrive in a burst").
//
// Why: in Chromium, a hundred small write transactions on a store of 100,000 events leave
// IndexedDB busy for seconds after the last one commits: any read, from any page or the
// worker, of any table, waits 3–15 s (scripts/bench-sidepanel.ts, BENCH_VERBOSE's one-row
// probe). The same 1,000 events in one transaction leave no such wait. So the first batch is
// written at once, alone (no added latency), and those that arrive meanwhile are written
// together after it.
//
// Each batch keeps its own result (storeBatch's ack, in arrival order, each seeing the ones
// before it). A group commits or rolls back as a whole; acks are sent only after the commit,
// so a worker stopped mid-group loses nothing: no ack went out, and the content scripts'
// outbox sends again. If a group fails, its batches are written again one by one, so a bad
// batch fails alone, as before.
import type { PacerDb } from './db';
import type { CaptureAck, CaptureBatch } from './capture-batch';
import { captureTables, storeBatch } from './ingest';

type Store = (db: PacerDb, batch: CaptureBatch, timeZone?: string) => Promise<CaptureAck>;

interface Waiting {
  batch: CaptureBatch;
  timeZone: string | undefined;
  resolve(ack: CaptureAck): void;
  reject(error: unknown): void;
}

/** At most this many batches in one transaction: a long transaction holds the tables longer. */
export const MAX_GROUP = 50;

/** Returns the function the background's `capture` handler calls instead of storeBatch. */
export function createCaptureWriter(db: PacerDb, store: Store = storeBatch, maxGroup = MAX_GROUP): (batch: CaptureBatch, timeZone?: string) => Promise<CaptureAck> {
  const queue: Waiting[] = [];
  let writing = false;

  const writeGroup = async (group: Waiting[]) => {
    if (group.length === 1) {
      const [one] = group;
      await store(db, one!.batch, one!.timeZone).then(one!.resolve, one!.reject);
      return;
    }
    let acks: CaptureAck[];
    try {
      // storeBatch's own transaction, nested in this one with the same tables, joins it.
      acks = await db.transaction('rw', captureTables(db), async () => {
        const out: CaptureAck[] = [];
        for (const w of group) out.push(await store(db, w.batch, w.timeZone));
        return out;
      });
    } catch {
      for (const w of group) await store(db, w.batch, w.timeZone).then(w.resolve, w.reject);
      return;
    }
    group.forEach((w, i) => w.resolve(acks[i]!));
  };

  const drain = async () => {
    writing = true;
    try {
      while (queue.length) {
        // One time zone per group (the plan's; it changes rarely): the day rows are counted in it.
        const zone = queue[0]!.timeZone;
        let n = 0;
        while (n < queue.length && n < maxGroup && queue[n]!.timeZone === zone) n++;
        await writeGroup(queue.splice(0, n));
      }
    } finally {
      writing = false;
    }
  };

  return (batch, timeZone) =>
    new Promise<CaptureAck>((resolve, reject) => {
      queue.push({ batch, timeZone, resolve, reject });
      if (!writing) void drain();
    });
}
