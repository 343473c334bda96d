// The content script's outbox. A batch leaves the outbox only when the
// background acknowledges it: a service worker killed between send and ack
// just means the same batch (same ids) is sent again, and ids make that harmless.
import type { CaptureAck, CaptureBatch, CapturedEvent, PersonSeen } from './capture-batch';
import type { DealObservation } from './sites/types';

export interface OutboxOptions {
  send(batch: CaptureBatch): Promise<CaptureAck>;
  onAck?(ack: CaptureAck): void;
  /** Collects readings this long before sending, so a burst of mutations is one message. */
  flushDelayMs?: number;
  /** Waits between retries; the last one repeats. */
  backoffMs?: readonly number[];
  maxEventsPerBatch?: number;
  /**
   * How long to wait for the background's ack before sending the batch again. A worker
   * stopped while a message is in flight normally rejects the send, but a send that never
   * settles at all must not hold the outbox (and every later batch) for ever.
   */
  ackTimeoutMs?: number;
  setTimeout?(fn: () => void, ms: number): unknown;
  newId?(): string;
}

const DEFAULT_BACKOFF = [100, 250, 500, 1000, 2000, 4000] as const;

export class Outbox {
  private readonly queue: CaptureBatch[] = [];
  private open: CaptureBatch | undefined;
  private flushTimer = false;
  private sending = false;
  private failures = 0;
  private readonly o: Required<Omit<OutboxOptions, 'onAck'>> & Pick<OutboxOptions, 'onAck'>;

  constructor(options: OutboxOptions) {
    this.o = {
      flushDelayMs: 100,
      backoffMs: DEFAULT_BACKOFF,
      maxEventsPerBatch: 200,
      ackTimeoutMs: 10_000,
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      newId: () => crypto.randomUUID(),
      ...options,
    };
  }

  /** Batches and events not yet acknowledged by the background. */
  get pendingEvents(): number {
    return [...this.queue, ...(this.open ? [this.open] : [])].reduce((n, b) => n + b.events.length, 0);
  }

  get idle(): boolean {
    return this.queue.length === 0 && !this.open && !this.sending;
  }

  push(
    site: CaptureBatch['site'],
    seenAt: string,
    events: readonly CapturedEvent[],
    deals: readonly DealObservation[],
    listRows: readonly DealObservation[] = [],
    people: readonly PersonSeen[] = [],
  ) {
    if (events.length === 0 && deals.length === 0 && listRows.length === 0 && people.length === 0) return;
    if (!this.open || this.open.site !== site || this.open.events.length + events.length > this.o.maxEventsPerBatch) {
      this.seal();
      this.open = { batchId: this.o.newId(), site, seenAt, events: [], deals: [] };
    }
    this.open.seenAt = seenAt;
    this.open.events.push(...events);
    // A newer reading of the same deal replaces the older one within a batch.
    const upsert = (into: DealObservation[], d: DealObservation) => {
      const i = into.findIndex(x => x.id === d.id);
      if (i >= 0) into[i] = d;
      else into.push(d);
    };
    for (const d of deals) upsert(this.open.deals, d);
    if (listRows.length) {
      this.open.listRows ??= [];
      for (const d of listRows) upsert(this.open.listRows, d);
    }
    if (people.length) (this.open.people ??= []).push(...people);
    if (!this.flushTimer) {
      this.flushTimer = true;
      this.o.setTimeout(() => {
        this.flushTimer = false;
        this.seal();
        void this.drain();
      }, this.o.flushDelayMs);
    }
  }

  private seal() {
    if (this.open) this.queue.push(this.open);
    this.open = undefined;
  }

  private async drain(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length) {
        const batch = this.queue[0]!;
        try {
          const ack = await Promise.race([
            this.o.send(batch),
            // No answer in time reads as no ack: the same batch goes again (its ids make that harmless).
            new Promise<undefined>(resolve => this.o.setTimeout(() => resolve(undefined), this.o.ackTimeoutMs)),
          ]);
          // Only the background's own ack counts. webextension-polyfill resolves
          // sendMessage with undefined when the port closes without an answer, which
          // is exactly what a worker killed mid-write looks like.
          if (ack?.batchId !== batch.batchId) throw new Error('The background did not acknowledge the batch');
          this.queue.shift();
          this.failures = 0;
          this.o.onAck?.(ack);
        } catch {
          // The worker is gone or restarting: wait, then send the very same batch again.
          const waits = this.o.backoffMs;
          const wait = waits[Math.min(this.failures, waits.length - 1)] ?? 1000;
          this.failures++;
          await new Promise<void>(resolve => this.o.setTimeout(resolve, wait));
        }
      }
    } finally {
      this.sending = false;
    }
  }
}
