import { describe, expect, it, vi } from 'vitest';
import type { CaptureAck, CaptureBatch } from '../../lib/capture-batch';
import type { ActivityEvent } from '../../lib/model';
import { Outbox } from '../../lib/outbox';

const event = (id: string): ActivityEvent => ({
  id, type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'https://x.lightning.force.com/', capturedAt: '2026-11-27T10:00:01.000Z',
});
const ack = (b: CaptureBatch): CaptureAck => ({ batchId: b.batchId, stored: b.events.length, deals: [], lastTouch: {} });

describe('Outbox', () => {
  it('sends what arrives within the flush delay as one batch', async () => {
    vi.useFakeTimers();
    const send = vi.fn(async (b: CaptureBatch) => ack(b));
    const box = new Outbox({ send, flushDelayMs: 100 });
    box.push('salesforce', '2026-11-27T10:00:00.000Z', [event('a')], []);
    box.push('salesforce', '2026-11-27T10:00:00.050Z', [event('b')], []);
    expect(box.pendingEvents).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].events.map(e => e.id)).toEqual(['a', 'b']);
    expect(box.idle).toBe(true);
    vi.useRealTimers();
  });

  it('keeps an unacknowledged batch and resends the very same batch until acked', async () => {
    vi.useFakeTimers();
    let fail = 3;
    const send = vi.fn(async (b: CaptureBatch) => {
      if (fail-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      return ack(b);
    });
    const acks: CaptureAck[] = [];
    const box = new Outbox({ send, onAck: a => acks.push(a), flushDelayMs: 10, backoffMs: [50] });
    box.push('salesforce', '2026-11-27T10:00:00.000Z', [event('a')], []);
    await vi.advanceTimersByTimeAsync(10 + 50 * 3);
    expect(send).toHaveBeenCalledTimes(4);
    const ids = new Set(send.mock.calls.map(c => c[0].batchId));
    expect(ids.size).toBe(1);
    expect(acks).toHaveLength(1);
    expect(box.pendingEvents).toBe(0);
    vi.useRealTimers();
  });

  it('splits large bursts into batches of at most maxEventsPerBatch, in order', async () => {
    vi.useFakeTimers();
    const sent: string[][] = [];
    const box = new Outbox({ send: async b => (sent.push(b.events.map(e => e.id)), ack(b)), maxEventsPerBatch: 2, flushDelayMs: 5 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) box.push('salesforce', '2026-11-27T10:00:00.000Z', [event(id)], []);
    await vi.advanceTimersByTimeAsync(5);
    expect(sent).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    vi.useRealTimers();
  });

  it('keeps only the newest reading of a deal within a batch', async () => {
    vi.useFakeTimers();
    const send = vi.fn(async (b: CaptureBatch) => ack(b));
    const box = new Outbox({ send, flushDelayMs: 5 });
    const deal = { id: 'salesforce:006', name: 'D', stage: 'A', amount: null, currency: null, status: 'open' as const, url: 'u' };
    box.push('salesforce', 't1', [], [deal]);
    box.push('salesforce', 't2', [], [{ ...deal, stage: 'B' }]);
    await vi.advanceTimersByTimeAsync(5);
    expect(send.mock.calls[0]![0].deals).toEqual([{ ...deal, stage: 'B' }]);
    expect(send.mock.calls[0]![0].seenAt).toBe('t2');
    vi.useRealTimers();
  });
});

describe('Outbox acknowledgements', () => {
  it('treats an answer that is not the batch\'s ack (a worker killed mid-write) as a failure and resends', async () => {
    vi.useFakeTimers();
    let answers: (CaptureAck | undefined)[] = [undefined, { batchId: 'someone-else', stored: 0, deals: [], lastTouch: {} }];
    const send = vi.fn(async (b: CaptureBatch) => (answers.length ? answers.shift() : ack(b)) as CaptureAck);
    const acks: CaptureAck[] = [];
    const box = new Outbox({ send, onAck: a => acks.push(a), flushDelayMs: 10, backoffMs: [50] });
    box.push('salesforce', '2026-11-27T10:00:00.000Z', [event('a')], []);
    await vi.advanceTimersByTimeAsync(10 + 50 * 3);
    expect(send).toHaveBeenCalledTimes(3);
    expect(acks).toHaveLength(1);
    expect(box.pendingEvents).toBe(0);
    answers = [];
    vi.useRealTimers();
  });

  it('sends the same batch again when a send never settles (a message lost with its worker), and holds no later batch for ever', async () => {
    vi.useFakeTimers();
    let hang = true;
    const send = vi.fn((b: CaptureBatch) => {
      if (hang) {
        hang = false;
        return new Promise<CaptureAck>(() => undefined); // neither answered nor rejected
      }
      return Promise.resolve(ack(b));
    });
    const acks: CaptureAck[] = [];
    const box = new Outbox({ send, onAck: a => acks.push(a), flushDelayMs: 10, backoffMs: [50], ackTimeoutMs: 1_000 });
    box.push('salesforce', '2026-11-27T10:00:00.000Z', [event('a')], []);
    await vi.advanceTimersByTimeAsync(10 + 999);
    expect(acks).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1 + 50);
    expect(send).toHaveBeenCalledTimes(2);
    expect(new Set(send.mock.calls.map(c => c[0].batchId)).size).toBe(1);
    expect(acks).toHaveLength(1);
    box.push('salesforce', '2026-11-27T10:00:05.000Z', [event('b')], []);
    await vi.advanceTimersByTimeAsync(10);
    expect(acks).toHaveLength(2);
    expect(box.pendingEvents).toBe(0);
    vi.useRealTimers();
  });
});
