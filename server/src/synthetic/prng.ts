/** Seeded PRNG (mulberry32) and helpers. Deterministic: no Math.random anywhere in the generator. */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  /** k distinct elements, in random order. */
  sample<T>(xs: readonly T[], k: number): T[];
  shuffle<T>(xs: readonly T[]): T[];
  chance(p: number): boolean;
  /** An independent stream derived from this one and a label (stable whatever else is drawn before). */
  fork(label: string): Rng;
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  let a = (typeof seed === 'number' ? seed >>> 0 : hash32(seed)) || 0x9e3779b9;
  const base = a;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    shuffle: (xs) => {
      const out = xs.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    sample: (xs, k) => rng.shuffle(xs).slice(0, Math.max(0, Math.min(k, xs.length))),
    chance: (p) => next() < p,
    fork: (label) => createRng((hash32(label) ^ Math.imul(base, 0x85ebca6b)) >>> 0),
  };
  return rng;
}
