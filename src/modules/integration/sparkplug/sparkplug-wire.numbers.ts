/**
 * Conversions between protobufjs 64-bit values and Takt's `bigint` / `number`, with range checks.
 * protobufjs hands uint64 fields out as Long objects ({low, high}) when the `long` package is
 * present and as numbers otherwise; both shapes are accepted here.
 */

/** A problem found while mapping between the wire and Takt's payload model. */
export class SparkplugWireError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'SparkplugWireError';
  }
}

const UINT32_MAX = 0xffff_ffff;
const UINT64_MAX = (1n << 64n) - 1n;

interface LongLike {
  readonly low: number;
  readonly high: number;
}

function isLongLike(value: unknown): value is LongLike {
  return typeof value === 'object' && value !== null && typeof (value as Partial<LongLike>).low === 'number'
    && typeof (value as Partial<LongLike>).high === 'number';
}

/** Reads a decoded uint64 as an exact unsigned `bigint`; throws {@link SparkplugWireError} on any other shape. */
export function wireToBigInt(value: unknown, field: string): bigint {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  if (isLongLike(value)) return (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  throw new SparkplugWireError(field, 'not an unsigned 64-bit integer');
}

/** Reads a decoded uint64 as a `number`, refusing values beyond Number.MAX_SAFE_INTEGER instead of rounding them. */
export function wireToSafeNumber(value: unknown, field: string): number {
  const big = wireToBigInt(value, field);
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new SparkplugWireError(field, `${big} is beyond 2^53-1`);
  return Number(big);
}

/** Produces the {low, high} pair protobufjs writes for a uint64; throws RangeError outside 0..2^64-1. */
export function bigIntToWire(value: bigint, field: string): { low: number; high: number; unsigned: true } {
  if (value < 0n || value > UINT64_MAX) throw new RangeError(`${field}: ${value} is not a uint64`);
  return { low: Number(value & 0xffff_ffffn) | 0, high: Number(value >> 32n) | 0, unsigned: true };
}

/** Produces the wire form of a non-negative safe integer held in a uint64 field (timestamps, seq). */
export function safeNumberToWire(value: number, field: string): { low: number; high: number; unsigned: true } {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${field}: ${value} is not a non-negative safe integer`);
  return bigIntToWire(BigInt(value), field);
}

/** Checks a uint32 field value; throws RangeError outside 0..2^32-1. */
export function checkUint32(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > UINT32_MAX) throw new RangeError(`${field}: ${value} is not a uint32`);
  return value;
}
