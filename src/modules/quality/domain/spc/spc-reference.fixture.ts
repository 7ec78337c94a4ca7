// Published data sets with published chart figures, used by the tests of this folder.
// Data as distributed with the R package qcc (data/*.txt), which reproduces Montgomery's examples.

/** Piston ring inside diameters (mm), 40 subgroups of 5; the first 25 are the phase I samples. Montgomery, Table 6.3/6.4. */
export const PISTON_RINGS: readonly (readonly number[])[] = `
74.030 74.002 74.019 73.992 74.008|73.995 73.992 74.001 74.011 74.004|73.988 74.024 74.021 74.005 74.002
74.002 73.996 73.993 74.015 74.009|73.992 74.007 74.015 73.989 74.014|74.009 73.994 73.997 73.985 73.993
73.995 74.006 73.994 74.000 74.005|73.985 74.003 73.993 74.015 73.988|74.008 73.995 74.009 74.005 74.004
73.998 74.000 73.990 74.007 73.995|73.994 73.998 73.994 73.995 73.990|74.004 74.000 74.007 74.000 73.996
73.983 74.002 73.998 73.997 74.012|74.006 73.967 73.994 74.000 73.984|74.012 74.014 73.998 73.999 74.007
74.000 73.984 74.005 73.998 73.996|73.994 74.012 73.986 74.005 74.007|74.006 74.010 74.018 74.003 74.000
73.984 74.002 74.003 74.005 73.997|74.000 74.010 74.013 74.020 74.003|73.988 74.001 74.009 74.005 73.996
74.004 73.999 73.990 74.006 74.009|74.010 73.989 73.990 74.009 74.014|74.015 74.008 73.993 74.000 74.010
73.982 73.984 73.995 74.017 74.013|74.012 74.015 74.030 73.986 74.000|73.995 74.010 73.990 74.015 74.001
73.987 73.999 73.985 74.000 73.990|74.008 74.010 74.003 73.991 74.006|74.003 74.000 74.001 73.986 73.997
73.994 74.003 74.015 74.020 74.004|74.008 74.002 74.018 73.995 74.005|74.001 74.004 73.990 73.996 73.998
74.015 74.000 74.016 74.025 74.000|74.030 74.005 74.000 74.016 74.012|74.001 73.990 73.995 74.010 74.024
74.015 74.020 74.024 74.005 74.019|74.035 74.010 74.012 74.015 74.026|74.017 74.013 74.036 74.025 74.026
74.010 74.005 74.029 74.000 74.020`
  .trim()
  .split(/[|\n]/)
  .map((group) => group.trim().split(/\s+/).map(Number));

/** Orange juice cans: nonconforming cans in samples of 50, the 30 phase I samples. Montgomery, Example 7.1. */
export const ORANGE_JUICE = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];

/** Nonconformities on printed circuit boards, samples of 100 boards, the 26 phase I samples. Montgomery, Example 7.3. */
export const CIRCUIT = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15];

/** Nonconformities in 20 samples of 5 personal computers. Montgomery, Example 7.4. */
export const PC_MANUFACTURE = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5];

/** Dyed cloth: nonconformities and inspection units (50 m² each) of 10 rolls. Montgomery, Example 7.5. */
export const DYED_CLOTH = {
  defects: [14, 12, 20, 11, 7, 10, 21, 16, 19, 23],
  sizes: [10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5],
};

/** Viscosity of an aircraft primer paint, 15 batches. Montgomery, individuals chart example. */
export const VISCOSITY = [33.75, 33.05, 34, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.2, 33.62, 33.0, 33.54, 33.12, 33.84];

/** Water content of antifreeze, 34 batches. Wetherill and Brown (1991), p. 120. */
export const ANTIFREEZE = [
  2.23, 2.53, 2.62, 2.63, 2.58, 2.44, 2.49, 2.34, 2.95, 2.54, 2.6, 2.45, 2.17, 2.58, 2.57, 2.44, 2.38, 2.23, 2.23, 2.54,
  2.66, 2.84, 2.81, 2.39, 2.56, 2.7, 3.0, 2.81, 2.77, 2.89, 2.54, 2.98, 2.35, 2.53,
];

/**
 * Throws unless a figure matches a published one to the precision it was published with:
 * '74.0143' allows ±0.00005, '0.023' ±0.0005.
 */
export function expectPublished(actual: number, published: string): void {
  const decimals = published.split('.')[1]?.length ?? 0;
  const tolerance = 0.5 * 10 ** -decimals + 1e-12;
  if (!(Math.abs(actual - Number(published)) <= tolerance)) {
    throw new Error(`${actual} differs from the published ${published} by more than ${tolerance}`);
  }
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normally distributed numbers (Box–Muller) from a seeded generator. */
export function seededNormal(seed: number): () => number {
  const random = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
