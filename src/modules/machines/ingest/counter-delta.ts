/**
 * The units a machine counter advanced by: `next - previous`, or `next` when it went backwards (the counter was
 * reset or wrapped: what it counts since the reset is all that is known). No previous reading: nothing is known yet.
 */
export function counterDelta(previous: number | undefined, next: number): { readonly delta: number; readonly reset: boolean } {
  if (previous === undefined) return { delta: 0, reset: false };
  if (next < previous) return { delta: next, reset: true };
  return { delta: next - previous, reset: false };
}

/** A counter reading: a non-negative integer below 2^53 (bigints in range are read as numbers). */
export function counterReading(value: unknown): number | undefined {
  const n = typeof value === 'bigint' ? (value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : NaN) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
