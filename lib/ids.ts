// Deterministic ids: the same fact always hashes to the same id, so a resend,
// a re-read of the page or a re-import never stores it twice.

/** cyrb53: a fast 53-bit string hash. Two seeds give ~106 bits, ample for millions of events. */
function cyrb53(input: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A stable, URL-safe id from the parts that identify a fact. */
export function stableId(...parts: readonly (string | number | undefined)[]): string {
  const key = parts.map(p => (p === undefined ? '' : String(p))).join('\u241f');
  return cyrb53(key, 1).toString(36).padStart(11, '0') + cyrb53(key, 2).toString(36).padStart(11, '0');
}

/** Start of the UTC hour containing `iso`: the bucket for facts the page gives no id to. */
export function hourBucket(iso: string): string {
  return iso.slice(0, 13);
}
