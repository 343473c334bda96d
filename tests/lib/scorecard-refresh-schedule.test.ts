// When the background recomputes the saved scorecards (issue #6, "Speed"): writes are
// coalesced after a quiet time, bounded by a maximum wait and a rest after each run; never
// two runs at once; a waiting panel's request runs at once. Fake timers: no test waits.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshScheduler, type RefreshTiming, type RunContext } from '../../lib/scorecard-refresh-schedule';

const TIMING: RefreshTiming = { quietMs: 300, maxWaitMs: 1000, restRatio: 1, leading: false };

/** A run that takes `ms` of (fake) time and records when it started, ended and what it was told. */
function recorder(ms = 0) {
  const runs: { start: number; end?: number; force: boolean; writtenSince?: boolean }[] = [];
  const run = async (ctx: RunContext) => {
    const entry: (typeof runs)[number] = { start: Date.now(), force: ctx.force };
    runs.push(entry);
    if (ms) await new Promise(r => setTimeout(r, ms));
    entry.end = Date.now();
    entry.writtenSince = ctx.writtenSince();
  };
  return { runs, run };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe('after writes', () => {
  it('runs once, the quiet time after the last of a burst of writes', async () => {
    const { runs, run } = recorder();
    const s = createRefreshScheduler(run, TIMING);
    for (let i = 0; i < 5; i++) {
      s.poke();
      await vi.advanceTimersByTimeAsync(100);
    }
    // Last write at t=400: nothing yet at 699, one run at 700.
    await vi.advanceTimersByTimeAsync(199);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([expect.objectContaining({ start: 700, force: true })]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(1); // nothing more without a write
    s.stop();
  });

  it('a steady stream of writes still gets a run every maxWaitMs, not never', async () => {
    const { runs, run } = recorder();
    const s = createRefreshScheduler(run, TIMING);
    for (let t = 0; t < 3_000; t += 100) {
      s.poke();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(runs.map(r => r.start)).toEqual([1000, 2000, 3000].map(t => expect.closeTo(t, -2)));
    s.stop();
  });

  it('never runs twice at once: writes during a run are served by exactly one run after it', async () => {
    const { runs, run } = recorder(500);
    const s = createRefreshScheduler(run, TIMING);
    s.poke();
    await vi.advanceTimersByTimeAsync(300); // the run starts at 300 and takes until 800
    expect(runs).toHaveLength(1);
    for (let i = 0; i < 4; i++) {
      s.poke();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(runs).toHaveLength(1); // still the first, in flight
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.start).toBeGreaterThanOrEqual(runs[0]!.end!);
    expect(runs[0]!.writtenSince).toBe(true); // the first run was told newer writes waited
    expect(runs[1]!.writtenSince).toBe(false);
  });

  it('rests after a run at least as long as it took, so a burst keeps the worker at most half busy', async () => {
    const { runs, run } = recorder(800);
    const s = createRefreshScheduler(run, TIMING);
    for (let t = 0; t < 6_000; t += 50) {
      s.poke();
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start - runs[i - 1]!.end!).toBeGreaterThanOrEqual(800);
    // 120 writes over 6 s: each run 800 ms, each followed by ≥ 800 ms of rest, so at most one run per 1.6 s.
    expect(runs.length).toBeLessThanOrEqual(Math.ceil((runs.at(-1)!.end! - runs[0]!.start) / 1600));
    expect(runs.length).toBeGreaterThanOrEqual(3); // and it kept serving them
  });
});

describe('a lone write after a quiet time', () => {
  const LEADING: RefreshTiming = { ...TIMING, leading: true };

  it('runs at once; writes that follow it are coalesced as usual', async () => {
    const { runs, run } = recorder(100);
    const s = createRefreshScheduler(run, LEADING);
    await vi.advanceTimersByTimeAsync(1_000);
    s.poke(); // t=1000, nothing for a while: at once
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.map(r => r.start)).toEqual([1000]);
    await vi.advanceTimersByTimeAsync(50);
    for (let i = 0; i < 3; i++) {
      s.poke(); // t=1050…1250: a burst, during and after the run
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(2_000);
    // One more run, the quiet time after the burst's last write (t=1250 + 300), not one per write.
    expect(runs.map(r => r.start)).toEqual([1000, 1550]);
  });

  it('two writes at once are a burst: the quiet time applies', async () => {
    const { runs, run } = recorder();
    const s = createRefreshScheduler(run, LEADING);
    await vi.advanceTimersByTimeAsync(1_000);
    s.poke();
    s.poke();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs.map(r => r.start)).toEqual([1300]);
  });

  it('not before the rest after a long run', async () => {
    const { runs, run } = recorder(800);
    const s = createRefreshScheduler(run, LEADING);
    s.poke(); // at once: runs 0–800
    await vi.advanceTimersByTimeAsync(1_200); // 400 ms after it ended: quiet, but not rested
    s.poke();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs.map(r => r.start)).toEqual([0, 1600]);
  });
});

describe('requests', () => {
  it('run at once, skipping the quiet time, and resolve after a run that began after the request', async () => {
    const { runs, run } = recorder(200);
    const s = createRefreshScheduler(run, TIMING);
    let answered = false;
    void s.request().then(() => (answered = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([expect.objectContaining({ start: 0, force: false })]); // nothing written: the run may skip what is current
    await vi.advanceTimersByTimeAsync(199);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toBe(true);
  });

  it('a request during a run waits for the next run, which starts as soon as the first ends', async () => {
    const { runs, run } = recorder(200);
    const s = createRefreshScheduler(run, TIMING);
    s.poke();
    await vi.advanceTimersByTimeAsync(350); // run 1: 300–500
    let answeredAt = -1;
    void s.request().then(() => (answeredAt = Date.now()));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(2);
    expect(runs[0]!.start).toBe(300);
    expect(runs[1]!.start - runs[0]!.end!).toBeLessThanOrEqual(1); // no quiet time, no rest: someone waits
    expect(runs[1]!.force).toBe(false); // the write was served by run 1
    expect(answeredAt).toBe(runs[1]!.end);
  });

  it('pending writes make the requested run a forced one', async () => {
    const { runs, run } = recorder();
    const s = createRefreshScheduler(run, TIMING);
    s.poke();
    void s.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([expect.objectContaining({ start: 0, force: true })]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toHaveLength(1); // the write was served by it
  });

  it('a failed run rejects its waiters, and the scheduler keeps going', async () => {
    let fail = true;
    let n = 0;
    const s = createRefreshScheduler(async () => {
      n++;
      if (fail) throw new Error('disk full');
    }, TIMING);
    const first = s.request();
    const caught = first.catch(e => (e as Error).message);
    await vi.advanceTimersByTimeAsync(0);
    expect(await caught).toBe('disk full');
    fail = false;
    const second = s.request();
    await vi.advanceTimersByTimeAsync(0);
    await expect(second).resolves.toBeUndefined();
    expect(n).toBe(2);
  });

  it('stop() rejects waiting requests and runs nothing more', async () => {
    const { runs, run } = recorder(100);
    const s = createRefreshScheduler(run, TIMING);
    s.poke();
    s.stop();
    await expect(s.request()).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(0);
  });
});
