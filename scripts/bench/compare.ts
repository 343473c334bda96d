// Comparing two scorecards: the bench's checks that the floor and every path compute the
// same numbers (tests/scripts/bench-floor.test.ts uses it too).

/** Paths where two scorecards differ (numbers compared to a relative 1e-9). */
export function differences(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (out.length > 5) return out;
  if (typeof a === 'number' && typeof b === 'number') {
    if (!(a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))) out.push(`${path}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} vs ${b.length}`);
    else a.forEach((x, i) => differences(x, b[i], `${path}[${i}]`, out));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (a !== b) out.push(`${path}: ${String(a)} vs ${String(b)}`);
  return out;
}
