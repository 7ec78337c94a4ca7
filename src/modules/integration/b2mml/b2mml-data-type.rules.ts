import { parseDateTime, parseDurationSeconds } from './b2mml-datetime.parser.js';

/** The DataType code list of B2MML V0600 and V0701 (identical in both). */
export const B2MML_DATA_TYPES: ReadonlySet<string> = new Set([
  'Amount', 'BinaryObject', 'Code', 'DateTime', 'Identifier', 'Indicator', 'Measure', 'Numeric', 'Quantity', 'Text',
  'string', 'byte', 'unsignedByte', 'binary', 'integer', 'positiveInteger', 'negativeInteger', 'nonNegativeInteger',
  'nonPositiveInteger', 'int', 'unsignedInt', 'long', 'unsignedLong', 'short', 'unsignedShort', 'decimal', 'float',
  'double', 'boolean', 'time', 'timeInstant', 'timePeriod', 'duration', 'date', 'dateTime', 'month', 'year', 'century',
  'recurringDay', 'recurringDate', 'recurringDuration', 'Name', 'QName', 'NCName', 'uriReference', 'language', 'ID',
  'IDREF', 'IDREFS', 'ENTITY', 'ENTITIES', 'NOTATION', 'NMTOKEN', 'NMTOKENS', 'Enumeration', 'SVG', 'Other',
]);

/** Inclusive integer bounds per XML Schema integer type; null means unbounded on that side. */
const INTEGER_BOUNDS: Readonly<Record<string, readonly [bigint | null, bigint | null]>> = {
  integer: [null, null],
  positiveInteger: [1n, null],
  negativeInteger: [null, -1n],
  nonNegativeInteger: [0n, null],
  nonPositiveInteger: [null, 0n],
  byte: [-128n, 127n],
  unsignedByte: [0n, 255n],
  short: [-32768n, 32767n],
  unsignedShort: [0n, 65535n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  unsignedInt: [0n, 2n ** 32n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  unsignedLong: [0n, 2n ** 64n - 1n],
};
const DECIMAL_TYPES = new Set(['decimal', 'Amount', 'Measure', 'Numeric', 'Quantity']);
const FLOAT_TYPES = new Set(['float', 'double']);

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const FLOAT = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Outcome of reading a value string under its DataType. `number` is set for finite numeric values only. */
export type LexicalResult =
  | { readonly ok: true; readonly numeric: boolean; readonly number: number | null }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks `text` against the lexical space of `dataType` (a member of B2MML_DATA_TYPES, or null for none).
 * Numeric types yield `number` when the value is finite; without a DataType a value that reads as a
 * number is treated as one. Text-like and obsolete types accept anything.
 */
export function readTyped(text: string, dataType: string | null): LexicalResult {
  const t = text.trim();
  if (dataType === null) {
    const n = FLOAT.test(t) ? Number(t) : Number.NaN;
    return { ok: true, numeric: Number.isFinite(n), number: Number.isFinite(n) ? n : null };
  }
  const bounds = INTEGER_BOUNDS[dataType];
  if (bounds !== undefined) return readInteger(t, dataType, bounds);
  if (DECIMAL_TYPES.has(dataType)) {
    return DECIMAL.test(t) ? numeric(Number(t)) : fail(`'${t}' is not a ${dataType} (decimal number)`);
  }
  if (FLOAT_TYPES.has(dataType)) {
    if (!FLOAT.test(t)) return fail(`'${t}' is not a ${dataType}`);
    return numeric(Number(t.replace('INF', 'Infinity')));
  }
  switch (dataType) {
    case 'boolean':
    case 'Indicator':
      return ['true', 'false', '1', '0'].includes(t) ? text_() : fail(`'${t}' is not a boolean (true, false, 1, 0)`);
    case 'dateTime':
    case 'DateTime':
    case 'timeInstant':
      return parseDateTime(t) !== null ? text_() : fail(`'${t}' is not a dateTime`);
    case 'date':
      return DATE.test(t) ? text_() : fail(`'${t}' is not a date`);
    case 'time':
      return TIME.test(t) ? text_() : fail(`'${t}' is not a time`);
    case 'duration':
      return parseDurationSeconds(t.replace(/^-/, '')) !== null ? text_() : fail(`'${t}' is not a duration`);
    default:
      return text_();
  }
}

/** True for DataTypes whose values are numbers. */
export function isNumericDataType(dataType: string): boolean {
  return INTEGER_BOUNDS[dataType] !== undefined || DECIMAL_TYPES.has(dataType) || FLOAT_TYPES.has(dataType);
}

function readInteger(t: string, dataType: string, [min, max]: readonly [bigint | null, bigint | null]): LexicalResult {
  if (!INTEGER.test(t)) return fail(`'${t}' is not an ${dataType} (whole number)`);
  const v = BigInt(t);
  if ((min !== null && v < min) || (max !== null && v > max)) return fail(`'${t}' is out of range for ${dataType}`);
  return numeric(Number(t));
}

function numeric(n: number): LexicalResult {
  return { ok: true, numeric: true, number: Number.isFinite(n) ? n : null };
}

function text_(): LexicalResult {
  return { ok: true, numeric: false, number: null };
}

function fail(reason: string): LexicalResult {
  return { ok: false, reason };
}
