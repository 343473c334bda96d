// Timing and memory helpers for the benchmark. Needs node --expose-gc.
import os from 'node:os';
import v8 from 'node:v8';

const gcFn = (globalThis as { gc?: () => void }).gc;

/** A full collection (twice: the second sweeps what the first one's finalizers freed). */
export function fullGc(): void {
  if (!gcFn) throw new Error('Run with --expose-gc (npm run bench does).');
  gcFn();
  gcFn();
}

export const MB = 1024 * 1024;

/** Keeps results reachable so the optimiser cannot drop the work. */
export const sink: unknown[] = [];

export interface Timing {
  /** Wall clock, ms. */
  median: number;
  min: number;
  max: number;
  runs: number[];
  /** Median CPU time of the process (user + system, every thread: GC helpers included), ms. */
  cpuMedian: number;
}

export const median = (xs: readonly number[]): number => {
  const a = [...xs].sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
};

/** `warmup` unmeasured runs, then the median of `runs`, with a full GC before each. */
export function time<T>(fn: () => T, warmup: number, runs: number): Timing {
  for (let i = 0; i < warmup; i++) {
    gcOnce();
    sink.push(fn());
    sink.length = 0;
  }
  const all: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    gcOnce();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = fn();
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    sink.push(r);
    sink.length = 0;
    all.push(t1 - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  return { median: median(all), min: Math.min(...all), max: Math.max(...all), runs: all, cpuMedian: median(cpu) };
}

/** One full collection: enough between timed runs (fullGc's second pass costs a second on a big heap). */
function gcOnce(): void {
  if (!gcFn) throw new Error('Run with --expose-gc (npm run bench does).');
  gcFn();
}

export interface HeapDelta {
  /** heapUsed right after the computation, minus before (GC'd): the garbage not yet collected plus what is retained. */
  heap: number;
  /** Typed-array backing stores live outside the JS heap: the same difference for them. */
  arrayBuffers: number;
  /** heapUsed after a GC with the result still held, minus before: what the result keeps. */
  retained: number;
}

/** Memory used by one computation, measured around it with GCs. */
export function heapDelta<T>(fn: () => T): HeapDelta {
  fullGc();
  const before = process.memoryUsage();
  const result = fn();
  const after = process.memoryUsage();
  fullGc();
  const settled = process.memoryUsage();
  sink.push(result);
  sink.length = 0;
  return {
    heap: after.heapUsed - before.heapUsed,
    arrayBuffers: after.arrayBuffers - before.arrayBuffers,
    retained: settled.heapUsed + settled.arrayBuffers - before.heapUsed - before.arrayBuffers,
  };
}

/** heapUsed held by whatever `build` returns (measured with GCs before and after). */
export function heapHeldBy<T>(build: () => T): { value: T; heap: number } {
  fullGc();
  const before = process.memoryUsage().heapUsed;
  const value = build();
  fullGc();
  return { value, heap: process.memoryUsage().heapUsed - before };
}

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown cpu';
  const limit = Math.round(v8.getHeapStatistics().heap_size_limit / MB);
  return `${cpus.length} cpus (${model}), ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, node ${process.version}, ${process.platform} ${process.arch}, heap limit ${limit} MB`;
}

/** The 1-, 5- and 15-minute load averages: above the number of cpus, other work shares the machine. */
export const loadAverage = (): string => os.loadavg().map(x => x.toFixed(2)).join(', ');

/** Rounds for printing: 3 significant digits below 100, whole numbers above. */
export const fmt = (x: number): string => (Math.abs(x) >= 100 ? String(Math.round(x)) : Math.abs(x) >= 10 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3));
