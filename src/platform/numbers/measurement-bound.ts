/**
 * The largest magnitude Takt takes for a measured value and for the numbers judged with it (specification limits,
 * target, frozen centre and sigma, defect counts and sample sizes): 1e12. No gauge reads beyond it in any unit a plant
 * uses (a trillion millimetres is a million kilometres), and under it every statistic of a chart stays finite: sums of
 * squares of up to millions of points stay far below the largest double (about 1.8e308), where values near 1e308
 * overflowed to Infinity and came back as null in JSON.
 */
export const MAX_MAGNITUDE = 1e12;

/** The message for a number outside the bound (or not a finite number at all). */
export const BOUND_MESSAGE = 'must be a finite number from -1e12 to 1e12';

/** A finite number whose magnitude is at most MAX_MAGNITUDE. */
export function withinBound(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE;
}
