/**
 * Arithmetic mean; 0 for no values (callers validate non-empty input). Summed as deviations from the first value,
 * so equal values give exactly that value back (no rounding drift off a constant series).
 */
export function mean(values: readonly number[]): number {
  const base = values[0];
  if (base === undefined) return 0;
  let deviations = 0;
  for (const v of values) deviations += v - base;
  return base + deviations / values.length;
}

/** Sample standard deviation with the n − 1 divisor (two-pass); 0 for fewer than two values. */
export function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return Math.sqrt(squares / (values.length - 1));
}

/** Largest minus smallest value; 0 for no values. */
export function range(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min;
}
