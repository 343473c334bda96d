// When the background recomputes the saved scorecards (issue #6, "Speed"): writes are
// coalesced, so a burst of a thousand captures costs a few computations, not a thousand.
// Pure timing logic (timers and the clock only), tested with fake timers.

export interface RefreshTiming {
  /** A run starts this long after the last write, once writes pause. */
  quietMs: number;
  /** …but no later than this after the first write it serves, so a long stream of writes still shows. */
  maxWaitMs: number;
  /** After a run that took d ms, writes wait at least restRatio × d before the next: the computing share of a burst stays ≤ 1 / (1 + restRatio). */
  restRatio: number;
  /**
   * A lone write after a quiet time (no run for quietMs, rested) runs at once rather than after
   * the quiet time: the usual capture is one event, and the rep who opens the panel just after
   * it should find the scorecard already computed. Further writes wait as above.
   */
  leading: boolean;
}

export const REFRESH_TIMING: RefreshTiming = { quietMs: 300, maxWaitMs: 1000, restRatio: 1, leading: true };

export interface RunContext {
  /** True when the run serves writes (not only requests): what the writes touched must be recomputed, current or not. */
  force: boolean;
  /** True once a write has arrived since this run began (the next run will serve it): the run may skip optional work. */
  writtenSince(): boolean;
}

export interface RefreshScheduler {
  /** A write happened: run after the quiet time (bounded by maxWaitMs and the rest). */
  poke(): void;
  /** Someone waits (the side panel opened): run as soon as no run is in flight. Resolves when a run begun after this call ends. */
  request(): Promise<void>;
  stop(): void;
}

/**
 * At most one run in flight. Writes during a run are served by one more run after it.
 * A run is told whether it was caused by writes (`force`) or only by requests, so a
 * request can skip work that is already current.
 */
export function createRefreshScheduler(run: (ctx: RunContext) => Promise<void>, timing: RefreshTiming = REFRESH_TIMING, now: () => number = Date.now): RefreshScheduler {
  let stopped = false;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  /** The first write not yet served by a run that started after it; null when none. */
  let dirtySince: number | null = null;
  let lastWrite = -Infinity;
  let lastEnd = -Infinity;
  let lastDuration = 0;
  let waiters: { resolve(): void; reject(e: unknown): void }[] = [];
  /** A timer is set for writes already waiting: a further write is part of a burst, not lone. */
  let armedForWrites = false;

  const arm = () => {
    if (stopped || inFlight) return;
    let due: number;
    if (waiters.length) due = now();
    else if (dirtySince !== null) {
      const t = now();
      const rested = lastEnd + timing.restRatio * lastDuration;
      const lone = timing.leading && dirtySince === lastWrite && !armedForWrites && t - lastEnd >= timing.quietMs;
      due = lone ? Math.max(t, rested) : Math.max(Math.min(lastWrite + timing.quietMs, dirtySince + timing.maxWaitMs), rested);
    } else return;
    if (timer !== undefined && due >= dueAt) return; // already armed for sooner
    clearTimeout(timer);
    dueAt = due;
    armedForWrites = dirtySince !== null;
    timer = setTimeout(fire, Math.max(0, due - now()));
  };

  const fire = () => {
    timer = undefined;
    dueAt = Infinity;
    armedForWrites = false;
    if (stopped || inFlight) return;
    const served = waiters;
    waiters = [];
    const force = dirtySince !== null;
    dirtySince = null;
    inFlight = true;
    const started = now();
    const ctx: RunContext = { force, writtenSince: () => dirtySince !== null };
    void (async () => {
      try {
        await run(ctx);
        served.forEach(w => w.resolve());
      } catch (error) {
        served.forEach(w => w.reject(error));
      } finally {
        inFlight = false;
        lastEnd = now();
        lastDuration = lastEnd - started;
        arm();
      }
    })();
  };

  return {
    poke() {
      if (stopped) return;
      const t = now();
      lastWrite = t;
      if (dirtySince === null) dirtySince = t;
      // A poke only moves the due time later (quiet) within the max wait; re-arm from scratch.
      clearTimeout(timer);
      timer = undefined;
      dueAt = Infinity;
      arm();
    },
    request() {
      if (stopped) return Promise.reject(new Error('The scorecard refresh has stopped.'));
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        arm();
      });
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      const left = waiters;
      waiters = [];
      left.forEach(w => w.reject(new Error('The scorecard refresh has stopped.')));
    },
  };
}
