/** A scalar as machine data carries it (the machines module's `MachineValue`). */
export type OpcUaScalar = number | bigint | boolean | string | null;

/** The parts of an OPC UA DataValue this reads: the variant's built-in type number, its value, and the status. */
export interface OpcUaReading {
  /** OPC UA built-in type id (Part 6, 5.1.2): 1 Boolean ... 11 Double, 12 String, 13 DateTime, 21 LocalizedText, 0 Null. */
  readonly dataType: number;
  /** 0 scalar, 1 array, 2 matrix. */
  readonly arrayType?: number;
  readonly value: unknown;
  /** The status code value; its top two bits say good (00), uncertain (01) or bad (10). */
  readonly status: number;
}

const NUMBERS = new Set([2, 3, 4, 5, 6, 7, 10, 11]); // SByte, Byte, Int16, UInt16, Int32, UInt32, Float, Double
const INT64 = 8;
const UINT64 = 9;

/** A 64-bit integer as node-opcua hands it: `[high, low]` 32-bit words. */
function int64(value: unknown, signed: boolean): bigint | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [high, low] = value as unknown[];
  if (typeof high !== 'number' || typeof low !== 'number') return undefined;
  const unsigned = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  return signed ? BigInt.asIntN(64, unsigned) : unsigned;
}

/**
 * The machine value of an OPC UA reading, or undefined when it carries none Takt can use (a bad status, an array,
 * a structure): the subscription skips it. A Null variant with an uncertain or good status is the value null.
 */
export function opcUaValue(reading: OpcUaReading): OpcUaScalar | undefined {
  if ((reading.status >>> 30) === 2 || (reading.arrayType ?? 0) !== 0) return undefined;
  const { dataType, value } = reading;
  if (dataType === 0 || value === null || value === undefined) return null;
  if (dataType === 1) return typeof value === 'boolean' ? value : undefined;
  if (NUMBERS.has(dataType)) return typeof value === 'number' ? value : undefined;
  if (dataType === INT64 || dataType === UINT64) return int64(value, dataType === INT64);
  if (dataType === 12) return typeof value === 'string' ? value : undefined;
  if (dataType === 13) return value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined;
  if (dataType === 21) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' ? text : null;
  }
  return undefined;
}
