import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from './sparkplug.codec.js';
import { dataTypeCode, type SparkplugScalarType } from './sparkplug-datatype.codes.js';
import type { MetricValue } from './sparkplug-metric-value.mapper.js';
import { readMetricValue } from './sparkplug-metric.builder.js';
import {
  anyWireMetric, metricSample, payloadOf, sampleMetric, type MetricSample,
} from './sparkplug-payload.arbitraries.test-support.js';
import type { SparkplugPayload } from './sparkplug-payload.types.js';

/**
 * Interoperability: the official Sparkplug B schema (Eclipse Tahu's sparkplug_b.proto, kept outside
 * the repository) against Takt's own. The expected wire form of typed values is computed here
 * independently of Takt's mapper, following the conventions of Tahu's encoders.
 */
const OFFICIAL_SCHEMA = fileURLToPath(new URL('../../../../../shared/standards/sparkplug/sparkplug_b.proto', import.meta.url));
let official: protobuf.Type;

beforeAll(async () => {
  if (!existsSync(OFFICIAL_SCHEMA)) {
    throw new Error(`The official Sparkplug B schema is missing at ${OFFICIAL_SCHEMA}: interoperability cannot be proven without it.`);
  }
  official = (await protobuf.load(OFFICIAL_SCHEMA)).lookupType('org.eclipse.tahu.protobuf.Payload');
});

const long = (value: bigint) => ({ low: Number(value & 0xffff_ffffn) | 0, high: Number(BigInt.asUintN(64, value) >> 32n) | 0, unsigned: true });

function officialValue(datatype: SparkplugScalarType, value: MetricValue): Record<string, unknown> {
  switch (datatype) {
    // Signed 8/16/32-bit: the 32-bit two's complement in the uint32 (Tahu Java widens byte/short to int).
    case 'Int8': case 'Int16': case 'Int32': return { intValue: (value as number) < 0 ? (value as number) + 2 ** 32 : value };
    case 'UInt8': case 'UInt16': case 'UInt32': return { intValue: value };
    case 'Int64': case 'UInt64': return { longValue: long(BigInt.asUintN(64, value as bigint)) };
    case 'DateTime': return { longValue: long(BigInt(value as number)) };
    case 'Float': return { floatValue: value };
    case 'Double': return { doubleValue: value };
    case 'Boolean': return { booleanValue: value };
    case 'String': case 'Text': case 'UUID': return { stringValue: value };
    case 'Bytes': return { bytesValue: value };
  }
}

function officialMetric(s: MetricSample): Record<string, unknown> {
  return {
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.alias !== undefined ? { alias: long(s.alias) } : {}),
    ...(s.timestamp !== undefined ? { timestamp: long(BigInt(s.timestamp)) } : {}),
    datatype: dataTypeCode(s.sample.datatype),
    ...(s.isHistorical !== undefined ? { isHistorical: s.isHistorical } : {}),
    ...(s.isTransient !== undefined ? { isTransient: s.isTransient } : {}),
    ...(s.isNull !== undefined ? { isNull: s.isNull } : {}),
    ...(s.isNull ? {} : officialValue(s.sample.datatype, s.sample.value)),
  };
}

const envelope = fc.record({ timestamp: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), seq: fc.integer({ min: 0, max: 255 }) });
const samples = fc.array(metricSample, { maxLength: 5 });

const officialBytes = (timestamp: number, seq: number, metrics: readonly MetricSample[]): Uint8Array =>
  official.encode({ timestamp: long(BigInt(timestamp)), seq: long(BigInt(seq)), metrics: metrics.map(officialMetric) }).finish();

function taktDecode(bytes: Uint8Array): SparkplugPayload {
  const decoded = decodePayload(bytes);
  if (!decoded.ok) throw new Error(`${decoded.reason}: ${decoded.detail}`);
  return decoded.payload;
}

describe('Sparkplug B interoperability with the official schema', () => {
  it('decodes what the official schema encodes: every scalar type, timestamps, is_null/historical/transient, aliases (property)', () => {
    fc.assert(fc.property(envelope, samples, ({ timestamp, seq }, metrics) => {
      const payload = taktDecode(officialBytes(timestamp, seq, metrics));
      expect(payload.timestamp).toBe(timestamp);
      expect(payload.seq).toBe(seq);
      payload.metrics.forEach((metric, i) => {
        const s = metrics[i] as MetricSample;
        expect({ name: metric.name, alias: metric.alias, timestamp: metric.timestamp }).toEqual({ name: s.name, alias: s.alias, timestamp: s.timestamp });
        expect([metric.isNull, metric.isHistorical, metric.isTransient]).toEqual([s.isNull, s.isHistorical, s.isTransient]);
        expect(readMetricValue(metric)).toEqual({ ok: true, value: s.isNull ? null : s.sample.value });
      });
    }), { numRuns: 500 });
  });

  it('encodes typed values to the very bytes the official schema produces, which it decodes back (property)', () => {
    fc.assert(fc.property(envelope, samples, ({ timestamp, seq }, metrics) => {
      const takt = encodePayload({ timestamp, seq, metrics: metrics.map(sampleMetric) });
      const expected = officialBytes(timestamp, seq, metrics);
      expect(Buffer.from(takt).equals(Buffer.from(expected))).toBe(true);
      const options = { longs: String, bytes: Array, defaults: false };
      expect(official.toObject(official.decode(takt), options)).toEqual(official.toObject(official.decode(expected), options));
    }), { numRuns: 500 });
  });

  it('survives a trip through the official schema and back: templates, data sets, property sets, metadata (property)', () => {
    fc.assert(fc.property(payloadOf(anyWireMetric), (payload) => {
      const takt = encodePayload(payload);
      const reencoded = official.encode(official.decode(takt)).finish();
      expect(Buffer.from(reencoded).equals(Buffer.from(takt))).toBe(true);
      expect(taktDecode(reencoded)).toEqual(payload);
    }), { numRuns: 300 });
  });

  it('reads Int8 -1 from the official schema whether sign-extended or zero-extended', () => {
    const metric = (intValue: number) => ({ name: 'm', datatype: dataTypeCode('Int8'), intValue });
    const bytes = official.encode({ metrics: [metric(0xffff_ffff), metric(0xff)] }).finish();
    const values = taktDecode(bytes).metrics.map((m) => readMetricValue(m));
    expect(values).toEqual([{ ok: true, value: -1 }, { ok: true, value: -1 }]);
  });

  it('writes an NCMD rebirth the official schema reads as Node Control/Rebirth = true without seq', async () => {
    const { rebirthCommand } = await import('./rebirth.request.js');
    const command = rebirthCommand({ groupId: 'G', edgeNodeId: 'E' }, 1_700_000_000_000);
    const decoded = official.toObject(official.decode(command.payload), { longs: Number });
    expect(command.topic).toBe('spBv1.0/G/NCMD/E');
    expect(decoded).toEqual({
      timestamp: 1_700_000_000_000,
      metrics: [{ name: 'Node Control/Rebirth', timestamp: 1_700_000_000_000, datatype: 11, booleanValue: true }],
    });
  });
});
