// Small descriptive statistics shared by the KPIs. Empty input gives nulls, never NaN.

export interface Summary {
  count: number;
  mean: number | null;
  median: number | null;
  /** Nearest-rank 90th percentile: the smallest value with at least 90 % of values at or below it. */
  p90: number | null;
}

export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, median: null, p90: null };
  const a = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] = values[i]!;
  // Selection instead of a full sort: linear on average.
  const k90 = Math.ceil(0.9 * n) - 1;
  select(a, k90, 0, n - 1);
  const p90 = a[k90]!;
  const mid = n >> 1;
  select(a, mid, 0, k90);
  let median = a[mid]!;
  if (n % 2 === 0) {
    let below = -Infinity;
    for (let i = 0; i < mid; i++) if (a[i]! > below) below = a[i]!;
    median = (below + median) / 2;
  }
  return { count: n, mean: sum / n, median, p90 };
}

/** Rearranges a[lo..hi] so that a[k] holds the value it would hold sorted, smaller ones before it, larger after. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    // Median of three as the pivot.
    const m = (lo + hi) >> 1;
    if (a[m]! < a[lo]!) swap(a, m, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[m]!) swap(a, hi, m);
    const pivot = a[m]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** a / b, or null when b is 0 or either side is not a finite number. */
export function ratio(a: number, b: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export const DAY_MS = 86_400_000;
