/**
 * Seeded randomness shared by the data generators (scripts/sample/*,
 * scripts/bench/*): a string hash and a small PRNG. Both are part of the
 * generators' output: changing either changes every generated file.
 * Plain TypeScript for Node's type stripping (erasable syntax only).
 */

/** 32-bit FNV-1a of a string: turns an id or a stream name into a seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, deterministic; uniform numbers in [0, 1). */
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
