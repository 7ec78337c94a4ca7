import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSparkplugTopic, parseSparkplugTopic, type SparkplugTopic } from './sparkplug-topic.parser.js';

const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[+/#]/.test(s));
const nodeType = fc.constantFrom('NBIRTH', 'NDEATH', 'NDATA', 'NCMD' as const);
const deviceType = fc.constantFrom('DBIRTH', 'DDEATH', 'DDATA', 'DCMD' as const);
const topic: fc.Arbitrary<SparkplugTopic> = fc.oneof(
  fc.record({ kind: fc.constant('node' as const), groupId: id, messageType: nodeType, edgeNodeId: id }),
  fc.record({ kind: fc.constant('device' as const), groupId: id, messageType: deviceType, edgeNodeId: id, deviceId: id }),
  fc.record({ kind: fc.constant('state' as const), hostId: id }),
).filter((t) => t.kind === 'state' || t.groupId !== 'STATE');

describe('parseSparkplugTopic', () => {
  it('reads node, device and STATE topics', () => {
    expect(parseSparkplugTopic('spBv1.0/Plant 1/NBIRTH/Press-04')).toEqual({
      ok: true, topic: { kind: 'node', groupId: 'Plant 1', messageType: 'NBIRTH', edgeNodeId: 'Press-04' },
    });
    expect(parseSparkplugTopic('spBv1.0/G/DDATA/E/D1')).toEqual({
      ok: true, topic: { kind: 'device', groupId: 'G', messageType: 'DDATA', edgeNodeId: 'E', deviceId: 'D1' },
    });
    expect(parseSparkplugTopic('spBv1.0/STATE/takt-host')).toEqual({ ok: true, topic: { kind: 'state', hostId: 'takt-host' } });
  });

  it.each([
    ['spAv1.0/G/NDATA/E', 'wrong-namespace'],
    ['', 'wrong-namespace'],
    ['spBv1.0', 'wrong-segment-count'],
    ['spBv1.0/G/NDATA', 'wrong-segment-count'],
    ['spBv1.0/G/NDATA/E/D/X', 'wrong-segment-count'],
    ['spBv1.0/G/NPING/E', 'unknown-message-type'],
    ['spBv1.0/G/ndata/E', 'unknown-message-type'],
    ['spBv1.0/G/DDATA/E', 'missing-device-id'],
    ['spBv1.0/G/NDATA/E/D', 'unexpected-device-id'],
    ['spBv1.0/G/NDATA/', 'invalid-id'],
    ['spBv1.0//NDATA/E', 'invalid-id'],
    ['spBv1.0/G+/NDATA/E', 'invalid-id'],
    ['spBv1.0/G/DDATA/E/#', 'invalid-id'],
    ['spBv1.0/STATE/h/x', 'wrong-segment-count'],
    ['spBv1.0/STATE/', 'invalid-id'],
  ])('rejects %j with reason %s', (raw, reason) => {
    const result = parseSparkplugTopic(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('gives back every formatted topic (property)', () => {
    fc.assert(fc.property(topic, (t) => {
      expect(parseSparkplugTopic(formatSparkplugTopic(t))).toEqual({ ok: true, topic: t });
    }));
  });

  it('never throws on arbitrary input and formats back what it accepts (property)', () => {
    const segments = fc.array(fc.oneof(fc.constantFrom('spBv1.0', 'STATE', 'NDATA', 'DBIRTH', '', '+', '#'), fc.string()), { maxLength: 7 });
    fc.assert(fc.property(fc.oneof(fc.string(), segments.map((s) => s.join('/'))), (raw) => {
      const result = parseSparkplugTopic(raw);
      if (result.ok) expect(formatSparkplugTopic(result.topic)).toBe(raw);
      else expect(result.detail.length).toBeGreaterThan(0);
    }));
  });
});
