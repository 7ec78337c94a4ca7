import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from './sparkplug.codec.js';
import { readMetricValue, typedMetric } from './sparkplug-metric.builder.js';
import { dataTypeName, type SparkplugScalarType } from './sparkplug-datatype.codes.js';
import {
  anyWireMetric, metricSample, payloadOf, sampleMetric, type MetricSample,
} from './sparkplug-payload.arbitraries.test-support.js';
import type { SparkplugPayload } from './sparkplug-payload.types.js';

function roundTrip(payload: SparkplugPayload): SparkplugPayload {
  const decoded = decodePayload(encodePayload(payload));
  if (!decoded.ok) throw new Error(`${decoded.reason}: ${decoded.detail}`);
  return decoded.payload;
}

describe('Sparkplug codec', () => {
  it('decodes exactly what it encodes, nested templates, data sets and property sets included (property)', () => {
    fc.assert(fc.property(payloadOf(anyWireMetric), (payload) => {
      expect(roundTrip(payload)).toEqual(payload);
    }), { numRuns: 300 });
  });

  it('gives back every scalar value with its flags, timestamp and alias (property)', () => {
    fc.assert(fc.property(payloadOf(metricSample.map(sampleMetric)), fc.array(metricSample, { maxLength: 4 }), (base, samples) => {
      const payload = { ...base, metrics: samples.map(sampleMetric) };
      const decoded = roundTrip(payload);
      decoded.metrics.forEach((metric, i) => {
        const sample = samples[i] as MetricSample;
        expect(metric.alias).toBe(sample.alias);
        expect(metric.timestamp).toBe(sample.timestamp);
        expect(metric.isHistorical).toBe(sample.isHistorical);
        expect(metric.isTransient).toBe(sample.isTransient);
        const value = readMetricValue(metric);
        expect(value).toEqual({ ok: true, value: sample.isNull ? null : sample.sample.value });
        expect(dataTypeName(metric.datatype ?? -1)).toBe(sample.sample.datatype);
      });
    }), { numRuns: 500 });
  });

  it('keeps 64-bit values beyond 2^53 exact as bigint', () => {
    const payload = {
      metrics: [
        typedMetric({ name: 'u', alias: (1n << 64n) - 1n, datatype: 'UInt64', value: (1n << 64n) - 1n }),
        typedMetric({ name: 'i', datatype: 'Int64', value: -(1n << 63n) }),
      ],
    };
    const [u, i] = roundTrip(payload).metrics;
    expect(u?.alias).toBe(18446744073709551615n);
    expect(u && readMetricValue(u)).toEqual({ ok: true, value: 18446744073709551615n });
    expect(i && readMetricValue(i)).toEqual({ ok: true, value: -9223372036854775808n });
  });

  it.each<[SparkplugScalarType, number, number]>([
    ['Int8', -1, 0xffff_ffff],
    ['Int8', -128, 0xffff_ff80],
    ['Int16', -2, 0xffff_fffe],
    ['Int32', -(2 ** 31), 0x8000_0000],
    ['Int8', 127, 127],
  ])('carries %s %i sign-extended in int_value as %i', (datatype, value, wire) => {
    const metric = typedMetric({ name: 'm', datatype, value });
    expect(metric.value).toEqual({ kind: 'int', value: wire });
  });

  it('never throws on arbitrary bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
      const result = decodePayload(bytes);
      if (!result.ok) expect(['malformed-protobuf', 'value-out-of-range']).toContain(result.reason);
    }), { numRuns: 2000 });
  });

  it('reports truncated payloads as malformed protobuf', () => {
    const bytes = encodePayload({ timestamp: 1, metrics: [typedMetric({ name: 'a long metric name', datatype: 'String', value: 'x' })] });
    expect(decodePayload(bytes.subarray(0, bytes.length - 3))).toMatchObject({ ok: false, reason: 'malformed-protobuf' });
  });

  it('refuses a timestamp beyond 2^53-1 rather than rounding it', () => {
    // Payload.timestamp (field 1, varint) = 2^60
    const bytes = Uint8Array.from([0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]);
    expect(decodePayload(bytes)).toMatchObject({ ok: false, reason: 'value-out-of-range' });
  });

  it('refuses to encode numbers that do not fit their wire field', () => {
    expect(() => encodePayload({ metrics: [{ value: { kind: 'int', value: -1 } }] })).toThrow(RangeError);
    expect(() => encodePayload({ seq: 1.5, metrics: [] })).toThrow(RangeError);
    expect(() => typedMetric({ name: 'x', datatype: 'UInt8', value: 256 })).toThrow(RangeError);
  });
});
