/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so that the plant simulator plays
 * the same plant for the same seed on every machine and every Node version. Not for anything secret.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Normally distributed (Box-Muller), mean `mean`, standard deviation `sd`. */
  normal(mean: number, sd: number): number;
  /** Exponentially distributed with mean `mean` (a Poisson process's waiting time). */
  exponential(mean: number): number;
  /** One item, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
}

const splitmix32 = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
};

/** A 32-bit FNV-1a hash of `seed` and `label`: one independent stream per machine from one plant seed. */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i += 1) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Creates the generator; the same seed gives the same sequence. */
export function createPrng(seed: number): Prng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next(); // let the seed's bits spread before the first draw
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    chance: (p) => next() < p,
    normal(mean, sd) {
      const u = 1 - next(); // (0, 1]: log(0) never happens
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    weighted<T>(items: readonly T[], weight: (item: T) => number): T {
      if (items.length === 0) throw new RangeError('nothing to choose from');
      const total = items.reduce((sum, item) => sum + Math.max(0, weight(item)), 0);
      let pick = next() * total;
      for (const item of items) {
        pick -= Math.max(0, weight(item));
        if (pick < 0) return item;
      }
      return items[items.length - 1] as T;
    },
  };
}
