/**
 * Sparkplug B data types and their wire codes (Sparkplug 3.0, section 6.4.16 "Data Types").
 * The codes travel as the uint32 `datatype` of a metric, the `type` of a property value,
 * the `types` of a data set and the `type` of a template parameter.
 */
const DATA_TYPE_CODES = {
  Unknown: 0,
  Int8: 1,
  Int16: 2,
  Int32: 3,
  Int64: 4,
  UInt8: 5,
  UInt16: 6,
  UInt32: 7,
  UInt64: 8,
  Float: 9,
  Double: 10,
  Boolean: 11,
  String: 12,
  DateTime: 13,
  Text: 14,
  UUID: 15,
  DataSet: 16,
  Bytes: 17,
  File: 18,
  Template: 19,
  PropertySet: 20,
  PropertySetList: 21,
  Int8Array: 22,
  Int16Array: 23,
  Int32Array: 24,
  Int64Array: 25,
  UInt8Array: 26,
  UInt16Array: 27,
  UInt32Array: 28,
  UInt64Array: 29,
  FloatArray: 30,
  DoubleArray: 31,
  BooleanArray: 32,
  StringArray: 33,
  DateTimeArray: 34,
} as const;

/** Every Sparkplug B data type name, as the specification spells it. */
export type SparkplugDataType = keyof typeof DATA_TYPE_CODES;

/** The scalar types a metric value can carry directly (no nested structure, no packed array). */
export type SparkplugScalarType =
  | 'Int8' | 'Int16' | 'Int32' | 'Int64'
  | 'UInt8' | 'UInt16' | 'UInt32' | 'UInt64'
  | 'Float' | 'Double' | 'Boolean' | 'String' | 'DateTime' | 'Text' | 'UUID' | 'Bytes';

/** The scalar types, in code order; useful for exhaustive tests and generators. */
export const SPARKPLUG_SCALAR_TYPES: readonly SparkplugScalarType[] = [
  'Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64',
  'Float', 'Double', 'Boolean', 'String', 'DateTime', 'Text', 'UUID', 'Bytes',
];

const NAMES_BY_CODE: ReadonlyMap<number, SparkplugDataType> = new Map(
  (Object.entries(DATA_TYPE_CODES) as [SparkplugDataType, number][]).map(([name, code]) => [code, name]),
);

/** Returns the wire code of a data type; total over {@link SparkplugDataType}. */
export function dataTypeCode(name: SparkplugDataType): number {
  return DATA_TYPE_CODES[name];
}

/** Returns the data type for a wire code, or `undefined` when the code is not defined by Sparkplug B 3.0. */
export function dataTypeName(code: number): SparkplugDataType | undefined {
  return NAMES_BY_CODE.get(code);
}
