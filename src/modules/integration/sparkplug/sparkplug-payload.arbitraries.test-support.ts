import fc from 'fast-check';
import { SPARKPLUG_SCALAR_TYPES, dataTypeCode, type SparkplugScalarType } from './sparkplug-datatype.codes.js';
import { toWireValue, type MetricValue } from './sparkplug-metric-value.mapper.js';
import type {
  BasicWireValue, SparkplugDataSet, SparkplugMetric, SparkplugPayload, SparkplugPropertySet, SparkplugTemplate, WireValue,
} from './sparkplug-payload.types.js';

/** Generators for codec property tests (test support only). */

const UINT64_MAX = (1n << 64n) - 1n;
export const uint64 = fc.bigInt({ min: 0n, max: UINT64_MAX });
export const uint32 = fc.integer({ min: 0, max: 0xffff_ffff });
export const epochMs = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
// Valid Unicode only: protobuf strings are UTF-8, so lone surrogates cannot survive any codec.
export const text = fc.string({ unit: 'grapheme', maxLength: 16 });

/** A value of the given scalar type, across its whole range. */
export function scalarValue(datatype: SparkplugScalarType): fc.Arbitrary<MetricValue> {
  switch (datatype) {
    case 'Int8': return fc.integer({ min: -128, max: 127 });
    case 'Int16': return fc.integer({ min: -32768, max: 32767 });
    case 'Int32': return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case 'UInt8': return fc.integer({ min: 0, max: 255 });
    case 'UInt16': return fc.integer({ min: 0, max: 65535 });
    case 'UInt32': return uint32;
    case 'Int64': return fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });
    case 'UInt64': return uint64;
    case 'Float': return fc.float();
    case 'Double': return fc.double();
    case 'Boolean': return fc.boolean();
    case 'String': case 'Text': return text;
    case 'UUID': return fc.uuid();
    case 'DateTime': return epochMs;
    case 'Bytes': return fc.uint8Array({ maxLength: 16 });
  }
}

export interface ScalarSample {
  readonly datatype: SparkplugScalarType;
  readonly value: MetricValue;
}

export const scalarSample: fc.Arbitrary<ScalarSample> = fc.constantFrom(...SPARKPLUG_SCALAR_TYPES)
  .chain((datatype) => scalarValue(datatype).map((value) => ({ datatype, value })));

export interface MetricSample {
  readonly sample: ScalarSample;
  readonly name?: string;
  readonly alias?: bigint;
  readonly timestamp?: number;
  readonly isNull?: boolean;
  readonly isHistorical?: boolean;
  readonly isTransient?: boolean;
}

export const metricSample: fc.Arbitrary<MetricSample> = fc.record({
  sample: scalarSample, name: text, alias: uint64, timestamp: epochMs, isNull: fc.boolean(), isHistorical: fc.boolean(), isTransient: fc.boolean(),
}, { requiredKeys: ['sample'] });

/** The wire metric of a sample, built with Takt's own value mapping. */
export function sampleMetric(s: MetricSample): SparkplugMetric {
  const wire = toWireValue(s.sample.datatype, s.sample.value);
  if (!wire.ok) throw new Error(wire.detail);
  const { sample: _sample, ...flags } = s;
  return { ...flags, datatype: dataTypeCode(s.sample.datatype), ...(s.isNull ? {} : { value: wire.value }) };
}

export const payloadOf = (metrics: fc.Arbitrary<SparkplugMetric>): fc.Arbitrary<SparkplugPayload> => fc.record({
  timestamp: epochMs, metrics: fc.array(metrics, { maxLength: 6 }), seq: fc.integer({ min: 0, max: 255 }), uuid: text,
  body: fc.uint8Array({ maxLength: 8 }),
}, { requiredKeys: ['metrics'] });

const basicWire: fc.Arbitrary<BasicWireValue> = fc.oneof(
  uint32.map((value) => ({ kind: 'int' as const, value })),
  uint64.map((value) => ({ kind: 'long' as const, value })),
  fc.float().map((value) => ({ kind: 'float' as const, value })),
  fc.double().map((value) => ({ kind: 'double' as const, value })),
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value })),
  text.map((value) => ({ kind: 'string' as const, value })),
  fc.constant({ kind: 'extension' as const }),
);

const dataSet: fc.Arbitrary<SparkplugDataSet> = fc.record({
  numOfColumns: uint64, columns: fc.array(text, { maxLength: 3 }), types: fc.array(uint32, { maxLength: 3 }),
  rows: fc.array(fc.array(fc.option(basicWire), { maxLength: 3 }), { maxLength: 3 }),
}, { requiredKeys: ['columns', 'types', 'rows'] });

/** Any wire-level metric, with nested templates, data sets, property sets and metadata. */
export const anyWireMetric: fc.Arbitrary<SparkplugMetric> = fc.letrec<{
  metric: SparkplugMetric; template: SparkplugTemplate; propertySet: SparkplugPropertySet; value: WireValue;
}>((tie) => ({
  propertySet: fc.record({
    keys: fc.array(text, { maxLength: 2 }),
    values: fc.array(fc.record({
      type: uint32, isNull: fc.boolean(),
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, basicWire,
        tie('propertySet').map((value) => ({ kind: 'propertyset' as const, value })),
        fc.array(tie('propertySet'), { maxLength: 2 }).map((value) => ({ kind: 'propertysets' as const, value }))),
    }, { requiredKeys: [] }), { maxLength: 2 }),
  }),
  template: fc.record({
    version: text, metrics: fc.array(tie('metric'), { maxLength: 2 }),
    parameters: fc.array(fc.record({ name: text, type: uint32, value: basicWire }, { requiredKeys: [] }), { maxLength: 2 }),
    templateRef: text, isDefinition: fc.boolean(),
  }, { requiredKeys: ['metrics', 'parameters'] }),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    basicWire,
    fc.uint8Array({ maxLength: 8 }).map((value) => ({ kind: 'bytes' as const, value })),
    dataSet.map((value) => ({ kind: 'dataset' as const, value })),
    tie('template').map((value) => ({ kind: 'template' as const, value }))),
  metric: fc.record({
    name: text, alias: uint64, timestamp: epochMs, datatype: uint32, isHistorical: fc.boolean(), isTransient: fc.boolean(),
    isNull: fc.boolean(),
    metadata: fc.record({
      isMultiPart: fc.boolean(), contentType: text, size: uint64, seq: uint64, fileName: text, fileType: text, md5: text, description: text,
    }, { requiredKeys: [] }),
    properties: tie('propertySet'),
    value: tie('value'),
  }, { requiredKeys: [] }),
})).metric;
