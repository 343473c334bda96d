// mulberry32: a tiny seeded PRNG (32-bit state). One copy for everything that needs
// reproducible randomness: the demo data, the benchmark, the team server's seed data, and
// the property and fuzz tests, so a failing sequence can be replayed from its seed.
// Pure: no browser or Node APIs.

/** A generator of uniform numbers in [0, 1); the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
