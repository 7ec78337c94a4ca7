import type { SparkplugDataType } from './sparkplug-datatype.codes.js';
import type { SparkplugDataSet, SparkplugTemplate, WireValue } from './sparkplug-payload.types.js';

/**
 * A metric value once its Sparkplug data type is applied:
 * - Int8/16/32, UInt8/16/32, Float, Double: `number`
 * - Int64, UInt64: `bigint` (always, so values beyond 2^53 are exact)
 * - DateTime: `number` of milliseconds since epoch (refused beyond 2^53-1)
 * - Boolean: `boolean`; String, Text, UUID: `string`
 * - Bytes, File and the packed array types (Int8Array..DateTimeArray): `Uint8Array`, still packed
 * - DataSet, Template: their structures
 */
export type MetricValue = number | bigint | boolean | string | Uint8Array | SparkplugDataSet | SparkplugTemplate;

export type ValueMappingFailure =
  | 'unknown-datatype' | 'unsupported-datatype' | 'wire-kind-mismatch' | 'value-out-of-range' | 'missing-value';

export type ValueResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: ValueMappingFailure; readonly detail: string };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = <T>(reason: ValueMappingFailure, detail: string): ValueResult<T> => ({ ok: false, reason, detail });

type IntRange = { readonly bits: 8 | 16 | 32; readonly signed: boolean };
const INT_RANGES: Partial<Record<SparkplugDataType, IntRange>> = {
  Int8: { bits: 8, signed: true }, Int16: { bits: 16, signed: true }, Int32: { bits: 32, signed: true },
  UInt8: { bits: 8, signed: false }, UInt16: { bits: 16, signed: false }, UInt32: { bits: 32, signed: false },
};
const WIRE_KIND: Partial<Record<SparkplugDataType, WireValue['kind']>> = {
  Int64: 'long', UInt64: 'long', DateTime: 'long', Float: 'float', Double: 'double', Boolean: 'boolean',
  String: 'string', Text: 'string', UUID: 'string', Bytes: 'bytes', File: 'bytes', DataSet: 'dataset', Template: 'template',
};
const isPackedArray = (datatype: SparkplugDataType): boolean => datatype.endsWith('Array');

/**
 * Signed 8/16/32-bit values travel in the uint32 `int_value` as their 32-bit two's complement, i.e.
 * sign-extended (-1 as Int8 is 0xFFFFFFFF), which is what Eclipse Tahu's Java encoder produces. The
 * zero-extended form some encoders emit (0xFF) is accepted too; anything else is out of range.
 */
function intFromWire(range: IntRange, raw: number): ValueResult<number> {
  if (range.bits === 32) return ok(range.signed ? raw | 0 : raw);
  const size = 2 ** range.bits;
  if (!range.signed) return raw < size ? ok(raw) : fail('value-out-of-range', `${raw} does not fit UInt${range.bits}`);
  const half = size / 2;
  if (raw < half) return ok(raw);
  if (raw < size) return ok(raw - size);
  if (raw >= 2 ** 32 - half) return ok(raw | 0);
  return fail('value-out-of-range', `${raw} is not a sign-extended Int${range.bits}`);
}

function intToWire(range: IntRange, value: number): ValueResult<number> {
  const min = range.signed ? -(2 ** (range.bits - 1)) : 0;
  const max = range.signed ? 2 ** (range.bits - 1) - 1 : 2 ** range.bits - 1;
  if (!Number.isInteger(value) || value < min || value > max) return fail('value-out-of-range', `${value} does not fit ${range.signed ? 'Int' : 'UInt'}${range.bits}`);
  return ok(value >>> 0);
}

/** Applies a data type to a decoded wire value. Never throws; a value that does not fit its type is reported. */
export function fromWireValue(datatype: SparkplugDataType, wire: WireValue): ValueResult<MetricValue> {
  const range = INT_RANGES[datatype];
  if (range) return wire.kind === 'int' ? intFromWire(range, wire.value) : fail('wire-kind-mismatch', `${datatype} carried as ${wire.kind}`);
  const expected = isPackedArray(datatype) ? 'bytes' : WIRE_KIND[datatype];
  if (expected === undefined) return fail('unsupported-datatype', `${datatype} is not a metric value type`);
  if (wire.kind !== expected) return fail('wire-kind-mismatch', `${datatype} carried as ${wire.kind}`);
  if (wire.kind === 'extension') return fail('unsupported-datatype', 'extension value');
  if (datatype === 'Int64' && wire.kind === 'long') return ok(BigInt.asIntN(64, wire.value));
  if (datatype === 'DateTime' && wire.kind === 'long') {
    return wire.value <= BigInt(Number.MAX_SAFE_INTEGER) ? ok(Number(wire.value)) : fail('value-out-of-range', `DateTime ${wire.value} is beyond 2^53-1`);
  }
  return ok(wire.value);
}

function longToWire(datatype: SparkplugDataType, value: MetricValue): ValueResult<WireValue> {
  const big = typeof value === 'bigint' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (big === undefined) return fail('value-out-of-range', `${datatype} needs an integer`);
  const signed = datatype === 'Int64';
  const fits = signed ? BigInt.asIntN(64, big) === big : BigInt.asUintN(64, big) === big;
  if (!fits || (datatype === 'DateTime' && big > BigInt(Number.MAX_SAFE_INTEGER))) return fail('value-out-of-range', `${big} does not fit ${datatype}`);
  return ok({ kind: 'long', value: BigInt.asUintN(64, big) });
}

/** Builds the wire value for a typed value. Never throws; a value that does not fit its type is reported. */
export function toWireValue(datatype: SparkplugDataType, value: MetricValue): ValueResult<WireValue> {
  const range = INT_RANGES[datatype];
  if (range) {
    if (typeof value !== 'number') return fail('wire-kind-mismatch', `${datatype} needs a number`);
    const wire = intToWire(range, value);
    return wire.ok ? ok({ kind: 'int', value: wire.value }) : wire;
  }
  const kind = isPackedArray(datatype) ? 'bytes' : WIRE_KIND[datatype];
  const mismatch = fail<WireValue>('wire-kind-mismatch', `${datatype} cannot carry ${typeof value}`);
  switch (kind) {
    case 'long': return longToWire(datatype, value);
    case 'float': case 'double': return typeof value === 'number' ? ok({ kind, value }) : mismatch;
    case 'boolean': return typeof value === 'boolean' ? ok({ kind, value }) : mismatch;
    case 'string': return typeof value === 'string' ? ok({ kind, value }) : mismatch;
    case 'bytes': return value instanceof Uint8Array ? ok({ kind, value }) : mismatch;
    case 'dataset': return typeof value === 'object' && 'rows' in value ? ok({ kind, value }) : mismatch;
    case 'template': return typeof value === 'object' && 'parameters' in value ? ok({ kind, value }) : mismatch;
    default: return fail('unsupported-datatype', `${datatype} is not a metric value type`);
  }
}
