import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { confirmWatcher } from '../../lib/confirm-watch';
import type { Fence } from '../../lib/fence';

const fenced: Fence = fn => (...args) => fn(...args);
type Status = 'pending' | 'failed' | 'saved';

describe('confirmWatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const make = (alive = () => true) => confirmWatcher({ fenced, setTimeout: (fn, ms) => setTimeout(fn, ms), pollMs: 100, timeoutMs: 1_000, alive });

  it('calls back once, when the page shows the action saved', async () => {
    const watch = make();
    let status: Status = 'pending';
    const saved = vi.fn();
    watch('call|deal', new Date(), () => ({ status }), saved);
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).not.toHaveBeenCalled();
    status = 'saved';
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toHaveBeenCalledTimes(1);
  });

  it('records nothing when the page shows it failed, or never confirms it', async () => {
    const watch = make();
    const saved = vi.fn();
    watch('a', new Date(), () => ({ status: 'failed' as Status }), saved);
    watch('b', new Date(), () => ({ status: 'pending' as Status }), saved);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(saved).not.toHaveBeenCalled();
  });

  it('treats a second click on the same key while the first is pending as the same save', async () => {
    const watch = make();
    const saved = vi.fn();
    watch('k', new Date(), () => ({ status: 'saved' as Status }), saved);
    watch('k', new Date(), () => ({ status: 'saved' as Status }), saved);
    await vi.advanceTimersByTimeAsync(200);
    expect(saved).toHaveBeenCalledTimes(1);
    // Once settled, the key is free again: a later Save is a new one.
    watch('k', new Date(), () => ({ status: 'saved' as Status }), saved);
    await vi.advanceTimersByTimeAsync(200);
    expect(saved).toHaveBeenCalledTimes(2);
  });

  it('stops polling once the content script is gone', async () => {
    let alive = true;
    const watch = make(() => alive);
    const confirm = vi.fn(() => ({ status: 'pending' as Status }));
    watch('k', new Date(), confirm, vi.fn());
    await vi.advanceTimersByTimeAsync(250);
    alive = false;
    const calls = confirm.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(confirm.mock.calls.length).toBe(calls + 1);
  });
});
