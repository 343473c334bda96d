// Small descriptive statistics shared by the KPIs. Empty input gives nulls, never NaN.

export interface Summary {
  count: number;
  mean: number | null;
  median: number | null;
  /** Nearest-rank 90th percentile: the smallest value with at least 90 % of values at or below it. */
  p90: number | null;
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, median: null, p90: null };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { count: n, mean: sum / n, median, p90: sorted[Math.ceil(0.9 * n) - 1]! };
}

/** a / b, or null when b is 0 or either side is not a finite number. */
export function ratio(a: number, b: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export const DAY_MS = 86_400_000;
